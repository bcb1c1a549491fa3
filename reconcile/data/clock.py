"""Clock words: a.m. and p.m., named times, parts of the day, qualifiers, time zones."""

from __future__ import annotations

MERIDIEM: dict[str, int] = {"a.m.": 0, "a.m": 0, "am": 0, "a": 0, "p.m.": 12, "p.m": 12, "pm": 12, "p": 12}
"""After a clock time: hours to add to 1-12 (12 a.m. is midnight, 12 p.m. noon)."""
IN_THE: dict[str, int] = {"in the morning": 0, "in the afternoon": 12, "in the evening": 12, "at night": 12}
"""After an hour, instead of a.m./p.m.: "4 in the morning"."""

NAMED_TIMES: dict[str, int] = {"noon": 720, "midday": 720, "mid-day": 720, "midnight": 1440}
"""Minutes after the start of the day. Midnight is the end of the day it is told
with ("midnight Friday"), except after "after"/"past", where it opens the day."""

PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "morning": (0, 720),
    "afternoon": (720, 1080),
    "evening": (1020, 1440),
    "night": (1080, 1800),
}
"""Minutes from the start of the day a part covers, taken wide: a night runs to
6 a.m. the next day ("Tuesday night" holds 3 a.m. Wednesday)."""
PART_PREFIXES: tuple[str, ...] = ("early", "late", "mid-")
"""Words before a part of the day ("early Friday morning", "mid-afternoon"): kept
in the span, not used to narrow it."""
DAY_PARTS: dict[str, tuple[int, str]] = {
    "this morning": (0, "morning"), "this afternoon": (0, "afternoon"), "this evening": (0, "evening"),
    "tonight": (0, "night"), "last night": (-1, "night"), "last evening": (-1, "evening"),
}
"""Phrases naming a part of a day relative to the reference: (days from it, part)."""

QUALIFIERS: dict[str, tuple[int | None, int | None]] = {
    "just before": (-30, 0), "shortly before": (-60, 0), "just after": (0, 30), "just past": (0, 30),
    "shortly after": (0, 60), "soon after": (0, 60),
    "about": (-30, 30), "around": (-30, 30), "approximately": (-30, 30), "roughly": (-30, 30),
    "some time around": (-30, 30), "nearly": (-30, 0), "almost": (-30, 0),
    "before": (None, 0), "by": (None, 0), "until": (None, 0), "till": (None, 0), "no later than": (None, 0),
    "after": (0, None), "past": (0, None), "since": (0, None), "from": (0, None), "no earlier than": (0, None),
}
"""Minutes before and after the stated time a qualifier allows; None runs to the
start or end of the day."""

TIME_PREPOSITIONS: frozenset[str] = frozenset({"at", "by", "until", "from", "to", "since", "around", "about"})
"""Before "21:00" or "4 in the morning", these make it a time of day, not a ratio or a count."""

LOCAL: tuple[str, ...] = ("local time", "local")
"""The zone of the place the story happens: unknown, and the usual frame of an
unqualified time."""
ZONES: dict[str, tuple[int, int]] = {
    "UTC": (0, 0), "GMT": (0, 0), "Z": (0, 0), "UK": (0, 60), "BST": (60, 60), "WET": (0, 0), "WEST": (60, 60),
    "CET": (60, 60), "CEST": (120, 120), "EET": (120, 120), "EEST": (180, 180), "MSK": (180, 180),
    "IST": (60, 330), "PKT": (300, 300), "ICT": (420, 420), "WIB": (420, 420), "HKT": (480, 480),
    "SGT": (480, 480), "AWST": (480, 480), "JST": (540, 540), "KST": (540, 540), "ACST": (570, 570),
    "AEST": (600, 600), "AEDT": (660, 660), "NZST": (720, 720), "NZDT": (780, 780),
    "AST": (-240, -240), "ADT": (-180, -180), "NST": (-210, -210),
    "ET": (-300, -240), "EST": (-300, -300), "EDT": (-240, -240),
    "CT": (-360, -300), "CST": (-360, 480), "CDT": (-300, -300),
    "MT": (-420, -360), "MST": (-420, -420), "MDT": (-360, -360),
    "PT": (-480, -420), "PST": (-480, -480), "PDT": (-420, -420),
    "AKST": (-540, -540), "AKDT": (-480, -480), "HST": (-600, -600),
}
"""Abbreviations news pages print, with the minutes east of UTC each allows, as a
range: "ET" is -5 or -4 hours by the season; "IST" is Irish, Israeli or Indian
time and "CST" US Central or China's, so their ranges span all of them (two
times compared through an ambiguous zone conflict only if no reading fits)."""
ZONE_NAMES: dict[str, tuple[int, int]] = {
    "eastern": (-300, -240), "central": (-360, -300), "mountain": (-420, -360), "pacific": (-480, -420),
    "greenwich": (0, 0), "universal": (0, 0),
}
"""Written-out zones, before "time" ("Eastern time")."""
NOT_ZONE_WORDS: frozenset[str] = frozenset({"this", "that", "the", "last", "next", "same", "first", "any", "each"})
"""Capitalised words before "time" that name no zone ("at 9 p.m. This time..."); a
weekday or month name ("Saturday time") is none either."""
