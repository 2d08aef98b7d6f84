"""JSON API for the statute knowledge base, the catalog, the matcher and the discretion engine.

Thin: every endpoint validates input, calls the plain-Python engine and returns its result.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Body, Query, Router, Schema
from pydantic import Field

router = Router()


class ApiError(Schema):
    detail: str | list


class LawOut(Schema):
    title: str
    level: str
    issuer: str
    version_date: dt.date
    effective_date: dt.date
    in_force: bool
    repealed_date: dt.date | None = None
    repealed_by: str | None = None
    superseded_date: dt.date | None = None
    articles: int


@router.get("/laws", response=list[LawOut], tags=["法规库"], summary="法规列表（每个版本一行）")
def laws(request, as_of: dt.date | None = None):
    from ..law.kb import get_kb

    kb = get_kb()
    day = as_of or dt.date.today()
    out = []
    for title in kb.titles:
        for v in kb.versions[title]:
            out.append(LawOut(title=v.title, level=v.level, issuer=v.issuer, version_date=v.version_date,
                              effective_date=v.effective_date, in_force=kb.in_force(v, day),
                              repealed_date=v.repealed_date, repealed_by=v.repealed_by,
                              superseded_date=v.superseded_date, articles=len(v.articles)))
    return out


class SearchQuery(Schema):
    q: str = Field(..., min_length=1, max_length=200, description="检索词")
    as_of: dt.date | None = None
    level: Literal["法律", "行政法规", "部门规章", "地方性法规", "地方政府规章"] | None = None
    law: str | None = None
    limit: int = Field(10, ge=1, le=100)


class HitOut(Schema):
    law: str
    level: str
    article: int
    citation: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    version_date: dt.date
    in_force: bool


@router.get("/laws/search", response={200: list[HitOut], 422: ApiError}, tags=["法规库"], summary="条文全文检索")
def law_search(request, params: Query[SearchQuery]):
    from ..law.kb import CitationError, get_kb
    from ..law.search import SearchError

    try:
        hits = get_kb().search(params.q, as_of=params.as_of, level=params.level, law=params.law, limit=params.limit)
    except SearchError as e:
        return 422, {"detail": [{"loc": ["query", "q"], "msg": str(e), "type": "value_error"}]}
    except CitationError as e:
        return 422, {"detail": [{"loc": ["query", "law"], "msg": str(e), "type": "value_error"}]}
    return [HitOut(**h.to_dict()) for h in hits]


class CiteOut(Schema):
    law: str
    article: int
    paragraph: int | None
    item: int | None
    text: str
    version_date: dt.date
    in_force: bool
    citation: str
    note: str | None = None
    successor: str | None = None


@router.get("/laws/cite", response={200: list[CiteOut], 404: dict, 422: ApiError}, tags=["法规库"],
            summary="解析引用并返回条文原文")
def law_cite(request, citation: str = Query(..., min_length=2, max_length=500), as_of: dt.date | None = None):
    from ..law.kb import CitationError, get_kb

    try:
        res = get_kb().cite(citation, as_of=as_of)
    except CitationError as e:
        return 404, e.to_dict()
    return [CiteOut(**r.to_dict()) for r in res]


# ---- catalog -----------------------------------------------------------------------------------
@router.get("/items", tags=["违法情形目录"], summary="执法事项列表")
def items(request, domain: str | None = None, delegated: bool | None = None):
    from ..rules.catalog import get_catalog

    cat = get_catalog()
    out = []
    for it in cat.items.values():
        if domain and it.domain != domain:
            continue
        if delegated is not None and it.delegated_to_towns != delegated:
            continue
        out.append(it.model_dump(mode="json"))
    return out


@router.get("/situations", tags=["违法情形目录"], summary="违法情形列表")
def situations(request, domain: str | None = None, law: str | None = None, q: str | None = None,
               limit: int = Query(100, ge=1, le=2000), offset: int = Query(0, ge=0)):
    from ..rules.catalog import get_catalog

    cat = get_catalog()
    rows = []
    for s in cat.situations.values():
        it = cat.items.get(s.item)
        if domain and (not it or it.domain != domain):
            continue
        if law and not any(c.law == law for b in s.bases for c in b.violated + b.penalty):
            continue
        if q and q not in s.name and q not in s.conduct:
            continue
        rows.append({"id": s.id, "name": s.name, "item": s.item, "domain": it.domain if it else None,
                     "penalty": [c.model_dump() for c in s.bases[-1].penalty]})
    return {"count": len(rows), "results": rows[offset: offset + limit]}


@router.get("/situations/{sid}", response={200: dict, 404: dict}, tags=["违法情形目录"], summary="违法情形详情（含条文原文）")
def situation(request, sid: str, as_of: dt.date | None = None):
    from ..law.kb import CitationError, get_kb
    from ..rules.catalog import get_catalog

    s = get_catalog().situation(sid)
    if s is None:
        return 404, {"detail": f"没有编号为 {sid} 的违法情形"}
    data = s.model_dump(mode="json", exclude_none=True)
    kb = get_kb()
    day = as_of or dt.date.today()
    b = s.basis_on(day) or s.bases[-1]
    texts = []
    for role, cites in (("violated", b.violated), ("penalty", b.penalty)):
        for c in cites:
            try:
                r = kb.resolve(c.law, c.article, c.paragraph, c.item, as_of=b.valid_to if b.valid_to and b.valid_to < day else day)
                texts.append({"role": role, **r.to_dict()})
            except CitationError as e:
                texts.append({"role": role, "error": str(e)})
    data["provisions"] = texts
    return data


# ---- matcher -----------------------------------------------------------------------------------
class MatchIn(Schema):
    text: str = Field(..., description="现场描述（中文，最多2000字）")
    date: str | None = Field(None, description="行为日期 YYYY-MM-DD，默认今天")
    party: str | None = Field(None, description="个人 或 单位")
    top: int = 5
    id: str | int | None = None


@router.post("/match", response={200: dict, 422: ApiError}, tags=["智能匹配"], summary="违法情形智能匹配")
def match(request, payload: MatchIn):
    from ..matching.service import MatchInputError, match_one

    try:
        return match_one(payload.text, payload.date, payload.party, payload.top, payload.id)
    except MatchInputError as e:
        return 422, {"detail": [{"loc": ["body", *err["loc"]], "msg": err["msg"], "type": "value_error"} for err in e.errors]}


# ---- discretion ---------------------------------------------------------------------------------
@router.post("/discretion", response={200: dict, 404: dict, 422: ApiError}, tags=["裁量"], summary="裁量与免罚建议")
def discretion(request, payload: dict = Body(..., description="裁量输入（见 chengguan.discretion.DiscretionInput）")):
    from ..discretion import DiscretionError, DiscretionInput, recommend

    try:
        inp = DiscretionInput.parse(payload)
        return recommend(inp).model_dump(mode="json")
    except DiscretionError as e:
        fields = e.fields or ["body"]
        return 422, {"detail": [{"loc": ["body", f], "msg": str(e), "type": "value_error"} for f in fields]}
