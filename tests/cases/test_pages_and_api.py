"""小王 in the browser (Django test client) and tools through the API: workbench, case page, transitions."""

import datetime as dt
import re

import pytest

from chengguan.cases import actions
from chengguan.cases.models import Case


@pytest.fixture
def wang(client, people):
    client.force_login(people["xiaowang"])
    return client


def test_match_pick_circumstances_recommendation_without_full_page_reloads(wang, stall_situation):
    r = wang.post("/match/results/", {"text": "有人在人民路人行道上摆地摊卖衣服", "date": "2026-03-02"})
    assert "选择此情形" in r.content.decode()
    frag = wang.get(f"/workbench/{stall_situation}/circumstances/", {"date": "2026-03-02"}).content.decode()
    assert "<html" not in frag and "计算裁量建议" in frag
    rec = wang.post(f"/workbench/{stall_situation}/recommend/", {"date": "2026-03-02", "party": "个人", "harm": "general"}).content.decode()
    assert "<html" not in rec and "裁量建议" in rec and "当场处罚（简易程序）" in rec


def test_recommendation_refuses_contradictory_circumstances_with_a_sentence(wang, stall_situation):
    r = wang.post(f"/workbench/{stall_situation}/recommend/", {"date": "2026-03-02", "party": "个人", "first_offence": "1", "repeat_offence": "1"})
    assert r.status_code == 422 and "首次违法" in r.content.decode()


def test_on_the_spot_decision_from_the_workbench(wang, people, on_day, stall_situation, liu):
    r = wang.post(f"/workbench/{stall_situation}/start/", {
        "procedure": "简易", "party": "个人", "party_name": liu["name"], "party_id_number": liu["id_number"],
        "party_address": liu["address"], "date": "2026-03-02", "place": "人民路", "facts": "在人行道摆摊卖衣服", "fine": "200",
        "partner": people["xiaozhao"].officer.pk})
    assert r.status_code == 302
    case = Case.objects.get()
    assert case.procedure == "简易" and case.decision_number.startswith("涪城管当罚字")
    page = wang.get(r["Location"]).content.decode()
    assert case.number in page and "当场" in page


def test_bad_id_number_is_explained_next_to_the_form(wang, people, on_day, stall_situation, liu):
    r = wang.post(f"/workbench/{stall_situation}/start/", {
        "procedure": "简易", "party": "个人", "party_name": "刘某", "party_id_number": "500102197001010024",
        "party_address": "人民路", "date": "2026-03-02", "place": "人民路", "facts": "摆摊", "fine": "200",
        "partner": people["xiaozhao"].officer.pk})
    assert r.status_code == 422 and "校验码" in r.content.decode()
    assert not Case.objects.exists()


def test_case_page_shows_next_actions_and_a_refusal_reads_as_a_sentence(client, people, on_day):
    c = actions.register_clue(people["xiaowang"], source="巡查", facts="乱堆物料", place="滨江路", act_date=dt.date(2026, 3, 1))
    client.force_login(people["xiaowang"])
    page = client.get(f"/cases/{c.pk}/").content.decode()
    assert "批准立案" not in page  # an officer cannot approve filing
    client.force_login(people["laoli"])
    page = client.get(f"/cases/{c.pk}/").content.decode()
    assert "批准立案" in page
    r = client.post(f"/cases/{c.pk}/act/file_case/", {"version": c.version}, follow=True)
    assert "已完成：批准立案" in r.content.decode()
    r = client.post(f"/cases/{c.pk}/act/assign_officers/", {"version": c.version + 1, "officers": [people["xiaowang"].officer.pk]}, follow=True)
    assert "两名以上持有执法证件" in r.content.decode()


def test_case_list_colours_deadlines_and_filters(client, people, on_day):
    c = actions.register_clue(people["xiaowang"], source="巡查", facts="乱堆物料", place="滨江路", act_date=dt.date(2026, 3, 1))
    actions.file_case(people["laoli"], c)
    client.force_login(people["laoli"])
    html = client.get("/cases/", {"status": "调查"}).content.decode()
    assert c.number in html and "作出处罚决定" in html
    assert c.number not in client.get("/cases/", {"status": "结案"}).content.decode()


def test_reviewer_sees_the_queue(client, people, on_day, building_situation, company):
    c = actions.register_clue(people["xiaowang"], source="举报", facts="违法建设", place="滨江路", act_date=dt.date(2026, 2, 20),
                              situation_id=building_situation, party=company)
    actions.file_case(people["laoli"], c)
    actions.assign_officers(people["laoli"], c, [people["xiaowang"].officer, people["xiaozhao"].officer])
    actions.record_evidence(people["xiaowang"], c, kind="照片", description="照片")
    actions.close_investigation(people["xiaowang"], c, situation_id=building_situation, circumstances={"party": "单位", "quantities": {"cost": 1_000_000}})
    client.force_login(people["zhang"])
    assert c.number in client.get("/cases/review/").content.decode()
    assert "待我法制审核" in client.get("/").content.decode()


def test_api_transitions_name_the_failed_precondition_and_detect_conflicts(client, people, on_day):
    c = actions.register_clue(people["xiaowang"], source="巡查", facts="乱堆物料", place="滨江路", act_date=dt.date(2026, 3, 1))
    assert client.get(f"/api/cases/{c.pk}").status_code == 401
    client.force_login(people["xiaowang"])
    r = client.post(f"/api/cases/{c.pk}/actions/file_case", {"version": c.version}, content_type="application/json")
    assert r.status_code == 403 and "中队长" in r.json()["detail"]
    client.force_login(people["laoli"])
    d = client.get(f"/api/cases/{c.pk}").json()
    assert "file_case" in [a["name"] for a in d["actions"]]
    r = client.post(f"/api/cases/{c.pk}/actions/file_case", {"version": c.version}, content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "调查"
    r = client.post(f"/api/cases/{c.pk}/actions/refuse_filing", {"version": c.version, "data": {"reason": "重复"}}, content_type="application/json")
    assert r.status_code == 409
    r = client.post(f"/api/cases/{c.pk}/actions/record_payment", {"data": {"amount": "abc"}}, content_type="application/json")
    assert r.status_code in (403, 422)


def test_api_field_error_names_the_field(client, people, on_day):
    c = actions.register_clue(people["xiaowang"], source="巡查", facts="乱堆物料", place="滨江路", act_date=dt.date(2026, 3, 1))
    client.force_login(people["laoli"])
    r = client.post(f"/api/cases/{c.pk}/actions/refuse_filing", {"data": {"reason": ""}}, content_type="application/json")
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "reason"


def test_documents_of_a_case_are_generated_from_its_record(wang, people, on_day, stall_situation, liu):
    from chengguan.documents import check_doc, errors, read_doc

    case = actions.decide_on_the_spot(people["xiaowang"], party=liu, situation_id=stall_situation, facts="在人行道摆摊卖衣服",
                                      place="人民路", act_date=dt.date(2026, 3, 2), fine=200, kinds=["罚款"],
                                      partner=people["xiaozhao"].officer)
    page = wang.get(f"/cases/{case.pk}/").content.decode()
    assert "当场行政处罚决定书" in page and case.decision_number in page
    r = wang.get(f"/cases/{case.pk}/documents/当场行政处罚决定书.docx")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
    doc = read_doc(r.content)
    assert errors(check_doc(doc)) == []
    assert case.decision_number in doc.text and "贰佰元整" in doc.text and liu["name"] in doc.text


def test_deadline_board_lists_overdue_cases_per_team(client, people, on_day):
    c = actions.register_clue(people["xiaowang"], source="巡查", facts="乱堆物料", place="滨江路", act_date=dt.date(2026, 3, 1))
    actions.file_case(people["laoli"], c)
    on_day(dt.date(2026, 6, 10))  # past the 90-day decision deadline
    client.force_login(people["laoli"])
    html = client.get("/cases/deadlines/").content.decode()
    assert "第一中队" in html and c.number in html and "已超期" in html


def test_documents_are_listed_and_downloaded_through_the_api(client, people, on_day, stall_situation, liu):
    case = actions.decide_on_the_spot(people["xiaowang"], party=liu, situation_id=stall_situation, facts="在人行道摆摊卖衣服",
                                      place="人民路", act_date=dt.date(2026, 3, 2), fine=200, kinds=["罚款"],
                                      partner=people["xiaozhao"].officer)
    client.force_login(people["xiaowang"])
    listing = client.get(f"/api/cases/{case.pk}/documents").json()
    kinds = {d["kind"]: d for d in listing["documents"]}
    assert kinds["当场行政处罚决定书"]["number"] == case.decision_number
    r = client.get(kinds["当场行政处罚决定书"]["docx"])
    assert r.status_code == 200 and r.content[:2] == b"PK"
    r = client.get(f"/api/cases/{case.pk}/documents/行政处罚决定书.docx")
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["path", "kind"]
