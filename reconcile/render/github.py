"""GitHub Actions workflow commands: one annotation per problem, on the file and line.

GitHub shows at most 10 annotations of each level per step, so the most serious
10 of each level are annotations; every other finding (the rest of each level,
then the agreements) follows as a plain log line with its file:line, and a last
line counts them all: nothing is dropped without a word. A disagreement is one
annotation at the draft's sentence (check) or the first source's (compare),
listing its sides. Suppressions that matched nothing are warnings like the rest.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass

from reconcile.findings import fold, repository_path
from reconcile.model import Evidence, Finding, Kind, Report, UnusedSuppression
from reconcile.render._common import by_seriousness, names, rule_of, summary_line, unused_line, where
from reconcile.render._sides import cited, lead, message, others

SHOWN_PER_LEVEL = 10
COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


@dataclass(frozen=True)
class _Entry:
    """One thing to tell: as an annotation while its level has room, else as a log line."""

    level: str  # "error", "warning" or "note"
    properties: dict[str, str]  # file, line, ... and title
    message: str  # may hold line breaks
    place: str  # "file:line" for the log line, or the file alone
    also: tuple[str, ...] = ()  # the other sentences' "file:line", for the log line


def render(report: Report, root: str | None = None) -> str:
    """Annotations, most serious first, then the log lines, then the summary."""
    root = os.getcwd() if root is None else root
    called = names([s.path for s in report.sources])
    ordered = by_seriousness(report.findings)
    problems = [_finding(f, report.mode, called, root) for f in ordered if f.kind is not Kind.AGREEMENT]
    problems += [_unused(u, root) for u in report.unused_suppressions]
    agreements = [_finding(f, report.mode, called, root) for f in ordered if f.kind is Kind.AGREEMENT]
    per_level: dict[str, list[_Entry]] = defaultdict(list)
    for entry in problems:
        per_level[entry.level].append(entry)
    annotated = [e for level in COMMAND for e in per_level[level][:SHOWN_PER_LEVEL]]
    logged = [e for level in COMMAND for e in per_level[level][SHOWN_PER_LEVEL:]]
    lines = [_command(COMMAND[e.level], e.properties, e.message) for e in annotated]
    lines += [_log_line(e) for e in logged + agreements]
    lines.append(_summary(report, len(annotated), len(logged), len(agreements)))
    return "".join(line + "\n" for line in lines)


def _finding(finding: Finding, mode: str, called: list[str], root: str) -> _Entry:
    rule = rule_of(finding)
    primary = lead(finding, mode)
    properties = {"file": repository_path(primary.path, root), **_position(primary)}
    properties["title"] = f"{rule.id} {rule.name}"
    rest = others(finding, mode)
    text = "\n".join([message(finding, called), *(cited(finding, e, where(e)) for e in rest)])
    also = tuple(dict.fromkeys(f"{repository_path(e.path, root)}:{e.line}" for e in rest))
    return _Entry(rule.severity, properties, text, f"{properties['file']}:{primary.line}", also)


def _unused(unused: UnusedSuppression, root: str) -> _Entry:
    path = repository_path(unused.path, root)
    properties = {"file": path} if unused.line is None else {"file": path, "line": str(unused.line)}
    properties["title"] = "reconcile: unused suppression"
    place = path if unused.line is None else f"{path}:{unused.line}"
    return _Entry("warning", properties, unused_line(unused), place)


def _position(evidence: Evidence) -> dict[str, str]:
    """Line range, and columns only on one line: GitHub drops columns otherwise.
    GitHub's endColumn is the last column shown, Evidence's the one after it."""
    position = {"line": str(evidence.line), "endLine": str(evidence.end_line)}
    if evidence.line == evidence.end_line and evidence.end_column > evidence.column:
        position["col"] = str(evidence.column)
        position["endColumn"] = str(evidence.end_column - 1)
    return position


def _log_line(entry: _Entry) -> str:
    """An entry as one plain line of the log, never read as a workflow command:
    "draft.md:7: error RC101 number-mismatch: ... (also sources/a.txt:3)"."""
    head = fold(entry.message.split("\n", 1)[0])
    also = f" (also {', '.join(entry.also)})" if entry.also else ""
    return f"{entry.place}: {entry.level} {entry.properties['title']}: {head}{also}"


def _summary(report: Report, annotated: int, logged: int, agreements: int) -> str:
    line = f"reconcile: {summary_line(report)}; {annotated} annotated"
    if logged or agreements:
        line += f", {logged + agreements} more as log lines above"
    if logged:
        line += (
            f" ({logged} over GitHub's 10 annotations of a level per step: upload the SARIF report,"
            " --format sarif, to code scanning to see them as alerts)"
        )
    return line


def _command(name: str, properties: dict[str, str], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a message as the runner expects (actions/toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (actions/toolkit ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
