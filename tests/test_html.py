"""--format html without a browser: article text stays text, the page fetches
nothing, the filters are form controls, every finding is highlighted where it
stands. tests/test_html_browser.py drives the same page in chromium."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from html.parser import HTMLParser

import pytest

from conftest import ROOT, SAMPLE_PATHS
from reports import disputed
from reconcile import Text, check, compare
from reconcile.model import Kind, Report
from reconcile.render import render
from reconcile.render._common import reading_view

HOSTILE = (
    'Officials said <script>alert("x")</script> the plant would close on Nov. 1, 2023 after review.\n'
    "The company lost <img src=x onerror=alert(1)> 15% of its revenue in China last year.\n"
    "A spokesman typed </textarea><b>bold</b> into the comment box of the ministry website.\n"
)
OTHER = (
    "Officials said the plant would close on Nov. 2, 2023 after review.\n"
    "The company lost 20% of its revenue in China last year.\n"
)


class Page(HTMLParser):
    """What a browser would build from the page, as far as these tests look: every
    tag with its attributes, and the text of each source's text box by stretch."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.source: int | None = None
        self.texts: dict[int, list[tuple[dict[str, str], str]]] = defaultdict(list)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if tag == "article" and "data-source" in found:
            self.source = int(found["data-source"])
        if tag not in ("meta", "input", "br", "link"):
            self.stack.append((tag, found))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        classes = [a.get("class", "") for _, a in self.stack]
        if self.source is not None and "text" in classes and "icon" not in classes:
            self.texts[self.source].append((self.stack[-1][1], data))

    def text_of(self, source: int) -> str:
        return "".join(data for _, data in self.texts[source])

    def stretches(self, source: int, attribute: str, ident: int) -> str:
        """The text of the stretches whose ``attribute`` lists ``ident``, joined."""
        return "".join(d for a, d in self.texts[source] if str(ident) in a.get(attribute, "").split())


@pytest.fixture(scope="module")
def hostile() -> Report:
    return compare([Text("<img src=x onerror=alert(2)>.txt", HOSTILE), Text("other.txt", OTHER)])


def test_article_text_is_data_never_markup(hostile: Report) -> None:
    page = Page(render(hostile, "html"))
    names = [tag for tag, _ in page.tags]
    assert names.count("script") == 1  # ours
    assert not {"img", "textarea", "b"} & set(names)
    assert not [(tag, a) for tag, a in page.tags for name in a if name.startswith("on")]
    shown = page.text_of(0)
    for written in ('<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "</textarea><b>bold</b>"):
        assert written in shown
    assert "<img src=x onerror=alert(2)>.txt" in [a.get("aria-label", "")[8:] for _, a in page.tags]


def test_a_web_page_source_shows_its_text_as_read() -> None:
    page_source = (
        "<!doctype html><html><head><title>x</title></head><body><article>"
        "<p>Micron&#8217;s plant said &lt;script&gt;alert(1)&lt;/script&gt; closed on Nov. 1, 2023.</p>"
        "<p>Micron&#8217;s China business gave about 15% of its revenue last year.</p>"
        "</article></body></html>"
    )
    other = "Micron's plant closed on Nov. 3, 2023.\nMicron's China business gave 25% of its revenue last year.\n"
    report = compare([Text("page.html", page_source), Text("b.txt", other)])
    assert report.sources[0].markup
    page = Page(render(report, "html"))
    assert [tag for tag, _ in page.tags].count("script") == 1  # ours
    shown = page.text_of(0)
    # Entities leave padding the view cannot always place; the words and the brackets stay.
    assert re.search(r"Micron’s plant said <script\s*>alert\(1\)\s*</script> closed on Nov\. 1, 2023\.", shown)
    assert "Micron’s China business" in shown  # no gap where "&#8217;" stood


def test_reading_view_folds_what_markup_left_and_keeps_offsets() -> None:
    text = "  A   B \n\n  C      ’s end"
    view, at = reading_view(text)
    assert view == "A B\n\nC’s end"
    assert view[at[2] : at[3]] == "A" and view[at[17] : at[len(text)]] == "’s end"


@pytest.fixture(scope="module")
def samples_page(sample_report: Report) -> Page:
    return Page(render(sample_report, "html"))


REMOTE = re.compile(  # an address another host would serve, where a page loads from
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)(?:https?:)?//""", re.I
)


def test_the_page_fetches_nothing(sample_report: Report) -> None:
    from reconcile.api import build_timeline
    from reconcile.render.html import render_timeline

    timeline_page = render_timeline(build_timeline([str(ROOT / p) for p in SAMPLE_PATHS]))
    for html in (render(sample_report, "html"), timeline_page):
        assert REMOTE.search(html) is None
        page = Page(html)
        for tag, attrs in page.tags:
            assert "src" not in attrs, tag  # scripts, images, frames: none from anywhere
            if tag == "link":
                assert attrs.get("rel") != "stylesheet"
        assert "@font-face" not in html and "@import" not in html


def test_the_filters_are_form_controls_for_every_kind_type_and_source(
    samples_page: Page, sample_report: Report
) -> None:
    boxes = defaultdict(set)
    for tag, attrs in samples_page.tags:
        if tag == "input":
            assert attrs["type"] == "checkbox" and "checked" in attrs
            boxes[attrs["name"]].add(attrs["value"])
    assert boxes["kind"] == {"contradiction", "agreement", "unsupported"}  # updates, attributed: only when found
    assert boxes["type"] == {f.type for f in sample_report.findings}
    assert boxes["source"] == {str(i) for i in range(len(sample_report.sources))}
    legends = re.findall(r"<legend>(\w+)</legend>", render(sample_report, "html"))
    assert legends == ["Kind", "Type", "Source"]


def test_every_finding_is_highlighted_where_it_stands(samples_page: Page, sample_report: Report) -> None:
    assert {f.kind for f in sample_report.findings} == {Kind.CONTRADICTION, Kind.AGREEMENT, Kind.UNSUPPORTED}
    for i, f in enumerate(sample_report.findings):
        for source in {e.source for e in f.evidence}:
            sentences = [e for e in f.evidence if e.source == source]
            assert samples_page.stretches(source, "data-f", i) == "".join(e.sentence for e in sentences), f.reason
            text = sample_report.sources[source].text
            spans = sorted({span for e in sentences for span in e.highlights})
            assert samples_page.stretches(source, "data-h", i) == "".join(text[a:b] for a, b in spans)
    kinds = {a.get("data-kind") for source in samples_page.texts for a, _ in samples_page.texts[source]}
    assert {f.kind.value for f in sample_report.findings} <= kinds
    icons = {
        (a["data-finding"], a["data-kind"]) for tag, a in samples_page.tags if tag == "a" and "icon" in a.get("class", "")
    }
    assert icons == {(str(i), f.kind.value) for i, f in enumerate(sample_report.findings)}


def test_a_disagreement_is_one_item_whose_sides_are_all_marked_in_their_sources() -> None:
    report = disputed()
    html = render(report, "html")
    page = Page(html)
    items = [a for tag, a in page.tags if tag == "li" and "finding" in a.get("class", "").split()]
    assert [(a["data-kind"], a["data-sources"]) for a in items] == [
        ("contradiction", "0 1 2"), ("update", "0 2"), ("attributed", "1 2")]
    assert re.findall(r'<li class="side">([^<]*)</li>', html) == [
        "2 (sentinel.txt)", "3 (tvn6.txt, wire.txt)", "8 (sentinel.txt)", "12 (wire.txt)",
        "6.1 (tvn6.txt)", "5.9 (wire.txt)"]
    assert '<span class="slot">number of patients</span>' in html
    patients = report.findings[0]
    for side in patients.sides:
        for e in side.evidence:
            assert e.sentence in page.stretches(e.source, "data-f", 0)
            assert page.stretches(e.source, "data-h", 0) in ("Two", "Three")
    assert all(page.stretches(s, "data-h", 0) for s in range(3))  # every side's value, in every source


def test_every_kind_has_its_group_and_filter() -> None:
    page = Page(render(disputed(), "html"))
    groups = [a["data-kind"] for tag, a in page.tags if tag == "section" and "group" in a.get("class", "")]
    assert groups == ["contradiction", "update", "attributed", "agreement", "unsupported"]
    boxes = {a["value"] for tag, a in page.tags if tag == "input" and a.get("name") == "kind"}
    assert boxes == {k.value for k in Kind}


def test_the_sources_read_whole_and_in_order(samples_page: Page, sample_report: Report) -> None:
    for i, source in enumerate(sample_report.sources):
        assert samples_page.text_of(i) == source.text


def test_the_page_is_semantic_and_keyboard_ready(sample_report: Report) -> None:
    html = render(sample_report, "html")
    page = Page(html)
    names = [tag for tag, _ in page.tags]
    for landmark in ("header", "main", "nav", "section", "article", "footer", "ol", "label", "fieldset"):
        assert landmark in names
    choosers = [a for tag, a in page.tags if tag == "button" and "data-finding" in a]
    assert len(choosers) == len(sample_report.findings)
    assert all(a["type"] == "button" and a["aria-pressed"] == "false" for a in choosers)
    assert '<p id="status" class="status" role="status" aria-live="polite">' in html
    assert "@media print" in html


def test_the_summary_counts_and_the_timeline_strip(sample_report: Report) -> None:
    html = render(sample_report, "html")
    assert "1 contradiction, 7 agreements, 22 unsupported (2 sources, 36 sentences)" in html
    page = Page(html)
    lanes = [a["data-source"] for tag, a in page.tags if tag == "section" and "lane" in a.get("class", "")]
    assert lanes == ["0", "1"]
    events = [a for tag, a in page.tags if tag == "li" and "event" in a.get("class", "").split()]
    assert len(events) == sum(len(e.sources) for e in sample_report.events)
    conflicts = [a for a in events if "conflict" in a["class"].split()]
    assert len(conflicts) == sum(len(e.sources) for e in sample_report.events if e.conflict) > 0


def test_check_mode_names_the_draft_and_its_verdicts() -> None:
    report = check(Text("draft.txt", OTHER), [Text("source.txt", HOSTILE)])
    html = render(report, "html")
    assert "Draft 1:" in html and "Source 2:" in html
    assert ">Contradicted<" not in html  # the titles carry counts
    assert re.search(r"Contradicted \(\d+\)", html) and re.search(r"Supported \(\d+\)", html)


def test_the_timeline_page_draws_the_strip_and_explains_the_conflict() -> None:
    from reconcile.api import build_timeline
    from reconcile.render.html import render_timeline

    t = build_timeline([str(ROOT / p) for p in SAMPLE_PATHS])
    page = Page(render_timeline(t))
    classes = [a.get("class", "") for _, a in page.tags]
    assert classes.count("lane") == 2
    assert any("conflict" in c.split() for c in classes)
    html = render_timeline(t)
    assert "Conflicts (1)" in html and "puts the ban a day before the statement" in html
    assert "samples/micron/2-tensions-easing.txt:10:1" in html


def test_other_formats_do_not_import_jinja2() -> None:
    """Start-up time of the other formats must not grow with the HTML one."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reconcile", "compare", "--format", "json", *SAMPLE_PATHS],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "json" in imported
    assert not {name for name in imported if name.split(".")[0] in ("jinja2", "markupsafe")}


def test_the_commands_write_the_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from reconcile.cli import app

    paths = [str(ROOT / p) for p in SAMPLE_PATHS]
    timeline = CliRunner().invoke(app, ["timeline", "--format", "html", *paths])
    assert timeline.exit_code == 1  # the samples' order conflict
    assert timeline.stdout.startswith("<!doctype html>") and "Conflicts (1)" in timeline.stdout
    out = tmp_path / "report.html"
    checked = CliRunner().invoke(
        app, ["check", paths[0], "--against", paths[1], "--format", "html", "--output", str(out)]
    )
    assert checked.exit_code == 1 and checked.stdout == ""
    assert "reconcile check of" in out.read_text(encoding="utf-8")
