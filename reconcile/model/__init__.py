"""Plain dataclasses passed between the pipeline stages, one module per stage
that makes them (``text``, ``facts``, ``alignment``, ``report``, ``timeline``),
all importable from here.

Every span is a pair of character offsets into the *decoded* text of its
document (``Document.text``), so a finding can always be shown exactly as the
file has it and located at line:column.
"""

from __future__ import annotations

from reconcile.model.alignment import Alignment, ClaimGroup, Link
from reconcile.model.facts import (
    Analysis,
    Claim,
    Cue,
    DateMention,
    DateValue,
    Entity,
    EntityKind,
    Facts,
    Granularity,
    Key,
    Opposition,
    Quantity,
    TimeOfDay,
)
from reconcile.model.report import (
    VERDICTS,
    ComparedFact,
    DatedEvent,
    Evidence,
    Finding,
    Kind,
    Report,
    Side,
    SourceInfo,
    UnusedSuppression,
    Verdict,
)
from reconcile.model.text import Clause, Document, Sentence
from reconcile.model.timeline import (
    Event,
    Mention,
    Placed,
    Reading,
    Ref,
    Relation,
    Support,
    TimeClaim,
    Timeline,
    Trigger,
)

__all__ = [
    "Alignment",
    "Analysis",
    "Claim",
    "ClaimGroup",
    "Clause",
    "ComparedFact",
    "Cue",
    "DateMention",
    "DateValue",
    "DatedEvent",
    "Document",
    "Entity",
    "EntityKind",
    "Event",
    "Evidence",
    "Facts",
    "Finding",
    "Granularity",
    "Key",
    "Opposition",
    "Kind",
    "Link",
    "Mention",
    "Placed",
    "Quantity",
    "Reading",
    "Ref",
    "Relation",
    "Report",
    "Sentence",
    "Side",
    "SourceInfo",
    "Support",
    "TimeClaim",
    "TimeOfDay",
    "Timeline",
    "Trigger",
    "UnusedSuppression",
    "VERDICTS",
    "Verdict",
]
