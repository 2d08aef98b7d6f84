"""Cases API (session sign-in required): list, detail with the next allowed actions, and transitions.
Errors: 403 role or area, 409 someone changed the case first, 422 a precondition or a field (named)."""

from __future__ import annotations

from ninja import Router, Schema
from ninja.security import django_auth

from . import transitions
from .actions import CaseError, ConflictError
from .clocks import current_clock
from .models import Case
from .roles import PermissionDenied
from .views import _visible_cases

router = Router(auth=django_auth, tags=["办案"])


def _case_dict(c: Case, user=None) -> dict:
    k = current_clock(c)
    d = {"id": c.pk, "number": c.number, "procedure": c.procedure, "status": c.status, "team": c.team.name, "town": c.town,
         "party": {"type": c.party_type, "name": c.party_name}, "situation_id": c.situation_id, "act_date": c.act_date,
         "fine_amount": float(c.fine_amount) if c.fine_amount is not None else None, "decision_number": c.decision_number,
         "deadline": {"label": k.label, "due": k.due, "days_left": k.days_left, "state": k.state, "error": k.error},
         "version": c.version}
    if user is not None:
        d["actions"] = [{"name": t.name, "label": t.label, "fields": [f[0] for f in t.fields]} for t in transitions.available(user, c)]
    return d


@router.get("", summary="案件列表")
def list_cases(request, status: str | None = None, limit: int = 50, offset: int = 0):
    qs = _visible_cases(request.user).order_by("-clue_at", "-id")
    if status:
        qs = qs.filter(status=status)
    limit = max(1, min(limit, 500))
    return {"count": qs.count(), "results": [_case_dict(c) for c in qs[offset: offset + limit]]}


@router.get("/{case_id}", response={200: dict, 404: dict}, summary="案件详情及可执行操作")
def get_case(request, case_id: int):
    c = _visible_cases(request.user).filter(pk=case_id).first()
    if c is None:
        return 404, {"detail": "没有该案件，或不在您的辖区"}
    d = _case_dict(c, request.user)
    d["discretion"] = c.discretion
    return d


class ActIn(Schema):
    version: int | None = None
    data: dict = {}


@router.post("/{case_id}/actions/{name}", response={200: dict, 403: dict, 404: dict, 409: dict, 422: dict}, summary="执行一项操作")
def act(request, case_id: int, name: str, payload: ActIn):
    c = _visible_cases(request.user).filter(pk=case_id).first()
    if c is None:
        return 404, {"detail": "没有该案件，或不在您的辖区"}
    try:
        transitions.run(request.user, c, name, payload.data, None, payload.version)
    except transitions.FieldError as e:
        return 422, {"detail": [{"loc": ["body", "data", e.field], "msg": str(e), "type": "value_error"}]}
    except PermissionDenied as e:
        return 403, {"detail": str(e)}
    except ConflictError as e:
        return 409, {"detail": str(e)}
    except CaseError as e:
        return 422, {"detail": [{"loc": ["body", "action"], "msg": str(e), "type": "precondition"}]}
    c.refresh_from_db()
    return _case_dict(c, request.user)


@router.get("/{case_id}/documents", response={200: dict, 404: dict}, summary="案件的执法文书（种类、文号、下载地址）")
def documents(request, case_id: int):
    from .views import _documents_for

    c = _visible_cases(request.user).filter(pk=case_id).first()
    if c is None:
        return 404, {"detail": "没有该案件，或不在您的辖区"}
    docs, problem = _documents_for(c) if c.situation_id else ([], "案件尚未确定违法情形")
    for d in docs:
        base = f"/api/cases/{c.pk}/documents/{d['kind']}"
        d["docx"] = None if d["needs_number"] else base + ".docx"
        d["pdf"] = None if d["needs_number"] else base + ".pdf"
    return {"documents": docs, "problem": problem}


@router.get("/{case_id}/documents/{kind}.{fmt}", response={200: None, 404: dict, 422: dict}, summary="下载一份文书（docx 或 pdf）")
def document_file(request, case_id: int, kind: str, fmt: str):
    from urllib.parse import quote

    from django.http import HttpResponse

    from .documents import DocumentsUnavailable, render_case_document

    c = _visible_cases(request.user).filter(pk=case_id).first()
    if c is None:
        return 404, {"detail": "没有该案件，或不在您的辖区"}
    try:
        data, filename, content_type = render_case_document(c, kind, fmt)
    except (DocumentsUnavailable, LookupError, ValueError) as e:
        return 422, {"detail": [{"loc": ["path", "kind"], "msg": str(e), "type": "value_error"}]}
    resp = HttpResponse(data, content_type=content_type)
    resp["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return resp
