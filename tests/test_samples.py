"""End to end on samples/micron: what a fact-checker must see in the report."""

from __future__ import annotations

import pytest
from conftest import ROOT, SAMPLE_PATHS

from reconcile import Kind, Report
from reconcile.model import Finding

FIRST, SECOND = SAMPLE_PATHS


@pytest.fixture
def report(sample_report: Report) -> Report:
    return sample_report


def _aligned(report: Report, first: str, second: str, kinds=(Kind.AGREEMENT,)) -> Finding:
    """The finding whose evidence holds a sentence of each source starting so."""
    for finding in report.findings:
        if finding.kind not in kinds:
            continue
        starts = {(e.path, e.sentence[: len(p)]) for e in finding.evidence for p in (first, second)}
        if (FIRST, first) in starts and (SECOND, second) in starts:
            return finding
    raise AssertionError(f"not aligned: {first!r} ~ {second!r}")


AGREEMENTS = [
    ("In a meeting on Nov. 1, Commerce Minister Wang Wentao", "The pivotal meeting took place on November 1"),
    ("The move was widely seen as a retaliation", "This move was widely perceived as a retaliatory"),
    ("It also came as leaders of the G7", "It coincided with a declaration by the Group of Seven"),
    ("It also came as leaders of the G7", "Additionally, Washington had been urging its allies"),
    ("The move is also in line with a recent thaw", "Officials from both nations have been working"),
    ("This is a further thaw in relations", "This gesture signifies a growing sense of cooperation"),
]


@pytest.mark.parametrize("first, second", AGREEMENTS)
def test_claims_both_sources_make_are_agreements(report: Report, first: str, second: str) -> None:
    _aligned(report, first, second)


def test_the_nov_1_meeting_agrees_on_its_date(report: Report) -> None:
    finding = _aligned(report, AGREEMENTS[0][0], AGREEMENTS[0][1])
    assert {e.line for e in finding.evidence if e.path == FIRST} == {1}
    assert not [
        f
        for f in report.of(Kind.CONTRADICTION)
        if f.type in ("date", "weekday") and any("Nov. 1" in e.sentence for e in f.evidence)
    ]


def test_each_agreement_is_one_claim(report: Report) -> None:
    # The retaliation and the G7 call follow each other in both articles and are
    # loosely linked; each is its own agreement. The G7 call keeps both sentences
    # the second article tells it in.
    retaliation = _aligned(report, AGREEMENTS[1][0], AGREEMENTS[1][1])
    g7 = _aligned(report, AGREEMENTS[2][0], AGREEMENTS[2][1])
    assert retaliation is not g7
    assert len(retaliation.evidence) == 2
    assert _aligned(report, AGREEMENTS[3][0], AGREEMENTS[3][1]) is g7


def test_the_purchase_ban_is_aligned_in_both(report: Report) -> None:
    _aligned(
        report,
        "The statement came a day after China’s cyberspace regulator",
        "Consequently, Chinese operators of vital infrastructure were prohibited",
        kinds=(Kind.AGREEMENT, Kind.CONTRADICTION),
    )


def _unsupported_texts(report: Report, path: str) -> list[str]:
    return [
        e.detail or e.sentence
        for f in report.of(Kind.UNSUPPORTED)
        for e in f.evidence
        if e.path == path
    ]


@pytest.mark.parametrize(
    "path, fragment",
    [
        (FIRST, "about 15% of its revenues"),
        (FIRST, "4.3 billion yuan"),
        (FIRST, "rose by 2% and 5% on Monday"),
        (FIRST, "ByteDance and TikTok"),
        (SECOND, "provided it adheres to Chinese laws and regulations"),
        (SECOND, "website on Friday"),
    ],
)
def test_what_only_one_source_says_is_unsupported(report: Report, path: str, fragment: str) -> None:
    texts = _unsupported_texts(report, path)
    assert any(fragment in t for t in texts), texts


def test_page_debris_is_never_a_claim(report: Report) -> None:
    sentences = [e.sentence for f in report.findings for e in f.evidence]
    assert not [s for s in sentences if "Advertisement" in s or "With inputs from agencies" in s]


def test_the_repeated_headline_counts_once(report: Report) -> None:
    headline = "US-China tensions easing? Chinese commerce minister welcomes Micron"
    lines = {e.line for f in report.findings for e in f.evidence if e.sentence.startswith(headline)}
    assert lines <= {1}


def test_every_finding_points_at_the_exact_text(report: Report) -> None:
    texts = {p: (ROOT / p).read_text(encoding="utf-8") for p in (FIRST, SECOND)}
    for finding in report.findings:
        for e in finding.evidence:
            text = texts[e.path]
            assert text[e.start : e.end] == e.sentence
            lines = text.split("\n")
            assert lines[e.line - 1][e.column - 1 :].startswith(e.sentence.split("\n")[0])
