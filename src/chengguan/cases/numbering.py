"""文号 and case numbers: per kind and year, no gaps and no duplicates, also when two officers issue at once.

The prefix of each document kind comes from the templates' manifest (data/templates/manifest.yaml), so a
bureau that replaces its templates changes its 文号 too. The counter row of (prefix, year) is locked
(SELECT … FOR UPDATE on PostgreSQL; SQLite runs write transactions as BEGIN IMMEDIATE, see settings)
inside the transaction that issues the document, so a rolled-back issue gives its number back.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from .models import DocumentCounter

BUREAU_PREFIX = "涪城管"
CASE_PREFIX = "涪城管案"


def prefix_for(kind: str) -> str:
    if kind == "案件":
        return CASE_PREFIX
    from ..documents.manifest import load_manifest

    dk = load_manifest().get(kind)
    if not dk.prefix:
        raise ValueError(f"{kind}没有文号")
    return BUREAU_PREFIX + dk.prefix


def format_number(prefix: str, year: int, n: int) -> str:
    if prefix == CASE_PREFIX:
        return f"{prefix}〔{year}〕{n:05d}号"
    from ..documents.formatting import doc_number

    return doc_number(prefix, year, n)


def _next(prefix: str, year: int) -> int:
    assert transaction.get_connection().in_atomic_block, "numbers must be allocated inside the issuing transaction"
    try:
        with transaction.atomic():
            DocumentCounter.objects.get_or_create(kind=prefix, year=year)
    except IntegrityError:
        pass  # created concurrently by another transaction
    c = DocumentCounter.objects.select_for_update().get(kind=prefix, year=year)
    c.last += 1
    c.save(update_fields=["last"])
    return c.last


def allocate(kind: str, year: int) -> str:
    """The next number for a document kind (or "案件" for a case number)."""
    prefix = prefix_for(kind)
    return format_number(prefix, year, _next(prefix, year))


class DbAllocator:
    """chengguan.documents.NumberAllocator on the application database."""

    def allocate(self, prefix: str, year: int, *, case_number: str = "", kind: str = "") -> str:
        return format_number(prefix, year, _next(prefix, year))
