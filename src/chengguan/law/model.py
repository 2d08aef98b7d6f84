"""The statute model: an instrument version parsed into 编/章/节 headings, 条, 款, 项 and 目."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .numerals import article_label, int_to_cn

LEVELS = ("法律", "行政法规", "部门规章", "地方性法规", "地方政府规章")


@dataclass(frozen=True)
class Heading:
    """A structural heading: 编, 章 or 节 (kind), its number and its title."""

    kind: str
    number: int
    title: str
    line: str


@dataclass
class Item:
    """项: an enumerated item （一）（二）… inside a 款; 目 (1. 2. …) are kept as sub-items."""

    number: int
    text: str
    subitems: list[str] = field(default_factory=list)

    @property
    def full_text(self) -> str:
        return "\n".join([self.text, *self.subitems])


@dataclass
class Paragraph:
    """款: a paragraph of an article. Items that follow it belong to it."""

    number: int
    text: str
    items: list[Item] = field(default_factory=list)

    @property
    def full_text(self) -> str:
        return "\n".join([self.text, *(i.full_text for i in self.items)])


@dataclass
class Article:
    """条. number is the integer article number; suffix is 1 for 之一, 2 for 之二, else 0."""

    number: int
    suffix: int
    paragraphs: list[Paragraph]
    headings: tuple[Heading, ...] = ()

    @property
    def label(self) -> str:
        return article_label(self.number, self.suffix)

    @property
    def key(self) -> tuple[int, int]:
        return (self.number, self.suffix)

    @property
    def text(self) -> str:
        """The article text exactly as in the source, paragraphs joined by newlines (label included)."""
        return "\n".join(p.full_text for p in self.paragraphs)

    @property
    def body(self) -> str:
        """Text without the leading 第N条 label."""
        t = self.text
        return t[len(self.label):].lstrip(" \u3000") if t.startswith(self.label) else t

    def paragraph(self, n: int) -> Paragraph | None:
        return self.paragraphs[n - 1] if 1 <= n <= len(self.paragraphs) else None


@dataclass
class Instrument:
    """One version of a statute (法律、行政法规、规章…) with its metadata and parsed articles."""

    title: str
    level: str
    issuer: str
    version_date: dt.date
    effective_date: dt.date
    file: str
    articles: list[Article]
    preamble: str = ""
    repealed_date: dt.date | None = None
    repealed_by: str | None = None
    repeal_note: str | None = None
    superseded_date: dt.date | None = None  # set when a later version of the same title takes over
    source: dict | None = None
    notes: str | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self._by_key = {a.key: a for a in self.articles}

    @property
    def version_id(self) -> str:
        return f"{self.title}@{self.version_date.isoformat()}"

    @property
    def in_force_from(self) -> dt.date:
        """When this text version took effect (the later of first effect and the version date)."""
        return max(self.effective_date, self.version_date) if self.effective_date <= self.version_date else self.effective_date

    def article(self, number: int, suffix: int = 0) -> Article | None:
        return self._by_key.get((number, suffix))

    def in_force_on(self, day: dt.date) -> bool:
        if day < self.effective_date:
            return False
        if self.repealed_date and day >= self.repealed_date:
            return False
        return True

    @property
    def short_title(self) -> str:
        return self.title.removeprefix("中华人民共和国")


def paragraph_label(n: int) -> str:
    return f"第{int_to_cn(n)}款"


def item_label(n: int) -> str:
    return f"第（{int_to_cn(n)}）项"
