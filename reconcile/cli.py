"""The command line: parse options, call the library, render, map errors to exit 2."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from reconcile.errors import ReconcileError
from reconcile.model import Kind, Report

app = typer.Typer(
    name="reconcile",
    help="Reconcile the claims of several articles about one event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals would dump article text
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class FailOn(str, Enum):
    none = "none"
    contradiction = "contradiction"
    unsupported = "unsupported"


class Format(str, Enum):
    text = "text"
    json = "json"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"reconcile: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _reference_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"--date: {value!r} is not a date of the form YYYY-MM-DD") from None


def _exit_code(report: Report, fail_on: FailOn) -> int:
    failing = {
        FailOn.none: (),
        FailOn.contradiction: (Kind.CONTRADICTION,),
        FailOn.unsupported: (Kind.CONTRADICTION, Kind.UNSUPPORTED),
    }[fail_on]
    return EXIT_FINDINGS if any(report.of(kind) for kind in failing) else EXIT_CLEAN


def _emit(report: Report, fmt: Format, output: Optional[Path]) -> None:
    if fmt is Format.text and output is None:
        from rich.console import Console

        from reconcile.render.text import renderables

        console = Console(highlight=False)
        for item in renderables(report):
            console.print(item)
        return
    if fmt is Format.text:
        from reconcile.render.text import render
    else:
        from reconcile.render.json import render
    text = render(report)
    if output is None:
        sys.stdout.write(text)
        return
    from reconcile.writing import write_atomic

    try:
        write_atomic(output, text)
    except OSError as error:
        raise _fail(f"{output}: cannot write report: {error.strerror or error}") from None


FilesArg = Annotated[
    list[Path], typer.Argument(help="Article files (text or Markdown), two or more.", show_default=False)
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Report format.")]
OutputOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (atomically).")
]
DateOpt = Annotated[
    Optional[str],
    typer.Option("--date", help="Publication date YYYY-MM-DD, to resolve 'on Monday', 'later this month'."),
]
FailOnOpt = Annotated[FailOn, typer.Option("--fail-on", help="Lowest finding kind that makes the exit code 1.")]


@app.command()
def compare(
    files: FilesArg,
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    date_: DateOpt = None,
    fail_on: FailOnOpt = FailOn.contradiction,
) -> None:
    """Compare articles: contradictions, agreements and claims only one source makes.

    Exit status: 0 no findings at the --fail-on level, 1 findings, 2 usage or input error.
    """
    from reconcile.api import compare as run
    from reconcile.settings import Settings

    settings = Settings(reference_date=_reference_date(date_))
    try:
        report = run([str(f) for f in files], settings)
    except ReconcileError as error:
        raise _fail(str(error)) from None
    _emit(report, fmt, output)
    raise typer.Exit(_exit_code(report, fail_on))


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

    settings = Settings(reference_date=_reference_date(date_))
    try:
        found = build_timeline([str(f) for f in files], settings)
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

    settings = Settings(reference_date=_reference_date(date_))
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


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("reconcile: interrupted", err=True)
        sys.exit(130)
