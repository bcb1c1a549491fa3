"""Negation cues and direction words, used to tell "approved" from "did not
approve" and "rose" from "fell".

Lower case, apostrophes as ASCII "'". Verbs are given in their base form and
inflected by the code (rise -> rises, rising, rose, risen); `IRREGULAR` and
`DOUBLED` say where the regular rules would be wrong. An entry starting with
"=" is matched as written, not inflected ("=up", "=in force").
"""

from __future__ import annotations

from dataclasses import dataclass

NEGATORS: frozenset[str] = frozenset(
    "not never none nobody no-one noone nothing nowhere neither nor without cannot".split()
)
"""Words that negate by themselves. "no" and the "n't" contractions are handled in code."""

NOUN_NEGATORS: frozenset[str] = frozenset({"no", "without"})
"""Negating the noun after them ("no tsunami warning"): the noun is the thing, so the
other clause asserting it is enough. Other negations negate a verb ("did not compete",
"none were hit"), and what the verb applies to must match too."""

SUBJECT_NEGATORS: frozenset[str] = frozenset({"neither", "nor"})
"""Negating the predicate after a subject ("Neither Micron nor Samsung commented"): the
span ends at the subject, so its last word says nothing of what is negated."""

NEGATING_VERBS: dict[str, str] = {
    **{f: "to" for f in "fail fails failed failing".split()},
    **{f: "to" for f in "refuse refuses refused refusing".split()},
    **{f: "to" for f in "decline declines declined declining".split()},
    **{f: "to" for f in "yet".split()},
    **{f: "" for f in "lack lacks lacked lacking".split()},
}
"""Verbs that negate what follows, with the word they need next ("failed to" negates;
"declined 5%" does not; "has yet to" is "has not"). "" means no word is needed. With
that word next they are no direction words: "failed to pass" is no failed vote.
"deny" is not here: "denied arson" reports a denial, it does not say there was no
arson; it is a direction word (FRAMES: confirmation, decision)."""

NOT_NEGATION_AFTER: dict[str, frozenset[str]] = {
    "not": frozenset("only least to".split()),  # "not only", "not least", "not to mention"
    "no": frozenset("doubt matter less more fewer sooner wonder".split()),
    "nothing": frozenset({"but"}),  # "nothing but" means "only"
    "without": frozenset({"doubt", "a doubt", "incident"}),  # "arrested without incident"
}
"""Idioms where a negator does not negate: the word (or two) right after it."""

NOT_NEGATION_BEFORE: dict[str, frozenset[str]] = {
    "not": frozenset({"or", "if"}),  # "whether or not", "many, if not most"
}
"""Idioms where a negator does not negate: the word right before it."""

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
    """
    be been being have has had is are was were am yet even always fully entirely completely
    immediately really other further single
    """.split()
)
"""Words a negation's span steps over to reach the word it negates ("has not yet met",
"no one was injured", "no other form")."""

OUT_OF_SCOPE: frozenset[str] = frozenset("of the a an to from for in on at with by and or but".split())
"""Function words a negation's span stops before: "None of", "denied the report" highlight
"None", "denied"."""

PRESENCE_VERBS: frozenset[str] = frozenset(
    "have carry include contain bear feature require need mandate".split()
)
"""Verbs that put a thing in or on something (a label, a plan, a bill): negated, each
says the thing is absent, so "did not require a boxed warning" disagrees with "will
carry a boxed warning" though the verbs differ. Only when both name the same object."""


@dataclass(frozen=True)
class Frame:
    """What a pair of opposite words is about, and the pairs: the two ends of one scale."""

    about: str
    pairs: tuple[tuple[str, str], ...]  # (upward or positive end, downward or negative end)


FRAMES: dict[str, Frame] = {
    "change": Frame("a value goes up or down: shares, profit, sales, attendance, prices", (
        ("rise", "fall"),
        ("increase", "decrease"),
        ("increase", "decline"),
        ("climb", "slip"),
        ("gain", "lose"),
        ("grow", "shrink"),
        ("jump", "drop"),
        ("surge", "slump"),
        ("soar", "plunge"),
        ("rally", "tumble"),
        ("rebound", "dip"),
        ("raise", "lower"),
        ("boost", "cut"),
        ("=gain", "=loss"),
        ("=gains", "=losses"),
        ("=up", "=down"),
        ("=higher", "=lower"),
        ("rise", "slide"),
        ("rise", "sink"),
    )),
    "result": Frame("what a business or a budget ends with", (
        ("=profit", "=loss"),
        ("=profits", "=losses"),
        ("=profitable", "=unprofitable"),
        ("=surplus", "=deficit"),
    )),
    "decision": Frame("a body decides on a proposal, a request or a permit", (
        ("approve", "reject"),
        ("accept", "reject"),
        ("approve", "deny"),
        ("=backed", "turn down"),
        ("endorse", "veto"),
        ("ratify", "block"),
        ("grant", "deny"),
        ("uphold", "overturn"),
    )),
    "vote": Frame("a vote, and whether the measure carries", (
        ("vote for", "vote against"),
        ("vote for", "vote down"),
        ("pass", "fail"),
        ("=in favor", "=opposed"),
        ("=in favour", "=opposed"),
        ("=in favor", "oppose"),
        ("=in favour", "oppose"),
    )),
    "agreement": Frame("a party agrees or refuses", (
        ("agree", "refuse"),
        ("accept", "decline"),
        ("accept", "refuse"),
    )),
    "confirmation": Frame("a claim is confirmed or denied", (
        ("confirm", "deny"),
        ("acknowledge", "deny"),
        ("admit", "deny"),
        ("affirm", "refute"),
        ("confirm", "dispute"),
    )),
    "verdict": Frame("a court's finding", (
        ("convict", "acquit"),
        ("=guilty", "=innocent"),
    )),
    "outcome": Frame("a contest ends", (
        ("win", "lose"),
        ("=victory", "=defeat"),
    )),
    "survival": Frame("a person lives or dies", (
        ("survive", "die"),
        ("survive", "=killed"),
        ("=alive", "=dead"),
    )),
    "permission": Frame("something is allowed or forbidden", (
        ("allow", "ban"),
        ("permit", "prohibit"),
        ("lift ban", "=barred"),
        ("end ban", "=barring"),
        ("authorize", "forbid"),
        ("authorise", "outlaw"),
        ("=licensed", "restrict"),
    )),
    "force": Frame("a rule, ban or order still applies or has ended", (
        ("=in force", "lift"),
        ("=in effect", "repeal"),
        ("=in place", "revoke"),
        ("=in force", "rescind"),
    )),
    "activity": Frame("something goes on or stops", (
        ("continue", "stop"),
        ("resume", "halt"),
        ("restart", "cease"),
        ("keep buying", "suspend"),
        ("continue", "pause"),
        ("continue", "quit"),
    )),
    "expansion": Frame("a presence grows or is pulled back", (
        ("expand", "reduce"),
        ("broaden", "shrink"),
        ("deepen", "withdraw"),
        ("widen", "scale back"),
        ("extend", "scale down"),
        ("scale up", "pull out"),
        ("step up", "cut back"),
        ("increase presence", "exit"),
    )),
    "openness": Frame("a place, market or door is open or shut", (
        ("=open", "=closed"),
        ("reopen", "shut"),
        ("welcome", "shun"),
        ("embrace", "expel"),
        ("invite", "close down"),
        ("=open", "close off"),
        ("open up", "=closing"),
        ("=open", "=closing"),
        ("=open", "=closes"),
    )),
    "fortune": Frame("how a company, person or economy is faring", (
        ("thrive", "struggle"),
        ("flourish", "=troubled"),
        ("prosper", "=ailing"),
        ("=successful", "=beleaguered"),
        ("=booming", "=embattled"),
        ("=prosperous", "=faltering"),
        ("=prosperous", "=distressed"),
    )),
    "retention": Frame("something is kept or removed", (
        ("keep", "remove"),
        ("retain", "delete"),
        ("keep", "erase"),
        ("keep", "uninstall"),
    )),
    "condition": Frame("a state gets better or worse, a force stronger or weaker", (
        ("improve", "worsen"),
        ("strengthen", "weaken"),
        ("ease", "escalate"),
        ("recover", "deteriorate"),
        ("thaw", "sour"),
        ("warm", "worsen"),
    )),
}
"""frame -> what it is about and its pairs of opposite words, one pair a line: two
aligned clauses with words of opposite ends of one frame, about the same thing,
disagree. Within a frame every word of one end opposes every word of the other, so
a new word needs one line pairing it with any word of the other end. A word may sit
in two frames ("lose" is a change and an outcome); each gives its own cue. Longer
phrases win over their first word ("lift ban", which also reads "lifted its ban", is
permission, not "ban" nor the "lift" of a rule no longer in force). An entry starting
with "=" is matched as written, not inflected ("=in force")."""

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
    "uphold": ("upheld",),
}
"""Past forms that replace the regular "-ed"."""

DOUBLED: frozenset[str] = frozenset("ban drop stop slip dip win cut shut forbid quit step acquit".split())
"""Verbs that double their last consonant: banned, barring, stopped."""
