"""What a reader sees of each source's sentence: only its own facts highlighted,
and a web page's text without markup in every format meant for people."""

from __future__ import annotations

import json

import pytest
from reports import cited

from reconcile import api
from reconcile.api import Text
from reconcile.model import Kind
from reconcile.render import render

PAGE = (
    "<html><body><p>The ministry said on Nov.&nbsp;1 that exports rose&nbsp;5% to "
    "&quot;record&quot; levels at Micron&#8217;s plants in <em>Beijing</em>.</p></body></html>"
)
PLAIN = "The ministry said on Nov. 1 that exports fell 5% to \"record\" levels at Micron’s plants in Beijing.\n"
READABLE = 'The ministry said on Nov. 1 that exports rose 5% to "record" levels at Micron’s plants in Beijing.'


@pytest.mark.parametrize(
    ("a", "b", "cues"),
    [
        # the cue of one source lies, by offset, inside the other's sentence
        ("Officials said exports rose 5% in May.", "Exports fell 5% in May, officials said.", ("rose", "fell")),
        ("Officials said 200 workers were hired in May.", "About 300 workers were hired in May, officials said.",
         ("200", "About 300")),
        ("Officials said the plant opened on May 3.", "The plant opened on May 9, officials said.",
         ("May 3", "May 9")),
    ],
)
def test_each_source_highlights_only_its_own_facts(a: str, b: str, cues: tuple[str, str]) -> None:
    report = api.compare([Text("a.txt", a), Text("b.txt", b)])
    contradiction = next(f for f in report.findings if f.kind is Kind.CONTRADICTION)
    for evidence, cue in zip(contradiction.evidence, cues):
        marked = [evidence.sentence[s - evidence.start : e - evidence.start] for s, e in evidence.highlights]
        assert marked == [cue]


def _report():  # type: ignore[no-untyped-def]
    # the page second: the GitHub annotation sits on the first source and quotes the others
    return api.compare([Text("wire.txt", PLAIN), Text("page.html", PAGE)])


def _messages(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["message"]["text"]] if isinstance(node.get("message"), dict) else []
        return found + [m for value in node.values() for m in _messages(value)]
    return [m for value in node for m in _messages(value)] if isinstance(node, list) else []


@pytest.mark.parametrize("fmt", ["text", "markdown", "github", "junit", "sarif"])
def test_formats_for_people_show_a_web_page_as_read(fmt: str) -> None:
    out = render(_report(), fmt)
    if fmt == "sarif":  # the snippet is the file's own text, as SARIF means it; messages are for people
        out = "\n".join(_messages(json.loads(out)))
    out = " ".join(out.replace("**", "").replace("%25", "%").replace("&quot;", '"').split())
    assert "&nbsp;" not in out and "&#8217;" not in out and "<em>" not in out
    assert READABLE in out


def test_json_keeps_the_sentence_exactly_as_in_the_file() -> None:
    data = json.loads(render(_report(), "json"))
    page = next(e for f in data["findings"] for e in cited(data, f) if e["source"] == 1)
    assert "&nbsp;" in page["text"] and "&#8217;" in page["text"]
    assert PAGE[page["span"][0] : page["span"][1]] == page["text"]
