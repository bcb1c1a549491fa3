"""Suppression: inline ignore comments, the content-keyed baseline, rule selection,
and the report of suppressions that match nothing. The library functions are
tested on hand-made findings; test_check.py runs them end to end."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from reports import disputed

from reconcile import suppression
from reconcile.errors import InputError
from reconcile.model import Document, Evidence, Finding, Kind, Report, Side, SourceInfo
from reconcile.read.files import read_text
from reconcile.rules import BY_ID
from reconcile.settings import Settings

CONTRADICTED = "Micron's China business accounts for about 15% of its revenues."
UNSUPPORTED = "Shares of local chip firms rose by 2% on Monday."
SOURCE = "Micron's China business accounts for 20% of its revenues.\n"


def _doc(text: str, path: str = "draft.md") -> Document:
    return read_text(text, path, Settings())


def _evidence(doc: Document, source: int, sentence: str) -> Evidence:
    start = doc.text.index(sentence)
    end = start + len(sentence)
    return Evidence(source, doc.path, sentence, start, end, *doc.locate(start), *doc.locate(end))


def _run(draft: str, baseline: suppression.Baseline | None = None, contradicted: str = CONTRADICTED,
         unsupported: str = UNSUPPORTED, **selection) -> Report:
    """The draft's two problems (RC101 against the source, RC201) after suppression."""
    docs = (_doc(draft), _doc(SOURCE, "sources/a.txt"))
    findings = (
        Finding(Kind.CONTRADICTION, "number", "RC101", "15% vs 20%", 0.8,
                (_evidence(docs[0], 0, contradicted), _evidence(docs[1], 1, SOURCE.strip()))),
        Finding(Kind.UNSUPPORTED, "claim", "RC201", "no source says this", 0.0,
                (_evidence(docs[0], 0, unsupported),)),
    )
    infos = tuple(SourceInfo(d.path, "utf-8", 2, 2, None, ()) for d in docs)
    report = Report(infos, findings, "check")
    return suppression.apply(report, docs, baseline, root="/repo", **selection)


def _rules(report: Report) -> list[str]:
    return [f.rule for f in report.findings]


def _draft(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


# Inline comments


@pytest.mark.parametrize(
    "draft, left",
    [
        (_draft(CONTRADICTED, UNSUPPORTED), ["RC101", "RC201"]),
        (_draft("<!-- reconcile: ignore[RC101] -->", CONTRADICTED, UNSUPPORTED), ["RC201"]),
        (_draft(CONTRADICTED + " <!-- reconcile: ignore[RC101] -->", UNSUPPORTED), ["RC201"]),
        (_draft(CONTRADICTED, "<!-- reconcile: ignore -->", UNSUPPORTED), ["RC101"]),
        (_draft(CONTRADICTED, UNSUPPORTED + "<!--reconcile:ignore-->"), ["RC101"]),
        (_draft("<!-- reconcile: ignore[number-mismatch] -->", CONTRADICTED, UNSUPPORTED), ["RC201"]),
        (_draft("<!-- reconcile: ignore[RC1, RC201] -->", CONTRADICTED, UNSUPPORTED), ["RC201"]),
        (_draft(CONTRADICTED + " " + UNSUPPORTED + " <!-- reconcile: ignore -->"), []),
        # a standalone comment covers the next line only
        (_draft("<!-- reconcile: ignore -->", "", CONTRADICTED, UNSUPPORTED), ["RC101", "RC201"]),
        # a trailing comment covers its own line, not the next one
        (_draft("Intro line. <!-- reconcile: ignore -->", CONTRADICTED, UNSUPPORTED), ["RC101", "RC201"]),
        # the wrong rule suppresses nothing
        (_draft("<!-- reconcile: ignore[RC201] -->", CONTRADICTED, UNSUPPORTED), ["RC101", "RC201"]),
        # a comment inside a code block is an example, not a suppression
        (_draft("```", "<!-- reconcile: ignore -->", "```", CONTRADICTED), ["RC101", "RC201"]),
    ],
)
def test_inline_comments(draft: str, left: list[str]) -> None:
    if UNSUPPORTED not in draft:
        draft += UNSUPPORTED + "\n"
    assert _rules(_run(draft)) == left


def test_comment_on_a_wrapped_sentence_last_line() -> None:
    wrapped = CONTRADICTED.replace("accounts for", "accounts\nfor")
    draft = _draft(wrapped + " <!-- reconcile: ignore[RC101] -->", UNSUPPORTED)
    assert _rules(_run(draft, contradicted=wrapped)) == ["RC201"]


@pytest.mark.parametrize(
    "comment, rules, reason",
    [
        ("<!-- reconcile: ignore[RC103] -->", ("RC103",), "matches no finding"),
        ("<!-- reconcile: ignore[RC101,weekday-mismatch] -->", ("weekday-mismatch",),
         "weekday-mismatch matched no finding"),
        ("<!-- reconcile: ignore[RC999] -->", ("RC999",), "unknown rule 'RC999'"),
        ("<!-- reconcile: ignore RC101 -->", (), "not a suppression comment"),
        ("<!-- reconcile: ignore[] -->", (), "names no rule"),
    ],
)
def test_unused_comment_is_reported(comment: str, rules: tuple[str, ...], reason: str) -> None:
    report = _run(_draft("Intro.", comment, CONTRADICTED, UNSUPPORTED))
    (unused,) = report.unused_suppressions
    assert (unused.path, unused.line, unused.rules, unused.text) == ("draft.md", 2, rules, comment)
    assert reason in unused.reason


def test_unused_blanket_comment_is_reported() -> None:
    comment = "<!-- reconcile: ignore -->"
    (unused,) = _run(_draft("Intro.", comment, "", CONTRADICTED, UNSUPPORTED)).unused_suppressions
    assert (unused.line, unused.rules, unused.text, unused.reason) == (2, (), comment, "matches no finding")


def test_used_comments_are_not_reported() -> None:
    draft = _draft("<!-- reconcile: ignore[RC101] -->", CONTRADICTED, UNSUPPORTED + " <!-- reconcile: ignore -->")
    report = _run(draft)
    assert report.findings == () and report.unused_suppressions == ()


def test_comment_in_the_source_counts_for_findings_on_it() -> None:
    docs = (_doc(_draft(CONTRADICTED)), _doc("<!-- reconcile: ignore -->\n" + SOURCE, "sources/a.md"))
    finding = Finding(Kind.CONTRADICTION, "number", "RC101", "15% vs 20%", 0.8,
                      (_evidence(docs[0], 0, CONTRADICTED), _evidence(docs[1], 1, SOURCE.strip())))
    report = suppression.apply(Report((), (finding,)), docs)
    assert report.findings == ()


# Selection


@pytest.mark.parametrize(
    "selection, left",
    [
        ({"select": ("RC101",)}, ["RC101"]),
        ({"ignore": ("RC101",)}, ["RC201"]),
        ({"select": ("RC101", "RC201"), "ignore": ("RC201",)}, ["RC101"]),
        ({"select": ()}, []),
    ],
)
def test_selection(selection: dict, left: list[str]) -> None:
    assert _rules(_run(_draft(CONTRADICTED, UNSUPPORTED), **selection)) == left


def test_a_comment_for_an_ignored_rule_is_not_reported_unused() -> None:
    report = _run(_draft("<!-- reconcile: ignore[RC201] -->", UNSUPPORTED, CONTRADICTED), ignore=("RC201",))
    assert _rules(report) == ["RC101"] and report.unused_suppressions == ()


# Baseline


def _baseline(draft: str, tmp_path: Path) -> suppression.Baseline:
    """Write the draft's findings to a baseline file and read it back."""
    path = tmp_path / "baseline.json"
    path.write_text(suppression.dump_baseline(suppression.make_baseline(_run(draft), str(path), "/repo")))
    return suppression.read_baseline(path)


def test_baseline_round_trip_suppresses_everything(tmp_path: Path) -> None:
    draft = _draft(CONTRADICTED, UNSUPPORTED)
    baseline = _baseline(draft, tmp_path)
    assert [(e.rule, e.file) for e in baseline.entries] == [("RC101", "draft.md"), ("RC201", "draft.md")]
    report = _run(draft, baseline)
    assert report.findings == () and report.unused_suppressions == ()


def test_baseline_survives_lines_inserted_above_and_rewrapping(tmp_path: Path) -> None:
    baseline = _baseline(_draft(CONTRADICTED, UNSUPPORTED), tmp_path)
    rewrapped = UNSUPPORTED.replace("chip firms", "CHIP\n  firms")
    moved = _draft("# A new headline", "", "A new paragraph on top.", "", CONTRADICTED, "", rewrapped)
    assert _run(moved, unsupported=rewrapped).findings[0].evidence[0].line == 5
    assert _run(moved, baseline, unsupported=rewrapped).findings == ()


def test_baseline_does_not_hide_a_changed_claim_and_reports_the_stale_entry(tmp_path: Path) -> None:
    baseline = _baseline(_draft(CONTRADICTED, UNSUPPORTED), tmp_path)
    changed = UNSUPPORTED.replace("2%", "3%")
    report = _run(_draft(CONTRADICTED, changed), baseline, unsupported=changed)
    assert [f.evidence[0].sentence for f in report.findings] == [changed]
    (stale,) = report.unused_suppressions
    assert (stale.path, stale.line, stale.rules, stale.text) == (baseline.path, None, ("RC201",), UNSUPPORTED)
    assert "matches no finding" in stale.reason


def test_baseline_file_is_sorted_readable_json(tmp_path: Path) -> None:
    baseline = _baseline(_draft(UNSUPPORTED, CONTRADICTED), tmp_path)
    data = json.loads(Path(baseline.path).read_text())
    assert data["reconcile_baseline"] == 2
    assert [e["rule"] for e in data["findings"]] == ["RC101", "RC201"]
    assert data["findings"][1]["sentence"] == UNSUPPORTED


@pytest.mark.parametrize(
    "content, words",
    [
        (None, "no such baseline file"),
        ("not json", "not a baseline file"),
        ('{"findings": []}', "not a baseline file"),
        ('{"reconcile_baseline": 9, "findings": []}', "baseline version 9"),
        ('{"reconcile_baseline": 1, "findings": []}', "write it again with --write-baseline"),
        ('{"reconcile_baseline": 2, "findings": [{"rule": "RC101"}]}', "not a baseline file"),
    ],
)
def test_unreadable_baseline_names_the_file(tmp_path: Path, content: str | None, words: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError, match=words) as caught:
        suppression.read_baseline(path)
    assert caught.value.path == str(path)


def test_every_rule_in_the_registry_can_be_named_in_a_comment() -> None:
    for rule_id, rule in BY_ID.items():
        comment = f"<!-- reconcile: ignore[{rule.name}] -->"
        (directive,), _ = suppression.directives(_doc(comment + "\nText.\n"), 0)
        assert directive.suppresses(rule_id)


# Disagreements: keyed on content, never on order


def _baseline_of(report: Report, tmp_path: Path) -> suppression.Baseline:
    path = tmp_path / "baseline.json"
    path.write_text(suppression.dump_baseline(suppression.make_baseline(report, str(path), "/repo")))
    return suppression.read_baseline(path)


@pytest.mark.parametrize("order", [(2, 0, 1), (1, 2, 0), (2, 1, 0)])
def test_baseline_survives_sources_findings_and_sides_in_another_order(tmp_path: Path, order: tuple[int, ...]) -> None:
    baseline = _baseline_of(disputed(), tmp_path)
    reordered = disputed(order=order)
    shuffled = Report(reordered.sources, reordered.findings[::-1], reordered.mode)
    assert [f.evidence[0].path for f in shuffled.findings] != [f.evidence[0].path for f in disputed().findings]
    report = suppression.apply(shuffled, [], baseline, root="/repo")
    assert report.findings == () and report.unused_suppressions == ()


def test_baseline_entry_names_the_disagreement_for_people(tmp_path: Path) -> None:
    data = json.loads(Path(_baseline_of(disputed(), tmp_path).path).read_text())
    patients = next(e for e in data["findings"] if e["rule"] == "RC101")
    assert (patients["slot"], patients["values"], patients["file"]) == (
        "number of patients", ["2", "3"], "stories/sentinel.txt")
    again = json.loads(Path(_baseline_of(disputed(order=(2, 1, 0)), tmp_path).path).read_text())
    assert again == data  # rewriting it after the sources were reordered changes nothing


def test_baseline_keys_on_the_disputed_values(tmp_path: Path) -> None:
    """The same sentences read as other values are another disagreement."""
    baseline = _baseline_of(disputed(), tmp_path)
    report = disputed()
    patients, *rest = report.findings
    reread = replace(patients, sides=tuple(Side(s.value, s.normalised + "0", s.evidence) for s in patients.sides))
    kept = suppression.apply(replace(report, findings=(reread, *rest)), [], baseline, root="/repo")
    assert kept.findings == (reread,)
    (stale,) = kept.unused_suppressions
    assert "(2 vs 3) matches no finding" in stale.reason
