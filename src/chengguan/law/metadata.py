"""Statute metadata (data/laws/index.yaml): one entry per text version, validated with pydantic."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .model import LEVELS


class Source(BaseModel):
    repo: str
    path: str
    commit: str = ""


class InstrumentMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    title: str
    level: str
    issuer: str
    version_date: dt.date
    effective_date: dt.date
    repealed_date: dt.date | None = None
    repealed_by: str | None = None
    repeal_note: str | None = None
    aliases: list[str] = Field(default_factory=list)
    source: Source | None = None
    notes: str | None = None

    @field_validator("level")
    @classmethod
    def _level(cls, v: str) -> str:
        if v not in LEVELS:
            raise ValueError(f"效力级别必须是 {'/'.join(LEVELS)} 之一，而不是 {v}")
        return v


def load_index(path: Path) -> list[InstrumentMeta]:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
    return [InstrumentMeta.model_validate(r) for r in raw]


def dump_index(path: Path, metas: list[InstrumentMeta], header: str = "") -> None:
    rows = [m.model_dump(mode="json", exclude_none=True, exclude_defaults=False) for m in metas]
    for r in rows:
        if not r.get("aliases"):
            r.pop("aliases", None)
    text = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=200)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(header + text, encoding="utf-8")
    tmp.replace(path)
