"""Same output locally and in CI: no forced terminal styling, a fixed width."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["_TYPER_FORCE_DISABLE_TERMINAL"] = "1"
os.environ["TERMINAL_WIDTH"] = "100"
os.environ["COLUMNS"] = "100"
for name in ("GITHUB_ACTIONS", "FORCE_COLOR", "PY_COLORS"):
    os.environ.pop(name, None)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "micron"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))
