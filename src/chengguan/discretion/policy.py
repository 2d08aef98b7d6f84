"""Versioned policy files (data/policies/*.yaml): discretion bands and procedure rules, with validators.

Each file holds `versions`, each with `version` and `effective_from`; the version in force on a date is the
last one whose effective_from is on or before it (and whose effective_to, if set, is not before it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .. import DATA_DIR
from ..datafiles import load_model, validation_message
from ..lazy import Lazy

POLICY_DIR = DATA_DIR / "policies"

HARMS = ("none", "minor", "general", "serious")
TIERS = ("轻微", "一般", "较重", "严重")
FACTS = ("repeat_offence", "refused", "harm_serious", "harm_light", "corrected", "no_gains")
TRIGGERS = ("hearing", "mitigated", "demolition", "transfer", "compulsory_execution", "heavy_kinds", "exempt")
TEMPLATE_KEYS = ("education", "guardian", "custody", "correction")


class PolicyError(ValueError):
    pass


from ..law.cite import Cite as PolicyCite  # noqa: E402


class _Versioned(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str
    effective_from: dt.date
    effective_to: dt.date | None = None
    title: str
    source: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


class Suggested(BaseModel):
    model_config = ConfigDict(extra="forbid")
    point: float = Field(0.5, ge=0, le=1)
    round_to: int = Field(10, ge=1)


class Mitigation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reduce_at: int = Field(2, ge=1)
    lighter_kinds: list[str] = Field(default_factory=lambda: ["警告"])
    below_minimum_allowed: bool = False
    below_minimum_floor: float = Field(0.5, ge=0, le=1)


class Aggravation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    facts: list[Literal["repeat_offence", "refused"]]


class FirstOffence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lookback_months: int = Field(ge=1, le=120)
    max_harm: Literal["none", "minor"] = "minor"
    excluded_by: list[Literal["repeat_offence", "refused"]] = Field(default_factory=list)


class MinorExemption(BaseModel):
    model_config = ConfigDict(extra="forbid")
    excluded_by: list[Literal["repeat_offence", "refused"]] = Field(default_factory=list)


class ConditionRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    contains: str
    fact: Literal["repeat_offence", "refused", "harm_serious", "harm_light", "corrected", "no_gains"]


class DiscretionPolicy(_Versioned):
    harm_tier: dict[Literal["none", "minor", "general", "serious"], Literal["轻微", "一般", "较重", "严重"]]
    bands: dict[Literal["从轻", "一般", "从重"], tuple[float, float]]
    suggested: Suggested
    mitigation: Mitigation
    aggravation: Aggravation
    first_offence: FirstOffence
    minor_exemption: MinorExemption
    conditions: list[ConditionRule] = Field(default_factory=list)
    heavy_kinds: list[str]
    coercive_kinds: list[str] = Field(default_factory=list)
    templates: dict[str, str]

    @model_validator(mode="after")
    def _check(self):
        missing = [h for h in HARMS if h not in self.harm_tier]
        if missing:
            raise ValueError(f"harm_tier 缺少危害后果：{missing}")
        for name in ("从轻", "一般", "从重"):
            if name not in self.bands:
                raise ValueError(f"bands 缺少“{name}”")
            lo, hi = self.bands[name]
            if not (0 <= lo <= hi <= 1):
                raise ValueError(f"bands.{name} 应满足 0 ≤ 下限 ≤ 上限 ≤ 1，实际 [{lo}, {hi}]")
        if self.bands["从轻"][0] != 0 or self.bands["从重"][1] != 1:
            raise ValueError("bands：从轻应从 0 开始，从重应到 1 结束（覆盖整个基准幅度）")
        if not (self.bands["从轻"][1] <= self.bands["一般"][0] + 1e-9 or self.bands["从轻"][1] == self.bands["一般"][0]):
            raise ValueError("bands：从轻的上限不应高于一般的下限")
        if self.bands["一般"][1] > self.bands["从重"][0] + 1e-9:
            raise ValueError("bands：一般的上限不应高于从重的下限")
        missing = [k for k in TEMPLATE_KEYS if k not in self.templates]
        if missing:
            raise ValueError(f"templates 缺少：{missing}")
        return self


class SimpleProcedure(BaseModel):
    model_config = ConfigDict(extra="forbid")
    basis: PolicyCite
    fine_limits: dict[Literal["个人", "单位"], float]
    kinds: list[str]

    @field_validator("fine_limits")
    @classmethod
    def _limits(cls, v):
        if set(v) != {"个人", "单位"} or any(x <= 0 for x in v.values()):
            raise ValueError("fine_limits 应分别写明 个人、单位 的正数限额")
        return v


class Hearing(BaseModel):
    model_config = ConfigDict(extra="forbid")
    basis: PolicyCite
    local_rule: str = ""
    thresholds: dict[Literal["个人", "单位"], float]
    confiscation_kinds: list[str] = Field(default_factory=list)
    kinds: list[str]

    @field_validator("thresholds")
    @classmethod
    def _thr(cls, v):
        if set(v) != {"个人", "单位"} or any(x <= 0 for x in v.values()):
            raise ValueError("thresholds 应分别写明 个人、单位 的正数标准")
        return v


class Triggered(BaseModel):
    model_config = ConfigDict(extra="forbid")
    basis: PolicyCite
    triggers: list[str]
    demolition_kinds: list[str] = Field(default_factory=lambda: ["责令限期拆除"])

    @field_validator("triggers")
    @classmethod
    def _tr(cls, v):
        bad = [t for t in v if t not in TRIGGERS]
        if bad:
            raise ValueError(f"未知的触发条件 {bad}；可用：{'、'.join(TRIGGERS)}")
        return v


class ProcedurePolicy(_Versioned):
    simple_procedure: SimpleProcedure
    hearing: Hearing
    legal_review: Triggered
    collective_discussion: Triggered


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str

    @staticmethod
    def _check_versions(versions):
        ids = [v.version for v in versions]
        if len(set(ids)) != len(ids):
            raise ValueError(f"版本号重复：{ids}")
        dates = [v.effective_from for v in versions]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise ValueError("versions 应按 effective_from 从早到晚排列，且施行日期不重复")
        for a, b in zip(versions, versions[1:]):
            if a.effective_to and a.effective_to >= b.effective_from:
                raise ValueError(f"版本 {a.version} 的 effective_to 与 {b.version} 的施行日期重叠")


class DiscretionPolicyFile(_File):
    kind: Literal["discretion"]
    versions: list[DiscretionPolicy] = Field(min_length=1)

    @model_validator(mode="after")
    def _v(self):
        self._check_versions(self.versions)
        return self


class ProcedurePolicyFile(_File):
    kind: Literal["procedure"]
    versions: list[ProcedurePolicy] = Field(min_length=1)

    @model_validator(mode="after")
    def _v(self):
        self._check_versions(self.versions)
        return self


def _load(path: Path, model):
    return load_model(path, model, PolicyError)


class Policies:
    """Both policy files. Build from files (default) or from version lists (e.g. admin-edited rows)."""

    def __init__(self, discretion: list[DiscretionPolicy], procedure: list[ProcedurePolicy]):
        DiscretionPolicyFile(kind="discretion", versions=discretion)
        ProcedurePolicyFile(kind="procedure", versions=procedure)
        self.discretion = list(discretion)
        self.procedure = list(procedure)

    @classmethod
    def load(cls, directory: Path | None = None) -> "Policies":
        d = directory or POLICY_DIR
        dp = _load(d / "discretion.yaml", DiscretionPolicyFile)
        pp = _load(d / "procedure.yaml", ProcedurePolicyFile)
        return cls(dp.versions, pp.versions)

    @classmethod
    def from_records(cls, discretion: list[dict], procedure: list[dict]) -> "Policies":
        try:
            dp = DiscretionPolicyFile.model_validate({"kind": "discretion", "versions": discretion})
            pp = ProcedurePolicyFile.model_validate({"kind": "procedure", "versions": procedure})
        except ValidationError as e:
            raise PolicyError(validation_message(e)) from e
        return cls(dp.versions, pp.versions)

    @staticmethod
    def _pick(versions, day: dt.date, what: str):
        found = [v for v in versions if v.covers(day)]
        if not found:
            first = min(v.effective_from for v in versions)
            raise PolicyError(f"{day} 没有施行中的{what}（最早版本自 {first} 施行）")
        return found[-1]

    def discretion_on(self, day: dt.date) -> DiscretionPolicy:
        return self._pick(self.discretion, day, "裁量规则（data/policies/discretion.yaml）")

    def procedure_on(self, day: dt.date) -> ProcedurePolicy:
        return self._pick(self.procedure, day, "程序规则（data/policies/procedure.yaml）")

    def citations(self) -> list[PolicyCite]:
        out = []
        for p in self.procedure:
            out += [p.simple_procedure.basis, p.hearing.basis, p.legal_review.basis, p.collective_discussion.basis]
        return out


_POL: Lazy[Policies] = Lazy(lambda: Policies.load())


def get_policies() -> Policies:
    return _POL.get()


def set_policies(p: Policies | None) -> None:
    """Install policies (e.g. from the admin-edited database copy); None → reload the files next time."""
    _POL.set(p)
