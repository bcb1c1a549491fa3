"""The commands: each reads its arguments, calls the library through
``run`` and renders; ``main`` is the console script."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from reconcile.cli.app import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    JUDGING,
    READING,
    REPORTING,
    Options,
    app,
    command,
    fail,
)
from reconcile.cli.run import (
    collect_again,
    configure,
    exit_code,
    pause_collection,
    print_items,
    resume_collection,
    run_report,
    stdin_once,
)
from reconcile.errors import ReconcileError

if TYPE_CHECKING:
    from reconcile.render.batch import Outcome

# -- the commands


FilesArg = Annotated[
    list[Path],
    typer.Argument(help="Article files (text, Markdown or HTML; - reads standard input), two or more.", show_default=False),
]


@command(*REPORTING)
def compare(files: FilesArg, opts: Options) -> None:
    """Compare articles: contradictions, agreements and claims only one source makes.

    Exit status: 0 no findings at the --fail-on level, 1 findings, 2 usage, input or configuration error.
    """
    from reconcile.api import compare_documents

    names = stdin_once([str(f) for f in files])
    run_report(lambda settings: compare_documents(names, settings), False, opts)


@command(*REPORTING)
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="DRAFT",
            help="The draft (text or Markdown); more paths after it are its sources, as from a shell glob.",
            show_default=False,
        ),
    ],
    against: Annotated[
        Optional[list[Path]],
        typer.Option("--against", "-a", help="A source file or folder of sources (repeatable).", show_default=False),
    ] = None,
    *,
    opts: Options,
) -> None:
    """Check a draft against its sources: each claim supported, contradicted or unsupported.

    reconcile check drafts/story.md --against sources/story/
    reconcile check drafts/story.md sources/story/*.txt

    Exit status: 0 pass, 1 findings at or above --fail-on (default: contradictions), 2 usage, input or configuration error.
    """
    from reconcile.api import check_documents

    draft, *more = paths
    given = [*(against or ()), *more]
    if not given:
        raise fail(f"check {draft}: no sources: give them after the draft or with --against SOURCE (a file or folder)")
    sources = stdin_once([str(p) for p in given], str(draft))
    run_report(lambda settings: check_documents(str(draft), sources, settings), True, opts)


class BatchEngine(str, Enum):
    local = "local"
    dask = "dask"


@command(*JUDGING)
def batch(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="A folder with one subfolder per story; a story's article files are its sources.",
            show_default=False,
        ),
    ],
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=1, help="Stories reconciled at once (default: one per core); with "
                     "--engine dask, the local cluster's worker processes.", show_default=False),
    ] = None,
    engine: Annotated[
        Optional[BatchEngine],
        typer.Option("--engine", help="Where stories run: local (a process pool) or dask (a local Dask cluster; "
                     "needs the dask extra). [default: local]", show_default=False),
    ] = None,
    scheduler: Annotated[
        Optional[str],
        typer.Option("--scheduler", metavar="ADDRESS", help="Run the stories on the Dask cluster whose scheduler "
                     "is at ADDRESS (tcp://host:8786); implies --engine dask.", show_default=False),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write the JSON lines to this file (atomically), not to standard output."),
    ] = None,
    *,
    opts: Options,
) -> None:
    """Compare the articles of many stories in parallel: one JSON line per story, then a summary.

    reconcile batch stories/ --output results.jsonl

    Each line, in story-name order, holds "story" (the folder's name), "path", "error" (null, or why
    the story could not be reconciled) and the fields of the JSON report (counts, findings...). The
    summary goes to standard error when the lines go to standard output. A progress bar shows on a
    terminal.

    reconcile batch stories/ --scheduler tcp://host:8786 -o results.jsonl

    With --scheduler the stories run on a Dask cluster, whose workers need this version of
    reconcile and must read the articles at the same paths (DIR is made absolute): docs/batch.md.

    Exit status: 2 if any story could not be reconciled (its line says why; the other lines are
    complete) or on a usage error, else 1 if any story has findings at or above --fail-on
    (default: contradictions), else 0.
    """
    import json
    import time
    from contextlib import ExitStack, nullcontext

    from reconcile import batch as batching
    from reconcile.render.batch import Outcome
    from reconcile.render.json import to_dict
    from reconcile.writing import atomic_file

    collect_again()
    if scheduler is not None and engine is BatchEngine.local:
        raise fail("--scheduler runs the stories on Dask: it cannot go with --engine local")
    if scheduler is not None and jobs is not None:
        raise fail("--jobs does not apply with --scheduler: the cluster's workers are started with it")
    on_dask = scheduler is not None or engine is BatchEngine.dask
    stack = ExitStack()
    try:
        setup = configure(opts)
        folders = batching.stories(folder.absolute() if scheduler is not None else folder)
        workers = min(jobs or batching.cpu_count(), len(folders))  # on a local cluster, as in the pool
        client = stack.enter_context(batching.dask_client(scheduler, workers)) if on_dask else None
    except ReconcileError as error:
        stack.close()
        raise fail(str(error)) from None
    used = batching.threads(client) if client is not None else workers
    started = time.perf_counter()
    results: list[Outcome] = []
    try:
        target = nullcontext(sys.stdout) if output is None else atomic_file(output)
        with stack, target as out, _progress(len(folders)) as advance:
            for result in batching.run(folders, setup.settings, jobs, setup.select, setup.ignore, client):
                line: dict[str, object] = {"story": result.name, "path": result.path, "error": result.error}
                if result.report is not None:
                    line.update(to_dict(result.report))
                out.write(json.dumps(line, ensure_ascii=False, allow_nan=False) + "\n")
                report = result.report
                results.append(Outcome(result.name, report.counts if report else None, result.error,
                                       report is not None and exit_code(report, setup.fail_on) == EXIT_FINDINGS))
                advance()
    except OSError as error:
        raise fail(f"{output}: cannot write results: {error.strerror or error}") from None
    except ReconcileError as error:  # the Dask scheduler went away
        raise fail(str(error)) from None
    _summary(results, time.perf_counter() - started, used, stderr=output is None)
    if any(error for _, _, error, _ in results):
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_CLEAN if opts.exit_zero or not any(fails for *_, fails in results) else EXIT_FINDINGS)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error while the block runs, if it is a terminal;
    yields the function that advances it by one story."""
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False) as bar:
        task = bar.add_task("stories", total=total)
        yield lambda: bar.advance(task)


def _summary(results: Sequence[Outcome], seconds: float, jobs: int, stderr: bool) -> None:
    """The batch's summary (reconcile.render.batch) after its lines."""
    from reconcile.render.batch import error_lines, summary

    print_items(summary(results, seconds, jobs), stderr=stderr)
    print_items(error_lines(results), stderr=stderr, soft_wrap=True)


class DataFormat(str, Enum):
    """Output of the commands that print data rather than a report."""

    text = "text"
    json = "json"


DataFormatOpt = Annotated[DataFormat, typer.Option("--format", "-f", help="Output format.")]


@command()
def rules(fmt: DataFormatOpt = DataFormat.text) -> None:
    """List every rule: id, name, default severity and summary.

    Ids and names work in --select, --ignore, configuration and ignore comments.
    """
    from reconcile.render import rules as listing

    if fmt is DataFormat.json:
        sys.stdout.write(listing.render_json())
    else:
        print_items([listing.table()])


SomeFilesArg = Annotated[
    list[Path], typer.Argument(help="Article files (text or Markdown), one or more.", show_default=False)
]
FileArg = Annotated[Path, typer.Argument(help="One article file (text or Markdown).", show_default=False)]


class TimelineFormat(str, Enum):
    """Output of ``timeline``: the text drawing or one self-contained page."""

    text = "text"
    html = "html"


@command(*READING)
def timeline(
    files: SomeFilesArg,
    fmt: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="Output format (html: one self-contained page).")
    ] = TimelineFormat.text,
    *,
    opts: Options,
) -> None:
    """Draw the merged timeline: events in time order, the sources that date them, conflicts explained.

    Exit status: 0 the dates and order of events can all hold, 1 conflicts, 2 usage or input error.
    """
    from reconcile.api import build_timeline

    collect_again()
    try:
        found = build_timeline(stdin_once([str(f) for f in files]), configure(opts).settings)
    except ReconcileError as error:
        raise fail(str(error)) from None
    if fmt is TimelineFormat.html:
        from reconcile.render.html import render_timeline

        sys.stdout.write(render_timeline(found))
    else:
        from reconcile.render.timeline import renderables

        print_items(renderables(found))
    raise typer.Exit(EXIT_FINDINGS if found.findings else EXIT_CLEAN)


@command(*READING)
def extract(file: FileArg, fmt: DataFormatOpt = DataFormat.text, *, opts: Options) -> None:
    """Show what was read from one article: sentences, facts, events with their dates and relations.

    Exit status: 0 read, 2 usage or input error.
    """
    from reconcile.api import extract as read

    collect_again()
    try:
        data = read(str(file), configure(opts).settings)
    except ReconcileError as error:
        raise fail(str(error)) from None
    if fmt is DataFormat.json:
        import json

        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    from reconcile.render.timeline import extraction_renderables

    print_items(extraction_renderables(data))


class _Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which typer turns into a silent exit 130:
    this one reaches ``main``, which says so in one line."""


def _interrupt(signum: int, frame: object) -> NoReturn:
    raise _Interrupted


def main() -> None:
    """Console-script entry point."""
    pause_collection()  # until the command's imports are done: see run.collect_again
    # numpy's OpenBLAS starts a thread per core as it loads (60 ms of a loaded 2-core
    # machine's time); reconcile does no linear algebra, so one is enough
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except (_Interrupted, KeyboardInterrupt):
        typer.echo("reconcile: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        resume_collection()
