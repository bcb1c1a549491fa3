"""Golden files, black-style: every command in every output format, run on small
inputs kept beside the expected output, so any change in behaviour shows as a diff.

A case is a folder under tests/golden/ holding its inputs and, for each run NAME:

    NAME.args    the arguments after ``reconcile``, as shell words
    NAME.stdout  the expected standard output, byte for byte
    NAME.exit    the expected exit status
    NAME.stderr  the expected standard error, if there is any (timings read ``#.#``)

A run's working directory is its case folder, so paths print short and relative.
The cases: micron/ (the two sample articles under sources/, and a draft that gets one
date and one figure wrong and adds a claim no source makes): compare and check in every
format, timeline, extract; rules/; batch/ (two small stories). Input and expected files
are kept byte for byte (tests/golden/.gitattributes: no line-ending conversion, and the
text report's trailing spaces are no whitespace error).
To add a run, write its .args file and refresh. After an intended change, refresh
every expected file, then review ``git diff tests/golden`` before committing:

    make golden        # UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from reconcile.cli import app

GOLDEN = Path(__file__).parent / "golden"
RUNS = sorted(GOLDEN.glob("*/*.args"))
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
# the same bytes locally and in CI: no forced styling, no colour, a fixed width
runner = CliRunner(env={"_TYPER_FORCE_DISABLE_TERMINAL": "1", "TERMINAL_WIDTH": "100", "COLUMNS": "100",
                        "NO_COLOR": "1", "GITHUB_ACTIONS": None, "FORCE_COLOR": None, "PY_COLORS": None})
TIMING = re.compile(r"\d+\.\d( s \()\d+\.\d( per second)")  # batch's summary: how long the run took


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8") if path.exists() else ""


def _expect(path: Path, actual: str) -> None:
    """Compare with the expected file, or (refreshing) rewrite it; an empty file is
    no file, so a run that prints nothing on stderr has no .stderr."""
    if UPDATE:
        if actual:
            path.write_bytes(actual.encode("utf-8"))
        else:
            path.unlink(missing_ok=True)
    assert actual == _read(path), f"{path.relative_to(GOLDEN)} differs; if intended, refresh: make golden"


@pytest.mark.parametrize("args", RUNS, ids=[str(p.relative_to(GOLDEN).with_suffix("")) for p in RUNS])
def test_run_matches_its_golden_files(args: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(args.parent)
    result = runner.invoke(app, shlex.split(args.read_text(encoding="utf-8")))
    if not isinstance(result.exception, (SystemExit, type(None))):
        raise result.exception  # a crash: its traceback, not a diff
    _expect(args.with_suffix(".stdout"), result.stdout)
    _expect(args.with_suffix(".stderr"), TIMING.sub(r"#.#\1#.#\2", result.stderr))
    _expect(args.with_suffix(".exit"), f"{result.exit_code}\n")


def _format_option(command: typer.core.TyperCommand) -> tuple[list[str], str]:
    """The choices of a command's --format and its default; one blank for none."""
    for param in command.params:
        if "--format" in param.opts:
            return [str(c) for c in param.type.choices], str(getattr(param.default, "value", param.default))
    return [""], ""


def test_every_command_and_format_has_a_golden_run() -> None:
    """A new command or format without a golden file fails here."""
    options = {name: _format_option(c) for name, c in typer.main.get_command(app).commands.items()}
    offered = {(name, fmt) for name, (choices, _) in options.items() for fmt in choices}
    run = set()
    for args in RUNS:
        name, *words = shlex.split(args.read_text(encoding="utf-8"))
        given = [after for before, after in zip(words, words[1:]) if before in ("--format", "-f")]
        run.add((name, given[0] if given else options[name][1]))
    assert sorted(offered - run) == []


def test_every_expected_file_belongs_to_a_run() -> None:
    """A renamed or deleted run leaves no stale expected files behind."""
    expected = [p for suffix in ("stdout", "stderr", "exit") for p in GOLDEN.glob(f"*/*.{suffix}")]
    assert [str(p.relative_to(GOLDEN)) for p in expected if not p.with_suffix(".args").exists()] == []


def test_the_report_does_not_depend_on_the_day_it_is_run() -> None:
    """The samples state no year: a run today and one two years on read the same."""
    from datetime import date

    from reconcile import Settings, compare
    from reconcile.render import render

    paths = sorted(str(p.relative_to(Path.cwd())) for p in (Path(__file__).parents[1] / "samples" / "micron").glob("*.txt"))
    reports = [render(compare(paths, Settings(today=today)), "json") for today in (date(2026, 12, 2), date(2028, 11, 1))]
    assert reports[0] == reports[1]


def test_only_the_command_line_reads_the_clock() -> None:
    package = Path(__file__).parents[1] / "reconcile"
    clock = re.compile(r"\b(?:date\.today|datetime\.(?:now|today|utcnow)|time\.time)\(")
    readers = sorted(str(p.relative_to(package)) for p in package.rglob("*.py") if clock.search(p.read_text("utf-8")))
    assert readers == ["cli/run.py"]
