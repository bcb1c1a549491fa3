"""`check` with word knowledge: a noun standing where the source has a different
noun of no related sense is a detail only the draft gives; two words of opposite
sense in matched clauses are a contradiction. Paraphrases must pass."""

from __future__ import annotations

import pytest

from reconcile import Kind, Text, check

SOURCE = (
    "An Australian man has pleaded guilty to manslaughter over the death of an American "
    "who fell from a Sydney clifftop in 1988.\n\n"
    "The recall covers 19 pickups with a specific electrical connection issue that could "
    "cause a loss of propulsion while driving.\n\n"
    "Activists poured yellow and blue paint on the road in front of the embassy.\n"
)


def _findings(draft: str) -> tuple[list[str], list[str]]:
    report = check(Text("draft.txt", draft), [Text("source.txt", SOURCE)])
    details = [f.evidence[0].detail for f in report.of(Kind.UNSUPPORTED) if f.type == "detail"]
    return details, [f.reason for f in report.of(Kind.CONTRADICTION)]


@pytest.mark.parametrize("draft, word", [
    ("The recall covers 19 pickups with a specific electrical connection issue that could "
     "cause a loss of fuel while driving.", "fuel"),
    ("Activists poured yellow and green paint on the road in front of the embassy.", "green"),
])
def test_substituted_noun_is_a_detail(draft: str, word: str) -> None:
    details, contradictions = _findings(draft)
    assert word in details
    assert not contradictions


@pytest.mark.parametrize("draft", [
    # a synonym or a narrower term is a paraphrase
    "Activists poured yellow and blue paint on the street in front of the embassy.",
    "Activists poured yellow and blue paint on the roadway in front of the embassy.",
    # a part of the source's compound
    "An Australian man has pleaded guilty to manslaughter over the death of an American "
    "who fell from a Sydney cliff in 1988.",
    # another inflection of the source's word
    "An Australian man has pled guilty to manslaughter over the death of an American "
    "who fell from a Sydney clifftop in 1988.",
])
def test_paraphrase_is_no_substitution(draft: str) -> None:
    details, contradictions = _findings(draft)
    assert details == [] and contradictions == []


def test_substitution_in_a_loose_match_is_not_reported() -> None:
    # Most of the sentence differs: "fuel" is not one word standing for another.
    details, _ = _findings("Regulators said a loss of fuel could follow electrical faults in many models.")
    assert "fuel" not in details


@pytest.mark.parametrize("draft, words", [
    ("The recall covers 19 pickups with a generic electrical connection issue that could "
     "cause a loss of propulsion while driving.", ("generic", "specific")),
])
def test_opposite_words_contradict(draft: str, words: tuple[str, str]) -> None:
    _, contradictions = _findings(draft)
    assert any(words[0] in r and words[1] in r for r in contradictions)


@pytest.mark.parametrize("draft", [
    # the negation is the polarity rules' to judge, not a second finding
    "The recall covers 19 pickups with an electrical connection issue that is not generic and "
    "could cause a loss of propulsion while driving.",
    # the same word on both sides
    "The recall covers 19 pickups with a specific electrical connection issue that could "
    "cause a loss of propulsion while driving.",
])
def test_no_opposite_words(draft: str) -> None:
    _, contradictions = _findings(draft)
    assert not any("opposite words" in r for r in contradictions)
