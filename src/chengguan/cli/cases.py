"""`chengguan audit verify` and `chengguan cases …`: case records and the 全过程记录 chain."""

from __future__ import annotations

import typer

from .common import console, emit_json
from .web import setup_django

audit_app = typer.Typer(help="全过程记录：校验哈希链。", no_args_is_help=True)
cases_app = typer.Typer(help="案件：期限提醒。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
    app.add_typer(cases_app, name="cases")


@audit_app.command("verify")
def verify(json_: bool = typer.Option(False, "--json")):
    """重新计算全过程记录的哈希链，指出第一条被篡改或缺失的记录。"""
    setup_django()
    from ..cases.audit import verify as run

    r = run()
    if json_:
        emit_json({"ok": r.ok, "entries": r.entries, "first_broken": r.first_broken, "reason": r.reason})
    elif r.ok:
        console.print(f"全过程记录完整：{r.entries} 条，哈希链校验通过")
    else:
        console.print(f"[red]全过程记录被破坏：第 {r.first_broken} 条 — {r.reason}[/red]")
    raise typer.Exit(0 if r.ok else 1)


@cases_app.command("overdue")
def overdue(team: str = typer.Option(None, "--team", help="队伍名称"), json_: bool = typer.Option(False, "--json")):
    """列出已超期和即将到期（3日内）的案件。"""
    setup_django()
    from ..cases.clocks import team_board
    from ..cases.models import Team

    t = Team.objects.filter(name=team).first() if team else None
    board = team_board(t)
    rows = {k: [{"number": c.number, "status": c.status, "party": c.party_name, "deadline": k2.label, "due": k2.due,
                 "days_left": k2.days_left} for c, k2 in v] for k, v in board.items()}
    if json_:
        emit_json(rows)
        return
    for k, title in (("overdue", "已超期"), ("due-soon", "三日内到期")):
        console.print(f"[bold]{title}（{len(rows[k])}）[/bold]")
        for r in rows[k]:
            console.print(f"  {r['number']} {r['party']} {r['status']} · {r['deadline']} {r['due']}（剩余 {r['days_left']} 天）")
