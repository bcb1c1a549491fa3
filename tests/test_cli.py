"""The command line as a user meets it: exit codes, errors, formats, files."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AGREE, DISAGREE, one_line_error
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
    assert "1 agreement" in result.stdout.splitlines()[-1]


def test_contradiction_exits_1_and_shows_file_line_and_reason(tmp_path: Path) -> None:
    a, b = _files(tmp_path, DISAGREE)
    result = runner.invoke(app, ["compare", a, b])
    assert result.exit_code == 1
    assert "Contradictions (1)" in result.stdout
    assert f"{a}:1:1" in result.stdout and f"{b}:1:1" in result.stdout
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


def test_missing_file_is_exit_2_naming_it(tmp_path: Path) -> None:
    (a,) = _files(tmp_path, AGREE[:1])
    missing = str(tmp_path / "nope.txt")
    one_line_error(runner.invoke(app, ["compare", a, missing]), missing)


def test_directory_is_exit_2_naming_it(tmp_path: Path) -> None:
    (a,) = _files(tmp_path, AGREE[:1])
    one_line_error(runner.invoke(app, ["compare", a, str(tmp_path)]), str(tmp_path))


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
    assert f"warning: {b}: empty file" in result.stdout


def test_json_report_is_machine_readable(tmp_path: Path) -> None:
    a, b = _files(tmp_path, DISAGREE)
    result = runner.invoke(app, ["compare", "--format", "json", a, b])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    (finding,) = [f for f in data["findings"] if f["kind"] == "contradiction"]
    assert finding["type"] == "number"
    assert [e["file"] for e in finding["evidence"]] == [a, b]


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
