"""Abbreviations and sentence openers the sentence splitter decides periods with.

Lower case, without the final period. A period after a word is a sentence end
unless the word is listed here; what a listed word does depends on its list.
"""

from __future__ import annotations

TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms mx messrs mmes mme mlle dr prof gen lt col maj capt cmdr adm sgt cpl pvt
    brig cdr sen rep gov pres supt insp det rev fr hon amb atty mt ft vs v e.g i.e cf
    viz approx esp incl
    """.split()
)
"""Always followed by the word they belong to ("Dr. Smith", "e.g. China"): never an end."""

BEFORE_NUMBERS: frozenset[str] = frozenset(
    """
    no nos nr n° art arts vol vols p pp para paras fig figs ch chap sec sect ed eds op tel
    ext ref jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
"""Not an end before a number ("No. 2", "Nov. 1", "p. 55"); before a word, like AMBIGUOUS."""

AMBIGUOUS: frozenset[str] = frozenset(
    """
    inc co corp ltd llc plc bros jr sr st ave blvd rd etc al dept univ assn est govt
    intl natl mfg am pm a.m p.m
    """.split()
)
"""Can end a sentence ("Micron Technology Inc."): an end only before a word in STARTERS.
Single letters ("J."), and dotted letters ("U.S.", "E.U.") are treated the same way."""

UPPER_CASE_ENDS: frozenset[str] = frozenset({"A.M", "P.M"})
"""Written in capitals these end the sentence before any capitalised word (pySBD's rule)."""

STARTERS: frozenset[str] = frozenset(
    """
    a an the this that these those there here it its he she they we i you his her their our
    my your one some many most all both each every no none neither either such another other
    but and or so yet however meanwhile also still then now instead moreover besides thus
    hence indeed nonetheless nevertheless furthermore consequently additionally earlier
    later last next first finally since while after before when whenever if although though
    as because once until unless in on at for from with without by during under over among
    according despite to of what who whom whose which where why how is are was were do does
    did can could will would should may might must has have had shall let please not
    analysts officials experts shares prices critics previously currently recently today
    yesterday separately overall similarly likewise initially ultimately eventually
    """.split()
)
"""Words that open a sentence far more often than they follow an abbreviation: after
"U.S." or "Inc." they mean the abbreviation closed the sentence ("in the U.S. How...")."""
