"""Running a command: the configuration with the flags over it, the library
call, the report written where it goes, and the exit status; the garbage
collector paused while a command imports what it needs."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Optional

import typer

from reconcile.cli.app import EXIT_CLEAN, EXIT_FINDINGS, Options, fail, warn
from reconcile.config import FAIL_ON
from reconcile.errors import ReconcileError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from reconcile.model import Document, Report
    from reconcile.settings import Settings

_collector_paused = False


def pause_collection() -> None:
    """Turn the garbage collector off until a command has imported its modules
    (``collect_again``)."""
    global _collector_paused
    gc.disable()
    _collector_paused = True


def collect_again() -> None:
    """Turn the garbage collector back on once a command has imported its modules.

    main() turns it off first: numpy, rapidfuzz and the pipeline's modules allocate
    objects that live as long as the process, and the ~80 collections they set off
    cost about 10 ms of a 0.35 s ``compare``. Frozen, they are not scanned again."""
    global _collector_paused
    if _collector_paused:
        gc.freeze()
        gc.enable()
        _collector_paused = False


def resume_collection() -> None:
    """The collector back on if no command did it: --help, a usage error, an
    interrupt before the imports."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.enable()


def stdin_once(paths: list[str], *others: str) -> list[str]:
    """``paths``, checked: standard input (``-``) can stand for one source only."""
    from reconcile.read.files import STDIN

    if [*others, *paths].count(STDIN) > 1:
        raise fail(f"'{STDIN}' (standard input) can be given only once")
    return paths


def _reference_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"--date: {value!r} is not a date of the form YYYY-MM-DD") from None


def exit_code(report: Report, fail_on: str) -> int:
    return EXIT_FINDINGS if any(report.counts[kind] for kind in FAIL_ON[fail_on]) else EXIT_CLEAN


def print_items(items: Iterable[RenderableType], stderr: bool = False, soft_wrap: bool = False) -> None:
    """Rich renderables for people. On a terminal styled (NO_COLOR honoured) and
    wrapped to its width, a location longer than it left whole; with ``soft_wrap``,
    each line whole however wide the terminal. Elsewhere (a pipe, a file, a CI log)
    plain, unwrapped, with no trailing spaces: what ``--output`` writes."""
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal:
        from reconcile.render._common import plain

        (sys.stderr if stderr else sys.stdout).write(plain(items))
        return
    for item in items:
        console.print(item, soft_wrap=soft_wrap, crop=False)


def _write(path: Path, text: str, what: str) -> None:
    from reconcile.writing import write_atomic

    try:
        write_atomic(path, text)
    except OSError as error:
        raise fail(f"{path}: cannot write {what}: {error.strerror or error}") from None


def _emit(report: Report, opts: Options) -> None:
    fmt, output, show = opts.fmt, opts.output, (opts.show,) if opts.show else ()
    if fmt == "text":  # the one format with options of its own
        from reconcile.render import text as plain_text

        if output is None:
            print_items(plain_text.renderables(report, show))
            return
        text = plain_text.render(report, show=show)
    else:
        from reconcile.render import render

        text = render(report, fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        _write(output, text, "report")


def _rules(flag: str, value: str) -> tuple[str, ...]:
    """Rule ids of a comma-separated --select/--ignore value."""
    from reconcile.config import rule_ids

    return rule_ids([t for t in value.split(",") if t.strip()], flag, None)


@dataclass(frozen=True)
class _Setup:
    """The configuration file with the flags over it."""

    settings: Settings
    select: Optional[tuple[str, ...]]  # rule ids; None: every rule
    ignore: tuple[str, ...]
    fail_on: str  # a key of FAIL_ON


def configure(opts: Options) -> _Setup:
    """What a command runs with; a ReconcileError names what is wrong."""
    from reconcile import config

    reference = _reference_date(opts.date)
    found = config.load(opts.config)
    settings = found.settings.replace(today=date.today())  # the one clock the run reads
    if reference is not None:
        settings = settings.replace(reference_date=reference)
    if opts.min_confidence is not None:
        if not 0.0 <= opts.min_confidence <= 1.0:
            raise ReconcileError(f"--min-confidence: {opts.min_confidence} is not a probability between 0 and 1")
        settings = settings.replace(min_confidence=opts.min_confidence)
    return _Setup(
        settings=settings,
        select=found.select if opts.select is None else _rules("--select", opts.select),
        ignore=found.ignore if opts.ignore is None else _rules("--ignore", opts.ignore),
        fail_on=opts.fail_on or found.fail_on or "contradiction",
    )


def run_report(read: Callable[[Settings], Sequence[Document]], draft: bool, opts: Options) -> NoReturn:
    """What compare and check share once their inputs are known: configuration,
    flags over it, suppression, rendering and the exit status."""
    from reconcile import suppression
    from reconcile.api import reconcile_documents

    collect_again()
    try:
        setup = configure(opts)
        known = None if opts.baseline is None or opts.write_baseline else suppression.read_baseline(opts.baseline)
        docs = read(setup.settings)
        report = reconcile_documents(docs, setup.settings, draft=draft)
    except ReconcileError as error:
        raise fail(str(error)) from None
    if draft and not report.sources[0].claims:
        warn(f"{report.sources[0].path}: the draft makes no claims, so nothing was checked")
    if opts.write_baseline is not None:
        shown = suppression.apply(report, docs, None, setup.select, setup.ignore)
        known = suppression.make_baseline(shown, str(opts.write_baseline))
        _write(opts.write_baseline, suppression.dump_baseline(known), "baseline")
        count = len(known.entries)
        typer.echo(f"reconcile: wrote {count} finding{'' if count == 1 else 's'} to {opts.write_baseline}", err=True)
    report = suppression.apply(report, docs, known, setup.select, setup.ignore)
    _emit(report, opts)
    raise typer.Exit(EXIT_CLEAN if opts.exit_zero else exit_code(report, setup.fail_on))


