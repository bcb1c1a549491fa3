"""A pull-request comment in GitHub-flavoured Markdown.

A disagreement is one entry listing its sides ("2 (sentinel.txt) vs 3 (tvn6.txt,
wire.txt)"), each value with the sentences stating it. Suppressions that matched
nothing are a warning of their own. Article text goes into quotes and tables, so
every character Markdown could read as syntax there (emphasis, links, HTML, math,
table pipes, list markers) is escaped, and line breaks are folded so a sentence
stays in its quote or cell.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from reconcile.findings import fold, verdicts
from reconcile.model import Evidence, Finding, Kind, Report
from reconcile.render._common import KIND_RANK, RARE, names, rule_of, shown, unused_line, verdict_counts, where
from reconcile.render._sides import label, listed_sides, message, unlisted, unlisted_sides, voices

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#])")
_LIST_MARKER = re.compile(r"^([-+]|\d+[.)])(?= |$)")
COMMENT_LIMIT = 65536  # GitHub refuses longer comment bodies
_TOO_LONG = "the comment would be too long for GitHub; the JSON report has every finding."
_CUT = f"\n\n*Cut here: {_TOO_LONG}*\n"
_ALL_OF_THEM = "the JSON report lists every one"
_ORDER = sorted(Kind, key=KIND_RANK.__getitem__)
_DISAGREEMENTS = {Kind.CONTRADICTION: "Contradictions", Kind.UPDATE: "Updates", Kind.ATTRIBUTED: "Attributed figures"}
_NOUNS = {
    Kind.CONTRADICTION: ("contradiction", "contradictions"),
    Kind.UPDATE: ("update", "updates"),
    Kind.ATTRIBUTED: ("attributed figure", "attributed figures"),
    Kind.UNSUPPORTED: ("unsupported", "unsupported"),
    Kind.AGREEMENT: ("agreement", "agreements"),
}


def render(report: Report, limit: int = COMMENT_LIMIT) -> str:
    """The whole comment, ending with a newline, no longer than ``limit`` UTF-16
    units: agreements go first, then the last lines, with a note saying so."""
    text = _compose(report, agreements=True)
    if _size(text) > limit:
        text = _compose(report, agreements=False)
    if _size(text) > limit:
        lines = text.splitlines()
        total = _size(text) + _size(_CUT)
        while lines and total > limit:
            total -= _size(lines.pop()) + 1
        text = "\n".join(lines) + _CUT
    return text


def _compose(report: Report, agreements: bool) -> str:
    blocks = [_title(report), _summary(report)]
    called = names([s.path for s in report.sources])
    for kind, title in _DISAGREEMENTS.items():
        found = sorted(report.of(kind), key=lambda f: -f.score)  # most certain first: a long comment is cut
        if found:
            blocks.append(f"### {title}")
            blocks += [_disagreement(f, called) for f in found]
    unsupported = report.of(Kind.UNSUPPORTED)
    if unsupported:
        blocks += ["### Unsupported", _table(unsupported)]
    if report.unused_suppressions:
        blocks.append(_unused(report))
    agreed = report.of(Kind.AGREEMENT)
    if agreed and agreements:
        blocks.append(
            f"<details>\n<summary>{_count(len(agreed), Kind.AGREEMENT)}</summary>"
            f"\n\n{_table(agreed)}\n\n</details>"
        )
    elif agreed:
        blocks.append(f"{_count(len(agreed), Kind.AGREEMENT)} not listed: {_TOO_LONG}")
    return "\n\n".join(blocks) + "\n"


def _size(text: str) -> int:
    """Length as GitHub counts it (JavaScript strings: UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """Text shown literally on one line: white space folded, Markdown punctuation
    backslash-escaped (CommonMark allows it before any ASCII punctuation)."""
    escaped = _SPECIAL.sub(r"\\\1", fold(text))
    return _LIST_MARKER.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


def _count(n: int, kind: Kind) -> str:
    one, many = _NOUNS[kind]
    return f"{n} {one if n == 1 else many}"


def _title(report: Report) -> str:
    """The draft's claims by verdict in check mode, the findings by kind in compare mode."""
    if report.mode == "check" and report.sources:
        told = ", ".join(f"{n} {verdict}" for verdict, n in verdict_counts(verdicts(report)).items())
        return f"## reconcile check of {escape(report.sources[0].path)}: {told}"
    counts = report.counts
    parts = ", ".join(_count(counts[k.value], k) for k in _ORDER if counts[k.value] or k not in RARE)
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


def _disagreement(finding: Finding, called: list[str]) -> str:
    """A heading with the reason and the sides, then each side's value and its
    sentences quoted, as a short report lists them (render._sides); the sentences
    alone when the sides are not known."""
    rule = rule_of(finding)
    lines = [f"#### {rule.id} {rule.name}: {escape(message(finding, called))}"]
    if not finding.sides:
        return "\n".join(lines + _quoted(finding.evidence))
    listed = listed_sides(finding)
    for side in listed:
        kept = voices(side, side.evidence)
        lines += ["", f"**{escape(label(side, called))}**", *_quoted(kept)]
        lines += _left(unlisted(side, side.evidence, kept))
    return "\n".join(lines + _left(unlisted_sides(finding, listed)))


def _quoted(cited: Iterable[Evidence]) -> list[str]:
    return [line for e in cited for line in ("", escape(where(e)), "", f"> {_quote(e)}")]


def _left(what: str) -> list[str]:
    """What a disagreement's entry leaves out, in a line of its own; none for nothing."""
    return ["", f"*… {escape(what)} ({_ALL_OF_THEM})*"] if what else []


def _unused(report: Report) -> str:
    """Suppressions that matched nothing, as a GitHub warning block: a stale one
    would hide the next real problem."""
    lines = ["> [!WARNING]", "> Suppressions that matched nothing (remove or fix them):"]
    lines += [f"> - {escape(unused_line(u))}" for u in report.unused_suppressions]
    return "\n".join(lines)


def _quote(evidence: Evidence) -> str:
    """The sentence on one line with its highlighted facts, or else the detail the
    finding is about, in bold."""
    text, spans = shown(evidence)
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans or _detail_span(text, evidence.detail)):
        start, end = max(start, at), min(end, len(text))
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


def _detail_span(line: str, detail: str) -> tuple[tuple[int, int], ...]:
    """The detail's span in the shown sentence, when it has it verbatim."""
    found = line.find(fold(detail)) if detail else -1
    return ((found, found + len(fold(detail))),) if found >= 0 else ()


def _table(findings: tuple[Finding, ...]) -> str:
    rows = ["| Rule | Where | Sentence | Reason |", "| --- | --- | --- | --- |"]
    for finding in findings:
        places = "<br>".join(escape(where(e)) for e in finding.evidence)
        sentences = "<br>".join(_quote(e) for e in finding.evidence)
        rows.append(f"| {finding.rule} | {places} | {sentences} | {escape(finding.reason)} |")
    return "\n".join(rows)
