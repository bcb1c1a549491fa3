"""Negation cues and direction words, used to tell "approved" from "did not
approve" and "rose" from "fell".

Lower case, apostrophes as ASCII "'". Verbs are given in their base form and
inflected by the code (rise -> rises, rising, rose, risen); `IRREGULAR` and
`DOUBLED` say where the regular rules would be wrong. An entry starting with
"=" is one exact word, not inflected ("=up").
"""

from __future__ import annotations

NEGATORS: frozenset[str] = frozenset(
    "not never none nobody nothing nowhere neither nor without cannot".split()
)
"""Words that negate by themselves. "no" and the "n't" contractions are handled in code."""

NEGATING_VERBS: dict[str, str] = {
    **{f: "to" for f in "fail fails failed failing".split()},
    **{f: "to" for f in "refuse refuses refused refusing".split()},
    **{f: "to" for f in "decline declines declined declining".split()},
    **{f: "" for f in "deny denies denied denying".split()},
    **{f: "" for f in "lack lacks lacked lacking".split()},
}
"""Verbs that negate what follows, with the word they need next ("failed to" negates;
"declined 5%" does not). "" means no word is needed."""

NOT_NEGATION_AFTER: dict[str, frozenset[str]] = {
    "not": frozenset("only least to".split()),  # "not only", "not least", "not to mention"
    "no": frozenset("doubt matter less more fewer sooner wonder".split()),
    "nothing": frozenset({"but"}),  # "nothing but" means "only"
    "without": frozenset({"doubt", "a doubt"}),
}
"""Idioms where a negator does not negate: the word (or two) right after it."""

NOT_NEGATION_BEFORE: dict[str, frozenset[str]] = {
    "not": frozenset({"or", "if"}),  # "whether or not", "many, if not most"
}
"""Idioms where a negator does not negate: the word right before it."""

OPEN_QUESTION: frozenset[str] = frozenset({"whether", "if"})
"""Opening an embedded question or a condition: the words after it in the clause
are not asserted ("it is unclear whether the détente will last" says neither that
it will nor that it will not)."""

CONTRASTIVE_NOT: frozenset[str] = frozenset("just merely simply".split())
"""After "not", these make "not just X but Y": no negation when a "but" follows."""

AUXILIARIES: frozenset[str] = frozenset(
    """
    do does did is are was were am be been being has have had will would shall should
    can could may might must
    """.split()
)
"""Taken into a negation's span on its left: the highlight reads "did not approve"."""

SKIPPED_IN_SCOPE: frozenset[str] = frozenset(
    "be been being have yet even always fully entirely completely immediately really".split()
)
"""Words a negation's span steps over to reach the word it negates ("has not yet met")."""

OUT_OF_SCOPE: frozenset[str] = frozenset("of the a an to from for in on at with by and or but".split())
"""Function words a negation's span stops before: "None of", "denied the report" highlight
"None", "denied"."""

FRAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "change": (
        ("rise", "increase", "grow", "gain", "climb", "jump", "surge", "soar", "rally",
         "=up", "=higher"),
        ("fall", "drop", "decline", "decrease", "slide", "slump", "plunge", "sink", "tumble",
         "lose", "cut", "=down", "=lower", "=loss", "=losses"),
    ),
    "approval": (
        ("approve", "accept", "pass", "=backed", "endorse", "ratify"),
        ("reject", "refuse", "veto", "block", "vote down", "turn down", "oppose"),
    ),
    "permission": (
        ("allow", "permit", "lift ban", "end ban", "authorize", "authorise", "=licensed"),
        ("ban", "prohibit", "=barred", "=barring", "forbid", "outlaw", "restrict"),
    ),
    "activity": (
        ("continue", "resume", "restart", "keep buying"),
        ("stop", "halt", "cease", "suspend", "pause", "quit"),
    ),
    "outcome": (
        ("win",),
        ("lose",),
    ),
    "expansion": (
        ("expand", "broaden", "deepen", "widen", "extend", "scale up", "step up",
         "increase presence"),
        ("reduce", "shrink", "withdraw", "scale back", "scale down", "pull out", "cut back",
         "exit"),
    ),
    "confirmation": (
        ("confirm", "acknowledge", "admit", "affirm"),
        ("deny", "dispute", "refute"),
    ),
    "openness": (
        ("welcome", "=open", "embrace", "invite"),
        ("shut", "shun", "expel", "=closed", "=closing", "=closes", "close down", "close off"),
    ),
    "fortune": (
        ("thrive", "flourish", "prosper", "=successful", "=booming", "=prosperous"),
        ("struggle", "=troubled", "=ailing", "=beleaguered", "=embattled", "=faltering", "=distressed"),
    ),
    "verdict": (
        ("convict", "=guilty"),
        ("acquit", "=innocent"),
    ),
    "retention": (
        ("keep", "retain"),
        ("remove", "delete", "erase", "uninstall"),
    ),
    "condition": (
        ("improve", "ease", "thaw", "warm", "strengthen", "recover"),
        ("worsen", "deteriorate", "sour", "weaken", "escalate"),
    ),
}
"""frame -> (upward words, downward words): the two ends of one scale, so that
two aligned clauses with words of opposite ends disagree. A word may sit in two frames ("lose" is a
change and an outcome); each gives its own cue. Longer phrases win over their first word
("lift ban", which also reads "lifted its ban", is permission +1, not "ban")."""

NUMERIC_ONLY: frozenset[str] = frozenset("up down higher lower".split())
"""Direction words only when a number follows ("up 3%", "down by 2 points"), not in
"warm up to" or "set up"."""

PHRASAL_HOSTS: frozenset[str] = frozenset(
    """
    make makes made making take takes took taken taking set sets setting sum sums summed
    add adds added adding break breaks broke broken breaking
    """.split()
)
"""Verbs that make "up"/"down" a particle, not a direction: "make up 42 percent"."""

NUMBER_LEADS: frozenset[str] = frozenset("by about nearly some almost around roughly over".split())
"""Words allowed between a NUMERIC_ONLY word and its number."""

PHRASE_GAP: frozenset[str] = frozenset("the a an its their his her our this that".split())
"""One of these may sit before each later word of a phrase: "lifted its ban",
"increase their presence"."""

IRREGULAR: dict[str, tuple[str, ...]] = {
    "rise": ("rose", "risen"),
    "grow": ("grew", "grown"),
    "fall": ("fell", "fallen"),
    "slide": ("slid",),
    "sink": ("sank", "sunk"),
    "lose": ("lost",),
    "win": ("won",),
    "forbid": ("forbade", "forbidden"),
    "shrink": ("shrank", "shrunk"),
    "withdraw": ("withdrew", "withdrawn"),
    "cut": ("cut",),
    "shut": ("shut",),
    "quit": ("quit",),
    "keep": ("kept",),
}
"""Past forms that replace the regular "-ed"."""

DOUBLED: frozenset[str] = frozenset("ban drop stop slip win cut shut forbid quit step acquit".split())
"""Verbs that double their last consonant: banned, barring, stopped."""
