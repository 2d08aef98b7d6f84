"""`chengguan law import`: add or update an instrument from an official .md/.txt/.docx text.

Imported texts go to the runtime data folder ($CHENGGUAN_DATA_DIR/laws), beside the shipped ones.
The text is parsed first; a text whose numbering has gaps or duplicates is refused with the article
numbers named, and the stored version is left untouched. Re-importing the same text changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .kb import reset_kb, runtime_laws_dir
from .metadata import InstrumentMeta, Source, dump_index, load_index
from .model import LEVELS
from .parser import StatuteParseError, clean_markup, parse_statute, read_source


class ImportError_(ValueError):
    pass


@dataclass
class ImportResult:
    title: str
    version_date: dt.date
    articles: int
    changed: bool
    path: Path

    @property
    def message(self) -> str:
        if not self.changed:
            return f"《{self.title}》（{self.version_date}版）与已存文本相同，未作改动（{self.articles}条）"
        return f"已导入《{self.title}》（{self.version_date}版），共{self.articles}条"


def _safe_name(title: str, version: dt.date) -> str:
    return re.sub(r"[\\/:*?\"<>|\s]", "", title) + f"({version.isoformat()}).md"


def import_instrument(file: Path, *, title: str | None, level: str, issuer: str, version_date: dt.date | None,
                      effective_date: dt.date | None = None, source: str = "", repealed_date: dt.date | None = None,
                      target_dir: Path | None = None) -> ImportResult:
    if level not in LEVELS:
        raise ImportError_(f"效力级别必须是 {'/'.join(LEVELS)} 之一")
    if version_date is None:
        raise ImportError_("必须给出版本日期（--version-date）")
    try:
        raw = read_source(file)
        parsed = parse_statute(raw)
    except StatuteParseError as e:
        raise ImportError_(f"拒绝导入：{e}") from e
    title = (title or parsed.title or "").strip().strip("《》")
    if not title:
        raise ImportError_("文本没有标题行（# 标题），请用 --title 给出法规全称")
    # store the cleaned text as Markdown: title line, then the body exactly as given
    body = clean_markup(raw).strip()
    if not body.startswith("# "):
        body = f"# {title}\n\n{body}"
    text = body + "\n"
    target = target_dir or runtime_laws_dir()
    target.mkdir(parents=True, exist_ok=True)
    index_path = target / "index.yaml"
    metas = load_index(index_path) if index_path.exists() else []
    fname = _safe_name(title, version_date)
    path = target / fname
    meta = InstrumentMeta(file=fname, title=title, level=level, issuer=issuer or "未注明", version_date=version_date,
                          effective_date=effective_date or version_date, repealed_date=repealed_date,
                          source=Source(repo=source or "本局导入", path=file.name,
                                        commit=hashlib.sha256(text.encode()).hexdigest()[:16]))
    existing = next((m for m in metas if m.title == title and m.version_date == version_date), None)
    if existing and path.exists() and path.read_text(encoding="utf-8") == text and existing == meta:
        return ImportResult(title, version_date, len(parsed.articles), False, path)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    metas = [m for m in metas if not (m.title == title and m.version_date == version_date)] + [meta]
    dump_index(index_path, metas, header="# Instruments imported by this bureau (chengguan law import).\n")
    reset_kb()
    return ImportResult(title, version_date, len(parsed.articles), True, path)
