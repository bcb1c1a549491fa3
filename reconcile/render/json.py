"""The JSON report: a versioned wire format for scripts (schema in reconcile/schema/).

Keys are written in a fixed construction order, so the same report always gives
byte-identical output. Each top-level field starts a line and each item of its
arrays (a source, a finding, a verdict...) is a line of its own, written without
spaces: a story told by 100 sources stays under 2 MB (indented, it took twice the
bytes), one finding is one line to grep or diff, and ``jq .`` indents it for reading.
A sentence is written once per finding: a disagreement's sides name theirs by
index into the finding's ``evidence``.
"""

from __future__ import annotations

import json
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
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "reconcile", "version": tool_version()},
        "mode": report.mode,
        "sources": [_source(s) for s in report.sources],
        "counts": report.counts,
        "verdict_counts": verdict_counts(told) if told is not None else None,
        "findings": [_finding(f) for f in report.findings],
        "verdicts": [_verdict(v) for v in told] if told is not None else None,
        "unused_suppressions": [_unused(u) for u in report.unused_suppressions],
        "not_claims": [{**_evidence(e), "reason": e.detail} for e in report.not_claims],
    }


def _source(source: SourceInfo) -> dict[str, Any]:
    return {
        "path": source.path,
        "encoding": source.encoding,
        "sentences": source.sentences,
        "claims": source.claims,
        "published": source.published.isoformat() if source.published else None,
        "warnings": list(source.warnings),
    }


def _finding(finding: Finding) -> dict[str, Any]:
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
        "evidence": [_evidence(e) for e in finding.evidence],
    }


def _side(side: Side, at: dict[Evidence, int]) -> dict[str, Any]:
    """A side names its sentences by index into the finding's ``evidence``, which
    holds every side's (Finding.evidence), so each sentence is written once."""
    return {
        "value": side.value,
        "normalised": side.normalised,
        "sources": list(side.sources),
        "evidence": [at[e] for e in side.evidence],
    }


def _verdict(verdict: Verdict) -> dict[str, Any]:
    return {
        "claim": _evidence(verdict.claim),
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


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "source": evidence.source,
        "file": evidence.path,
        "line": evidence.line,
        "column": evidence.column,
        "end_line": evidence.end_line,
        "end_column": evidence.end_column,
        "span": [evidence.start, evidence.end],
        "sentence": evidence.sentence,
        "detail": evidence.detail,
        "highlights": [[start, end] for start, end in evidence.highlights],
    }
