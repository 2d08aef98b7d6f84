"""The demo dataset: people in each role (and, once the case app is installed, cases in every state)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

ROLES = ["执法队员", "中队长", "大队长", "法制审核员", "局领导", "镇街执法人员", "管理员"]

DEMO_PEOPLE = [  # (username, 姓, 名, role): 小王, 小赵, 老李, 周大队, 张律师, 陈局长, 小陈
    ("xiaowang", "王", "磊", "执法队员"),
    ("xiaozhao", "赵", "敏", "执法队员"),
    ("laoli", "李", "建国", "中队长"),
    ("dadui", "周", "强", "大队长"),
    ("zhanglvshi", "张", "丽", "法制审核员"),
    ("juzhang", "陈", "志远", "局领导"),
    ("xiaochen", "陈", "杰", "镇街执法人员"),
    ("admin", "系统", "管理员", "管理员"),
]


@transaction.atomic
def seed_demo(reset: bool = False, password: str = "", summary: dict | None = None) -> list[tuple[str, str]]:
    """Demo accounts in every role (returned) and demo cases (their summary goes into `summary`)."""
    User = get_user_model()
    for r in ROLES:
        Group.objects.get_or_create(name=r)
    out = []
    for username, last, first, role in DEMO_PEOPLE:
        u, _ = User.objects.get_or_create(username=username, defaults={"last_name": last, "first_name": first})
        u.set_password(password)
        u.is_staff = role in ("管理员", "法制审核员")
        u.is_superuser = role == "管理员"
        u.save()
        u.groups.add(Group.objects.get(name=role))
        out.append((username, role))
    try:
        from ..cases.demo import seed_cases
    except ImportError:
        return out
    result = seed_cases(reset=reset)
    if summary is not None:
        summary.update(result or {})
    return out
