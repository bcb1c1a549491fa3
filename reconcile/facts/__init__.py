"""Facts of a sentence: quantities, dates, names and polarity cues.

Each finder works on the sentence's slice of ``Document.plain`` and returns
document offsets. Where finders claim the same characters, dates win over
quantities ("Nov. 1" holds no quantity 1) and over names ("June" is no name).
"""

from __future__ import annotations

from collections.abc import Collection

from reconcile.facts.dates import find_dates
from reconcile.facts.entities import find_entities
from reconcile.facts.polarity import find_directions, find_negations
from reconcile.facts.quantities import find_quantities
from reconcile.model import Document, EntityKind, Facts, Sentence
from reconcile.settings import Settings


def extract(
    sentence: Sentence, doc: Document, settings: Settings, heading: Collection[tuple[str, EntityKind]] | None = None
) -> Facts:
    """Read the facts of one sentence, resolved against the article's date. For a
    title line, `heading` holds the names its article's body gives: a headline's
    capitalised words are names only where the body or the word lists say so."""
    text = doc.plain[sentence.start : sentence.end]
    at = sentence.start
    dates = tuple(find_dates(text, at, doc.published))
    taken = [(d.start, d.end) for d in dates]

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    return Facts(
        quantities=tuple(
            q
            for q in find_quantities(text, at, settings.approx_tolerance, [(s - at, e - at) for s, e in taken])
            if free(q.start, q.end)
        ),
        dates=dates,
        entities=tuple(e for e in find_entities(text, at, heading) if free(e.start, e.end)),
        negations=tuple(find_negations(text, at)),
        directions=tuple(find_directions(text, at)),
    )
