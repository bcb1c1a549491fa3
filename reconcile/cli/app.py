"""The app and the options its commands share, each declared once: usage
errors in one line, --version everywhere, the shared options as one ``Options``
value a command receives.

Loads typer and little else, so ``reconcile --help`` stays quick."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from reconcile.config import FAIL_ON
from reconcile.render import FORMATS, SHOW

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
        raise fail(error.format_message().rstrip(".") + hint) from None


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


def fail(message: str) -> typer.Exit:
    """The one line an error is, and exit 2: raise what this returns."""
    typer.echo(f"reconcile: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def warn(message: str) -> None:
    """One line on stderr; the run goes on."""
    typer.echo(f"reconcile: warning: {message}", err=True)


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
        "supporting sentence) or all (that and what is not a claim).",
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


