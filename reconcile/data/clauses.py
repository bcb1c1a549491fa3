"""Words that open a clause which can be supported on its own.

Used by ``sentences.clauses`` to cut a sentence into the details a source gives,
so a detail only one source gives can be reported. Lower case.
"""

from __future__ import annotations

AFTER_COMMA: frozenset[str] = frozenset(
    """
    as where which while provided because after before since although though but whereas
    when whenever including according who whom whose unless until despite amid even
    meaning citing following
    """.split()
)
"""After a comma, dash or semicolon these open a clause ("..., as disclosed in")."""

ING_NOT_CLAUSE: frozenset[str] = frozenset(
    """
    thing something anything everything nothing morning evening spring king ring string
    building ceiling wedding meeting during bring sing wing sibling beijing nanjing
    chongqing wuping viking pudding offering listing funding pricing earnings
    """.split()
)
"""Words ending in -ing that are no participle: after a comma they open nothing."""

BARE: frozenset[str] = frozenset({"while", "whereas", "although", "though", "as"})
"""Open a clause even without a comma when a subject follows ("... from China while
Washington pressured ..."); "as" only before a name or a pronoun."""

ALWAYS: frozenset[str] = frozenset({"because"})
"""Open a clause wherever they stand."""

NOT_AFTER_AS: frozenset[str] = frozenset(
    """
    see sees saw seen seeing regard regards regarded view views viewed consider considers
    considered describe describes described know known treat treats treated such well same
    act acts acted serve serves served name names named so
    """.split()
)
"""Before these "as" compares or names ("what it sees as U.S. hegemony"), opening no clause."""

COORDINATORS: frozenset[str] = frozenset({"and", "or", "yet", "so"})
"""After a comma these join two clauses only when a new subject follows
(", and its China business accounts for"), not two nouns ("Japan, and Korea")."""

PRONOUNS: frozenset[str] = frozenset("i you he she it we they".split())

SUBJECT_STARTS: frozenset[str] = PRONOUNS | frozenset(
    """
    the this that these those its his her their our my your a an some many most all both
    each every several officials analysts shares prices
    """.split()
)
"""Words that start a subject: after a coordinator they mean a new clause begins."""
