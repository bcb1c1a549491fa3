"""Words of the publication date line at the top of an article."""

from __future__ import annotations

from reconcile.data.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

MONTH_NUMBERS: dict[str, int] = {**MONTHS, **MONTH_ABBREVIATIONS}
DAY_NAMES: tuple[str, ...] = (*WEEKDAYS, *WEEKDAY_ABBREVIATIONS)

LABELS: tuple[str, ...] = (
    "published", "first published", "originally published", "updated", "last updated", "posted",
    "first posted", "article posted", "story created", "created", "edited", "modified",
    "last modified", "published time", "edited time", "updated time", "date", "dated", "released",
    "on", "at", "@", "time", "hrs", "hours",
)  # fmt: skip
"""Words around the date and time ("Published: November 3, 2023", "21 July 2013 Last
updated at 11:11 GMT", "Story Created: Aug 7, 2012 at 9:56 AM AKDT")."""

DAY_FIRST_SEPARATORS: frozenset[str] = frozenset({"."})
"""Numeric dates with these between their parts put the day first ("08.07.2012",
as most of Europe writes it); with slashes or hyphens the month comes first (US:
"12/16/08") unless the first number is over 12."""

MAX_CHARS: int = 160
"""Longer lines are sentences, not date lines."""

PLACE_WORDS: int = 3
"""At most this many words in capitals (a place, an agency: "WASHINGTON, DC, April
28, 2009") may stand in a date line."""
