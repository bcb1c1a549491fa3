"""The terminal report: contradictions first, each source's sentence at
file:line:column with the facts that matter highlighted."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from reconcile.model import Evidence, Finding, Kind, Report
from reconcile.render._common import plain, shown, summary_line, unused_line

_HEAD = {
    Kind.CONTRADICTION: ("Contradictions", "bold red", "✗"),
    Kind.AGREEMENT: ("Agreements", "bold green", "✓"),
    Kind.UNSUPPORTED: ("Unsupported", "bold yellow", "?"),
}
_CHECK_TITLES = {Kind.CONTRADICTION: "Contradicted", Kind.AGREEMENT: "Supported", Kind.UNSUPPORTED: "Unsupported"}
_MARK = {Kind.CONTRADICTION: "bold red", Kind.AGREEMENT: "bold green", Kind.UNSUPPORTED: "bold yellow"}


def _sentence(e: Evidence, style: str) -> Text:
    line, spans = shown(e)
    text = Text(line)
    for start, end in spans:
        text.stylize(style, start, end)
    return text


def _finding(f: Finding) -> Iterator[RenderableType]:
    _, style, mark = _HEAD[f.kind]
    head = Text.assemble((f"{mark} ", style), (f.type, "bold"), (f"  {f.rule}  ", "dim"), f.reason)
    if f.kind is not Kind.UNSUPPORTED:
        head.append(f"  (score {f.score:.2f})", style="dim")
    yield Padding(head, (0, 0, 0, 2), expand=False)
    for e in f.evidence:
        yield Text(f"    {e.path}:{e.line}:{e.column}", style="cyan", no_wrap=True, overflow="ignore")  # never broken
        yield Padding(_sentence(e, _MARK[f.kind]), (0, 0, 0, 6), expand=False)


def renderables(report: Report) -> Iterator[RenderableType]:
    """The report as rich renderables, for a console that knows if it may style."""
    for kind in (Kind.CONTRADICTION, Kind.AGREEMENT, Kind.UNSUPPORTED):
        found = report.of(kind)
        title, style, _ = _HEAD[kind]
        if report.mode == "check":
            title = _CHECK_TITLES[kind]
        yield Text(f"{title} ({len(found)})", style=style)
        if kind is Kind.UNSUPPORTED:
            for path in dict.fromkeys(f.evidence[0].path for f in found):
                yield Text(f"  {path}", style="bold")
                for f in found:
                    if f.evidence[0].path == path:
                        yield Group(*_finding(f))
        else:
            for f in found:
                yield Group(*_finding(f))
        yield Text("")
    for source in report.sources:
        for warning in source.warnings:
            yield Text(f"warning: {source.path}: {warning}", style="yellow")
    for unused in report.unused_suppressions:
        yield Text(f"warning: {unused_line(unused)}", style="yellow")
    yield summary(report)


def summary(report: Report) -> Text:
    """One line of counts, the last thing a reader sees."""
    return Text(summary_line(report), style="bold")


def render(report: Report, width: int | None = None) -> str:
    """Plain text, for files and pipes: with no ``width`` no line is wrapped."""
    return plain(renderables(report), width)
