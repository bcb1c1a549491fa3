"""JUnit XML, the test-report format every CI system can display.

In check mode each claim of the draft (source 0) is a test case, from its verdict:
it passes when the sources support it and fails when they contradict it or do not
support it; what is no claim is counted in the suite's properties. The failure's
``type`` is the rule id, so a CI can tell RC201 (unsupported) from RC1xx
(contradicted). In compare mode every problem found is a failing case. A
disagreement is one failure listing its sides. Suppressions that matched nothing
are properties of the suite.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from reconcile.findings import verdicts
from reconcile.model import Evidence, Finding, Kind, Report
from reconcile.render._common import by_seriousness, names, shown, unused_line, verdict_counts, where
from reconcile.render._sides import cited, lead, message

NAME_WIDTH = 60
_FAILING = ("contradicted", "unsupported")
# Characters XML 1.0 cannot carry at all (control characters other than tab and newlines).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report) -> str:
    """The report as a JUnit XML document with one test suite."""
    called = names([s.path for s in report.sources])
    cases = _check_cases(report, called) if report.mode == "check" else _compare_cases(report, called)
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
    if report.mode == "check":
        for verdict, n in verdict_counts(verdicts(report)).items():
            ET.SubElement(properties, "property", name=f"claims {verdict}", value=str(n))
    for unused in report.unused_suppressions:
        ET.SubElement(properties, "property", name="unused suppression", value=_clean(unused_line(unused)))
    suite.extend(cases)
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _check_cases(report: Report, called: list[str]) -> list[ET.Element]:
    """One case per draft claim, in the draft's order, failing when contradicted or
    unsupported with the findings that say so, the most serious first; then problems
    among the sources alone, which no verdict holds."""
    told = verdicts(report)
    cases = [
        _case(v.claim, by_seriousness(report.findings[i] for i in v.findings) if v.verdict in _FAILING else [], called)
        for v in told
        if v.verdict != "not a claim"
    ]
    held = {i for v in told for i in v.findings}
    cases += [
        _case(f.evidence[0], [f], called)
        for i, f in enumerate(report.findings)
        if i not in held and f.kind is not Kind.AGREEMENT
    ]
    return cases


def _compare_cases(report: Report, called: list[str]) -> list[ET.Element]:
    return [
        _case(lead(f, report.mode), [f], called) for f in report.findings if f.kind is not Kind.AGREEMENT
    ]


def _case(evidence: Evidence, problems: list[Finding], called: list[str]) -> ET.Element:
    sentence = shown(evidence)[0]
    case = ET.Element(
        "testcase",
        classname=_clean(evidence.path),
        name=_clean(f"line {evidence.line}: {sentence[:NAME_WIDTH]}"),
    )
    if problems:
        worst = problems[0]
        failure = ET.SubElement(case, "failure", message=_clean(message(worst, called)), type=worst.rule)
        failure.text = _clean("\n".join(_describe(f, called) for f in problems))
    return case


def _describe(finding: Finding, called: list[str]) -> str:
    lines = [f"{finding.rule} {finding.kind.value}: {message(finding, called)}"]
    lines += [f"  {cited(finding, e, where(e))}" for e in finding.evidence]
    return "\n".join(lines)


def _clean(text: str) -> str:
    """Text XML can hold: characters it forbids become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
