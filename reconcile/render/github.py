"""GitHub Actions workflow commands: one annotation per problem, on the file and line.

GitHub shows at most 10 annotations of each level per step, so the most serious
come first and, when a level overflows, its tenth annotation says how many more
there are and points to the SARIF report, which has them all.
"""

from __future__ import annotations

import os
from collections import defaultdict

from reconcile.findings import repository_path
from reconcile.model import Evidence, Finding, Kind, Report
from reconcile.render._common import by_seriousness, rule_of, shown, where

SHOWN_PER_LEVEL = 10
COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def render(report: Report, root: str | None = None) -> str:
    """One workflow command per line; agreements are not annotated."""
    root = os.getcwd() if root is None else root
    problems = [f for f in by_seriousness(report.findings) if f.kind is not Kind.AGREEMENT]
    per_level: dict[str, list[Finding]] = defaultdict(list)
    for finding in problems:
        per_level[rule_of(finding).severity].append(finding)
    lines = []
    for level, findings in per_level.items():
        shown = findings if len(findings) <= SHOWN_PER_LEVEL else findings[: SHOWN_PER_LEVEL - 1]
        lines += [_annotation(f, root) for f in shown]
        if len(shown) < len(findings):
            lines.append(_overflow(level, len(findings) - len(shown)))
    return "".join(line + "\n" for line in lines)


def _annotation(finding: Finding, root: str) -> str:
    rule = rule_of(finding)
    primary, *others = finding.evidence
    properties = {"file": repository_path(primary.path, root), **_position(primary)}
    properties["title"] = f"{rule.id} {rule.name}"
    message = "\n".join([finding.reason, *(_also(e) for e in others)])
    return _command(COMMAND[rule.severity], properties, message)


def _position(evidence: Evidence) -> dict[str, str]:
    """Line range, and columns only on one line: GitHub drops columns otherwise.
    GitHub's endColumn is the last column shown, Evidence's the one after it."""
    position = {"line": str(evidence.line), "endLine": str(evidence.end_line)}
    if evidence.line == evidence.end_line and evidence.end_column > evidence.column:
        position["col"] = str(evidence.column)
        position["endColumn"] = str(evidence.end_column - 1)
    return position


def _also(evidence: Evidence) -> str:
    return f"{where(evidence)}: {shown(evidence)[0]}"


def _overflow(level: str, hidden: int) -> str:
    noun = {"error": "errors", "warning": "warnings", "note": "notices"}[level]
    message = (
        f"{hidden} more {noun} not shown: GitHub shows 10 annotations of each level per step;"
        " upload the SARIF report (--format sarif) to code scanning to see them all."
    )
    return _command(COMMAND[level], {"title": "reconcile"}, message)


def _command(name: str, properties: dict[str, str], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a message as the runner expects (actions/toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (actions/toolkit ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
