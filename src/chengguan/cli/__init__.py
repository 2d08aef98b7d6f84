"""The `chengguan` command. Thin: each capability registers its sub-commands from its own module."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(help="城管执法助手 chengguan：法规库、违法情形、智能匹配、裁量、办案、文书。", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)

# Each module defines register(app). Order is the order shown in --help.
MODULES = ["law", "rules", "match", "discretion", "calendar", "docs", "cases", "web", "bench"]


def _register() -> None:
    for name in MODULES:
        try:
            mod = importlib.import_module(f"chengguan.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"chengguan.cli.{name}":
                continue
            raise
        mod.register(app)


_register()


def main() -> None:
    app()
