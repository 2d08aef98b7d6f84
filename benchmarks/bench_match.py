"""`chengguan bench match`: per-query latency and batch throughput of the matcher with the full catalog, and its
start-up (index load), beside the baseline in the same run: BM25 over all statute articles. Measured twice:
as shipped (words, then the shortlist reordered by meaning) and on words alone (CHENGGUAN_MATCH_SEMANTIC=0)."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

from common import ratio_line, summary, timings

QUERIES = [
    "烧烤摊把半边人行道都占了，油烟熏得楼上开不了窗", "有人在人行道上摆地摊卖水果", "渣土车没盖篷布，一路掉泥巴",
    "工地晚上十二点还在打桩，吵得睡不着", "小区绿化带被人挖了种菜", "楼顶加盖了一层彩钢房", "门口电线杆上贴满了办证小广告",
    "饭馆把泔水倒进雨水井", "有人在河边烧垃圾，黑烟滚滚", "施工队把人行道挖开埋管子，没看到审批", "店门口摆满了桌子椅子做生意",
    "燃气管道上面被人搭了个棚子", "人防地下室被改成了仓库出租", "景区石头上被人刻了字", "老街的历史建筑被人拆了一半",
    "洗车店污水流到马路上", "行道树被人锯掉了好几棵", "装修把承重墙砸了", "开发商没办规划许可就开工了", "车祸追尾",
]


def run() -> dict:
    import subprocess
    import sys

    from chengguan.matching.cache import cache_dir
    from chengguan.matching.matcher import Matcher
    from chengguan.rules.catalog import load_catalog

    t = time.perf_counter()
    cat = load_catalog()
    lexical = Matcher(cat, semantic=None)
    build = time.perf_counter() - t
    shipped = Matcher(cat)
    # start-up of a fresh process that finds the index cache (what `chengguan serve` and the CLI do)
    code = "import time; t=time.perf_counter(); from chengguan.matching.matcher import get_matcher; get_matcher(); print(time.perf_counter()-t)"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # make sure the cache exists
    startup = float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
    from chengguan.law.kb import get_kb

    kb = get_kb()
    _ = kb.search_index
    day = dt.date(2026, 9, 1)
    base = summary(timings(lambda q: kb.search(q, as_of=day, limit=5), QUERIES, repeat=5))
    print(f"catalog: {len(cat.situations)} situations; index build from YAML {build:.2f} s; start-up of a new process "
          f"with the index cache {startup:.2f} s (target <= 2 s; cache in {cache_dir()})")
    out = {"startup_s": startup, "build_s": build, "baseline_statute_bm25": base}
    for label, m in (("words + meaning (as shipped)", shipped), ("words alone", lexical)):
        if m.semantic is None and m is shipped:
            print("semantic reordering unavailable here (CHENGGUAN_MATCH_SEMANTIC=0 or no engine): skipped")
            continue

        def fresh(q: str, m=m):  # nothing cached: neither the text's evidence nor its embedding
            m._cache.clear()
            if m.semantic is not None:
                m.semantic.queries.clear()
            return m.match(q, day)

        fresh("预热")
        ours = summary(timings(fresh, QUERIES, repeat=3))
        texts = [f"{q}。{n}" for n in range(5) for q in QUERIES]
        t = time.perf_counter()
        for q in texts:
            m.match(q, day)
        batch = len(texts) / (time.perf_counter() - t)
        print(f"-- {label}")
        print(ratio_line(f"match ({len(QUERIES)} queries, uncached)", ours, base).replace("speed-up", "matcher/baseline speed"))
        print(f"batch throughput: {batch:.0f} texts/s over {len(texts)} distinct texts (target >= 200)")
        print(f"targets: p95 <= 30 ms {'met' if ours['p95_ms'] <= 30 else 'NOT met'}; batch >= 200/s {'met' if batch >= 200 else 'NOT met'}")
        out["shipped" if m is shipped else "words_alone"] = {"match": ours, "batch_per_s": batch}
    return out
