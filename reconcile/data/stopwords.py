"""Words that say nothing about which claim a sentence makes.

Used by alignment to drop function words before comparing sentences. Negations
are here on purpose: "rose" and "did not rise" are the same claim to align,
and the judge, not the aligner, reports the difference in polarity.
Lower case, apostrophes as ASCII "'".
"""

from __future__ import annotations

STOPWORDS: frozenset[str] = frozenset(
    """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst an and another any anyhow anyone anything anyway
    anywhere are around as at be became because become becomes becoming been before
    beforehand behind being below beside besides between beyond both but by can cannot
    could did do does doing done down during each either else elsewhere enough etc even
    ever every everyone everything everywhere except few for former formerly from further
    furthermore had has have having he hence her here hereafter hereby herein hers herself
    him himself his how however i ie if in indeed into is it its itself just last latter
    latterly least less many may me meanwhile might mine more moreover most mostly much
    must my myself namely neither never nevertheless next no nobody none noone nor not
    nothing now nowhere of off often on once only onto or other others otherwise our ours
    ourselves out over own per perhaps please quite rather re same several she should
    since so some somehow someone something sometime sometimes somewhere still such than
    that the their theirs them themselves then thence there thereafter thereby therefore
    therein thereupon these they this those though through throughout thru thus to
    together too toward towards under unless until up upon us very via was we well were
    what whatever when whence whenever where whereafter whereas whereby wherein whereupon
    wherever whether which while whither who whoever whole whom whose why will with
    within without would yet you your yours yourself yourselves
    mr mrs ms dr
    ago amid amidst despite including like onto unlike versus
    n't 's 'll 're 've 'd s t d ll re ve m
    """.split()
)
"""Function words, pronouns, auxiliaries and courtesy titles."""

MODALS: frozenset[str] = frozenset("can could may might must shall should will would".split())
"""Modal verbs: dropped from the tokens like every function word, but a claim
stated as possible ("could") and one stated as done read differently, so the
alignment score counts them (reconcile.alignment)."""
