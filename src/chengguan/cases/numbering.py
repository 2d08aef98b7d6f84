"""文号 and case numbers: per kind and year, no gaps and no duplicates, also when two officers issue at once.

The counter row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite runs write transactions as
BEGIN IMMEDIATE, see settings) inside the transaction that issues the document, so a rolled-back issue
gives its number back.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from .models import DocumentCounter

PREFIXES = {
    "案件": "涪城管案",
    "行政处罚决定书": "涪城管罚决字",
    "当场行政处罚决定书": "涪城管当罚字",
    "不予行政处罚决定书": "涪城管不罚字",
    "行政处罚事先告知书": "涪城管罚告字",
    "听证告知书": "涪城管听告字",
    "责令（限期）改正通知书": "涪城管责改字",
    "案件移送函": "涪城管移字",
    "催告书": "涪城管催字",
}


def format_number(kind: str, year: int, n: int) -> str:
    prefix = PREFIXES.get(kind, "涪城管")
    return f"{prefix}〔{year}〕第{n:04d}号"


def allocate(kind: str, year: int) -> str:
    assert transaction.get_connection().in_atomic_block, "allocate() must run inside the issuing transaction"
    try:
        with transaction.atomic():
            DocumentCounter.objects.get_or_create(kind=kind, year=year)
    except IntegrityError:
        pass  # created concurrently by another transaction
    c = DocumentCounter.objects.select_for_update().get(kind=kind, year=year)
    c.last += 1
    c.save(update_fields=["last"])
    return format_number(kind, year, c.last)
