"""`reconcile check` end to end, as CI runs it: a Markdown draft and a folder of
sources made in tmp_path, each format through the command line, exit codes,
--output, configuration over flags, baselines and inline suppression.

The renderers themselves are unit-tested in test_formats.py; this file tests that
the command line wires them to real reports."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from reports import cited, validate
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.render import FORMATS
from reconcile.rules import RULES
from reconcile.settings import Settings

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures" / "formats"

SUPPORTED = "The commerce minister met Micron's chief executive in Beijing on Nov. 1."
CONTRADICTED = "Micron's China business accounts for about 15% of its annual revenues."
UNSUPPORTED = "Shares of local chip firms rose by 2% on Monday after the talks."
SOURCE_A = (
    "The commerce minister met Micron's chief executive in Beijing on November 1.\n"
    "Micron's China business accounts for 20% of its annual revenues.\n"
)
SOURCE_B = "# Wire copy\n\nThe commerce minister met Micron's chief executive in Beijing on November 1.\n"
HEAD = "---\ntitle: Micron in China\nauthor: Desk\n---\n\n# Micron's thaw\n\n## What happened\n\n"


def draft_text(*sentences: str) -> str:
    return HEAD + "".join(s + "\n\n" for s in sentences)


def line_of(text: str, sentence: str) -> int:
    return text[: text.index(sentence)].count("\n") + 1


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """drafts/story.md and sources/story/ in a working directory of their own."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "sources" / "story").mkdir(parents=True)
    (tmp_path / "drafts" / "story.md").write_text(draft_text(SUPPORTED, CONTRADICTED, UNSUPPORTED))
    (tmp_path / "sources" / "story" / "a.txt").write_text(SOURCE_A)
    (tmp_path / "sources" / "story" / "b.md").write_text(SOURCE_B)
    monkeypatch.chdir(tmp_path)
    return tmp_path


DRAFT = "drafts/story.md"
CHECK = ["check", DRAFT, "--against", "sources/story"]


def _json(*extra: str) -> tuple[int, dict]:
    result = runner.invoke(app, [*CHECK, "--format", "json", *extra])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def _problems(data: dict) -> list[tuple[str, str, int]]:
    """(rule, first sentence, its line) of each contradiction or unsupported claim."""
    return [
        (f["rule"], cited(data, f)[0]["text"], cited(data, f)[0]["line"])
        for f in data["findings"]
        if f["kind"] != "agreement"
    ]


# What check finds


def test_each_claim_is_supported_contradicted_or_unsupported(story: Path) -> None:
    code, data = _json()
    assert code == 1
    assert data["mode"] == "check"
    assert [s["path"] for s in data["sources"]] == [DRAFT, "sources/story/a.txt", "sources/story/b.md"]
    text = (story / DRAFT).read_text()
    assert _problems(data) == [
        ("RC101", CONTRADICTED, line_of(text, CONTRADICTED)),
        ("RC201", UNSUPPORTED, line_of(text, UNSUPPORTED)),
    ]
    (number,) = [f for f in data["findings"] if f["rule"] == "RC101"]
    assert [e["file"] for e in cited(data, number)] == [DRAFT, "sources/story/a.txt"]
    agreed = [f for f in data["findings"] if f["kind"] == "agreement"]
    assert {e["text"] for f in agreed for e in cited(data, f) if e["source"] == 0} == {SUPPORTED}


def test_markdown_line_and_column_point_into_the_file(story: Path) -> None:
    _, data = _json()
    lines = (story / DRAFT).read_text().split("\n")
    for finding in data["findings"]:
        for e in cited(data, finding):
            if e["source"] == 0:
                assert lines[e["line"] - 1][e["column"] - 1:].startswith(e["text"].split("\n")[0])
    assert line_of((story / DRAFT).read_text(), SUPPORTED) == 10  # front matter and headings above


def test_text_report_names_file_line_and_reason(story: Path) -> None:
    result = runner.invoke(app, CHECK)
    assert result.exit_code == 1
    assert result.stderr == ""
    text = (story / DRAFT).read_text()
    assert f"{DRAFT}:{line_of(text, CONTRADICTED)}:1" in result.stdout
    assert f"{DRAFT}:{line_of(text, UNSUPPORTED)}:1" in result.stdout
    assert "Contradicted (1)" in result.stdout


def test_text_report_lists_each_claim_once_in_the_order_an_editor_acts(story: Path) -> None:
    (story / DRAFT).write_text(draft_text(UNSUPPORTED, SUPPORTED, CONTRADICTED))
    lines = runner.invoke(app, CHECK).stdout.splitlines()
    assert lines[0] == f"1 contradicted, 1 unsupported, 1 supported, 3 not a claim ({Path(DRAFT).name}: 5 sentences; 2 sources)"
    sections = [line for line in lines if re.fullmatch(r"\w[\w ]* \(\d+\)", line)]
    assert sections == ["Contradicted (1)", "Unsupported (1)", "Supported (1)"]  # not the draft's order
    claims = [line.strip() for line in lines if line.strip().startswith(("✗ drafts/", "? drafts/", "✓ drafts/"))]
    text = (story / DRAFT).read_text()
    assert claims == [f"{mark} {DRAFT}:{line_of(text, s)}:1" for mark, s in
                      (("✗", CONTRADICTED), ("?", UNSUPPORTED), ("✓", SUPPORTED))]
    assert [line.strip() for line in lines].count(CONTRADICTED) == 1
    contradicted = lines.index("Contradicted (1)")
    assert "sources/story/a.txt:2:1" in [line.strip() for line in lines[contradicted:lines.index("Unsupported (1)")]]


def test_what_is_not_a_claim_is_counted_and_listed_only_with_show_all(story: Path) -> None:
    folded = runner.invoke(app, CHECK).stdout
    assert ", 3 not a claim (" in folded.splitlines()[0] and "Not a claim" not in folded
    shown = runner.invoke(app, [*CHECK, "--show", "all"]).stdout
    assert "Not a claim (3)" in shown
    assert f"· {DRAFT}:6:3  headline" in shown and f"· {DRAFT}:1:1  front matter" in shown


def test_empty_sections_are_left_out(story: Path) -> None:
    (story / DRAFT).write_text(draft_text(SUPPORTED))
    result = runner.invoke(app, CHECK)
    assert result.exit_code == 0
    assert "Supported (1)" in result.stdout
    assert "Contradicted" not in result.stdout and "Unsupported" not in result.stdout


def test_sources_listed_one_by_one_or_after_one_flag(story: Path) -> None:
    by_folder = _json()[1]
    listed = runner.invoke(app, ["check", DRAFT, "--format", "json", "--against",
                                 "sources/story/a.txt", "sources/story/b.md"])
    assert json.loads(listed.stdout)["sources"] == by_folder["sources"]


# Formats through the command line


def _annotations(stdout: str) -> list[dict[str, str]]:
    """Workflow commands parsed back as the runner does (actions/toolkit unescaping)."""
    def unescape(value: str) -> str:
        return (value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
                .replace("%2C", ",").replace("%25", "%"))

    parsed = []
    for line in stdout.splitlines():
        if not line.startswith("::"):  # a log line or the summary
            continue
        m = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        parsed.append({"level": m.group(1), **{k: unescape(v) for k, v in props.items()},
                       "message": unescape(m.group(3))})
    return parsed


def test_github_annotations_point_at_the_draft_lines(story: Path) -> None:
    result = runner.invoke(app, [*CHECK, "--format", "github"])
    assert result.exit_code == 1
    text = (story / DRAFT).read_text()
    found = [(a["level"], a["file"], int(a["line"]), a["title"].split()[0]) for a in _annotations(result.stdout)]
    assert found == [
        ("error", DRAFT, line_of(text, CONTRADICTED), "RC101"),
        ("warning", DRAFT, line_of(text, UNSUPPORTED), "RC201"),
    ]
    other = _annotations(result.stdout)[0]["message"].splitlines()[1]
    assert other.startswith("sources/story/a.txt:2") and other.endswith(": " + SOURCE_A.splitlines()[1])
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("reconcile: 1 contradicted, 1 unsupported, 1 supported, ")
    assert f"{DRAFT}:{line_of(text, SUPPORTED)}: note RC301 agreement: " in result.stdout  # logged, not dropped


def test_sarif_is_valid_and_relative_to_the_repository(story: Path) -> None:
    result = runner.invoke(app, [*CHECK, "--format", "sarif"])
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.validate(log, json.loads((FIXTURES / "sarif-github-minimal.schema.json").read_text()))
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["RC101", "RC201"]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == DRAFT
    assert location["region"]["startLine"] == line_of((story / DRAFT).read_text(), CONTRADICTED)


def test_junit_has_a_case_per_draft_claim(story: Path) -> None:
    result = runner.invoke(app, [*CHECK, "--format", "junit"])
    assert result.exit_code == 1
    cases = ET.fromstring(result.stdout).findall(".//testcase")
    failed = {c.find("failure").get("type") for c in cases if c.find("failure") is not None}
    assert failed == {"RC101", "RC201"}
    assert len(cases) == 3


def test_json_validates_against_the_shipped_schema(story: Path) -> None:
    _, data = _json()
    validate(data)
    assert [v["verdict"] for v in data["verdicts"] if v["verdict"] != "not a claim"] == [
        "supported", "contradicted", "unsupported"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("command", ["check", "compare"])
def test_every_format_to_a_file_atomically(story: Path, fmt: str, command: str) -> None:
    args = CHECK if command == "check" else ["compare", DRAFT, "sources/story/a.txt"]
    out = story / "out" / f"report.{fmt}"
    out.parent.mkdir()
    result = runner.invoke(app, [*args, "--format", fmt, "--output", str(out)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").strip()
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_output_in_a_missing_folder_is_exit_2(story: Path) -> None:
    result = runner.invoke(app, [*CHECK, "--output", "no/such/report.json"])
    assert result.exit_code == 2
    assert "no/such/report.json" in result.stderr and "Traceback" not in result.output


# Exit codes


@pytest.mark.parametrize(
    "sentences, flags, code",
    [
        ((SUPPORTED,), [], 0),
        ((SUPPORTED,), ["--fail-on", "unsupported"], 0),
        ((SUPPORTED, UNSUPPORTED), [], 0),
        ((SUPPORTED, UNSUPPORTED), ["--fail-on", "unsupported"], 1),
        ((SUPPORTED, CONTRADICTED), [], 1),
        ((SUPPORTED, CONTRADICTED), ["--fail-on", "none"], 0),
        ((SUPPORTED, CONTRADICTED), ["--exit-zero"], 0),
        ((SUPPORTED, CONTRADICTED, UNSUPPORTED), ["--fail-on", "unsupported", "--exit-zero"], 0),
        ((SUPPORTED, CONTRADICTED), ["--ignore", "number-mismatch"], 0),
        ((SUPPORTED, CONTRADICTED, UNSUPPORTED), ["--select", "RC2", "--fail-on", "unsupported"], 1),
    ],
)
def test_exit_codes(story: Path, sentences: tuple[str, ...], flags: list[str], code: int) -> None:
    (story / DRAFT).write_text(draft_text(*sentences))
    result = runner.invoke(app, [*CHECK, *flags])
    assert result.exit_code == code, result.output


@pytest.mark.parametrize(
    "args, words",
    [
        (["check", DRAFT], "--against"),
        (["check", DRAFT, "--against", "sources/nope"], "sources/nope"),
        (["check", "drafts/nope.md", "--against", "sources/story"], "drafts/nope.md"),
        (["check", DRAFT, "--against", "drafts/empty"], "drafts/empty"),
        (["check", DRAFT, "--against", "sources/story", "--date", "Nov 3"], "--date"),
        (["check", DRAFT, "--against", "sources/story", "--baseline", "nope.json"], "nope.json"),
    ],
)
def test_errors_are_exit_2_with_one_line(story: Path, args: list[str], words: str) -> None:
    (story / "drafts" / "empty").mkdir()
    (story / "drafts" / "empty" / "notes.csv").write_text("a,b\n")
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("exit_zero", [[], ["--exit-zero"]])
def test_exit_zero_keeps_errors(story: Path, exit_zero: list[str]) -> None:
    result = runner.invoke(app, ["check", DRAFT, "--against", "sources/nope", *exit_zero])
    assert result.exit_code == 2


# Configuration under flags


@pytest.mark.parametrize(
    "config, flags, code",
    [
        ("fail-on = 'none'\n", [], 0),
        ("fail-on = 'none'\n", ["--fail-on", "contradiction"], 1),
        ("ignore = ['RC101']\n", [], 0),
        ("ignore = ['RC101']\n", ["--ignore", ""], 1),
        ("select = ['RC2']\n", [], 0),
        ("select = ['RC2']\n", ["--select", "RC1"], 1),
    ],
)
def test_flags_override_the_config_found_upward(story: Path, monkeypatch: pytest.MonkeyPatch,
                                                config: str, flags: list[str], code: int) -> None:
    (story / "pyproject.toml").write_text("[tool.reconcile]\n" + config)
    monkeypatch.chdir(story / "drafts")
    result = runner.invoke(app, ["check", "story.md", "--against", "../sources/story", *flags])
    assert result.exit_code == code, result.output


def test_config_boilerplate_removes_a_claim(story: Path) -> None:
    (story / "reconcile.toml").write_text("boilerplate = ['shares of local chip firms .*']\n")
    _, data = _json()
    assert [p[0] for p in _problems(data)] == ["RC101"]


# Suppression end to end


def test_baseline_survives_lines_inserted_above(story: Path) -> None:
    written = runner.invoke(app, [*CHECK, "--write-baseline", "baseline.json"])
    assert written.exit_code == 0, written.output
    assert "wrote 2 findings to baseline.json" in written.stderr
    assert written.stdout.startswith("0 contradicted, 0 unsupported, 1 supported, ")
    assert "Contradicted (" not in written.stdout  # an empty section is left out

    draft = story / DRAFT
    new = "Chinese regulators did not comment on the review on Thursday."
    before = _problems(_json()[1])
    draft.write_text(draft.read_text().replace("## What happened\n", f"## What happened\n\n{new}\n\n## Details\n"))
    after = _problems(_json()[1])
    assert [p for p in after if p[1] != new] == [(r, s, line + 4) for r, s, line in before]  # moved down
    code, data = _json("--baseline", "baseline.json", "--fail-on", "unsupported")
    assert _problems(data) == [("RC201", new, line_of(draft.read_text(), new))]  # only the new claim
    assert code == 1 and data["unused_suppressions"] == []


@pytest.mark.parametrize(
    "command, reordered",
    [
        ("check", [DRAFT, "sources/story/b.md", "sources/story/a.txt"]),  # the draft stays first
        ("compare", ["sources/story/b.md", "sources/story/a.txt", DRAFT]),
    ],
)
def test_baseline_survives_the_files_given_in_another_order(story: Path, command: str, reordered: list[str]) -> None:
    written = runner.invoke(app, [command, DRAFT, "sources/story/a.txt", "sources/story/b.md",
                                  "--write-baseline", "baseline.json"])
    assert written.exit_code == 0, written.output
    before = json.loads(runner.invoke(app, [command, *reordered, "--format", "json"]).stdout)
    assert _problems(before) != []
    result = runner.invoke(app, [command, *reordered, "--format", "json", "--baseline", "baseline.json",
                                 "--fail-on", "unsupported"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert _problems(data) == [] and data["unused_suppressions"] == []


def test_baseline_brings_back_a_reworded_claim_and_reports_the_stale_entry(story: Path) -> None:
    assert runner.invoke(app, [*CHECK, "--write-baseline", "baseline.json"]).exit_code == 0
    draft = story / DRAFT
    draft.write_text(draft.read_text().replace("about 15%", "about 12%"))
    result = runner.invoke(app, [*CHECK, "--baseline", "baseline.json"])
    assert result.exit_code == 1
    assert "Contradicted (1)" in result.stdout
    assert "warning: baseline.json: unused suppression" in result.stdout
    code, data = _json("--baseline", "baseline.json")
    (stale,) = data["unused_suppressions"]
    assert (stale["file"], stale["line"], stale["rules"]) == ("baseline.json", None, ["RC101"])


@pytest.mark.parametrize(
    "comment, left",
    [
        ("<!-- reconcile: ignore[RC101] -->", ["RC201"]),
        ("<!-- reconcile: ignore[number-mismatch] -->", ["RC201"]),
        ("<!-- reconcile: ignore -->", ["RC201"]),
        ("<!-- reconcile: ignore[RC201] -->", ["RC101", "RC201"]),
    ],
)
def test_inline_comment_on_the_line_before(story: Path, comment: str, left: list[str]) -> None:
    draft = story / DRAFT
    draft.write_text(draft.read_text().replace(CONTRADICTED, comment + "\n" + CONTRADICTED))
    code, data = _json()
    assert [p[0] for p in _problems(data)] == left
    assert code == (1 if "RC101" in left else 0)
    text = draft.read_text()
    assert all(line == line_of(text, s) for _, s, line in _problems(data))


def test_inline_comment_on_the_same_line(story: Path) -> None:
    draft = story / DRAFT
    draft.write_text(draft.read_text().replace(UNSUPPORTED, UNSUPPORTED + " <!-- reconcile: ignore[RC201] -->"))
    _, data = _json("--fail-on", "unsupported")
    assert [p[0] for p in _problems(data)] == ["RC101"]


def test_unused_comment_is_reported_in_text_and_json(story: Path) -> None:
    draft = story / DRAFT
    comment = "<!-- reconcile: ignore[RC103] -->"
    draft.write_text(draft.read_text().replace(SUPPORTED, comment + "\n" + SUPPORTED))
    line = line_of(draft.read_text(), comment)
    result = runner.invoke(app, CHECK)
    shown = " ".join(result.stdout.split())  # the console wraps long lines
    assert f"warning: {DRAFT}:{line}: unused suppression {comment}: matches no finding" in shown
    _, data = _json()
    assert data["unused_suppressions"] == [
        {"file": DRAFT, "line": line, "rules": ["RC103"], "text": comment, "reason": "matches no finding"}
    ]


# Other commands


def test_rules_lists_every_rule(story: Path) -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for rule in RULES:
        assert rule.id in result.stdout and rule.name in result.stdout
    data = json.loads(runner.invoke(app, ["rules", "--format", "json"]).stdout)
    assert [r["id"] for r in data] == [r.id for r in RULES]
    assert set(data[0]) == {"id", "name", "kind", "type", "severity", "summary", "example"}


def test_compare_takes_the_same_suppression_flags(story: Path) -> None:
    args = ["compare", DRAFT, "sources/story/a.txt"]
    assert runner.invoke(app, args).exit_code == 1
    assert runner.invoke(app, [*args, "--ignore", "RC1"]).exit_code == 0
    assert runner.invoke(app, [*args, "--write-baseline", "b.json"]).exit_code == 0
    assert runner.invoke(app, [*args, "--baseline", "b.json"]).exit_code == 0


def test_a_source_named_twice_is_read_once(tmp_path: Path) -> None:
    from reconcile.api import check_documents

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.md").write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    (folder / "b.md").write_text("The council approved the budget on Tuesday.\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    docs = check_documents(str(draft), [str(folder), str(folder / "a.md"), str(folder / ".." / "sources" / "b.md")],
                           Settings())
    assert [Path(d.path).name for d in docs] == ["draft.md", "a.md", "b.md"]
