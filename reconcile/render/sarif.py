"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Disagreements and unsupported claims are results, agreements are not (they are
not problems). A disagreement is one result, located at the draft's sentence in
check mode and at the first source's in compare mode, its other sentences related
locations naming the value each states. Each result carries a fingerprint computed
from content, not line numbers or order, so an alert survives edits above it and
is not duplicated between runs. Suppressions that matched nothing are the run's
tool notifications.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from reconcile.findings import fingerprint, repository_path
from reconcile.model import Evidence, Finding, Kind, Report, UnusedSuppression
from reconcile.render._common import DISTRIBUTION, names, rule_of, shown, tool_version, unused_line
from reconcile.render._sides import lead, message, others, value_of
from reconcile.rules import RULES, Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "reconcileClaimHash/v2"  # v2: a disagreement's slot and values, order left out
REPORTED = tuple(rule for rule in RULES if rule.kind is not Kind.AGREEMENT)
_INDEX = {rule.id: i for i, rule in enumerate(REPORTED)}


def render(report: Report, root: str | None = None) -> str:
    """The report as a SARIF log. ``root`` is the repository root that absolute
    source paths are made relative to; None means the working directory."""
    log = to_dict(report, os.getcwd() if root is None else root)
    return json.dumps(log, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def to_dict(report: Report, root: str) -> dict[str, Any]:
    """The SARIF log as plain JSON values."""
    called = names([s.path for s in report.sources])
    results = [
        _result(f, root, report.mode, called) for f in report.findings if f.kind is not Kind.AGREEMENT
    ]
    _number_repeats(results)
    return {
        "version": "2.1.0",
        "$schema": SARIF_SCHEMA,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reconcile",
                        "informationUri": _information_uri(),
                        "version": tool_version(),
                        "rules": [_rule(rule) for rule in REPORTED],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "toolExecutionNotifications": [_unused(u, root) for u in report.unused_suppressions],
                    }
                ],
                # Evidence columns count characters (code points), not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _information_uri() -> str:
    """The project's home page from the package metadata, else its PyPI page."""
    from importlib import metadata  # 25 ms: only SARIF pays it

    try:
        urls = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"}:
            return url.strip()
    return f"https://pypi.org/project/{DISTRIBUTION}/"


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {
            "text": f"{rule.summary} Reported as {'an' if rule.kind.value[0] in 'aeiou' else 'a'} "
            f"{rule.kind.value} of type {rule.type}."
        },
        "help": {
            "text": f"{rule.summary}\nExample: {rule.example}",
            "markdown": f"{rule.summary}\n\nExample: {rule.example}",
        },
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"tags": ["fact-checking", rule.kind.value, rule.type]},
    }


def _result(finding: Finding, root: str, mode: str, called: list[str]) -> dict[str, Any]:
    rule = rule_of(finding)
    return {
        "ruleId": rule.id,
        "ruleIndex": _INDEX[rule.id],
        "level": rule.severity,
        "message": {"text": message(finding, called)},
        "locations": [_location(lead(finding, mode), root)],
        "relatedLocations": [
            {"id": i, **_location(e, root), "message": {"text": _related(finding, e)}}
            for i, e in enumerate(others(finding, mode), start=1)
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, root)},
        "properties": {
            "kind": finding.kind.value,
            "type": finding.type,
            "score": round(finding.score, 3),
            "slot": finding.slot,
            "values": [side.value for side in finding.sides],
        },
    }


def _related(finding: Finding, evidence: Evidence) -> str:
    """A related sentence, after the value it states when the sides are known."""
    value = value_of(finding, evidence)
    return f"{value}: {shown(evidence)[0]}" if value else shown(evidence)[0]


def _unused(unused: UnusedSuppression, root: str) -> dict[str, Any]:
    """A suppression that matched nothing, as a warning about the run, at its comment
    (or on the baseline file)."""
    where: dict[str, Any] = {"artifactLocation": {"uri": _uri(unused.path, root)}}
    if unused.line is not None:
        where["region"] = {"startLine": unused.line}
    return {"level": "warning", "message": {"text": unused_line(unused)}, "locations": [{"physicalLocation": where}]}


def _location(evidence: Evidence, root: str) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(evidence.path, root)},
            "region": {
                "startLine": evidence.line,
                "startColumn": evidence.column,
                "endLine": evidence.end_line,
                "endColumn": evidence.end_column,  # exclusive in SARIF and in Evidence
                "snippet": {"text": evidence.sentence},
            },
        }
    }


def _uri(path: str, root: str) -> str:
    """A URI reference: the repository-relative path, percent-encoded where needed,
    or a file: URI for a source outside the repository."""
    relative = repository_path(path, root)
    if os.path.isabs(relative):
        return PurePath(relative).as_uri()
    return quote(relative)


def _number_repeats(results: list[dict[str, Any]]) -> None:
    """Suffix ``:n`` to identical fingerprints (the same sentence said twice), as
    GitHub does for its own line hashes, so each stays a separate alert."""
    seen: Counter[str] = Counter()
    for result in results:
        prints = result["partialFingerprints"]
        value = prints[FINGERPRINT_KEY]
        seen[value] += 1
        prints[FINGERPRINT_KEY] = f"{value}:{seen[value]}"
