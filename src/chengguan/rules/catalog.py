"""Load the catalog (data/rules/**.yaml) into memory: items, situations, out-of-scope articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .. import DATA_DIR
from ..datafiles import YAML_LOADER, validation_message
from ..lazy import Lazy
from .schema import Item, OutOfScope, Situation

RULES_DIR = DATA_DIR / "rules"
_Loader = YAML_LOADER


@dataclass
class LoadProblem:
    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file} {self.where}: {self.message}"


@dataclass
class Catalog:
    items: dict[str, Item] = field(default_factory=dict)
    situations: dict[str, Situation] = field(default_factory=dict)
    out_of_scope: list[OutOfScope] = field(default_factory=list)
    towns: dict = field(default_factory=dict)
    source_file: dict[str, str] = field(default_factory=dict)  # situation/item id → file
    problems: list[LoadProblem] = field(default_factory=list)

    def situation(self, sid: str) -> Situation | None:
        return self.situations.get(sid)

    def in_force(self, day: dt.date) -> list[Situation]:
        return [s for s in self.situations.values() if s.valid_on(day) and s.basis_on(day)]


def _load_list(path: Path, model, problems: list[LoadProblem]):
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or []
    except yaml.YAMLError as e:
        problems.append(LoadProblem(path.name, "", f"YAML 格式错误：{e}"))
        return []
    if not isinstance(raw, list):
        problems.append(LoadProblem(path.name, "", "文件内容应为列表"))
        return []
    out = []
    for i, row in enumerate(raw):
        ident = row.get("id") or row.get("code") or f"#{i + 1}" if isinstance(row, dict) else f"#{i + 1}"
        try:
            out.append(model.model_validate(row))
        except ValidationError as e:
            problems.append(LoadProblem(path.name, str(ident), validation_message(e)))
    return out


def runtime_rules_dir() -> Path:
    """Situations accepted through the admin (legal office edits) live in the runtime data folder and
    replace the shipped ones with the same id."""
    import os

    return Path(os.environ.get("CHENGGUAN_DATA_DIR", "var")) / "rules"


def load_overrides(cat: Catalog, path: Path) -> None:
    if not path.exists():
        return
    for s in _load_list(path, Situation, cat.problems):
        cat.situations[s.id] = s
        cat.source_file[s.id] = f"{path.name}（管理员修订）"


def load_catalog(root: Path | None = None, overrides: bool | None = None) -> Catalog:
    use_overrides = overrides if overrides is not None else root is None
    root = root or RULES_DIR
    cat = Catalog()
    for f in sorted((root / "items").glob("*.yaml")):
        for it in _load_list(f, Item, cat.problems):
            if it.code in cat.items:
                cat.problems.append(LoadProblem(f.name, it.code, f"执法事项编码重复（另见 {cat.source_file[it.code]}）"))
            cat.items[it.code] = it
            cat.source_file[it.code] = f.name
    for f in sorted((root / "situations").glob("*.yaml")):
        for s in _load_list(f, Situation, cat.problems):
            if s.id in cat.situations:
                cat.problems.append(LoadProblem(f.name, s.id, f"违法情形编号重复（另见 {cat.source_file[s.id]}）"))
            cat.situations[s.id] = s
            cat.source_file[s.id] = f.name
    for f in sorted((root / "out_of_scope").glob("*.yaml")):
        cat.out_of_scope.extend(_load_list(f, OutOfScope, cat.problems))
    if use_overrides:
        load_overrides(cat, runtime_rules_dir() / "situations.yaml")
    towns = root / "towns.yaml"
    if towns.exists():
        cat.towns = yaml.load(towns.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return cat


_CAT: Lazy[Catalog] = Lazy(lambda: load_catalog())


def get_catalog() -> Catalog:
    return _CAT.get()


def reset_catalog() -> None:
    _CAT.set(None)
