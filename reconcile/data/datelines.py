"""Words of the publication date line at the top of an article."""

from __future__ import annotations

from reconcile.data.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

MONTH_NUMBERS: dict[str, int] = {**MONTHS, **MONTH_ABBREVIATIONS}
DAY_NAMES: tuple[str, ...] = (*WEEKDAYS, *WEEKDAY_ABBREVIATIONS)

PREFIXES: tuple[str, ...] = (
    "published", "first published", "updated", "last updated", "posted", "date",
    "published on", "updated on", "posted on",
)  # fmt: skip
"""Labels before the date ("Published: November 3, 2023")."""
