"""Case pages: list with deadline colours, case page with timeline and next actions, reviewer queue,
and the workbench steps from a matched situation to a case. Thin: they call actions via transitions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import actions, transitions
from .actions import CaseError
from .clocks import current_clock
from .models import AuditEntry, Case, Officer
from .roles import PermissionDenied, roles_of


def _visible_cases(user):
    qs = Case.objects.select_related("team")
    roles = roles_of(user)
    off = getattr(user, "officer", None)
    if "镇街执法人员" in roles and not (roles - {"镇街执法人员"}) and off and off.team:
        qs = qs.filter(team=off.team)
    return qs


@login_required
def case_list(request):
    qs = _visible_cases(request.user)
    status = request.GET.get("status") or ""
    procedure = request.GET.get("procedure") or ""
    q = request.GET.get("q", "").strip()
    mine = request.GET.get("mine") == "1"
    if status:
        qs = qs.filter(status=status)
    if procedure:
        qs = qs.filter(procedure=procedure)
    if q:
        qs = qs.filter(Q(number__contains=q) | Q(party_name__contains=q) | Q(place__contains=q))
    if mine:
        qs = qs.filter(Q(officers__user=request.user) | Q(created_by=request.user)).distinct()
    qs = qs.defer("facts", "discretion", "circumstances", "doc_numbers")
    page = Paginator(qs.order_by("-clue_at", "-id"), 30).get_page(request.GET.get("page"))
    rows = [(c, current_clock(c)) for c in page.object_list]
    return render(request, "cases/list.html", {"page": page, "rows": rows, "statuses": Case.STATUSES, "status": status,
                                               "procedure": procedure, "q": q, "mine": mine})


@login_required
def deadlines(request):
    """Overdue and due-soon cases, per team (镇街 officers see their own team)."""
    from .clocks import team_board
    from .models import Team

    teams = Team.objects.all().order_by("kind", "name")
    roles = roles_of(request.user)
    off = getattr(request.user, "officer", None)
    if "镇街执法人员" in roles and not (roles - {"镇街执法人员"}) and off and off.team:
        teams = teams.filter(pk=off.team_id)
    boards = []
    for t in teams:
        b = team_board(t)
        if b["overdue"] or b["due-soon"]:
            boards.append((t, b["overdue"], b["due-soon"]))
    return render(request, "cases/deadlines.html", {"boards": boards})


@login_required
def review_queue(request):
    qs = _visible_cases(request.user).filter(status="法制审核").order_by("investigation_closed_at", "id")
    return render(request, "cases/review_queue.html", {"rows": [(c, current_clock(c)) for c in qs[:200]]})


def _case_or_404(request, pk: int) -> Case:
    c = _visible_cases(request.user).filter(pk=pk).first()
    if c is None:
        raise Http404("没有该案件，或不在您的辖区")
    return c


@login_required
def case_detail(request, pk: int):
    case = _case_or_404(request, pk)
    from ..assistant.views import provisions_for
    from ..rules.catalog import get_catalog

    s = get_catalog().situation(case.situation_id) if case.situation_id else None
    provisions = []
    if s:
        b = s.basis_on(case.act_date or dt.date.today()) or s.bases[-1]
        provisions = provisions_for(b, case.act_date or dt.date.today())
    timeline = AuditEntry.objects.filter(object_type="Case", object_id=str(case.pk)).order_by("seq")
    clock = current_clock(case)
    officers = Officer.objects.exclude(cert_no="").select_related("user")
    docs, docs_problem = _documents_for(case) if case.situation_id else ([], None)
    return render(request, "cases/detail.html", {
        "case": case, "situation": s, "provisions": provisions, "timeline": timeline, "clock": clock,
        "transitions": transitions.available(request.user, case), "officers": officers,
        "evidence": case.evidence.all(), "reviews": case.reviews.all(), "transfers": case.transfers.all(),
        "documents": docs, "documents_problem": docs_problem, "action_labels": ACTION_LABELS,
    })


def _documents_for(case: Case) -> tuple[list[dict], str | None]:
    """The documents of the case, or why none can be made yet (a missing particular, said in Chinese)."""
    from .documents import DocumentsUnavailable, kinds_for, numbered

    try:
        kinds = kinds_for(case)
    except DocumentsUnavailable as e:
        return [], str(e)
    return [{"kind": k, "number": case.doc_numbers.get(k), "needs_number": numbered(k) and k not in case.doc_numbers}
            for k in kinds], None


@login_required
@require_POST
def issue_document(request, pk: int, kind: str):
    case = _case_or_404(request, pk)
    try:
        number = actions.issue_document_number(request.user, case, kind)
    except (CaseError, PermissionDenied, ValueError, LookupError) as e:
        messages.error(request, f"无法生成{kind}：{e}")
    else:
        messages.success(request, f"{kind}已编号：{number}")
    return redirect(f"/cases/{case.pk}/#documents")


@login_required
@require_POST
def case_act(request, pk: int, name: str):
    case = _case_or_404(request, pk)
    version = request.POST.get("version")
    try:
        transitions.run(request.user, case, name, request.POST, request.FILES, int(version) if version and version.isdigit() else None)
    except transitions.FieldError as e:
        messages.error(request, f"{transitions.BY_NAME[name].label if name in transitions.BY_NAME else name}：{e}")
    except (CaseError, PermissionDenied) as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"已完成：{transitions.BY_NAME[name].label}")
    return redirect("cases:detail", pk=case.pk)


# ---- workbench: matched situation → circumstances → recommendation → 简易 or 立案 -------------------------
@login_required
def circumstances(request, sid: str):
    """The circumstances form for one situation: only the questions it needs (its quantities, its parties)."""
    from ..rules.catalog import get_catalog

    s = get_catalog().situation(sid)
    if s is None:
        raise Http404("没有该违法情形")
    return render(request, "cases/_circumstances.html", {"s": s, "text": request.GET.get("text", ""),
                                                         "date": request.GET.get("date") or actions.today().isoformat()})


ACTION_LABELS = {t.name: t.label for t in transitions.TRANSITIONS} | {
    "register_clue": "登记线索", "decide_on_the_spot": "当场作出处罚决定", "file_with_bureau": "简易程序备案",
    "issue_document_number": "文书编号", "receive_transfer": "接收移送", "update_transfer": "更新移送状态",
}

QUANTITY_LABELS = {"area": "面积（平方米）", "days": "天数", "vehicles": "车辆数", "volume": "体积（立方米）", "cost": "工程造价（元）",
                   "gains": "违法所得（元）", "value": "价值（元）", "count": "数量", "trees": "树木株数", "fee": "应缴费用（元）",
                   "weight": "重量（吨）", "length": "长度（米）"}


def _circumstance_input(post, sid: str) -> dict:
    data = {"situation_id": sid, "act_date": post.get("date") or actions.today().isoformat(), "party": post.get("party") or "个人",
            "harm": post.get("harm") or "general"}
    for flag in ("first_offence", "repeat_offence", "corrected", "eliminated_harm", "coerced", "confessed", "meritorious",
                 "no_fault", "refused"):
        if post.get(flag):
            data[flag] = True
    if post.get("age"):
        data["age"] = post.get("age")
    q = {}
    for k in QUANTITY_LABELS:
        raw = (post.get(f"q_{k}") or "").strip()
        if raw:
            try:
                q[k] = float(raw)
            except ValueError:
                raise ValueError(f"{QUANTITY_LABELS[k]}“{raw}”不是数字") from None
    if q:
        data["quantities"] = q
    return data


@login_required
@require_POST
def recommend(request, sid: str):
    from ..discretion import DiscretionError, DiscretionInput
    from ..discretion import recommend as run

    try:
        data = _circumstance_input(request.POST, sid)
        result = run(DiscretionInput.parse(data))
    except (DiscretionError, ValueError) as e:
        return render(request, "cases/_recommendation.html", {"error": str(e)}, status=422)
    return render(request, "cases/_recommendation.html", {"r": result, "data": data, "sid": sid,
                                                          "text": request.POST.get("text", ""), "post": request.POST})


@login_required
def start_case(request, sid: str):
    """Party details and the choice between 当场处罚 (简易程序) and 立案 (普通程序)."""
    from ..rules.catalog import get_catalog

    s = get_catalog().situation(sid)
    if s is None:
        raise Http404("没有该违法情形")
    me = getattr(request.user, "officer", None)
    partners = Officer.objects.exclude(cert_no="").select_related("user")
    if me is not None:
        partners = partners.exclude(pk=me.pk)
        if me.team_id:
            partners = partners.filter(team_id=me.team_id) or Officer.objects.exclude(cert_no="").exclude(pk=me.pk)
    ctx = {"s": s, "p": request.POST or request.GET, "errors": {}, "partners": partners}
    if request.method == "POST":
        p = request.POST
        party = {"type": p.get("party") or "个人", "name": p.get("party_name", "").strip(), "id_number": p.get("party_id_number", "").strip().upper(),
                 "address": p.get("party_address", "").strip(), "phone": p.get("party_phone", "").strip(),
                 "legal_rep": p.get("party_legal_rep", "").strip()}
        if party["type"] == "单位" and not party["legal_rep"]:
            ctx["errors"]["form"] = "当事人为单位时，请填写法定代表人或负责人"
            return render(request, "cases/start.html", ctx, status=422)
        try:
            act_date = dt.date.fromisoformat(p.get("date") or "")
        except ValueError:
            ctx["errors"]["date"] = "请填写违法行为发生日期（YYYY-MM-DD）"
            return render(request, "cases/start.html", ctx, status=422)
        try:
            circumstances = {k: v for k, v in _circumstance_input(p, sid).items() if k not in ("situation_id", "act_date")}
            if p.get("procedure") == "简易":
                fine = Decimal(p["fine"]) if p.get("fine") else None
                kinds = ["罚款"] if fine else ["警告"]
                partner = Officer.objects.filter(pk=p.get("partner")).first() if str(p.get("partner", "")).isdigit() else None
                case = actions.decide_on_the_spot(request.user, party=party, situation_id=sid, facts=p.get("facts", ""),
                                                  place=p.get("place", ""), act_date=act_date, fine=fine, kinds=kinds,
                                                  partner=partner, circumstances=circumstances)
                up = request.FILES.get("photo")
                if up:
                    actions.record_evidence(request.user, case, kind="照片", description="现场照片", content=up.read(), filename=up.name)
                messages.success(request, f"已作出当场处罚决定 {case.decision_number}")
            else:
                case = actions.register_clue(request.user, source=p.get("source") or "巡查", facts=p.get("facts", ""),
                                             place=p.get("place", ""), act_date=act_date, situation_id=sid, party=party)
                case.circumstances = circumstances
                messages.success(request, f"已登记案件线索 {case.number}，请中队长批准立案")
        except (CaseError, PermissionDenied, ValueError, ArithmeticError) as e:
            ctx["errors"]["form"] = str(e)
            return render(request, "cases/start.html", ctx, status=422)
        return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/start.html", ctx)


@login_required
def document(request, pk: int, kind: str, fmt: str):
    case = _case_or_404(request, pk)
    from .documents import render_case_document

    try:
        data, filename, content_type = render_case_document(case, kind, fmt)
    except (CaseError, ValueError, LookupError) as e:
        messages.error(request, f"无法生成{kind}：{e}")
        return redirect("cases:detail", pk=case.pk)
    resp = HttpResponse(data, content_type=content_type)
    from urllib.parse import quote

    resp["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return resp
