"""Event words: what names a happening, and what phrases place one happening
relative to another. Plain constants; one line adds a trigger or a phrase.

Reporting verbs ("said", "told", "stated") are deliberately no triggers: the
time that matters is that of what was said ("the regulator said operators
should stop buying" is dated by the ban, not by the saying).
"""

from __future__ import annotations

# -- triggers ----------------------------------------------------------------

KINDS: dict[str, tuple[str, str]] = {
    # lemma: (kind, the noun a derivation calls it by)
    "meet": ("meeting", "meeting"),
    "talks": ("meeting", "talks"),
    "summit": ("meeting", "summit"),
    "visit": ("meeting", "visit"),
    "statement": ("statement", "statement"),
    "announce": ("statement", "announcement"),
    "declare": ("statement", "declaration"),
    "ban": ("measure", "ban"),
    "prohibit": ("measure", "prohibition"),
    "review": ("measure", "review"),
    "investigate": ("measure", "investigation"),
    "sanction": ("measure", "sanctions"),
    "restrict": ("measure", "restrictions"),
    "penalty": ("measure", "penalties"),
    "curb": ("measure", "curbs"),
    "general": ("general", "event"),
}
"""Kinds group lemmas that may name one happening in two sources ("ban" and
"prohibited"; a regulator's security "review" and the ban it ends in are one
regulatory measure). Same kind is not enough to match: different words also
need a shared participant and compatible dates."""

NOUNS: dict[str, str] = {
    "meeting": "meet", "meetings": "meet", "talks": "talks", "summit": "summit", "visit": "visit",
    "statement": "statement", "statements": "statement", "announcement": "announce",
    "declaration": "declare", "ban": "ban", "bans": "ban", "prohibition": "prohibit",
    "review": "review", "reviews": "review", "investigation": "investigate", "probe": "investigate",
    "sanctions": "sanction", "restrictions": "restrict", "penalties": "penalty", "penalty": "penalty",
    "curbs": "curb",
}
"""Nouns naming an event, with their lemma: "the statement" refers back to one."""

VERBS: dict[str, str] = {
    "met": "meet", "meet": "meet", "meets": "meet", "visited": "visit",
    "announced": "announce", "announces": "announce", "declared": "declare",
    "banned": "ban", "banning": "ban", "stop buying": "ban", "stop purchasing": "ban",
    "stop using": "ban", "prohibited": "prohibit", "prohibits": "prohibit",
    "prohibiting": "prohibit", "sanctioned": "sanction", "restrict": "restrict",
    "restricted": "restrict", "restricting": "restrict",
}
"""Verbs and verb phrases naming an event, with their lemma; a verb never refers
back ("the firm announced" is a new announcement, whatever "the" is about)."""

GENERAL: tuple[str, ...] = (
    "move", "step", "decision", "development", "turn of events", "incident", "news",
    "action", "gesture",
)
"""Nouns that name no particular kind of event: with "the"/"this" they refer back
to the latest event of the article ("The move was seen as retaliation");
without, they stand for nothing datable."""

DEFINITE: tuple[str, ...] = ("the", "this", "that", "these", "those")
"""Determiners that make a noun refer back to an event already told."""
INDEFINITE: tuple[str, ...] = ("a", "an", "another")
"""Determiners that make a noun tell of a new event: "an announcement" after
"announced" is a second one (a "review" after a "ban" may still be part of it)."""

PRONOUNS: tuple[str, ...] = ("it", "this", "that")
"""Sentence-initial subjects that stand for the previous sentence's event when a
relation follows ("It coincided with a declaration by the G7")."""

NOT_EVENTS: tuple[str, ...] = (
    r"met\s+(?:\w+\s+){0,2}(?:standards?|requirements?|criteria|targets?|expectations?"
    r"|demands?|deadlines?|goals?|conditions?|needs|obligations?)\b",
    r"meeting\s+(?:\w+\s+){0,2}(?:standards?|requirements?|criteria|targets?|expectations?"
    r"|demands?|deadlines?|goals?|conditions?|needs|obligations?)\b",
    r"meet\s+(?:\w+\s+){0,2}(?:standards?|requirements?|criteria|targets?|expectations?"
    r"|demands?|deadlines?|goals?|conditions?|needs|obligations?)\b",
    r"under\s+review\b",
    r"meeting\s+(?:places?|points?|rooms?|halls?|grounds?|houses?|spots?)\b",
)
"""Trigger look-alikes ("had not met the required standards"): regular expressions;
a trigger inside a match is none."""

# -- relations ---------------------------------------------------------------

UNITS: dict[str, tuple[int, int]] = {
    "day": (1, 1), "days": (1, 1), "week": (7, 7), "weeks": (7, 7),
    "month": (28, 31), "months": (28, 31), "year": (365, 366), "years": (365, 366),
}
"""Days per unit of "two days after", as the interval a month or year admits."""

AFTER: tuple[str, ...] = (
    "after", "following", "follows", "followed", "follow", "in the wake of",
    "on the heels of", "comes after", "came after",
)
"""X <phrase> Y: X happened on or after the day of Y."""
BEFORE: tuple[str, ...] = (
    "before", "ahead of", "prior to", "preceded", "precedes", "precede", "was followed by",
    "were followed by", "is followed by",
)
"""X <phrase> Y: X happened on or before the day of Y."""
AFTER_PASSIVE: tuple[str, ...] = ("was preceded by", "were preceded by", "is preceded by")
"""X <phrase> Y: X after Y, in the passive ("the meeting was preceded by a ban")."""
SAME: tuple[str, ...] = (
    "coincided with", "coincides with", "coincide with", "came as", "comes as", "come as",
    "at the same time as", "during", "on the same day as",
)
"""X <phrase> Y: X on the day of Y."""

THEN: dict[str, int] = {
    "consequently": 1, "as a result": 1, "subsequently": 1, "afterwards": 1,
    "afterward": 1, "later": 1, "then": 1, "previously": -1, "earlier": -1,
}
"""Sentence openers placing the sentence's event after (1) or before (-1) the
previous sentence's last event."""

NEXT_DAY: dict[str, int] = {
    "the next day": 1, "the following day": 1, "the day after": 1, "the day before": -1,
    "the previous day": -1, "the same day": 0, "that day": 0, "the next week": 7,
}
"""Fixed offsets in days; followed by an event ("the day after the meeting") they
relate to it, alone to the previous sentence's last event."""

NOT_RELATIONS: tuple[str, ...] = (
    r"(?:named|look|looks|looked|looking)\s+after",
    r"(?:year|day|week|month|time|one)\s+after\s+(?:year|day|week|month|time|another)\b",
    r"after\s+all\b",
    r"the\s+following\b(?!\s+day)",
)
"""Look-alikes of relation words ("named after", "the following statement")."""

