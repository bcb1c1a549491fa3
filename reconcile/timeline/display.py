"""What a reader is shown of the merged timeline: each event's days, the order
events are listed in, and the events a report carries for a timeline drawing."""

from __future__ import annotations

from datetime import date

from reconcile.model import DatedEvent, Placed, Timeline


def displayed(p: Placed) -> tuple[date | None, date | None, bool]:
    """The event's days as shown to people; for an event whose only dates are in
    conflict, those dates (flagged), so the reader still sees where each source
    puts it."""
    if p.earliest or p.latest or not p.conflicts:
        return p.earliest, p.latest, False
    own = [c for c in p.claims if c.other is None and c.low is not None]
    if not own:
        return None, None, False
    lows = [c.low for c in own if c.low is not None]
    highs = [c.high for c in own if c.high is not None]
    return (
        date.fromordinal(min(lows)) if lows else None,
        date.fromordinal(max(highs)) if highs else None,
        True,
    )


def display_order(p: Placed) -> tuple:
    """Sort key of events as shown: by their displayed days, undated last."""
    low, high, _ = displayed(p)
    anchor = low or high
    return (anchor is None, anchor or date.min, high or date.max)


def dated_events(t: Timeline) -> tuple[DatedEvent, ...]:
    """The events some time claim is about, in the order shown, as a report
    carries them (drawn by the HTML report)."""
    events = []
    for p in sorted((p for p in t.events if p.claims), key=display_order):
        low, high, disputed = displayed(p)
        events.append(
            DatedEvent(
                label=p.label,
                sources=tuple(sorted({c.source for c in p.claims})),
                earliest=low,
                latest=high,
                disputed=disputed,
                conflict=bool(p.conflicts),
                spans=tuple(sorted({(c.source, a, b) for c in p.claims for a, b in c.spans})),
                lines=tuple(sorted({(c.source, t.lines[(c.source, c.sentence)]) for c in p.claims})),
                year_known=t.year is not None,
            )
        )
    return tuple(events)
