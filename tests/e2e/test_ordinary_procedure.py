"""普通程序 in the browser, with 法制审核: a building company puts up a workshop without a 建设工程规划许可证
(城乡规划法 第六十四条, 工程造价 100 万元). 执法队员 小王 registers it from the workbench, 中队长 老李 approves
filing, 小王 and 小赵 investigate, 法制审核员 张律师 reviews, 局领导 陈局长 records the 集体讨论 the large fine needs,
小王 gives notice, 大队长 周大队 is refused a decision before the statement period ends, the company waives its
rights, 周大队 decides, 小王 serves the decision and records the payment, and 老李 closes the case."""

from __future__ import annotations

import re

import pytest

from chengguan.cases import actions
from chengguan.cases.models import Case
from tests.cases.conftest import _valid_uscc

from .conftest import (act, assert_inputs_labelled, assert_no_horizontal_scroll, messages, next_actions,
                       submit_action)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESCRIPTION = "某建筑公司未取得建设工程规划许可证，在江东街道擅自建设厂房，尚可采取改正措施消除对规划实施的影响"
COMPANY = "重庆市涪陵区某某建筑有限公司"
COST = "1000000"


def status_of(page) -> str:
    """The case's status as shown in its heading (display name), as its code: 线索登记 → 线索."""
    shown = page.locator("main h1 .tag").nth(1).inner_text().strip()
    return {label: code for code, label in Case.STATUSES}[shown]


def do(page, label: str, fill=None, button: str | None = None) -> None:
    """Open an action under 下一步, let `fill` fill its form, and submit it."""
    panel = act(page, label)
    if fill:
        fill(panel)
    submit_action(page, panel, button or label)


def test_building_case_goes_through_legal_review_to_closing(browsing, people, building_situation):
    sid = building_situation
    today = actions.today().isoformat()  # the business date the stories run on

    # 小王: describe, pick, circumstances, recommendation — then 登记立案（普通程序）
    wang = browsing.sign_in("xiaowang")
    wang.get_by_label("现场情况", exact=True).fill(DESCRIPTION)
    wang.get_by_role("button", name="匹配违法情形").click()
    cand = wang.locator(f"#cand-{sid}")
    cand.wait_for()
    assert "中华人民共和国城乡规划法" in cand.inner_text() and "第六十四条" in cand.inner_text()
    match_url = wang.url
    cand.get_by_role("button", name="选择此情形").click()
    form = wang.locator(f"#pick-{sid} form.circumstances")
    form.wait_for()
    form.get_by_label("当事人类型", exact=True).select_option("单位")
    form.get_by_label("工程造价（元）", exact=True).fill(COST)
    form.get_by_label("面积（平方米）", exact=True).fill("800")
    form.get_by_role("button", name="计算裁量建议").click()
    rec = wang.locator(f"#rec-{sid} .recommendation")
    rec.wait_for()
    assert wang.url == match_url
    rec_text = rec.inner_text()
    for tag in ("须法制审核", "应告知听证"):
        assert tag in rec_text
    assert "可适用简易程序" not in rec_text and rec.get_by_role("link", name="当场处罚（简易程序）").count() == 0
    assert_inputs_labelled(wang)
    assert_no_horizontal_scroll(wang)
    browsing.shot(wang, "recommendation")

    rec.get_by_role("link", name="登记立案（普通程序）").click()
    wang.wait_for_url(re.compile(rf"/workbench/{sid}/start/"))
    assert wang.locator("h1").inner_text() == "登记案件线索（普通程序）"
    assert wang.get_by_label("当事人类型", exact=True).input_value() == "单位"
    wang.get_by_label("姓名或名称", exact=True).fill(COMPANY)
    wang.get_by_label("法定代表人或负责人（当事人为单位时填写）", exact=True).fill("何某")
    wang.get_by_label("身份证号或统一社会信用代码", exact=True).fill(_valid_uscc())
    wang.get_by_label("住址或住所", exact=True).fill("重庆市涪陵区崇义街道太白大道1号")
    wang.get_by_label("联系电话", exact=True).fill("02372000000")
    wang.get_by_label("地点", exact=True).fill("涪陵区江东街道群沱子村三组")
    wang.get_by_label("案件来源", exact=True).select_option("举报")
    assert_inputs_labelled(wang)
    with wang.expect_navigation():
        wang.get_by_role("button", name="登记线索").click()
    assert not wang.locator("p.error").all_inner_texts(), wang.locator("p.error").all_inner_texts()
    case = Case.objects.get()
    case_url = f"/cases/{case.pk}/"
    assert wang.url.endswith(case_url)
    assert f"已登记案件线索 {case.number}，请中队长批准立案" in messages(wang)
    assert status_of(wang) == "线索" and case.procedure == "普通"
    assert next_actions(wang) == [] and "您在本案当前状态下没有可执行的操作。" in wang.locator("#actions").inner_text()
    assert_no_horizontal_scroll(wang)
    browsing.shot(wang, "clue-registered")

    # 中队长 老李 approves filing
    li = browsing.sign_in("laoli")
    li.goto(case_url)
    assert {"批准立案", "不予立案"} <= set(next_actions(li))
    do(li, "批准立案")
    assert "已完成：批准立案" in messages(li)
    assert status_of(li) == "调查"
    assert {"指派承办人员", "登记证据", "调查终结（确定违法情形并计算裁量）"} <= set(next_actions(li))
    browsing.shot(li, "filed")

    # 小王 assigns the officers — one alone is refused (第四十二条) — and records the evidence
    wang.goto(case_url)
    assert next_actions(wang)[:3] == ["指派承办人员", "登记证据", "调查终结（确定违法情形并计算裁量）"]
    assert_inputs_labelled(wang)
    assert_no_horizontal_scroll(wang)
    wang_off, zhao_off = str(people["xiaowang"].officer.pk), str(people["xiaozhao"].officer.pk)
    do(wang, "指派承办人员", lambda p: p.get_by_label("承办人员（两名以上持证）", exact=True).select_option([wang_off]))
    refusal = [m for m in messages(wang) if "两名以上持有执法证件" in m]
    assert refusal and wang.locator("ul.messages li.error").count() == 1, messages(wang)
    assert status_of(wang) == "调查"
    do(wang, "指派承办人员", lambda p: p.get_by_label("承办人员（两名以上持证）", exact=True).select_option([wang_off, zhao_off]))
    assert "已完成：指派承办人员" in messages(wang)

    def evidence(p):
        p.get_by_label("证据种类", exact=True).select_option("照片")
        p.get_by_label("证据说明", exact=True).fill("在建厂房现场照片，已搭建钢结构框架约800平方米")
        p.get_by_label("文件", exact=True).set_input_files({"name": "site.png", "mimeType": "image/png", "buffer": _png()})
    do(wang, "登记证据", evidence)
    assert "已完成：登记证据" in messages(wang)
    assert "证据（1）" in wang.locator("main").inner_text()

    def close(p):
        assert p.get_by_label("违法情形编号", exact=True).input_value() == sid
        p.get_by_label("危害后果", exact=True).select_option("general")
        p.get_by_label("工程造价（元，如适用）", exact=True).fill(COST)
        p.get_by_label("面积（平方米，如适用）", exact=True).fill("800")
    do(wang, "调查终结（确定违法情形并计算裁量）", close)
    assert "已完成：调查终结（确定违法情形并计算裁量）" in messages(wang)
    assert status_of(wang) == "法制审核"
    page_text = wang.locator("main").inner_text()
    assert "须法制审核" in page_text and "应告知听证" in page_text
    assert next_actions(wang) == ["登记证据"]
    case.refresh_from_db()
    assert case.legal_review_required and case.hearing_required
    fine = case.discretion["fine"]
    browsing.shot(wang, "investigation-closed")

    # 法制审核员 张律师: the queue on the home page and under /cases/review/, then the review
    zhang = browsing.sign_in("zhang")
    queue = zhang.locator("section", has=zhang.locator("h2", has_text="待我法制审核"))
    assert "待我法制审核（1）" in queue.inner_text() and case.number in queue.inner_text()
    zhang.goto("/cases/review/")
    assert zhang.locator("h1").inner_text() == "待法制审核（1）"
    row = zhang.locator("tr", has_text=case.number)
    assert COMPANY in row.inner_text()
    assert_no_horizontal_scroll(zhang)
    browsing.shot(zhang, "review-queue")
    with zhang.expect_navigation():
        row.get_by_role("link", name=case.number).click()
    assert next_actions(zhang) == ["法制审核"]

    def review(p):
        p.get_by_label("审核通过", exact=True).check()
        p.get_by_label("审核意见", exact=True).fill("事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意。")
    do(zhang, "法制审核", review)
    assert "已完成：法制审核" in messages(zhang)
    assert status_of(zhang) == "集体讨论"
    assert next_actions(zhang) == []
    reviews = zhang.locator("section", has=zhang.locator("h2", has_text="审核与讨论")).inner_text()
    assert "法制审核" in reviews and "张律师" in reviews and "通过" in reviews
    browsing.shot(zhang, "reviewed")

    # 局领导 陈局长: the 集体讨论 that a fine of this size needs (第五十七条第二款)
    chen = browsing.sign_in("chenju")
    chen.goto(case_url)
    assert next_actions(chen) == ["记录集体讨论"]
    do(chen, "记录集体讨论", lambda p: p.get_by_label("讨论结论", exact=True).fill(f"同意处罚，罚款{fine['suggested']}元"))
    assert "已完成：记录集体讨论" in messages(chen)
    assert status_of(chen) == "调查终结"
    assert "事先告知" in next_actions(chen) and "记录集体讨论" not in next_actions(chen)

    # 小王 gives notice (事先告知) with the suggested fine
    wang.goto(case_url)
    assert "事先告知" in next_actions(wang)

    def notice(p):
        assert p.get_by_label("拟罚款（元）", exact=True).input_value() == str(fine["suggested"])
        assert "罚款" in p.get_by_label("拟处罚种类（用、分隔）", exact=True).input_value()
    do(wang, "事先告知", notice)
    assert "已完成：事先告知" in messages(wang)
    assert status_of(wang) == "告知"
    assert {"记录陈述申辩", "登记听证申请"} <= set(next_actions(wang))
    browsing.shot(wang, "notified")

    # 大队长 周大队 tries to decide at once: refused, the statement (hearing request) period is running
    zhou = browsing.sign_in("zhou")
    zhou.goto(case_url)
    assert "作出决定" in next_actions(zhou)
    do(zhou, "作出决定", lambda p: p.get_by_label("决定", exact=True).select_option("处罚"))
    errors = zhou.locator("ul.messages li.error").all_inner_texts()
    assert len(errors) == 1 and "期满前不得作出决定（当事人明确放弃的除外）" in errors[0], errors
    assert status_of(zhou) == "告知" and "作出决定" in next_actions(zhou)
    browsing.shot(zhou, "decision-refused")

    # the company waives 陈述、申辩 and 听证
    wang.goto(case_url)
    do(wang, "记录陈述申辩", lambda p: p.get_by_label("当事人明确放弃", exact=True).check())
    assert "已完成：记录陈述申辩" in messages(wang)
    assert status_of(wang) == "告知" and "作出决定" not in next_actions(wang)  # 小王 is no approver

    # 周大队 decides
    zhou.goto(case_url)

    def decision(p):
        p.get_by_label("决定", exact=True).select_option("处罚")
        assert p.get_by_label("罚款（元）", exact=True).input_value() == str(fine["suggested"])
    do(zhou, "作出决定", decision)
    assert "已完成：作出决定" in messages(zhou)
    assert status_of(zhou) == "决定"
    case.refresh_from_db()
    assert case.decision_number and case.decision_number in zhou.locator("main").inner_text()
    assert "送达决定书" in next_actions(zhou)
    browsing.shot(zhou, "decided")

    # 小王 serves the decision and records the payment
    wang.goto(case_url)

    def serve(p):
        p.get_by_label("送达日期", exact=True).fill(today)
        p.get_by_label("送达方式", exact=True).select_option("直接送达")
    do(wang, "送达决定书", serve)
    assert "已完成：送达决定书" in messages(wang)
    docs = wang.locator("#documents").inner_text()
    assert "行政处罚决定书" in docs and "行政处罚事先告知书" in docs
    assert status_of(wang) == "执行"
    assert "登记缴款" in next_actions(wang) and "结案" not in next_actions(wang)
    case.refresh_from_db()

    def pay(p):
        p.get_by_label("缴款金额（元）", exact=True).fill(str(case.fine_amount))
        p.get_by_label("缴款日期", exact=True).fill(today)
    do(wang, "登记缴款", pay)
    assert "已完成：登记缴款" in messages(wang)
    assert f"已于 {today} 缴纳 {case.fine_amount} 元" in wang.locator("main").inner_text()
    browsing.shot(wang, "paid")

    # 老李 closes the case
    li.goto(case_url)
    assert "结案" in next_actions(li)
    do(li, "结案")
    assert "已完成：结案" in messages(li)
    assert status_of(li) == "结案"
    assert next_actions(li) == ["归档"]
    assert_inputs_labelled(li)
    assert_no_horizontal_scroll(li)
    browsing.shot(li, "closed")
    case.refresh_from_db()
    assert case.status == "结案" and case.paid_amount == case.fine_amount and case.waiver_recorded


def _png() -> bytes:
    from .test_simple_procedure import tiny_png

    return tiny_png(12, 9)
