"""Citation parsing: the forms officers and documents actually write.

    《城市市容和环境卫生管理条例》第三十四条第一款第（四）项
    城乡规划法第64条
    依据《中华人民共和国大气污染防治法》第一百一十八条第一款的规定
    第十四条、第三十六条           (several citations, the law carried forward)
    第十八条第一款第（一）项、第二款  (款/项 carried forward to the previous article)

Parsing only finds the parts; resolving them against the knowledge base is KnowledgeBase.cite().
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import NUMERAL_RE, article_label, cn_to_int, int_to_cn

NUM = rf"(?:{NUMERAL_RE}|\d+|[０-９]+)"
ART = rf"第\s*(?P<art>{NUM})\s*条(?:之(?P<suf>{NUMERAL_RE}))?"
PARA = rf"第\s*(?P<para>{NUM})\s*款"
ITEM = rf"第?\s*[（(]?\s*(?P<item>{NUM})\s*[）)]?\s*项"
SUB = rf"第\s*(?P<sub>{NUM})\s*目"
REF_RE = re.compile(rf"(?:{ART})?\s*(?:{PARA})?\s*(?:{ITEM})?\s*(?:{SUB})?")
BOOK_RE = re.compile(r"《([^《》]{2,60})》")


@dataclass(frozen=True)
class CitationRef:
    """A citation as parsed: law as written (may be a short title), then 条/款/项/目 numbers."""

    law: str | None
    article: int | None
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None
    span: tuple[int, int] = (0, 0)

    def canonical(self, title: str | None = None) -> str:
        t = title or self.law or ""
        s = f"《{t}》" if t else ""
        if self.article is not None:
            s += article_label(self.article, self.suffix)
        if self.paragraph:
            s += f"第{int_to_cn(self.paragraph)}款"
        if self.item:
            s += f"第（{int_to_cn(self.item)}）项"
        if self.subitem:
            s += f"第{int_to_cn(self.subitem)}目"
        return s


def _num(s: str | None) -> int | None:
    return cn_to_int(s) if s else None


def find_law_mentions(text: str, titles: list[str]) -> list[tuple[int, int, str]]:
    """Spans of law names: 《…》 brackets, and bare known titles/short titles (longest first)."""
    spans: list[tuple[int, int, str]] = []
    taken = [False] * len(text)
    for m in BOOK_RE.finditer(text):
        spans.append((m.start(), m.end(), m.group(1).strip()))
        for i in range(m.start(), m.end()):
            taken[i] = True
    for title in sorted(set(titles), key=len, reverse=True):
        start = 0
        while True:
            i = text.find(title, start)
            if i < 0:
                break
            j = i + len(title)
            if not any(taken[i:j]):
                spans.append((i, j, title))
                for k in range(i, j):
                    taken[k] = True
            start = j
    spans.sort()
    return spans


def parse_citations(text: str, titles: list[str]) -> list[CitationRef]:
    """All citations in a sentence. `titles` are the known full and short titles for bare mentions."""
    laws = find_law_mentions(text, titles)
    refs: list[CitationRef] = []
    pos = 0
    current_law: str | None = None
    law_iter = iter(laws + [(len(text) + 1, len(text) + 1, None)])
    next_law = next(law_iter)
    last: CitationRef | None = None
    while pos < len(text):
        while next_law[0] <= pos:
            current_law = next_law[2]
            pos = max(pos, next_law[1])
            last = None
            next_law = next(law_iter)
        m = REF_RE.match(text, pos)
        if m and m.end() > pos and any(m.group(g) for g in ("art", "para", "item", "sub")):
            if m.start() >= next_law[0]:
                pos = next_law[0]
                continue
            art, para, item, sub = _num(m.group("art")), _num(m.group("para")), _num(m.group("item")), _num(m.group("sub"))
            suf = _num(m.group("suf")) or 0
            if art is None:
                if last is None:
                    pos = m.end()
                    continue
                # 款/项 carried forward: "第一款第（一）项、第二款" or "第（一）项、第（二）项"
                if para is not None:
                    ref = CitationRef(last.law, last.article, last.suffix, para, item, sub, (m.start(), m.end()))
                else:
                    ref = CitationRef(last.law, last.article, last.suffix, last.paragraph, item, sub, (m.start(), m.end()))
            else:
                ref = CitationRef(current_law, art, suf, para, item, sub, (m.start(), m.end()))
            refs.append(ref)
            last = ref
            pos = m.end()
        else:
            pos += 1
    return refs
