"""The rule list of ``reconcile rules``: a table for people, JSON for scripts."""

from __future__ import annotations

import json

from rich.table import Table

from reconcile.rules import RULES


def table() -> Table:
    """Id, name, severity and summary, one rule a row; only the summary wraps, so
    every id and name stays whole on a narrow terminal."""
    shown = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("Id", "Name", "Severity", "Summary"):
        shown.add_column(column, no_wrap=column != "Summary")
    for rule in RULES:
        shown.add_row(rule.id, rule.name, rule.severity, rule.summary)
    return shown


def render_json() -> str:
    """Every field of every rule, in rule order, as JSON text ending with a newline."""
    data = [
        {"id": r.id, "name": r.name, "kind": r.kind.value, "type": r.type, "severity": r.severity,
         "summary": r.summary, "example": r.example}
        for r in RULES
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
