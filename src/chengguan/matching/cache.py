"""A ready-built matcher index on disk, so a process starts in well under a second.

Keyed by the content of every file it is built from (catalog, lexicons, calibration) and the package
version; a stale or unreadable cache is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from .. import DATA_DIR, __version__

SOURCES = [DATA_DIR / "rules", DATA_DIR / "lexicon", DATA_DIR / "matching"]


def cache_dir() -> Path:
    return Path(os.environ.get("CHENGGUAN_DATA_DIR", "var")) / "cache"


def source_key() -> str:
    h = hashlib.sha256(__version__.encode())
    for root in SOURCES:
        for f in sorted(root.rglob("*")):
            if f.is_file() and f.suffix in (".yaml", ".txt"):
                h.update(str(f.relative_to(DATA_DIR)).encode())
                h.update(f.read_bytes())
    from ..rules.catalog import runtime_rules_dir

    ov = runtime_rules_dir() / "situations.yaml"
    if ov.exists():
        h.update(ov.read_bytes())
    for mod in ("matcher.py", "index.py", "lexicon.py"):
        h.update((Path(__file__).parent / mod).read_bytes())
    return h.hexdigest()[:20]


def load_or_build(build):
    """The object `build()` returns, from the cache when its sources have not changed."""
    key = source_key()
    path = cache_dir() / f"matcher-{key}.pickle"
    if path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt
            pass
    obj = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for old in path.parent.glob("matcher-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return obj
