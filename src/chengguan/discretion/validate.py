"""Check the policy files: schema (on load) and every statute citation against the knowledge base."""

from __future__ import annotations

from pathlib import Path

from .policy import Policies


def check_policies(directory: Path | None = None, verify_citations: bool = True) -> list[str]:
    """Problems found (empty when all is well). Schema errors raise PolicyError from Policies.load."""
    pol = Policies.load(directory)
    problems: list[str] = []
    if verify_citations:
        from ..law.kb import CitationError, get_kb
        from .engine import ENGINE_CITATIONS

        kb = get_kb()
        for c in [*pol.citations(), *ENGINE_CITATIONS]:
            try:
                kb.resolve(c.law, c.article, c.paragraph, c.item)
            except CitationError as e:
                problems.append(f"引用 {c.as_text()} 无法解析：{e}")
    for p in pol.procedure:
        if p.hearing.thresholds["单位"] < p.hearing.thresholds["个人"]:
            problems.append(f"{p.version}：单位的听证标准低于个人")
        if p.simple_procedure.fine_limits["个人"] >= p.hearing.thresholds["个人"]:
            problems.append(f"{p.version}：简易程序限额不应达到听证标准")
    return problems
