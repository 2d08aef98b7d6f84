"""`chengguan discretion SITUATION_ID …`: the penalty recommendation (自由裁量、首违不罚、“721”) with its trace."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .common import console, emit_json, fail, parse_date

AGES = {"14-": "不满十四周岁", "14-18": "已满十四周岁不满十八周岁", "adult": "成年人"}


def register(app: typer.Typer) -> None:
    app.command("discretion", help="裁量建议：处理结果、罚款幅度与建议值、“721”分类、程序要求和裁量过程。"
                "（--check：校验 data/policies/ 下的裁量与程序规则）")(discretion)


def _load_situations(path: Path) -> dict:
    import yaml
    from pydantic import ValidationError

    from ..rules.schema import Situation

    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        return {s.id: s for s in (Situation.model_validate(r) for r in rows)}
    except (yaml.YAMLError, ValidationError, AttributeError, TypeError) as e:
        fail(f"无法读取违法情形文件 {path}：{e}")


def _quantities(items: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for it in items:
        key, sep, val = it.partition("=")
        if not sep or not key.strip():
            fail(f"--quantity 格式应为 名称=数值，例如 area=120；收到：{it}")
        try:
            out[key.strip()] = float(val)
        except ValueError:
            fail(f"--quantity {key}：“{val}”不是数值")
    return out


def discretion(
    situation_id: Optional[str] = typer.Argument(None, help="违法情形编号，如 SR-0001"),
    date: Optional[str] = typer.Option(None, "--date", help="违法行为发生日期 YYYY-MM-DD（默认今天）"),
    decision_date: Optional[str] = typer.Option(None, "--decision-date", help="拟作出决定的日期（选用程序规则；默认同 --date）"),
    party: str = typer.Option("个人", "--party", help="个人 | 单位"),
    age: Optional[str] = typer.Option(None, "--age", help="14- | 14-18 | adult（仅个人）"),
    capacity: str = typer.Option("full", "--capacity", help="full | limited（尚未完全丧失辨认或控制能力）| none（不能辨认或控制）"),
    first_offence: bool = typer.Option(False, "--first-offence", help="首次违法（回溯期内无同类处罚记录）"),
    previous_offence: Optional[str] = typer.Option(None, "--previous-offence", help="上次同类违法受处罚的日期，按回溯期判断是否首违"),
    repeat: bool = typer.Option(False, "--repeat", help="再次违法"),
    harm: str = typer.Option("general", "--harm", help="none | minor | general | serious"),
    corrected: bool = typer.Option(False, "--corrected", help="及时改正或在责令期限内改正"),
    eliminated_harm: bool = typer.Option(False, "--eliminated-harm", help="主动消除或者减轻危害后果"),
    coerced: bool = typer.Option(False, "--coerced", help="受他人胁迫或者诱骗"),
    confessed: bool = typer.Option(False, "--confessed", help="主动供述行政机关尚未掌握的违法行为"),
    meritorious: bool = typer.Option(False, "--meritorious", help="配合查处有立功表现"),
    no_fault: bool = typer.Option(False, "--no-fault", help="有证据足以证明没有主观过错"),
    refused: bool = typer.Option(False, "--refused", help="拒不改正或者阻碍、拒绝执法"),
    tier: Optional[str] = typer.Option(None, "--tier", help="执法人员选定的裁量档次：轻微 | 一般 | 较重 | 严重"),
    quantity: List[str] = typer.Option([], "--quantity", "-q", help="计罚数量，可重复：area=120 cost=200000 gains=3000 …"),
    transfer: bool = typer.Option(False, "--transfer", help="涉嫌犯罪或不属本机关管辖，需移送"),
    compulsory_execution: bool = typer.Option(False, "--compulsory-execution", help="拟实施或申请行政强制执行"),
    situations: Optional[Path] = typer.Option(None, "--situations", exists=True, dir_okay=False,
                                              help="改用该 YAML 文件中的违法情形（列表，格式同 data/rules/situations/）"),
    json_: bool = typer.Option(False, "--json", help="输出 JSON（接口约定格式）"),
    check: bool = typer.Option(False, "--check", help="只校验裁量与程序规则文件（含条文引用），有错误时退出码非零"),
):
    """裁量建议。"""
    from ..discretion import DiscretionError, DiscretionInput, recommend

    if check:
        _check_policies(json_)
    if not situation_id:
        fail("缺少违法情形编号 SITUATION_ID（或使用 --check 校验规则文件）")

    data = {
        "situation_id": situation_id, "party": party, "capacity": capacity, "first_offence": first_offence,
        "repeat_offence": repeat, "harm": harm, "corrected": corrected, "eliminated_harm": eliminated_harm,
        "coerced": coerced, "confessed": confessed, "meritorious": meritorious, "no_fault": no_fault,
        "refused": refused, "quantities": _quantities(quantity), "transfer": transfer,
        "compulsory_execution": compulsory_execution,
    }
    if date:
        data["act_date"] = parse_date(date, "date")
    if decision_date:
        data["decision_date"] = parse_date(decision_date, "decision-date")
    if previous_offence:
        data["previous_offence_date"] = parse_date(previous_offence, "previous-offence")
    if age:
        data["age"] = age
    if tier:
        data["tier"] = tier
    catalog = _load_situations(situations) if situations else None
    try:
        res = recommend(DiscretionInput.parse(data), catalog=catalog)
    except DiscretionError as e:
        if json_:
            emit_json(e.to_dict())
            raise typer.Exit(1)
        fail(str(e), 1)
    if json_:
        emit_json(res.model_dump(mode="json"))
        return
    yes = lambda b: "[green]是[/green]" if b else "否"  # noqa: E731
    console.print(f"[bold]{res.situation_id}[/bold]  处理结果：[bold]{res.outcome}[/bold]  “721”：{res.class_721}")
    console.print("依据：" + "、".join(g.as_text() for g in res.grounds), markup=False, soft_wrap=True)
    console.print("处罚种类：" + ("、".join(res.penalties) if res.penalties else "无"), markup=False)
    if res.fine:
        f = res.fine
        console.print(f"罚款：{f.min:,}–{f.max:,} 元，建议 [bold]{f.suggested:,}[/bold] 元"
                      + (f"（法定幅度 {res.legal_range[0]:,.0f}–{res.legal_range[1]:,.0f} 元）" if res.legal_range else ""))
    else:
        console.print("罚款：无")
    console.print(f"简易程序：{yes(res.simple_procedure)}  告知听证：{yes(res.hearing_required)}  "
                  f"法制审核：{yes(res.legal_review_required)}  集体讨论：{yes(res.collective_discussion_required)}")
    if res.guidance:
        console.print("\n[bold]文书用语[/bold]")
        console.print(res.guidance, markup=False, soft_wrap=True)
    console.print("\n[bold]裁量过程[/bold]")
    for i, t in enumerate(res.trace, 1):
        tail = "；".join(x for x in (t.version, t.citation) if x)
        console.print(f"{i:>2}. {t.step}：{t.rule}" + (f"  〔{tail}〕" if tail else ""), markup=False, soft_wrap=True)


def _check_policies(json_: bool) -> None:
    """校验裁量与程序规则。有错误时退出码非零。"""
    from ..discretion.policy import PolicyError
    from ..discretion.validate import check_policies

    try:
        problems = check_policies()
    except PolicyError as e:
        problems = [str(e)]
    if json_:
        emit_json({"errors": len(problems), "problems": problems})
    else:
        for p in problems:
            console.print(p, markup=False)
        console.print(f"错误 {len(problems)} 个")
    raise typer.Exit(1 if problems else 0)
