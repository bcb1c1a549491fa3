"""One fixture per contradiction type, and per look-alike that is not one.

Each case is two (or three) short sources; the expected outcome is what an
editor would conclude reading them side by side.
"""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Kind, Settings, Text, compare

CONTRADICTIONS = [
    (
        "number",
        "Micron's China business accounts for about 15% of its annual revenues.",
        "Micron's China business accounts for 20% of its annual revenues.",
    ),
    (
        "number",
        "The company will invest 4.3 billion yuan in its Xi'an chip packaging plant.",
        "The company will invest 6 billion yuan in its Xi'an chip packaging plant.",
    ),
    (
        "date",
        "The commerce minister met Micron's chief executive in Beijing on Nov. 1.",
        "The commerce minister met Micron's chief executive in Beijing on November 2.",
    ),
    (
        "weekday",
        "The commerce minister met Micron's chief executive in Beijing on Wednesday.",
        "The commerce minister met Micron's chief executive in Beijing on Thursday.",
    ),
    (
        "entity",
        "Commerce Minister Wang Wentao met Micron chief executive Sanjay Mehrotra in Beijing.",
        "Premier Li Qiang met Micron chief executive Sanjay Mehrotra in Beijing.",
    ),
    (
        "entity",
        "The commerce minister met Micron's chief executive Sanjay Mehrotra in Beijing.",
        "The commerce minister met Micron's chief executive Sanjay Mehrotra in Shanghai.",
    ),
    (
        "negation",
        "The city council approved the new stadium budget after a long debate.",
        "The city council did not approve the new stadium budget after a long debate.",
    ),
    (
        "negation",
        "Shares of local chipmaking firms rose sharply after the ministry's comments.",
        "Shares of local chipmaking firms fell sharply after the ministry's comments.",
    ),
]

LOOK_ALIKES = [
    (
        "rounding",
        "Micron's China business accounts for 14.8% of its annual revenues.",
        "Micron's China business accounts for nearly 15% of its annual revenues.",
    ),
    (
        "conversion stated in both",
        "The company will invest 4.3 billion yuan (US$587.6 million) in its Xi'an plant.",
        "The company will invest US$587.6 million (4.3 billion yuan) in its Xi'an plant.",
    ),
    (
        "more than / over",
        "More than 200 workers were evacuated from the chip plant on Monday.",
        "Over 200 workers were evacuated from the chip plant on Monday.",
    ),
    (
        "number in words",
        "Three senior executives resigned from the company's board this week.",
        "3 senior executives resigned from the company's board this week.",
    ),
    (
        "name variants",
        "Commerce Minister Wang Wentao welcomed Micron's expansion in the Chinese market.",
        "Minister Wang welcomed Micron's expansion in the Chinese market.",
    ),
    (
        "date formats",
        "The commerce minister met Micron's chief executive in Beijing on Nov. 1.",
        "The commerce minister met Micron's chief executive in Beijing on November 1.",
    ),
    (
        "a detail one source adds",
        "The commerce minister met Micron's chief executive in Beijing.",
        "The commerce minister met Micron's chief executive in Beijing on Friday.",
    ),
    (
        "same polarity in other words",
        "Operators of crucial infrastructure should stop buying products from Micron.",
        "Operators of crucial infrastructure were prohibited from purchasing products from Micron.",
    ),
]


def _report(*texts: str, reference: date | None = None):
    sources = [Text(f"{chr(97 + i)}.txt", t) for i, t in enumerate(texts)]
    return compare(sources, Settings(reference_date=reference))


@pytest.mark.parametrize("kind, a, b", CONTRADICTIONS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CONTRADICTIONS)])
def test_contradiction_is_found_and_typed(kind: str, a: str, b: str) -> None:
    report = _report(a, b)
    found = report.of(Kind.CONTRADICTION)
    assert [f.type for f in found] == [kind], report.findings
    finding = found[0]
    assert {e.path for e in finding.evidence} == {"a.txt", "b.txt"}
    assert all(e.line == 1 and e.column == 1 for e in finding.evidence)
    assert finding.reason and "\n" not in finding.reason
    assert all(e.highlights for e in finding.evidence)


@pytest.mark.parametrize("name, a, b", LOOK_ALIKES, ids=[c[0] for c in LOOK_ALIKES])
def test_look_alike_is_an_agreement_not_a_contradiction(name: str, a: str, b: str) -> None:
    report = _report(a, b)
    assert report.of(Kind.CONTRADICTION) == ()
    assert len(report.of(Kind.AGREEMENT)) == 1


def test_consistent_weekday_agrees_with_the_date() -> None:
    report = _report(
        "The commerce minister met Micron's chief executive in Beijing on Nov. 1.",
        "The commerce minister met Micron's chief executive in Beijing on November 1.",
        "The commerce minister met Micron's chief executive in Beijing on Wednesday.",
        reference=date(2023, 11, 3),
    )
    assert report.of(Kind.CONTRADICTION) == ()
    (agreement,) = report.of(Kind.AGREEMENT)
    assert [e.path for e in agreement.evidence] == ["a.txt", "b.txt", "c.txt"]


def test_a_detail_only_one_source_gives_is_reported_as_unsupported() -> None:
    report = _report(
        "The commerce minister met Micron's chief executive in Beijing.",
        "The commerce minister met Micron's chief executive in Beijing on Friday.",
    )
    details = [f for f in report.of(Kind.UNSUPPORTED) if f.type == "detail"]
    assert [f.evidence[0].detail for f in details] == ["Friday"] or [
        f.evidence[0].detail for f in details
    ] == ["on Friday"]
    assert details[0].evidence[0].path == "b.txt"


def test_a_claim_no_other_source_makes_is_unsupported() -> None:
    report = _report(
        "The commerce minister met Micron's chief executive in Beijing on Nov. 1.",
        "The commerce minister met Micron's chief executive in Beijing on November 1. "
        "Shares in local chipmakers rose by 2% and 5% on Monday.",
    )
    claims = [f for f in report.of(Kind.UNSUPPORTED) if f.type == "claim"]
    assert [f.evidence[0].sentence for f in claims] == ["Shares in local chipmakers rose by 2% and 5% on Monday."]
    assert claims[0].evidence[0].line == 1 and claims[0].evidence[0].column > 1
