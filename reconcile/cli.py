"""The command line: parse options, call the library, render, map errors to exit 2."""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from reconcile.config import FAIL_ON, Config
from reconcile.errors import ReconcileError
from reconcile.model import Document, Report
from reconcile.render import FORMATS
from reconcile.settings import Settings

app = typer.Typer(
    name="reconcile",
    help="Reconcile the claims of several articles about one event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals would dump article text
    rich_markup_mode=None,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


FailOn = Enum("FailOn", {level: level for level in FAIL_ON}, type=str)  # type: ignore[misc]
Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


_collector_paused = False


def _collect_again() -> None:
    """Turn the garbage collector back on once a command has imported its modules.

    main() turns it off first: numpy, rapidfuzz and the pipeline's modules allocate
    objects that live as long as the process, and the ~80 collections they set off
    cost about 10 ms of a 0.35 s ``compare``. Frozen, they are not scanned again."""
    global _collector_paused
    if _collector_paused:
        gc.freeze()
        gc.enable()
        _collector_paused = False


def _fail(message: str) -> typer.Exit:
    typer.echo(f"reconcile: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _stdin_once(paths: list[str], *others: str) -> list[str]:
    """``paths``, checked: standard input (``-``) can stand for one source only."""
    from reconcile.reading import STDIN

    if [*others, *paths].count(STDIN) > 1:
        raise _fail(f"'{STDIN}' (standard input) can be given only once")
    return paths


def _reference_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"--date: {value!r} is not a date of the form YYYY-MM-DD") from None


def _exit_code(report: Report, fail_on: str) -> int:
    return EXIT_FINDINGS if any(report.of(kind) for kind in FAIL_ON[fail_on]) else EXIT_CLEAN


def _write(path: Path, text: str, what: str) -> None:
    from reconcile.writing import write_atomic

    try:
        write_atomic(path, text)
    except OSError as error:
        raise _fail(f"{path}: cannot write {what}: {error.strerror or error}") from None


def _emit(report: Report, fmt: str, output: Optional[Path]) -> None:
    if fmt == "text" and output is None:
        from rich.console import Console

        from reconcile.render.text import renderables

        console = Console(highlight=False)
        for item in renderables(report):
            console.print(item)
        return
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


def _configure(
    config_file: Optional[Path], date_: Optional[str], select: Optional[str], ignore: Optional[str]
) -> tuple[Config, Settings, Optional[tuple[str, ...]], tuple[str, ...]]:
    """The configuration file with the flags over it: (config, settings, selected
    rules, ignored rules). A ReconcileError names what is wrong."""
    from reconcile import config

    reference = _reference_date(date_)
    found = config.load(config_file)
    settings = found.settings.replace(today=date.today())  # the one clock the run reads
    if reference is not None:
        settings = settings.replace(reference_date=reference)
    chosen = found.select if select is None else _rules("--select", select)
    dropped = found.ignore if ignore is None else _rules("--ignore", ignore)
    return found, settings, chosen, dropped


def _run(
    read: Callable[[Settings], Sequence[Document]],
    draft: bool,
    fmt: Enum,
    output: Optional[Path],
    fail_on: Optional[Enum],
    exit_zero: bool,
    baseline: Optional[Path],
    write_baseline: Optional[Path],
    select: Optional[str],
    ignore: Optional[str],
    date_: Optional[str],
    config_file: Optional[Path],
) -> NoReturn:
    """What compare and check share once their inputs are known: configuration,
    flags over it, suppression, rendering and the exit status."""
    from reconcile import suppression
    from reconcile.api import reconcile_documents

    _collect_again()
    try:
        found, settings, chosen, dropped = _configure(config_file, date_, select, ignore)
        known = None if baseline is None or write_baseline else suppression.read_baseline(baseline)
        docs = read(settings)
        report = reconcile_documents(docs, settings, draft=draft)
    except ReconcileError as error:
        raise _fail(str(error)) from None
    if write_baseline is not None:
        shown = suppression.apply(report, docs, None, chosen, dropped)
        known = suppression.make_baseline(shown, str(write_baseline))
        _write(write_baseline, suppression.dump_baseline(known), "baseline")
        count = len(known.entries)
        typer.echo(f"reconcile: wrote {count} finding{'' if count == 1 else 's'} to {write_baseline}", err=True)
    report = suppression.apply(report, docs, known, chosen, dropped)
    _emit(report, fmt.value, output)
    level = fail_on.value if fail_on is not None else found.fail_on or "contradiction"
    raise typer.Exit(EXIT_CLEAN if exit_zero else _exit_code(report, level))


FilesArg = Annotated[
    list[Path],
    typer.Argument(help="Article files (text, Markdown or HTML; - reads standard input), two or more.", show_default=False),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Report format.")]
OutputOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically).")
]
DateOpt = Annotated[
    Optional[str],
    typer.Option("--date", help="Publication date YYYY-MM-DD, to resolve 'on Monday', 'later this month'."),
]
FailOnOpt = Annotated[
    Optional[FailOn],
    typer.Option(
        "--fail-on",
        help="Lowest finding kind that makes the exit status 1 (default: contradiction, or the config's).",
        show_default=False,
    ),
]
ExitZeroOpt = Annotated[
    bool, typer.Option("--exit-zero", help="Exit 0 even with findings (2 still means an error).")
]
BaselineOpt = Annotated[
    Optional[Path],
    typer.Option("--baseline", help="Leave out the findings recorded in this baseline file.", show_default=False),
]
WriteBaselineOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--write-baseline",
        help="Record the current findings in this file; they are then suppressed, as with --baseline.",
        show_default=False,
    ),
]
SelectOpt = Annotated[
    Optional[str],
    typer.Option(
        "--select",
        help="Only these rules: ids, names or id prefixes, comma-separated (RC1,unsupported-claim).",
        show_default=False,
    ),
]
IgnoreOpt = Annotated[
    Optional[str], typer.Option("--ignore", help="Leave out these rules (same forms as --select).", show_default=False)
]
ConfigOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--config",
        help="Read settings from this file instead of the reconcile.toml or pyproject.toml found upward.",
        show_default=False,
    ),
]


@app.command()
def compare(
    files: FilesArg,
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    exit_zero: ExitZeroOpt = False,
    baseline: BaselineOpt = None,
    write_baseline: WriteBaselineOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    date_: DateOpt = None,
    config_file: ConfigOpt = None,
) -> None:
    """Compare articles: contradictions, agreements and claims only one source makes.

    Exit status: 0 no findings at the --fail-on level, 1 findings, 2 usage, input or configuration error.
    """
    from reconcile.api import compare_documents

    names = _stdin_once([str(f) for f in files])
    _run(
        lambda settings: compare_documents(names, settings), False,
        fmt, output, fail_on, exit_zero, baseline, write_baseline, select, ignore, date_, config_file,
    )


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="DRAFT",
            help="The draft (text or Markdown); more paths after it are sources too, as from a shell glob.",
            show_default=False,
        ),
    ],
    against: Annotated[
        Optional[list[Path]],
        typer.Option("--against", "-a", help="A source file or folder of sources (repeatable).", show_default=False),
    ] = None,
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    exit_zero: ExitZeroOpt = False,
    baseline: BaselineOpt = None,
    write_baseline: WriteBaselineOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    date_: DateOpt = None,
    config_file: ConfigOpt = None,
) -> None:
    """Check a draft against its sources: each claim supported, contradicted or unsupported.

    reconcile check drafts/story.md --against sources/story/

    Exit status: 0 pass, 1 findings at or above --fail-on (default: contradictions), 2 usage, input or configuration error.
    """
    from reconcile.api import check_documents

    draft, *more = paths
    if not against:
        raise _fail(f"check {draft}: no sources: give them with --against SOURCE (a file or folder)")
    sources = _stdin_once([str(p) for p in (*against, *more)], str(draft))
    _run(
        lambda settings: check_documents(str(draft), sources, settings), True,
        fmt, output, fail_on, exit_zero, baseline, write_baseline, select, ignore, date_, config_file,
    )


class BatchEngine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
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
    fail_on: FailOnOpt = None,
    exit_zero: ExitZeroOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    date_: DateOpt = None,
    config_file: ConfigOpt = None,
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
    from reconcile.render.json import to_dict
    from reconcile.writing import atomic_file

    _collect_again()
    if scheduler is not None and engine is BatchEngine.local:
        raise _fail("--scheduler runs the stories on Dask: it cannot go with --engine local")
    if scheduler is not None and jobs is not None:
        raise _fail("--jobs does not apply with --scheduler: the cluster's workers are started with it")
    on_dask = scheduler is not None or engine is BatchEngine.dask
    stack = ExitStack()
    try:
        found, settings, chosen, dropped = _configure(config_file, date_, select, ignore)
        folders = batching.stories(folder.absolute() if scheduler is not None else folder)
        workers = min(jobs or batching.cpu_count(), len(folders))  # on a local cluster, as in the pool
        client = stack.enter_context(batching.dask_client(scheduler, workers)) if on_dask else None
    except ReconcileError as error:
        stack.close()
        raise _fail(str(error)) from None
    level = fail_on.value if fail_on is not None else found.fail_on or "contradiction"
    used = batching.threads(client) if client is not None else workers
    started = time.perf_counter()
    results: list[tuple[str, Optional[dict[str, int]], Optional[str], bool]] = []  # name, counts, error, fails
    try:
        target = nullcontext(sys.stdout) if output is None else atomic_file(output)
        with stack, target as out, _progress(len(folders)) as advance:
            for result in batching.run(folders, settings, jobs, chosen, dropped, client):
                line: dict[str, object] = {"story": result.name, "path": result.path, "error": result.error}
                if result.report is not None:
                    line.update(to_dict(result.report))
                out.write(json.dumps(line, ensure_ascii=False, allow_nan=False) + "\n")
                report = result.report
                results.append((result.name, report.counts if report else None, result.error,
                                report is not None and _exit_code(report, level) == EXIT_FINDINGS))
                advance()
    except OSError as error:
        raise _fail(f"{output}: cannot write results: {error.strerror or error}") from None
    except ReconcileError as error:  # the Dask scheduler went away
        raise _fail(str(error)) from None
    _summary(results, time.perf_counter() - started, used, stderr=output is None)
    if any(error for _, _, error, _ in results):
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_CLEAN if exit_zero or not any(fails for *_, fails in results) else EXIT_FINDINGS)


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


def _summary(
    results: Sequence[tuple[str, Optional[dict[str, int]], Optional[str], bool]],
    seconds: float,
    jobs: int,
    stderr: bool,
) -> None:
    """Findings per kind over the batch (stories with any, total), then the errors."""
    from rich.console import Console
    from rich.table import Table

    counted = [counts for _, counts, _, _ in results if counts is not None]
    errors = [(name, error) for name, _, error, _ in results if error]
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("", "Stories", "Findings"):
        table.add_column(column, justify="left" if not column else "right")
    for kind in ("contradiction", "agreement", "unsupported"):
        table.add_row(kind, str(sum(1 for c in counted if c[kind])), str(sum(c[kind] for c in counted)))
    table.add_row("error", str(len(errors)), "")
    console = Console(stderr=stderr, highlight=False)
    rate = len(results) / seconds if seconds > 0 else 0.0
    console.print(f"{len(results)} stories in {seconds:.1f} s ({rate:.1f} per second, "
                  f"{jobs} job{'' if jobs == 1 else 's'})")
    console.print(table)
    for name, error in errors[:10]:
        console.print(f"{name}: {error}", markup=False, soft_wrap=True)  # one line each, for grep
    if len(errors) > 10:
        console.print(f"... and {len(errors) - 10} more errors (see their lines)")


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def rules(
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f", help="Output format.")] = RulesFormat.text,
) -> None:
    """List every rule: id, name, default severity and summary (ids and names work in --select,
    --ignore, configuration and ignore comments)."""
    from reconcile.rules import RULES

    if fmt is RulesFormat.json:
        import json

        data = [
            {"id": r.id, "name": r.name, "kind": r.kind.value, "type": r.type, "severity": r.severity,
             "summary": r.summary, "example": r.example}
            for r in RULES
        ]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("Id", "Name", "Severity", "Summary"):
        table.add_column(column, overflow="fold")
    for r in RULES:
        table.add_row(r.id, r.name, r.severity, r.summary)
    Console(highlight=False).print(table)


class ExtractFormat(str, Enum):
    text = "text"
    json = "json"


SomeFilesArg = Annotated[
    list[Path], typer.Argument(help="Article files (text or Markdown), one or more.", show_default=False)
]
FileArg = Annotated[Path, typer.Argument(help="One article file (text or Markdown).", show_default=False)]


@app.command()
def timeline(files: SomeFilesArg, date_: DateOpt = None) -> None:
    """Draw the merged timeline: events in time order, the sources that date them, conflicts explained.

    Exit status: 0 the dates and order of events can all hold, 1 conflicts, 2 usage or input error.
    """
    from rich.console import Console

    from reconcile.api import build_timeline
    from reconcile.render.timeline import renderables
    from reconcile.settings import Settings

    _collect_again()
    settings = Settings(reference_date=_reference_date(date_), today=date.today())
    try:
        found = build_timeline(_stdin_once([str(f) for f in files]), settings)
    except ReconcileError as error:
        raise _fail(str(error)) from None
    console = Console(highlight=False)
    for item in renderables(found):
        console.print(item)
    raise typer.Exit(EXIT_FINDINGS if found.findings else EXIT_CLEAN)


@app.command()
def extract(
    file: FileArg,
    date_: DateOpt = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.text,
) -> None:
    """Show what was read from one article: sentences, facts, events with their dates and relations.

    Exit status: 0 read, 2 usage or input error.
    """
    from reconcile.api import extract as read
    from reconcile.settings import Settings

    _collect_again()
    settings = Settings(reference_date=_reference_date(date_), today=date.today())
    try:
        data = read(str(file), settings)
    except ReconcileError as error:
        raise _fail(str(error)) from None
    if fmt is ExtractFormat.json:
        import json

        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    from rich.console import Console

    from reconcile.render.timeline import extraction_renderables

    console = Console(highlight=False)
    for item in extraction_renderables(data):
        console.print(item)


class _Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which typer turns into a silent exit 130:
    this one reaches ``main``, which says so in one line."""


def _interrupt(signum: int, frame: object) -> NoReturn:
    raise _Interrupted


def main() -> None:
    """Console-script entry point."""
    global _collector_paused
    gc.disable()  # until the command's imports are done: see _collect_again
    _collector_paused = True
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
        if _collector_paused:  # --help, a usage error, an interrupt before the imports
            _collector_paused = False
            gc.enable()
