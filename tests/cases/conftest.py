"""People and places of the case stories: 执法队员 小王 and 小赵 (第一中队), 中队长 老李, 大队长 周大队,
法制审核员 张律师, 局领导 陈局长, 镇街执法员 小陈 (荔枝街道 only), and the parties 刘阿姨 and a building company."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from chengguan.cases import actions
from chengguan.cases.apps import ALLOW_TEST_PURGE
from chengguan.cases.models import Officer, Team
from chengguan.rules.catalog import get_catalog

LIU_ID = "500102197001010023"  # a valid 身份证号 (checksum) for 刘阿姨
COMPANY_USCC = "91500102MA5U4LJP2X"


def _valid_uscc() -> str:
    from stdnum.cn import uscc

    base = "91500102MA5U4LJP2"
    for ch in "0123456789ABCDEFGHJKLMNPQRTUWXY":
        if uscc.is_valid(base + ch):
            return base + ch
    raise AssertionError


@pytest.fixture
def purge_after(transactional_db):
    """Triggers forbid deleting audit rows; this flag (which the application never sets) lets pytest-django
    empty the SQLite test database after a transactional test (PostgreSQL empties it with TRUNCATE)."""
    yield
    ALLOW_TEST_PURGE["value"] = True


def _clear_purge_flag():
    ALLOW_TEST_PURGE["value"] = False


@pytest.fixture
def on_day(monkeypatch):
    """Set the bureau's 'today' for a story (dates inside the loaded holiday calendar)."""
    state = {"day": dt.date(2026, 3, 2)}
    monkeypatch.setattr(actions, "today", lambda: state["day"])

    def set_day(d: dt.date):
        state["day"] = d
        return d

    set_day(state["day"])
    return set_day


def _user(django_user_model, username, last, first, role, team=None, cert=""):
    u = django_user_model.objects.create_user(username, password=f"{username}-pass-1", last_name=last, first_name=first)
    u.groups.add(Group.objects.get_or_create(name=role)[0])
    Officer.objects.create(user=u, cert_no=cert, team=team)
    return u


@pytest.fixture
def people(db, django_user_model):
    _clear_purge_flag()
    squad = Team.objects.create(name="第一中队", kind="中队")
    lizhi = Team.objects.create(name="荔枝街道综合行政执法队", kind="镇街", town="荔枝街道")
    return {
        "squad": squad, "lizhi": lizhi,
        "xiaowang": _user(django_user_model, "xiaowang", "王", "小", "执法队员", squad, "50010201001"),
        "xiaozhao": _user(django_user_model, "xiaozhao", "赵", "小", "执法队员", squad, "50010201002"),
        "laoli": _user(django_user_model, "laoli", "李", "老", "中队长", squad, "50010201003"),
        "zhou": _user(django_user_model, "zhou", "周", "大队", "大队长", squad, "50010201004"),
        "zhang": _user(django_user_model, "zhang", "张", "律师", "法制审核员", None, "50010201005"),
        "chen": _user(django_user_model, "chenju", "陈", "局长", "局领导", None, ""),
        "xiaochen": _user(django_user_model, "xiaochen", "陈", "小", "镇街执法人员", lizhi, "50010201006"),
    }


def find_situation(pred) -> str:
    for s in get_catalog().situations.values():
        if pred(s):
            return s.id
    pytest.fail("the catalog has no situation for this story")


@pytest.fixture
def stall_situation() -> str:
    """摆摊 on a main road: 重庆市市容环境卫生管理条例 第十八条 (个人 50–500 元)."""
    return find_situation(lambda s: any(p.law == "重庆市市容环境卫生管理条例" and p.article == 18 for p in s.bases[-1].penalty)
                          and "摊" in s.name and any(f.party == "个人" and f.max == 500 for f in s.bases[-1].fines))


@pytest.fixture
def building_situation() -> str:
    """未取得建设工程规划许可证建设，尚可改正: 城乡规划法 第六十四条 (工程造价 5%–10%)."""
    return find_situation(lambda s: any(p.law == "中华人民共和国城乡规划法" and p.article == 64 for p in s.bases[-1].penalty)
                          and any(f.kind == "cost_percent" and f.min == 5 for f in s.bases[-1].fines))


@pytest.fixture
def liu():
    return {"type": "个人", "name": "刘某芳", "id_number": LIU_ID, "address": "重庆市涪陵区荔枝街道兴华中路8号", "phone": "13800000000"}


@pytest.fixture
def company():
    return {"type": "单位", "name": "重庆市涪陵区某某建筑有限公司", "id_number": _valid_uscc(), "address": "重庆市涪陵区崇义街道太白大道1号",
            "legal_rep": "何某"}
