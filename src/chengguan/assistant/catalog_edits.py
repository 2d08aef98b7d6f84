"""Legal-office edits of the catalog: validated like `chengguan rules check`, kept as versions, applied as an
overlay of the shipped data (the engine reads it; no Django in the engine)."""

from __future__ import annotations

import yaml
from django.db import transaction
from pydantic import ValidationError

from ..datafiles import validation_message
from ..rules.catalog import Catalog, get_catalog, reset_catalog, runtime_rules_dir
from ..rules.schema import Situation
from ..rules.validate import Validator
from .models import SituationVersion


class EditRefused(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("；".join(problems))
        self.problems = problems


def parse(yaml_text: str) -> Situation:
    try:
        raw = yaml.safe_load(yaml_text)
    except yaml.YAMLError as e:
        raise EditRefused([f"YAML 格式错误：{e}"]) from e
    if isinstance(raw, list) and len(raw) == 1:
        raw = raw[0]
    if not isinstance(raw, dict):
        raise EditRefused(["内容应为一个违法情形（YAML 映射）"])
    try:
        return Situation.model_validate(raw)
    except ValidationError as e:
        raise EditRefused(validation_message(e).split("；")) from e


def validate(s: Situation) -> None:
    """Check the edited situation against the statute texts, as part of the whole catalog."""
    base = get_catalog()
    cat = Catalog(items=base.items, situations={**base.situations, s.id: s}, out_of_scope=base.out_of_scope, towns=base.towns)
    v = Validator(cat)
    v.problems = []
    v.check_situation(s)
    errors = [p.message for p in v.problems if p.severity == "error"]
    if errors:
        raise EditRefused(errors)


def _diff(old: dict | None, new: dict) -> list[dict]:
    if old is None:
        return [{"field": "*", "before": None, "after": "新增"}]
    keys = sorted(set(old) | set(new))
    return [{"field": k, "before": old.get(k), "after": new.get(k)} for k in keys if old.get(k) != new.get(k)]


@transaction.atomic
def save_edit(author, yaml_text: str, comment: str) -> SituationVersion:
    from ..cases.roles import ADMIN, REVIEWER, PermissionDenied, roles_of

    if not roles_of(author) & {REVIEWER, ADMIN}:
        raise PermissionDenied("只有法制审核人员可以修订违法情形")
    if not comment.strip():
        raise EditRefused(["请填写修订说明"])
    s = parse(yaml_text)
    validate(s)
    data = s.model_dump(mode="json", exclude_none=True)
    last = SituationVersion.objects.select_for_update().filter(situation_id=s.id).order_by("-version").first()
    if last is not None:
        before = last.data
    else:
        shipped = get_catalog().situation(s.id)
        before = shipped.model_dump(mode="json", exclude_none=True) if shipped else None
    v = SituationVersion.objects.create(situation_id=s.id, version=(last.version + 1) if last else 1, data=data,
                                        changes=_diff(before, data), comment=comment.strip(), author=author)
    write_overlay()
    return v


def write_overlay() -> None:
    """The latest version of every edited situation, as the runtime catalog overlay."""
    latest: dict[str, dict] = {}
    for v in SituationVersion.objects.order_by("situation_id", "version"):
        latest[v.situation_id] = v.data
    d = runtime_rules_dir()
    d.mkdir(parents=True, exist_ok=True)
    tmp = d / "situations.yaml.tmp"
    tmp.write_text("# 管理员修订（由 chengguan 写入，勿手工编辑；历史见数据库“违法情形修订”）\n"
                   + yaml.safe_dump(list(latest.values()), allow_unicode=True, sort_keys=False), encoding="utf-8")
    tmp.replace(d / "situations.yaml")
    reset_catalog()
    from ..matching.matcher import get_matcher

    get_matcher.cache_clear()
