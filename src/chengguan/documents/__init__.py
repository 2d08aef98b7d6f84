"""Enforcement documents (执法文书): the full set generated from one case record, and a standardization checker.

Plain Python (no Django). The web app builds a `CaseRecord` from its models and calls:

    from chengguan.documents import CaseRecord, render_set, render_docx, check_set, check_doc, read_doc

    results = render_set(record, out_dir, allocator=my_db_allocator, pdf=True)   # list[Rendered(kind, docx, pdf)]
    data = render_docx(record, "行政处罚决定书")                                   # bytes of one .docx
    problems = check_set([r.docx for r in results], record=record)                 # list[Problem]; [] = 规范
    problems = check_doc(read_doc(uploaded_bytes), record=record)                  # one uploaded .docx

Templates are data (data/templates/*.docx + manifest.yaml; CHENGGUAN_TEMPLATES_DIR for a bureau's own set);
`chengguan docs lint` checks a replaced template against the manifest and the record.
"""

from .checker import Problem, check_doc, check_file, check_set, errors, read_doc
from .formatting import amount_both, amount_capital, cn_date, doc_number, parse_doc_number
from .manifest import load_manifest
from .numbering import MemoryAllocator, NumberAllocator, SQLiteAllocator
from .record import CaseRecord
from .render import RenderError, Rendered, applicable_kinds, assign_numbers, render_docx, render_set

__all__ = [
    "CaseRecord", "MemoryAllocator", "NumberAllocator", "Problem", "RenderError", "Rendered", "SQLiteAllocator",
    "amount_both", "amount_capital", "applicable_kinds", "assign_numbers", "check_doc", "check_file", "check_set",
    "cn_date", "doc_number", "errors", "load_manifest", "parse_doc_number", "read_doc", "render_docx", "render_set",
]
