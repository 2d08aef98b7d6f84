"""Pages of the assistant: statute browsing and search, the catalog, the matcher. Thin: they call the engine."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_POST

from ..law.kb import CitationError, get_kb
from ..law.search import SearchError


def _as_of(request) -> tuple[dt.date | None, str | None]:
    raw = request.GET.get("as_of") or request.POST.get("as_of") or ""
    if not raw:
        return None, None
    try:
        return dt.date.fromisoformat(raw), None
    except ValueError:
        return None, f"日期“{raw}”无效，请按 2026-03-05 的格式填写真实存在的日期。"


@login_required
def law_index(request):
    kb = get_kb()
    today = dt.date.today()
    groups: dict[str, list] = {}
    for title in kb.titles:
        v = kb.version(title, today)
        groups.setdefault(v.level, []).append({"ins": v, "in_force": kb.in_force(v, today), "versions": kb.versions[title]})
    order = ["法律", "行政法规", "部门规章", "地方性法规", "地方政府规章"]
    return render(request, "assistant/law_index.html", {"groups": [(lv, groups[lv]) for lv in order if lv in groups]})


@login_required
def law_detail(request, title: str):
    kb = get_kb()
    day, err = _as_of(request)
    try:
        ins = kb.version(title, day)
    except CitationError:
        raise Http404("法规库中没有该法规")
    day = day or dt.date.today()
    toc = []
    last = None
    for a in ins.articles:
        if a.headings and a.headings != last:
            toc.append({"headings": [h.line for h in a.headings if not last or h not in last], "anchor": f"a{a.number}"})
            last = a.headings
    return render(request, "assistant/law_detail.html", {
        "ins": ins, "in_force": kb.in_force(ins, day), "day": day, "versions": kb.versions[ins.title], "toc": toc, "error": err,
    })


@login_required
def law_search(request):
    q = request.GET.get("q", "").strip()
    day, err = _as_of(request)
    level = request.GET.get("level") or None
    hits, error = [], err
    if q and not error:
        try:
            hits = get_kb().search(q, as_of=day, level=level, limit=30)
        except SearchError as e:
            error = str(e)
    return render(request, "assistant/law_search.html", {"q": q, "hits": hits, "error": error, "level": level,
                                                          "as_of": day.isoformat() if day else ""})


@login_required
def catalog(request):
    from ..rules.catalog import get_catalog
    from ..rules.schema import DOMAINS

    cat = get_catalog()
    domain = request.GET.get("domain") or ""
    law = request.GET.get("law") or ""
    towns = request.GET.get("towns") == "1"
    q = request.GET.get("q", "").strip()
    rows = []
    for s in cat.situations.values():
        it = cat.items.get(s.item)
        b = s.bases[-1]
        if domain and (not it or it.domain != domain):
            continue
        if law and not any(c.law == law for c in b.violated + b.penalty):
            continue
        if towns and not (it and it.delegated_to_towns):
            continue
        if q and q not in s.name and q not in s.conduct and not any(q in k for k in s.keywords):
            continue
        rows.append({"s": s, "item": it, "basis": b})
    laws = sorted({c.law for s in cat.situations.values() for b in s.bases for c in b.penalty})
    return render(request, "assistant/catalog.html", {"rows": rows[:300], "total": len(rows), "domains": DOMAINS,
                                                      "laws": laws, "domain": domain, "law": law, "towns": towns, "q": q})


def provisions_for(basis, day):
    kb = get_kb()
    out = []
    for role, cites in (("违法依据", basis.violated), ("处罚依据", basis.penalty)):
        for c in cites:
            try:
                r = kb.resolve(c.law, c.article, c.paragraph, c.item, as_of=day)
                out.append({"role": role, "citation": r.canonical, "text": r.text, "law": r.law, "article": r.article,
                            "in_force": r.in_force, "note": r.note})
            except CitationError as e:
                out.append({"role": role, "citation": c.as_text(), "text": str(e), "law": c.law, "article": c.article,
                            "in_force": False, "note": None})
    return out


@login_required
def situation_detail(request, sid: str):
    from ..rules.catalog import get_catalog

    cat = get_catalog()
    s = cat.situation(sid)
    if s is None:
        raise Http404("没有该违法情形")
    bases = []
    for b in s.bases:
        day = b.valid_to or b.valid_from or dt.date.today()
        bases.append({"b": b, "provisions": provisions_for(b, day)})
    return render(request, "assistant/situation.html", {"s": s, "item": cat.items.get(s.item), "bases": bases})


@login_required
def match_page(request):
    from ..cases.actions import today

    return render(request, "assistant/match.html", {"text": request.GET.get("text", ""), "today": today().isoformat()})


@login_required
@require_POST
def match_results(request):
    from ..matching.service import MatchInputError, match_one

    text = request.POST.get("text", "")
    date_raw = request.POST.get("date") or None
    party = request.POST.get("party") or None
    try:
        result = match_one(text, date=date_raw, party=party, top=5)
    except MatchInputError as e:
        return render(request, "assistant/_match_results.html", {"errors": e.errors, "text": text}, status=422)
    day = dt.date.fromisoformat(result["date"])
    kb = get_kb()
    for c in result["candidates"]:
        for role in ("violated", "penalty"):
            for p in c[role]:
                try:
                    r = kb.resolve(p["law"], p["article"], p.get("paragraph"), p.get("item"), as_of=day)
                    p["text"], p["citation"] = r.text, r.canonical
                except CitationError as e:
                    p["text"], p["citation"] = str(e), p["law"]
    return render(request, "assistant/_match_results.html", {"result": result, "text": text, "date": day.isoformat()})


@login_required
@require_POST
def match_feedback(request):
    from .models import MatchFeedback

    text = request.POST.get("text", "").strip()
    proposed = request.POST.get("proposed", "")
    correct = request.POST.get("correct") == "1"
    right = request.POST.get("right_situation", "").strip()
    if not text or not proposed:
        return HttpResponseBadRequest("缺少描述或建议的情形")
    if not correct and right:
        from ..rules.catalog import get_catalog

        if get_catalog().situation(right) is None:
            return render(request, "assistant/_feedback_done.html", {"error": f"没有编号为 {right} 的违法情形，请检查后重新填写。",
                                                                       "proposed": proposed, "text": text}, status=422)
    date_raw = request.POST.get("date") or None
    MatchFeedback.objects.create(text=text[:2000], proposed=proposed, correct=correct, right_situation=right,
                                 act_date=dt.date.fromisoformat(date_raw) if date_raw else None,
                                 user=request.user if request.user.is_authenticated else None)
    return render(request, "assistant/_feedback_done.html", {"correct": correct, "proposed": proposed})
