"""The merged timeline: every source's time claims in one system, and the
smallest sets of claims that cannot all hold.

Each claim is a difference constraint over days (``constraints``): a date bounds
an event's day ("on Nov. 1": day(meeting) in [Nov 1, Nov 1]), a relation bounds
the days between two events ("a day after": day(statement) - day(ban) = 1,
"follows": day(meeting) - day(ban) >= 0). The system is consistent exactly when
its constraint graph has no negative cycle (``solve``); a negative cycle is a
set of claims that cannot all hold, shrunk to an irreducible set of sentences,
which is what a fact-checker reads (``explain`` tells it). Only sets that span
two sources or more are reported: what one article's sentences cannot all mean
together ("mailed on January 2 and tallied on January 23") is our misreading of
it far more often than the article's own slip. And only sets holding a relation
between events ("a day after the ban", "followed"): two dates for one event are
the judge's to weigh (its confidence model is fitted on real coverage), while
here two events under one word ("announced", "met") are too easily taken for one.

A claim rests on sentences: usually the one that states it, but "on Friday"
with no publication date means the Friday nearest to a date told nearby, so
it rests on that sentence too. With no publication date nothing is guessed
beyond that: a month and day take a year a source states (``year``), never
the clock's; "later this month" is read against the article's latest date,
widened by `Settings.reference_slack`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reconcile.findings import sort_findings
from reconcile.model import Claim, Document, Placed, Timeline
from reconcile.settings import Settings
from reconcile.timeline.constraints import Builder
from reconcile.timeline.explain import finding, labels
from reconcile.timeline.solve import constraint_edges, shortest, solve


def build(
    docs: Sequence[Document],
    claims: Sequence[Sequence[Claim]],
    settings: Settings,
) -> Timeline:
    """Read every source's events and time claims, solve them together and
    report what cannot all hold."""
    b = Builder(docs, claims, settings, settings.today)
    b.anchors()
    b.relations()
    b.misfits()
    conflicts, consistent = solve(b.found, len(b.events))
    conflicts = [c for c in conflicts if len({source for source, _ in c.sentences}) > 1
                 and any(b.found[k].other is not None for k in c.claims)]
    names = labels(b.events, b.people)
    findings = [finding(c, b) for c in conflicts] + b.single
    n = len(b.events) + 1
    edges = constraint_edges(b.found, n - 1, consistent)
    latest = shortest(n, edges, n - 1)
    earliest = shortest(n, [(v, u, w, k) for u, v, w, k in edges], n - 1)
    placed = []
    for e in b.events:
        lo, hi = earliest[e.id], latest[e.id]
        about = tuple(c for c in b.found if e.id in (c.event, c.other))
        hits = tuple(
            i for i, (c, f) in enumerate(zip(conflicts, findings)) if any(e.id in (b.found[k].event, b.found[k].other) for k in c.claims)
        )
        placed.append(
            Placed(
                event=e,
                label=names[e.id],
                earliest=date.fromordinal(int(-lo)) if lo != float("inf") else None,
                latest=date.fromordinal(int(hi)) if hi != float("inf") else None,
                claims=about,
                conflicts=hits,
            )
        )
    placed.sort(key=_time_order)
    return Timeline(
        paths=tuple(d.path for d in docs),
        year=b.year.value if b.year.shown else None,
        events=tuple(placed),
        findings=tuple(sort_findings(findings)),
        readings=tuple(b.readings),
        event_of=b.event_of,
        lines={k: docs[k[0]].locate(s.start)[0] for k, s in b.sentence.items()},
    )


def _time_order(p: Placed) -> tuple:
    anchor = p.earliest or p.latest
    return (anchor is None, anchor or date.min, p.latest or date.max, p.event.id)
