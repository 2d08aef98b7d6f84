"""The template manifest (data/templates/manifest.yaml): document kinds, their files, 文号 prefixes and checks."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .. import DATA_DIR


def templates_dir() -> Path:
    """Shipped templates, or a bureau's own folder named by CHENGGUAN_TEMPLATES_DIR."""
    return Path(os.environ.get("CHENGGUAN_TEMPLATES_DIR", DATA_DIR / "templates"))


@dataclass(frozen=True)
class Element:
    element: str
    required: str
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    if_: str | None = None


@dataclass(frozen=True)
class Forbidden:
    element: str
    pattern: str
    required: str
    unless: str | None = None


@dataclass
class DocKind:
    kind: str
    file: str
    title: str
    aliases: tuple[str, ...]
    prefix: str | None
    date: str
    when: str
    fields: tuple[str, ...]
    elements: list[Element] = field(default_factory=list)
    forbidden: list[Forbidden] = field(default_factory=list)
    seal: bool = False
    order: int = 0

    @property
    def numbered(self) -> bool:
        return bool(self.prefix)

    def template_path(self, folder: Path | None = None) -> Path:
        return (folder or templates_dir()) / self.file


@dataclass
class Manifest:
    kinds: dict[str, DocKind]
    common_fields: tuple[str, ...]
    common_elements: list[Element]
    seal_elements: list[Element]
    folder: Path

    def get(self, kind: str) -> DocKind:
        try:
            return self.kinds[kind]
        except KeyError:
            raise KeyError(f"未知的文书种类：{kind}；可用：{'、'.join(self.kinds)}") from None

    def identify(self, lines: list[str]) -> DocKind | None:
        """The kind of a document from its title (first lines), exact match after removing spaces."""
        head = [re.sub(r"\s+", "", ln) for ln in lines[:8] if ln.strip()]
        for ln in head:
            for k in self.kinds.values():
                if ln == k.title or ln in k.aliases or ln == k.kind:
                    return k
        return None


def _flatten(items) -> list:
    out = []
    for x in items or []:
        if isinstance(x, list):
            out.extend(_flatten(x))
        else:
            out.append(x)
    return out


def _element(d: dict) -> Element:
    return Element(d["element"], d["required"], tuple(d.get("all", ())), tuple(d.get("any", ())),
                   tuple(d.get("none", ())), d.get("if"))


def _forbidden(d: dict) -> Forbidden:
    return Forbidden(d["element"], d["pattern"], d["required"], d.get("unless"))


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> Manifest:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    seal = [_element(e) for e in _flatten(raw.get("seal_elements"))]
    kinds: dict[str, DocKind] = {}
    for i, k in enumerate(raw["kinds"]):
        kinds[k["kind"]] = DocKind(
            kind=k["kind"], file=k["file"], title=k["title"], aliases=tuple(k.get("aliases", ())), prefix=k.get("prefix"),
            date=k["date"], when=k.get("when", "always"), fields=tuple(k.get("fields", ())),
            elements=[_element(e) for e in _flatten(k.get("elements"))],
            forbidden=[_forbidden(f) for f in _flatten(k.get("forbidden"))], seal=bool(k.get("seal")), order=i)
    return Manifest(kinds, tuple(raw.get("common_fields", ())), [_element(e) for e in _flatten(raw.get("common_elements"))],
                    seal, Path(path).parent)


def load_manifest(folder: Path | None = None) -> Manifest:
    path = (folder or templates_dir()) / "manifest.yaml"
    return _load(str(path), path.stat().st_mtime)
