"""The statute knowledge base (法规库): every shipped and imported instrument, by version.

Every query takes an optional `as_of` date and answers from the version in force on that date.
No Django here: the CLI, the web app, the catalog validator and the matcher all use this.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .. import DATA_DIR
from ..lazy import Lazy
from .citations import CitationRef, parse_citations
from .metadata import InstrumentMeta, load_index
from .model import Article, Instrument
from .parser import parse_text, read_source

SHIPPED_DIR = DATA_DIR / "laws"


def runtime_laws_dir() -> Path:
    """Instruments imported by the bureau live in the runtime data folder, beside the shipped ones."""
    return Path(os.environ.get("CHENGGUAN_DATA_DIR", "var")) / "laws"


class CitationError(LookupError):
    """A citation that does not resolve. `part` names what was not found: law, article, paragraph or item."""

    def __init__(self, message: str, part: str, suggestions: list[str] | None = None, citation: str = ""):
        super().__init__(message)
        self.part = part
        self.suggestions = suggestions or []
        self.citation = citation

    def to_dict(self) -> dict:
        return {"error": str(self), "part": self.part, "suggestions": self.suggestions, "citation": self.citation}


@dataclass
class Resolved:
    """A citation resolved to exact text in one instrument version."""

    law: str
    article: int
    suffix: int
    paragraph: int | None
    item: int | None
    text: str
    version_date: dt.date
    in_force: bool
    instrument: Instrument = field(repr=False)
    subitem: int | None = None
    note: str | None = None
    successor: str | None = None

    @property
    def canonical(self) -> str:
        return CitationRef(self.law, self.article, self.suffix, self.paragraph, self.item, self.subitem).canonical()

    @property
    def anchor(self) -> str:
        return f"a{self.article}" + (f"-{self.suffix}" if self.suffix else "")

    def to_dict(self) -> dict:
        d = {
            "law": self.law,
            "article": self.article,
            "paragraph": self.paragraph,
            "item": self.item,
            "text": self.text,
            "version_date": self.version_date.isoformat(),
            "in_force": self.in_force,
        }
        if self.suffix:
            d["article_suffix"] = self.suffix
        if self.note:
            d["note"] = self.note
        if self.successor:
            d["successor"] = self.successor
        d["citation"] = self.canonical
        return d


def _today() -> dt.date:
    return dt.date.today()


class KnowledgeBase:
    """Instruments grouped by title; versions ordered by the date they took effect."""

    def __init__(self, instruments: list[Instrument]):
        self.versions: dict[str, list[Instrument]] = {}
        for ins in instruments:
            self.versions.setdefault(ins.title, []).append(ins)
        for title, vs in self.versions.items():
            vs.sort(key=lambda i: (i.in_force_from, i.version_date))
            for a, b in zip(vs, vs[1:]):
                a.superseded_date = b.in_force_from
        self._aliases: dict[str, str] = {}
        for title, vs in self.versions.items():
            self._aliases[title] = title
            self._aliases[title.removeprefix("中华人民共和国")] = title
            for v in vs:
                for al in v.aliases:
                    self._aliases[al] = title
        self._search = None
        self._lock = threading.Lock()

    # ---- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, dirs: list[Path] | None = None) -> "KnowledgeBase":
        dirs = dirs if dirs is not None else [SHIPPED_DIR, runtime_laws_dir()]
        by_version: dict[tuple[str, dt.date], Instrument] = {}
        for d in dirs:
            index = d / "index.yaml"
            if not index.exists():
                continue
            for meta in load_index(index):
                ins = instrument_from_file(meta, d / meta.file)
                by_version[(ins.title, ins.version_date)] = ins  # later dirs override
        return cls(list(by_version.values()))

    # ---- lookup --------------------------------------------------------------------------
    @property
    def titles(self) -> list[str]:
        return sorted(self.versions)

    def all_names(self) -> list[str]:
        return list(self._aliases)

    def canonical_title(self, name: str) -> str | None:
        name = name.strip().strip("《》").replace(" ", "").replace("\u3000", "")
        if name in self._aliases:
            return self._aliases[name]
        return None

    def suggest_titles(self, name: str, n: int = 3) -> list[str]:
        name = name.strip("《》")
        cands = difflib.get_close_matches(name, list(self._aliases), n=n * 2, cutoff=0.4)
        out: list[str] = []
        for c in cands:
            t = self._aliases[c]
            if t not in out:
                out.append(t)
        if not out:
            out = [t for t in self.titles if any(ch in t for ch in name[:4])][:n]
        return out[:n]

    def version(self, title: str, as_of: dt.date | None = None) -> Instrument:
        """The version in force on `as_of` (default today). Before the first version took
        effect, the earliest version; after repeal, the last version (callers check in_force)."""
        canonical = self.canonical_title(title)
        if canonical is None:
            raise CitationError(f"法规库中没有《{title.strip('《》')}》", "law", self.suggest_titles(title))
        day = as_of or _today()
        vs = self.versions[canonical]
        chosen = vs[0]
        for v in vs:
            if v.in_force_from <= day:
                chosen = v
        return chosen

    def in_force(self, ins: Instrument, day: dt.date) -> bool:
        if not ins.in_force_on(day):
            return False
        if ins.superseded_date and day >= ins.superseded_date:
            return False
        return True

    def successor(self, ins: Instrument) -> str | None:
        return ins.repealed_by

    def resolve(self, law: str, article: int, paragraph: int | None = None, item: int | None = None,
                *, suffix: int = 0, subitem: int | None = None, as_of: dt.date | None = None) -> Resolved:
        day = as_of or _today()
        ins = self.version(law, day)
        ref = CitationRef(ins.title, article, suffix, paragraph, item, subitem)
        art = ins.article(article, suffix)
        if art is None:
            last = ins.articles[-1].label if ins.articles else "无"
            raise CitationError(f"《{ins.title}》（{ins.version_date}版）中没有{CitationRef(None, article, suffix).canonical()}；该法共{len(ins.articles)}条，最后一条为{last}",
                                "article", citation=ref.canonical())
        text = art.text
        if paragraph is not None:
            para = art.paragraph(paragraph)
            if para is None:
                raise CitationError(f"{ins.title}{art.label}只有{len(art.paragraphs)}款，没有第{paragraph}款", "paragraph", citation=ref.canonical())
            text = para.full_text
        else:
            para = None
        if item is not None:
            holder = para
            if holder is None:
                with_items = [p for p in art.paragraphs if p.items]
                if len(with_items) != 1:
                    where = "没有列项" if not with_items else "多个款都有列项，请写明第几款"
                    raise CitationError(f"{ins.title}{art.label}{where}，无法确定第（{item}）项", "item", citation=ref.canonical())
                holder = with_items[0]
            found = next((i for i in holder.items if i.number == item), None)
            if found is None:
                raise CitationError(f"{ins.title}{art.label}第{holder.number}款只有{len(holder.items)}项，没有第（{item}）项", "item", citation=ref.canonical())
            text = found.full_text
            if subitem is not None:
                if not 1 <= subitem <= len(found.subitems):
                    raise CitationError(f"{ins.title}{art.label}第（{item}）项没有第{subitem}目", "item", citation=ref.canonical())
                text = found.subitems[subitem - 1]
        in_force = self.in_force(ins, day)
        note = None
        successor = None
        if not in_force:
            if ins.repealed_date and day >= ins.repealed_date:
                successor = ins.repealed_by
                note = f"《{ins.title}》已于{ins.repealed_date.isoformat()}废止" + (f"，请适用《{ins.repealed_by}》" if ins.repealed_by else "")
            elif day < ins.effective_date:
                note = f"《{ins.title}》自{ins.effective_date.isoformat()}起施行，{day.isoformat()}时尚未施行"
        return Resolved(ins.title, article, suffix, paragraph, item, text, ins.version_date, in_force, ins, subitem, note, successor)

    def cite(self, citation: str, as_of: dt.date | None = None) -> list[Resolved]:
        """Parse a citation sentence and resolve every citation in it."""
        refs = parse_citations(citation, self.all_names())
        if not refs:
            raise CitationError("没有识别出条文编号（例如“第十八条”）", "article", citation=citation)
        out = []
        for r in refs:
            if r.law is None:
                raise CitationError("引用中没有写明法规名称（例如《城市道路管理条例》第二十七条）", "law", citation=citation)
            if r.article is None:
                raise CitationError("引用中没有写明第几条", "article", citation=citation)
            try:
                out.append(self.resolve(r.law, r.article, r.paragraph, r.item, suffix=r.suffix, subitem=r.subitem, as_of=as_of))
            except CitationError as e:
                e.citation = e.citation or citation
                raise
        return out

    def articles(self, title: str, as_of: dt.date | None = None) -> list[Article]:
        return self.version(title, as_of).articles

    # ---- search --------------------------------------------------------------------------
    @property
    def search_index(self):
        from .search import ArticleIndex

        with self._lock:
            if self._search is None:
                self._search = ArticleIndex(self)
        return self._search

    def search(self, query: str, **kw):
        return self.search_index.search(query, **kw)


def instrument_from_file(meta: InstrumentMeta, path: Path) -> Instrument:
    parsed = parse_text(read_source(path))
    return Instrument(
        title=meta.title, level=meta.level, issuer=meta.issuer, version_date=meta.version_date,
        effective_date=meta.effective_date, file=meta.file, articles=parsed.articles, preamble=parsed.preamble,
        repealed_date=meta.repealed_date, repealed_by=meta.repealed_by, repeal_note=meta.repeal_note,
        source=meta.source.model_dump() if meta.source else None, notes=meta.notes, aliases=tuple(meta.aliases),
    )


_KB: Lazy[KnowledgeBase] = Lazy(lambda: KnowledgeBase.load())


def get_kb() -> KnowledgeBase:
    """The process-wide knowledge base (loaded once)."""
    return _KB.get()


def reset_kb() -> None:
    _KB.set(None)
