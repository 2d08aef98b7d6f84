"""违法情形智能匹配: free text → ranked violation situations with their provisions, evidence and abstention.

Method (no network): the text is normalised, expanded with the colloquial lexicon and split into clauses;
each situation is scored by BM25 over words, BM25 over character bigrams (robust to typos and unknown
words), the best-matching single example, and exact keyword hits. The raw score is mapped to [0, 1] by a
logistic calibration fitted on labelled data (data/matching/calibration.yaml). The shortlist is then put in
order of words plus meaning by a shipped sentence encoder (semantic.py); the score shown stays the calibrated
confidence of the lexical evidence.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from .. import DATA_DIR
from ..rules.catalog import Catalog
from ..rules.schema import Basis, Cite, Situation
from ..text import normalize, tokens
from .index import MatchIndex, bigrams
from .lexicon import Lexicon, load_lexicon
from .semantic import Semantic
from .semantic import shared as shared_semantic

_AUTO = object()

CLAUSE_SPLIT = re.compile(r"[，。；！？,;!?\n]|还有|而且|另外|同时|并且")
CALIBRATION_FILE = DATA_DIR / "matching" / "calibration.yaml"


@dataclass
class Weights:
    """Ranking weights and the logistic calibration, loaded from data/matching/calibration.yaml."""

    words: float = 1.0
    grams: float = 0.6
    examples: float = 0.8
    keywords: float = 0.35
    clause: float = 0.9
    coverage: float = 2.0  # ranking score = weighted evidence + coverage × (share of the text's bigrams the situation uses)
    # calibration: p = sigmoid(c0 + c_raw*raw + c_cov*coverage + c_kw*keyword_hits + c_margin*margin)
    c0: float = -4.0
    c_raw: float = 1.0
    c_cov: float = 3.0
    c_kw: float = 0.5
    c_margin: float = 1.0
    abstain_below: float = 0.35
    oos_override: float = 0.8
    # 语义重排: when the first candidate's confidence is below semantic_below (1.0: always), the first
    # semantic_shortlist candidates are ordered by (lexical rank score + semantic_weight × cosine similarity)
    semantic_below: float = 1.0
    semantic_shortlist: int = 8
    semantic_weight: float = 60.0

    @classmethod
    def load(cls, path: Path = CALIBRATION_FILE) -> "Weights":
        if path.exists():
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            return cls(**{k: v for k, v in raw.items() if k in cls.__dataclass_fields__})
        return cls()


@dataclass
class Candidate:
    situation: Situation
    basis: Basis
    score: float
    raw: float
    evidence: list[str]
    features: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        def cites(cs: list[Cite], alt: bool = False) -> list[dict]:
            out = []
            for c in cs:
                d = {"law": c.law, "article": c.article, "paragraph": c.paragraph, "item": c.item}
                if alt:
                    d["alternative"] = True
                out.append(d)
            return out

        violated = cites(self.basis.violated)
        penalty = cites(self.basis.penalty)
        if self.basis is (self.situation.bases or [None])[-1]:
            for a in self.situation.alternatives:
                violated += [d for d in cites(a.violated, True) if d not in violated]
                penalty += [d for d in cites(a.penalty, True) if d not in penalty]
        return {"situation_id": self.situation.id, "name": self.situation.name, "score": round(self.score, 4),
                "violated": violated, "penalty": penalty, "evidence": self.evidence}


@dataclass
class MatchResult:
    id: object
    abstain: bool
    reason: str | None
    candidates: list[Candidate] = field(default_factory=list)
    date: dt.date | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "abstain": self.abstain, "reason": self.reason,
                "candidates": [c.to_dict() for c in self.candidates],
                "date": self.date.isoformat() if self.date else None}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _norm(v: np.ndarray) -> np.ndarray:
    m = float(v.max()) if v.size else 0.0
    return v / m if m > 0 else v


class Matcher:
    def __init__(self, catalog: Catalog, lexicon: Lexicon | None = None, weights: Weights | None = None,
                 semantic: "Semantic | None | object" = _AUTO):
        """`semantic`: the encoder used to reorder the shortlist; by default the process-wide one
        (None when CHENGGUAN_MATCH_SEMANTIC=0); pass None to match on words alone."""
        self.catalog = catalog
        self.semantic = shared_semantic() if semantic is _AUTO else semantic
        self.index = MatchIndex(catalog)
        self.lexicon = lexicon or load_lexicon()
        self.w = weights or Weights.load()
        # keyword → situation indices
        self.kw_map: dict[str, list[int]] = {}
        for i, d in enumerate(self.index.docs):
            for k in d.keywords:
                if len(k) >= 2:
                    self.kw_map.setdefault(k, []).append(i)
        self._dates: dict[dt.date, np.ndarray] = {}
        self._cache: dict[str, tuple] = {}
        self._party: dict[str, np.ndarray] = {}

    def __getstate__(self) -> dict:  # the on-disk cache holds the index, not the encoder
        state = dict(self.__dict__)
        state["semantic"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.semantic = shared_semantic()

    def _date_mask(self, day: dt.date) -> np.ndarray:
        m = self._dates.get(day)
        if m is None:
            m = np.array([d.situation.valid_on(day) and d.situation.basis_on(day) is not None for d in self.index.docs])
            if len(self._dates) > 64:
                self._dates.clear()
            self._dates[day] = m
        return m

    def _components(self, text: str) -> tuple[dict[str, np.ndarray], dict[int, list[str]]]:
        """Per-situation evidence for one piece of text (independent of the weights, so it is cached):
        BM25 on words (with lexicon expansions at 0.6), BM25 on character bigrams, the best single example,
        and exact keyword hits."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        expansions = self.lexicon.expand(text)
        extra = " ".join(t for _, ts in expansions for t in ts)
        words = tokens(text)
        ext_words = tokens(extra) if extra else []
        weights = {t: 0.6 for t in ext_words if t not in words}
        terms = list(dict.fromkeys(words + ext_words))
        grams = bigrams(text)
        kw = np.zeros(self.index.n, dtype=np.float32)
        evidence: dict[int, list[str]] = {}
        haystack = text + " " + extra
        for k, idxs in self.kw_map.items():
            if k in haystack:
                for i in idxs:
                    kw[i] += 1.0
                    evidence.setdefault(i, []).append(k)
        comps = {"words": _norm(self.index.words.scores(terms, weights)), "grams": _norm(self.index.grams.scores(grams)),
                 "examples": _norm(self.index.example_scores(list(dict.fromkeys(words + grams)))), "kw": np.minimum(kw, 3.0)}
        if len(self._cache) > 2048:
            self._cache.clear()
        self._cache[text] = (comps, evidence)
        return comps, evidence

    def _score(self, text: str) -> tuple[np.ndarray, dict[int, list[str]]]:
        comps, evidence = self._components(text)
        w = self.w
        s = w.words * comps["words"] + w.grams * comps["grams"] + w.examples * comps["examples"] + w.keywords * comps["kw"]
        return s, {i: list(v) for i, v in evidence.items()}

    def match(self, text: str, date: dt.date | None = None, party: str | None = None, top: int = 5,
              ident: object = None) -> MatchResult:
        day = date or dt.date.today()
        q = normalize(text)
        mask = self._date_mask(day)
        pool: dict[int, tuple[float, float, dict, list]] = {}  # index → (confidence, raw, features, evidence)

        def consider(piece: str, weight: float = 1.0) -> int | None:
            raw, evidence = self._score(piece)
            if party:
                raw = raw * self._party_factor(party)
            raw = np.where(mask, raw, -1.0)
            order = [int(i) for i in np.argsort(-raw, kind="stable")[:30] if raw[i] > 0]
            local: dict[int, float] = {}
            for i in order:
                f = self.features(piece, i, float(raw[i]), raw, order, evidence)
                conf = self.confidence(f)
                rank = (float(raw[i]) + self.w.coverage * f["coverage"]) * weight
                local[i] = rank
                if i not in pool or rank > pool[i][1]:
                    ev = list(dict.fromkeys((pool[i][3] if i in pool else []) + (evidence.get(i) or [])))
                    pool[i] = (max(conf, pool[i][0]) if i in pool else conf, rank, f, ev)
            return sorted(local, key=lambda i: -local[i])[:3]

        consider(q)
        clause_tops: list[list[int]] = []
        clauses = [c for c in CLAUSE_SPLIT.split(q) if len(re.findall(r"[\u4e00-\u9fff]", c)) >= 4]
        if len(clauses) > 1:
            for c in clauses:
                clause_tops.append(consider(c, self.w.clause))
        # ranked by the weighted evidence (raw); the calibrated confidence is what a person reads
        ranked = sorted(pool, key=lambda i: (-pool[i][1], -pool[i][0]))
        lexical_best = max((pool[i][0] for i in ranked[:top]), default=0.0)
        ranked = self._rerank(q, ranked, pool)
        # several violations in one text: each clause's best situation is kept near the top
        picked: list[int] = ranked[:1]
        for tops in clause_tops:  # each clause contributes its best situation not already shown
            ci = next((i for i in tops if i not in picked and pool[i][0] >= max(0.3, self.w.abstain_below)), None)
            if ci is not None and len(picked) < max(2, top - 1):
                picked.append(ci)
        picked += [i for i in ranked if i not in picked]
        picked = picked[:top]
        expansions = self.lexicon.expand(q)
        cands = []
        for i in picked:
            s = self.index.docs[i].situation
            conf, raw, f, ev = pool[i]
            doc = self.index.docs[i].text
            ev = list(dict.fromkeys(ev + [k for k, adds in expansions if any(a in doc for a in adds)]))
            ev = ev or [t for t in tokens(q) if len(t) > 1 and t in doc][:6]
            cands.append(Candidate(s, s.basis_on(day), min(1.0, conf), raw, ev[:8], f))
        abstain, reason = self._abstain(q, cands, lexical_best)
        return MatchResult(ident, abstain, reason, cands, day)

    def _rerank(self, q: str, ranked: list[int], pool: dict) -> list[int]:
        """语义重排: an unsure lexical ranking (first confidence below semantic_below) has its shortlist put in
        order of lexical score plus weighted similarity of meaning; the similarity is kept as a feature."""
        if self.semantic is None or not ranked or pool[ranked[0]][0] >= self.w.semantic_below:
            return ranked
        head = ranked[: self.w.semantic_shortlist]
        sims = self.semantic.similarities(q, [self.index.docs[i].situation for i in head])
        for i, sim in zip(head, sims):
            pool[i][2]["semantic"] = round(sim, 4)
        key = {i: pool[i][1] + self.w.semantic_weight * sim for i, sim in zip(head, sims)}
        return sorted(head, key=lambda i: -key[i]) + ranked[len(head):]

    def _party_factor(self, party: str) -> np.ndarray:
        f = self._party.get(party)
        if f is None:
            f = np.array([1.0 if ("任何" in d.situation.parties or party in d.situation.parties) else 0.85
                          for d in self.index.docs], dtype=np.float32)
            self._party[party] = f
        return f

    def features(self, q: str, i: int, raw: float, scores: np.ndarray, picked: list[int], evidence: dict) -> dict:
        """What the calibration looks at for one candidate: its raw score, how much of the text its own
        words explain, its keyword hits, and its margin over the next candidate."""
        grams = set(bigrams(q))
        doc = self.index.docs[i].text
        coverage = sum(1 for g in grams if g in doc) / len(grams) if grams else 0.0
        others = [float(scores[j]) for j in picked[:6] if j != i]
        margin = raw - max(others) if others else raw
        return {"raw": raw, "coverage": coverage, "kw": min(len(evidence.get(i) or []), 3), "margin": margin}

    def confidence(self, f: dict) -> float:
        w = self.w
        return _sigmoid(w.c0 + w.c_raw * f["raw"] + w.c_cov * f["coverage"] + w.c_kw * f["kw"] + w.c_margin * f["margin"])

    def _abstain(self, q: str, cands: list[Candidate], lexical_best: float = 0.0) -> tuple[bool, str | None]:
        """Abstain on a too-short text, an out-of-jurisdiction topic, or when no candidate is confident enough
        (the best confidence among those shown and the lexical ranking's first `top`)."""
        han = re.findall(r"[\u4e00-\u9fff]", q)
        if len(han) < 4:
            return True, "描述过于简略，无法判断违法情形，请补充发生了什么、在哪里、涉及什么物品或设施"
        best = max([c.score for c in cands] + [lexical_best]) if cands else None
        oos = self.lexicon.out_of_scope_hits(q)
        if oos and (best is None or best < self.w.oos_override):
            t, found = oos[0]
            return True, f"所述情况（{'、'.join(found[:3])}）属于{t.topic}，由{t.agency}处理，不属于城市管理综合执法职责"
        if best is None or best < self.w.abstain_below:
            return True, "无法从描述中确定具体违法情形（可能不属于城管职责，或描述不够具体），请补充行为、地点和对象"
        return False, None


@lru_cache(maxsize=1)
def get_matcher() -> Matcher:
    """The process-wide matcher, loaded from the on-disk cache when the catalog has not changed."""
    from ..rules.catalog import get_catalog
    from ..text import ensure_dictionary
    from .cache import load_or_build

    m = load_or_build(lambda: Matcher(get_catalog()))
    ensure_dictionary([k for s in m.catalog.situations.values() for k in s.keywords if 1 < len(k) <= 8])
    m._cache = {}
    return m
