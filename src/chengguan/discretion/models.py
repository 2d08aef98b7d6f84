"""Input and output models of the discretion engine. `DiscretionResult.model_dump()` is the JSON contract."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

Outcome = Literal["不予处罚", "可以不予处罚", "减轻", "从轻", "一般", "从重"]
OUTCOME_RANK = {"不予处罚": 0, "可以不予处罚": 1, "减轻": 2, "从轻": 3, "一般": 4, "从重": 5}
Class721 = Literal["服务", "管理", "执法"]

#: quantities a fine may depend on, with their Chinese names (for messages)
QUANTITIES = {
    "area": "面积（平方米）", "days": "天数", "vehicles": "车辆数", "volume": "体积（立方米）", "weight": "重量（吨）",
    "length": "长度（米）", "cost": "工程造价（元）", "gains": "违法所得（元）", "value": "价值/货值（元）",
    "fee": "应缴费用（元）", "count": "数量（处、个、次）", "trees": "树木株数",
}
FIELD_NAMES = {
    "first_offence": "首次违法", "repeat_offence": "再次违法", "party": "当事人类型", "age": "年龄段",
    "capacity": "责任能力", "harm": "危害后果", "corrected": "及时改正", "refused": "拒不改正或阻碍执法",
    "after_statement": "陈述申辩后复核", "previous": "陈述申辩前的裁量结果", "previous_offence_date": "上次同类违法处罚日期",
    "act_date": "违法行为发生日期", "decision_date": "决定日期",
}


class DiscretionError(ValueError):
    """Refused input or a situation the engine cannot decide (message in Chinese, naming the fields)."""

    def __init__(self, message: str, fields: list[str] | None = None):
        super().__init__(message)
        self.fields = fields or []

    def to_dict(self) -> dict:
        return {"error": str(self), "fields": self.fields}


def _f(name: str) -> str:
    return f"{name}（{FIELD_NAMES.get(name, QUANTITIES.get(name, name))}）"


class DiscretionInput(BaseModel):
    """The facts of one case as the officer establishes them."""

    model_config = ConfigDict(extra="forbid")
    situation_id: str
    act_date: dt.date = Field(default_factory=dt.date.today)
    decision_date: dt.date | None = None  # selects the procedure policy; act_date when absent
    party: Literal["个人", "单位"] = "个人"
    age: Literal["14-", "14-18", "adult"] | None = None  # 个人 only; None = adult
    capacity: Literal["full", "limited", "none"] = "full"  # 第三十一条: none = 不能辨认或者不能控制; limited = 尚未完全丧失
    first_offence: bool = False
    previous_offence_date: dt.date | None = None  # last penalty for the same conduct, to apply the look-back window
    repeat_offence: bool = False
    harm: Literal["none", "minor", "general", "serious"] = "general"
    corrected: bool = False  # 及时改正 / 在责令期限内改正
    eliminated_harm: bool = False  # 第三十二条第（一）项
    coerced: bool = False  # 第三十二条第（二）项
    confessed: bool = False  # 第三十二条第（三）项
    meritorious: bool = False  # 第三十二条第（四）项
    no_fault: bool = False  # 第三十三条第二款：有证据足以证明没有主观过错
    refused: bool = False  # 拒不改正，或者阻碍、拒绝执法
    tier: Literal["轻微", "一般", "较重", "严重"] | None = None  # officer's choice of tier; else from harm
    quantities: dict[str, float] = Field(default_factory=dict)
    transfer: bool = False  # 涉嫌犯罪或属其他机关管辖，需移送
    compulsory_execution: bool = False  # 拟申请或实施行政强制执行
    after_statement: bool = False  # 陈述、申辩之后的复核
    previous: "DiscretionResult | None" = None  # 陈述申辩前的裁量结果（after_statement 时必填）

    @model_validator(mode="after")
    def _consistent(self):
        problems: list[tuple[str, list[str]]] = []
        if self.first_offence and self.repeat_offence:
            problems.append((f"{_f('first_offence')}与{_f('repeat_offence')}不能同时为真", ["first_offence", "repeat_offence"]))
        if self.party == "单位" and self.age not in (None, "adult"):
            problems.append((f"{_f('party')}为单位时不能填写{_f('age')}“{self.age}”（年龄段只适用于个人）", ["party", "age"]))
        if self.party == "单位" and self.capacity != "full":
            problems.append((f"{_f('party')}为单位时{_f('capacity')}应为 full（责任能力只适用于个人）", ["party", "capacity"]))
        for k, v in self.quantities.items():
            if k not in QUANTITIES:
                problems.append((f"quantities.{k}：未知的计量项；可用：{'、'.join(QUANTITIES)}", [f"quantities.{k}"]))
            elif v != v or v in (float("inf"), float("-inf")):
                problems.append((f"quantities.{k}（{QUANTITIES[k]}）不是有效数值", [f"quantities.{k}"]))
            elif v < 0:
                problems.append((f"quantities.{k}（{QUANTITIES[k]}）不能为负数：{v:g}", [f"quantities.{k}"]))
        if self.decision_date and self.decision_date < self.act_date:
            problems.append((f"{_f('decision_date')}早于{_f('act_date')}", ["decision_date", "act_date"]))
        if self.previous_offence_date and self.previous_offence_date > self.act_date:
            problems.append((f"{_f('previous_offence_date')}晚于{_f('act_date')}", ["previous_offence_date", "act_date"]))
        if self.after_statement and self.previous is None:
            problems.append((f"{_f('after_statement')}为真时必须提供{_f('previous')}", ["after_statement", "previous"]))
        if self.previous is not None and self.previous.situation_id != self.situation_id:
            problems.append((f"{_f('previous')}的违法情形 {self.previous.situation_id} 与本次 {self.situation_id} 不同",
                             ["previous", "situation_id"]))
        if problems:
            raise PydanticCustomError("contradiction", "{message}",
                                      {"message": "输入相互矛盾或无效：" + "；".join(p[0] for p in problems),
                                       "fields": [f for p in problems for f in p[1]]})
        return self

    def __init__(self, **data):
        try:
            super().__init__(**data)
        except ValidationError as e:
            raise _as_discretion_error(e) from e

    @classmethod
    def parse(cls, data: dict) -> "DiscretionInput":
        """Validate a dict (web form, JSON body); errors become DiscretionError with Chinese messages."""
        try:
            return cls.model_validate(data)
        except ValidationError as e:
            raise _as_discretion_error(e) from e


_TYPE_MSG = {"bool_parsing": "应为是/否", "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD", "date_parsing": "日期格式应为 YYYY-MM-DD",
             "literal_error": "取值无效", "float_parsing": "应为数值", "missing": "必填", "extra_forbidden": "不认识的字段",
             "string_type": "应为文本", "dict_type": "应为键值对"}


def _as_discretion_error(e: ValidationError) -> DiscretionError:
    msgs, fields = [], []
    for err in e.errors():
        inner = err.get("ctx", {}).get("error")
        if isinstance(inner, DiscretionError):  # raised by __init__ when pydantic validated through it
            msgs.append(str(inner))
            fields += inner.fields
            continue
        if err["type"] == "contradiction":
            msgs.append(err["ctx"]["message"])
            fields += err["ctx"]["fields"]
            continue
        loc = ".".join(str(x) for x in err["loc"])
        name = str(err["loc"][0]) if err["loc"] else ""
        label = FIELD_NAMES.get(name, "")
        extra = f"（{err['ctx']['expected']}）" if err.get("ctx", {}).get("expected") else ""
        msgs.append(f"{loc}{'（' + label + '）' if label else ''}：{_TYPE_MSG.get(err['type'], err['msg'])}{extra}")
        fields.append(loc)
    return DiscretionError("；".join(msgs), fields)


class Ground(BaseModel):
    model_config = ConfigDict(extra="forbid")
    law: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    def as_text(self) -> str:
        from ..law.citations import CitationRef

        return CitationRef(self.law, self.article, 0, self.paragraph, self.item).canonical()


class FineOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min: int | float
    max: int | float
    suggested: int | float


class TraceStep(BaseModel):
    model_config = ConfigDict(extra="forbid")
    step: str
    rule: str
    version: str = ""
    citation: str = ""


class DiscretionResult(BaseModel):
    """The JSON contract (model_dump()); `guidance` and `legal_range` are for callers and not dumped."""

    model_config = ConfigDict(extra="forbid")
    situation_id: str
    outcome: Outcome
    grounds: list[Ground]
    penalties: list[str]
    fine: FineOut | None
    class_721: Class721
    simple_procedure: bool
    hearing_required: bool
    legal_review_required: bool
    collective_discussion_required: bool
    trace: list[TraceStep]
    guidance: str | None = Field(default=None, exclude=True)  # 教育 / 责令改正 text when no fine is given
    legal_range: tuple[float, float] | None = Field(default=None, exclude=True)  # yuan, provision in force


DiscretionInput.model_rebuild()
