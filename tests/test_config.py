"""Configuration files: where they are found, what they may say, and how a mistake
is reported (exit 2, one line naming the file and the key)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import one_line_error
from typer.testing import CliRunner

from reconcile import config
from reconcile.cli import app
from reconcile.errors import ConfigError
from reconcile.settings import Settings

runner = CliRunner()


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# Discovery


def test_found_in_a_parent_folder(tmp_path: Path) -> None:
    found = _write(tmp_path / "reconcile.toml", "align-threshold = 0.7\n")
    deep = tmp_path / "drafts" / "2024"
    deep.mkdir(parents=True)
    assert config.find(deep) == found
    assert config.load(start=deep).settings.align_threshold == 0.7


def test_pyproject_without_the_table_does_not_stop_the_search(tmp_path: Path) -> None:
    found = _write(tmp_path / "pyproject.toml", "[tool.reconcile]\nfail-on = 'unsupported'\n")
    _write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'other'\n")
    assert config.find(tmp_path / "pkg") == found
    assert config.load(start=tmp_path / "pkg").fail_on == "unsupported"


def test_the_nearest_file_wins_and_is_not_merged(tmp_path: Path) -> None:
    _write(tmp_path / "reconcile.toml", "fail-on = 'none'\nalign-threshold = 0.7\n")
    near = _write(tmp_path / "sub" / "pyproject.toml", "[tool.reconcile]\nalign-threshold = 0.6\n")
    loaded = config.load(start=tmp_path / "sub")
    assert loaded.path == near
    assert (loaded.settings.align_threshold, loaded.fail_on) == (0.6, None)


def test_reconcile_toml_before_pyproject_in_one_folder(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.reconcile]\nalign-threshold = 0.6\n")
    found = _write(tmp_path / "reconcile.toml", "align-threshold = 0.7\n")
    assert config.find(tmp_path) == found


def test_no_file_means_defaults(tmp_path: Path) -> None:
    assert config.load(start=tmp_path) == config.Config()
    assert config.Config().settings == Settings()


# Keys


def test_every_key_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "reconcile.toml", """
align-threshold = 0.55
clause_threshold = 0.4
slot-context = 0.3
approx-tolerance = 0
fail-on = "unsupported"
select = ["RC1", "unsupported-claim"]
ignore = ["rc103"]
boilerplate = ["^Subscribe to .*$"]
date = 2023-11-02
""")
    loaded = config.load(path)
    s = loaded.settings
    assert (s.align_threshold, s.clause_threshold, s.slot_context, s.approx_tolerance) == (0.55, 0.4, 0.3, 0.0)
    assert s.boilerplate == ("^Subscribe to .*$",)
    assert s.reference_date == date(2023, 11, 2)
    assert loaded.fail_on == "unsupported"
    assert loaded.select == ("RC101", "RC102", "RC103", "RC104", "RC105", "RC106", "RC107", "RC108", "RC201")
    assert loaded.ignore == ("RC103",)


def test_every_numeric_setting_is_a_key() -> None:
    for name in ("align_threshold", "candidate_cutoff", "clause_threshold", "candidate_limit",
                 "approx_tolerance", "event_match_threshold", "weekday_context", "reference_slack"):
        assert name in config.KEYS


def test_date_may_be_a_string() -> None:
    assert config.parse({"date": "2023-11-02"}, "x.toml").settings.reference_date == date(2023, 11, 2)


@pytest.mark.parametrize(
    "toml, key, words",
    [
        ("align-treshold = 0.5\n", "align-treshold", "did you mean 'align-threshold'"),
        ("colour = 'red'\n", "colour", "unknown key"),
        ("align-threshold = 2\n", "align-threshold", "from 0 to 1"),
        ("align-threshold = 'high'\n", "align-threshold", "from 0 to 1"),
        ("align-threshold = nan\n", "align-threshold", "from 0 to 1"),
        ("candidate-limit = -1\n", "candidate-limit", "whole number"),
        ("candidate-limit = 2.5\n", "candidate-limit", "whole number"),
        ("candidate-limit = true\n", "candidate-limit", "whole number"),
        ("fail-on = 'all'\n", "fail-on", "one of none, contradiction, unsupported"),
        ("select = 'RC101'\n", "select", "list of strings"),
        ("select = ['RC999']\n", "select", "unknown rule 'RC999'"),
        ("ignore = ['no-such-rule']\n", "ignore", "unknown rule"),
        ("boilerplate = ['(unclosed']\n", "boilerplate", "invalid regular expression"),
        ("date = 'Nov 3'\n", "date", "YYYY-MM-DD"),
        ("date = 2023-11-02T10:00:00\n", "date", "YYYY-MM-DD"),
        ("fail-on = 'none'\nfail_on = 'none'\n", "fail_on", "given twice"),
    ],
)
def test_bad_keys_and_values_name_file_and_key(tmp_path: Path, toml: str, key: str, words: str) -> None:
    path = _write(tmp_path / "reconcile.toml", toml)
    with pytest.raises(ConfigError) as caught:
        config.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {key}: ")
    assert words in message
    assert caught.value.key == key


@pytest.mark.parametrize(
    "name, text, words",
    [
        ("reconcile.toml", "align-threshold = \n", "not valid TOML"),
        ("pyproject.toml", "[project]\nname = 'x'\n", "no [tool.reconcile] table"),
        ("pyproject.toml", "[tool]\nreconcile = 3\n", "tool.reconcile: expected a table"),
    ],
)
def test_unusable_files(tmp_path: Path, name: str, text: str, words: str) -> None:
    path = _write(tmp_path / name, text)
    with pytest.raises(ConfigError, match=re.escape(words)):
        config.load(path)


@pytest.mark.parametrize("name", ["ci.toml", "reconcile.toml"])
def test_a_tool_reconcile_table_works_in_any_file(tmp_path: Path, name: str) -> None:
    text = "[project]\nname = 'news'\n\n[tool.reconcile]\nfail-on = 'unsupported'\nalign-threshold = 0.7\n"
    loaded = config.load(_write(tmp_path / name, text))
    assert (loaded.fail_on, loaded.settings.align_threshold) == ("unsupported", 0.7)


@pytest.mark.parametrize(
    "text, words",
    [
        ("fail-on = 'none'\n\n[tool.reconcile]\nfail-on = 'unsupported'\n",
         "settings both at the top level (fail-on) and in [tool.reconcile]: keep one of the two"),
        ("[project]\nname = 'news'\n\n[tool.black]\nline-length = 100\n",
         "no reconcile settings: neither a [tool.reconcile] table nor settings at the top level"),
    ],
    ids=["both", "neither"],
)
def test_a_file_with_both_or_neither_is_one_line_naming_it(tmp_path: Path, text: str, words: str) -> None:
    path = _write(tmp_path / "ci.toml", text)
    with pytest.raises(ConfigError) as caught:
        config.load(path)
    assert str(caught.value) == f"{path}: {words}"


def test_an_empty_file_means_defaults(tmp_path: Path) -> None:
    assert config.load(_write(tmp_path / "ci.toml", "")).settings == Settings()


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        config.load(tmp_path / "nope.toml")


# On the command line


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with a draft and a source, and no configuration above it
    that is ours (the search stops at the first file found)."""
    _write(tmp_path / "draft.md", "The commerce minister met Micron's chief executive in Beijing on Nov. 1.\n")
    _write(tmp_path / "sources" / "a.txt",
           "The commerce minister met Micron's chief executive in Beijing on November 1.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", [["check", "draft.md", "--against", "sources"],
                                     ["compare", "draft.md", "sources/a.txt"]])
def test_cli_reports_an_unknown_key_found_upward(story: Path, command: list[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _write(story / "pyproject.toml", "[tool.reconcile]\nfail_in = 'none'\n")
    (story / "drafts").mkdir()
    monkeypatch.chdir(story / "drafts")
    command = [c if c in ("check", "compare") or c.startswith("-") else f"../{c}" for c in command]
    one_line_error(runner.invoke(app, command), "pyproject.toml", "fail_in", "unknown key")


def test_cli_reports_a_bad_value_of_an_explicit_config(story: Path) -> None:
    path = _write(story / "ci" / "strict.toml", "align-threshold = 1.5\n")
    result = runner.invoke(app, ["check", "draft.md", "--against", "sources", "--config", str(path)])
    one_line_error(result, str(path), "align-threshold", "from 0 to 1")


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_cli_rejects_an_unknown_rule_flag(story: Path, flag: str) -> None:
    result = runner.invoke(app, ["check", "draft.md", "--against", "sources", flag, "RC101,RC999"])
    one_line_error(result, flag, "RC999")


def test_cli_reads_a_tool_reconcile_table_of_an_explicit_config(story: Path) -> None:
    _write(story / "ci.toml", "[tool.reconcile]\nfail-on = 'unsupported'\n")
    (story / "draft.md").write_text("Shares of local chip firms rose by 2% on Monday after the talks.\n")
    plain = runner.invoke(app, ["check", "draft.md", "--against", "sources"])
    assert plain.exit_code == 0, plain.output
    strict = runner.invoke(app, ["check", "draft.md", "--against", "sources", "--config", "ci.toml"])
    assert strict.exit_code == 1, strict.output
    assert strict.stderr == ""


def test_cli_reports_a_config_with_both_in_one_line(story: Path) -> None:
    _write(story / "ci.toml", "fail-on = 'none'\n[tool.reconcile]\nfail-on = 'none'\n")
    result = runner.invoke(app, ["check", "draft.md", "--against", "sources", "--config", "ci.toml"])
    one_line_error(result, "ci.toml", "both")
