"""Report renderers, one module per output format, chosen by name.

Each renderer is a pure function ``Report -> str``. Modules are imported on
first use so ``reconcile --format json`` never pays for rich or XML.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # the command line reads FORMATS for its --help: no model then
    from reconcile.model import Report

Renderer = Callable[["Report"], str]


def _lazy(module: str) -> Renderer:
    """A renderer that imports ``reconcile.render.<module>`` when first called."""

    def run(report: Report) -> str:
        return importlib.import_module(f"reconcile.render.{module}").render(report)

    run.__name__ = f"render_{module}"
    run.__doc__ = f"Render a report with reconcile.render.{module}."
    return run


FORMATS: dict[str, Renderer] = {
    name: _lazy(name) for name in ("text", "json", "sarif", "github", "markdown", "junit", "html")
}
"""Every ``--format``; ``text`` first, the default."""

SHOW = ("agreements", "disagreements", "all")
"""What ``--show`` has the text report list in full: every agreement (and every
supporting sentence); every value of a disagreement and every sentence stating it;
or both and what is not a claim."""


def render(report: Report, fmt: str) -> str:
    """The report in the named format; ValueError names the formats there are."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        choices = ", ".join(sorted(FORMATS))
        raise ValueError(f"unknown format {fmt!r} (choose from {choices})") from None
    return renderer(report)
