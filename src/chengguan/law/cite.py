"""A provision as data files write it: full official title, article, and 款/项 where the text has them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Cite(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    law: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    def key(self) -> tuple[str, int]:
        return (self.law, self.article)

    def as_text(self) -> str:
        from .citations import CitationRef

        return CitationRef(self.law, self.article, 0, self.paragraph, self.item).canonical()
