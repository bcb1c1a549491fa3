"""What was read from one source, as plain data (the ``extract`` command):
sentences with their spans and facts, events with their dates and relations,
and any conflict within it."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from reconcile.facts import dates
from reconcile.facts import extract as facts_extract
from reconcile.model import Analysis, Document, Facts, Timeline
from reconcile.settings import Settings
from reconcile.timeline.words import iso, iso_day, predicate


def plain(value: Any) -> Any:
    """Dataclasses, enums, dates and tuples as JSON-ready data."""
    if hasattr(value, "__dataclass_fields__"):
        return {f: plain(getattr(value, f)) for f in value.__dataclass_fields__ if f != "line_starts"}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    return value


def _located(doc: Document, start: int, end: int) -> dict[str, int]:
    line, column = doc.locate(start)
    end_line, end_column = doc.locate(end)
    return {"start": start, "end": end, "line": line, "column": column, "end_line": end_line, "end_column": end_column}


def _facts(f: Facts) -> dict[str, Any]:
    out = plain(f)
    for d, data in zip(f.dates, out["dates"]):
        data["normalised"] = dates.describe(d.value)
    return out


def extraction(analysis: Analysis, t: Timeline, settings: Settings) -> dict[str, Any]:
    """What was read from one source (analysed as source 0, ``t`` its timeline), as
    plain data: sentences with their spans and facts, events with their dates and
    relations, and any conflict within it."""
    doc = analysis.doc
    claims = {c.sentence.index: c for c in analysis.claims}
    year_known = t.year is not None
    reading = t.readings[0]
    sentences_out = []
    for s in analysis.sentences:
        claim = claims.get(s.index)
        found = claim.facts if claim else facts_extract(s, doc, settings)
        sentences_out.append(
            {"index": s.index, **_located(doc, s.start, s.end), "text": doc.text[s.start : s.end],
             "heading": s.heading, "claim": claim is not None, "facts": _facts(found)}
        )
    events_out = []
    for p in t.events:
        mentions = []
        for src, i in p.event.members:
            m = reading.mentions[i]
            anchors = []
            for d in m.anchors:
                read_as = [
                    {"kind": c.kind, "earliest": iso(c.low, year_known), "latest": iso(c.high, year_known), "note": c.note}
                    for c in p.claims
                    if c.other is None and (d.start, d.end) in c.spans
                ]
                anchors.append({**plain(d), "normalised": dates.describe(d.value), "read_as": read_as})
            mentions.append(
                {"index": m.index, "sentence": m.sentence, "trigger": {**plain(m.trigger), **_located(doc, m.trigger.start, m.trigger.end)},
                 "participants": plain(m.participants), "anchors": anchors, "refers_to": m.refers_to}
            )
        events_out.append(
            {"id": p.event.id, "name": p.event.name, "label": p.label,
             "earliest": iso_day(p.earliest, year_known), "latest": iso_day(p.latest, year_known), "mentions": mentions}
        )
    relations_out = []
    for r in reading.relations:
        a, b = reading.mentions[r.mention], reading.mentions[r.other]
        relations_out.append(
            {"sentence": r.sentence, "text": r.text, **_located(doc, r.start, r.end),
             "mention": r.mention, "other": r.other, "event": t.event_of[(0, r.mention)],
             "other_event": t.event_of[(0, r.other)], "low": r.low, "high": r.high,
             "words": f"{a.trigger.text} {predicate(r.low, r.high, b.trigger.text)}"}
        )
    return {
        "path": doc.path,
        "encoding": doc.encoding,
        "published": iso_day(doc.published),
        "year": t.year,
        "sentences": sentences_out,
        "events": events_out,
        "relations": relations_out,
        "conflicts": [{"type": f.type, "rule": f.rule, "reason": f.reason} for f in t.findings],
        "warnings": list(doc.warnings),
    }
