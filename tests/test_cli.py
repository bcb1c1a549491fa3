"""The command line as a user meets it: exit codes, errors, formats, files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AGREE, DISAGREE, one_line_error
from reports import cited
from typer.testing import CliRunner

from reconcile.cli import app

runner = CliRunner()


def _files(tmp_path: Path, texts: tuple[str, ...]) -> list[str]:
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"{chr(97 + i)}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_agreeing_sources_exit_0(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", *_files(tmp_path, AGREE)])
    assert result.exit_code == 0, result.output
    assert "Agreements (1)" in result.stdout
    assert "1 agreement" in result.stdout.splitlines()[0]  # the summary comes first


def test_contradiction_exits_1_and_shows_file_line_and_reason(tmp_path: Path) -> None:
    a, b = _files(tmp_path, DISAGREE)
    result = runner.invoke(app, ["compare", a, b])
    assert result.exit_code == 1
    assert "Contradictions (1)" in result.stdout
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert f"in {tmp_path}{os.sep}: a.txt, b.txt" in lines  # the folder named once
    assert "a.txt:1:1" in lines and "b.txt:1:1" in lines
    assert "about 15%" in result.stdout and "20%" in result.stdout


@pytest.mark.parametrize(
    "fail_on, texts, code",
    [
        ("none", DISAGREE, 0),
        ("contradiction", AGREE, 0),
        ("unsupported", (AGREE[0], AGREE[1] + "Shares of local chip firms rose by 2% on Monday.\n"), 1),
    ],
)
def test_fail_on_sets_the_threshold(tmp_path: Path, fail_on: str, texts: tuple[str, ...], code: int) -> None:
    result = runner.invoke(app, ["compare", "--fail-on", fail_on, *_files(tmp_path, texts)])
    assert result.exit_code == code, result.output


POSSIBLE = (  # two officials each said to have met him: both may be true
    "Commerce Minister Wang Wentao met Micron chief executive Sanjay Mehrotra in Beijing.\n",
    "Premier Li Qiang met Micron chief executive Sanjay Mehrotra in Beijing.\n",
)


def test_min_confidence_shows_possible_conflicts_with_their_probability(tmp_path: Path) -> None:
    files = _files(tmp_path, POSSIBLE)
    assert runner.invoke(app, ["compare", *files]).exit_code == 0
    result = runner.invoke(app, ["compare", "--min-confidence", "0.2", *files])
    assert result.exit_code == 1 and "Contradictions (1)" in result.stdout
    assert "Wang Wentao (a.txt) vs Li Qiang (b.txt)  (score 0.4" in result.stdout


def test_min_confidence_outside_0_to_1_is_exit_2(tmp_path: Path) -> None:
    one_line_error(runner.invoke(app, ["compare", "--min-confidence", "3", *_files(tmp_path, POSSIBLE)]),
                   "--min-confidence")


def test_missing_file_is_exit_2_naming_it(tmp_path: Path) -> None:
    (a,) = _files(tmp_path, AGREE[:1])
    missing = str(tmp_path / "nope.txt")
    one_line_error(runner.invoke(app, ["compare", a, missing]), missing)


def test_folder_without_articles_is_exit_2_naming_it(tmp_path: Path) -> None:
    (a,) = _files(tmp_path, AGREE[:1])
    empty = tmp_path / "empty"
    empty.mkdir()
    one_line_error(runner.invoke(app, ["compare", a, str(empty)]), str(empty))


def test_a_folder_stands_for_its_articles(tmp_path: Path) -> None:
    _files(tmp_path, AGREE)
    result = runner.invoke(app, ["compare", str(tmp_path)])
    assert result.exit_code == 0 and "Agreements (1)" in result.stdout, result.output
    one_line_error(runner.invoke(app, ["compare", str(tmp_path / "a.txt"), str(tmp_path / "a.txt")]),
                   "a file named twice is read once")


def test_binary_file_is_exit_2_naming_it(tmp_path: Path) -> None:
    (a,) = _files(tmp_path, AGREE[:1])
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    one_line_error(runner.invoke(app, ["compare", a, str(binary)]), str(binary))


def test_one_source_is_a_usage_error(tmp_path: Path) -> None:
    (a,) = _files(tmp_path, AGREE[:1])
    one_line_error(runner.invoke(app, ["compare", a]), "two")


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    one_line_error(runner.invoke(app, ["compare", "--date", "Nov 3", *_files(tmp_path, AGREE)]), "--date")


def test_empty_file_is_a_warning_not_an_error(tmp_path: Path) -> None:
    a, b = _files(tmp_path, (AGREE[0], ""))
    result = runner.invoke(app, ["compare", a, b])
    assert result.exit_code == 0
    assert "warning: b.txt: empty file" in result.stdout  # under the folder named at the top


def test_json_report_is_machine_readable(tmp_path: Path) -> None:
    a, b = _files(tmp_path, DISAGREE)
    result = runner.invoke(app, ["compare", "--format", "json", a, b])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    (finding,) = [f for f in data["findings"] if f["kind"] == "contradiction"]
    assert finding["type"] == "number"
    assert [e["file"] for e in cited(data, finding)] == [a, b]


def test_output_file_is_written_and_inputs_are_untouched(tmp_path: Path) -> None:
    files = _files(tmp_path, DISAGREE)
    before = [hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in files]
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["compare", "--format", "json", "--output", str(out), *files])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["counts"]["contradiction"] == 1
    assert [hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in files] == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "report.json"]


def test_output_to_a_missing_folder_is_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "report.json"
    result = runner.invoke(app, ["compare", "--output", str(out), *_files(tmp_path, AGREE)])
    one_line_error(result, str(out))


def test_every_command_is_documented() -> None:
    for command in app.registered_commands:
        assert command.callback.__doc__, command.callback.__name__
        result = runner.invoke(app, [command.name or command.callback.__name__, "--help"])
        assert result.exit_code == 0


def test_python_dash_m_runs_the_same_app() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reconcile", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "compare" in result.stdout


# -- as a new user meets it (issue #16)

COMMANDS = ["compare", "check", "batch", "rules", "timeline", "extract"]


@pytest.mark.parametrize(
    "args, fragments",
    [
        (["compare", "--format", "xml", "a.txt", "b.txt"], ["--format", "'xml' is not one of", "reconcile compare --help"]),
        (["compare", "--bogus", "a.txt", "b.txt"], ["No such option: --bogus"]),
        (["compare"], ["Missing argument"]),
        (["check"], ["Missing argument 'DRAFT'", "reconcile check --help"]),
        (["batch", "stories", "--jobs", "0"], ["--jobs"]),
        (["rules", "--format", "xml"], ["'xml'"]),
        (["nope"], ["No such command 'nope'", "reconcile --help"]),
        (["--bogus"], ["No such option: --bogus"]),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(args: list[str], fragments: list[str]) -> None:
    result = runner.invoke(app, args)
    line = one_line_error(result, *fragments)
    assert line.startswith("reconcile: error: ")
    assert result.stdout == ""


@pytest.mark.parametrize("args", [["--version"], *([command, "--version"] for command in COMMANDS)])
def test_version_on_the_app_and_every_command(args: list[str]) -> None:
    from reconcile.render._common import tool_version

    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"reconcile {tool_version()}\n"
    assert result.stderr == ""


def test_the_version_and_home_are_those_of_reconcile_claims(sample_report) -> None:
    """'reconcile' on PyPI is another project: nothing may name it as ours."""
    from importlib.metadata import version

    from reconcile.render import sarif
    from reconcile.render._common import tool_version

    assert tool_version() == version("reconcile-claims") != "0.0.0"
    driver = json.loads(sarif.render(sample_report))["runs"][0]["tool"]["driver"]
    assert driver["version"] == tool_version()
    assert "pypi.org/project/reconcile/" not in driver["informationUri"]


@pytest.mark.parametrize("args", [["-h"], *([command, "-h"] for command in COMMANDS)])
def test_dash_h_is_help(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: ")
    assert result.stdout == runner.invoke(app, [*args[:-1], "--help"]).stdout
    assert result.stderr == ""


def test_the_command_list_shows_each_first_sentence_whole() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    listing = result.stdout[result.stdout.index("Commands:"):]
    assert "..." not in listing
    folded = " ".join(listing.split())
    for command in app.registered_commands:
        first = command.callback.__doc__.strip().split("\n\n")[0]
        assert f"{command.callback.__name__} {' '.join(first.split())}" in folded


def test_check_takes_the_paths_after_the_draft_as_sources(tmp_path: Path) -> None:
    draft, one, two = _files(tmp_path, (DISAGREE[0], AGREE[0], DISAGREE[1]))
    result = runner.invoke(app, ["check", draft, one, two, "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert [s["path"] for s in report["sources"]] == [draft, one, two]
    assert report["counts"]["contradiction"] == 1


def test_check_with_no_source_at_all_says_how_to_give_them(tmp_path: Path) -> None:
    (draft,) = _files(tmp_path, AGREE[:1])
    one_line_error(runner.invoke(app, ["check", draft]), "no sources", "--against")


@pytest.mark.parametrize("text", ["", "# Draft\n", "Thanks.\n"])
def test_a_draft_without_claims_is_a_warning_on_stderr(tmp_path: Path, text: str) -> None:
    draft, source = _files(tmp_path, (text, AGREE[0]))
    result = runner.invoke(app, ["check", draft, source])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"reconcile: warning: {draft}: the draft makes no claims, so nothing was checked\n"
    assert result.stdout.startswith("0 contradicted, 0 unsupported, 0 supported, ")


def test_a_draft_with_claims_gives_no_warning(tmp_path: Path) -> None:
    draft, source = _files(tmp_path, AGREE)
    result = runner.invoke(app, ["check", draft, source])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


MONDAY = "The minister met the chief executive on Monday in Beijing to discuss trade.\n"


@pytest.mark.parametrize("table", ["", "[tool.reconcile]\n"])
@pytest.mark.parametrize("name, flags", [("reconcile.toml", []), ("ci.toml", ["--config", "ci.toml"])])
def test_timeline_and_extract_read_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str, name: str, flags: list[str]
) -> None:
    (article,) = _files(tmp_path, (MONDAY,))
    (tmp_path / name).write_text(table + "date = 2023-11-03\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    extracted = runner.invoke(app, ["extract", article, "--format", "json", *flags])
    assert extracted.exit_code == 0, extracted.output
    assert json.loads(extracted.stdout)["published"] == "2023-11-03"
    drawn = runner.invoke(app, ["timeline", article, *flags])
    assert drawn.exit_code == 0, drawn.output
    assert "Oct. 30, 2023" in drawn.stdout


def test_the_date_flag_overrides_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (article,) = _files(tmp_path, (MONDAY,))
    (tmp_path / "reconcile.toml").write_text("date = 2023-11-03\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", article, "--format", "json", "--date", "2024-05-01"])
    assert json.loads(result.stdout)["published"] == "2024-05-01"


@pytest.mark.parametrize("command", [["timeline"], ["extract"]])
def test_timeline_and_extract_report_a_bad_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    (article,) = _files(tmp_path, (MONDAY,))
    (tmp_path / "reconcile.toml").write_text("align-treshold = 0.5\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    one_line_error(runner.invoke(app, [*command, article]), "reconcile.toml", "align-treshold")


@pytest.mark.parametrize(
    "args",
    [["--help"], ["compare", "--help"], ["check", "-h"], ["compare", "--format", "xml", "a", "b"], ["nope"]],
)
def test_help_and_usage_errors_load_neither_rich_nor_the_pipeline(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from reconcile.cli import main\n"
        f"sys.argv = ['reconcile', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('rich', 'numpy', 'rapidfuzz', 'reconcile.model', 'reconcile.api', 'reconcile.rules')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stderr.splitlines()[-1] == "[]"
