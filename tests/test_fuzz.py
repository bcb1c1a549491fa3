"""Property and fuzz tests: hostile text never crashes the pipeline, every span
slices the file exactly, and no stage (regular expressions included) takes time
growing faster than the text.

Runs in CI in well under a minute with the default ``ci`` profile (fixed
examples, ``derandomize``). A longer search, new examples each run:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py -q

(see docs/limits.md for what it tried and found).
"""

from __future__ import annotations

import html as stdlib_html
import json
import os
import re
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reconcile import facts
from reconcile.api import reconcile_documents
from reconcile.facts.claims import analyse
from reconcile.model import Document, Sentence
from reconcile.read import html
from reconcile.read.files import read_text
from reconcile.render import FORMATS, render
from reconcile.settings import Settings
from reconcile.text.clauses import clauses
from reconcile.text.sentences import split
from reconcile.timeline.triggers import find_triggers

settings.register_profile(
    "ci", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile(
    "long", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
SCALE = 40 if PROFILE == "long" else 1  # the long run tries this many times more examples


def fuzz(examples: int) -> settings:
    return settings(settings.get_profile(PROFILE), max_examples=examples * SCALE)


SETTINGS = Settings()

# -- what hostile text is made of

WORDS = (
    "Wang Wentao", "Sanjay Mehrotra", "Micron", "China's", "Micron’s", "commerce minister", "met", "said",
    "on", "Nov. 1", "Wednesday", "November 1, 2023", "15%", "about 11%", "$4.3 billion", "4.3 billion yuan",
    "US$587.6 million", "rose", "fell", "did not", "never", "after", "before", "the meeting", "Mr.", "U.S.",
    "Inc.", "e.g.", "1.", "2)", "•", "...", "?!", "—", "“quoted”", "(Reuters) -", "BEIJING,",
)  # fmt: skip
HOSTILE = (
    "\u200f", "\u202e", "\u202c", "\u2067", "مرحبا", "שלום", "\u0301", "\u0338", "e\u0301", "👩🏽‍💻", "🇨🇳",
    "📈", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00", "\x07", "\x1b", "\r", "\r\n", "\x0b",
    "\x0c", "\x85", "\u2028", "\u2029", "\u00a0", "\u3000", "\ufffd", "\ue000", "１２", "²", "٣", "½", "Ⅻ",
    "\U0001d7d9", "ǅ", "İ", "ß", "ﬁ",
)  # fmt: skip
MARKUP = (
    "<", ">", "&", ";", "#", "*", "_", "[", "]", "(", ")", "`", "~", "!", "-", "|", "\\", "\n", "\n\n", "  ",
    "\t", "<p>", "</p>", "<br>", "<!--", "-->", "&amp;", "&#8217;", "&rsquo;", "&#0;", "&#x110000;",
    "<script>", "</script>", "<article>", "<nav>", '<a href="', "```", "~~~", "# ", "> ", "- ", "---",
    "](", "![", "**", "__",
)  # fmt: skip

token = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.sampled_from(MARKUP), st.sampled_from((" ", ". ", "\n")),
    st.text(max_size=4),
)
texts = st.lists(token, max_size=80).map(" ".join) | st.lists(token, max_size=80).map("".join)
suffixes = st.sampled_from(("a.txt", "a.md", "a.html", "a"))


# -- spans slice the text exactly


def _check_sentences(doc: Document) -> None:
    assert len(doc.plain) == len(doc.text)
    analysis = analyse(doc, 0, SETTINGS)
    last = 0
    for s in analysis.sentences:
        assert last <= s.start < s.end <= len(doc.text)
        assert s.text == " ".join(doc.plain[s.start : s.end].split()) != ""
        last = s.end
    for claim in analysis.claims:
        for clause in claim.clauses:
            assert claim.sentence.start <= clause.start < clause.end <= claim.sentence.end


def _check_facts(doc: Document) -> None:
    for claim in analyse(doc, 0, SETTINGS).claims:
        s, found = claim.sentence, claim.facts
        for fact in (*found.quantities, *found.dates, *found.entities, *found.negations, *found.directions):
            assert s.start <= fact.start < fact.end <= s.end, fact


@fuzz(300)
@given(texts, suffixes)
@example("Wang met Mehrotra\x00 on Nov. 1.\r\nShares rose 5%.\u2028Done.", "a.txt")
@example("<p>Micron&#8217;s chief &amp; Wang met on Nov.&nbsp;1.</p><p>Shares rose 5&#0;%", "a.html")
@example("```\n" * 3 + "[a](b(c)) **bold** `code` ~~~", "a.md")
@example("commerce minister \n [  ", "a.txt")  # found by the long run: an opening bracket alone on a line
def test_any_text_reads_into_exact_spans(text: str, name: str) -> None:
    _check_sentences(read_text(text, name, SETTINGS))


@fuzz(150)
@given(texts)
def test_facts_stay_in_their_sentence(text: str) -> None:
    _check_facts(read_text(text, "a.txt", SETTINGS))


def test_negation_cue_stays_in_its_sentence() -> None:
    """Found by the long run (HYPOTHESIS_PROFILE=long): a cue at the very end of
    the text took a closing quote that was not there."""
    _check_facts(read_text("Wang Wentao Wang Wentao did not China's", "a.txt", SETTINGS))


@fuzz(100)
@given(st.lists(texts, min_size=2, max_size=3), suffixes)
@example(["Wang met Mehrotra on Nov. 1 in Beijing. 👩🏽‍💻", "مرحبا Wang met Mehrotra on Nov. 2 in Beijing."], "a.txt")
def test_every_finding_slices_its_source_exactly(bodies: list[str], name: str) -> None:
    shared = "The commerce minister met Micron's chief executive in Beijing on Nov. 1. "
    docs = [read_text(shared + body, f"{i}{name}", SETTINGS) for i, body in enumerate(bodies)]
    report = reconcile_documents(docs, SETTINGS)
    for finding in report.findings:
        for e in finding.evidence:
            doc = docs[e.source]
            assert doc.text[e.start : e.end] == e.sentence
            assert (e.line, e.column, e.end_line, e.end_column) == (*doc.locate(e.start), *doc.locate(e.end))
            assert all(e.start <= a < b <= e.end for a, b in e.highlights)
    outputs = {fmt: render(report, fmt) for fmt in FORMATS}  # every format copes with any text
    json.loads(outputs["json"])
    assert render(reconcile_documents(docs, SETTINGS), "json") == outputs["json"]  # same input, same bytes


_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")


@fuzz(300)
@given(st.lists(st.sampled_from(MARKUP) | token, max_size=120).map("".join))
@example('<p a="x>y" b=\'<\'>Kept</p><a href="never closed>Lost')
def test_html_view_invents_nothing(page: str) -> None:
    """Every character the view keeps is the page's own, or an entity's value
    standing in the entity's place."""
    plain = html.read(page).plain
    assert len(plain) == len(page)
    entities = [(m.start(), m.end(), stdlib_html.unescape(m.group(0))) for m in _ENTITY.finditer(page)]
    for i, c in enumerate(plain):
        if not c.isspace() and c != page[i]:
            assert any(a <= i < b and c in value for a, b, value in entities), (i, c)


# -- time grows linearly with the length of the text
#
# Two levels. A document is read, split and cut into clauses in time linear in its
# length (test_documents_take_linear_time). Within one sentence some finders look
# back over the sentence for each number or date, so a sentence may cost up to the
# square of its length, never more (test_sentences_take_at_most_quadratic_time);
# sentences are cut at Settings.max_sentence_chars, so documents stay linear.

UNCUT = Settings(max_sentence_chars=0, max_text_chars=0)


def _document_stage(name: str) -> Callable[[str], object]:
    def run(text: str) -> object:
        doc = read_text(text, name, UNCUT)
        return [clauses(s, doc) for s in split(doc, 0, SETTINGS.max_sentence_chars)]

    return run


def _sentence_stage(text: str) -> object:
    """Everything read from one sentence: clauses, facts, event words."""
    doc = read_text(text, "a.txt", UNCUT)
    sentence = Sentence(0, 0, 0, len(text), " ".join(doc.plain.split()))
    return clauses(sentence, doc), facts.extract(sentence, doc, SETTINGS), find_triggers(doc.plain)


DOCUMENT_STAGES = {name: _document_stage(name) for name in ("a.txt", "a.md", "a.html")}
ADVERSARIAL = (
    "`", "``a", "~~~~\n", "[", "](", "[a](b", "[a](b(", "![", "(", "*", "_a", "**a", "<", "<a ", '<a b="',
    "<!--", "&#", "&amp", "</p>", "<p>", ". ", "a.", "A. ", "...", ". . ", "1. ", "1.) ", "• ", "\n", "\n\n",
    " \n", "#", "# a\n", "> ", "- ", "---\n", "a, ", "Mr. ", "U.S. ", "15% ", "Nov. 1, ", "not ", "\u200b",
    "1[", "1%", "1-", "one ", "the ", "$1 ", "a1",
)  # fmt: skip
ALPHABET = "`~[]()!*_<>&#;.,:%$ \n-1aA•\u200b\""


def _seconds(stage: Callable[[str], object], text: str) -> float:
    """The best of three runs (one, if it takes so long that noise does not matter)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        stage(text)
        best = min(best, time.perf_counter() - start)
        if best > 0.5:
            break
    return best


def _growth(stage: Callable[[str], object], unit: str, size: int) -> float:
    """How much longer the stage takes on four times the text."""
    n = max(1, size // len(unit))
    return _seconds(stage, unit * (4 * n)) / max(_seconds(stage, unit * n), 1e-6)


def _assert_growth(stage: Callable[[str], object], unit: str, size: int, bound: float, what: str) -> None:
    """A ratio above the bound is measured again before it counts, so a busy
    machine (another process taking the core for a moment) does not fail the
    test; a stage that really grows faster fails both times."""
    ratio = _growth(stage, unit, size)
    if ratio > bound:
        ratio = _growth(stage, unit, size)
    assert ratio <= bound, f"{what}: {unit!r} repeated 4x as often took {ratio:.1f}x as long"


SLACK = 2.5  # timing noise on a shared machine, and fixed costs that make small inputs look slow
LINEAR = 4.0 * SLACK  # four times the text, four times the time: quadratic would be 16x
QUADRATIC = 16.0 * 1.5  # cubic would be 64x; measured: quadratic finders 4-9x, the cubic ones 40-60x


@fuzz(25)
@given(st.sampled_from(ADVERSARIAL) | st.text(st.sampled_from(ALPHABET), min_size=1, max_size=6),
       st.sampled_from(sorted(DOCUMENT_STAGES)))
@example("`", "a.md")
@example("[", "a.md")
@example("<a ", "a.html")
@example(". . ", "a.txt")
@example("<!--", "a.md")  # found by the long run: comments that never close
def test_documents_take_linear_time(unit: str, name: str) -> None:
    """Reading (Markdown, HTML, debris lines), sentences and clauses of a whole
    document: a hostile pattern repeated four times as often costs about four
    times as long."""
    _assert_growth(DOCUMENT_STAGES[name], unit, 3_000, LINEAR, name)


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_sentences_take_at_most_quadratic_time(unit: str) -> None:
    """Facts, clauses and event words of one long sentence (no cut)."""
    _assert_growth(_sentence_stage, unit, 150, QUADRATIC, "one sentence")
