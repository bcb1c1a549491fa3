"""One finding per disagreement: a dispute is said once, with each value and
every source that states it, however many sentence pairs carry it."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from reconcile import Kind, Report, Settings, Text, check, compare
from reconcile.findings import verdicts

ROOT = Path(__file__).parents[1]
CASES = ROOT.parent / "shared" / "cases"
SAMPLES = sorted(str(p) for p in (ROOT / "samples" / "micron").glob("*.txt"))
DISPUTES = (Kind.CONTRADICTION, Kind.UPDATE, Kind.ATTRIBUTED)


def repeated(report: Report) -> list[tuple[str, frozenset[str]]]:
    """Slot and value pairs that more than one disagreement reports."""
    seen: Counter[tuple[str, frozenset[str]]] = Counter()
    for f in report.findings:
        if f.kind in DISPUTES and f.sides:
            values = [s.normalised for s in f.sides]
            seen.update((f.slot, frozenset((a, b))) for i, a in enumerate(values) for b in values[i + 1 :])
    return [key for key, n in seen.items() if n > 1]


def _case(case: str) -> Report:
    folder = CASES / case
    files = sorted(str(p) for p in folder.iterdir() if p.name != "gold.json")
    draft = str(folder / "draft.md")
    return check(draft, [p for p in files if p != draft]) if draft in files else compare(files)


def test_a_value_reprinted_by_many_is_one_side_with_all_its_sources() -> None:
    same = "The strike at the port of Antwerp has cost shippers 40 million euros, the port authority said."
    other = "The strike at the port of Antwerp has cost shippers 65 million euros, the port authority said."
    sources = [Text(f"s{i}.txt", same) for i in range(4)] + [Text("odd.txt", other)]
    (dispute,) = [f for f in compare(sources).findings if f.kind in DISPUTES]
    assert [(side.value, side.sources) for side in dispute.sides] == [
        ("40 million euros", (0, 1, 2, 3)), ("65 million euros", (4,))]
    assert dispute.reason == "40 million euros: 4 sources; 65 million euros: 1 source"
    assert "amount" in dispute.slot


def test_the_samples_say_each_disagreement_once() -> None:
    assert repeated(compare(SAMPLES)) == []


@pytest.mark.skipif(not CASES.exists(), reason="../shared/cases is not beside the repository")
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.glob("case-*")) if CASES.exists() else [])
def test_every_case_says_each_disagreement_once(case: str) -> None:
    assert repeated(_case(case)) == []


def test_a_story_of_a_hundred_sources_says_each_disagreement_once() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from stories import told_story

    told = told_story(7, 100, 40)
    report = compare([Text(f"{k:03d}.txt", text) for k, (text, _) in enumerate(told)])
    assert any(f.kind in DISPUTES for f in report.findings)
    assert repeated(report) == []


def test_check_gives_each_draft_claim_one_verdict() -> None:
    draft = Text("draft.md", "The strike has cost shippers 65 million euros, the port authority said.\n\n"
                             "Dockworkers will vote on the offer on Friday.\n\nWhy now?\n")
    source = Text("wire.txt", "The strike at the port of Antwerp has cost shippers 40 million euros, "
                              "the port authority said.\n")
    found = verdicts(check(draft, [source]))
    assert [(v.claim.line, v.verdict) for v in found] == [(1, "contradicted"), (3, "unsupported"),
                                                           (5, "not a claim")]


def test_the_slot_is_named_in_the_sentences_words_not_stems() -> None:
    a = "Commerce Minister Wang Wentao met Micron chief executive Sanjay Mehrotra in Beijing."
    b = "Premier Li Qiang met Micron chief executive Sanjay Mehrotra in Beijing."
    (dispute,) = compare([Text("a.txt", a), Text("b.txt", b)], Settings(min_confidence=0.2)).findings[:1]
    assert dispute.slot == "person named (met, chief, beijing)"


ECB19 = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "19_ecbplus"


@pytest.mark.skipif(not ECB19.is_dir(), reason="ECB+ is read from ../shared, never copied here")
def test_one_figure_told_with_and_without_its_noun_is_one_dispute() -> None:
    """Real coverage: ".38 caliber" against ".357 caliber" and ".357 revolver"."""
    found = [f for f in compare(sorted(str(p) for p in ECB19.glob("*.txt"))).findings if f.kind is Kind.CONTRADICTION
             and {"38", "357"} <= {side.value for side in f.sides}]
    assert len(found) == 1 and found[0].slot == "caliber"  # a caliber is measured, not counted


def test_a_measured_noun_names_its_slot_itself() -> None:
    a = "The 6.1-magnitude quake struck Qeshm island, home to 120,000 people, state media said."
    b = "The 5.9-magnitude quake struck Qeshm island, home to 120,000 people, state media said."
    (dispute,) = [f for f in compare([Text("a.txt", a), Text("b.txt", b)], Settings(min_confidence=0.2)).findings
                  if f.kind is Kind.CONTRADICTION]
    assert dispute.slot == "magnitude"
