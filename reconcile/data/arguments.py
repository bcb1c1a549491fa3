"""Where what a word applies to stops: the clause words and marks that bound the
neighbourhood `reconcile.facts.arguments` reads as a word's subject and object.

Lower case, apostrophes as ASCII "'".
"""

from __future__ import annotations

from reconcile.data.calendar import MONTHS, WEEKDAYS
from reconcile.data.speech import REPORTING_VERBS

CLAUSE_WORDS: frozenset[str] = frozenset(
    """
    and but or nor that which who whom whose what why how while whereas although though
    because after before when whenever where if whether unless until since compared versus vs
    """.split()
)
"""Words that open another clause: a word's subject or object does not reach past them
("shares tumbled after a sharp increase in profit": "profit" is not what fell; "could not
say why the fire started" names no object of "say")."""

RELATIVES: frozenset[str] = frozenset({"that", "which", "who"})
"""Opening a relative clause: the noun before it is the subject of the verb after the
clause ("the gusts that had driven the fire for days weakened": gusts weakened)."""

COMPLEMENT: frozenset[str] = frozenset({"that"})
"""Right after a word, opening what it applies to: "denied that its crowd control had
failed" is about crowd control."""

MARKS: frozenset[str] = frozenset(",;:()[]{}\"“”‘’'—–!?.")
"""Punctuation a subject or object does not reach past."""

NOT_ARGUMENTS: frozenset[str] = (
    REPORTING_VERBS
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(
        """
        also still just now then already even only again yet very percent pct percentage %
        today yesterday tomorrow tonight morning afternoon evening night overnight
        day days week weeks month months quarter quarters quarterly year years ago earlier later
        hundred thousand million billion trillion
        """.split()
    )
)
"""Words near a cue that say nothing of what it applies to: "said", "reported", a
figure's words and unit ("rose 2 percent", "$5 million") and the time ("pleaded guilty
on Thursday"), which the quantity and date comparisons read."""

OPEN_QUESTION: frozenset[str] = frozenset({"whether", "if", "compared", "versus", "vs"})
"""Opening an embedded question, a condition or a baseline: the words after it (as far
back as the previous punctuation) are not asserted ("it is unclear whether the détente
will last" says neither that it will nor that it will not; "lost $62 million, compared
with a profit a year earlier" states no profit now)."""

REACH: int = 3
"""How many content words on each side stand for what a word applies to: the head
noun is usually among the nearest three ("a sharp increase in quarterly profit")."""
