"""`chengguan serve`, `chengguan init`, `chengguan demo`, `chengguan manage`: the web app's jobs."""

from __future__ import annotations

import os
import sys
from typing import Optional

import typer

from .common import console, fail

DEMO_PASSWORD = "chengguan-demo"  # only ever set in a demo database; production refuses it


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("init")(init)
    app.command("demo")(demo)
    app.command("manage", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(manage)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengguan.web.settings")
    import django

    django.setup()


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def warm_engines() -> dict:
    """Load the statute knowledge base, its search index and the catalog once (the 'import' step)."""
    from ..law.kb import get_kb
    from ..rules.catalog import get_catalog

    from ..matching.matcher import get_matcher

    kb = get_kb()
    _ = kb.search_index
    cat = get_catalog()
    get_matcher()  # builds or loads the matcher index cache
    return {"laws": len(kb.titles), "versions": sum(len(v) for v in kb.versions.values()),
            "articles": sum(len(i.articles) for vs in kb.versions.values() for i in vs), "situations": len(cat.situations)}


def demo_password_in_use() -> list[str]:
    from django.contrib.auth import get_user_model

    return [u.username for u in get_user_model().objects.all() if u.check_password(DEMO_PASSWORD)]


def production_problems() -> list[str]:
    """Why a production start must be refused (empty for a demo deployment or a sound production one)."""
    from django.conf import settings

    if settings.DEPLOYMENT != "production":
        return []
    problems = []
    if settings.SECRET_KEY.startswith("dev-insecure-key"):
        problems.append("必须设置 CHENGGUAN_SECRET_KEY")
    if os.environ.get("CHENGGUAN_BUSINESS_DATE"):
        problems.append("生产部署不得设置固定业务日期 CHENGGUAN_BUSINESS_DATE")
    bad = demo_password_in_use()
    if bad:
        problems.append(f"账号 {'、'.join(bad)} 使用了公开的演示密码，请先修改密码")
    return problems


def init(admin: Optional[str] = typer.Option(None, "--admin", help="创建管理员账号（生产环境需交互输入密码）")):
    """初始化数据目录：应用数据库迁移，加载法规库与违法情形目录。"""
    setup_django()
    from django.conf import settings

    _migrate()
    stats = warm_engines()
    console.print(f"数据目录：{settings.DATA_DIR}（数据库：{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}）")
    console.print(f"法规库：{stats['laws']} 部法规、{stats['versions']} 个版本、{stats['articles']} 条；违法情形 {stats['situations']} 个")
    if admin:
        from django.core.management import call_command

        call_command("createsuperuser", username=admin, email="")


def demo(reset: bool = typer.Option(False, "--reset", help="清空并重建演示数据")):
    """生成演示数据库：各角色的演示账号（仅限演示部署）及演示案件。"""
    setup_django()
    from django.conf import settings

    if settings.DEPLOYMENT != "demo":
        fail("演示数据只能写入演示部署（CHENGGUAN_DEPLOYMENT=demo），生产环境不得创建演示账号")
    _migrate()
    warm_engines()
    from ..web.demo import seed_demo

    summary: dict = {}
    try:
        accounts = seed_demo(reset=reset, password=DEMO_PASSWORD, summary=summary)
    except Exception as e:  # noqa: BLE001 - DemoResetError and friends carry a Chinese message
        if type(e).__name__ == "DemoResetError":
            fail(str(e))
        raise
    if summary.get("skipped"):
        console.print(summary.get("reason", ""))
    elif summary:
        states = "、".join(f"{k} {v}" for k, v in (summary.get("by_status") or {}).items())
        console.print(f"已生成演示案件 {summary.get('cases')} 件（{states}）")
    console.print("演示账号（密码均为 [bold]%s[/bold]）：" % DEMO_PASSWORD)
    for username, role in accounts:
        console.print(f"  {username:<14} {role}")


def serve(host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(8000, "--port"),
          workers: int = typer.Option(2, "--workers", min=1, max=32)):
    """用 gunicorn（生产级 WSGI 服务器）启动网页应用。"""
    setup_django()
    from django.core.management import call_command

    _migrate()
    problems = production_problems()
    if problems:
        fail("生产部署拒绝启动：" + "；".join(problems))
    call_command("collectstatic", interactive=False, verbosity=0)
    warm_engines()
    console.print(f"城管执法助手：http://{host}:{port}/  （登录：/accounts/login/ ，API 文档：/api/docs）")
    from gunicorn.app.wsgiapp import run

    sys.argv = ["gunicorn", "chengguan.web.wsgi:application", "--bind", f"{host}:{port}", "--workers", str(workers),
                "--threads", "4", "--timeout", "120", "--access-logfile", "-", "--preload"]
    run()


def manage(ctx: typer.Context):
    """运行 Django 管理命令（例如 chengguan manage createsuperuser）。"""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengguan.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["chengguan manage", *ctx.args])
