"""Calendar words: month, weekday, season and period names, relative phrases."""

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
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
"""Abbreviations count only in front of a date ("Wed., Nov. 1", "Tue, Nov 7, 2023"):
"Sun" alone is a name."""
WEEKDAY_SHORT: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
"""Seasons and the month each starts (meteorological, northern hemisphere): the
winter of 2023 runs from December 2023 into February 2024."""
SEASON_CODES: dict[int, str] = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
"""TimeML's names of the seasons, by first month (``describe`` writes "2023-SU")."""

PERIODS: dict[str, int] = {"quarter": 3, "half": 6}
"""Parts of a year and their length in months: "the third quarter", "the first half"."""
PERIOD_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
"""Which quarter or half ("the last half of 1989" is the final one: see ``FINAL``)."""
FINAL: frozenset[str] = frozenset({"last", "final"})
"""Before a quarter or half of a stated year, these name its final one."""
LATEST_PERIOD: tuple[str, ...] = (
    "the quarter", "the latest quarter", "the most recent quarter", "the latest period", "the recent quarter",
)
"""A quarter named without its number: in a report, the one just ended (the last
complete quarter before the publication date)."""
YEAR_AGO_BEFORE: tuple[str, ...] = (
    "year-ago", "year-earlier", "prior-year", "year-before", "last year's", "the previous year's",
)
YEAR_AGO_AFTER: tuple[str, ...] = (
    "a year ago", "a year earlier", "last year", "of last year", "the year before", "a year before",
)
SAME_PERIOD: tuple[str, ...] = ("comparable", "corresponding", "same", "like")
YEAR_AGO_NOUNS: tuple[str, ...] = ("quarter", "period")
"""Around a quarter ("the year-ago quarter", "the corresponding period last year"):
the same quarter a year before the one a report is about."""
GAME_WORDS: tuple[str, ...] = (
    "scored", "scores", "score", "points", "goal", "goals", "game", "games", "match", "touchdown",
    "touchdowns", "halftime", "half-time", "inning", "innings", "quarterback", "overtime", "kickoff",
    "basket", "baskets", "whistle", "period of play", "timeout", "possession",
)
"""In a sentence with these, "the third quarter" or "the second half" is a part of a
game, not of a year."""
SEASON_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "during", "over", "through", "throughout", "since", "until", "till", "by", "before", "after", "into"}
)
"""Before a season (and "the"), these make it a time: "in the fall", not "a fall in prices"."""
DECADE_WORDS: tuple[str, ...] = ("early", "mid", "late")
"""Before "the 1990s": they narrow nothing that a decade value keeps."""

DATE_PREPOSITIONS: frozenset[str] = frozenset(
    {
        "in", "on", "during", "since", "by", "until", "till", "from", "to", "through",
        "before", "after", "of", "early", "late", "mid", "last", "next", "this",
        "throughout", "between", "into", "for", "and", "both", "due",
    }
)
"""Words that make a bare year or "May" a date ("in 2023", "since May")."""
COUNTED_NOUNS: tuple[str, ...] = ("people", "men", "women", "children", "feet", "percent", "million", "billion")
"""After a bare four-digit number, these (or a plural in "-s") make it a count:
"2000 employees", "1500 people"."""
YEAR_CERTAIN: frozenset[str] = frozenset({"fiscal", "calendar", "year"})
"""Before a bare year, these make it a year even before a plural ("fiscal 1989 sales")."""

YEAR_ARTICLES: frozenset[str] = frozenset({"a", "an"})
"""Before a bare year, an article makes it a date too: "a 1997 outbreak" (a count
after "a" would be singular; "the 2000 employees" stays a count)."""
YEAR_DETERMINERS: frozenset[str] = frozenset({"the", "its", "his", "her", "their", "our", "that", "this"})
"""Before a bare year followed by a singular noun, these make it a date ("the 1996
Olympic bombing", "its 1990 invasion"); before a plural it stays a count ("the
2000 employees")."""

MONTH_PREPOSITIONS: frozenset[str] = frozenset(
    {
        "in", "during", "since", "by", "until", "till", "before", "after", "through",
        "throughout", "early", "late", "mid", "last", "next", "this",
    }
)
"""Words that make a month name before a capitalised word a month ("In June Wang
met", but "to June Carter")."""

RELATIVE: dict[str, tuple[str, int, str]] = {
    # phrase: (calendar unit, shift in units, part: "all", "before" or "after" the reference)
    "yesterday": ("day", -1, "all"),
    "today": ("day", 0, "all"),
    "earlier today": ("day", 0, "before"),
    "later today": ("day", 0, "after"),
    "tomorrow": ("day", 1, "all"),
    "last week": ("week", -1, "all"),
    "this week": ("week", 0, "all"),
    "earlier this week": ("week", 0, "before"),
    "later this week": ("week", 0, "after"),
    "next week": ("week", 1, "all"),
    "last weekend": ("weekend", -1, "all"),
    "this weekend": ("weekend", 0, "all"),
    "next weekend": ("weekend", 1, "all"),
    "last month": ("month", -1, "all"),
    "this month": ("month", 0, "all"),
    "earlier this month": ("month", 0, "before"),
    "later this month": ("month", 0, "after"),
    "next month": ("month", 1, "all"),
    "last quarter": ("quarter", -1, "all"),
    "the previous quarter": ("quarter", -1, "all"),
    "this quarter": ("quarter", 0, "all"),
    "the current quarter": ("quarter", 0, "all"),
    "next quarter": ("quarter", 1, "all"),
    "last year": ("year", -1, "all"),
    "the past year": ("year", -1, "all"),
    "this year": ("year", 0, "all"),
    "the current year": ("year", 0, "all"),
    "earlier this year": ("year", 0, "before"),
    "later this year": ("year", 0, "after"),
    "next year": ("year", 1, "all"),
}
"""Phrases resolved against the reference date; "before" ends at the reference,
"after" starts the day after it."""
WEEKEND: tuple[str, ...] = ("the weekend",)
"""A weekend named without "last" or "next": the nearest one the tense allows."""

PRESENT: tuple[str, ...] = (
    "now", "right now", "just now", "for now", "currently", "current", "at present", "presently",
    "at the moment", "these days", "nowadays",
)
"""The time of writing, with no bounds stated: never a conflict with a date."""
VAGUE_PAST: tuple[str, ...] = (
    "recently", "recent", "lately", "in the past", "the past",
)
"""Some time before the reference, no earlier bound ("a recent thaw")."""
VAGUE_FUTURE: tuple[str, ...] = (
    "soon", "in the future", "the future", "in future", "the near future", "the coming months",
    "the coming years", "the months ahead", "the years ahead",
)
"""Some time after the reference, no later bound."""
NOT_VAGUE: tuple[str, ...] = ("as soon as", "soon after", "soon before", "soon afterwards")
"""Where those words are a conjunction or relate two events, not a time."""

AGO_UNITS: dict[str, str] = {
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year",
}
"""Units of "two days ago", "a week ago"."""
ANCHORED_UNITS: dict[str, str] = {
    "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year",
}
"""Units of "a year earlier", read from the date before it in the sentence ("net
rose in the third quarter from a year earlier"): days and weeks after or before
an event are the timeline's."""

STRICT_MODIFIERS: dict[str, bool] = {"last": False, "next": True, "this past": False, "this coming": True}
"""Modifiers before a weekday, month or season: the reading (future?) they force,
excluding the reference's own day or month ("last Friday" said on a Friday is a week ago)."""
