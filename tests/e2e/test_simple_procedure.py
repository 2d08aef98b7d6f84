"""简易程序 in the browser: 执法队员 小王 finds 刘阿姨 selling fruit from a stall on the pavement of 兴华中路 (a main
road), describes it on his phone, picks the matched situation, gets the discretion recommendation, fines her on the
spot with 小赵 beside him, photographs the stall, prints the 当场行政处罚决定书 and files the case with the bureau."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib

import pytest
from stdnum.cn import ric

from chengguan.cases.models import Case

from .conftest import (act, assert_inputs_labelled, assert_no_horizontal_scroll, messages, next_actions,
                       submit_action)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESCRIPTION = "有人在兴华中路人行道上摆摊卖水果，占了半边人行道"


def resident_id(first17: str = "50010219850612002") -> str:
    """A valid 18-digit 身份证号 (calc_check_digit wants the number with a check-digit place, hence the "0")."""
    return first17 + ric.calc_check_digit(first17 + "0")


def tiny_png(w: int = 8, h: int = 6) -> bytes:
    """A small valid PNG (a stall-orange square) made without any imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xf0\x8c\x1e" * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_xiaowang_fines_a_fruit_stall_on_the_spot_from_his_phone(browsing, people, stall_situation, tmp_path):
    sid = stall_situation
    page = browsing.sign_in("xiaowang")

    # home: the big 描述现场 box
    assert page.get_by_role("button", name="退出（王小）").is_visible()  # 姓 before 名
    assert_inputs_labelled(page)
    assert_no_horizontal_scroll(page)
    browsing.shot(page, "home")
    page.get_by_label("现场情况", exact=True).fill(DESCRIPTION)
    page.get_by_role("button", name="匹配违法情形").click()
    page.wait_for_url(re.compile(r"/match/\?"))

    # match: candidates with their provisions verbatim
    cand = page.locator(f"#cand-{sid}")
    cand.wait_for()
    assert page.get_by_label("看到了什么？", exact=True).input_value() == DESCRIPTION
    provisions = cand.locator(".provision")
    assert provisions.count() >= 2
    texts = provisions.all_inner_texts()
    assert any("违法依据" in t for t in texts) and any("处罚依据" in t for t in texts)
    assert any("重庆市市容环境卫生管理条例" in t and "第十八条" in t for t in texts), texts
    assert all(len(t) > 40 for t in texts), "each provision is quoted in full, not just cited"
    assert_inputs_labelled(page)
    assert_no_horizontal_scroll(page)
    browsing.shot(page, "candidates")

    # 选择此情形: the circumstances form arrives by htmx, the page is not reloaded
    url = page.url
    page.evaluate("() => { window.__still_same_page = true; }")
    cand.get_by_role("button", name="选择此情形").click()
    form = page.locator(f"#pick-{sid} form.circumstances")
    form.wait_for()
    assert page.url == url and page.evaluate("() => window.__still_same_page === true")
    form.get_by_label("当事人类型", exact=True).select_option("个人")
    form.get_by_label("危害后果", exact=True).select_option("general")
    form.get_by_label("面积（平方米）", exact=True).fill("3")
    form.get_by_role("button", name="计算裁量建议").click()
    rec = page.locator(f"#rec-{sid} .recommendation")
    rec.wait_for()
    assert page.url == url and page.evaluate("() => window.__still_same_page === true")
    heading = rec.locator("h3").inner_text()
    m = re.search(r"罚款 (\d+)–(\d+) 元，建议 (\d+) 元", heading)
    assert m, heading
    suggested = int(m.group(3))
    assert suggested <= 200, "a person's on-the-spot fine is at most 200 元 (第五十一条)"
    assert "可适用简易程序" in rec.inner_text()
    rec.locator("summary", has_text="裁量过程").click()
    trace = rec.locator("details ol li")
    assert trace.count() >= 3 and trace.first.is_visible()
    assert_inputs_labelled(page)
    assert_no_horizontal_scroll(page)
    browsing.shot(page, "recommendation")

    # 当场处罚（简易程序）: party, partner, photo
    rec.get_by_role("link", name="当场处罚（简易程序）").click()
    page.wait_for_url(re.compile(rf"/workbench/{sid}/start/"))
    assert page.locator("h1").inner_text() == "当场处罚（简易程序）"
    assert page.get_by_label("罚款（元；不填则给予警告）", exact=True).input_value() == str(suggested)
    assert DESCRIPTION in page.get_by_label("违法事实", exact=True).input_value()
    page.get_by_label("姓名或名称", exact=True).fill("刘某芳")
    page.get_by_label("身份证号或统一社会信用代码", exact=True).fill(resident_id())
    page.get_by_label("住址或住所", exact=True).fill("重庆市涪陵区荔枝街道兴华中路8号")
    page.get_by_label("联系电话", exact=True).fill("13800000000")
    page.get_by_label("地点", exact=True).fill("涪陵区兴华中路88号门前人行道")
    page.get_by_label("同行执法人员（执法人员不得少于两人）", exact=True).select_option(str(people["xiaozhao"].officer.pk))
    page.get_by_label("现场照片", exact=True).set_input_files({"name": "stall.png", "mimeType": "image/png", "buffer": tiny_png()})
    assert_inputs_labelled(page)
    assert_no_horizontal_scroll(page)
    browsing.shot(page, "party-details")
    with page.expect_navigation():
        page.get_by_role("button", name="作出当场处罚决定").click()
    assert not page.locator("p.error").all_inner_texts(), page.locator("p.error").all_inner_texts()

    # the case page: decision number, evidence, next actions
    case = Case.objects.get()
    assert case.procedure == "简易" and case.decision_number
    assert page.url.endswith(f"/cases/{case.pk}/")
    assert f"已作出当场处罚决定 {case.decision_number}" in messages(page)
    assert case.decision_number in page.locator("main").inner_text()
    assert "涪城管当罚字" in case.decision_number
    assert page.locator("section", has=page.locator("h2", has_text="证据（1）")).get_by_text("现场照片").is_visible()
    assert case.evidence.get().file.read() == tiny_png()
    assert "简易程序备案" in next_actions(page)
    assert_inputs_labelled(page)
    assert_no_horizontal_scroll(page)
    browsing.shot(page, "case-decided")

    # 当场行政处罚决定书 as PDF, with the decision number in it
    link = page.locator("#documents li", has_text="当场行政处罚决定书").get_by_role("link", name="PDF")
    href = link.get_attribute("href")
    resp = page.request.get(href, timeout=180_000)
    assert resp.ok and resp.headers["content-type"] == "application/pdf"
    body = resp.body()
    assert body[:5] == b"%PDF-"
    pdf = browsing.artifacts / "当场行政处罚决定书.pdf"
    pdf.write_bytes(body)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        flat = re.sub(r"\s+", "", text)
        assert re.sub(r"\s+", "", case.decision_number) in flat, flat[:400]
        assert "刘某芳" in flat

    # 备案
    panel = act(page, "简易程序备案")
    submit_action(page, panel, "简易程序备案")
    assert "已完成：简易程序备案" in messages(page)
    assert "简易程序备案" not in next_actions(page)
    assert "登记缴款" in next_actions(page)
    case.refresh_from_db()
    assert case.filed_with_bureau
    browsing.shot(page, "filed-with-bureau")
