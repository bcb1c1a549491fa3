"""Sources that reprint each other's sentences word for word (wire copy) are read
and judged once per distinct text, and every copy is reported where it stands."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reconcile import api
from reconcile.align import align
from reconcile.api import Text
from reconcile.facts.claims import Reader, analyse
from reconcile.judge.compare import Judge
from reconcile.model import Kind
from reconcile.read.files import read_text
from reconcile.settings import Settings

SETTINGS = Settings()
WIRE = "Micron said on Wednesday that exports rose 5% to 200 tonnes, not 150, in Beijing."


def test_a_reprinted_sentence_has_its_own_offsets_and_the_same_facts() -> None:
    docs = [
        read_text(WIRE, "a.txt", SETTINGS),
        read_text("A first sentence of the story stands here.\n\n" + WIRE, "b.txt", SETTINGS),
    ]
    read = Reader(SETTINGS)
    shared = [analyse(d, i, SETTINGS, read).claims[-1] for i, d in enumerate(docs)]
    alone = [analyse(d, i, SETTINGS).claims[-1] for i, d in enumerate(docs)]
    assert shared == alone
    second = shared[1]
    assert second.sentence.start > 0
    assert [docs[1].text[e.start : e.end] for e in second.facts.entities] == ["Micron", "Beijing"]
    assert [docs[1].text[q.start : q.end] for q in second.facts.quantities] == ["5%", "200 tonnes", "150"]


def test_the_same_words_in_articles_of_different_dates_are_read_against_each_date() -> None:
    docs = [
        read_text(f"Published: November {day}, 2023\n\n{WIRE}", f"{day}.txt", SETTINGS) for day in (3, 10)
    ]
    assert [d.published for d in docs] == [date(2023, 11, 3), date(2023, 11, 10)]
    read = Reader(SETTINGS)
    days = [analyse(d, i, SETTINGS, read).claims[-1].facts.dates[0].value.earliest for i, d in enumerate(docs)]
    assert days == [date(2023, 11, 1), date(2023, 11, 8)]


def test_a_reprinted_conflict_is_one_disagreement_with_each_copy_in_its_place() -> None:
    other = "Micron said on Wednesday that exports rose 7% to 200 tonnes, not 150, in Beijing."
    sources = [
        Text("wire.txt", WIRE),
        Text("paper.txt", "The paper opened with its own words on the matter.\n\n" + WIRE),
        Text("rival.txt", other),
    ]
    report = api.compare(sources)
    (found,) = [f for f in report.findings if f.kind is Kind.CONTRADICTION]
    assert found.reason == "5% (wire.txt, paper.txt) vs 7% (rival.txt)"
    assert [(side.value, side.sources) for side in found.sides] == [("5%", (0, 1)), ("7%", (2,))]
    for side in found.sides:
        for e in side.evidence:  # each copy highlighted at its own place in its own file
            assert [e.sentence[h[0] - e.start : h[1] - e.start] for h in e.highlights] == [side.value]


def test_one_sentence_read_two_ways_is_judged_as_two_readings() -> None:
    """A title line is read with the names its article's body gives, so the same
    words may hold other facts in another article: the judge works out what two
    sentences say to each other once per pair of readings, not of words."""
    docs = [read_text(WIRE, f"{name}.txt", SETTINGS) for name in "abc"]
    claims = {(i, 0): analyse(d, i, SETTINGS).claims[0] for i, d in enumerate(docs)}
    first = claims[(2, 0)].facts.entities[0]
    claims[(2, 0)] = replace(claims[(2, 0)], facts=replace(claims[(2, 0)].facts, entities=(
        replace(first, kind=first.kind.PERSON), *claims[(2, 0)].facts.entities[1:])))
    judge = Judge(docs, claims, align([[c] for c in claims.values()], SETTINGS), SETTINGS)
    assert judge.content[(0, 0)] == judge.content[(1, 0)] != judge.content[(2, 0)]
