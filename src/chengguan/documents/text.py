"""Text of a .docx in reading order: one line per paragraph, one per table cell (merged cells once)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def docx_lines(source: Path | str | bytes) -> list[str]:
    doc = Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    lines: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_ptext(child))
        elif child.tag == qn("w:tbl"):
            for tr in child.iter(qn("w:tr")):
                for tc in tr.iterchildren(qn("w:tc")):  # a merged cell is one w:tc (gridSpan / empty vMerge)
                    t = "\n".join(_ptext(p) for p in tc.iterchildren(qn("w:p")))
                    lines.extend(t.split("\n"))
    return [ln for ln in (x.strip() for x in lines) if ln]


def _ptext(p) -> str:
    parts = []
    for node in p.iter():
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag in (qn("w:tab"),):
            parts.append("\t")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
    return "".join(parts)
