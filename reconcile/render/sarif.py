"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Only contradictions and unsupported claims are results: agreements are not
problems. Each result carries a fingerprint computed from content, not line
numbers, so an alert survives edits above it and is not duplicated between runs.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from reconcile.findings import fingerprint, repository_path
from reconcile.model import Evidence, Finding, Kind, Report
from reconcile.render._common import DISTRIBUTION, rule_of, shown, tool_version
from reconcile.rules import RULES, Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "reconcileClaimHash/v1"
REPORTED = tuple(rule for rule in RULES if rule.kind is not Kind.AGREEMENT)
_INDEX = {rule.id: i for i, rule in enumerate(REPORTED)}


def render(report: Report, root: str | None = None) -> str:
    """The report as a SARIF log. ``root`` is the repository root that absolute
    source paths are made relative to; None means the working directory."""
    log = to_dict(report, os.getcwd() if root is None else root)
    return json.dumps(log, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def to_dict(report: Report, root: str) -> dict[str, Any]:
    """The SARIF log as plain JSON values."""
    results = [
        _result(f, root) for f in report.findings if f.kind is not Kind.AGREEMENT
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
            "text": f"{rule.summary} Reported as a {rule.kind.value} of type {rule.type}."
        },
        "help": {
            "text": f"{rule.summary}\nExample: {rule.example}",
            "markdown": f"{rule.summary}\n\nExample: {rule.example}",
        },
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"tags": ["fact-checking", rule.kind.value, rule.type]},
    }


def _result(finding: Finding, root: str) -> dict[str, Any]:
    rule = rule_of(finding)
    primary, *others = finding.evidence
    return {
        "ruleId": rule.id,
        "ruleIndex": _INDEX[rule.id],
        "level": rule.severity,
        "message": {"text": finding.reason},
        "locations": [_location(primary, root)],
        "relatedLocations": [
            {"id": i, **_location(e, root), "message": {"text": shown(e)[0]}}
            for i, e in enumerate(others, start=1)
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, root)},
        "properties": {
            "kind": finding.kind.value,
            "type": finding.type,
            "score": round(finding.score, 3),
        },
    }


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
