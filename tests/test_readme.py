"""The README's usage output, JSON example, rule table and settings table are
generated from real runs; this fails when they no longer match the code."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_readme_generated_sections_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "readme.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr + " (run: make readme)"
