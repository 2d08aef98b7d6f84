"""The catalog validator (`chengguan rules check`): every citation, fine, tier and example checked.

Errors make the catalog unusable in court or in the matcher; warnings are worth a look.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..law.kb import CitationError, KnowledgeBase, get_kb
from .catalog import Catalog
from .fines import parse_fines
from .schema import TIER_LEVELS, Basis, Cite, Situation

PENALTY_TEXT_RE = re.compile(r"罚款|警告|没收违法所得|没收非法|吊销|责令停产停业|责令停业|责令关闭|通报批评|暂扣")


@dataclass
class Problem:
    severity: str  # error | warning
    where: str
    message: str

    def __str__(self) -> str:
        return f"[{'错误' if self.severity == 'error' else '提示'}] {self.where}: {self.message}"

    def to_dict(self) -> dict:
        return {"severity": self.severity, "where": self.where, "message": self.message}


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def check_dates(kb: KnowledgeBase, basis: Basis, situation: Situation, today: dt.date) -> list[dt.date]:
    """Days on which every citation of a basis must resolve and be in force: the ends of the basis'
    validity and every version change of a cited instrument inside it."""
    cited = {c.law for c in basis.violated + basis.penalty}
    starts = []
    for law in cited:
        title = kb.canonical_title(law)
        if title:
            starts.append(kb.versions[title][0].effective_date)
    start = basis.valid_from or situation.valid_from or (max(starts) if starts else today)
    end = basis.valid_to or situation.valid_to or today
    if end < start:
        end = start
    days = {start, end}
    open_ended = basis.valid_to is None and situation.valid_to is None
    for law in cited:
        title = kb.canonical_title(law)
        if not title:
            continue
        for v in kb.versions[title]:
            if start < v.in_force_from and (v.in_force_from <= end or open_ended):
                days.add(v.in_force_from)
            # an open-ended basis must still hold after a known future repeal
            if open_ended and v.repealed_date and v.repealed_date > start:
                days.add(v.repealed_date)
    return sorted(days)


class Validator:
    def __init__(self, catalog: Catalog, kb: KnowledgeBase | None = None, today: dt.date | None = None,
                 dev_texts: list[str] | None = None):
        self.cat = catalog
        self.kb = kb or get_kb()
        self.today = today or dt.date.today()
        self.problems: list[Problem] = []
        self.dev_texts = dev_texts or []

    def err(self, where: str, msg: str) -> None:
        self.problems.append(Problem("error", where, msg))

    def warn(self, where: str, msg: str) -> None:
        self.problems.append(Problem("warning", where, msg))

    # -----------------------------------------------------------------------------------
    def run(self) -> list[Problem]:
        for p in self.cat.problems:
            self.err(f"{p.file} {p.where}", p.message)
        for code, item in self.cat.items.items():
            for c in item.grounds:
                self.check_cite(f"事项 {code}", c, self.today, "grounds")
            if item.delegated_to_towns and not item.towns:
                self.err(f"事项 {code}", "赋权镇街的事项必须列出镇街（towns）")
        for sid, s in self.cat.situations.items():
            self.check_situation(s)
        self.check_duplicates()
        self.check_out_of_scope()
        return self.problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def check_cite(self, where: str, c: Cite, day: dt.date, role: str):
        title = self.kb.canonical_title(c.law)
        if title is None:
            sugg = self.kb.suggest_titles(c.law)
            self.err(where, f"{role} 引用的《{c.law}》不在法规库中" + (f"，是否指《{sugg[0]}》" if sugg else ""))
            return None
        if title != c.law:
            self.err(where, f"{role} 请写法规全称《{title}》，而不是《{c.law}》")
        try:
            r = self.kb.resolve(title, c.article, c.paragraph, c.item, as_of=day)
        except CitationError as e:
            self.err(where, f"{role} {c.as_text()}：{e}（{day.isoformat()}）")
            return None
        if not r.in_force:
            self.err(where, f"{role} {c.as_text()} 在 {day.isoformat()} 不在施行期内：{r.note or ''}")
        return r

    def check_situation(self, s: Situation) -> None:
        where = f"情形 {s.id}"
        if s.item not in self.cat.items:
            self.err(where, f"所属执法事项 {s.item} 不存在")
        if len(s.examples) < 3:
            self.err(where, f"至少需要3个示例描述，现有{len(s.examples)}个")
        if len(set(s.examples)) != len(s.examples):
            self.err(where, "示例描述有重复")
        if not s.conduct.strip():
            self.err(where, "违法行为描述（conduct）不能为空")
        if not s.name.strip():
            self.err(where, "名称不能为空")
        bases = s.bases or []
        ordered = sorted(bases, key=lambda b: b.valid_from or dt.date.min)
        for a, b in zip(ordered, ordered[1:]):
            if a.valid_to is None or (b.valid_from is not None and a.valid_to >= b.valid_from):
                self.err(where, "多个 bases 的有效期重叠")
        for i, b in enumerate(bases):
            bw = where if len(bases) == 1 else f"{where} bases[{i}]"
            penalty_texts = []
            for day in check_dates(self.kb, b, s, self.today):
                for c in b.violated:
                    self.check_cite(bw, c, day, "违法依据")
                for c in b.penalty:
                    r = self.check_cite(bw, c, day, "处罚依据")
                    if r is not None:
                        penalty_texts.append((c, self.fine_text(r, day)))
            self.check_fines(bw, b, penalty_texts)
            self.check_tiers(bw, b)
        for alt in s.alternatives:
            for c in alt.violated:
                self.check_cite(f"{where} 备选依据", c, self.today if not bases or bases[-1].valid_to is None else bases[-1].valid_to, "违法依据")
            for c in alt.penalty:
                self.check_cite(f"{where} 备选依据", c, self.today if not bases or bases[-1].valid_to is None else bases[-1].valid_to, "处罚依据")
            if not alt.reason.strip():
                self.err(where, "备选依据必须说明理由")
        if len(bases) > 1 or s.alternatives:
            if not (s.applies or "").strip() and s.alternatives:
                self.warn(where, "有备选依据时，请在 applies 中说明涪陵适用哪一个")
        for ex in s.examples:
            for dv in self.dev_texts:
                if difflib.SequenceMatcher(None, ex, dv).ratio() > 0.8:
                    self.err(where, f"示例与评测集文本过于相似（不得抄录评测集）：{ex}")

    def fine_text(self, r, day) -> str:
        """The text whose amounts a cited penalty provision sets: the cited 款 (with its 项) when a 款 is
        cited and states amounts, else the whole article (amounts often sit in another 款 or in the lead-in)."""
        art = r.instrument.article(r.article, r.suffix)
        if r.paragraph is not None and art is not None:
            para = art.paragraph(r.paragraph)
            if para is not None and parse_fines(para.full_text):
                return para.full_text
        return art.text if art is not None else r.text

    def check_fines(self, where: str, b: Basis, penalty_texts: list[tuple[Cite, str]]) -> None:
        if "罚款" in b.penalty_kinds and not b.fines:
            # allowed only when the text sets no amount (e.g. “可以并处罚款”)
            found = [f for _, t in penalty_texts for f in parse_fines(t)]
            if found:
                shown = "、".join(f.phrase for f in found[:3])
                self.err(where, f"处罚种类含罚款，但没有写 fines；处罚条款写明了幅度：{shown}")
        if b.fines and "罚款" not in b.penalty_kinds:
            self.err(where, "写了 fines，但 penalty_kinds 中没有“罚款”")
        if not b.fines:
            return
        text_fines = []
        seen = set()
        for _, t in penalty_texts:
            if t in seen:
                continue
            seen.add(t)
            text_fines.extend(parse_fines(t))
        for f in b.fines:
            same = [t for t in text_fines if t.kind == f.kind and t.min == f.min and t.max == f.max]
            if not same:
                found = "；".join(f"{t.phrase}（{t.kind} {_fmt(t.min)}–{_fmt(t.max)}）" for t in text_fines) or "没有解析到罚款数额"
                self.err(where, f"罚款 {f.party} {f.kind} {_fmt(f.min)}–{_fmt(f.max)}{f.unit or ''} 与处罚条款原文不符；原文为：{found}")
                continue
            parties = {t.party for t in same}
            if f.party != "任何" and None not in parties and f.party not in parties:
                self.err(where, f"罚款 {_fmt(f.min)}–{_fmt(f.max)} 在原文中针对{'/'.join(p for p in parties if p)}，而不是{f.party}")
            if f.kind == "per_unit":
                units = {t.unit for t in same}
                if f.unit not in units:
                    self.warn(where, f"按单位计罚款的单位 {f.unit} 与原文 {units} 不一致")

    def check_tiers(self, where: str, b: Basis) -> None:
        if not b.fines:
            if b.tiers and any(t.max > 0 for t in b.tiers):
                self.err(where, "没有罚款幅度却写了带金额的裁量档次")
            return
        if not b.tiers:
            self.err(where, "缺少裁量档次（tiers）")
            return
        by_party: dict[str, list] = defaultdict(list)
        for t in b.tiers:
            by_party[t.party].append(t)
        fines_by_party: dict[str, list] = defaultdict(list)
        for f in b.fines:
            fines_by_party[f.party].append(f)
        for party, tiers in by_party.items():
            legal = fines_by_party.get(party) or fines_by_party.get("任何")
            if not legal:
                self.err(where, f"{party}的裁量档次没有对应的法定罚款幅度")
                continue
            kind = legal[0].kind
            same_kind = [f for f in legal if f.kind == kind]
            lo, hi = min(f.min for f in same_kind), max(f.max for f in same_kind)
            order = [TIER_LEVELS.index(t.level) for t in tiers]
            if order != sorted(order) or len(set(order)) != len(order):
                self.err(where, f"{party}的裁量档次顺序应为 轻微<一般<较重<严重，且不重复")
            for t in tiers:
                if t.min > t.max:
                    self.err(where, f"{party}{t.level}档下限{_fmt(t.min)}大于上限{_fmt(t.max)}")
                if t.min < lo or t.max > hi:
                    self.err(where, f"{party}{t.level}档 {_fmt(t.min)}–{_fmt(t.max)} 超出法定幅度 {_fmt(lo)}–{_fmt(hi)}")
                if not t.when.strip():
                    self.err(where, f"{party}{t.level}档缺少适用条件（when）")
            st = sorted(tiers, key=lambda t: TIER_LEVELS.index(t.level))
            for a, c in zip(st, st[1:]):
                if a.max != c.min:
                    self.err(where, f"{party}裁量档次不连续：{a.level}档上限{_fmt(a.max)}，{c.level}档下限{_fmt(c.min)}")
            if st and (st[0].min != lo or st[-1].max != hi):
                self.err(where, f"{party}裁量档次应覆盖法定幅度 {_fmt(lo)}–{_fmt(hi)}，现为 {_fmt(st[0].min)}–{_fmt(st[-1].max)}")
        for party in fines_by_party:
            if party not in by_party and "任何" not in by_party:
                self.err(where, f"缺少{party}的裁量档次")

    def check_duplicates(self) -> None:
        groups: dict[tuple, list[Situation]] = defaultdict(list)
        for s in self.cat.situations.values():
            b = (s.bases or [None])[-1]
            if b is None:
                continue
            key = (tuple(sorted(c.model_dump_json() for c in b.violated)), tuple(sorted(c.model_dump_json() for c in b.penalty)))
            groups[key].append(s)
        for key, ss in groups.items():
            for i, a in enumerate(ss):
                for c in ss[i + 1:]:
                    r = difflib.SequenceMatcher(None, a.name, c.name).ratio()
                    if r > 0.85:
                        self.err(f"情形 {a.id}", f"与 {c.id} 重复：依据相同且名称几乎相同（{a.name} / {c.name}）")
                        continue
                    shared = set(a.examples) & set(c.examples)
                    if shared:
                        self.err(f"情形 {a.id}", f"与 {c.id} 依据相同且示例相同：{next(iter(shared))}")

    def check_out_of_scope(self) -> None:
        for o in self.cat.out_of_scope:
            title = self.kb.canonical_title(o.law)
            if title is None or title != o.law:
                self.err(f"不属职责清单 {o.law}", "法规名称不在法规库中（请写全称）")
                continue
            ins = self.kb.versions[title][-1]
            for a in o.articles:
                if ins.article(a) is None and all(v.article(a) is None for v in self.kb.versions[title]):
                    self.err(f"不属职责清单 {o.law}", f"没有第{a}条")
            if not o.reason.strip():
                self.err(f"不属职责清单 {o.law}", "必须写明理由")


def load_dev_texts() -> list[str]:
    """The development evaluation set, when present beside the project, to catch copied examples."""
    for p in (Path("../shared/eval/dev.jsonl"), Path(__file__).resolve().parents[4] / "shared/eval/dev.jsonl"):
        if p.exists():
            return [json.loads(ln)["text"] for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return []


def penalty_articles(kb: KnowledgeBase) -> dict[tuple[str, int], str]:
    """Articles of the current version of every instrument whose text imposes a penalty."""
    out = {}
    for title in kb.titles:
        for ins in kb.versions[title]:
            for a in ins.articles:
                if PENALTY_TEXT_RE.search(a.body) and ("处" in a.body or "给予" in a.body):
                    out[(title, a.number)] = a.body[:60]
    return out


def coverage(cat: Catalog, kb: KnowledgeBase | None = None) -> dict:
    kb = kb or get_kb()
    pen = penalty_articles(kb)
    covered = set()
    for s in cat.situations.values():
        for b in s.bases or []:
            for c in b.penalty:
                covered.add((kb.canonical_title(c.law) or c.law, c.article))
        for alt in s.alternatives:
            for c in alt.penalty:
                covered.add((kb.canonical_title(c.law) or c.law, c.article))
    oos = set()
    for o in cat.out_of_scope:
        for a in o.articles:
            oos.add((o.law, a))
    in_scope = {k for k in pen if k not in oos}
    cov = {k for k in in_scope if k in covered}
    missing = sorted(in_scope - cov)
    by_domain: dict[str, int] = defaultdict(int)
    for s in cat.situations.values():
        it = cat.items.get(s.item)
        by_domain[it.domain if it else "?"] += 1
    return {
        "situations": len(cat.situations),
        "items": len(cat.items),
        "penalty_articles": len(pen),
        "out_of_scope": len(oos & set(pen)),
        "in_scope": len(in_scope),
        "covered": len(cov),
        "uncovered": [f"《{t}》第{a}条" for t, a in missing],
        "situations_by_domain": dict(sorted(by_domain.items(), key=lambda kv: -kv[1])),
        "dual_regime": sum(1 for s in cat.situations.values() if len(s.bases or []) > 1),
    }
