"""The HTML report of the samples in a real browser: Debian's chromium, headless,
driven by selenium through /usr/bin/chromedriver.

Skipped, saying why, where chromium is not installed; ``.ci/run`` installs it, so
CI always runs these (it sets RECONCILE_REQUIRE_BROWSER, which turns the skip
into an error). The README's screenshot comes from here:

    UPDATE_SCREENSHOT=1 .venv/bin/python -m pytest tests/test_html_browser.py
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reconcile.model import Kind, Report
from reconcile.render import render

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "img" / "report.png"

MISSING = (
    "the browser test needs Debian's chromium and chromium-driver "
    "(apt-get install chromium chromium-driver); .ci/run installs them"
)
if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
    if os.environ.get("RECONCILE_REQUIRE_BROWSER"):  # CI: never a silent skip
        raise RuntimeError(MISSING)
    pytest.skip(MISSING, allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402

# Offline chromium: no sandbox as root, and nothing that calls home.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report_url(sample_report: Report, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(sample_report, "html"), encoding="utf-8")
    return path.as_uri()


@pytest.fixture
def page(browser: WebDriver, report_url: str) -> WebDriver:
    """The report freshly loaded at the desktop size, its console log emptied."""
    browser.set_window_size(1400, 1000)
    browser.get(report_url)
    return browser


# Where the first stretch of a finding's sentences stands in each source's
# scrolling text: null where the finding has none, else whether its first line
# shows inside the text box and inside the window.
IN_VIEW = """
const [finding] = arguments;
return [...document.querySelectorAll("article.source")].map((article) => {
  const box = article.querySelector(".text");
  const target = box.querySelector(`[data-f~="${finding}"]`);
  if (!target) return null;
  const line = target.getClientRects()[0];
  const frame = box.getBoundingClientRect();
  return line.top >= frame.top && line.bottom <= frame.bottom && line.top >= 0 && line.bottom <= window.innerHeight;
});
"""


def _button(page: WebDriver, finding: int):  # type: ignore[no-untyped-def]
    return page.find_element(By.CSS_SELECTOR, f'nav.findings button[data-finding="{finding}"]')


def test_the_page_loads_without_console_errors(page: WebDriver) -> None:
    _button(page, 0).click()
    page.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="agreement"]').click()
    severe = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == []


def test_choosing_a_finding_brings_its_sentences_into_view_in_each_source(
    page: WebDriver, sample_report: Report
) -> None:
    # A finding whose sentences, in every source, lie below what shows at first.
    hidden = [
        i
        for i, f in enumerate(sample_report.findings)
        if len({e.source for e in f.evidence}) == len(sample_report.sources)
        and not any(page.execute_script(IN_VIEW, i))
    ]
    assert hidden, "the samples have a finding whose sentences are all out of view at first"
    chosen = hidden[-1]
    _button(page, chosen).click()
    assert page.execute_script(IN_VIEW, chosen) == [True] * len(sample_report.sources)
    assert _button(page, chosen).get_attribute("aria-pressed") == "true"
    disputed = page.find_elements(By.CSS_SELECTOR, ".text .disputed")
    highlights = {(e.source, span) for e in sample_report.findings[chosen].evidence for span in e.highlights}
    assert bool(disputed) == bool(highlights)
    assert page.current_url.endswith(f"#finding-{chosen}")


def test_the_keyboard_chooses_findings(page: WebDriver) -> None:
    first = _button(page, 0)
    page.execute_script("arguments[0].focus()", first)
    first.send_keys(Keys.ENTER)
    assert first.get_attribute("aria-pressed") == "true"
    first.send_keys(Keys.ARROW_DOWN)
    second = page.switch_to.active_element
    assert second.get_attribute("data-finding") != "0"
    second.send_keys(Keys.SPACE)
    assert second.get_attribute("aria-pressed") == "true" and first.get_attribute("aria-pressed") == "false"


def test_a_kind_filter_hides_those_findings_and_their_highlights(page: WebDriver, sample_report: Report) -> None:
    agreements = page.find_elements(By.CSS_SELECTOR, 'li.finding[data-kind="agreement"]')
    assert len(agreements) == len(sample_report.of(Kind.AGREEMENT)) > 0
    assert page.find_elements(By.CSS_SELECTOR, '.text [data-f][data-kind="agreement"]')
    page.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="agreement"]').click()
    assert not any(li.is_displayed() for li in agreements)
    assert all(li.is_displayed() for li in page.find_elements(By.CSS_SELECTOR, 'li.finding[data-kind="contradiction"]'))
    assert page.find_elements(By.CSS_SELECTOR, '.text [data-f][data-kind="agreement"]') == []
    assert not any(a.is_displayed() for a in page.find_elements(By.CSS_SELECTOR, '.text a.icon[data-kind="agreement"]'))
    total = len(sample_report.findings)
    assert page.find_element(By.ID, "status").text == f"Showing {total - len(agreements)} of {total} findings."


def test_a_source_filter_hides_that_source_and_what_only_it_says(page: WebDriver, sample_report: Report) -> None:
    page.find_element(By.CSS_SELECTOR, 'input[name="source"][value="1"]').click()
    assert not page.find_element(By.ID, "source-1").is_displayed()
    assert page.find_element(By.ID, "source-0").is_displayed()
    for i, f in enumerate(sample_report.findings):
        shown = page.find_element(By.ID, f"finding-{i}").is_displayed()
        assert shown == any(e.source == 0 for e in f.evidence), f.reason


def test_a_timeline_event_marks_its_words_in_the_sources(page: WebDriver, sample_report: Report) -> None:
    conflict = next(i for i, e in enumerate(sample_report.events) if e.conflict)
    button = page.find_element(By.CSS_SELECTOR, f'.strip button[data-event="{conflict}"]')
    page.execute_script("arguments[0].scrollIntoView()", button)
    button.click()
    marked = page.find_elements(By.CSS_SELECTOR, f'.text [data-e~="{conflict}"].disputed')
    assert {m.text for m in marked} >= {"Nov. 1", "November 1"}


def test_sources_stack_on_a_narrow_screen(page: WebDriver) -> None:
    def boxes() -> list[dict[str, float]]:
        return [page.execute_script("return arguments[0].getBoundingClientRect().toJSON()", a)
                for a in page.find_elements(By.CSS_SELECTOR, "article.source")]

    first, second = boxes()
    assert second["left"] >= first["right"]  # side by side
    page.set_window_size(480, 900)
    first, second = boxes()
    assert second["top"] >= first["bottom"]  # stacked


def test_printing_shows_every_source_whole_without_controls(page: WebDriver) -> None:
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not page.find_element(By.CSS_SELECTOR, "form.filters").is_displayed()
        for box in page.find_elements(By.CSS_SELECTOR, "article.source .text"):
            assert page.execute_script("return arguments[0].scrollHeight <= arguments[0].clientHeight + 1", box)
        assert page.find_element(By.CSS_SELECTOR, "nav.findings .quote").is_displayed()
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_screenshot(page: WebDriver, tmp_path: Path) -> None:
    """The report with its contradiction chosen, as the README shows it."""
    _button(page, 0).click()
    shot = tmp_path / "report.png"
    assert page.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a page, not a blank
    if os.environ.get("UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        SCREENSHOT.write_bytes(data)
    assert SCREENSHOT.exists(), f"make it with UPDATE_SCREENSHOT=1: {SCREENSHOT}"
