"""Event mentions: triggers, dates attached, relations, references, matching."""

from __future__ import annotations

import pytest

from reconcile import facts
from reconcile.model import Claim, Event, Mention, Reading
from reconcile.read.files import read_text
from reconcile.settings import Settings
from reconcile.text.clauses import clauses
from reconcile.text.sentences import split
from reconcile.timeline.events import read_events
from reconcile.timeline.matching import match
from reconcile.timeline.triggers import find_triggers

SETTINGS = Settings()


def read(text: str, source: int = 0) -> Reading:
    doc = read_text(text, f"s{source + 1}.txt", SETTINGS)
    claims = [
        Claim(s, clauses(s, doc), facts.extract(s, doc, SETTINGS))
        for s in split(doc, source)
    ]
    return read_events(doc, claims, source, SETTINGS)


def mention(r: Reading, word: str) -> Mention:
    return next(m for m in r.mentions if m.trigger.text.lower() == word.lower())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wang Wentao met Sanjay Mehrotra in Beijing.", [("met", "meet", False)]),
        ("The pivotal meeting took place in Beijing.", [("meeting", "meet", True)]),
        ("The ministry released a statement on its website.", [("statement", "statement", False)]),
        ("Operators should stop buying products from Micron.", [("stop buying", "ban", False)]),
        ("Chinese operators were prohibited from purchasing them.", [("prohibited", "prohibit", False)]),
        ("The regulator conducted a network security review.", [("review", "review", False)]),
        ("The move was widely seen as retaliation.", [("move", "general", True)]),
        ("The firm announced a plan to invest.", [("announced", "announce", False)]),
        ("U.S. authorities imposed new sanctions on several firms.", [("sanctions", "sanction", False)]),
    ],
)
def test_triggers_with_lemma_and_definiteness(text: str, expected: list[tuple[str, str, bool]]) -> None:
    found = [(t.text, t.lemma, t.definite) for t in find_triggers(text)]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "The review concluded that Micron had not met the required standards.",
        "A recent incident raised fears of a recession.",  # a general noun without "the"
        "The plan is under review by the board of directors.",
        "He fell from a cliff top that was known as a gay meeting place.",
    ],
)
def test_look_alikes_are_no_events(text: str) -> None:
    lemmas = [t.lemma for t in find_triggers(text)]
    assert "meet" not in lemmas and "general" not in lemmas and "review" not in lemmas[1:]
    if "under review" in text:
        assert "review" not in lemmas


def test_spans_are_document_offsets() -> None:
    text = "Intro sentence here for the reader.\n\nWang Wentao met Sanjay Mehrotra on Nov. 1."
    r = read(text)
    m = mention(r, "met")
    assert text[m.trigger.start : m.trigger.end] == "met"
    assert [text[a.start : a.end] for a in m.anchors] == ["Nov. 1"]


@pytest.mark.parametrize(
    "text, word, dated",
    [
        ("In a meeting on Nov. 1, Wang Wentao told Sanjay Mehrotra that China will open up.", "meeting", "Nov. 1"),
        ("In June, the Idaho-based firm announced a plan to invest in Xi'an.", "announced", "June"),
        ("The meeting held on Wednesday between Wang Wentao and Sanjay Mehrotra went well.", "meeting", "Wednesday"),
        (
            "Officials are organising a meeting between Joe Biden and Xi Jinping, scheduled later this "
            "month at the summit in San Francisco.",
            "meeting",
            "later this month",
        ),
    ],
)
def test_a_date_dates_the_event_it_belongs_to(text: str, word: str, dated: str) -> None:
    m = mention(read(text), word)
    assert [a.text for a in m.anchors] == [dated]


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "Shares in local firms rose by 2% on Monday, as the comments overshadowed the fact that "
            "the Cyberspace Administration of China had banned the use of Micron's chips.",
            "banned",
        ),
        ("Wang Wentao met Sanjay Mehrotra, who said that shares rose on Monday.", "met"),
    ],
)
def test_a_date_of_another_clause_dates_no_event(text: str, word: str) -> None:
    assert mention(read(text), word).anchors == ()


def _relations(text: str) -> list[tuple[str, str, int | None, int | None]]:
    r = read(text)
    return [
        (r.mentions[x.mention].trigger.text, r.mentions[x.other].trigger.text, x.low, x.high)
        for x in r.relations
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The statement came a day after China's regulator said operators should stop buying from Micron.",
            [("statement", "stop buying", 1, 1)],
        ),
        ("The statement came two days before the ban on Micron.", [("statement", "ban", -2, -2)]),
        ("The meeting between Wang and Mehrotra follows the ban on Micron.", [("meeting", "ban", 0, None)]),
        ("The meeting preceded the statement by the ministry.", [("meeting", "statement", None, 0)]),
        ("The meeting was preceded by the ban on Micron.", [("meeting", "ban", 0, None)]),
        (
            "After banning Micron from key projects, China's minister held a meeting with its chief.",
            [("meeting", "banning", 0, None)],
        ),
        ("The ban coincided with a declaration by the G7.", [("ban", "declaration", 0, 0)]),
        ("The statement came a week after the meeting in Beijing.", [("statement", "meeting", 7, 7)]),
    ],
)
def test_relations_between_events(text: str, expected: list) -> None:
    assert _relations(text) == expected


def test_relations_to_the_previous_sentence() -> None:
    text = (
        "The regulator conducted a security review of Micron. "
        "Consequently, operators were prohibited from buying its chips. "
        "The ministry issued a statement two days later."
    )
    assert _relations(text) == [("prohibited", "review", 0, None), ("statement", "prohibited", 2, 2)]


def test_a_pronoun_stands_for_the_previous_event() -> None:
    text = "The ban on Micron was seen as retaliation. It coincided with a declaration by the G7."
    r = read(text)
    it = mention(r, "It")
    assert it.refers_to == mention(r, "ban").index
    assert _relations(text) == [("It", "declaration", 0, 0)]


@pytest.mark.parametrize(
    "text, later, earlier",
    [
        (
            "The ministry published a statement on its website. The statement was brief.",
            ("statement", 1),
            ("statement", 0),
        ),
        (
            "Regulators told operators to stop buying from Micron. The move was seen as retaliation.",
            ("move", 0),
            ("stop buying", 0),
        ),
        (
            "Wang Wentao held a meeting with Sanjay Mehrotra. The pivotal meeting took place in Beijing.",
            ("meeting", 1),
            ("meeting", 0),
        ),
    ],
)
def test_a_definite_reference_resolves_within_the_article(text: str, later: tuple, earlier: tuple) -> None:
    r = read(text)
    pick = lambda word, n: [m for m in r.mentions if m.trigger.text.lower() == word][n]  # noqa: E731
    assert pick(*later).refers_to == pick(*earlier).index


def test_a_definite_reference_skips_events_of_other_people() -> None:
    text = (
        "Wang Wentao held a meeting with Sanjay Mehrotra. "
        "Officials plan a meeting between Joe Biden and Xi Jinping. "
        "The meeting between Wang Wentao and Mehrotra was cordial."
    )
    r = read(text)
    meetings = [m for m in r.mentions if m.trigger.lemma == "meet"]
    assert meetings[2].refers_to == meetings[0].index
    assert meetings[1].refers_to is None


def _events(*texts: str) -> list[Event]:
    return match([read(t, i) for i, t in enumerate(texts)], SETTINGS)


def _members(evs: list[Event], name: str) -> list[tuple[int, ...]]:
    return [e.sources for e in evs if e.name == name]


@pytest.mark.parametrize(
    "a, b, name",
    [
        (
            "Wang Wentao met Sanjay Mehrotra in Beijing on Nov. 1.",
            "The meeting between Wang Wentao and Sanjay Mehrotra took place on November 1.",
            "meeting",
        ),
        (
            "The statement came a day after the regulator's ban.",
            "A succinct statement was released on the commerce ministry's website on Friday.",
            "statement",
        ),
        (
            "The regulator said operators should stop buying products from Micron.",
            "After banning Micron from key infrastructure projects, the ministry changed tack.",
            "ban",
        ),
        (
            "Wang Wentao met Sanjay Mehrotra in Beijing on Nov. 1.",
            "Wang Wentao met Sanjay Mehrotra in Beijing on Nov. 2.",
            "meeting",
        ),
    ],
)
def test_the_same_event_is_matched_across_sources(a: str, b: str, name: str) -> None:
    assert (0, 1) in _members(_events(a, b), name)


@pytest.mark.parametrize(
    "a, b, name",
    [
        (
            "Wang Wentao met Sanjay Mehrotra in Beijing.",
            "Joe Biden met Xi Jinping in San Francisco.",
            "meeting",
        ),
        (
            "The firm announced a plan to invest in Xi'an in June.",
            "The statement was released on the ministry's website on Friday.",
            "statement",
        ),
    ],
)
def test_different_events_stay_apart(a: str, b: str, name: str) -> None:
    assert (0, 1) not in [e.sources for e in _events(a, b)]


def test_one_event_never_holds_two_happenings_of_one_article() -> None:
    evs = _events(
        "Wang Wentao met Sanjay Mehrotra on Nov. 1. Wang Wentao met Sanjay Mehrotra again on Nov. 20.",
        "Wang Wentao met Sanjay Mehrotra on Nov. 1.",
    )
    meetings = [e for e in evs if e.name == "meeting"]
    assert sorted(e.sources for e in meetings) == [(0,), (0, 1)]
    both = next(e for e in meetings if e.sources == (0, 1))
    assert min(both.members) == (0, 0)  # the Nov. 1 meeting, not the Nov. 20 one


@pytest.mark.parametrize(
    "text, word",
    [
        ("This was achieved today, after considerable effort by the ministry.", "This"),
        ("The move honours obligations under the Chicago Convention of 1944.", "move"),
    ],
)
def test_dates_that_belong_to_no_event_word(text: str, word: str) -> None:
    r = read("The ban on Micron was lifted in Beijing. " + text)
    found = [m for m in r.mentions if m.trigger.text == word]
    assert all(m.anchors == () for m in found)


def test_an_indefinite_noun_is_a_new_event_of_its_word() -> None:
    r = read(
        "On February 23, the authority announced that it will open its airspace to El Al. "
        "It also follows an announcement earlier this month that El Al would start a partnership."
    )
    first, second = [m for m in r.mentions if m.trigger.lemma == "announce"]
    assert second.refers_to is None and second.trigger.indefinite


def test_a_related_word_may_join_the_event_it_is_part_of() -> None:
    r = read(
        "After banning Micron from key projects, the minister changed tack. "
        "The move follows an incident where the regulator conducted a security review of Micron."
    )
    together = next(c for c in r.clusters() if mention(r, "banning").index in c)
    assert mention(r, "review").index in together
