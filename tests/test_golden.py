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
