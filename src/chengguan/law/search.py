"""Full-text search over articles: BM25 on jieba (rjieba) tokens, with in-force filtering and snippets."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from ..text import normalize, tokens
from .model import Article, Instrument

K1, B = 1.2, 0.75


class SearchError(ValueError):
    pass


@dataclass
class Hit:
    law: str
    level: str
    article: int
    suffix: int
    label: str
    citation: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    version_date: dt.date
    in_force: bool
    text: str

    def to_dict(self) -> dict:
        return {
            "law": self.law, "level": self.level, "article": self.article, "citation": self.citation,
            "score": round(self.score, 4), "snippet": self.snippet, "highlights": self.highlights,
            "version_date": self.version_date.isoformat(), "in_force": self.in_force,
        }

    def marked(self, open_: str = "【", close: str = "】") -> str:
        out, pos = [], 0
        for s, e in self.highlights:
            out += [self.snippet[pos:s], open_, self.snippet[s:e], close]
            pos = e
        out.append(self.snippet[pos:])
        return "".join(out)


class ArticleIndex:
    """One document per article of every instrument version."""

    def __init__(self, kb):
        self.kb = kb
        self.docs: list[tuple[Instrument, Article]] = []
        postings: dict[str, dict[int, int]] = {}
        lengths = []
        for title in kb.titles:
            for ins in kb.versions[title]:
                for art in ins.articles:
                    i = len(self.docs)
                    self.docs.append((ins, art))
                    toks = tokens(art.body)
                    lengths.append(len(toks))
                    for t in toks:
                        d = postings.setdefault(t, {})
                        d[i] = d.get(i, 0) + 1
        n = len(self.docs)
        lengths_arr = np.array(lengths, dtype=np.float32)
        avg = float(lengths_arr.mean()) if n else 1.0
        self.n = n
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for t, d in postings.items():
            ids = np.fromiter(d.keys(), dtype=np.int32, count=len(d))
            tf = np.fromiter(d.values(), dtype=np.float32, count=len(d))
            idf = math.log(1 + (n - len(d) + 0.5) / (len(d) + 0.5))
            w = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths_arr[ids] / avg))
            self.postings[t] = (ids, w.astype(np.float32))
        self.levels = np.array([ins.level for ins, _ in self.docs])

    def _mask(self, as_of: dt.date | None, level: str | None, law: str | None, all_versions: bool) -> np.ndarray:
        mask = np.ones(self.n, dtype=bool)
        day = as_of or dt.date.today()
        title = None
        if law:
            title = self.kb.canonical_title(law)
            if title is None:
                from .kb import CitationError

                raise CitationError(f"法规库中没有《{law}》", "law", self.kb.suggest_titles(law))
        chosen: dict[str, Instrument] = {}
        if not all_versions:
            for t in self.kb.titles:
                chosen[t] = self.kb.version(t, day)
        for i, (ins, _) in enumerate(self.docs):
            if level and ins.level != level:
                mask[i] = False
            elif title and ins.title != title:
                mask[i] = False
            elif not all_versions and (chosen[ins.title] is not ins or not self.kb.in_force(ins, day)):
                mask[i] = False
        return mask

    def search(self, query: str, *, as_of: dt.date | None = None, level: str | None = None, law: str | None = None,
               limit: int = 10, all_versions: bool = False) -> list[Hit]:
        q = normalize(query or "")
        if not q:
            raise SearchError("请输入检索词")
        terms = list(dict.fromkeys(tokens(q)))
        if not terms:
            raise SearchError("检索词中没有可检索的字词，请输入中文关键词")
        scores = np.zeros(self.n, dtype=np.float32)
        for t in terms:
            p = self.postings.get(t)
            if p is not None:
                np.add.at(scores, p[0], p[1])
        mask = self._mask(as_of, level, law, all_versions)
        scores[~mask] = 0
        k = min(limit, int((scores > 0).sum()))
        if k == 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        day = as_of or dt.date.today()
        out = []
        for i in top:
            ins, art = self.docs[int(i)]
            snippet, hl = make_snippet(art.text, terms)
            out.append(Hit(ins.title, ins.level, art.number, art.suffix, art.label,
                           f"《{ins.title}》{art.label}", float(scores[i]), snippet, hl, ins.version_date,
                           self.kb.in_force(ins, day), art.text))
        return out


def make_snippet(text: str, terms: list[str], width: int = 80) -> tuple[str, list[tuple[int, int]]]:
    """A window of the article around the densest cluster of query terms, with highlight offsets."""
    terms = sorted({t for t in terms if len(t) > 1 or len(terms) == 1}, key=len, reverse=True) or terms
    positions = []
    for t in terms:
        start = 0
        while (i := text.find(t, start)) >= 0:
            positions.append((i, i + len(t)))
            start = i + len(t)
    if not positions:
        return text[:width], []
    positions.sort()
    best, best_count = 0, -1
    for s, _ in positions:
        c = sum(1 for p, _ in positions if s <= p < s + width)
        if c > best_count:
            best, best_count = s, c
    start = max(0, best - 15)
    end = min(len(text), start + width)
    snippet = text[start:end]
    hl: list[tuple[int, int]] = []
    last_end = -1
    for s, e in positions:
        if s >= start and e <= end and s >= last_end:
            hl.append((s - start, e - start))
            last_end = e
    return snippet, hl
