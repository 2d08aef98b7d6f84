"""The transitions a person can take on a case page or through the API: which status they apply to, who may
take them, the fields they need, and how they call the named action. Views and API share this table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from . import actions
from .models import Case, Officer
from .roles import ADMIN, APPROVERS, FIELD_ROLES, LEADER, REVIEWER, roles_of


class FieldError(ValueError):
    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


@dataclass
class Transition:
    name: str
    label: str
    statuses: tuple[str, ...]
    roles: set[str]
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (name, label, type: text|date|money|bool|officers|select:a,b)
    procedure: str | None = None
    hint: str = ""

    def allowed(self, user, case: Case) -> bool:
        if case.status not in self.statuses:
            return False
        if self.procedure and case.procedure != self.procedure:
            return False
        have = roles_of(user)
        return bool(ADMIN in have or have & self.roles)


TRANSITIONS: list[Transition] = [
    Transition("file_case", "批准立案", ("线索",), APPROVERS, hint="超过二年追责时效的不予立案（第三十六条）"),
    Transition("refuse_filing", "不予立案", ("线索",), APPROVERS, [("reason", "不予立案理由", "text")]),
    Transition("assign_officers", "指派承办人员", ("调查",), APPROVERS | FIELD_ROLES, [("officers", "承办人员（两名以上持证）", "officers")]),
    Transition("record_evidence", "登记证据", ("调查", "调查终结", "法制审核", "告知", "听证"), FIELD_ROLES,
               [("kind", "证据种类", "select:照片,视听资料,笔录,测量,书证,电子数据,其他"), ("description", "证据说明", "text"), ("file", "文件", "file")]),
    Transition("close_investigation", "调查终结（确定违法情形并计算裁量）", ("调查",), FIELD_ROLES,
               [("situation_id", "违法情形编号", "situation"), ("harm", "危害后果", "select:none,minor,general,serious"),
                ("first_offence", "首次违法", "bool"), ("corrected", "已及时改正", "bool"), ("cost", "工程造价（元，如适用）", "money"),
                ("area", "面积（平方米，如适用）", "money")]),
    Transition("review_case", "法制审核", ("法制审核",), {REVIEWER}, [("passed", "审核通过", "bool"), ("opinion", "审核意见", "text")]),
    Transition("record_collective_discussion", "记录集体讨论", ("集体讨论",), {LEADER}, [("conclusion", "讨论结论", "text")]),
    Transition("notify_party", "事先告知", ("调查终结",), FIELD_ROLES | APPROVERS, [("fine", "拟罚款（元）", "money"), ("kinds", "拟处罚种类（用、分隔）", "text")]),
    Transition("record_statement", "记录陈述申辩", ("告知", "听证"), FIELD_ROLES | APPROVERS, [("text", "陈述申辩内容", "text"), ("waived", "当事人明确放弃", "bool")]),
    Transition("request_hearing", "登记听证申请", ("告知",), FIELD_ROLES | APPROVERS),
    Transition("record_hearing", "记录听证", ("听证",), APPROVERS | {REVIEWER},
               [("notified_on", "听证通知送达日期", "date"), ("held_on", "听证日期", "date"), ("transcript", "听证笔录要点", "text")]),
    Transition("decide", "作出决定", ("告知",), APPROVERS, [("decision", "决定", "select:处罚,不予处罚"), ("fine", "罚款（元）", "money")]),
    Transition("transfer_case", "移送", ("线索", "调查", "调查终结", "法制审核", "告知"), APPROVERS,
               [("agency", "接收机关", "text"), ("reason", "移送理由", "text"), ("crime_suspected", "涉嫌犯罪", "bool")]),
    Transition("serve_decision", "送达决定书", ("决定",), FIELD_ROLES | APPROVERS, [("served_on", "送达日期", "date"), ("method", "送达方式", "select:直接送达,留置送达,邮寄送达,电子送达")]),
    Transition("record_payment", "登记缴款", ("执行",), FIELD_ROLES | APPROVERS, [("amount", "缴款金额（元）", "money"), ("paid_on", "缴款日期", "date")]),
    Transition("record_enforcement", "记录执行措施", ("执行",), APPROVERS, [("step", "执行措施（催告、申请法院强制执行）", "text")]),
    Transition("file_simple_case_with_bureau", "简易程序备案", ("执行", "结案"), FIELD_ROLES | APPROVERS, procedure="简易"),
    Transition("close_case", "结案", ("送达", "执行", "移送"), APPROVERS),
    Transition("archive_case", "归档", ("结案",), APPROVERS),
]
BY_NAME = {t.name: t for t in TRANSITIONS}


def available(user, case: Case) -> list[Transition]:
    out = [t for t in TRANSITIONS if t.allowed(user, case)]
    hide = set()
    if case.procedure == "简易" and case.filed_with_bureau:
        hide.add("file_simple_case_with_bureau")
    if case.paid_at:
        hide |= {"record_payment", "record_enforcement"}
    if case.waiver_recorded:
        hide |= {"request_hearing", "record_statement"}
    return [t for t in out if t.name not in hide]


def _money(data: dict, name: str, required: bool) -> Decimal | None:
    raw = str(data.get(name) or "").strip()
    if not raw:
        if required:
            raise FieldError(name, "请填写金额")
        return None
    try:
        v = Decimal(raw)
    except InvalidOperation:
        raise FieldError(name, f"“{raw}”不是有效的金额") from None
    if v < 0:
        raise FieldError(name, "金额不能为负数")
    return v


def _date(data: dict, name: str, required: bool = True) -> dt.date | None:
    raw = str(data.get(name) or "").strip()
    if not raw:
        if required:
            raise FieldError(name, "请填写日期")
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise FieldError(name, f"日期“{raw}”无效，请按 2026-03-05 的格式填写") from None


def _bool(data: dict, name: str) -> bool:
    v = data.get(name)
    return v in (True, "1", "true", "on", "yes", "是")


def _text(data: dict, name: str, required: bool = True) -> str:
    v = str(data.get(name) or "").strip()
    if required and not v:
        raise FieldError(name, "此项不能为空")
    return v


def run(user, case: Case, name: str, data: dict, files=None, expected_version: int | None = None):
    """Call the named action with values parsed from a form or JSON body."""
    t = BY_NAME.get(name)
    if t is None:
        raise FieldError("action", f"没有名为 {name} 的操作")
    v = expected_version
    if name == "file_case":
        return actions.file_case(user, case, v)
    if name == "refuse_filing":
        return actions.refuse_filing(user, case, _text(data, "reason"), v)
    if name == "assign_officers":
        ids = data.getlist("officers") if hasattr(data, "getlist") else data.get("officers", [])
        offs = list(Officer.objects.filter(pk__in=[int(i) for i in ids if str(i).isdigit()]))
        return actions.assign_officers(user, case, offs, v)
    if name == "record_evidence":
        up = files.get("file") if files else None
        return actions.record_evidence(user, case, kind=_text(data, "kind"), description=_text(data, "description"),
                                       content=up.read() if up else None, filename=up.name if up else "evidence.bin",
                                       expected_version=v)
    if name == "close_investigation":
        quantities = {k: float(q) for k in ("cost", "area", "days", "vehicles", "volume", "gains", "value", "count", "trees")
                      if (q := _money(data, k, False)) is not None}
        circumstances = {"harm": data.get("harm") or "general", "first_offence": _bool(data, "first_offence"),
                         "corrected": _bool(data, "corrected"), "party": case.party_type}
        if quantities:
            circumstances["quantities"] = quantities
        return actions.close_investigation(user, case, situation_id=_text(data, "situation_id"), circumstances=circumstances,
                                           expected_version=v)
    if name == "review_case":
        return actions.review_case(user, case, passed=_bool(data, "passed"), opinion=_text(data, "opinion"), expected_version=v)
    if name == "record_collective_discussion":
        return actions.record_collective_discussion(user, case, conclusion=_text(data, "conclusion"), expected_version=v)
    if name == "notify_party":
        kinds = [k.strip() for k in _text(data, "kinds").replace(",", "、").replace("，", "、").split("、") if k.strip()]
        return actions.notify_party(user, case, fine=_money(data, "fine", False), kinds=kinds, expected_version=v)
    if name == "record_statement":
        return actions.record_statement(user, case, text=_text(data, "text", False), waived=_bool(data, "waived"), expected_version=v)
    if name == "request_hearing":
        return actions.request_hearing(user, case, expected_version=v)
    if name == "record_hearing":
        return actions.record_hearing(user, case, held_on=_date(data, "held_on"), notified_on=_date(data, "notified_on"),
                                      transcript=_text(data, "transcript"), expected_version=v)
    if name == "decide":
        return actions.decide(user, case, decision=_text(data, "decision"), fine=_money(data, "fine", False), expected_version=v)
    if name == "transfer_case":
        return actions.transfer_case(user, case, agency=_text(data, "agency"), reason=_text(data, "reason"),
                                     crime_suspected=_bool(data, "crime_suspected"), expected_version=v)
    if name == "serve_decision":
        return actions.serve_decision(user, case, served_on=_date(data, "served_on", False), method=data.get("method") or "直接送达",
                                      expected_version=v)
    if name == "record_payment":
        return actions.record_payment(user, case, amount=_money(data, "amount", True), paid_on=_date(data, "paid_on"), expected_version=v)
    if name == "record_enforcement":
        return actions.record_enforcement(user, case, step=_text(data, "step"), expected_version=v)
    if name == "file_simple_case_with_bureau":
        return actions.file_simple_case_with_bureau(user, case, v)
    if name == "close_case":
        return actions.close_case(user, case, v)
    if name == "archive_case":
        return actions.archive_case(user, case, v)
    raise FieldError("action", f"操作 {name} 尚未接入")
