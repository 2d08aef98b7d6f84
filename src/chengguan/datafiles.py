"""Reading the versioned data files (YAML validated by pydantic models) with errors in Chinese that name the file
and the field. Shared by the catalog, the calendar, the periods and the discretion policies."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def validation_message(e: ValidationError) -> str:
    """'field.sub: message；…' without pydantic's 'Value error, ' prefix."""
    out = []
    for err in e.errors():
        loc = ".".join(str(x) for x in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        out.append(f"{loc}: {msg}" if loc else msg)
    return "；".join(out)


def read_yaml(path: Path, error: type[Exception] = ValueError):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as e:
        raise error(f"无法读取 {path}：{e}") from e


def load_model(path: Path, model, error: type[Exception] = ValueError):
    """The file at `path` validated as `model`; `error` (with the file name and the field) when it is not."""
    raw = read_yaml(path, error)
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        raise error(f"{path.name}：{validation_message(e)}") from e
