"""`chengguan bench law`: search and cite latency over a fixed query set, beside a naive substring scan."""

from __future__ import annotations

import datetime as dt
import time

from common import ratio_line, summary, timings

QUERIES = ["占道经营", "渣土 撒漏", "油烟 净化设施", "违法建设 拆除", "砍伐 树木", "人防工程 占用", "燃气 瓶装 经营",
           "排水 许可 污水", "挖掘 城市道路", "户外广告 设置", "乱张贴 小广告", "焚烧 落叶", "施工 噪声 夜间",
           "露天烧烤", "建筑垃圾 倾倒", "生活垃圾 分类", "风景名胜区 建设", "历史建筑 拆除", "装饰装修 承重结构",
           "物业 公共部位", "工程质量 监理", "安全生产 施工单位", "土地 非法占用", "国防动员 拒绝", "罚款 五万元",
           "听证 告知", "当场 处罚 二百元", "复议 六十日", "首次 违法 不予处罚", "绿地 占用"]
CITES = ["《城市市容和环境卫生管理条例》第三十四条第一款第（四）项", "城乡规划法第64条", "《重庆市市容环境卫生管理条例》第十八条第二款",
         "依据《中华人民共和国大气污染防治法》第一百一十八条第一款的规定", "《城市道路管理条例》第二十七条、第四十二条",
         "《中华人民共和国行政处罚法》第三十三条第一款", "《建设工程质量管理条例》第五十六条", "土地管理法第七十七条第一款"]


def run() -> dict:
    from chengguan.law.kb import get_kb
    from chengguan.text import tokens

    t = time.perf_counter()
    kb = get_kb()
    _ = kb.search_index
    load_s = time.perf_counter() - t
    day = dt.date(2026, 9, 1)
    docs = kb.search_index.docs

    def naive(q: str):
        terms = [w for w in tokens(q)]
        scored = []
        for ins, art in docs:
            text = art.text
            s = sum(text.count(w) for w in terms)
            if s:
                scored.append((s, ins.title, art.number))
        scored.sort(reverse=True)
        return scored[:10]

    ours = summary(timings(lambda q: kb.search(q, as_of=day, limit=10), QUERIES, repeat=5))
    base = summary(timings(naive, QUERIES, repeat=2))
    cite = summary(timings(lambda c: kb.cite(c, as_of=day), CITES, repeat=20))
    print(f"statutes: {len(kb.titles)} instruments, {len(docs)} articles indexed; load + index {load_s:.2f} s")
    print(ratio_line(f"search ({len(QUERIES)} queries)", ours, base))
    print(f"cite ({len(CITES)} citations): p50 {cite['p50_ms']:.3f} ms, p95 {cite['p95_ms']:.3f} ms")
    print(f"target search p95 <= 30 ms: {'met' if ours['p95_ms'] <= 30 else 'NOT met'}")
    return {"search": ours, "baseline_substring_scan": base, "cite": cite, "load_s": load_s}
