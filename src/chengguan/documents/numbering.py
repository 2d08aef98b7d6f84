"""Document numbers (文号): 涪城管罚决字〔2026〕第0001号 — per kind and year, no gaps, no duplicates.

Allocation is a database concern: the web app implements `NumberAllocator` on its own database
(a row per (prefix, year) updated with SELECT … FOR UPDATE inside the transaction that saves the document).
`SQLiteAllocator` is the implementation for the CLI and tests: one SQLite file, BEGIN IMMEDIATE,
safe across threads and processes.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import Protocol, runtime_checkable

from .formatting import doc_number


@runtime_checkable
class NumberAllocator(Protocol):
    def allocate(self, prefix: str, year: int, *, case_number: str = "", kind: str = "") -> str:
        """Issue the next number for (prefix, year), formatted, e.g. 涪城管罚决字〔2026〕第0001号."""


def default_db_path() -> Path:
    return Path(os.environ.get("CHENGGUAN_DATA_DIR", "var")) / "docnumbers.sqlite3"


class SQLiteAllocator:
    """Counters in one SQLite file; every issued number is logged (unique per prefix, year, serial)."""

    def __init__(self, path: Path | str | None = None, width: int = 4):
        self.path = Path(path) if path else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.width = width
        with self._connect() as con:
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("CREATE TABLE IF NOT EXISTS counter (prefix TEXT NOT NULL, year INTEGER NOT NULL,"
                        " last INTEGER NOT NULL, PRIMARY KEY (prefix, year))")
            con.execute("CREATE TABLE IF NOT EXISTS issued (prefix TEXT NOT NULL, year INTEGER NOT NULL,"
                        " serial INTEGER NOT NULL, number TEXT NOT NULL, case_number TEXT, kind TEXT, issued_at TEXT,"
                        " PRIMARY KEY (prefix, year, serial))")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=60, isolation_level=None)

    def allocate(self, prefix: str, year: int, *, case_number: str = "", kind: str = "") -> str:
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            row = con.execute("SELECT last FROM counter WHERE prefix=? AND year=?", (prefix, year)).fetchone()
            serial = (row[0] if row else 0) + 1
            con.execute("INSERT INTO counter(prefix, year, last) VALUES (?,?,?) "
                        "ON CONFLICT(prefix, year) DO UPDATE SET last=excluded.last", (prefix, year, serial))
            number = doc_number(prefix, year, serial, self.width)
            con.execute("INSERT INTO issued VALUES (?,?,?,?,?,?,?)",
                        (prefix, year, serial, number, case_number, kind, dt.datetime.now().isoformat(timespec="seconds")))
            con.execute("COMMIT")
            return number
        except BaseException:
            con.execute("ROLLBACK") if con.in_transaction else None
            raise
        finally:
            con.close()

    def issued(self, prefix: str | None = None, year: int | None = None) -> list[tuple[str, int, int, str]]:
        q = "SELECT prefix, year, serial, number FROM issued"
        args: list = []
        conds = []
        if prefix:
            conds.append("prefix=?")
            args.append(prefix)
        if year:
            conds.append("year=?")
            args.append(year)
        if conds:
            q += " WHERE " + " AND ".join(conds)
        with self._connect() as con:
            return [tuple(r) for r in con.execute(q + " ORDER BY prefix, year, serial", args)]


class MemoryAllocator:
    """In-process counters (tests, previews). Thread-safe; not shared between processes."""

    def __init__(self, width: int = 4):
        import threading

        self._lock = threading.Lock()
        self._last: dict[tuple[str, int], int] = {}
        self.width = width

    def allocate(self, prefix: str, year: int, *, case_number: str = "", kind: str = "") -> str:
        with self._lock:
            n = self._last.get((prefix, year), 0) + 1
            self._last[(prefix, year)] = n
        return doc_number(prefix, year, n, self.width)
