"""Helpers shared by the CLI modules: date options, JSON output, errors in Chinese."""

from __future__ import annotations

import datetime as dt
import json
import sys

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)


def parse_date(value: str | None, field: str = "date") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"日期格式错误（{field}）：{value}，应为 YYYY-MM-DD，且为真实存在的日期")


def fail(message: str, code: int = 2) -> None:
    err_console.print(f"[red]错误：[/red]{message}")
    raise typer.Exit(code)


def emit_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
