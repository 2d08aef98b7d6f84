"""Catalog schema: enforcement items (执法事项) and violation situations (违法情形).

The catalog lives in data/rules/ as YAML; see data/rules/SCHEMA.md for the authoring guide.
A situation's legal basis can change with time (e.g. the 生态环境法典 from 2026-08-15): it then
has several `bases`, each valid for a date range; otherwise the top-level fields are its one basis.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DOMAINS = (
    "市容环卫", "园林绿化", "市政设施与城市道路", "城乡规划与违法建设", "建筑垃圾与渣土",
    "扬尘/油烟/噪声/焚烧", "户外广告与招牌", "燃气", "排水与污水", "供水", "住房城乡建设与物业",
    "规划自然资源", "人民防空与国防动员", "风景名胜与历史文化保护", "食品摊贩与无照经营", "生态环境",
)
ITEM_KINDS = ("行政处罚", "行政强制", "行政检查", "行政许可")
PARTIES = ("个人", "单位", "任何")
PENALTY_KINDS = (
    # 行政处罚的种类（行政处罚法第九条）
    "警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件",
    "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业",
    # 责令类与强制措施（常与处罚并用）
    "责令改正", "责令限期改正", "责令停止违法行为", "责令停止建设", "责令限期拆除", "责令恢复原状", "责令赔偿",
    "责令补种", "暂扣物品", "暂扣车辆", "强制拆除", "代履行", "没收实物", "停止使用", "查封扣押",
)
TIER_LEVELS = ("轻微", "一般", "较重", "严重")
FineKind = Literal["range", "per_unit", "cost_percent", "gains_percent", "fee_percent", "gains_multiple", "value_multiple", "fee_multiple"]


from ..law.cite import Cite  # noqa: E402  (a provision: law, article, 款, 项)


class Fine(BaseModel):
    """One fine clause as the penalty provision states it.

    kind:
      range          固定幅度: min–max 元 (min 0 for “X元以下”; min == max for a fixed amount)
      per_unit       按单位计: min–max 元 per `unit` (每平方米/每辆/每日/每株…)
      cost_percent   工程造价百分比: min–max percent of 工程造价 (5 and 10 for 百分之五以上百分之十以下)
      gains_percent  违法所得百分比: min–max percent of 违法所得 (10 and 50 for 违法所得的10%以上50%以下)
      fee_percent    费用百分比: min–max percent of a fee (合同约定的勘察费、设计费, 监理酬金)
      gains_multiple 违法所得倍数: min–max times 违法所得
      value_multiple 货值/价值倍数: min–max times the value (e.g. 树木价值)
      fee_multiple   应缴费用倍数: min–max times the fee that was due
    """

    model_config = ConfigDict(extra="forbid")
    party: Literal["个人", "单位", "任何"] = "任何"
    kind: FineKind = "range"
    min: float = 0
    max: float
    unit: str | None = None
    condition: str | None = None  # e.g. 情节严重的 / 拒不改正的 — a separate clause of the same provision

    @model_validator(mode="after")
    def _order(self):
        if self.min < 0 or self.max < self.min:
            raise ValueError(f"罚款幅度无效：下限{self.min}，上限{self.max}")
        if self.kind == "per_unit" and not self.unit:
            raise ValueError("按单位计的罚款必须写明 unit（如 平方米、辆、日）")
        return self


class Tier(BaseModel):
    """A discretion tier (裁量档次) with its condition and sub-range, in the units of the fine clause."""

    model_config = ConfigDict(extra="forbid")
    level: Literal["轻微", "一般", "较重", "严重"]
    party: Literal["个人", "单位", "任何"] = "任何"
    when: str
    min: float
    max: float
    kinds: list[str] = Field(default_factory=list)  # penalty kinds at this tier, if narrower than the situation's


class Basis(BaseModel):
    """The legal basis in force for a date range: violated and penalty provisions, fines, tiers."""

    model_config = ConfigDict(extra="forbid")
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None  # inclusive
    violated: list[Cite]
    penalty: list[Cite]
    penalty_kinds: list[str]
    fines: list[Fine] = Field(default_factory=list)
    tiers: list[Tier] = Field(default_factory=list)

    @field_validator("penalty_kinds")
    @classmethod
    def _kinds(cls, v: list[str]) -> list[str]:
        bad = [k for k in v if k not in PENALTY_KINDS]
        if bad:
            raise ValueError(f"未知的处罚种类 {bad}；可用：{'、'.join(PENALTY_KINDS)}")
        if not v:
            raise ValueError("penalty_kinds 不能为空")
        return v

    def covers(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class Alternative(BaseModel):
    """Another instrument that also reaches the conduct, and why it is not the one applied in Fuling."""

    model_config = ConfigDict(extra="forbid")
    violated: list[Cite]
    penalty: list[Cite] = Field(default_factory=list)
    reason: str


class Exemption(BaseModel):
    """不予处罚 / 首违可以不罚 eligibility (行政处罚法第三十三条)."""

    model_config = ConfigDict(extra="forbid")
    first_offence: bool = False  # 首违可以不罚：初次违法且危害后果轻微并及时改正
    minor: bool = True  # 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚
    conditions: str = ""
    excluded_reason: str | None = None  # why 首违不罚 is not offered (e.g. safety risk)


class Situation(BaseModel):
    """违法情形: one fact pattern, the provisions it violates and the ones that punish it."""

    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    item: str
    conduct: str
    examples: list[str]
    keywords: list[str] = Field(default_factory=list)
    parties: list[Literal["个人", "单位", "任何"]] = Field(default_factory=lambda: ["任何"])
    # single-basis shorthand
    violated: list[Cite] | None = None
    penalty: list[Cite] | None = None
    penalty_kinds: list[str] | None = None
    fines: list[Fine] | None = None
    tiers: list[Tier] | None = None
    bases: list[Basis] | None = None
    applies: str | None = None  # which instrument applies in Fuling, when several reach the conduct
    alternatives: list[Alternative] = Field(default_factory=list)
    exemption: Exemption = Field(default_factory=Exemption)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    quantities: list[str] = Field(default_factory=list)  # e.g. area, days, vehicles, cost, gains
    notes: str | None = None

    @model_validator(mode="after")
    def _normalise(self):
        single = [self.violated, self.penalty, self.penalty_kinds]
        if self.bases is None:
            if any(x is None for x in single):
                raise ValueError("必须写 violated、penalty、penalty_kinds（或者用 bases 分时段写）")
            self.bases = [Basis(violated=self.violated, penalty=self.penalty, penalty_kinds=self.penalty_kinds,
                                fines=self.fines or [], tiers=self.tiers or [])]
        elif any(x is not None for x in single + [self.fines, self.tiers]):
            raise ValueError("已写 bases 时，不要再在顶层写 violated/penalty/penalty_kinds/fines/tiers")
        self.violated = self.penalty = self.penalty_kinds = self.fines = self.tiers = None
        return self

    def authoring_dict(self) -> dict:
        """The situation as an author writes it (data/rules/SCHEMA.md): one undated basis goes back to the top level."""
        d = self.model_dump(mode="json", exclude_none=True)
        bases = d.get("bases") or []
        if len(bases) == 1 and not bases[0].get("valid_from") and not bases[0].get("valid_to"):
            b = d.pop("bases")[0]
            for k in ("violated", "penalty", "penalty_kinds", "fines", "tiers"):
                if b.get(k) or k in ("violated", "penalty", "penalty_kinds"):
                    d[k] = b.get(k, [])
        return d

    def basis_on(self, day: dt.date) -> Basis | None:
        for b in self.bases or []:
            if b.covers(day):
                return b
        return None

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class Item(BaseModel):
    """执法事项: one enforcement power in the bureau's catalogue."""

    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    kind: Literal["行政处罚", "行政强制", "行政检查", "行政许可"] = "行政处罚"
    domain: str
    grounds: list[Cite]
    delegated_to_towns: bool = False  # 赋权镇街
    towns: list[str] = Field(default_factory=list)
    unit: str = "区城市管理综合行政执法支队"
    notes: str | None = None

    @field_validator("domain")
    @classmethod
    def _domain(cls, v: str) -> str:
        if v not in DOMAINS:
            raise ValueError(f"未知领域 {v}；可用：{'、'.join(DOMAINS)}")
        return v


class OutOfScope(BaseModel):
    """A penalty article in a shipped statute that the bureau does not enforce, with a one-line reason."""

    model_config = ConfigDict(extra="forbid")
    law: str
    articles: list[int]
    reason: str
