"""Text that survives a pipe: off a terminal (a CI log, a file, ``| less``) no line
is wrapped and none ends in spaces, a ``file:line:column`` is never split and
``--output`` writes what a redirect would; on a terminal lines wrap to its
width, locations still whole."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from conftest import ROOT, SAMPLE_PATHS
from reconcile.cli import app
from reconcile.model import Report
from reconcile.render._common import shown

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths print as the samples' relative ones


def _locations(report: Report) -> set[str]:
    return {f"{e.path}:{e.line}:{e.column}" for f in report.findings for e in f.evidence}


def test_compare_off_a_terminal_wraps_nothing_and_pads_nothing(sample_report: Report) -> None:
    result = runner.invoke(app, ["compare", *SAMPLE_PATHS])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line for line in lines if line != line.rstrip()] == []
    assert lines[-1] == "1 contradiction, 7 agreements, 22 unsupported (2 sources, 36 sentences)"
    assert {line.strip() for line in lines} >= _locations(sample_report)  # each whole, on its own line
    stripped = {line.strip() for line in lines}
    for f in sample_report.findings:
        assert any(f.reason in line for line in lines), f.reason
        for e in f.evidence:
            assert shown(e)[0] in stripped  # each sentence on one line


def test_output_file_is_what_a_redirect_gets(tmp_path: Path) -> None:
    piped = runner.invoke(app, ["compare", *SAMPLE_PATHS]).stdout
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["compare", "--output", str(out), *SAMPLE_PATHS])
    assert result.exit_code == 1 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == piped


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", *SAMPLE_PATHS],
        ["extract", SAMPLE_PATHS[0]],
        ["rules"],
        ["check", SAMPLE_PATHS[0], "--against", SAMPLE_PATHS[1]],
    ],
    ids=["timeline", "extract", "rules", "check"],
)
def test_other_text_outputs_are_unpadded_and_unwrapped(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert lines and [line for line in lines if line != line.rstrip()] == []
    # a wrapped line would leave a fragment: every line of the rules table starts a rule or is the header
    if args == ["rules"]:
        assert all(re.match(r"(Id|RC\d{3}) ", line) for line in lines)


def test_timeline_places_stay_whole_off_a_terminal() -> None:
    lines = runner.invoke(app, ["timeline", *SAMPLE_PATHS]).stdout.splitlines()
    meeting = next(line for line in lines if "Nov. 1 " in line)
    assert meeting.endswith("1-thaw.txt:1, 2-tensions-easing.txt:10,16,18")
    assert any(line.strip() == "samples/micron/2-tensions-easing.txt:10:184" for line in lines)


def test_on_a_terminal_lines_wrap_to_its_width_and_locations_stay_whole(sample_report: Report) -> None:
    result = runner.invoke(app, ["compare", *SAMPLE_PATHS], env={"FORCE_COLOR": "1", "COLUMNS": "60"})
    assert "\x1b[" in result.stdout  # styled: the terminal path
    lines = ANSI.sub("", result.stdout).splitlines()
    locations = _locations(sample_report)
    assert {line.strip() for line in lines} >= locations
    too_long = [line for line in lines if len(line.rstrip()) > 60 and line.strip() not in locations]
    assert too_long == []
    assert max(len(line.rstrip()) for line in lines) > 40  # wrapped to the width, not to nothing


def test_a_location_longer_than_the_terminal_is_not_broken(tmp_path: Path) -> None:
    folder = tmp_path / ("a-rather-long-folder-name-for-the-articles-of-this-story " * 2).strip()
    folder.mkdir()
    a, b = folder / "first.txt", folder / "second.txt"
    a.write_text("Micron's China business accounts for about 15% of its annual revenues.\n", encoding="utf-8")
    b.write_text("Micron's China business accounts for 20% of its annual revenues.\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(a), str(b)], env={"FORCE_COLOR": "1", "COLUMNS": "60"})
    lines = [line.strip() for line in ANSI.sub("", result.stdout).splitlines()]
    assert f"{a}:1:1" in lines and f"{b}:1:1" in lines


def test_the_timeline_on_a_narrow_terminal_lists_places_under_events() -> None:
    from reconcile.api import build_timeline
    from reconcile.render.timeline import renderables

    t = build_timeline(list(SAMPLE_PATHS))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=60, no_color=True)
    for item in renderables(t):
        console.print(item, crop=False)
    lines = ANSI.sub("", buffer.getvalue()).splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 60
    stripped = [line.strip() for line in lines]
    assert "1-thaw.txt:1, 2-tensions-easing.txt:10,16,18" not in "\n".join(lines)  # too wide: under the event
    assert "2-tensions-easing.txt:10,16,18" in stripped and "samples/micron/1-thaw.txt:1:475" in stripped
