"""From a CaseRecord to the template context: every value a document prints.

Provisions are quoted verbatim from the knowledge base in the version in force on the act date;
remedy wording (复议 60 days to the district government, 诉讼 6 months) is fixed here from the
行政复议法 and 行政诉讼法, never copied from a sectoral regulation.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..law.citations import CitationRef
from ..law.kb import KnowledgeBase, get_kb
from ..law.numerals import int_to_cn
from .formatting import amount_both, amount_capital, amount_figure, cn_date, cn_datetime
from .manifest import DocKind, Manifest, load_manifest
from .record import CaseRecord, Provision

# The remedy provisions, checked against the knowledge base by verify_remedy_provisions().
REVIEW_PERIOD = ("中华人民共和国行政复议法", 20, "六十日")
REVIEW_ORGAN = ("中华人民共和国行政复议法", 24, "本级人民政府工作部门")
REVIEW_FIRST = ("中华人民共和国行政复议法", 23, "当场作出的行政处罚决定")
SUIT_PERIOD = ("中华人民共和国行政诉讼法", 46, "六个月")
STATEMENT_DAYS = 5  # 行政处罚法第六十四条第（一）项、第八十五条：工作日
HEARING_THRESHOLD = {"个人": Decimal(5000), "单位": Decimal(50000)}  # 重庆市行政处罚听证程序规定
SIMPLE_LIMIT = {"个人": Decimal(200), "单位": Decimal(3000)}  # 行政处罚法第五十一条


def verify_remedy_provisions(kb: KnowledgeBase | None = None, as_of: dt.date | None = None) -> list[str]:
    """Problems if the shipped texts do not say what the remedy wording relies on (empty = fine)."""
    kb = kb or get_kb()
    out = []
    for law, art, phrase in (REVIEW_PERIOD, REVIEW_ORGAN, REVIEW_FIRST, SUIT_PERIOD):
        text = kb.resolve(law, art, as_of=as_of).text
        if phrase not in text:
            out.append(f"《{law}》第{int_to_cn(art)}条不含“{phrase}”")
    return out


def add_working_days(day: dt.date, n: int) -> dt.date:
    """Working days (行政处罚法第八十五条) via chengguan.calendar when it is installed, else Monday–Friday."""
    try:
        from ..calendar import add_working_days as cal_add  # type: ignore[attr-defined]
    except ImportError:
        cal_add = None
    if cal_add is not None:
        try:
            return cal_add(day, n)
        except Exception:  # noqa: BLE001 - e.g. a year the holiday table does not cover: Monday–Friday below
            pass
    d = day
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def citation_text(p: Provision | dict) -> str:
    if isinstance(p, dict):
        p = Provision(law=p["law"], article=int(p["article"]), paragraph=p.get("paragraph"), item=p.get("item"))
    return CitationRef(p.law, p.article, 0, p.paragraph, p.item).canonical()


def quote(p: Provision, as_of: dt.date, kb: KnowledgeBase | None = None) -> dict[str, str]:
    """{"citation": 《…》第十八条第一款第（五）项, "quote": verbatim text, "version": 2018-07-26}.

    An item is quoted with its paragraph's lead-in, separated by “……” (the checker matches each piece)."""
    kb = kb or get_kb()
    r = kb.resolve(p.law, p.article, p.paragraph, p.item, as_of=as_of)
    art = r.instrument.article(p.article)
    label = art.label

    def strip_label(t: str) -> str:
        return t[len(label):].lstrip(" \u3000") if t.startswith(label) else t

    if p.item is not None:
        holder = art.paragraph(p.paragraph) if p.paragraph else next(x for x in art.paragraphs if x.items)
        lead = strip_label(holder.text)
        text = (lead + "……" if lead else "") + r.text
    else:
        text = strip_label(r.text)
    text = text.replace("\n", "")
    return {"citation": r.canonical, "quote": text, "version": r.version_date.isoformat(), "in_force": r.in_force,
            "note": r.note or ""}


def _join_citations(ps: list[Provision]) -> str:
    return "、".join(citation_text(p) for p in ps)


def decision_text(record: CaseRecord) -> str:
    dec = record.decision
    if not dec.kinds:
        return "不予行政处罚"
    parts = []
    for k in dec.kinds:
        if k == "罚款" and dec.fine is not None:
            parts.append(f"罚款{amount_both(dec.fine)}")
        elif k.startswith("没收") and dec.confiscation:
            parts.append(f"{k}（{dec.confiscation}）")
        else:
            parts.append(k)
    return "；".join(parts)


def discretion_context(record: CaseRecord) -> dict[str, Any]:
    d = record.discretion
    if d is None:
        return {"outcome": "", "summary": "", "trace": [], "range_text": "", "grounds": [], "grounds_text": ""}
    rng = ""
    if d.fine is not None:
        rng = f"{amount_figure(d.fine.min)}元至{amount_figure(d.fine.max)}元"
    basis = f"根据本机关行政处罚裁量基准{('（' + record.discretion_note + '）') if record.discretion_note else ''}，"
    if d.outcome in ("不予处罚", "可以不予处罚"):
        summary = f"{basis}当事人的违法行为属于“{d.outcome}”情形。"
    else:
        summary = f"{basis}当事人的违法行为属于“{d.outcome}”情形" + (f"，罚款裁量幅度为{rng}" if rng else "") + "。"
    trace = []
    for i, t in enumerate(d.trace, 1):
        c = t.get("citation")
        ctext = ""
        if isinstance(c, dict) and c.get("law"):
            ctext = f"（{citation_text(c)}）"
        elif isinstance(c, str) and c:
            ctext = f"（{c}）"
        trace.append({"no": i, "step": t.get("step", ""), "rule": t.get("rule", ""), "version": t.get("version", ""),
                      "citation_text": ctext})
    grounds = []
    for g in d.grounds:
        try:
            grounds.append(quote(Provision(law=g["law"], article=int(g["article"]), paragraph=g.get("paragraph"),
                                           item=g.get("item")), record.act_date))
        except Exception:  # noqa: BLE001 - a ground the knowledge base lacks is still printed by name
            grounds.append({"citation": citation_text(g), "quote": ""})
    return {"outcome": d.outcome, "summary": summary, "trace": trace, "range_text": rng, "grounds": grounds,
            "grounds_text": "、".join(g["citation"] for g in grounds), "fine": d.fine.model_dump() if d.fine else None}


def statement_deadline(record: CaseRecord) -> dt.date | None:
    if record.dates.statement_deadline:
        return record.dates.statement_deadline
    start = record.dates.notice_served or record.dates.notice
    return add_working_days(start, STATEMENT_DAYS) if start else None


def statement_text(record: CaseRecord) -> str:
    d = record.dates
    parts = []
    if record.hearing.requested and d.hearing:
        parts.append(f"应当事人申请，本机关于{cn_date(d.hearing)}依法举行了听证。")
    if record.statement_made:
        parts.append(f"当事人于{cn_date(d.statement)}提出了陈述、申辩意见：{record.statement_summary or ''}。"
                     f"经复核，{record.decision.statement_handling or '本机关对当事人提出的事实、理由和证据进行了复核。'}")
    elif not record.hearing.requested:
        parts.append("当事人在规定期限内未提出陈述、申辩意见" + ("，也未要求听证。" if record.hearing.required else "。"))
    return "".join(parts)


def remedy(record: CaseRecord) -> str:
    b = record.bureau
    court = b.court or "人民法院"
    return (f"当事人如不服本决定，可以自收到本决定书之日起六十日内向{b.review_organ}申请行政复议，"
            f"也可以自收到本决定书之日起六个月内依法向{court}提起行政诉讼。")


def remedy_prereview(record: CaseRecord) -> str:
    b = record.bureau
    return (f"根据《中华人民共和国行政复议法》第二十三条的规定，当事人对本决定不服的，应当自收到本决定书之日起六十日内"
            f"先向{b.review_organ}申请行政复议，对行政复议决定不服的，可以再依法向人民法院提起行政诉讼。"
            f"行政复议申请也可以通过本机关提交。")


def surcharge(record: CaseRecord) -> Decimal:
    """加处罚款 to the 催告 date: 3% of the fine per day after the payment deadline, capped at the fine (第七十二条)."""
    fine = record.decision.fine or Decimal(0)
    start = record.dates.service or record.dates.decision
    if not start or not record.dates.reminder:
        return Decimal(0)
    due = start + dt.timedelta(days=record.decision.payment_days)
    days = max(0, (record.dates.reminder - due).days)
    return min(fine, (fine * Decimal("0.03") * days).quantize(Decimal("1")))


def served(record: CaseRecord, manifest: Manifest, kinds: list[str]) -> list[dict[str, str]]:
    d = record.dates
    when = {"责令（限期）改正通知书": d.correction_notice, "先行登记保存通知书": d.preservation,
            "先行登记保存处理决定书": d.preservation_decision, "行政处罚事先告知书": d.notice_served or d.notice,
            "听证告知书": d.notice_served or d.notice, "听证通知书": d.hearing_notice,
            "行政处罚决定书": d.service, "不予行政处罚决定书": d.service, "当场行政处罚决定书": d.service or d.decision,
            "催告书": d.reminder}
    out = []
    for k in kinds:
        if k in when and when[k]:
            out.append({"title": "《" + manifest.get(k).title + "》", "doc_no": record.doc_numbers.get(k, ""),
                        "date": cn_date(when[k]), "method": "直接送达"})
    return out


def base_context(record: CaseRecord, kb: KnowledgeBase | None = None, manifest: Manifest | None = None,
                 kinds: list[str] | None = None) -> dict[str, Any]:
    """Everything shared by the documents of one case (computed once per set)."""
    kb = kb or get_kb()
    manifest = manifest or load_manifest()
    p = record.party
    b = record.bureau
    officers = [o.model_dump() for o in record.officers]
    officers_text = "、".join(f"{o.name}（执法证号：{o.cert_no}）" for o in record.officers)
    birth = cn_date(p.birth_date) if p.birth_date else ""
    if p.kind == "个人":
        party_desc = f"{p.name}，{p.gender or ''}，{birth}出生，公民身份号码：{p.id_number}，住址：{p.address}"
    else:
        party_desc = f"{p.name}，统一社会信用代码：{p.uscc}，{p.legal_rep_title}：{p.legal_rep}，住所：{p.address}"
    if p.phone:
        party_desc += f"，联系电话：{p.phone}"
    fine = record.decision.fine
    dates = {k: cn_date(v) for k, v in record.dates.model_dump().items()}
    deadline = statement_deadline(record)
    dates["statement_deadline"] = cn_date(deadline)
    cause_short = record.cause.removesuffix("案")
    ctx: dict[str, Any] = {
        "bureau": b.model_dump(),
        "case_number": record.case_number,
        "cause": record.cause,
        "cause_short": cause_short,
        "procedure": record.procedure,
        "source": record.source,
        "party": {**p.model_dump(mode="json"), "id_label": p.id_label, "id_value": p.id_value,
                  "birth_date": birth, "phone": p.phone or "—", "legal_rep": p.legal_rep},
        "party_desc": party_desc,
        "act_date": cn_date(record.act_date),
        "act_time": cn_datetime(record.act_time) if record.act_time else cn_date(record.act_date),
        "act_place": record.act_place,
        "facts": record.facts,
        "evidence": [{"no": i, **e.model_dump()} for i, e in enumerate(record.evidence, 1)],
        "officers": officers,
        "officers_text": officers_text,
        "officers_names": "、".join(o.name for o in record.officers),
        "violated": [quote(v, record.act_date, kb) for v in record.violated],
        "violated_text": _join_citations(record.violated),
        "penalty_basis": [quote(v, record.act_date, kb) for v in record.penalty_basis],
        "penalty_basis_text": _join_citations(record.penalty_basis),
        "discretion": discretion_context(record),
        "decision_text": decision_text(record),
        "fine": {"figure": amount_figure(fine), "capital": amount_capital(fine), "both": amount_both(fine)} if fine else None,
        "payment_days_cn": int_to_cn(record.decision.payment_days),
        "correction": record.correction or record.decision.correction,
        "no_penalty_reason": record.decision.no_penalty_reason or "",
        "d": dates,
        "statement_deadline": dates["statement_deadline"],
        "statement_text": statement_text(record),
        "remedy": remedy(record),
        "remedy_prereview": remedy_prereview(record),
        "hearing": {**record.hearing.model_dump(), "start": cn_datetime(record.hearing.start),
                    "end": cn_datetime(record.hearing.end)},
        "inspection": None, "inquiry": None, "review": None, "discussion": None, "transfer": None,
        "items": [{"no": i, **it.model_dump()} for i, it in enumerate(record.preserved_items, 1)],
        "preservation_place": "本机关物品保管室",
        "preservation_handling": record.preservation_handling or "",
        "doc_numbers": dict(record.doc_numbers),
        "surcharge": {"both": amount_both(surcharge(record))},
        "closing_note": record.payment_note or (f"当事人已于{cn_date(record.dates.payment)}缴纳罚款{amount_both(fine)}。"
                                                if record.dates.payment and fine else ""),
        "served": served(record, manifest, kinds or list(manifest.kinds)),
    }
    if record.inspection:
        i = record.inspection
        ctx["inspection"] = {**i.model_dump(), "start": cn_datetime(i.start), "end": cn_datetime(i.end),
                             "witness": i.witness}
    if record.inquiry:
        q = record.inquiry
        ctx["inquiry"] = {**q.model_dump(), "start": cn_datetime(q.start), "end": cn_datetime(q.end),
                          "interviewee": q.interviewee or (p.name if p.kind == "个人" else f"{p.legal_rep}（{p.name}{p.legal_rep_title}）")}
    if record.review:
        ctx["review"] = {**record.review.model_dump(), "reviewer_cert": record.review.reviewer_cert or "—"}
    if record.discussion:
        ctx["discussion"] = {**record.discussion.model_dump(), "participants_text": "、".join(record.discussion.participants)}
    if record.transfer:
        t = record.transfer
        basis = [Provision(law="中华人民共和国行政处罚法", article=27, paragraph=1)] + ([t.basis] if t.basis else [])
        ctx["transfer"] = {**t.model_dump(), "basis_text": _join_citations(basis),
                           "materials": [f"{i}．{m}" for i, m in enumerate(t.materials, 1)]}
    return ctx


def document_context(base: dict[str, Any], record: CaseRecord, kind: DocKind) -> dict[str, Any]:
    day = getattr(record.dates, kind.date, None)
    return {**base, "doc_no": record.doc_numbers.get(kind.kind, ""), "sign_date": cn_date(day)}
