"""The matcher's index over the catalog: BM25 on words, char-bigram overlap, example-level matching.

Built once per process from the catalog (about a second for the full catalog); queries take a few ms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..rules.catalog import Catalog
from ..rules.schema import Situation
from ..text import ensure_dictionary, normalize, tokens

K1, B = 1.2, 0.75
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def bigrams(text: str) -> list[str]:
    out = []
    for run in _HAN.findall(text):
        if len(run) == 1:
            out.append(run)
        out.extend(run[i:i + 2] for i in range(len(run) - 1))
    return out


class Bm25:
    """A small BM25 index stored as CSR arrays (one slice of doc ids and weights per term); docs are token lists."""

    def __init__(self, docs: list[list[str]]):
        self.n = len(docs)
        vocab: dict[str, int] = {}
        term_ids: list[int] = []
        doc_ids: list[int] = []
        for i, d in enumerate(docs):
            for t in d:
                term_ids.append(vocab.setdefault(t, len(vocab)))
            doc_ids.extend([i] * len(d))
        lengths = np.array([len(d) for d in docs], dtype=np.float32)
        avg = float(lengths.mean()) if self.n else 1.0
        pairs = np.array(term_ids, dtype=np.int64) * max(self.n, 1) + np.array(doc_ids, dtype=np.int64)
        uniq, tf = np.unique(pairs, return_counts=True)
        t_of = uniq // max(self.n, 1)
        d_of = (uniq % max(self.n, 1)).astype(np.int32)
        df = np.bincount(t_of, minlength=len(vocab)).astype(np.float32)
        idf = np.log(1 + (self.n - df + 0.5) / (df + 0.5)).astype(np.float32)
        tf = tf.astype(np.float32)
        w = idf[t_of] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[d_of] / avg))
        self.vocab = vocab
        self.indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(np.bincount(t_of, minlength=len(vocab)), out=self.indptr[1:])
        self.doc_ids = d_of
        self.weights = w.astype(np.float32)
        self.idf = {t: float(idf[i]) for t, i in vocab.items()}

    def postings(self, term: str):
        i = self.vocab.get(term)
        if i is None:
            return None
        a, b = self.indptr[i], self.indptr[i + 1]
        return self.doc_ids[a:b], self.weights[a:b]

    def scores(self, terms: list[str], weights: dict[str, float] | None = None) -> np.ndarray:
        s = np.zeros(self.n, dtype=np.float32)
        for t in terms:
            p = self.postings(t)
            if p is not None:
                s[p[0]] += p[1] * (weights.get(t, 1.0) if weights else 1.0)
        return s


@dataclass
class SituationDoc:
    situation: Situation
    keywords: list[str]
    text: str


class MatchIndex:
    def __init__(self, catalog: Catalog):
        ensure_dictionary([k for s in catalog.situations.values() for k in s.keywords if 1 < len(k) <= 8])
        self.catalog = catalog
        self.docs: list[SituationDoc] = []
        word_docs, bigram_docs = [], []
        ex_docs, ex_owner = [], []
        for s in catalog.situations.values():
            item = catalog.items.get(s.item)
            name_part = " ".join([s.name] * 2)
            kw = " ".join(s.keywords)
            text = " ".join([name_part, s.conduct, kw, kw, " ".join(s.examples), item.name if item else ""])
            i = len(self.docs)
            self.docs.append(SituationDoc(s, [normalize(k) for k in s.keywords], normalize(text)))
            word_docs.append(tokens(text))
            bigram_docs.append(bigrams(normalize(text)))
            for ex in [s.name, s.conduct, *s.examples]:
                ex_docs.append(tokens(ex) + bigrams(normalize(ex)))
                ex_owner.append(i)
        self.words = Bm25(word_docs)
        self.grams = Bm25(bigram_docs)
        self.examples = Bm25(ex_docs)
        self.ex_owner = np.array(ex_owner, dtype=np.int32)
        self.n = len(self.docs)

    def example_scores(self, terms: list[str]) -> np.ndarray:
        ex = self.examples.scores(terms)
        out = np.zeros(self.n, dtype=np.float32)
        np.maximum.at(out, self.ex_owner, ex)
        return out
