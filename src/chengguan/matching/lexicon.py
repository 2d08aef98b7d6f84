"""The colloquial lexicon (data/lexicon/colloquial.yaml): query expansion and out-of-scope topics."""

from __future__ import annotations

from functools import lru_cache

import yaml
from pydantic import BaseModel, Field

from ..text import LEXICON_DIR


class OutOfScopeTopic(BaseModel):
    agency: str
    topic: str
    terms: list[str]


class Lexicon(BaseModel):
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    out_of_scope: list[OutOfScopeTopic] = Field(default_factory=list)

    def expand(self, text: str) -> list[tuple[str, list[str]]]:
        """(colloquial phrase found in text, canonical terms) pairs."""
        return [(k, v) for k, v in self.synonyms.items() if k in text]

    def out_of_scope_hits(self, text: str) -> list[tuple[OutOfScopeTopic, list[str]]]:
        out = []
        for t in self.out_of_scope:
            found = [w for w in t.terms if w in text]
            if found:
                out.append((t, found))
        return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load((LEXICON_DIR / "colloquial.yaml").read_text(encoding="utf-8")) or {}
    return Lexicon.model_validate(raw)
