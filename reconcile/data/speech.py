"""Reporting verbs, every form: who said a thing is a fact; that they "said",
"told" or "stated" it is not."""

from __future__ import annotations

REPORTING_VERBS: frozenset[str] = frozenset(
    """
    acknowledge acknowledged add added adds admit admitted affirm affirmed announce announced
    announces announcing argued assert asserted assure assured assures claim claimed claims comment
    commented confirm confirmed confirms convey conveyed conveying declare declared declares
    disclose disclosed explain explained indicate indicated indicates insist insisted note noted
    posted released remark remarked report reported reports reveal revealed said say saying says
    stated stating stress stressed tell telling tells told tweeted warned wrote
    """.split()
)
"""Used where a sentence reports speech: the alignment token "say"
(``synonyms``), a name before one is a person (``facts.entities``), and a date
right after one dates the saying, not what will be done ("said Sunday the
bureau will...", ``facts.tense``)."""

REPORTING_NOUNS: frozenset[str] = frozenset(
    {"announcement", "declaration", "statement", "statements", "remark", "remarks", "comment", "comments",
     "according"}
)
"""Nouns and phrases of reporting that meet the verbs on one alignment token."""
