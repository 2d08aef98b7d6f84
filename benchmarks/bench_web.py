"""`chengguan bench web`: page latency of the case list, a case page and the match step over 10,000 cases.

A throwaway SQLite database in a temporary CHENGGUAN_DATA_DIR (never the real data folder; DATABASE_URL is
ignored) is migrated and seeded with chengguan.cases.demo.seed_bulk(10_000). Requests go through Django's
test Client, logged in as 执法队员 小王, so middleware, sessions, the view, the ORM and the templates are all
in the timing (no network). Each figure is printed beside a baseline measured in the same run:

  case list   — the same rows fetched the naive way: no pagination, no select_related (one query per team);
                plus the bare `COUNT(*)` as a floor
  case page   — floor: the bare ORM reads a case page needs (case, team, officers, evidence, reviews, audit
                entries), without view or template
  match step  — floor: the matcher called directly (chengguan.matching.service.match_one), without the view

Pages that do not exist yet (404) are reported as "not available".
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import ratio_line, summary, timings


def floor_line(name: str, ours: dict, floor: dict, what: str) -> str:
    """A page beside its floor (the same work without view and template): the ratio is the page's overhead."""
    over = ours["p50_ms"] / floor["p50_ms"] if floor["p50_ms"] else float("inf")
    return (f"{name}: p50 {ours['p50_ms']:.2f} ms, p95 {ours['p95_ms']:.2f} ms | floor ({what}) p50 {floor['p50_ms']:.2f} ms, "
            f"p95 {floor['p95_ms']:.2f} ms | page = ×{over:.1f} the floor (p50)")

N_CASES = 10_000
TARGET_P95_MS = 200
DESCRIPTIONS = [
    "有人在兴华中路人行道上摆摊卖水果，占了半边路", "工地渣土车出门没冲洗，车轮带泥把太白大道弄得到处都是",
    "小区楼顶有住户在搭彩钢房，还在继续施工", "餐馆没装油烟净化器，油烟直接排到居民窗户边",
    "晚上十一点了工地还在打桩，吵得睡不着", "有人在绿化带里面挖坑种菜，把草坪都毁了", "商户把招牌挂到人行道上空，没得审批",
    "有人在电线杆上贴办证小广告", "河边有人倒建筑垃圾，堆了一大堆", "小区里有人私接管道把污水排进雨水管",
    "店门口堆了很多纸箱和货物，占道经营", "有人偷偷砍了行道树", "没有燃气经营许可证卖液化气罐", "在路边焚烧落叶和垃圾",
]


def _setup_django(tmp: str) -> None:
    if "django.conf" in sys.modules:
        from django.conf import settings

        if settings.configured and Path(settings.DATA_DIR).resolve() != Path(tmp).resolve():
            raise RuntimeError("Django 已在本进程中以其他数据目录初始化；请在新进程中运行 chengguan bench web")
    os.environ["CHENGGUAN_DATA_DIR"] = tmp
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "chengguan.web.settings"
    import django

    django.setup()


def _measure(client, method: str, urls: list, data=None, repeat: int = 2) -> tuple[dict | None, str]:
    """Time the requests; (None, why) when the page is missing or fails. The first request (a check) also warms
    the caches (templates, catalog, matcher) and is not timed."""
    first = urls[0]
    try:
        r = client.post(first, data[0]) if method == "POST" else client.get(first)
    except Exception as e:  # the view is still being written
        return None, f"not available ({type(e).__name__}: {str(e)[:80]})"
    if r.status_code == 404:
        return None, "not available (404)"
    if r.status_code >= 400:
        return None, f"not available (HTTP {r.status_code})"
    bad = []

    def call(i):
        resp = client.post(urls[i], data[i]) if method == "POST" else client.get(urls[i])
        if resp.status_code >= 400:
            bad.append(resp.status_code)

    values = timings(call, list(range(len(urls))), repeat=repeat)
    note = f"; {len(bad)} responses ≥ 400" if bad else ""
    return summary(values), note


def run() -> dict:
    tmp = tempfile.mkdtemp(prefix="chengguan-bench-web-")
    _setup_django(tmp)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from chengguan.cases.demo import seed_bulk
    from chengguan.cases.models import AuditEntry, Case

    call_command("migrate", interactive=False, verbosity=0)
    t = time.perf_counter()
    seeded = seed_bulk(N_CASES)
    seed_s = time.perf_counter() - t
    rows = Case.objects.count()
    print(f"database: SQLite in {tmp}; {rows} cases ({seeded.get('prototypes')} built through the actions, "
          f"{seeded.get('cloned', 0)} cloned), {AuditEntry.objects.count()} audit entries; seeded in {seed_s:.1f} s")

    user = get_user_model().objects.get(username="xiaowang")
    client = Client()
    client.force_login(user)
    rng = random.Random(11)
    out: dict = {"rows": rows, "seed_s": round(seed_s, 2)}

    # -- case list
    pages = max(1, rows // 30)
    list_urls = ["/cases/"] * 6 + [f"/cases/?page={rng.randint(2, pages)}" for _ in range(10)] + \
        ["/cases/?status=归档", "/cases/?status=调查", "/cases/?procedure=简易", "/cases/?mine=1", "/cases/?q=某",
         f"/cases/?page={pages}"]
    ours, note = _measure(client, "GET", list_urls)

    def naive_list(_):
        return [(c.number, c.team.name, c.party_name, c.get_status_display()) for c in Case.objects.all()]

    if ours:
        with CaptureQueriesContext(connection) as q:
            client.get("/cases/")
        base = summary(timings(naive_list, [0], repeat=2))
        count = summary(timings(lambda _: Case.objects.count(), [0] * 10, repeat=1))
        print(ratio_line(f"case list /cases/ ({len(list_urls)} URLs, {len(q)} queries per page{note})", ours, base)
              + "  [baseline: all rows, no pagination, no select_related]")
        print(f"  floor: SELECT COUNT(*) over {rows} rows p50 {count['p50_ms']:.2f} ms")
        per_url = sorted(((min(timings(lambda u: client.get(u), [u], repeat=3)), u) for u in dict.fromkeys(list_urls)),
                         reverse=True)
        print("  slowest list URLs: " + "; ".join(f"{u} {ms:.1f} ms" for ms, u in per_url[:3]))
        out.update(case_list=ours, case_list_baseline=base, count_floor=count, case_list_queries=len(q))
        cons = connection.introspection.get_constraints(connection.cursor(), Case._meta.db_table)
        if not any(c.get("index") and (c.get("columns") or [""])[0] == "clue_at" for c in cons.values()):
            # the list is ordered by (-clue_at, -id): show what an index on that order would give (this database only)
            with connection.cursor() as cur:
                cur.execute(f"CREATE INDEX bench_case_list_order ON {Case._meta.db_table} (clue_at DESC, id DESC)")
                cur.execute("ANALYZE")
            hinted, _ = _measure(client, "GET", list_urls)
            print(f"  hint: no index starts with clue_at; with one on (clue_at DESC, id DESC) the list gives "
                  f"p50 {hinted['p50_ms']:.2f} ms, p95 {hinted['p95_ms']:.2f} ms")
            out["case_list_with_order_index"] = hinted
    else:
        print(f"case list /cases/: {note}")
        out["case_list"] = note

    # -- case page
    ids = list(Case.objects.values_list("pk", flat=True))
    sample = rng.sample(ids, 30)
    ours, note = _measure(client, "GET", [f"/cases/{pk}/" for pk in sample])

    def bare_detail(pk):
        c = Case.objects.select_related("team").get(pk=pk)
        return (list(c.officers.select_related("user")), list(c.evidence.all()), list(c.reviews.all()),
                list(AuditEntry.objects.filter(object_type="Case", object_id=str(pk))))

    if ours:
        with CaptureQueriesContext(connection) as q:
            client.get(f"/cases/{sample[1]}/")
        base = summary(timings(bare_detail, sample, repeat=2))
        print(floor_line(f"case page /cases/<id>/ ({len(sample)} cases, {len(q)} queries per page{note})", ours, base,
                         "bare ORM reads, no view/template"))
        out.update(case_page=ours, case_page_baseline=base, case_page_queries=len(q))
    else:
        print(f"case page /cases/<id>/: {note}")
        out["case_page"] = note

    # -- match step
    posts = [{"text": d} for d in DESCRIPTIONS]
    ours, note = _measure(client, "POST", ["/match/results/"] * len(posts), posts, repeat=2)
    if ours:
        from chengguan.matching.service import match_one

        try:
            base = summary(timings(lambda d: match_one(d, top=5), DESCRIPTIONS, repeat=2))
        except Exception as e:  # the matcher is being changed
            base = {"p50_ms": 0.0, "p95_ms": 0.0, "error": str(e)[:80]}
        print(floor_line(f"match step POST /match/results/ ({len(posts)} descriptions{note})", ours, base,
                         "matcher alone, no view/template"))
        out.update(match=ours, match_baseline=base)
    else:
        print(f"match step POST /match/results/: {note}")
        out["match"] = note

    measured = {k: v for k, v in out.items() if k in ("case_list", "case_page", "match") and isinstance(v, dict)}
    verdict = all(v["p95_ms"] <= TARGET_P95_MS for v in measured.values())
    worst = max((v["p95_ms"] for v in measured.values()), default=0.0)
    mean50 = statistics.fmean([v["p50_ms"] for v in measured.values()] or [0])
    print(f"target p95 <= {TARGET_P95_MS} ms on every measured page: {'met' if verdict and measured else 'NOT met'}"
          f" (worst p95 {worst:.1f} ms; mean of p50s {mean50:.1f} ms)")
    reset_queries()
    out["target_met"] = bool(verdict and measured)
    connection.close()
    shutil.rmtree(tmp, ignore_errors=True)  # the throwaway database
    return out
