"""Machine-readable report formats: each is checked by reading it back the way
its consumer would (JSON Schema, SARIF, GitHub's command parser, XML)."""

from __future__ import annotations

import html
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from reports import REPORT_SCHEMA, cited, crowded, disputed, ev, validate

from reconcile.model import (
    ComparedFact,
    Document,
    Evidence,
    Finding,
    Kind,
    Report,
    SourceInfo,
    UnusedSuppression,
)
from reconcile.render import FORMATS, github, junit, markdown, render, sarif
from reconcile.render import json as json_format
from reconcile.rules import BY_ID, RULES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "formats"
SARIF_SCHEMA = json.loads((FIXTURES / "sarif-github-minimal.schema.json").read_text())

DRAFT = (
    "Micron: a thaw\n"
    "Wang Wentao met Sanjay Mehrotra on Tuesday, Nov. 1, 2023.\n"
    "Revenue fell about 15% | a <b>record</b> & \"100% sure\" drop, at $5 and $6.\n"
    "Shares rose 2%,\nsaid one analyst.\n"
    "- The meeting was *not* public.\n"
)
SOURCE = (
    "Le ministre Wang Wentao a rencontré Mehrotra le mercredi 1er novembre 2023.\n"
    "Revenue fell 20% in the quarter.\n"
    "The meeting was public.\n"
)
PATHS = ("drafts/a 1.txt", "sources/ünï,code:b.txt")


def _docs(paths: tuple[str, str] = PATHS, draft: str = DRAFT) -> tuple[Document, Document]:
    return (Document(paths[0], draft, draft), Document(paths[1], SOURCE, SOURCE, "latin-1"))


def finding(kind: Kind, rule: str, reason: str, *evidence: Evidence, score: float = 0.0,
            facts: tuple[ComparedFact, ...] = ()) -> Finding:
    return Finding(kind, BY_ID[rule].type, rule, reason, score, evidence, facts)


def build(mode: str = "compare", paths: tuple[str, str] = PATHS, draft: str = DRAFT) -> Report:
    """A report with every kind of finding, two sources, unicode and characters that
    need escaping in some format (%, :, comma, newline, <, &, |, $, *)."""
    a, b = _docs(paths, draft)
    wang_a = "Wang Wentao met Sanjay Mehrotra on Tuesday, Nov. 1, 2023."
    wang_b = "Le ministre Wang Wentao a rencontré Mehrotra le mercredi 1er novembre 2023."
    revenue_a = "Revenue fell about 15% | a <b>record</b> & \"100% sure\" drop, at $5 and $6."
    revenue_b = "Revenue fell 20% in the quarter."
    findings = (
        finding(Kind.CONTRADICTION, "RC101", "15% vs 20%: the revenue fall differs",
                ev(a, 0, revenue_a, "about 15%"), ev(b, 1, revenue_b, "20%"), score=0.81234,
                facts=(ComparedFact(0, "about 15%", "percent:15"),
                       ComparedFact(1, "20%", "percent:20"))),
        finding(Kind.CONTRADICTION, "RC103", "Nov. 1, 2023 was a Wednesday, not a Tuesday",
                ev(a, 0, wang_a, "Tuesday", "Nov. 1, 2023"), ev(b, 1, wang_b, "mercredi"),
                score=0.7),
        finding(Kind.CONTRADICTION, "RC106", "one says the meeting was not public",
                ev(a, 0, "- The meeting was *not* public.", "not"),
                ev(b, 1, "The meeting was public."), score=0.9),
        finding(Kind.UNSUPPORTED, "RC201", "only drafts/a 1.txt says this",
                ev(a, 0, "Shares rose 2%,\nsaid one analyst.")),
        finding(Kind.UNSUPPORTED, "RC202", "only one source says when: 50%, yes",
                ev(b, 1, revenue_b, detail="in the quarter")),
        finding(Kind.AGREEMENT, "RC301", "same meeting, same people",
                ev(a, 0, wang_a, "Wang Wentao"), ev(b, 1, wang_b, "Wang Wentao"), score=0.66666),
    )
    sources = (
        SourceInfo(a.path, "utf-8", 5, 4, date(2023, 11, 2), ()),
        SourceInfo(b.path, "latin-1", 3, 3, None, ("no date line: relative dates kept",)),
    )
    return Report(sources, findings, mode)


def many(counts: dict[str, int]) -> Report:
    """A report with ``counts[rule]`` findings of each rule, on distinct lines."""
    text = "".join(f"Claim number {i} is here.\n" for i in range(sum(counts.values())))
    doc = Document("many.txt", text, text)
    findings, i = [], 0
    for rule, n in counts.items():
        for _ in range(n):
            findings.append(finding(BY_ID[rule].kind, rule, f"problem {i}",
                                    ev(doc, 0, f"Claim number {i} is here.")))
            i += 1
    return Report((SourceInfo(doc.path, "utf-8", i, i, None, ()),), tuple(findings))


# Registry and determinism


def test_registry_names_every_machine_format() -> None:
    assert {"json", "sarif", "github", "markdown", "junit"} <= set(FORMATS)


def test_unknown_format_names_the_choices() -> None:
    with pytest.raises(ValueError, match="choose from .*json"):
        render(build(), "yaml")


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "markdown", "junit"])
@pytest.mark.parametrize("mode", ["compare", "check"])
def test_same_report_gives_identical_output(fmt: str, mode: str) -> None:
    for make in (build, disputed):
        first = render(make(mode), fmt)
        assert first == render(make(mode), fmt)
        assert first.endswith("\n")


# JSON


def test_json_validates_against_its_schema(sample_report: Report) -> None:
    jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)
    for mode in ("compare", "check"):
        for report in (build(mode), disputed(mode)):  # disputed: updates and attributed figures with sides
            validate(json.loads(render(report, "json")))
    validate(json.loads(render(sample_report, "json")))


def test_json_schema_accepts_every_2x_report_and_no_other() -> None:
    data = json.loads(render(disputed("check"), "json"))
    later = {**data, "schema_version": "2.13", "new_field": 1,
             "findings": [{**data["findings"][0], "new_detail": "x"}, *data["findings"][1:]]}
    validate(later, REPORT_SCHEMA)
    with pytest.raises(jsonschema.ValidationError, match="new_field"):
        validate(later)  # the closed copy the tests hold reconcile's own output to
    for version in ("1.2", "3.0", "2", "2.x"):
        with pytest.raises(jsonschema.ValidationError):
            validate({**data, "schema_version": version}, REPORT_SCHEMA)
    assert "const" not in REPORT_SCHEMA["properties"]["schema_version"]


def test_json_schema_ties_verdicts_to_check_mode() -> None:
    data = json.loads(render(disputed("check"), "json"))
    with pytest.raises(jsonschema.ValidationError):
        validate({**data, "mode": "compare"})
    compared = json.loads(render(disputed(), "json"))
    with pytest.raises(jsonschema.ValidationError):
        validate({**compared, "mode": "check"})


def test_json_content() -> None:
    data = json.loads(json_format.render(build()))
    assert data["schema_version"] == "2.0"
    assert data["tool"]["name"] == "reconcile"
    assert data["counts"] == {"contradiction": 3, "update": 0, "attributed": 0, "agreement": 1, "unsupported": 2}
    assert data["verdicts"] is None and data["verdict_counts"] is None  # compare: no draft on trial
    assert data["sources"][0]["published"] == "2023-11-02"
    assert data["sources"][1]["published"] is None
    number = data["findings"][0]
    assert (number["rule"], number["severity"], number["score"]) == ("RC101", "error", 0.812)
    assert number["facts"] == [{"source": 0, "text": "about 15%", "value": "percent:15"},
                               {"source": 1, "text": "20%", "value": "percent:20"}]
    assert [e["source"] for e in cited(data, number)] == [0, 1]
    first = cited(data, number)[0]
    start, end = first["span"]
    assert DRAFT[start:end] == first["text"]
    assert [DRAFT[s:e] for s, e in first["highlights"]] == ["about 15%"]
    assert (first["line"], first["column"]) == (3, 1)
    assert data["findings"][4]["evidence"][0]["detail"] == "in the quarter"
    assert (number["slot"], number["sides"]) == ("", [])  # a disagreement the judge did not split


def test_json_disagreement_has_its_slot_and_sides() -> None:
    data = json.loads(json_format.render(disputed()))
    assert data["counts"] == {"contradiction": 1, "update": 1, "attributed": 1, "agreement": 0, "unsupported": 0}
    patients = data["findings"][0]
    assert patients["slot"] == "number of patients"
    assert [(s["value"], s["normalised"], s["sources"]) for s in patients["sides"]] == [("2", "2", [0]), ("3", "3", [1, 2])]
    assert [s["evidence"] for s in patients["sides"]] == [[0], [1, 2]]  # indexes into the finding's evidence
    three = [cited(data, patients)[i] for i in patients["sides"][1]["evidence"]]
    assert [(e["file"], e["text"][:5]) for e in three] == [("stories/tvn6.txt", "Three"), ("stories/wire.txt", "Three")]
    assert [e["file"] for e in cited(data, patients)] == ["stories/sentinel.txt", "stories/tvn6.txt", "stories/wire.txt"]


def test_json_names_each_sentence_once_and_every_reference_resolves() -> None:
    """A finding's evidence names sentences by index, a side names its finding's
    evidence by index; each resolves to the sentence the report holds, and each
    sentence is written once: a story of many sources stays small. Nothing a short
    text report leaves out is missing here."""
    for report in (disputed(), disputed("check"), crowded(), crowded("check")):
        data = json.loads(json_format.render(report))
        validate(data)
        places = [(s["source"], *s["span"]) for s in data["sentences"]]
        assert places == sorted(set(places))  # each once, in source order
        for finding, written in zip(report.findings, data["findings"]):
            evidence = cited(data, written)
            assert [(e["file"], e["span"], e["text"], e["highlights"]) for e in evidence] == [
                (e.path, [e.start, e.end], e.sentence, [list(h) for h in e.highlights]) for e in finding.evidence]
            for side, told in zip(finding.sides, written["sides"]):
                assert [evidence[i]["text"] for i in told["evidence"]] == [e.sentence for e in side.evidence]


def test_json_has_a_line_per_finding_and_no_indentation() -> None:
    text = json_format.render(disputed())
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and text.endswith("}\n")
    assert lines[1] == '"schema_version":"2.0",'
    findings = [line for line in lines if line.startswith('{"kind":')]
    assert [json.loads(line.rstrip(","))["rule"] for line in findings] == ["RC101", "RC107", "RC108"]
    assert not any(line.startswith(" ") for line in lines)


def test_json_check_gives_each_draft_sentence_one_verdict() -> None:
    report = disputed("check")
    data = json.loads(json_format.render(report))
    draft = report.sources[0].path
    claims = [data["sentences"][v["sentence"]] for v in data["verdicts"]]
    assert [(c["file"], c["line"], v["verdict"], v["findings"]) for c, v in zip(claims, data["verdicts"])] == [
        (draft, 1, "contradicted", [0]),
        (draft, 2, "supported", [1]),  # the later report updates the draft's figure
    ]
    assert data["verdict_counts"] == {"contradicted": 1, "unsupported": 0, "supported": 1, "not a claim": 0}
    assert data["verdicts"][0]["reason"] == "the sources count the patients differently"


def test_json_keeps_unicode_readable() -> None:
    assert "ünï,code" in json_format.render(build())


def test_json_schema_knows_every_rule_type_and_kind() -> None:
    finding_schema = REPORT_SCHEMA["$defs"]["finding"]["properties"]
    assert {r.type for r in RULES} <= set(finding_schema["type"]["enum"])
    assert {k.value for k in Kind} == set(finding_schema["kind"]["enum"])


def test_schema_doc_documents_every_field() -> None:
    doc = (ROOT / "docs" / "schema.md").read_text()

    def names(node: object) -> set[str]:
        if isinstance(node, dict):
            own = set(node.get("properties", {}))
            return own | {n for value in node.values() for n in names(value)}
        if isinstance(node, list):
            return {n for value in node for n in names(value)}
        return set()

    missing = sorted(n for n in names(REPORT_SCHEMA) if f"`{n}`" not in doc)
    assert not missing


# SARIF


def _sarif(report: Report, root: str = "/repo") -> dict:
    return json.loads(sarif.render(report, root=root))


def test_sarif_validates_against_githubs_required_fields() -> None:
    log = _sarif(build())
    jsonschema.validate(log, SARIF_SCHEMA, cls=jsonschema.Draft202012Validator)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "reconcile"
    assert driver["informationUri"].startswith("https://")


def test_sarif_results_are_the_problems_only() -> None:
    run = _sarif(build())["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["RC101", "RC103", "RC106", "RC201", "RC202"]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        level = rule["defaultConfiguration"]["level"]
        assert result["level"] == BY_ID[rule["id"]].severity == level
    assert "Example:" in rules[0]["help"]["text"]


def test_sarif_regions_and_related_locations() -> None:
    result = _sarif(build())["runs"][0]["results"][0]
    primary = result["locations"][0]["physicalLocation"]
    assert primary["artifactLocation"]["uri"] == "drafts/a%201.txt"
    sentence = "Revenue fell about 15% | a <b>record</b> & \"100% sure\" drop, at $5 and $6."
    assert primary["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3,
                                 "endColumn": len(sentence) + 1, "snippet": {"text": sentence}}
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == [1]
    uri = related[0]["physicalLocation"]["artifactLocation"]["uri"]
    assert unquote(uri) == "sources/ünï,code:b.txt"
    assert " " not in uri and urlsplit(uri).scheme == ""  # ":" must not read as a scheme


@pytest.mark.parametrize(
    ("path", "root", "uri"),
    [
        ("/repo/docs/a.txt", "/repo", "docs/a.txt"),
        ("./docs//a.txt", "/repo", "docs/a.txt"),
        ("/elsewhere/a b.txt", "/repo", "file:///elsewhere/a%20b.txt"),
        ("/repository-two/a.txt", "/repo", "file:///repository-two/a.txt"),
    ],
)
def test_sarif_paths_are_repository_relative(path: str, root: str, uri: str) -> None:
    report = build(paths=(path, PATHS[1]))
    result = _sarif(report, root)["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


def test_sarif_columns_are_code_points() -> None:
    assert _sarif(build())["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_sarif_one_result_per_disagreement_its_other_sides_related() -> None:
    log = _sarif(disputed())
    jsonschema.validate(log, SARIF_SCHEMA, cls=jsonschema.Draft202012Validator)
    patients, toll, magnitude = log["runs"][0]["results"]
    assert (patients["ruleId"], toll["ruleId"], magnitude["ruleId"]) == ("RC101", "RC107", "RC108")
    assert (toll["level"], magnitude["level"]) == ("warning", "note")
    assert patients["message"]["text"] == (
        "the sources count the patients differently; number of patients: 2 (sentinel.txt) vs 3 (tvn6.txt, wire.txt)")
    assert patients["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "stories/sentinel.txt"
    related = [(r["physicalLocation"]["artifactLocation"]["uri"], r["message"]["text"])
               for r in patients["relatedLocations"]]
    assert related == [
        ("stories/tvn6.txt", "3: Three patients were treated at the clinic."),
        ("stories/wire.txt", "3: Three patients were treated at the clinic, officials said."),
    ]
    assert patients["properties"]["slot"] == "number of patients"
    assert patients["properties"]["values"] == ["2", "3"]


def test_sarif_check_locates_a_disagreement_at_the_draft() -> None:
    report = disputed("check", order=(1, 0, 2))  # tvn6.txt is the draft
    (patients, *_) = _sarif(report)["runs"][0]["results"]
    assert patients["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "stories/tvn6.txt"
    assert [r["message"]["text"][:2] for r in patients["relatedLocations"]] == ["2:", "3:"]


def _prints(report: Report) -> list[str]:
    return [r["partialFingerprints"][sarif.FINGERPRINT_KEY]
            for r in _sarif(report)["runs"][0]["results"]]


def test_fingerprints_survive_lines_inserted_above() -> None:
    moved = build(draft="A new first line.\n\nAnother one.\n" + DRAFT)
    before, after = build(), moved
    assert before.findings[0].evidence[0].line + 3 == after.findings[0].evidence[0].line
    assert _prints(before) == _prints(after)


def test_fingerprints_tell_findings_apart() -> None:
    prints = _prints(build())
    assert len(set(prints)) == len(prints)


def test_fingerprints_number_a_repeated_finding() -> None:
    report = build()
    first, second = _prints(Report(report.sources, (report.findings[3],) * 2))
    assert first.rsplit(":", 1)[0] == second.rsplit(":", 1)[0]
    assert (first[-2:], second[-2:]) == (":1", ":2")


def test_fingerprints_ignore_case_and_spacing() -> None:
    edited = DRAFT.replace("Shares rose 2%,\nsaid", "SHARES  rose 2%,\n  said")
    a, _ = _docs(draft=edited)
    respaced = finding(Kind.UNSUPPORTED, "RC201", "only drafts/a 1.txt says this",
                       ev(a, 0, "SHARES  rose 2%,\n  said one analyst."))
    report = build()
    assert _prints(Report(report.sources, (respaced,))) == _prints(
        Report(report.sources, (report.findings[3],)))


# GitHub workflow commands

_COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


def parse_commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    """Read workflow commands back the way the runner does; other lines are log lines."""
    commands = []
    for line in output.splitlines():
        if not line.startswith("::"):
            continue
        match = _COMMAND.match(line)
        assert match, line
        level, listed, message = match.groups()
        properties = dict(pair.split("=", 1) for pair in listed.split(","))
        commands.append((level, {k: _unescape(v) for k, v in properties.items()},
                         _unescape(message)))
    return commands


def log_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if not line.startswith("::")]


def test_github_annotations_read_back() -> None:
    commands = parse_commands(github.render(build(), root="/repo"))
    assert [(level, p["file"], p["line"], p["title"]) for level, p, _ in commands] == [
        ("error", "drafts/a 1.txt", "6", "RC106 polarity-mismatch"),  # the most certain first
        ("error", "drafts/a 1.txt", "3", "RC101 number-mismatch"),
        ("error", "drafts/a 1.txt", "2", "RC103 weekday-mismatch"),
        ("warning", "drafts/a 1.txt", "4", "RC201 unsupported-claim"),
        ("notice", "sources/ünï,code:b.txt", "2", "RC202 unsupported-detail"),
    ]
    level, props, message = commands[1]
    assert message == ("15% vs 20%: the revenue fall differs\n"
                       "sources/ünï,code:b.txt:2: Revenue fell 20% in the quarter.")
    assert (props["col"], props["endLine"]) == ("1", "3")
    assert commands[4][2] == "only one source says when: 50%, yes"


def test_github_drops_columns_on_multiline_spans() -> None:
    _, props, _ = parse_commands(github.render(build(), root="/repo"))[3]
    assert (props["line"], props["endLine"]) == ("4", "5")
    assert "col" not in props and "endColumn" not in props


def test_github_escapes_so_one_finding_is_one_line() -> None:
    output = github.render(build(), root="/repo")
    assert len(parse_commands(output)) == 5
    assert "file=sources/ünï%2Ccode%3Ab.txt," in output
    assert "50%25, yes" in output


def test_github_annotates_a_disagreement_once_with_its_sides() -> None:
    commands = parse_commands(github.render(disputed(), root="/repo"))
    assert [(level, p["file"], p["line"], p["title"]) for level, p, _ in commands] == [
        ("error", "stories/sentinel.txt", "1", "RC101 number-mismatch"),
        ("warning", "stories/sentinel.txt", "2", "RC107 figure-updated"),
        ("notice", "stories/tvn6.txt", "2", "RC108 attributed-figures"),
    ]
    assert commands[0][2].splitlines() == [
        "the sources count the patients differently; number of patients: 2 (sentinel.txt) vs 3 (tvn6.txt, wire.txt)",
        "stories/tvn6.txt:1 (3): Three patients were treated at the clinic.",
        "stories/wire.txt:3 (3): Three patients were treated at the clinic, officials said.",
    ]


def test_github_annotates_the_most_serious_ten_of_each_level_and_logs_the_rest() -> None:
    report = many({"RC201": 12, "RC101": 11, "RC202": 3, "RC301": 4})
    output = github.render(report, root="/repo")
    commands = parse_commands(output)
    assert [level for level, _, _ in commands] == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 3
    logged = log_lines(output)
    assert [line.split(": ", 2)[1] for line in logged[:-1]] == (
        ["error RC101 number-mismatch"] + ["warning RC201 unsupported-claim"] * 2 + ["note RC301 agreement"] * 4
    )
    assert all(re.match(r"many\.txt:\d+: ", line) for line in logged[:-1])  # file:line, never a command
    told = [m for _, _, m in commands] + logged
    assert {int(n) for n in re.findall(r"problem (\d+)", "\n".join(told))} == set(range(30))  # nothing dropped
    assert logged[-1].startswith("reconcile: 11 contradictions, 4 agreements, 15 unsupported (1 source, 30 sentences)")
    assert "23 annotated, 7 more as log lines above" in logged[-1] and "sarif" in logged[-1]


def test_github_with_room_for_all_logs_only_the_agreements_and_the_summary() -> None:
    output = github.render(many({"RC101": 10}), root="/repo")
    assert len(parse_commands(output)) == 10
    assert log_lines(output) == ["reconcile: 10 contradictions, 0 agreements, 0 unsupported (1 source, 10 sentences); "
                                 "10 annotated"]


# Markdown


def test_markdown_sections_in_order_most_certain_first() -> None:
    text = markdown.render(build())
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0] == "## reconcile: 3 contradictions, 2 unsupported, 1 agreement"
    assert headings[1:] == [  # a comment too long for GitHub is cut: the most certain are kept
        "### Contradictions",
        "#### RC106 polarity-mismatch: one says the meeting was not public",
        "#### RC101 number-mismatch: 15% vs 20%: the revenue fall differs",
        "#### RC103 weekday-mismatch: Nov. 1, 2023 was a Wednesday, not a Tuesday",
        "### Unsupported",
    ]
    assert text.index("### Unsupported") < text.index("<details>") < text.index("</details>")
    assert "<summary>1 agreement</summary>\n\n| Rule |" in text


def test_markdown_summary_counts_kind_and_type() -> None:
    text = markdown.render(build())
    assert "| contradiction | number | RC101 | 1 |" in text
    assert "| unsupported | detail | RC202 | 1 |" in text
    assert "| agreement | claim | RC301 | 1 |" in text


def test_markdown_quotes_sentences_with_bold_facts() -> None:
    text = markdown.render(build())
    assert ("> Revenue fell **about 15%** \\| a \\<b\\>record\\</b\\> \\& \"100% sure\" drop,"
            " at \\$5 and \\$6.") in text
    assert "> Wang Wentao met Sanjay Mehrotra on **Tuesday**, **Nov. 1, 2023**." in text
    assert "> \\- The meeting was \\***not**\\* public." in text


def test_markdown_table_rows_stay_whole() -> None:
    text = markdown.render(build())
    rows = [line for line in text.splitlines() if line.startswith("| RC")]
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 5, row
    assert "| RC201 | drafts/a 1.txt:4 | Shares rose 2%, said one analyst. |" in text
    assert "| Revenue fell 20% **in the quarter**. |" in text


def test_markdown_escape_table() -> None:
    assert markdown.escape("a|b *c* <d> & $1 `e` [f](g)") == \
        "a\\|b \\*c\\* \\<d\\> \\& \\$1 \\`e\\` \\[f\\](g)"
    assert markdown.escape("1. first") == "1\\. first"
    assert markdown.escape("line\nbreak") == "line break"


def test_markdown_fits_a_github_comment() -> None:
    report = many({"RC101": 300, "RC201": 600, "RC301": 300})
    assert len(markdown.render(report, limit=10**9)) > markdown.COMMENT_LIMIT
    text = markdown.render(report)
    assert len(text) <= markdown.COMMENT_LIMIT
    assert "300 agreements not listed" not in text and "<details>" not in text
    assert text.endswith("the JSON report has every finding.*\n")


def test_markdown_drops_agreements_first() -> None:
    report = build()
    full = markdown.render(report)
    short = markdown.render(report, limit=len(full) - 1)
    assert "<details>" not in short and "1 agreement not listed" in short
    assert "RC202" in short and "Cut here" not in short


def test_markdown_without_findings() -> None:
    text = markdown.render(Report(build().sources, ()))
    assert "No findings." in text and "|" not in text


def test_markdown_lists_a_few_sentences_of_a_side_many_sources_state() -> None:
    text = markdown.render(crowded())
    assert "*… 5 more sources state 7,000, in 6 sentences (the JSON report lists every one)*" in text
    assert text.count("> The fire destroyed **7,000** homes.") == 1
    assert text.count("> The fire destroyed **6,000** homes.") == 2  # named: each
    assert "*… 1 more value, stated by 1 source (the JSON report lists every one)*" in text
    assert "vs 50 (s7.txt)" in text  # the heading names every value


def test_markdown_lists_a_disagreements_sides_each_with_its_sentences() -> None:
    text = markdown.render(disputed())
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0] == "## reconcile: 1 contradiction, 1 update, 1 attributed figure, 0 unsupported, 0 agreements"
    assert headings[1:] == [
        "### Contradictions",
        "#### RC101 number-mismatch: the sources count the patients differently; "
        "number of patients: 2 (sentinel.txt) vs 3 (tvn6.txt, wire.txt)",
        "### Updates",
        "#### RC107 figure-updated: a later report raises the toll; death toll: 8 (sentinel.txt) vs 12 (wire.txt)",
        "### Attributed figures",
        "#### RC108 attributed-figures: each gives another agency's magnitude; magnitude: 6.1 (tvn6.txt) vs 5.9 (wire.txt)",
    ]
    three = text.index("**3 (tvn6.txt, wire.txt)**")
    assert text.index("**2 (sentinel.txt)**") < text.index("stories/sentinel.txt:1") < three
    assert three < text.index("> **Three** patients were treated at the clinic.") < text.index("stories/wire.txt:3")


def test_markdown_check_title_counts_claims_by_verdict() -> None:
    assert markdown.render(disputed("check")).startswith(
        "## reconcile check of stories/sentinel.txt: 1 contradicted, 0 unsupported, 1 supported, 0 not a claim\n")


# JUnit


def _suite(report: Report) -> ET.Element:
    return ET.fromstring(junit.render(report).encode("utf-8"))


def test_junit_check_mode_has_one_case_per_draft_claim() -> None:
    suite = _suite(build("check"))
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "line 2: Wang Wentao met Sanjay Mehrotra on Tuesday, Nov. 1, 2023.",
        "line 3: Revenue fell about 15% | a <b>record</b> & \"100% sure\" drop,",
        "line 4: Shares rose 2%, said one analyst.",
        "line 6: - The meeting was *not* public.",
        "line 2: Revenue fell 20% in the quarter.",
    ]
    failures = [(c.find("failure").get("type") if c.find("failure") is not None else None)
                for c in cases]
    assert failures == ["RC103", "RC101", "RC201", "RC106", "RC202"]
    assert {c.get("classname") for c in cases[:4]} == {"drafts/a 1.txt"}
    assert suite.get("tests") == "5" and suite.get("failures") == "5"


def test_junit_check_mode_passes_supported_claims() -> None:
    report = build("check")
    supported = Report(report.sources, (report.findings[5],), "check")
    case = _suite(supported).find("testcase")
    assert case is not None and case.find("failure") is None


def test_junit_compare_mode_has_one_case_per_problem() -> None:
    cases = _suite(build()).findall("testcase")
    assert [c.find("failure").get("type") for c in cases] == [
        "RC101", "RC103", "RC106", "RC201", "RC202"]
    assert cases[0].find("failure").get("message") == "15% vs 20%: the revenue fall differs"


def test_junit_survives_characters_xml_cannot_hold() -> None:
    a, _ = _docs(draft=DRAFT.replace("Shares rose", "Shares\x1brose"))
    bad = finding(Kind.UNSUPPORTED, "RC201", "form\x0cfeed", ev(a, 0, "Shares\x1brose 2%,"))
    case = _suite(Report(build().sources, (bad,))).find("testcase")
    assert case.get("name") == "line 4: Shares\ufffdrose 2%,"
    assert case.find("failure").get("message") == "form\ufffdfeed"


def test_junit_a_disagreement_is_one_failure_listing_its_sides() -> None:
    cases = _suite(disputed()).findall("testcase")
    assert [c.find("failure").get("type") for c in cases] == ["RC101", "RC107", "RC108"]
    failure = cases[0].find("failure")
    assert failure.get("message").endswith("number of patients: 2 (sentinel.txt) vs 3 (tvn6.txt, wire.txt)")
    assert failure.text.splitlines()[1:] == [
        "  stories/sentinel.txt:1 (2): Two patients were treated at the clinic, the sentinel said.",
        "  stories/tvn6.txt:1 (3): Three patients were treated at the clinic.",
        "  stories/wire.txt:3 (3): Three patients were treated at the clinic, officials said.",
    ]


def test_junit_check_mode_follows_the_verdicts() -> None:
    suite = _suite(disputed("check"))
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")[:12], c.find("failure") is not None) for c in cases] == [
        ("stories/sentinel.txt", "line 1: Two ", True),  # contradicted
        ("stories/sentinel.txt", "line 2: Eigh", False),  # supported: a later report updates it
        ("stories/tvn6.txt", "line 2: The ", True),  # among the sources alone, held by no verdict
    ]
    counts = {p.get("name"): p.get("value") for p in suite.iter("property") if p.get("name").startswith("claims")}
    assert counts == {"claims contradicted": "1", "claims unsupported": "0", "claims supported": "1",
                      "claims not a claim": "0"}


# Suppressions that matched nothing


UNUSED = (
    UnusedSuppression("drafts/a 1.txt", 4, ("RC999",), "<!-- reconcile: ignore[RC999] -->", "unknown rule 'RC999'"),
    UnusedSuppression("baseline.json", None, ("RC101",), "Revenue fell.", "baseline entry matches no finding"),
)


def _with_unused(mode: str = "compare") -> Report:
    report = build(mode)
    return Report(report.sources, report.findings, mode, UNUSED)


def _strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return [node] if isinstance(node, str) else []


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_reports_unused_suppressions(fmt: str) -> None:
    """What a reader of each format sees: the comment, why it is unused, the stale baseline entry."""
    output = render(_with_unused(), fmt)
    read = {
        "github": _unescape,
        "markdown": lambda text: text.replace("\\", ""),
        "junit": html.unescape,
        "html": html.unescape,
        "json": lambda text: "\n".join(_strings(json.loads(text))),
        "sarif": lambda text: "\n".join(_strings(json.loads(text))),
    }.get(fmt, str)(output)
    for told in ("<!-- reconcile: ignore[RC999] -->", "unknown rule 'RC999'", "baseline.json", "Revenue fell."):
        assert told in read, (fmt, told)


def test_unused_suppressions_are_sarif_tool_notifications() -> None:
    log = _sarif(_with_unused())
    jsonschema.validate(log, SARIF_SCHEMA, cls=jsonschema.Draft202012Validator)
    (invocation,) = log["runs"][0]["invocations"]
    comment, entry = invocation["toolExecutionNotifications"]
    assert comment["level"] == "warning" and "unknown rule 'RC999'" in comment["message"]["text"]
    assert comment["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "drafts/a%201.txt"},
                                                          "region": {"startLine": 4}}
    assert "region" not in entry["locations"][0]["physicalLocation"]


def test_unused_suppressions_are_github_warnings_at_the_comment() -> None:
    commands = parse_commands(github.render(_with_unused(), root="/repo"))
    unused = [(level, p) for level, p, m in commands if "unused suppression" in m]
    assert [(level, p["file"], p.get("line")) for level, p in unused] == [
        ("warning", "drafts/a 1.txt", "4"), ("warning", "baseline.json", None)]


# Rules documentation


def test_rules_doc_lists_every_rule() -> None:
    doc = (ROOT / "docs" / "rules.md").read_text()
    for rule in RULES:
        row = next((line for line in doc.splitlines() if line.startswith(f"| {rule.id} ")), "")
        assert rule.name in row and rule.severity in row, rule.id


def test_paths_use_forward_slashes() -> None:
    from reconcile.findings import repository_path

    native = os.path.join("dir", "sub", "a.txt")
    assert repository_path(native, "/repo") == "dir/sub/a.txt"
