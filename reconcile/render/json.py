"""The JSON report: a versioned wire format for scripts (schema in reconcile/schema/).

Keys are written in a fixed construction order, so the same report always gives
byte-identical output. Each top-level field starts a line and each item of its
arrays (a source, a finding, a verdict, a sentence...) is a line of its own,
written without spaces: one finding is one line to grep or diff, and ``jq .``
indents it for reading.

Each sentence the report names is written once, in ``sentences``, with its place;
a finding's evidence, a verdict and a line that is no claim name it by index, and a
disagreement's sides name their sentences by index into the finding's evidence. A
story told by 100 sources cites some 7,000 sentences, 3,900 of them distinct: written
out at every citation, sides repeating their finding's and indented, they took 7 MB.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reconcile.findings import verdicts
from reconcile.model import ComparedFact, Evidence, Finding, Report, Side, SourceInfo, UnusedSuppression, Verdict
from reconcile.render._common import rule_of, tool_version, verdict_counts

SCHEMA_VERSION = "2.0"


def render(report: Report) -> str:
    """The report as JSON text ending with a newline: a line per top-level field
    and per item of its arrays."""
    fields = [f"{_compact(key)}:{_lines(value)}" for key, value in to_dict(report).items()]
    return "{\n" + ",\n".join(fields) + "\n}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _lines(value: Any) -> str:
    """A top-level value: an array with each item on a line of its own, else one line."""
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(_compact(item) for item in value) + "\n]"
    return _compact(value)


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON values, for callers that embed it in something else.
    ``verdicts`` and ``verdict_counts`` are null in compare mode, where no draft is on trial."""
    told = verdicts(report) if report.mode == "check" else None
    named = [e for f in report.findings for e in f.evidence] + [v.claim for v in told or ()]
    located = _Sentences([*named, *report.not_claims])
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "reconcile", "version": tool_version()},
        "mode": report.mode,
        "sources": [_source(s) for s in report.sources],
        "counts": report.counts,
        "verdict_counts": verdict_counts(told) if told is not None else None,
        "findings": [_finding(f, located) for f in report.findings],
        "verdicts": [_verdict(v, located) for v in told] if told is not None else None,
        "unused_suppressions": [_unused(u) for u in report.unused_suppressions],
        "not_claims": [{"sentence": located.index(e), "reason": e.detail} for e in report.not_claims],
        "sentences": [_sentence(e) for e in located.rows],
    }


class _Sentences:
    """Every sentence the report names, once, in source order: what the rest of the
    report refers to by index."""

    def __init__(self, named: Iterable[Evidence]) -> None:
        first: dict[tuple[int, int, int], Evidence] = {}
        for e in named:
            first.setdefault(_place(e), e)
        self.rows = [first[place] for place in sorted(first)]
        self._at = {_place(e): i for i, e in enumerate(self.rows)}

    def index(self, evidence: Evidence) -> int:
        return self._at[_place(evidence)]


def _place(evidence: Evidence) -> tuple[int, int, int]:
    return evidence.source, evidence.start, evidence.end


def _source(source: SourceInfo) -> dict[str, Any]:
    return {
        "path": source.path,
        "encoding": source.encoding,
        "sentences": source.sentences,
        "claims": source.claims,
        "published": source.published.isoformat() if source.published else None,
        "warnings": list(source.warnings),
    }


def _finding(finding: Finding, located: _Sentences) -> dict[str, Any]:
    rule = rule_of(finding)
    at = {e: i for i, e in reversed(list(enumerate(finding.evidence)))}  # a sentence's first place
    return {
        "kind": finding.kind.value,
        "type": finding.type,
        "rule": rule.id,
        "rule_name": rule.name,
        "severity": rule.severity,
        "reason": finding.reason,
        "score": round(finding.score, 3),
        "slot": finding.slot,
        "sides": [_side(s, at) for s in finding.sides],
        "facts": [_fact(f) for f in finding.facts],
        "evidence": [_evidence(e, located) for e in finding.evidence],
    }


def _side(side: Side, at: dict[Evidence, int]) -> dict[str, Any]:
    """A side names its sentences by index into the finding's ``evidence``, which
    holds every side's (Finding.evidence)."""
    return {
        "value": side.value,
        "normalised": side.normalised,
        "sources": list(side.sources),
        "evidence": [at[e] for e in side.evidence],
    }


def _verdict(verdict: Verdict, located: _Sentences) -> dict[str, Any]:
    return {
        "sentence": located.index(verdict.claim),
        "verdict": verdict.verdict,
        "reason": verdict.reason,
        "findings": list(verdict.findings),
    }


def _unused(unused: UnusedSuppression) -> dict[str, Any]:
    return {
        "file": unused.path,
        "line": unused.line,
        "rules": list(unused.rules),
        "text": unused.text,
        "reason": unused.reason,
    }


def _fact(fact: ComparedFact) -> dict[str, Any]:
    return {"source": fact.source, "text": fact.text, "value": fact.value}


def _evidence(evidence: Evidence, located: _Sentences) -> dict[str, Any]:
    """A sentence as a finding cites it: by index, with what of it the finding is about."""
    return {
        "sentence": located.index(evidence),
        "detail": evidence.detail,
        "highlights": [[start, end] for start, end in evidence.highlights],
    }


def _sentence(evidence: Evidence) -> dict[str, Any]:
    return {
        "source": evidence.source,
        "file": evidence.path,
        "line": evidence.line,
        "column": evidence.column,
        "end_line": evidence.end_line,
        "end_column": evidence.end_column,
        "span": [evidence.start, evidence.end],
        "text": evidence.sentence,
    }
