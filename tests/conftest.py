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


AGREE = (
    "The commerce minister met Micron's chief executive in Beijing on Nov. 1.\n",
    "The commerce minister met Micron's chief executive in Beijing on November 1.\n",
)
DISAGREE = (
    "Micron's China business accounts for about 15% of its annual revenues.\n",
    "Micron's China business accounts for 20% of its annual revenues.\n",
)


def one_line_error(result, *fragments: str) -> str:
    """Exit 2 with exactly one line on stderr, no traceback, naming what is wrong."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


SAMPLE_PATHS = ("samples/micron/1-thaw.txt", "samples/micron/2-tensions-easing.txt")


@pytest.fixture(scope="session")
def sample_report():
    """compare on the samples, run from the repository root so paths print relative."""
    from reconcile import compare

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return compare(list(SAMPLE_PATHS))
    finally:
        os.chdir(cwd)


@pytest.fixture
def samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))
