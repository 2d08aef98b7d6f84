"""Roles (user groups) and what each may do. A refused action says which precondition failed."""

from __future__ import annotations

OFFICER, SQUAD_LEADER, BRIGADE_LEADER, REVIEWER, LEADER, TOWN_OFFICER, ADMIN = (
    "执法队员", "中队长", "大队长", "法制审核员", "局领导", "镇街执法人员", "管理员")
ALL_ROLES = [OFFICER, SQUAD_LEADER, BRIGADE_LEADER, REVIEWER, LEADER, TOWN_OFFICER, ADMIN]

FIELD_ROLES = {OFFICER, SQUAD_LEADER, BRIGADE_LEADER, TOWN_OFFICER}
APPROVERS = {SQUAD_LEADER, BRIGADE_LEADER, LEADER}


class PermissionDenied(Exception):
    """The actor's role or area does not allow this action."""


def roles_of(user) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    names = set(user.groups.values_list("name", flat=True))
    if user.is_superuser:
        names.add(ADMIN)
    return names


def require(user, allowed: set[str], what: str) -> None:
    have = roles_of(user)
    if ADMIN in have or have & allowed:
        return
    raise PermissionDenied(f"{what}需要以下角色之一：{'、'.join(sorted(allowed))}；您的角色：{'、'.join(sorted(have)) or '无'}")
