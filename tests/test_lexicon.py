"""Word knowledge (reconcile.lexicon, from WordNet 3.0): what a paraphrase may
swap and what it may not."""

from __future__ import annotations

import pytest

from reconcile import lexicon


@pytest.mark.parametrize("word, expected", [
    ("squadrons", ("squadron",)),
    ("pled", ("plead",)),
    ("spilled", ("spill",)),
    ("thriving", ("thriving", "thrive")),
    ("qwertyuiop", ()),
])
def test_bases(word: str, expected: tuple[str, ...]) -> None:
    assert lexicon.bases(word) == expected


@pytest.mark.parametrize("word, expected", [
    ("squadrons", {"n"}),
    ("spilled", {"v"}),  # an -ed form is a verb, not the noun "spill"
    ("qwertyuiop", set()),
])
def test_kinds(word: str, expected: set[str]) -> None:
    assert lexicon.kinds(word) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("incursion", "invasion", True),  # synonyms
    ("street", "road", True),  # a narrower term
    ("pled", "pleaded", True),  # one verb
    ("hangout", "haunt", True),
    ("beach", "cliff", False),
    ("green", "blue", False),
    ("fuel", "propulsion", False),
    ("annexation", "invasion", False),
    ("commemoration", "anniversary", False),
])
def test_related(a: str, b: str, expected: bool) -> None:
    assert lexicon.related(a, b) is expected
    assert lexicon.related(b, a) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("generic", "specific", True),
    ("direct", "roundabout", True),
    ("acquitted", "convicted", True),
    ("closing", "opening", True),
    ("granting", "ban", False),  # only antonyms WordNet states, not through derivations
    ("mechanical", "electrical", False),
    ("invasion", "incursion", False),
])
def test_opposite(a: str, b: str, expected: bool) -> None:
    assert lexicon.opposite(a, b) is expected
