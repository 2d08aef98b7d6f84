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


class CoOccurrence(BaseModel):
    """When all of `all` and one of `any` occur anywhere in the text, add `add` (word order is free)."""

    all: list[str]
    any: list[str] = Field(default_factory=list)
    add: list[str]


class Lexicon(BaseModel):
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    co_occurrence: list[CoOccurrence] = Field(default_factory=list)
    out_of_scope: list[OutOfScopeTopic] = Field(default_factory=list)

    def expand(self, text: str) -> list[tuple[str, list[str]]]:
        """(colloquial phrase found in text, canonical terms) pairs."""
        out = [(k, v) for k, v in self.synonyms.items() if k in text]
        for r in self.co_occurrence:
            if all(w in text for w in r.all) and (not r.any or any(w in text for w in r.any)):
                out.append(("+".join(r.all + [next((w for w in r.any if w in text), "")]).strip("+"), r.add))
        return out

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
