"""Every state change of a case is one named function here (Zulip-style actions). Each checks the actor's
role and area and the legal preconditions, writes the change and its hash-chained audit entry in one
transaction, and refuses with a Chinese sentence that names the precondition that failed.

Concurrency: actions lock the case row and compare `expected_version` when given; of two people acting on
the same case at once, one succeeds and the other gets a ConflictError. Nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
from contextlib import contextmanager
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from . import audit
from .models import Case, Evidence, Officer, Review, Team, Transfer
from .numbering import allocate
from .roles import ADMIN, APPROVERS, FIELD_ROLES, LEADER, REVIEWER, PermissionDenied, require, roles_of

LIMITATION_YEARS = 2  # 行政处罚法第三十六条第一款
STATEMENT_PERIOD = "3日"  # 陈述、申辩：告知后三个工作日（本局做法，可在告知书中延长）
HEARING_REQUEST_PERIOD = "5日"  # 行政处罚法第六十四条第（一）项：告知后五日内提出听证
HEARING_NOTICE_PERIOD = "7日"  # 第六十四条第（二）项：举行听证的七日前通知
SERVICE_PERIOD = "7日"  # 第六十一条：七日内依照民事诉讼法送达
PAYMENT_PERIOD = "15日"  # 第六十七条第三款：收到处罚决定书之日起十五日内缴纳
DECISION_PERIOD = "90日"  # 第六十条：自立案之日起九十日内作出决定
SIMPLE_LIMITS = {"个人": Decimal(200), "单位": Decimal(3000)}  # 第五十一条
LATE_FEE_RATE = Decimal("0.03")  # 第七十二条第一款第（一）项：每日按罚款数额的百分之三加处罚款


class CaseError(Exception):
    """A legal or procedural precondition failed."""


class ConflictError(CaseError):
    """Someone else changed the case first."""


_clock = threading.local()


def business_date_setting() -> dt.date | None:
    """CHENGGUAN_BUSINESS_DATE: a fixed date for a training deployment or the browser tests (refused in production)."""
    raw = os.environ.get("CHENGGUAN_BUSINESS_DATE")
    return dt.date.fromisoformat(raw) if raw else None


def today() -> dt.date:
    """The bureau's date: the date set by `as_of` in this thread (entering historical records, e.g. demo data),
    else CHENGGUAN_BUSINESS_DATE, else today."""
    return getattr(_clock, "day", None) or business_date_setting() or timezone.localdate()


@contextmanager
def as_of(day: dt.date):
    """Run actions as if on `day` (this thread only)."""
    prev = getattr(_clock, "day", None)
    _clock.day = day
    try:
        yield day
    finally:
        _clock.day = prev


# ---- helpers --------------------------------------------------------------------------------------
def _snapshot(case: Case, fields: list[str]) -> dict:
    return {f: getattr(case, f) for f in fields}


def _lock(case: Case | int, expected_version: int | None) -> Case:
    pk = case.pk if isinstance(case, Case) else case
    c = Case.objects.select_for_update().get(pk=pk)
    if expected_version is not None and c.version != expected_version:
        raise ConflictError(f"案件 {c.number} 已被他人修改（您看到的是第{expected_version}版，当前为第{c.version}版），请刷新后重试")
    return c


def _save(actor, case: Case, action: str, before: dict, fields: list[str], evidence_hashes: list[str] | None = None,
          note: str | None = None) -> Case:
    """Bump the version, save, and append the audit entry (with the free-text `note` when the action has one)."""
    case.version += 1
    case.save()
    after = _snapshot(case, fields) | ({"note": note} if note is not None else {})
    audit.append(actor, action, case, before, after, evidence_hashes)
    return case


def officer_of(user) -> Officer | None:
    return getattr(user, "officer", None) if user is not None else None


def _check_area(actor, case: Case, situation_id: str | None = None) -> None:
    """镇街执法人员 handle only items delegated to their 镇街, and only in its area."""
    roles = roles_of(actor)
    if ADMIN in roles or "镇街执法人员" not in roles:
        return
    off = officer_of(actor)
    team = off.team if off else None
    if team is None or not team.is_town:
        raise PermissionDenied("镇街执法人员必须隶属于一个镇街执法队")
    if case.town and case.town != team.town:
        raise PermissionDenied(f"案件发生在{case.town}，不在{team.town}的执法区域内")
    sid = situation_id or case.situation_id
    if sid:
        from ..rules.catalog import get_catalog

        cat = get_catalog()
        s = cat.situation(sid)
        item = cat.items.get(s.item) if s else None
        if item is None or not item.delegated_to_towns or not town_in(team.town, item.towns, cat.towns):
            raise PermissionDenied(f"违法情形 {sid} 所属执法事项未赋权给{team.town}，应由区城市管理综合行政执法支队办理")


def town_in(town: str, towns: list[str], groups: dict) -> bool:
    for t in towns:
        if t == town:
            return True
        members = groups.get(t) if isinstance(groups, dict) else None
        if isinstance(members, list) and town in members:
            return True
    return False


def _deadline(start: dt.date, period: str) -> dt.date:
    from ..calendar import CalendarError, deadline
    from .workcalendar import ensure_calendar

    ensure_calendar()
    try:
        return deadline(start, period).due
    except CalendarError as e:
        raise CaseError(f"无法计算期限：{e}（请管理员在“节假日安排”中录入该年度的放假安排）") from e


def _recommend(case: Case, **overrides) -> dict:
    from ..discretion import DiscretionError, DiscretionInput, recommend

    data = {"situation_id": case.situation_id, "act_date": case.act_date, "party": case.party_type,
            **{k: v for k, v in (case.circumstances or {}).items()}, **overrides}
    try:
        return recommend(DiscretionInput.parse(data)).model_dump(mode="json")
    except DiscretionError as e:
        raise CaseError(f"裁量计算失败：{e}") from e


# ---- 线索 and 立案 ----------------------------------------------------------------------------------
@transaction.atomic
def register_clue(actor, *, source: str, facts: str, place: str, act_date: dt.date, town: str = "",
                  act_end_date: dt.date | None = None, situation_id: str = "", party: dict | None = None,
                  team: Team | None = None) -> Case:
    """线索登记: patrol, resident report, camera, 12345, or a transfer from another agency."""
    require(actor, FIELD_ROLES, "登记案件线索")
    if source not in dict(Case.SOURCES):
        raise CaseError(f"案件来源只能是：{'、'.join(dict(Case.SOURCES))}")
    if not facts.strip():
        raise CaseError("请填写线索内容（发现了什么违法行为）")
    if act_date > today():
        raise CaseError("违法行为发生日期不能晚于今天")
    if act_end_date and act_end_date < act_date:
        raise CaseError("连续或继续状态终了日期不能早于行为开始日期")
    team = team or (officer_of(actor).team if officer_of(actor) else None)
    if team is None:
        raise CaseError("请指定办案队伍（您的账号没有所属队伍）")
    p = party or {}
    case = Case(number=allocate("案件", today().year), source=source, facts=facts.strip(), place=place, town=town or team.town,
                act_date=act_date, act_end_date=act_end_date, situation_id=situation_id, team=team, created_by=actor,
                clue_at=today(), party_type=p.get("type", "个人"), party_name=p.get("name", ""),
                party_id_number=p.get("id_number", ""), party_address=p.get("address", ""), party_phone=p.get("phone", ""),
                party_legal_rep=p.get("legal_rep", ""))
    if situation_id:
        _set_situation(case, situation_id)
    _check_area(actor, case)
    case.save()
    audit.append(actor, "register_clue", case, {}, _snapshot(case, ["number", "source", "facts", "place", "town", "act_date", "situation_id", "party_name"]))
    return case


def _set_situation(case: Case, situation_id: str) -> None:
    from ..rules.catalog import get_catalog

    s = get_catalog().situation(situation_id)
    if s is None:
        raise CaseError(f"没有编号为 {situation_id} 的违法情形")
    case.situation_id = situation_id
    case.item_code = s.item


def limitation_ends(case: Case) -> dt.date | None:
    start = case.limitation_start
    if start is None:
        return None
    try:
        return start.replace(year=start.year + LIMITATION_YEARS)
    except ValueError:  # 2月29日
        return start.replace(year=start.year + LIMITATION_YEARS, day=28)


@transaction.atomic
def file_case(actor, case: Case | int, expected_version: int | None = None) -> Case:
    """立案 (approval by 中队长/大队长). Refused past the two-year limitation of 行政处罚法第三十六条."""
    require(actor, APPROVERS, "批准立案")
    case = _lock(case, expected_version)
    _check_area(actor, case)
    if case.status != "线索":
        raise CaseError(f"只有线索可以立案，本案当前状态为“{case.get_status_display()}”")
    ends = limitation_ends(case)
    if ends is None:
        raise CaseError("请先填写违法行为发生日期，才能判断是否超过追责时效")
    if today() >= ends:
        raise CaseError(f"违法行为发生（或终了）于{case.limitation_start}，至今已超过二年，依据《中华人民共和国行政处罚法》第三十六条第一款不再给予行政处罚，不予立案")
    before = _snapshot(case, ["status", "filed_at"])
    case.status = "调查"
    case.filed_at = today()
    return _save(actor, case, "file_case", before, ["status", "filed_at"])


@transaction.atomic
def refuse_filing(actor, case: Case | int, reason: str, expected_version: int | None = None) -> Case:
    require(actor, APPROVERS, "决定不予立案")
    case = _lock(case, expected_version)
    if case.status != "线索":
        raise CaseError("只有线索可以决定不予立案")
    if not reason.strip():
        raise CaseError("请写明不予立案的理由")
    before = _snapshot(case, ["status"])
    case.status = "不予立案"
    case.closed_at = today()
    return _save(actor, case, "refuse_filing", before, ["status", "closed_at"], note=reason)


# ---- 调查取证 ----------------------------------------------------------------------------------------
@transaction.atomic
def assign_officers(actor, case: Case | int, officers: list[Officer], expected_version: int | None = None) -> Case:
    """承办人员：至少两名持有执法证件的执法人员（行政处罚法第四十二条）."""
    require(actor, APPROVERS | FIELD_ROLES, "指派承办人员")
    case = _lock(case, expected_version)
    _check_area(actor, case)
    qualified = [o for o in officers if o.cert_no]
    if len(qualified) < 2:
        names = "、".join(o.name for o in officers if not o.cert_no)
        raise CaseError("调查取证须由两名以上持有执法证件的执法人员承办" + (f"；{names}没有执法证号" if names else ""))
    before = {"officers": sorted(o.cert_no for o in case.officers.all())}
    case.officers.set(qualified)
    case.version += 1
    case.save()
    audit.append(actor, "assign_officers", case, before, {"officers": sorted(o.cert_no for o in qualified)})
    return case


@transaction.atomic
def record_evidence(actor, case: Case | int, *, kind: str, description: str, content: bytes | None = None,
                    filename: str = "evidence.bin", expected_version: int | None = None) -> Evidence:
    """证据登记: stored with its SHA-256; never overwritten."""
    require(actor, FIELD_ROLES, "登记证据")
    case = _lock(case, expected_version)
    _check_area(actor, case)
    if case.status in ("线索", "结案", "归档", "不予立案", "移送"):
        raise CaseError(f"案件状态为“{case.get_status_display()}”，不能登记证据（须立案后、结案前）")
    if kind not in dict(Evidence.KINDS):
        raise CaseError(f"证据种类只能是：{'、'.join(dict(Evidence.KINDS))}")
    if not description.strip():
        raise CaseError("请填写证据说明")
    data = content or description.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    ev = Evidence(case=case, kind=kind, description=description.strip(), sha256=digest, size=len(data), recorded_by=actor)
    if content is not None:
        ev.file.save(f"{digest[:16]}-{filename}", ContentFile(content), save=False)
    ev.save()
    case.version += 1
    case.save(update_fields=["version", "updated_at"])
    audit.append(actor, "record_evidence", case, {}, {"evidence_id": ev.pk, "kind": kind, "description": ev.description}, [digest])
    return ev


@transaction.atomic
def close_investigation(actor, case: Case | int, *, situation_id: str, circumstances: dict | None = None,
                        party: dict | None = None, expected_version: int | None = None) -> Case:
    """调查终结: the situation is fixed, the discretion engine recommends, and the review flags are set."""
    require(actor, FIELD_ROLES, "调查终结")
    case = _lock(case, expected_version)
    if case.status != "调查":
        raise CaseError(f"只有调查取证中的案件可以调查终结，本案当前状态为“{case.get_status_display()}”")
    _check_area(actor, case, situation_id)
    if case.officers.exclude(cert_no="").count() < 2:
        raise CaseError("调查终结前须有两名以上持证执法人员承办（行政处罚法第四十二条）")
    if not case.evidence.exists():
        raise CaseError("调查终结前须至少登记一项证据")
    if party:
        for k, f in (("type", "party_type"), ("name", "party_name"), ("id_number", "party_id_number"), ("address", "party_address"),
                     ("phone", "party_phone"), ("legal_rep", "party_legal_rep")):
            if k in party:
                setattr(case, f, party[k])
    errors = validate_party(case)
    if errors:
        raise CaseError("；".join(errors))
    before = _snapshot(case, ["status", "situation_id", "discretion"])
    _set_situation(case, situation_id)
    case.circumstances = circumstances or {}
    rec = _recommend(case)
    case.discretion = rec
    case.legal_review_required = rec["legal_review_required"]
    case.collective_required = rec["collective_discussion_required"]
    case.hearing_required = rec["hearing_required"]
    case.investigation_closed_at = today()
    case.status = "法制审核" if case.legal_review_required else ("集体讨论" if case.collective_required else "调查终结")
    return _save(actor, case, "close_investigation", before,
                 ["status", "situation_id", "discretion", "legal_review_required", "collective_required", "hearing_required"])


def validate_party(case: Case) -> list[str]:
    """当事人 particulars: name and address, and a valid 身份证号 or 统一社会信用代码."""
    from ..identity import party_id_problem

    errors = []
    if not case.party_name.strip():
        errors.append("请填写当事人姓名或名称")
    if not case.party_address.strip():
        errors.append("请填写当事人住址或住所")
    problem = party_id_problem(case.party_type, case.party_id_number)
    if problem:
        errors.append(problem)
    return errors


# ---- 法制审核, 集体讨论 -------------------------------------------------------------------------------
@transaction.atomic
def review_case(actor, case: Case | int, *, passed: bool, opinion: str, expected_version: int | None = None) -> Review:
    """法制审核 (行政处罚法第五十八条): no decision without a passed review when one is required."""
    require(actor, {REVIEWER}, "法制审核")
    case = _lock(case, expected_version)
    if case.status != "法制审核":
        raise CaseError(f"本案当前状态为“{case.get_status_display()}”，不在法制审核环节")
    if not opinion.strip():
        raise CaseError("请填写审核意见")
    if case.officers.filter(user=actor).exists():
        raise CaseError("承办人员不得审核本人办理的案件")
    r = Review.objects.create(case=case, kind="法制审核", reviewer=actor, passed=passed, opinion=opinion.strip())
    before = _snapshot(case, ["status"])
    case.status = ("集体讨论" if case.collective_required else "调查终结") if passed else "调查"
    _save(actor, case, "review_case", before, ["status"], note=f"{'通过' if passed else '不通过'}：{opinion.strip()}")
    return r


@transaction.atomic
def record_collective_discussion(actor, case: Case | int, *, conclusion: str, expected_version: int | None = None) -> Review:
    """负责人集体讨论 (行政处罚法第五十七条第二款)."""
    require(actor, {LEADER}, "记录集体讨论")
    case = _lock(case, expected_version)
    if case.status != "集体讨论":
        raise CaseError(f"本案当前状态为“{case.get_status_display()}”，不需要或尚未到集体讨论环节")
    if not conclusion.strip():
        raise CaseError("请填写集体讨论结论")
    r = Review.objects.create(case=case, kind="集体讨论", reviewer=actor, passed=True, opinion=conclusion.strip())
    before = _snapshot(case, ["status"])
    case.status = "调查终结"
    _save(actor, case, "record_collective_discussion", before, ["status"], note=conclusion.strip())
    return r


def review_passed(case: Case) -> bool:
    last = case.reviews.filter(kind="法制审核").order_by("-at", "-id").first()
    return bool(last and last.passed)


# ---- 事先告知, 陈述申辩, 听证 ---------------------------------------------------------------------------
def _fine_range(case: Case) -> tuple[Decimal, Decimal] | None:
    f = (case.discretion or {}).get("fine")
    if not f:
        return None
    return Decimal(str(f["min"])), Decimal(str(f["max"]))


def _check_fine(case: Case, fine: Decimal | None) -> None:
    rng = _fine_range(case)
    if fine is None:
        return
    if fine < 0:
        raise CaseError("罚款金额不能为负数")
    if rng is None:
        if fine > 0:
            raise CaseError("裁量结果不处以罚款，不能填写罚款金额")
        return
    lo, hi = rng
    if not lo <= fine <= hi:
        raise CaseError(f"罚款 {fine} 元不在裁量幅度 {lo}–{hi} 元之内")


@transaction.atomic
def notify_party(actor, case: Case | int, *, fine: Decimal | None, kinds: list[str], expected_version: int | None = None) -> Case:
    """行政处罚事先告知 (第四十四条): intended penalty, facts, reasons, basis, and the rights to 陈述、申辩 (and 听证)."""
    require(actor, FIELD_ROLES | APPROVERS, "事先告知")
    case = _lock(case, expected_version)
    if case.status != "调查终结":
        raise CaseError(f"本案当前状态为“{case.get_status_display()}”，尚不能告知（须调查终结并完成必要的审核、讨论）")
    if case.legal_review_required and not review_passed(case):
        raise CaseError("本案须经法制审核且审核通过后才能告知和决定（行政处罚法第五十八条）")
    if case.collective_required and not case.reviews.filter(kind="集体讨论").exists():
        raise CaseError("本案须经负责人集体讨论（行政处罚法第五十七条第二款）")
    fine = Decimal(str(fine)) if fine is not None else None
    _check_fine(case, fine)
    if not kinds:
        raise CaseError("请选择拟作出的处罚种类")
    before = _snapshot(case, ["status", "fine_amount", "penalty_kinds", "notified_at", "statement_deadline"])
    case.fine_amount = fine
    case.penalty_kinds = kinds
    case.notified_at = today()
    case.statement_deadline = _deadline(case.notified_at, HEARING_REQUEST_PERIOD if case.hearing_required else STATEMENT_PERIOD)
    case.status = "告知"
    return _save(actor, case, "notify_party", before, ["status", "fine_amount", "penalty_kinds", "notified_at", "statement_deadline"])


@transaction.atomic
def record_statement(actor, case: Case | int, *, text: str = "", waived: bool = False, expected_version: int | None = None) -> Case:
    """陈述、申辩 or its express waiver. A statement can never raise the penalty (第四十五条第二款)."""
    require(actor, FIELD_ROLES | APPROVERS, "记录陈述申辩")
    case = _lock(case, expected_version)
    if case.status not in ("告知", "听证"):
        raise CaseError("只有已告知的案件可以记录陈述申辩")
    if not waived and not text.strip():
        raise CaseError("请记录当事人的陈述申辩内容，或勾选“当事人明确放弃”")
    before = _snapshot(case, ["waiver_recorded"])
    if waived:
        case.waiver_recorded = True
    return _save(actor, case, "record_statement", before, ["waiver_recorded"], note="当事人明确放弃陈述申辩" if waived else text.strip())


@transaction.atomic
def request_hearing(actor, case: Case | int, *, requested_on: dt.date | None = None, expected_version: int | None = None) -> Case:
    """The party asks for a hearing within 5 working days (第六十四条第（一）项)."""
    require(actor, FIELD_ROLES | APPROVERS, "登记听证申请")
    case = _lock(case, expected_version)
    day = requested_on or today()
    if case.status != "告知":
        raise CaseError("只有已告知的案件可以申请听证")
    if not case.hearing_required:
        raise CaseError("本案拟作出的处罚不属于听证范围")
    if day > case.statement_deadline:
        raise CaseError(f"听证申请期限已于{case.statement_deadline}届满（告知后五个工作日）")
    before = _snapshot(case, ["status", "hearing_requested"])
    case.hearing_requested = True
    case.status = "听证"
    return _save(actor, case, "request_hearing", before, ["status", "hearing_requested"])


@transaction.atomic
def record_hearing(actor, case: Case | int, *, held_on: dt.date, notified_on: dt.date, transcript: str,
                   expected_version: int | None = None) -> Case:
    """听证: notified ≥7 working days before (第六十四条第（二）项); the decision rests on the 听证笔录 (第六十五条)."""
    require(actor, APPROVERS | {REVIEWER}, "记录听证")
    case = _lock(case, expected_version)
    if case.status != "听证":
        raise CaseError("本案没有进行中的听证程序")
    if held_on < _deadline(notified_on, HEARING_NOTICE_PERIOD):
        raise CaseError(f"听证通知于{notified_on}送达，最早应在七个工作日后（{_deadline(notified_on, HEARING_NOTICE_PERIOD)}）举行")
    if not transcript.strip():
        raise CaseError("请记录听证笔录要点")
    before = _snapshot(case, ["status", "hearing_at"])
    case.hearing_at = held_on
    case.status = "告知"
    case.statement_deadline = min(case.statement_deadline or held_on, held_on)
    return _save(actor, case, "record_hearing", before, ["status", "hearing_at"], note=transcript.strip())


# ---- 决定, 送达, 执行, 结案 --------------------------------------------------------------------------
@transaction.atomic
def decide(actor, case: Case | int, *, decision: str, fine: Decimal | None = None, kinds: list[str] | None = None,
           expected_version: int | None = None) -> Case:
    """行政处罚决定 or 不予行政处罚决定 (第五十七条), only after the 告知 period or the party's waiver."""
    require(actor, APPROVERS, "作出处罚决定")
    case = _lock(case, expected_version)
    if decision not in ("处罚", "不予处罚"):
        raise CaseError("决定类型只能是“处罚”或“不予处罚”（移送请使用案件移送）")
    if case.status != "告知":
        raise CaseError(f"本案当前状态为“{case.get_status_display()}”，须事先告知（及听证）后才能作出决定")
    if case.legal_review_required and not review_passed(case):
        raise CaseError("未经法制审核或审核未通过的，不得作出决定（行政处罚法第五十八条）")
    if case.hearing_requested and not case.hearing_at:
        raise CaseError("当事人已申请听证，须举行听证后才能作出决定")
    if not case.waiver_recorded and today() <= case.statement_deadline:
        raise CaseError(f"陈述申辩（听证申请）期限至{case.statement_deadline}届满，期满前不得作出决定（当事人明确放弃的除外）")
    fine = Decimal(str(fine)) if fine is not None else None
    if decision == "处罚":
        _check_fine(case, fine)
        if fine is not None and case.fine_amount is not None and fine > case.fine_amount:
            raise CaseError(f"决定罚款 {fine} 元高于告知的 {case.fine_amount} 元：不得因当事人陈述申辩而加重处罚（行政处罚法第四十五条第二款）")
        kinds = kinds or case.penalty_kinds
    else:
        fine, kinds = None, []
    before = _snapshot(case, ["status", "decision", "fine_amount", "penalty_kinds", "decided_at", "decision_number"])
    case.decision = decision
    case.fine_amount = fine
    case.penalty_kinds = kinds
    case.decided_at = today()
    kind = "行政处罚决定书" if decision == "处罚" else "不予行政处罚决定书"
    case.decision_number = allocate(kind, today().year)
    case.doc_numbers = {**case.doc_numbers, kind: case.decision_number}
    case.status = "决定"
    return _save(actor, case, "decide", before, ["status", "decision", "fine_amount", "penalty_kinds", "decided_at", "decision_number"])


@transaction.atomic
def serve_decision(actor, case: Case | int, *, served_on: dt.date | None = None, method: str = "直接送达",
                   expected_version: int | None = None) -> Case:
    """送达 (第六十一条): on announcement, or within 7 working days."""
    require(actor, FIELD_ROLES | APPROVERS, "送达")
    case = _lock(case, expected_version)
    day = served_on or today()
    if case.status != "决定":
        raise CaseError("只有已作出决定的案件可以送达")
    if day < case.decided_at:
        raise CaseError(f"送达日期{day}早于决定日期{case.decided_at}")
    if day > today():
        raise CaseError("送达日期不能晚于今天")
    before = _snapshot(case, ["status", "served_at", "payment_due"])
    case.served_at = day
    if case.fine_amount:
        case.payment_due = _deadline(day, PAYMENT_PERIOD)
        case.status = "执行"
    else:
        case.status = "送达"
    return _save(actor, case, "serve_decision", before, ["status", "served_at", "payment_due"], note=method)


def late_fee(case: Case, paid_on: dt.date) -> Decimal:
    """加处罚款: 3% of the fine per day after the due date, never more than the fine (第七十二条)."""
    if not case.fine_amount or not case.payment_due or paid_on <= case.payment_due:
        return Decimal(0)
    days = (paid_on - case.payment_due).days
    return min(case.fine_amount, (case.fine_amount * LATE_FEE_RATE * days).quantize(Decimal("0.01")))


@transaction.atomic
def record_payment(actor, case: Case | int, *, amount: Decimal, paid_on: dt.date, expected_version: int | None = None) -> Case:
    require(actor, FIELD_ROLES | APPROVERS, "登记缴款")
    case = _lock(case, expected_version)
    if case.status != "执行":
        raise CaseError("只有执行中的案件可以登记缴款")
    if case.paid_at:
        raise CaseError(f"本案罚款已于{case.paid_at}登记缴纳{case.paid_amount}元，不能重复登记")
    if paid_on < case.served_at or paid_on > today():
        raise CaseError("缴款日期须在送达之后、今天之前")
    due = case.fine_amount + late_fee(case, paid_on)
    amount = Decimal(str(amount))
    if amount != due:
        extra = f"（含加处罚款 {due - case.fine_amount} 元）" if due != case.fine_amount else ""
        raise CaseError(f"应缴 {due} 元{extra}，登记的是 {amount} 元")
    before = _snapshot(case, ["paid_at", "paid_amount"])
    case.paid_at, case.paid_amount = paid_on, amount
    return _save(actor, case, "record_payment", before, ["paid_at", "paid_amount"])


@transaction.atomic
def record_enforcement(actor, case: Case | int, *, step: str, expected_version: int | None = None) -> Case:
    """催告 (行政强制法第五十四条) or an application to the court for compulsory execution."""
    require(actor, APPROVERS, "记录执行措施")
    case = _lock(case, expected_version)
    if case.status != "执行" or case.paid_at:
        raise CaseError("只有未缴清罚款的执行中案件需要执行措施")
    if today() <= case.payment_due:
        raise CaseError(f"缴款期限至{case.payment_due}，期满前不得催告或申请强制执行")
    if not step.strip():
        raise CaseError("请写明执行措施（如：送达催告书、申请人民法院强制执行）")
    before = _snapshot(case, ["enforcement_step"])
    case.enforcement_step = step.strip()
    return _save(actor, case, "record_enforcement", before, ["enforcement_step"])


@transaction.atomic
def close_case(actor, case: Case | int, expected_version: int | None = None) -> Case:
    """结案: not while a fine is unpaid and no enforcement step is recorded."""
    require(actor, APPROVERS, "结案")
    case = _lock(case, expected_version)
    if case.status not in ("送达", "执行", "移送"):
        raise CaseError(f"本案当前状态为“{case.get_status_display()}”，尚不能结案（须决定并送达）")
    if case.status == "执行" and not case.paid_at and not case.enforcement_step:
        raise CaseError("罚款未缴清且没有记录执行措施，不能结案")
    before = _snapshot(case, ["status", "closed_at"])
    case.status = "结案"
    case.closed_at = today()
    return _save(actor, case, "close_case", before, ["status", "closed_at"])


@transaction.atomic
def archive_case(actor, case: Case | int, expected_version: int | None = None) -> Case:
    require(actor, APPROVERS, "归档")
    case = _lock(case, expected_version)
    if case.status != "结案":
        raise CaseError("只有已结案的案件可以归档")
    before = _snapshot(case, ["status", "archived_at"])
    case.status = "归档"
    case.archived_at = today()
    return _save(actor, case, "archive_case", before, ["status", "archived_at"])


# ---- 简易程序 ------------------------------------------------------------------------------------------
@transaction.atomic
def decide_on_the_spot(actor, *, party: dict, situation_id: str, facts: str, place: str, act_date: dt.date,
                       fine: Decimal | None, kinds: list[str], partner: Officer | None, circumstances: dict | None = None,
                       town: str = "") -> Case:
    """当场处罚 (简易程序, 第五十一条、第五十二条): a warning, or a fine ≤ 200 元 (个人) / ≤ 3,000 元 (单位),
    by two officers who show their certificates (第四十二条)."""
    require(actor, FIELD_ROLES, "当场作出处罚决定")
    off = officer_of(actor)
    if off is None or not off.cert_no:
        raise CaseError("当场处罚须由持有执法证件的执法人员作出（须出示执法证件）")
    if partner is None or not partner.cert_no or partner.pk == off.pk:
        raise CaseError("执法人员不得少于两人（行政处罚法第四十二条）：请选择同行的另一名持证执法人员")
    if not facts.strip():
        raise CaseError("请填写违法事实")
    fine = Decimal(str(fine)) if fine else None
    ptype = party.get("type", "个人")
    if fine is not None and fine > SIMPLE_LIMITS[ptype]:
        raise CaseError(f"简易程序只能对{ptype}处{SIMPLE_LIMITS[ptype]}元以下罚款或警告（行政处罚法第五十一条），请改用普通程序立案")
    if not fine and "警告" not in kinds:
        raise CaseError("简易程序只能给予警告或罚款")
    case = Case(number=allocate("案件", today().year), procedure="简易", source="巡查", facts=facts.strip(), place=place,
                town=town or (off.team.town if off.team else ""), act_date=act_date, team=off.team, created_by=actor,
                clue_at=today(), party_type=ptype, party_name=party.get("name", ""), party_id_number=party.get("id_number", ""),
                party_address=party.get("address", ""), party_phone=party.get("phone", ""), party_legal_rep=party.get("legal_rep", ""))
    _set_situation(case, situation_id)
    _check_area(actor, case)
    errors = validate_party(case)
    if errors:
        raise CaseError("；".join(errors))
    case.circumstances = circumstances or {}
    rec = _recommend(case)
    if not rec["simple_procedure"]:
        raise CaseError("裁量结果不适用简易程序（罚款超过当场处罚限额或需要其他处罚），请立案按普通程序办理")
    case.discretion = rec
    _check_fine(case, fine)
    case.fine_amount = fine
    case.penalty_kinds = kinds
    case.decision = "处罚"
    case.filed_at = case.decided_at = case.served_at = today()
    case.decision_number = allocate("当场行政处罚决定书", today().year)
    case.status = "执行" if fine else "结案"
    if fine:
        case.payment_due = _deadline(today(), PAYMENT_PERIOD)
    else:
        case.closed_at = today()
    case.doc_numbers = {"当场行政处罚决定书": case.decision_number}
    case.save()
    case.officers.add(off, partner)
    audit.append(actor, "decide_on_the_spot", case, {}, _snapshot(case, ["number", "decision_number", "situation_id", "fine_amount", "penalty_kinds", "party_name"]))
    return case


@transaction.atomic
def file_simple_case_with_bureau(actor, case: Case | int, expected_version: int | None = None) -> Case:
    """备案: an on-the-spot decision is filed with the bureau (第五十二条第三款)."""
    require(actor, FIELD_ROLES | APPROVERS, "备案")
    case = _lock(case, expected_version)
    if case.procedure != "简易":
        raise CaseError("只有简易程序案件需要备案")
    if case.filed_with_bureau:
        raise CaseError("本案已备案")
    before = _snapshot(case, ["filed_with_bureau"])
    case.filed_with_bureau = True
    return _save(actor, case, "file_with_bureau", before, ["filed_with_bureau"])


# ---- 案件移送 -----------------------------------------------------------------------------------------
@transaction.atomic
def transfer_case(actor, case: Case | int, *, agency: str, reason: str, crime_suspected: bool = False,
                  expected_version: int | None = None) -> Transfer:
    """移送: to another agency, or to the judicial organs when a crime is suspected (第二十七条、第五十七条)."""
    require(actor, APPROVERS, "移送案件")
    case = _lock(case, expected_version)
    if case.status in ("结案", "归档", "不予立案", "移送"):
        raise CaseError(f"本案当前状态为“{case.get_status_display()}”，不能移送")
    if not agency.strip() or not reason.strip():
        raise CaseError("请填写接收机关和移送理由")
    t = Transfer.objects.create(case=case, direction="移出", agency=agency.strip(), reason=reason.strip(),
                                crime_suspected=crime_suspected, letter_number=allocate("案件移送函", today().year))
    before = _snapshot(case, ["status", "decision"])
    case.status = "移送"
    case.decision = "移送"
    case.doc_numbers = {**case.doc_numbers, "案件移送函": t.letter_number}
    _save(actor, case, "transfer_case", before, ["status", "decision"], note=f"移送{agency}：{reason}")
    return t


@transaction.atomic
def receive_transfer(actor, *, agency: str, reason: str, facts: str, place: str, act_date: dt.date, town: str = "",
                     team: Team | None = None) -> Transfer:
    """Receive a case or clue transferred in from another agency: it becomes a 线索 with source 移送."""
    require(actor, FIELD_ROLES | APPROVERS, "接收移送")
    case = register_clue(actor, source="移送", facts=facts, place=place, act_date=act_date, town=town, team=team)
    t = Transfer.objects.create(case=case, direction="移入", agency=agency.strip(), reason=reason.strip(), status="已接收")
    audit.append(actor, "receive_transfer", t, {}, {"agency": t.agency, "case": case.number})
    return t


@transaction.atomic
def update_transfer(actor, transfer: Transfer, *, status: str, reply: str = "") -> Transfer:
    require(actor, APPROVERS | FIELD_ROLES, "更新移送状态")
    t = Transfer.objects.select_for_update().get(pk=transfer.pk)
    if status not in dict(Transfer.STATUSES):
        raise CaseError(f"移送状态只能是：{'、'.join(dict(Transfer.STATUSES))}")
    before = {"status": t.status, "reply": t.reply}
    t.status, t.reply = status, reply or t.reply
    t.save()
    audit.append(actor, "update_transfer", t, before, {"status": t.status, "reply": t.reply})
    return t


@transaction.atomic
def issue_document_number(actor, case: Case | int, kind: str, expected_version: int | None = None) -> str:
    """Give a numbered document of the case its 文号 (once; per kind and year, no gaps)."""
    require(actor, FIELD_ROLES | APPROVERS | {REVIEWER}, "生成文书")
    case = _lock(case, expected_version)
    if kind in case.doc_numbers:
        return case.doc_numbers[kind]
    number = allocate(kind, today().year)
    before = {"doc_numbers": dict(case.doc_numbers)}
    case.doc_numbers = {**case.doc_numbers, kind: number}
    case.version += 1
    case.save()
    audit.append(actor, "issue_document_number", case, before, {"doc_numbers": case.doc_numbers})
    return number
