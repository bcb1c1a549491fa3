"""A pull-request comment in GitHub-flavoured Markdown.

Article text goes into quotes and tables, so every character Markdown could
read as syntax there (emphasis, links, HTML, math, table pipes, list markers)
is escaped, and line breaks are folded so a sentence stays in its quote or cell.
"""

from __future__ import annotations

import re
from collections import Counter

from reconcile.model import Evidence, Finding, Kind, Report
from reconcile.render._common import KIND_RANK, fold, rule_of, where

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#])")
_LIST_MARKER = re.compile(r"^([-+]|\d+[.)])(?= |$)")
_ORDER = sorted(Kind, key=KIND_RANK.__getitem__)


def render(report: Report) -> str:
    """The whole comment, ending with a newline."""
    blocks = [_title(report), _summary(report)]
    contradictions = report.of(Kind.CONTRADICTION)
    if contradictions:
        blocks.append("### Contradictions")
        blocks += [_contradiction(f) for f in contradictions]
    unsupported = report.of(Kind.UNSUPPORTED)
    if unsupported:
        blocks += ["### Unsupported", _table(unsupported)]
    agreements = report.of(Kind.AGREEMENT)
    if agreements:
        blocks.append(
            f"<details>\n<summary>{_count(len(agreements), Kind.AGREEMENT)}</summary>"
            f"\n\n{_table(agreements)}\n\n</details>"
        )
    return "\n\n".join(blocks) + "\n"


def escape(text: str) -> str:
    """Text shown literally on one line: white space folded, Markdown punctuation
    backslash-escaped (CommonMark allows it before any ASCII punctuation)."""
    escaped = _SPECIAL.sub(r"\\\1", fold(text))
    return _LIST_MARKER.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


def _count(n: int, kind: Kind) -> str:
    noun = {Kind.CONTRADICTION: "contradiction", Kind.AGREEMENT: "agreement"}.get(kind)
    if noun is None:
        return f"{n} unsupported"
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _title(report: Report) -> str:
    counts = report.counts
    parts = ", ".join(_count(counts[k.value], k) for k in _ORDER)
    if report.mode == "check" and report.sources:
        return f"## reconcile check of {escape(report.sources[0].path)}: {parts}"
    return f"## reconcile: {parts}"


def _summary(report: Report) -> str:
    sources = "Sources: " + ", ".join(escape(s.path) for s in report.sources)
    if not report.findings:
        return f"{sources}\n\nNo findings."
    tally = Counter(
        (f.kind, f.type, f.rule)
        for f in sorted(report.findings, key=lambda f: (KIND_RANK[f.kind], f.rule))
    )
    rows = ["| Kind | Type | Rule | Count |", "| --- | --- | --- | ---: |"]
    for (kind, type_, rule_id), count in tally.items():
        rows.append(f"| {kind.value} | {escape(type_)} | {rule_id} | {count} |")
    return sources + "\n\n" + "\n".join(rows)


def _contradiction(finding: Finding) -> str:
    rule = rule_of(finding)
    lines = [f"#### {rule.id} {rule.name}: {escape(finding.reason)}"]
    for evidence in finding.evidence:
        lines += ["", escape(where(evidence)), "", f"> {_quote(evidence)}"]
    return "\n".join(lines)


def _quote(evidence: Evidence) -> str:
    """The sentence on one line with its highlighted facts, or else the detail the
    finding is about, in bold."""
    text = evidence.sentence
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(evidence.highlights or _detail_span(evidence)):
        start, end = max(start - evidence.start, at), min(end - evidence.start, len(text))
        fact = text[start:end]
        if not fact.strip():
            continue
        # Bold must hug its text: "** 15%**" would not render as bold.
        start += len(fact) - len(fact.lstrip())
        end -= len(fact) - len(fact.rstrip())
        pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    pieces.append((text[at:], False))
    out = []
    for piece, bold in pieces:
        if bold:
            out.append(f"**{escape(piece)}**")
        elif piece:
            # Keep one space where the piece met a fact, lose the rest of the run.
            head = " " if piece[0].isspace() and out else ""
            tail = " " if piece[-1].isspace() and piece.strip() else ""
            out.append(head + escape(piece) + tail if piece.strip() else head)
    return "".join(out).strip()


def _detail_span(evidence: Evidence) -> tuple[tuple[int, int], ...]:
    """The detail's span in document offsets, when the sentence has it verbatim."""
    found = evidence.sentence.find(evidence.detail) if evidence.detail else -1
    if found < 0:
        return ()
    start = evidence.start + found
    return ((start, start + len(evidence.detail)),)


def _table(findings: tuple[Finding, ...]) -> str:
    rows = ["| Rule | Where | Sentence | Reason |", "| --- | --- | --- | --- |"]
    for finding in findings:
        places = "<br>".join(escape(where(e)) for e in finding.evidence)
        sentences = "<br>".join(_quote(e) for e in finding.evidence)
        rows.append(f"| {finding.rule} | {places} | {sentences} | {escape(finding.reason)} |")
    return "\n".join(rows)
