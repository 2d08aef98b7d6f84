"""The case record (案件记录) the documents are rendered from.

A plain pydantic model with no Django import: the case app builds it from its models
(`CaseRecord.model_validate(dict)`), the CLI reads it from JSON, tests build it directly.
Everything a document prints comes from here or from the knowledge base; nothing is retyped.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from stdnum.cn import ric, uscc


def ric_problem(number: str) -> str | None:
    """Why a 公民身份号码 is invalid (None when valid): length, checksum, birth date, area code.

    stdnum.cn.ric.is_valid also demands that the area code existed in the birth year, which rejects
    real numbers: 500102 (涪陵区) exists only since 1997, yet residents born before 1997 hold 500102…
    numbers. Here the area code must exist in stdnum's table in any period."""
    from stdnum import numdb

    n = ric.compact(number).upper()
    if len(n) != 18 or not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        return "应为18位，前17位为数字，末位为数字或X"
    if n[-1] != ric.calc_check_digit(n):
        return "校验码不符"
    try:
        ric.get_birth_date(n)
    except Exception:  # noqa: BLE001
        return "出生日期无效"
    if not any(props for _, props in numdb.get("cn/loc").info(n[:6])):
        return "行政区划代码不存在"
    return None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bureau(_Model):
    name: str = "重庆市涪陵区城市管理局"
    unit: str = "重庆市涪陵区城市管理综合行政执法支队"
    review_organ: str = "重庆市涪陵区人民政府"
    court: str | None = None  # None: “依法向有管辖权的人民法院”
    address: str = "重庆市涪陵区太极大道某号"
    postcode: str = "408000"
    phone: str = "023-72000000"
    contact: str = "案件承办人"
    bank_name: str = "重庆农村商业银行涪陵分行"
    bank_account: str = "0000 0000 0000 0000 000"
    account_name: str = "重庆市涪陵区财政局非税收入专户"
    doc_prefix: str = "涪城管"  # 文号 prefixes are this plus the kind's own part (罚决字 …)


class Party(_Model):
    kind: Literal["个人", "单位"]
    name: str
    id_number: str | None = None  # 公民身份号码 (个人)
    uscc: str | None = None  # 统一社会信用代码 (单位)
    legal_rep: str | None = None  # 法定代表人/负责人 (单位)
    legal_rep_title: str = "法定代表人"
    gender: Literal["男", "女"] | None = None
    birth_date: dt.date | None = None
    address: str
    phone: str | None = None

    @field_validator("id_number")
    @classmethod
    def _ric(cls, v: str | None) -> str | None:
        if v is None:
            return v
        v = ric.compact(v).upper()
        problem = ric_problem(v)
        if problem:
            raise ValueError(f"公民身份号码无效（{problem}）：{v}")
        return v

    @field_validator("uscc")
    @classmethod
    def _uscc(cls, v: str | None) -> str | None:
        if v is None:
            return v
        v = uscc.compact(v)
        if not uscc.is_valid(v):
            raise ValueError(f"统一社会信用代码无效（校验码不符）：{v}")
        return v

    @model_validator(mode="after")
    def _by_kind(self):
        if self.kind == "个人" and not self.id_number:
            raise ValueError("个人当事人必须填写公民身份号码（id_number）")
        if self.kind == "单位":
            missing = [f for f in ("uscc", "legal_rep") if not getattr(self, f)]
            if missing:
                raise ValueError(f"单位当事人必须填写：{'、'.join(missing)}（统一社会信用代码、法定代表人）")
        if self.kind == "个人" and self.birth_date is None and self.id_number:
            self.birth_date = ric.get_birth_date(self.id_number)
        if self.kind == "个人" and self.gender is None and self.id_number:
            self.gender = "男" if int(self.id_number[16]) % 2 else "女"
        return self

    @property
    def id_label(self) -> str:
        return "公民身份号码" if self.kind == "个人" else "统一社会信用代码"

    @property
    def id_value(self) -> str:
        return (self.id_number if self.kind == "个人" else self.uscc) or ""


class Officer(_Model):
    name: str
    cert_no: str  # 执法证号


class Provision(_Model):
    """A provision as the catalog writes it; the text always comes from the knowledge base."""

    law: str
    article: int
    paragraph: int | None = None
    item: int | None = None


class Evidence(_Model):
    name: str
    kind: str = "书证"  # 书证/物证/视听资料/电子数据/证人证言/当事人陈述/鉴定意见/勘验笔录、现场笔录
    description: str = ""


class QA(_Model):
    q: str
    a: str


class Item(_Model):
    """An item listed in a 先行登记保存 notice (物品清单)."""

    name: str
    spec: str = ""
    quantity: str
    note: str = ""


class Fine(_Model):
    min: float
    max: float
    suggested: float | None = None


class Discretion(BaseModel):
    """The discretion engine's result (issue 5 contract). Extra keys are kept."""

    model_config = ConfigDict(extra="allow")
    situation_id: str | None = None
    outcome: Literal["不予处罚", "可以不予处罚", "减轻", "从轻", "一般", "从重"]
    grounds: list[dict[str, Any]] = Field(default_factory=list)
    penalties: list[str] = Field(default_factory=list)
    fine: Fine | None = None
    class_721: str | None = None
    simple_procedure: bool = False
    hearing_required: bool = False
    legal_review_required: bool = False
    collective_discussion_required: bool = False
    trace: list[dict[str, Any]] = Field(default_factory=list)


class Decision(_Model):
    kinds: list[str]  # 警告/罚款/没收违法所得 …
    fine: Decimal | None = None
    confiscation: str | None = None  # 没收物品/违法所得的描述
    correction: str | None = None  # 责令改正的内容
    payment_days: int = 15  # 行政处罚法第六十七条：收到决定书之日起十五日内
    statement_handling: str | None = None  # 对陈述申辩意见的处理
    no_penalty_reason: str | None = None  # 不予处罚的理由（不予行政处罚决定书）


class Dates(_Model):
    """Dates of each procedural step. Absent = the step did not happen (its document is not produced)."""

    clue: dt.date | None = None  # 线索/案源登记
    filed: dt.date | None = None  # 立案
    inspection: dt.date | None = None  # 现场检查（勘验）
    inquiry: dt.date | None = None  # 询问
    correction_notice: dt.date | None = None  # 责令（限期）改正通知
    correction_deadline: dt.date | None = None
    preservation: dt.date | None = None  # 先行登记保存
    preservation_decision: dt.date | None = None  # 先行登记保存处理决定（七个工作日内）
    investigation_end: dt.date | None = None  # 调查终结
    legal_review: dt.date | None = None  # 法制审核
    collective_discussion: dt.date | None = None  # 集体讨论
    notice: dt.date | None = None  # 行政处罚事先告知
    notice_served: dt.date | None = None  # 告知书送达
    statement_deadline: dt.date | None = None  # 陈述申辩/听证申请期限届满（告知送达后五个工作日）
    statement: dt.date | None = None  # 当事人陈述申辩
    hearing_notice: dt.date | None = None  # 听证通知
    hearing: dt.date | None = None  # 举行听证
    decision: dt.date | None = None  # 决定
    service: dt.date | None = None  # 决定书送达
    payment: dt.date | None = None  # 缴款
    reminder: dt.date | None = None  # 催告
    transfer: dt.date | None = None  # 移送
    closed: dt.date | None = None  # 结案


class Hearing(_Model):
    required: bool = False  # 依法应当告知听证权利
    requested: bool = False
    waived: bool = False
    host: str | None = None  # 听证主持人（非本案调查人员）
    clerk: str | None = None
    place: str | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    party_opinion: str | None = None
    investigator_opinion: str | None = None
    conclusion: str | None = None


class Inspection(_Model):
    """现场检查（勘验）笔录."""

    place: str
    start: dt.datetime
    end: dt.datetime
    present: str = ""  # 在场人
    witness: str | None = None
    findings: str
    media: str = ""  # 照片、视频


class Inquiry(_Model):
    """询问笔录."""

    place: str
    start: dt.datetime
    end: dt.datetime
    interviewee: str | None = None  # 默认当事人
    qa: list[QA]


class Review(_Model):
    """法制审核意见."""

    reviewer: str
    reviewer_cert: str | None = None
    opinion: str
    conclusion: Literal["同意", "不同意", "补充调查后再审"] = "同意"


class Discussion(_Model):
    """集体讨论记录."""

    host: str
    place: str
    participants: list[str]
    recorder: str
    opinions: list[str]
    conclusion: str


class Transfer(_Model):
    receiver: str  # 受移送机关
    reason: str
    basis: Provision | None = None
    materials: list[str] = Field(default_factory=list)


class CaseRecord(_Model):
    """One case, as the documents need it."""

    bureau: Bureau = Field(default_factory=Bureau)
    case_number: str  # 案件编号
    cause: str  # 案由，如：在人行天桥上摆摊兜售物品案
    procedure: Literal["普通程序", "简易程序"] = "普通程序"
    source: str = "日常巡查"  # 案件来源
    party: Party
    act_date: dt.date
    act_time: dt.datetime | None = None
    act_place: str
    facts: str  # 违法事实（经查……）
    evidence: list[Evidence]
    officers: list[Officer]
    situation_id: str | None = None
    violated: list[Provision]
    penalty_basis: list[Provision]
    discretion: Discretion | None = None
    discretion_note: str | None = None  # 适用的裁量基准（如：市容环卫类第×项 一般情形）
    decision: Decision
    dates: Dates
    hearing: Hearing = Field(default_factory=Hearing)
    statement_made: bool = False
    statement_summary: str | None = None
    inspection: Inspection | None = None
    inquiry: Inquiry | None = None
    correction: str | None = None  # 责令改正内容（通知书）
    preserved_items: list[Item] = Field(default_factory=list)
    preservation_handling: str | None = None
    review: Review | None = None
    discussion: Discussion | None = None
    transfer: Transfer | None = None
    payment_note: str | None = None  # 执行情况（结案）
    doc_numbers: dict[str, str] = Field(default_factory=dict)  # kind → 文号

    @field_validator("officers")
    @classmethod
    def _two_officers(cls, v: list[Officer]) -> list[Officer]:
        if len(v) < 2:
            raise ValueError("执法人员不得少于两人（行政处罚法第四十二条），并须写明执法证号")
        return v

    @model_validator(mode="after")
    def _consistency(self):
        if "罚款" in self.decision.kinds and not self.decision.fine:
            raise ValueError("处罚种类含罚款，但未填写罚款数额（decision.fine）")
        if self.decision.fine is not None and self.decision.fine < 0:
            raise ValueError("罚款数额不能为负数")
        return self

    @property
    def is_no_penalty(self) -> bool:
        return not self.decision.kinds
