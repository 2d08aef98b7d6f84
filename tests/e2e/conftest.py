"""Browser end-to-end tests: the real app on pytest-django's live_server, driven in Debian's Chromium through
Playwright's sync API. The people are those of the case stories (tests/cases/conftest.py): 执法队员 小王 and 小赵,
中队长 老李, 大队长 周大队, 法制审核员 张律师, 局领导 陈局长.

Screenshots go to $CHENGGUAN_TEST_ARTIFACTS/e2e/<test>/<step>-<phone|desktop>.png (default test-artifacts/).
Never run `playwright install`: the browser is /usr/bin/chromium (CHENGGUAN_CHROMIUM overrides).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.cases.conftest import building_situation, people, purge_after, stall_situation  # noqa: F401  (fixtures)

CHROMIUM = os.environ.get("CHENGGUAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PASSWORD = "{}-pass-1"  # as tests/cases/conftest.py creates them


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(__file__).parent in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop registered on this thread; Django would then refuse ORM calls
    # made from the test body ("SynchronousOnlyOperation"). Nothing here is actually async.
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not installed: scripts/install.sh installs Debian's chromium")
    old = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    pw = sync_playwright().start()
    b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield b
    finally:
        b.close()
        pw.stop()
        if old is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = old


@pytest.fixture
def artifacts(request) -> Path:
    root = Path(os.environ.get("CHENGGUAN_TEST_ARTIFACTS") or "test-artifacts")
    d = root / "e2e" / re.sub(r"[^\w.-]+", "_", request.node.name)
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d


class Browsing:
    """Signs people in (one browser context each, phone-sized) and takes the screenshots."""

    def __init__(self, browser, base_url: str, artifacts: Path):
        self.browser, self.base_url, self.artifacts = browser, base_url, artifacts
        self.contexts = []
        self.step = 0

    def sign_in(self, username: str):
        ctx = self.browser.new_context(base_url=self.base_url, viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai",
                                       accept_downloads=True)
        ctx.set_default_timeout(30_000)
        self.contexts.append(ctx)
        page = ctx.new_page()
        page.goto("/accounts/login/")
        page.get_by_label("用户名", exact=True).fill(username)
        page.get_by_label("密码", exact=True).fill(PASSWORD.format(username))
        page.get_by_role("button", name="登录").click()
        page.wait_for_url(self.base_url + "/")
        return page

    def shot(self, page, name: str) -> None:
        """<nn>-<name>-phone.png and -desktop.png of the whole page; the page returns to phone width."""
        self.step += 1
        for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(size)
            page.screenshot(path=str(self.artifacts / f"{self.step:02d}-{name}-{label}.png"), full_page=True)
        page.set_viewport_size(PHONE)

    def close(self):
        for c in self.contexts:
            c.close()


#: The stories run on a fixed business date inside the loaded holiday calendar (data/calendar/cn_holidays.yaml), so
#: that their statutory periods (15-day payment, 90-day decision) can always be counted, whatever the real date.
BUSINESS_DATE = "2026-11-20"


@pytest.fixture
def browsing(browser, live_server, transactional_db, purge_after, artifacts, monkeypatch):  # noqa: F811
    monkeypatch.setenv("CHENGGUAN_BUSINESS_DATE", BUSINESS_DATE)
    b = Browsing(browser, live_server.url, artifacts)
    yield b
    b.close()


# ---- page checks ----------------------------------------------------------------------------------------
UNLABELLED_JS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(el => !['hidden', 'submit', 'button', 'reset', 'image'].includes((el.type || '').toLowerCase()))
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 160))"""


def assert_inputs_labelled(page) -> None:
    missing = page.evaluate(UNLABELLED_JS)
    assert not missing, f"form fields without a label on {page.url}: {missing}"


def assert_no_horizontal_scroll(page) -> None:
    """At phone width the page must not scroll sideways."""
    page.set_viewport_size(PHONE)
    width = page.evaluate("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    inner = page.evaluate("() => window.innerWidth")
    if width > inner:
        wide = page.evaluate("""(w) => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > w + 1)
            .slice(0, 8).map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))""", inner)
        raise AssertionError(f"{page.url} scrolls sideways at {inner}px: content is {width}px wide; widest: {wide}")


def messages(page) -> list[str]:
    return [t.strip() for t in page.locator("ul.messages li").all_inner_texts()]


def next_actions(page) -> list[str]:
    """Labels of the actions offered under 下一步 on a case page."""
    return [t.strip() for t in page.locator("#actions details > summary strong").all_inner_texts()]


def act(page, label: str):
    """Open the action's panel under 下一步 and return it (a locator)."""
    panel = page.locator("#actions details").filter(has=page.locator("summary strong", has_text=re.compile(f"^{re.escape(label)}$")))
    if panel.get_attribute("open") is None:
        panel.locator("summary").click()
    return panel


def submit_action(page, panel, label: str) -> None:
    with page.expect_navigation():
        panel.get_by_role("button", name=label, exact=True).click()
