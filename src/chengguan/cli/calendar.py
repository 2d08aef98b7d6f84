"""`chengguan calendar …`: working days and statutory deadlines (法定期间)."""

from __future__ import annotations

import typer

from .common import console, emit_json, fail, parse_date

calendar_app = typer.Typer(help="工作日历：工作日推算、法定期间届满日、节假日数据校验。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")


@calendar_app.command("add-working-days")
def add_working_days_cmd(date: str = typer.Argument(..., help="起算日 YYYY-MM-DD（当日不计入）"),
                         n: int = typer.Argument(..., help="工作日数（可为负数，向前推算）"),
                         json_: bool = typer.Option(False, "--json")):
    """起算日之后第 N 个工作日的日期。"""
    from ..calendar import CalendarError, get_calendar

    day = parse_date(date, "DATE")
    try:
        cal = get_calendar()
        res = cal.add_working_days(day, n)
    except CalendarError as e:
        fail(str(e), 1)
    if json_:
        emit_json({"start": day.isoformat(), "n": n, "date": res.isoformat(), "description": cal.describe(res)})
        return
    console.print(res.isoformat())


@calendar_app.command("is-working-day")
def is_working_day_cmd(date: str = typer.Argument(..., help="YYYY-MM-DD")):
    """某日是否工作日（退出码 0 是，1 否）。"""
    from ..calendar import CalendarError, get_calendar

    day = parse_date(date, "DATE")
    try:
        cal = get_calendar()
        ok = cal.is_working_day(day)
        console.print(cal.describe(day))
    except CalendarError as e:
        fail(str(e), 2)
    raise typer.Exit(0 if ok else 1)


@calendar_app.command("deadline")
def deadline_cmd(date: str = typer.Argument(..., help="起算日 YYYY-MM-DD（当日不计入）"),
                 period: str = typer.Argument(..., help="期间：2日 3日 5日 7日 15日 60日 90日 6个月"),
                 json_: bool = typer.Option(False, "--json")):
    """法定期间的届满日，并列出计算过程。"""
    from ..calendar import CalendarError, deadline

    day = parse_date(date, "DATE")
    try:
        res = deadline(day, period)
    except CalendarError as e:
        fail(str(e), 1)
    if json_:
        emit_json(res.to_dict())
        return
    console.print(f"[bold]{res.due.isoformat()}[/bold]  {res.period.label}，起算日 {day.isoformat()}")
    for line in res.trace:
        console.print("  " + line, markup=False, soft_wrap=True)
    if res.period.uses:
        console.print("  适用：" + "；".join(c.as_text() for c in res.period.uses), markup=False)


@calendar_app.command("check")
def check_cmd(json_: bool = typer.Option(False, "--json")):
    """校验 data/calendar/ 下的节假日与期间数据（含条文引用）。有错误时退出码非零。"""
    from ..calendar import check_data, get_calendar

    problems = check_data()
    if json_:
        emit_json({"errors": len(problems), "problems": problems})
    else:
        for p in problems:
            console.print(p, markup=False)
        if not problems:
            cal = get_calendar()
            console.print(f"节假日数据 {cal.first_year}—{cal.last_year} 年（版本 {cal.version}），期间定义校验通过；错误 0 个")
        else:
            console.print(f"错误 {len(problems)} 个")
    raise typer.Exit(1 if problems else 0)
