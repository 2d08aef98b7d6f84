from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render


@login_required
def home(request):
    """Home: my open cases by deadline, my 法制审核 queue if I am a reviewer, and the 描述现场 box."""
    from django.db.models import Q

    from ..cases.clocks import current_clock
    from ..cases.models import Case
    from ..cases.roles import REVIEWER, roles_of

    open_cases = (Case.objects.exclude(status__in=["结案", "归档", "不予立案", "移送"])
                  .filter(Q(officers__user=request.user) | Q(created_by=request.user)).distinct()[:200])
    mine = [(c, current_clock(c)) for c in open_cases]
    mine.sort(key=lambda ck: (ck[1].due is None, ck[1].due or 0))
    queue = None
    if REVIEWER in roles_of(request.user):
        queue = [(c, current_clock(c)) for c in Case.objects.filter(status="法制审核").order_by("investigation_closed_at")[:50]]
    return render(request, "home.html", {"my_cases": mine[:20], "review_queue": queue})


def healthz(request):
    with connection.cursor() as c:
        c.execute("SELECT 1")
    return JsonResponse({"ok": True, "database": connection.vendor})
