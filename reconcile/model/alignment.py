"""Which claims of different sources state the same thing, as the aligner
hands them to the judge."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reconcile.model.facts import Key


@dataclass(frozen=True, slots=True)
class Link:
    """Two claims of different sources judged to state the same thing."""

    a: Key
    b: Key
    score: float  # rounded to 4 places, as reported
    anchored: bool = False  # found by a fact both state alike, not by its wording
    exact: float | None = None  # the score as worked out, when known: the judge reuses it


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    members: tuple[Key, ...]  # sorted
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Alignment:
    """What the aligner hands the judge: which claims state the same thing, and
    the rarity of the words they are scored with."""

    groups: tuple[ClaimGroup, ...]
    idf: Mapping[str, float]  # rarity of each content token over the run's sentences
