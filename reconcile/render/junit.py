"""JUnit XML, the test-report format every CI system can display.

In check mode each claim of the draft (source 0) is a test case: it passes when
the sources support it and fails when they contradict it or do not support it.
The failure's ``type`` is the rule id, so a CI can tell RC201 (unsupported) from
RC1xx (contradicted). In compare mode every problem found is a failing case.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from reconcile.model import Evidence, Finding, Kind, Report
from reconcile.render._common import by_seriousness, shown, where

NAME_WIDTH = 60
# Characters XML 1.0 cannot carry at all (control characters other than tab and newlines).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report) -> str:
    """The report as a JUnit XML document with one test suite."""
    cases = _check_cases(report) if report.mode == "check" else _compare_cases(report)
    suite = ET.Element(
        "testsuite",
        name=f"reconcile {report.mode}",
        tests=str(len(cases)),
        failures=str(sum(1 for case in cases if case.find("failure") is not None)),
        errors="0",
        skipped="0",
    )
    properties = ET.SubElement(suite, "properties")
    for source in report.sources:
        ET.SubElement(properties, "property", name="source", value=_clean(source.path))
    suite.extend(cases)
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _check_cases(report: Report) -> list[ET.Element]:
    """One case per draft sentence a finding is about, in the draft's order, failing
    with its most serious problem; then problems among the sources alone."""
    claims: dict[tuple[int, int], tuple[Evidence, list[Finding]]] = {}
    elsewhere = []
    for finding in by_seriousness(report.findings):
        drafts = [e for e in finding.evidence if e.source == 0]
        for evidence in drafts:
            claims.setdefault((evidence.start, evidence.end), (evidence, []))[1].append(finding)
        if not drafts and finding.kind is not Kind.AGREEMENT:
            elsewhere.append(_case(finding.evidence[0], [finding]))
    cases = []
    for key in sorted(claims):
        evidence, findings = claims[key]
        cases.append(_case(evidence, [f for f in findings if f.kind is not Kind.AGREEMENT]))
    return cases + elsewhere


def _compare_cases(report: Report) -> list[ET.Element]:
    return [
        _case(f.evidence[0], [f]) for f in report.findings if f.kind is not Kind.AGREEMENT
    ]


def _case(evidence: Evidence, problems: list[Finding]) -> ET.Element:
    sentence = shown(evidence)[0]
    case = ET.Element(
        "testcase",
        classname=_clean(evidence.path),
        name=_clean(f"line {evidence.line}: {sentence[:NAME_WIDTH]}"),
    )
    if problems:
        worst = problems[0]
        failure = ET.SubElement(case, "failure", message=_clean(worst.reason), type=worst.rule)
        failure.text = _clean("\n".join(_describe(f) for f in problems))
    return case


def _describe(finding: Finding) -> str:
    lines = [f"{finding.rule} {finding.kind.value}: {finding.reason}"]
    lines += [f"  {where(e)}: {shown(e)[0]}" for e in finding.evidence]
    return "\n".join(lines)


def _clean(text: str) -> str:
    """Text XML can hold: characters it forbids become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
