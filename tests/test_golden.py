"""The sample reports, byte for byte, so any change in behaviour shows as a diff.

After an intended change, refresh them and review the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reconcile.render import render

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("fmt, name", [("text", "micron.txt"), ("json", "micron.json")])
def test_sample_report_matches_golden_file(sample_report, fmt: str, name: str) -> None:
    actual = render(sample_report, fmt)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"refresh with UPDATE_GOLDEN=1 if intended: {path}"


def test_the_report_does_not_depend_on_the_day_it_is_run() -> None:
    """The samples state no year: a run today and one two years on read the same."""
    from datetime import date

    from reconcile import Settings, compare

    paths = sorted(str(p.relative_to(Path.cwd())) for p in (Path(__file__).parents[1] / "samples" / "micron").glob("*.txt"))
    reports = [render(compare(paths, Settings(today=today)), "json") for today in (date(2026, 12, 2), date(2028, 11, 1))]
    assert reports[0] == reports[1]


def test_only_the_command_line_reads_the_clock() -> None:
    import re

    package = Path(__file__).parents[1] / "reconcile"
    clock = re.compile(r"\b(?:date\.today|datetime\.(?:now|today|utcnow)|time\.time)\(")
    readers = sorted(str(p.relative_to(package)) for p in package.rglob("*.py") if clock.search(p.read_text("utf-8")))
    assert readers == ["cli.py"]
