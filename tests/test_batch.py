"""`reconcile batch`: many stories at once, one JSON line each, bad stories reported not fatal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import AGREE, DISAGREE
from typer.testing import CliRunner

from reconcile import api, batch
from reconcile.cli import app
from reconcile.render.json import to_dict
from reconcile.settings import Settings

runner = CliRunner()


def _story(root: Path, name: str, texts: tuple[str, ...] | tuple[bytes, ...]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for i, text in enumerate(texts):
        path = folder / f"{i}-source.txt"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    root = tmp_path / "stories"
    _story(root, "b-disagree", DISAGREE)
    _story(root, "a-agree", AGREE)
    _story(root, "c-agree", AGREE)
    return root


def test_one_line_per_story_in_name_order_and_exit_1_on_contradictions(stories: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    result = runner.invoke(app, ["batch", str(stories), "--jobs", "1", "--output", str(out)])
    assert result.exit_code == 1, result.output
    lines = _lines(out.read_text(encoding="utf-8"))
    assert [line["story"] for line in lines] == ["a-agree", "b-disagree", "c-agree"]
    assert [line["error"] for line in lines] == [None, None, None]
    assert [line["counts"]["contradiction"] for line in lines] == [0, 1, 0]
    assert lines[1]["findings"][0]["facts"][0]["text"] == "about 15%"
    assert "3 stories" in result.stdout  # the summary, on stdout when the lines go to a file


def test_a_line_holds_the_json_report_of_compare(stories: Path) -> None:
    result = runner.invoke(app, ["batch", str(stories), "--jobs", "1"])
    line = _lines(result.stdout)[1]
    files = api.article_files(stories / "b-disagree")
    expected = to_dict(api.compare(files))
    assert line["path"] == str(stories / "b-disagree")
    assert {k: v for k, v in line.items() if k not in ("story", "path", "error")} == expected


def test_lines_on_stdout_summary_on_stderr(stories: Path) -> None:
    result = runner.invoke(app, ["batch", str(stories), "--jobs", "1"])
    assert len(_lines(result.stdout)) == 3
    assert "3 stories" in result.stderr and "contradiction" in result.stderr


@pytest.mark.parametrize(
    "texts, error",
    [
        ((AGREE[0],), "compare needs at least two sources, got 1"),
        ((AGREE[0], b"\x00\x01\x02binary\x00" * 50), "1-source.txt"),
    ],
)
def test_a_bad_story_reports_its_error_and_the_others_still_run(
    stories: Path, tmp_path: Path, texts: tuple, error: str
) -> None:
    _story(stories, "b-bad", texts)
    out = tmp_path / "results.jsonl"
    result = runner.invoke(app, ["batch", str(stories), "--jobs", "1", "--output", str(out)])
    assert result.exit_code == 2  # some stories were never checked: a CI must not pass
    lines = {line["story"]: line for line in _lines(out.read_text(encoding="utf-8"))}
    assert list(lines) == ["a-agree", "b-bad", "b-disagree", "c-agree"]
    assert error in lines["b-bad"]["error"]
    assert lines["b-disagree"]["counts"]["contradiction"] == 1
    assert f"b-bad: {lines['b-bad']['error']}" in result.stdout


def test_a_bug_in_one_story_is_its_error_not_a_crash(stories: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = api.reconcile_documents

    def flaky(docs, settings, draft=False):
        if "disagree" in docs[0].path:
            raise KeyError(6)
        return real(docs, settings, draft)

    monkeypatch.setattr(api, "reconcile_documents", flaky)
    results = list(batch.run(batch.stories(stories), Settings(), jobs=1))
    assert [(r.name, r.error) for r in results] == [
        ("a-agree", None), ("b-disagree", "internal error: KeyError: 6"), ("c-agree", None)
    ]


def test_parallel_output_is_the_same_as_serial(stories: Path, tmp_path: Path) -> None:
    for name in ("d", "e", "f", "g"):
        _story(stories, name, DISAGREE if name in "dg" else AGREE)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs-{jobs}.jsonl"
        result = runner.invoke(app, ["batch", str(stories), "--jobs", jobs, "--output", str(out)])
        assert result.exit_code == 1, result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert "2 jobs" in result.stdout


@pytest.mark.parametrize(
    "args, fail_on, code",
    [([], "none", 0), (["--exit-zero"], "contradiction", 0), ([], "unsupported", 1)],
)
def test_fail_on_and_exit_zero(stories: Path, args: list[str], fail_on: str, code: int) -> None:
    result = runner.invoke(app, ["batch", str(stories), "--jobs", "1", "--fail-on", fail_on, *args])
    assert result.exit_code == code, result.output


def test_select_leaves_out_other_rules(stories: Path) -> None:
    result = runner.invoke(app, ["batch", str(stories), "--jobs", "1", "--select", "unsupported-claim"])
    assert result.exit_code == 0
    assert all(line["counts"]["contradiction"] == 0 for line in _lines(result.stdout))


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda root: root, "no such folder"),
        (lambda root: (root.mkdir(), root)[1], "holds no story folders"),
        (lambda root: (root.mkdir(), (root / "a.txt").write_text("x"), root / "a.txt")[2], "is not a folder"),
    ],
)
def test_nothing_to_do_is_a_one_line_usage_error(tmp_path: Path, make, message: str) -> None:
    target = make(tmp_path / "stories")
    result = runner.invoke(app, ["batch", str(target)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_unwritable_output_is_exit_2_and_writes_nothing(stories: Path, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "results.jsonl"
    result = runner.invoke(app, ["batch", str(stories), "--jobs", "1", "--output", str(out)])
    assert result.exit_code == 2
    assert "cannot write results" in result.stderr
    assert not (tmp_path / "no").exists()
