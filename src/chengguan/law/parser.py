"""Parse an official statute text (Markdown, plain text or .docx) into headings and articles.

The text is kept exactly; only markup that is not statute text is removed: YAML front matter,
Markdown heading marks, `[[ ]]` wiki-link brackets and the source's history header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .model import Article, Heading, Item, Paragraph
from .numerals import NUMERAL_RE, cn_to_int

ARTICLE_RE = re.compile(rf"^第({NUMERAL_RE}|\d+)条(?:之({NUMERAL_RE}))?(?:[ \u3000\t]+|$)")
HEADING_RE = re.compile(rf"^#*\s*第({NUMERAL_RE}|\d+)([编章节])(?:[ \u3000\t]*)(.*)$")
ITEM_RE = re.compile(rf"^[（(]({NUMERAL_RE})[）)]")
SUBITEM_RE = re.compile(r"^(\d+)[.．、]")
FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.S)
WIKILINK_RE = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")


class StatuteParseError(ValueError):
    """The text cannot be accepted as a statute (gaps, duplicates, no articles)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class ParsedText:
    title: str | None
    preamble: str
    articles: list[Article]
    headings: list[Heading]
    heading_lines: int  # number of 第N条 heading lines seen


def clean_markup(text: str) -> str:
    """Remove non-statute markup: BOM, YAML front matter, [[wiki links]], CRLF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = FRONT_MATTER_RE.sub("", text, count=1)
    text = WIKILINK_RE.sub(lambda m: m.group(2) or m.group(1), text)
    return text


def read_source(path: str | Path) -> str:
    """Read .md/.txt as UTF-8 (GB18030 fallback) or .docx paragraph by paragraph."""
    p = Path(path)
    if p.suffix.lower() == ".docx":
        import docx  # python-docx

        d = docx.Document(str(p))
        return "\n\n".join(par.text for par in d.paragraphs if par.text.strip())
    raw = p.read_bytes()
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise StatuteParseError(f"无法识别文件编码：{p.name}（请使用 UTF-8）")


def parse_text(text: str) -> ParsedText:
    text = clean_markup(text)
    lines = [ln.strip() for ln in text.split("\n")]
    title = None
    preamble: list[str] = []
    articles: list[Article] = []
    headings: list[Heading] = []
    current_path: dict[str, Heading] = {}
    cur: Article | None = None
    heading_lines = 0
    body_started = False
    if "<!-- INFO END -->" in text:
        # LawRefBook: title + history header end at this marker
        idx = next(i for i, ln in enumerate(lines) if ln == "<!-- INFO END -->")
        for ln in lines[:idx]:
            if ln.startswith("# ") and title is None:
                title = ln[2:].strip()
            elif ln:
                preamble.append(ln)
        lines = lines[idx + 1 :]
    for ln in lines:
        if not ln:
            continue
        if ln.startswith("# ") and title is None and not body_started:
            title = ln[2:].strip()
            continue
        m = ARTICLE_RE.match(ln)
        if m:
            heading_lines += 1
            body_started = True
            number = cn_to_int(m.group(1))
            suffix = cn_to_int(m.group(2)) if m.group(2) else 0
            path = tuple(current_path[k] for k in ("编", "章", "节") if k in current_path)
            cur = Article(number=number, suffix=suffix, paragraphs=[Paragraph(1, ln)], headings=path)
            articles.append(cur)
            continue
        h = HEADING_RE.match(ln)
        if h and len(ln) < 60 and not ln.rstrip().endswith(("。", "；", "：")):
            body_started = True
            kind = h.group(2)
            hd = Heading(kind=kind, number=cn_to_int(h.group(1)), title=h.group(3).strip(), line=ln.lstrip("# ").strip())
            headings.append(hd)
            current_path[kind] = hd
            # a new 编 resets 章/节, a new 章 resets 节
            for lower in {"编": ("章", "节"), "章": ("节",), "节": ()}[kind]:
                current_path.pop(lower, None)
            cur = None
            continue
        if ln.startswith("#"):
            # other markdown headings (e.g. 附则 without number) are structure, not article text
            body_started = True
            continue
        if cur is None:
            if not body_started:
                preamble.append(ln)
            continue
        im = ITEM_RE.match(ln)
        para = cur.paragraphs[-1]
        if im:
            para.items.append(Item(number=cn_to_int(im.group(1)), text=ln))
        elif SUBITEM_RE.match(ln) and para.items:
            para.items[-1].subitems.append(ln)
        else:
            cur.paragraphs.append(Paragraph(len(cur.paragraphs) + 1, ln))
    return ParsedText(title=title, preamble="\n".join(preamble), articles=articles, headings=headings, heading_lines=heading_lines)


def numbering_problems(articles: list[Article]) -> list[str]:
    """Gaps and duplicates in article numbering, named by article label."""
    problems: list[str] = []
    seen: set[tuple[int, int]] = set()
    expected = 1
    for a in articles:
        if a.key in seen:
            problems.append(f"{a.label}重复")
            continue
        seen.add(a.key)
        if a.suffix:
            if (a.number, 0) not in seen:
                problems.append(f"{a.label}之前缺少第{a.number}条")
            continue
        if a.number != expected:
            if a.number > expected:
                from .numerals import article_label

                missing = [article_label(n) for n in range(expected, a.number)]
                shown = "、".join(missing[:5]) + ("等" if len(missing) > 5 else "")
                problems.append(f"缺少{shown}（{article_label(expected - 1) if expected > 1 else '开头'}之后直接是{a.label}）")
            else:
                problems.append(f"{a.label}顺序错误（应为第{expected}条附近）")
        expected = max(expected, a.number + 1)
    for a in articles:
        for p in a.paragraphs:
            nums = [i.number for i in p.items]
            if nums and nums != list(range(1, len(nums) + 1)):
                problems.append(f"{a.label}第{p.number}款的项序号不连续：{nums}")
    return problems


def parse_statute(text: str, *, strict: bool = True) -> ParsedText:
    parsed = parse_text(text)
    if not parsed.articles:
        raise StatuteParseError("文本中没有找到任何条文（应以“第一条”开头）")
    problems = numbering_problems(parsed.articles)
    if strict and problems:
        raise StatuteParseError("条文编号有缺漏或重复：" + "；".join(problems), problems)
    return parsed
