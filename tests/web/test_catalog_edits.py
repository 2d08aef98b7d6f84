"""法制审核员 张律师 corrects a situation in the admin; wrong citations and fines are refused; every accepted
edit is a new version (who, when, what changed)."""

import pytest
import yaml
from django.contrib.auth.models import Group

from chengguan.assistant.catalog_edits import EditRefused, save_edit
from chengguan.assistant.models import SituationVersion
from chengguan.rules.catalog import get_catalog, reset_catalog


@pytest.fixture(autouse=True)
def _fresh_catalog(tmp_path, monkeypatch):
    monkeypatch.setenv("CHENGGUAN_DATA_DIR", str(tmp_path))
    reset_catalog()
    yield
    reset_catalog()


@pytest.fixture
def zhang(db, django_user_model):
    u = django_user_model.objects.create_user("zhanglvshi", password="x-pass-123", is_staff=True, last_name="张", first_name="律师")
    u.groups.add(Group.objects.get_or_create(name="法制审核员")[0])
    return u


def situation_yaml(sid: str, **changes) -> str:
    s = get_catalog().situation(sid).authoring_dict()
    s.update(changes)
    return yaml.safe_dump(s, allow_unicode=True, sort_keys=False)


def stall_id() -> str:
    return next(s.id for s in get_catalog().situations.values()
                if any(p.law == "重庆市市容环境卫生管理条例" and p.article == 18 and p.paragraph == 2 for p in s.bases[-1].penalty))


def test_an_accepted_edit_is_versioned_and_used_at_once(zhang):
    sid = stall_id()
    v = save_edit(zhang, situation_yaml(sid, name="在主干道两侧摆设经营性摊点（修订）"), "名称与条文表述一致")
    assert v.version == 1 and v.author == zhang
    assert any(c["field"] == "name" for c in v.changes)
    assert get_catalog().situation(sid).name == "在主干道两侧摆设经营性摊点（修订）"
    v2 = save_edit(zhang, situation_yaml(sid, keywords=["摆摊", "地摊", "占道"]), "补充关键词")
    assert v2.version == 2 and [c["field"] for c in v2.changes] == ["keywords"]


def test_an_edit_with_an_unresolvable_citation_is_refused_with_the_reason(zhang):
    sid = stall_id()
    bad = situation_yaml(sid, penalty=[{"law": "重庆市市容环境卫生管理条例", "article": 180}])
    with pytest.raises(EditRefused) as e:
        save_edit(zhang, bad, "改条文")
    assert "第一百八十条" in str(e.value)
    assert not SituationVersion.objects.exists()


def test_an_edit_with_an_out_of_range_fine_is_refused(zhang):
    sid = stall_id()
    s = yaml.safe_load(situation_yaml(sid))
    s["fines"] = [{"party": "个人", "kind": "range", "min": 50, "max": 5000}, {"party": "单位", "kind": "range", "min": 500, "max": 2000}]
    with pytest.raises(EditRefused) as e:
        save_edit(zhang, yaml.safe_dump(s, allow_unicode=True), "改罚款")
    assert "与处罚条款原文不符" in str(e.value)


def test_an_officer_cannot_edit_the_catalog(db, django_user_model):
    from chengguan.cases.roles import PermissionDenied

    u = django_user_model.objects.create_user("xiaowang", password="x-pass-123")
    u.groups.add(Group.objects.get_or_create(name="执法队员")[0])
    with pytest.raises(PermissionDenied):
        save_edit(u, situation_yaml(stall_id()), "试试")


def test_the_admin_form_shows_the_refusal(client, zhang):
    client.force_login(zhang)
    sid = stall_id()
    bad = situation_yaml(sid, violated=[{"law": "城乡规划法", "article": 64}])
    r = client.post("/admin/assistant/situationversion/add/", {"yaml_text": bad, "comment": "测试"})
    assert r.status_code == 200 and "修订被拒绝" in r.content.decode()
    r = client.post("/admin/assistant/situationversion/add/", {"yaml_text": situation_yaml(sid), "comment": "原样保存"})
    assert r.status_code == 302 and SituationVersion.objects.count() == 1
