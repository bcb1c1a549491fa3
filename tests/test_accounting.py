"""Every sentence is accounted for: each sentence of a source on trial is cited
by a finding (a contradiction, an agreement, or as unsupported) or listed as no
claim with why. None vanishes: a claim whose partner is its negation used to
drop out of the report altogether."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import Kind, Report, Settings, Text, check, compare
from reconcile.api import SourceLike, load
from reconcile.facts.claims import analyse

ROOT = Path(__file__).parents[1]
CASES = ROOT.parent / "shared" / "cases"
SAMPLES = sorted(str(p) for p in (ROOT / "samples" / "micron").glob("*.txt"))


def unaccounted(report: Report, sources: list[SourceLike], draft: bool) -> list[str]:
    """The sentences of the sources on trial no finding cites and no entry sets aside."""
    cited = {(e.source, e.start) for f in report.findings for e in f.evidence}
    cited |= {(e.source, e.start) for e in report.not_claims}
    missing = []
    for i, source in enumerate(sources[:1] if draft else sources):
        doc = load(source, Settings())
        missing += [s.text for s in analyse(doc, i, Settings()).sentences if (i, s.start) not in cited]
    return missing


def test_every_sentence_of_the_samples_is_accounted_for() -> None:
    assert unaccounted(compare(SAMPLES), list(SAMPLES), draft=False) == []


@pytest.mark.skipif(not CASES.exists(), reason="../shared/cases is not beside the repository")
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.glob("case-*")) if CASES.exists() else [])
def test_every_sentence_of_a_case_is_accounted_for(case: str) -> None:
    folder = CASES / case
    files = sorted(str(p) for p in folder.iterdir() if p.name != "gold.json")
    draft = str(folder / "draft.md")
    if draft in files:
        files = [draft] + [p for p in files if p != draft]
        report = check(draft, files[1:])
    else:
        report = compare(files)
    assert unaccounted(report, list(files), draft=draft in files) == []


SENTENCES = [
    "The senator voted against the bill.",
    "The senator voted for the bill.",
    "The city council approved the budget on Monday.",
    "The city council did not approve the budget on Monday.",
    "Police arrested four protesters.",
    "Police arrested six protesters outside the embassy.",
    "Thanks.",
    "Is this the end?",
    "Shares in Norvane climbed 2.4 percent in early trading.",
    "Norvane's shares slipped 2.4% in the opening hour of trading.",
]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4), min_size=2, max_size=3))
def test_no_sentence_vanishes(sources: list[list[str]]) -> None:
    texts: list[SourceLike] = [Text(f"s{i}.txt", "\n\n".join(lines) + "\n") for i, lines in enumerate(sources)]
    report = compare(texts)
    assert unaccounted(report, texts, draft=False) == []
    # and it ends in one place: a sentence called unsupported is in no agreement or contradiction
    alone = {(e.source, e.start) for f in report.of(Kind.UNSUPPORTED) if f.type == "claim" for e in f.evidence}
    placed = {(e.source, e.start) for f in report.findings if f.kind is not Kind.UNSUPPORTED for e in f.evidence}
    assert not alone & placed
