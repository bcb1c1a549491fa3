"""The command line: parse options, call the library, render, map errors to exit 2.

``reconcile --help`` and a usage error load typer and little else: rich, the
model and the pipeline are imported by the commands that use them."""

from __future__ import annotations

import gc
import inspect
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer
from typer.core import TyperGroup

from reconcile.config import FAIL_ON
from reconcile.errors import ReconcileError
from reconcile.render import FORMATS, SHOW

if TYPE_CHECKING:
    from rich.console import RenderableType

    from reconcile.model import Document, Report
    from reconcile.render.batch import Outcome
    from reconcile.settings import Settings

_UsageError: Any = typer.BadParameter.__base__
"""click's UsageError, from whichever click typer runs on (newer typer releases
bundle their own copy): every mistake in the command line itself."""


@contextmanager
def _one_line_usage() -> Iterator[None]:
    """A usage error as one line on stderr, exit 2, like every other error: click
    shows four (usage, hint, blank, error), which scripts and CI logs split up."""
    try:
        yield
    except _UsageError as error:
        if type(error).show is not _UsageError.show:  # a bare `reconcile`: its help, as click shows it
            raise
        hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
        raise _fail(error.format_message().rstrip(".") + hint) from None


class _Group(TyperGroup):
    """The app: parsing its own options, then the command's, reports mistakes in one line."""

    def make_context(self, info_name: Optional[str], args: list[str], parent: Any = None, **extra: Any) -> Any:
        with _one_line_usage():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _one_line_usage():  # the command's own parsing happens in here
            return super().invoke(ctx)


app = typer.Typer(
    name="reconcile",
    help="Reconcile the claims of several articles about one event.",
    cls=_Group,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},  # commands inherit it
    pretty_exceptions_show_locals=False,  # locals would dump article text
    rich_markup_mode=None,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


FailOn = Enum("FailOn", {level: level for level in FAIL_ON}, type=str)  # type: ignore[misc]
Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
Show = Enum("Show", {name: name for name in SHOW}, type=str)  # type: ignore[misc]


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


def _warn(message: str) -> None:
    typer.echo(f"reconcile: warning: {message}", err=True)


def _stdin_once(paths: list[str], *others: str) -> list[str]:
    """``paths``, checked: standard input (``-``) can stand for one source only."""
    from reconcile.read.files import STDIN

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
    return EXIT_FINDINGS if any(report.counts[kind] for kind in FAIL_ON[fail_on]) else EXIT_CLEAN


def _print(items: Iterable[RenderableType], stderr: bool = False, soft_wrap: bool = False) -> None:
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
        raise _fail(f"{path}: cannot write {what}: {error.strerror or error}") from None


def _emit(report: Report, opts: Options) -> None:
    fmt, output, show = opts.fmt, opts.output, (opts.show,) if opts.show else ()
    if fmt == "text":  # the one format with options of its own
        from reconcile.render import text as plain_text

        if output is None:
            _print(plain_text.renderables(report, show))
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


def _configure(opts: Options) -> _Setup:
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


def _run(read: Callable[[Settings], Sequence[Document]], draft: bool, opts: Options) -> NoReturn:
    """What compare and check share once their inputs are known: configuration,
    flags over it, suppression, rendering and the exit status."""
    from reconcile import suppression
    from reconcile.api import reconcile_documents

    _collect_again()
    try:
        setup = _configure(opts)
        known = None if opts.baseline is None or opts.write_baseline else suppression.read_baseline(opts.baseline)
        docs = read(setup.settings)
        report = reconcile_documents(docs, setup.settings, draft=draft)
    except ReconcileError as error:
        raise _fail(str(error)) from None
    if draft and not report.sources[0].claims:
        _warn(f"{report.sources[0].path}: the draft makes no claims, so nothing was checked")
    if opts.write_baseline is not None:
        shown = suppression.apply(report, docs, None, setup.select, setup.ignore)
        known = suppression.make_baseline(shown, str(opts.write_baseline))
        _write(opts.write_baseline, suppression.dump_baseline(known), "baseline")
        count = len(known.entries)
        typer.echo(f"reconcile: wrote {count} finding{'' if count == 1 else 's'} to {opts.write_baseline}", err=True)
    report = suppression.apply(report, docs, known, setup.select, setup.ignore)
    _emit(report, opts)
    raise typer.Exit(EXIT_CLEAN if opts.exit_zero else _exit_code(report, setup.fail_on))


# -- options every command has, and the options several share, declared once


def _version(value: bool) -> None:
    """--version: the installed version, then stop, as --help does."""
    if value:
        from reconcile.render._common import tool_version

        typer.echo(f"reconcile {tool_version()}")
        raise typer.Exit(EXIT_CLEAN)


VersionOpt = Annotated[
    bool,
    typer.Option("--version", callback=_version, is_eager=True, expose_value=False,
                 help="Show the version and exit."),
]


@app.callback()
def _app(version: VersionOpt = False) -> None:
    """The app's own options (its help is the Typer's): --version, as each command has."""


@dataclass(frozen=True)
class Options:
    """The shared options as given: None where not given, so that the configuration
    file or the default decides. A command that does not offer one gets its default."""

    fmt: str
    output: Optional[Path]
    fail_on: Optional[str]
    exit_zero: bool
    baseline: Optional[Path]
    write_baseline: Optional[Path]
    select: Optional[str]
    ignore: Optional[str]
    date: Optional[str]
    config: Optional[Path]
    show: Optional[str]
    min_confidence: Optional[float]


def _option(kind: Any, *names: str, help: str, default: Any = None) -> tuple[Any, Any]:
    """A shared option as a command parameter: its type, typer's declaration inside,
    and its default."""
    return Annotated[kind, typer.Option(*names, help=help, show_default=default not in (None, False))], default


_DECLARED: dict[str, tuple[Any, Any]] = {
    "fmt": _option(Format, "--format", "-f", help="Report format.", default=Format("text")),
    "output": _option(Optional[Path], "--output", "-o", help="Write the report to this file (atomically)."),
    "fail_on": _option(
        Optional[FailOn], "--fail-on",
        help="Lowest finding kind that makes the exit status 1 (default: contradiction, or the config's).",
    ),
    "exit_zero": _option(bool, "--exit-zero", help="Exit 0 even with findings (2 still means an error).",
                         default=False),
    "baseline": _option(Optional[Path], "--baseline", help="Leave out the findings recorded in this baseline file."),
    "write_baseline": _option(
        Optional[Path], "--write-baseline",
        help="Record the current findings in this file; they are then suppressed, as with --baseline.",
    ),
    "select": _option(
        Optional[str], "--select",
        help="Only these rules: ids, names or id prefixes, comma-separated (RC1,unsupported-claim).",
    ),
    "ignore": _option(Optional[str], "--ignore", help="Leave out these rules (same forms as --select)."),
    "date": _option(
        Optional[str], "--date", help="Publication date YYYY-MM-DD, to resolve 'on Monday', 'later this month'.",
    ),
    "min_confidence": _option(
        Optional[float], "--min-confidence",
        help="Report a contradiction at least this probable, 0 to 1 (default: the fitted threshold, 0.5: "
        "more likely than not). Lower shows possible conflicts, each with its probability.",
    ),
    "config": _option(
        Optional[Path], "--config",
        help="Read settings from this file instead of the reconcile.toml or pyproject.toml found upward.",
    ),
    "show": _option(
        Optional[Show], "--show",
        help="What the text report lists in full: agreements (every one, not the strongest 3, and every "
        "supporting sentence), disagreements (every value and every sentence stating it, not the first of a "
        "value many sources state) or all (both and what is not a claim).",
    ),
}
"""Each field of Options as a command parameter, declared once for every command that offers it."""

READING = ("date", "config")  # every command that reads articles
JUDGING = ("fail_on", "exit_zero", "select", "ignore", "min_confidence", *READING)  # and judges them
REPORTING = ("fmt", "output", "show", "baseline", "write_baseline", *JUDGING)  # and reports on them


def command(*shared: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command with the shared options named (fields of Options), which
    it receives together as ``opts``, and --version; its help lists them in the order
    of Options. Its docstring is its help; the first paragraph, whole, is its line in
    ``reconcile --help`` (click would cut it)."""

    unknown = set(shared) - _DECLARED.keys()
    if unknown:
        raise ValueError(f"not shared options: {', '.join(sorted(unknown))}")

    def register(function: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(function, eval_str=True).parameters.values() if p.name != "opts"]
        added = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
            for name, (annotation, default) in _DECLARED.items()
            if name in shared
        ]
        added.append(inspect.Parameter("version", inspect.Parameter.KEYWORD_ONLY, annotation=VersionOpt,
                                       default=False))

        def run(**given: Any) -> None:
            given.pop("version", None)  # handled as it is parsed
            if shared:
                chosen = {name: given.pop(name) if name in shared else default
                          for name, (_, default) in _DECLARED.items()}
                given["opts"] = Options(**{name: _plain(value) for name, value in chosen.items()})
            function(**given)

        run.__name__, run.__doc__ = function.__name__, function.__doc__
        run.__signature__ = inspect.Signature([*own, *added])  # type: ignore[attr-defined]
        summary = " ".join(inspect.cleandoc(function.__doc__ or "").split("\n\n")[0].split())
        app.command(short_help=summary)(run)
        return function

    return register


def _plain(value: Any) -> Any:
    """A choice as its name (typer gives Enum members)."""
    return value.value if isinstance(value, Enum) else value


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

    names = _stdin_once([str(f) for f in files])
    _run(lambda settings: compare_documents(names, settings), False, opts)


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
        raise _fail(f"check {draft}: no sources: give them after the draft or with --against SOURCE (a file or folder)")
    sources = _stdin_once([str(p) for p in given], str(draft))
    _run(lambda settings: check_documents(str(draft), sources, settings), True, opts)


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

    _collect_again()
    if scheduler is not None and engine is BatchEngine.local:
        raise _fail("--scheduler runs the stories on Dask: it cannot go with --engine local")
    if scheduler is not None and jobs is not None:
        raise _fail("--jobs does not apply with --scheduler: the cluster's workers are started with it")
    on_dask = scheduler is not None or engine is BatchEngine.dask
    stack = ExitStack()
    try:
        setup = _configure(opts)
        folders = batching.stories(folder.absolute() if scheduler is not None else folder)
        workers = min(jobs or batching.cpu_count(), len(folders))  # on a local cluster, as in the pool
        client = stack.enter_context(batching.dask_client(scheduler, workers)) if on_dask else None
    except ReconcileError as error:
        stack.close()
        raise _fail(str(error)) from None
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
                                       report is not None and _exit_code(report, setup.fail_on) == EXIT_FINDINGS))
                advance()
    except OSError as error:
        raise _fail(f"{output}: cannot write results: {error.strerror or error}") from None
    except ReconcileError as error:  # the Dask scheduler went away
        raise _fail(str(error)) from None
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

    _print(summary(results, seconds, jobs), stderr=stderr)
    _print(error_lines(results), stderr=stderr, soft_wrap=True)


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
        _print([listing.table()])


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

    _collect_again()
    try:
        found = build_timeline(_stdin_once([str(f) for f in files]), _configure(opts).settings)
    except ReconcileError as error:
        raise _fail(str(error)) from None
    if fmt is TimelineFormat.html:
        from reconcile.render.html import render_timeline

        sys.stdout.write(render_timeline(found))
    else:
        from reconcile.render.timeline import renderables

        _print(renderables(found))
    raise typer.Exit(EXIT_FINDINGS if found.findings else EXIT_CLEAN)


@command(*READING)
def extract(file: FileArg, fmt: DataFormatOpt = DataFormat.text, *, opts: Options) -> None:
    """Show what was read from one article: sentences, facts, events with their dates and relations.

    Exit status: 0 read, 2 usage or input error.
    """
    from reconcile.api import extract as read

    _collect_again()
    try:
        data = read(str(file), _configure(opts).settings)
    except ReconcileError as error:
        raise _fail(str(error)) from None
    if fmt is DataFormat.json:
        import json

        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    from reconcile.render.timeline import extraction_renderables

    _print(extraction_renderables(data))


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
