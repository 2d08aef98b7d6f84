"""From a case record in the database to the documents engine's CaseRecord, and the documents of a case."""

from __future__ import annotations

from pydantic import ValidationError

from ..documents import CaseRecord, applicable_kinds, render_docx
from ..documents.manifest import load_manifest
from .models import Case

class DocumentsUnavailable(ValueError):
    """The case lacks a particular the documents require; the message says which, in Chinese."""


EVIDENCE_KIND = {"照片": "视听资料", "视听资料": "视听资料", "笔录": "勘验笔录、现场笔录", "测量": "勘验笔录、现场笔录",
                 "书证": "书证", "电子数据": "电子数据", "其他": "书证"}


def _cites(cites) -> list[dict]:
    return [{"law": c.law, "article": c.article, "paragraph": c.paragraph, "item": c.item} for c in cites]


def case_record(case: Case) -> CaseRecord:
    """Everything the documents need, taken from the case; nothing is typed twice."""
    from ..rules.catalog import get_catalog

    s = get_catalog().situation(case.situation_id) if case.situation_id else None
    if s is None:
        raise DocumentsUnavailable("案件尚未确定违法情形，不能生成文书")
    day = case.act_date or case.clue_at
    basis = s.basis_on(day) or s.bases[-1]
    party = {"kind": case.party_type, "name": case.party_name or "（未填写）", "address": case.party_address or "（未填写）",
             "phone": case.party_phone or None}
    if case.party_type == "个人":
        party["id_number"] = case.party_id_number or None
    else:
        party["uscc"] = case.party_id_number or None
        party["legal_rep"] = case.party_legal_rep or None
    officers = [{"name": o.name, "cert_no": o.cert_no} for o in case.officers.select_related("user") if o.cert_no]
    reviews = list(case.reviews.select_related("reviewer"))
    legal = next((r for r in reversed(reviews) if r.kind == "法制审核"), None)
    transfer = case.transfers.filter(direction="移出").first()
    decided_no_penalty = case.decision == "不予处罚"
    data = {
        "case_number": case.number,
        "cause": f"{s.name}案",
        "procedure": "简易程序" if case.procedure == "简易" else "普通程序",
        "source": case.get_source_display(),
        "party": party,
        "act_date": day,
        "act_place": case.place or "（未填写）",
        "facts": case.facts,
        "evidence": [{"name": e.description[:40], "kind": EVIDENCE_KIND.get(e.kind, "书证"), "description": e.description}
                     for e in case.evidence.all()] or [{"name": "现场检查情况", "kind": "勘验笔录、现场笔录"}],
        "officers": officers,
        "situation_id": s.id,
        "violated": _cites(basis.violated),
        "penalty_basis": _cites(basis.penalty),
        "discretion": case.discretion or None,
        "decision": {"kinds": [] if decided_no_penalty else list(case.penalty_kinds or (case.discretion or {}).get("penalties", [])),
                     "fine": case.fine_amount,
                     "no_penalty_reason": "违法行为轻微并及时改正，没有造成危害后果" if decided_no_penalty else None},
        "dates": {"clue": case.clue_at, "filed": case.filed_at, "investigation_end": case.investigation_closed_at,
                  "legal_review": legal.at.date() if legal else None, "notice": case.notified_at,
                  "statement_deadline": case.statement_deadline, "hearing": case.hearing_at, "decision": case.decided_at,
                  "service": case.served_at, "payment": case.paid_at, "closed": case.closed_at,
                  "transfer": transfer.created_at.date() if transfer else None},
        "hearing": {"required": case.hearing_required, "requested": case.hearing_requested},
        "review": {"reviewer": (legal.reviewer.last_name + legal.reviewer.first_name) or legal.reviewer.username, "opinion": legal.opinion,
                   "conclusion": "同意" if legal.passed else "补充调查后再审"} if legal else None,
        "transfer": {"receiver": transfer.agency, "reason": transfer.reason} if transfer else None,
        "doc_numbers": dict(case.doc_numbers or {}),
    }
    if "罚款" in data["decision"]["kinds"] and not case.fine_amount:
        data["decision"]["kinds"] = [k for k in data["decision"]["kinds"] if k != "罚款"]
    try:
        return CaseRecord.model_validate(data)
    except ValidationError as e:
        problems = "；".join(err["msg"].removeprefix("Value error, ") for err in e.errors())
        raise DocumentsUnavailable(f"尚不能生成文书：{problems}") from e


def kinds_for(case: Case) -> list[str]:
    return applicable_kinds(case_record(case))


def numbered(kind: str) -> bool:
    return bool(load_manifest().get(kind).prefix)


def render_case_document(case: Case, kind: str, fmt: str) -> tuple[bytes, str, str]:
    record = case_record(case)
    if kind not in applicable_kinds(record):
        raise LookupError(f"本案当前不需要{kind}")
    if numbered(kind) and kind not in record.doc_numbers:
        raise LookupError(f"{kind}尚未编号，请先点击“生成”取得文号")
    data = render_docx(record, kind)
    if fmt == "docx":
        return data, f"{kind}-{case.number}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if fmt == "pdf":
        import tempfile
        from pathlib import Path

        from ..documents.pdf import get_converter

        with tempfile.TemporaryDirectory(prefix="chengguan-doc-") as tmp:
            src = Path(tmp) / f"{kind}.docx"
            src.write_bytes(data)
            pdf = get_converter().convert(src, tmp)
            return Path(pdf).read_bytes(), f"{kind}-{case.number}.pdf", "application/pdf"
    raise LookupError("格式只能是 docx 或 pdf")
