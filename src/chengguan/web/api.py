"""The NinjaAPI instance: OpenAPI at /api/openapi.json, docs at /api/docs. Validation errors are 422
with the precise field (`loc`) and a Chinese message."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.errors import ValidationError

api = NinjaAPI(title="城管执法助手 API", version="1", description="法规库、违法情形目录、智能匹配、裁量、办案、文书。",
               urls_namespace="api")


@api.exception_handler(ValidationError)
def validation_errors(request, exc: ValidationError):
    return api.create_response(request, {"detail": exc.errors}, status=422)


def _mount() -> None:
    from ..assistant.api import router as assistant_router

    api.add_router("", assistant_router)
    try:
        from ..cases.api import router as cases_router
    except ImportError:
        return
    api.add_router("/cases", cases_router)


_mount()
