"""Calendar words: month and weekday names, relative phrases, future cues."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
"""Abbreviations count only next to a day or year ("Nov. 1"), never alone."""
MONTHS_NEEDING_PREPOSITION: frozenset[str] = frozenset({"may"})
"""Month names that are also common words: alone they need "in", "since"... before them."""

MONTHS_SHORT: tuple[str, ...] = (
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
    "Nov.", "Dec.",
)
"""Month names as news style prints them (the timeline's derivations)."""

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
"""As date lines print them ("Tue, Nov 7, 2023")."""
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
"""Abbreviations count only in front of a date ("Wed., Nov. 1"): "Sun" alone is a name."""
WEEKDAY_SHORT: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

DATE_PREPOSITIONS: frozenset[str] = frozenset(
    {
        "in", "on", "during", "since", "by", "until", "till", "from", "to", "through",
        "before", "after", "of", "early", "late", "mid", "last", "next", "this",
        "throughout", "between",
    }
)
"""Words that make a bare year or "May" a date ("in 2023", "since May")."""

YEAR_ARTICLES: frozenset[str] = frozenset({"a", "an"})
"""Before a bare year, an article makes it a date too: "a 1997 outbreak" (a count
after "a" would be singular; "the 2000 employees" stays a count)."""

MONTH_PREPOSITIONS: frozenset[str] = frozenset(
    {
        "in", "during", "since", "by", "until", "till", "before", "after", "through",
        "throughout", "early", "late", "mid", "last", "next", "this",
    }
)
"""Words that make a month name before a capitalised word a month ("In June Wang
met", but "to June Carter")."""
CLAUSE_OPENERS: tuple[str, ...] = (
    "that", "which", "who", "because", "as", "while", "but", "and", "although", "after",
    "before", "when", "since",
)
"""Words starting another clause: a "will" after them is not about the date before them."""

RELATIVE: dict[str, tuple[str, int, str]] = {
    # phrase: (calendar unit, shift in units, part: "all", "before" or "after" the reference)
    "yesterday": ("day", -1, "all"),
    "last night": ("day", -1, "all"),
    "today": ("day", 0, "all"),
    "tonight": ("day", 0, "all"),
    "this morning": ("day", 0, "all"),
    "this afternoon": ("day", 0, "all"),
    "this evening": ("day", 0, "all"),
    "earlier today": ("day", 0, "before"),
    "later today": ("day", 0, "after"),
    "tomorrow": ("day", 1, "all"),
    "last week": ("week", -1, "all"),
    "this week": ("week", 0, "all"),
    "earlier this week": ("week", 0, "before"),
    "later this week": ("week", 0, "after"),
    "next week": ("week", 1, "all"),
    "last month": ("month", -1, "all"),
    "this month": ("month", 0, "all"),
    "earlier this month": ("month", 0, "before"),
    "later this month": ("month", 0, "after"),
    "next month": ("month", 1, "all"),
    "last year": ("year", -1, "all"),
    "this year": ("year", 0, "all"),
    "earlier this year": ("year", 0, "before"),
    "later this year": ("year", 0, "after"),
    "next year": ("year", 1, "all"),
}
"""Phrases resolved against the reference date; "before" ends at the reference,
"after" starts the day after it."""
VAGUE_PAST: tuple[str, ...] = ("recently", "recent")
"""Some time before the reference, no earlier bound ("a recent thaw")."""
AGO_UNITS: dict[str, str] = {
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year",
}
"""Units of "two days ago", "a week ago"."""

FUTURE_CUES: tuple[str, ...] = (
    "will", "won't", "'ll", "next", "scheduled", "later this", "upcoming", "is expected to",
    "are expected to", "is set to", "are set to", "plans to", "plan to", "planned for",
    "slated", "due to be", "to be held", "is to", "are to",
)
"""Wording near a date that makes it read as the next such day, not the last."""
STRICT_MODIFIERS: dict[str, bool] = {"last": False, "next": True, "this past": False, "this coming": True}
"""Modifiers before a weekday or month: the reading (future?) they force, excluding the
reference's own day or month ("last Friday" said on a Friday is a week ago)."""
