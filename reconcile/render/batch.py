"""The summary ``reconcile batch`` prints after its JSON lines: findings per kind
over the stories, then the stories that could not be reconciled."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

SHOWN_ERRORS = 10  # the rest are in their stories' lines


class Outcome(NamedTuple):
    """One story's outcome, as the summary and the exit status need it."""

    name: str
    counts: dict[str, int] | None  # findings per kind; None when it could not be reconciled
    error: str | None
    fails: bool  # findings at or above --fail-on


def summary(outcomes: Sequence[Outcome], seconds: float, jobs: int) -> Iterator[RenderableType]:
    """The pace, then a table of findings per kind (stories with any, total)."""
    counted = [o.counts for o in outcomes if o.counts is not None]
    rate = len(outcomes) / seconds if seconds > 0 else 0.0
    yield Text(f"{len(outcomes)} stories in {seconds:.1f} s ({rate:.1f} per second, "
               f"{jobs} job{'' if jobs == 1 else 's'})")
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("", "Stories", "Findings"):
        table.add_column(column, justify="left" if not column else "right")
    for kind in ("contradiction", "agreement", "unsupported"):
        table.add_row(kind, str(sum(1 for c in counted if c[kind])), str(sum(c[kind] for c in counted)))
    table.add_row("error", str(sum(1 for o in outcomes if o.error)), "")
    yield table


def error_lines(outcomes: Sequence[Outcome]) -> Iterator[Text]:
    """The first stories that could not be reconciled, each with why: to be printed
    one line each, however long, for grep."""
    errors = [o for o in outcomes if o.error]
    for outcome in errors[:SHOWN_ERRORS]:
        yield Text(f"{outcome.name}: {outcome.error}")
    if len(errors) > SHOWN_ERRORS:
        yield Text(f"... and {len(errors) - SHOWN_ERRORS} more errors (see their lines)")
