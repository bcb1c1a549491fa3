"""The terminal report, read top-down: the summary line first, then what needs
acting on, most certain first.

- compare: contradictions, updates and attributed figures, each disagreement with
  its sides: a side a few sources state with each of their sentences, one many
  state with its first and a count of the rest; agreements as a count and the
  strongest few; unsupported claims by source.
- check: each claim of the draft once, under its verdict, in the order an editor
  acts (contradicted, unsupported, supported), with what the sources say.

Every location is ``file:line:column`` on a line of its own, never broken; when all
paths are absolute, the folder they share is named once and left out of them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from reconcile.findings import verdicts
from reconcile.model import VERDICTS, Evidence, Finding, Kind, Report, Verdict
from reconcile.render._common import counted, names, plain, shown, summary_line, unused_line
from reconcile.render._sides import label, listed_sides, unlisted, unlisted_sides, voices

STRONGEST = 3  # agreements listed, the strongest, unless shown in full
SUPPORTING = 3  # sentences listed under a supported claim, unless shown in full

_HEAD = {
    Kind.CONTRADICTION: ("Contradictions", "bold red", "✗"),
    Kind.UPDATE: ("Updates", "bold magenta", "↻"),
    Kind.ATTRIBUTED: ("Attributed figures", "bold cyan", "≠"),
    Kind.AGREEMENT: ("Agreements", "bold green", "✓"),
    Kind.UNSUPPORTED: ("Unsupported", "bold yellow", "?"),
}
_VERDICT_HEAD = {
    "contradicted": ("Contradicted", "bold red", "✗"),
    "unsupported": ("Unsupported", "bold yellow", "?"),
    "supported": ("Supported", "bold green", "✓"),
    "not a claim": ("Not a claim", "dim", "·"),
}
_DISAGREEMENTS = (Kind.CONTRADICTION, Kind.UPDATE, Kind.ATTRIBUTED)
T = TypeVar("T")


@dataclass(frozen=True)
class _View:
    """How the report is shown: the folder left out of absolute paths, the sources'
    short names for sides, and what is listed in full."""

    folder: str  # "" or a folder ending with a separator
    called: tuple[str, ...]
    show: frozenset[str]

    def path(self, path: str) -> str:
        return path[len(self.folder) :] if self.folder and path.startswith(self.folder) else path

    def at(self, e: Evidence, indent: int, lead: str = "") -> Text:
        """A location on a line of its own, never broken, however narrow the terminal."""
        return Text(f"{' ' * indent}{lead}{self.path(e.path)}:{e.line}:{e.column}", style="cyan",
                    no_wrap=True, overflow="ignore")

    @property
    def every_agreement(self) -> bool:
        return bool(self.show & {"agreements", "all"})

    @property
    def every_side(self) -> bool:
        return bool(self.show & {"disagreements", "all"})


def common_folder(paths: Sequence[str]) -> str:
    """The folder every path lies in when all are absolute, ending with a separator,
    to be named once; "" when a path is relative or they share only the root."""
    if not paths or not all(os.path.isabs(p) for p in paths):
        return ""
    try:
        folder = os.path.commonpath([os.path.dirname(p) for p in paths])
    except ValueError:  # another drive on Windows
        return ""
    return "" if os.path.dirname(folder) == folder else os.path.join(folder, "")


def _sentence(e: Evidence, style: str, indent: int) -> Padding:
    line, spans = shown(e)
    text = Text(line)
    for start, end in spans:
        text.stylize(style, start, end)
    return Padding(text, (0, 0, 0, indent), expand=False)


def _finding(f: Finding, view: _View, indent: int = 2, draft: bool = False) -> Iterator[RenderableType]:
    """A finding's head, then its sentences, under each side's value when the sides
    are known. ``draft``: its claim is shown above, so the draft's sentences are not."""
    _, style, mark = _HEAD[f.kind]
    head = Text.assemble((f"{mark} ", style), (f.slot or f.type, "bold"), (f"  {f.rule}  ", "dim"), f.reason)
    if f.kind is not Kind.UNSUPPORTED:
        head.append(f"  (score {f.score:.2f})", style="dim")
    yield Padding(head, (0, 0, 0, indent), expand=False)
    if f.sides:
        yield from _sides(f, style, view, indent + 2, draft)
        return
    cited = [e for e in f.evidence if not (draft and e.source == 0)]
    # every sentence of an order conflict is needed to see it; an agreement's strongest few stand for it
    listed = cited if f.kind is not Kind.AGREEMENT or view.every_agreement else cited[:SUPPORTING]
    yield from _sentences(listed, style, view, indent + 2)
    if len(listed) < len(cited):
        yield _more(indent + 2, counted(len(cited) - len(listed), "more sentence"), "agreements")


def _sides(f: Finding, style: str, view: _View, indent: int, draft: bool) -> Iterator[RenderableType]:
    """Each value of a disagreement under its label with its sentences, or as a
    short report lists them (render._sides), each cut saying what it leaves out."""
    listed = f.sides if view.every_side else listed_sides(f)
    for side in listed:
        yield Padding(Text(label(side, view.called), style="bold"), (0, 0, 0, indent), expand=False)
        cited = [e for e in side.evidence if not (draft and e.source == 0)]
        kept = cited if view.every_side else voices(side, cited)
        yield from _sentences(kept, style, view, indent + 2)
        if len(kept) < len(cited):
            yield _more(indent + 2, unlisted(side, cited, kept), "disagreements")
    if len(listed) < len(f.sides):
        yield _more(indent, unlisted_sides(f, listed), "disagreements")


def _more(indent: int, what: str, show: str) -> Text:
    return Text(f"{' ' * indent}… {what} (--show {show} lists them)", style="dim")


def _sentences(cited: Iterable[Evidence], style: str, view: _View, indent: int) -> Iterator[RenderableType]:
    for e in cited:
        yield view.at(e, indent)
        yield _sentence(e, style, indent + 2)


def _title(title: str, style: str, count: int, note: str = "") -> Text:
    return Text.assemble((f"{title} ({count})", style), (note, "dim"))


Section = list[RenderableType]  # a title and what it lists; sections are set apart by a blank line


def _compare(report: Report, view: _View) -> Iterator[Section]:
    for kind in _DISAGREEMENTS:
        found = sorted(report.of(kind), key=lambda f: -f.score)
        if found:
            title, style, _ = _HEAD[kind]
            yield [_title(title, style, len(found)), *(Group(*_finding(f, view)) for f in found)]
    agreed = sorted(report.of(Kind.AGREEMENT), key=lambda f: -f.score)
    if agreed:
        listed = agreed if view.every_agreement else agreed[:STRONGEST]
        note = "" if len(listed) == len(agreed) else f": the {len(listed)} strongest (--show agreements lists all)"
        head = _title("Agreements", _HEAD[Kind.AGREEMENT][1], len(agreed), note)
        yield [head, *(Group(*_finding(f, view)) for f in listed)]
    unsupported = report.of(Kind.UNSUPPORTED)
    if unsupported:
        section: Section = [_title("Unsupported", _HEAD[Kind.UNSUPPORTED][1], len(unsupported))]
        for path, found in _by_source(unsupported, lambda f: f.evidence[0].path):
            section.append(Text(f"  {view.path(path)}", style="bold"))
            section += [Group(*_finding(f, view)) for f in found]
        yield section


def _by_source(items: Iterable[T], path_of: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    """Items grouped by the path of their source, in the order the paths come."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(path_of(item), []).append(item)
    return list(groups.items())


def _check(report: Report, view: _View) -> Iterator[Section]:
    told = verdicts(report)
    for verdict in VERDICTS:
        found = [v for v in told if v.verdict == verdict]
        if found and (verdict != "not a claim" or "all" in view.show):
            title, style, _ = _VERDICT_HEAD[verdict]
            yield [_title(title, style, len(found)), *(Group(*_claim(report, v, view)) for v in found)]
    held = {i for v in told for i in v.findings}
    rest = [f for i, f in enumerate(report.findings) if i not in held and f.kind is not Kind.AGREEMENT]
    if rest:  # problems among the sources alone, which no verdict holds
        yield [_title("Among the sources", "bold", len(rest)), *(Group(*_finding(f, view)) for f in rest)]


def _claim(report: Report, v: Verdict, view: _View) -> Iterator[RenderableType]:
    """A draft claim at its place, then the findings that bear its verdict out."""
    _, style, mark = _VERDICT_HEAD[v.verdict]
    why = f"  {v.reason}" if v.verdict == "not a claim" else ""
    yield view.at(v.claim, 2, f"{mark} ").append(why, style="dim")
    yield _sentence(v.claim, style, 6)
    for i in v.findings:
        yield from _finding(report.findings[i], view, indent=4, draft=True)


def _not_claims(report: Report, view: _View) -> Iterator[Section]:
    """What of the sources on trial is no claim, by source, with why (--show all;
    in check mode the draft's are verdicts)."""
    if report.mode == "check" or "all" not in view.show or not report.not_claims:
        return
    title, style, mark = _VERDICT_HEAD["not a claim"]
    section: Section = [_title(title, style, len(report.not_claims))]
    for path, found in _by_source(report.not_claims, lambda e: e.path):
        section.append(Text(f"  {view.path(path)}", style="bold"))
        for e in found:
            section += [view.at(e, 4, f"{mark} ").append(f"  {e.detail}", style="dim"), _sentence(e, style, 8)]
    yield section


def _warnings(report: Report, view: _View) -> Section:
    told = [f"{view.path(s.path)}: {warning}" for s in report.sources for warning in s.warnings]
    told += [unused_line(u) for u in report.unused_suppressions]
    return [Text(f"warning: {line}", style="yellow") for line in told]


def renderables(report: Report, show: Collection[str] = ()) -> Iterator[RenderableType]:
    """The report as rich renderables, for a console that knows if it may style.
    ``show``: what to list in full (``SHOW``)."""
    paths = [s.path for s in report.sources]
    view = _View(common_folder(paths), tuple(names(paths)), frozenset(show))
    yield summary(report)
    if view.folder:
        yield Text(f"in {view.folder}: {', '.join(view.path(p) for p in paths)}")
    body = _check(report, view) if report.mode == "check" else _compare(report, view)
    for section in (*body, *_not_claims(report, view), _warnings(report, view)):
        if section:
            yield Text("")
            yield from section


def summary(report: Report) -> Text:
    """One line of counts, the first thing a reader sees."""
    return Text(summary_line(report), style="bold")


def render(report: Report, width: int | None = None, show: Collection[str] = ()) -> str:
    """Plain text, for files and pipes: with no ``width`` no line is wrapped."""
    return plain(renderables(report, show), width)
