"""Text that survives a pipe: off a terminal (a CI log, a file, ``| less``) no line
is wrapped and none ends in spaces, a ``file:line:column`` is never split and
``--output`` writes what a redirect would; on a terminal lines wrap to its
width, locations still whole."""

from __future__ import annotations

import io
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from conftest import ROOT, SAMPLE_PATHS
from reports import crowded, disputed
from reconcile.cli import app
from reconcile.model import Kind, Report
from reconcile.render._common import shown

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths print as the samples' relative ones


def _locations(report: Report) -> set[str]:
    return {f"{e.path}:{e.line}:{e.column}" for f in report.findings for e in f.evidence}


def test_compare_off_a_terminal_wraps_nothing_and_pads_nothing(sample_report: Report) -> None:
    result = runner.invoke(app, ["compare", "--show", "agreements", *SAMPLE_PATHS])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line for line in lines if line != line.rstrip()] == []
    assert lines[0] == "1 contradiction, 7 agreements, 22 unsupported (2 sources, 36 sentences)"
    assert {line.strip() for line in lines} >= _locations(sample_report)  # each whole, on its own line
    stripped = {line.strip() for line in lines}
    for f in sample_report.findings:
        assert any(f.reason in line for line in lines), f.reason
        for e in f.evidence:
            assert shown(e)[0] in stripped  # each sentence on one line


@pytest.mark.parametrize("show", [[], ["--show", "agreements"]])
def test_output_file_is_what_a_redirect_gets(tmp_path: Path, show: list[str]) -> None:
    piped = runner.invoke(app, ["compare", *show, *SAMPLE_PATHS]).stdout
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["compare", *show, "--output", str(out), *SAMPLE_PATHS])
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
    result = runner.invoke(app, ["compare", "--show", "all", *SAMPLE_PATHS], env={"FORCE_COLOR": "1", "COLUMNS": "60"})
    assert "\x1b[" in result.stdout  # styled: the terminal path
    lines = ANSI.sub("", result.stdout).splitlines()
    locations = _locations(sample_report)
    assert {line.strip() for line in lines} >= locations
    too_long = [line for line in lines if len(line.rstrip()) > 60 and line.strip() not in locations]
    assert too_long == []
    assert max(len(line.rstrip()) for line in lines) > 40  # wrapped to the width, not to nothing


def test_a_location_longer_than_the_terminal_is_not_broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = Path(("a-rather-long-folder-name-for-the-articles-of-this-story " * 2).strip())
    monkeypatch.chdir(tmp_path)
    folder.mkdir()
    a, b = folder / "first.txt", folder / "second.txt"
    a.write_text("Micron's China business accounts for about 15% of its annual revenues.\n", encoding="utf-8")
    b.write_text("Micron's China business accounts for 20% of its annual revenues.\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(a), str(b)], env={"FORCE_COLOR": "1", "COLUMNS": "60"})
    lines = [line.strip() for line in ANSI.sub("", result.stdout).splitlines()]
    assert f"{a}:1:1" in lines and f"{b}:1:1" in lines


def test_absolute_paths_name_their_folder_once(tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text("Micron's China business accounts for about 15% of its annual revenues.\n", encoding="utf-8")
    b.write_text("Micron's China business accounts for 20% of its annual revenues.\nShares rose.\n", encoding="utf-8")
    lines = runner.invoke(app, ["compare", str(a), str(b)]).stdout.splitlines()
    assert lines[1] == f"in {folder}{os.sep}: a.txt, b.txt"
    assert [line for line in lines[2:] if str(folder) in line] == []
    assert {"a.txt:1:1", "b.txt:1:1"} <= {line.strip() for line in lines}


@pytest.mark.parametrize(
    "paths, folder",
    [
        (["/x/stories/a.txt", "/x/stories/b.txt"], "/x/stories/"),
        (["/x/drafts/d.md", "/x/sources/a.txt"], "/x/"),
        (["/x/a.txt", "/y/b.txt"], ""),  # only the root in common: nothing gained
        (["/x/a.txt", "b.txt"], ""),  # a relative path stays as given, so nothing is shortened
        (["-", "/x/a.txt"], ""),
    ],
)
def test_common_folder(paths: list[str], folder: str) -> None:
    from reconcile.render.text import common_folder

    assert common_folder(paths) == folder.replace("/", os.sep)


def _lines(report: Report, show: tuple[str, ...] = ()) -> list[str]:
    from reconcile.render.text import render

    return render(report, show=show).splitlines()


def test_disagreements_come_most_certain_first_each_with_its_sides() -> None:
    report = disputed()
    patients, toll, magnitude = report.findings
    doubtful = replace(patients, score=0.2, reason="a doubtful count")
    lines = _lines(replace(report, findings=(doubtful, toll, magnitude, replace(patients, score=0.95))))
    assert lines[0] == "2 contradictions, 1 update, 1 attributed figure, 0 agreements, 0 unsupported (3 sources, 7 sentences)"
    heads = [line.strip() for line in lines if line.endswith(")") and "RC1" in line]
    assert [h.split("  ")[1] for h in heads] == ["RC101", "RC101", "RC107", "RC108"]
    assert "(score 0.95)" in heads[0] and "a doubtful count" in heads[1]
    assert [line for line in lines if line.endswith(("(2)", "(1)"))] == ["Contradictions (2)", "Updates (1)",
                                                                         "Attributed figures (1)"]
    first = lines.index(next(line for line in lines if "(score 0.95)" in line))
    assert [line.strip() for line in lines[first + 1 : first + 9]] == [
        "2 (sentinel.txt)",
        "stories/sentinel.txt:1:1",
        "Two patients were treated at the clinic, the sentinel said.",
        "3 (tvn6.txt, wire.txt)",
        "stories/tvn6.txt:1:1",
        "Three patients were treated at the clinic.",
        "stories/wire.txt:3:1",
        "Three patients were treated at the clinic, officials said.",
    ]


def _under(lines: list[str], label: str) -> list[str]:
    """The lines under a side's label, up to the next label or finding."""
    start = next(i for i, line in enumerate(lines) if line.strip() == label) + 1
    depth = len(lines[start - 1]) - len(lines[start - 1].lstrip())
    end = next((i for i in range(start, len(lines)) if len(lines[i]) - len(lines[i].lstrip()) <= depth), len(lines))
    return [line.strip() for line in lines[start:end]]


def test_a_side_many_sources_state_lists_its_first_sentence_and_counts_the_others() -> None:
    lines = _lines(crowded())
    assert _under(lines, "7,000 (6 sources)") == [
        "stories/s0.txt:1:1",
        "The fire destroyed 7,000 homes.",
        "… 5 more sources state 7,000, in 6 sentences (--show disagreements lists them)",
    ]
    assert _under(lines, "6,000 (s6.txt, s7.txt)") == [  # a side its label names the sources of: every sentence
        "stories/s6.txt:1:1", "The fire destroyed 6,000 homes.", "stories/s7.txt:1:1", "The fire destroyed 6,000 homes.",
    ]


def test_a_disagreement_of_many_values_lists_those_most_sources_state() -> None:
    lines = _lines(crowded())
    labels = [line.strip() for line in lines if line.startswith("    ") and not line.startswith("     ")]
    damage = labels[labels.index("10 (s0.txt, s1.txt, s2.txt)"):]
    assert damage == ["10 (s0.txt, s1.txt, s2.txt)", "20 (s3.txt, s4.txt)", "30 (s5.txt)", "40 (s6.txt)",
                      "… 1 more value, stated by 1 source (--show disagreements lists them)"]


def test_check_counts_a_sides_other_sources_without_the_draft() -> None:
    lines = _lines(crowded("check"))
    assert _under(lines, "7,000 (6 sources)") == [
        "stories/s1.txt:1:1",
        "The fire destroyed 7,000 homes.",
        "… 4 more sources state 7,000, in 5 sentences (--show disagreements lists them)",
    ]


@pytest.mark.parametrize("mode", ["compare", "check"])
@pytest.mark.parametrize("show", ["disagreements", "all"])
def test_show_disagreements_or_all_lists_every_value_and_sentence(mode: str, show: str) -> None:
    report = crowded(mode)
    short, whole = _lines(report), _lines(report, (show,))
    # every sentence once under its side; in check the draft's are shown above, as its claims
    cited = [f"{e.path}:{e.line}:{e.column}" for f in report.findings for e in f.evidence
             if mode == "compare" or e.source != 0]
    stripped = [line.strip() for line in whole]
    assert [stripped.count(place) for place in cited] == [1] * len(cited)
    assert "50 (s7.txt)" in stripped and "Damage reached 50 million." in stripped
    assert not any("more source" in line or "more value" in line for line in whole)
    assert not set(cited) <= {line.strip() for line in short}  # which the short report does not


def test_agreements_are_a_count_and_the_strongest_three_unless_shown(sample_report: Report) -> None:
    agreed = sorted(sample_report.of(Kind.AGREEMENT), key=lambda f: -f.score)
    folded = "\n".join(_lines(sample_report))
    assert "Agreements (7): the 3 strongest (--show agreements lists all)" in folded
    assert folded.count("RC301") == 3
    assert f"(score {agreed[0].score:.2f})" in folded.split("RC301")[1]  # the strongest first
    for show in (["--show", "agreements"], ["--show", "all"]):
        whole = runner.invoke(app, ["compare", *show, *SAMPLE_PATHS]).stdout
        assert "Agreements (7)\n" in whole and whole.count("RC301") == 7
        assert "more sentence" not in whole
    assert "Not a claim (" in runner.invoke(app, ["compare", "--show", "all", *SAMPLE_PATHS]).stdout
    assert "Not a claim (" not in folded


def test_unsupported_claims_are_grouped_by_source(sample_report: Report) -> None:
    lines = _lines(sample_report)
    unsupported = lines[lines.index("Unsupported (22)") + 1 :]
    heads = [i for i, line in enumerate(unsupported) if line in ("  " + p for p in SAMPLE_PATHS)]
    assert [unsupported[i].strip() for i in heads] == list(SAMPLE_PATHS)
    for i, path in zip(heads, SAMPLE_PATHS):
        stop = heads[heads.index(i) + 1] if i != heads[-1] else len(unsupported)
        places = [line.strip() for line in unsupported[i:stop] if re.fullmatch(r"\s+\S+:\d+:\d+", line)]
        assert places and all(p.startswith(path + ":") for p in places)


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
