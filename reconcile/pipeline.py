"""The order of the stages, and nothing else:

read files -> sentences and facts -> alignment -> judgement and timeline -> report.

Each stage takes values and returns values; ``observe``, when given, is told
each stage's name as it ends (bench/speed.py times them with it: the core
reads no clock).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reconcile import timeline
from reconcile.align import align
from reconcile.facts.claims import Reader, analyse
from reconcile.findings import merge, set_aside
from reconcile.judge import judge
from reconcile.model import Document, Report, SourceInfo, Timeline
from reconcile.settings import Settings
from reconcile.timeline.display import dated_events
from reconcile.timeline.extract import extraction

Observer = Callable[[str], None]


def _ignore(stage: str) -> None:
    """The observer of a run nobody times."""


def run(docs: Sequence[Document], settings: Settings, draft: bool = False, observe: Observer = _ignore) -> Report:
    """Reconcile documents already read. With ``draft``, document 0 is judged
    against the others and the others are not judged against each other."""
    read = Reader(settings)
    analyses = [analyse(doc, i, settings, read) for i, doc in enumerate(docs)]
    observe("analyse")
    per_source = [a.claims for a in analyses]
    alignment = align(per_source, settings, anchor=0 if draft else None)
    observe("align")
    claims = {(c.sentence.source, c.sentence.index): c for cs in per_source for c in cs}
    judged = judge(docs, claims, alignment, settings, judged=(0,) if draft else None)
    observe("judge")
    dated = timeline.build(docs, per_source, settings)
    observe("timeline")
    infos = tuple(
        SourceInfo(
            a.doc.path, a.doc.encoding, len(a.sentences), len(a.claims), a.doc.published, a.doc.warnings,
            text=a.doc.plain if a.doc.markup else a.doc.text,  # what people read, as evidence offsets count
            markup=a.doc.markup,
        )
        for a in analyses
    )
    findings = merge(judged, dated.findings, draft)
    on_trial = analyses[:1] if draft else analyses
    return Report(
        sources=infos,
        findings=tuple(findings),
        mode="check" if draft else "compare",
        events=dated_events(dated),
        not_claims=tuple(e for i, a in enumerate(on_trial) for e in set_aside(a, i)),
    )


def timeline_of(docs: Sequence[Document], settings: Settings) -> Timeline:
    """The merged timeline of documents already read (the ``timeline`` command)."""
    read = Reader(settings)
    return timeline.build(docs, [analyse(d, i, settings, read).claims for i, d in enumerate(docs)], settings)


def extraction_of(doc: Document, settings: Settings) -> dict[str, Any]:
    """What was read from one document, as plain data (the ``extract`` command)."""
    analysis = analyse(doc, 0, settings)
    return extraction(analysis, timeline.build([doc], [analysis.claims], settings), settings)
