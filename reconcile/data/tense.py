"""Tense words: what makes a clause tell of something to come or something past."""

from __future__ import annotations

FUTURE_CUES: tuple[str, ...] = (
    "will", "won't", "won’t", "scheduled", "later this", "upcoming", "is expected to",
    "are expected to", "is set to", "are set to", "set for", "plans to", "plan to", "planned for",
    "slated", "due to be", "to be held", "is to", "are to", "would", "is due", "are due",
    "is planned", "are planned", "expects to", "expect to", "intends to", "hopes to",
    "is going to", "are going to", "as soon as", "as early as", "expect", "expects",
    "planned", "planning", "set to", "payable", "effective", "expire", "expires", "extended to",
    "extended until", "postponed", "delayed until", "deferred", "adjourned until", "supposed to",
    "agreed to",
)
"""Wording near a date that makes it read as the next such day, not the last."""
FUTURE_SUFFIXES: tuple[str, ...] = ("'ll", "’ll")
"""Ends of words that tell the future too ("they'll meet on Monday")."""

PAST_CUES: tuple[str, ...] = (
    "was", "were", "had", "did", "didn't", "wasn't", "weren't", "hadn't", "has been", "have been",
    "met", "came", "went", "took", "made", "gave", "got", "held", "began", "fell",
    "rose", "struck", "won", "lost", "left", "found", "brought", "bought", "sold", "paid", "sent",
    "spent", "built", "caught", "fought", "thought", "taught", "led", "fled", "fed", "flew", "drew",
    "grew", "knew", "threw", "shot", "wrote", "spoke", "broke", "chose", "froze", "stole", "woke",
    "drove", "rode", "rang", "sang", "sank", "swam", "ran", "saw", "ate", "became", "felt", "kept",
    "slept", "swept", "wept", "meant", "heard", "stood", "understood", "sat", "died",
)
"""Irregular past forms and past auxiliaries; a regular past ("announced") is a
word ending in "-ed" not listed in ``NOT_PAST``."""
NOT_PAST: frozenset[str] = frozenset(
    {
        "hundred", "indeed", "need", "speed", "seed", "feed", "breed", "greed", "bleed", "proceed",
        "exceed", "succeed", "embed", "red", "bed", "shed", "wed", "sacred", "naked", "wicked",
        "rugged", "kindred", "beloved", "aged", "united", "limited", "based", "related", "armed",
        "advanced", "detailed", "concerned", "interested", "supposed", "used", "proposed",
        "scheduled", "expected", "planned", "slated", "alleged", "unidentified", "undisclosed",
        "unnamed", "unexpected", "unprecedented", "talented", "experienced", "skilled", "qualified",
        "registered", "licensed", "listed", "named", "called", "titled", "entitled",
    }
)
"""Words ending in "-ed" that are no past tense: nouns, adjectives, and participles
that qualify a noun ("the proposed plan", "a man named Smith")."""

CLAUSE_OPENERS: tuple[str, ...] = (
    "that", "which", "who", "whom", "whose", "because", "while", "although", "though", "when",
    "whereas", "if", "unless",
)
"""Words starting another clause: a "will" after them is not about a date before
them ("and", "as", "after" join phrases as often as clauses)."""
PASSIVE_AUXILIARIES: frozenset[str] = frozenset({"was", "were", "been", "be", "is", "are"})
"""Before a reporting verb, these make it passive ("was reported at 2:40 p.m."): no
new clause, the date is the report's."""
DETERMINERS: tuple[str, ...] = (
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
    "be", "to be", "being", "been",
)
"""Before a word in "-ed", these make it an adjective or a passive participle, not
a past tense ("the reduced dividend", "must be returned by Jan. 14")."""
