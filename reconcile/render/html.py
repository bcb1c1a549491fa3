"""``--format html``: one self-contained page for people.

The sources stand side by side (stacked on a narrow screen) with every finding
highlighted where it stands, by kind in colour and icon. A disagreement is one
item of the list, its sides each with their sentences. Choosing a finding in
the list scrolls each source to its sentences and marks the disputed values;
filters by kind, type and source, the summary counts and a timeline strip of
each source's dated events complete it. ``reconcile timeline --format html``
draws the strip and the conflicts in the same page style.

Article text is data, never markup: it reaches the page only through Jinja2's
autoescaping, and the page loads nothing from anywhere (styles and script are
inlined). Only this format imports Jinja2.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import jinja2
from markupsafe import Markup

from reconcile.data.calendar import MONTHS_SHORT
from reconcile.model import DatedEvent, Evidence, Finding, Kind, Report, SourceInfo, Timeline
from reconcile.render._common import (
    KIND_RANK,
    RARE,
    names,
    places,
    reading_view,
    rule_of,
    shown,
    summary_line,
    tool_version,
    unused_line,
)
from reconcile.render._sides import label
from reconcile.render.timeline import when_words
from reconcile.timeline.display import dated_events

_LISTED = (Kind.CONTRADICTION, Kind.UPDATE, Kind.ATTRIBUTED, Kind.AGREEMENT, Kind.UNSUPPORTED)  # the text report's order
_ICONS = {Kind.CONTRADICTION: "✗", Kind.UPDATE: "↻", Kind.ATTRIBUTED: "≠", Kind.AGREEMENT: "✓", Kind.UNSUPPORTED: "?"}
_TITLES = {
    "compare": {Kind.CONTRADICTION: "Contradictions", Kind.UPDATE: "Updates", Kind.ATTRIBUTED: "Attributed figures",
                Kind.AGREEMENT: "Agreements", Kind.UNSUPPORTED: "Unsupported"},
    "check": {Kind.CONTRADICTION: "Contradicted", Kind.UPDATE: "Updated", Kind.ATTRIBUTED: "Attributed",
              Kind.AGREEMENT: "Supported", Kind.UNSUPPORTED: "Unsupported"},
}
_WEEKLY_TICKS = 62  # a strip spanning fewer days is marked every week, a longer one every month


@dataclass(frozen=True)
class Piece:
    """A stretch of a source's text over which the same findings and events hold."""

    text: str
    findings: tuple[int, ...] = ()  # whose sentences it is part of
    hits: tuple[int, ...] = ()  # whose disputed values (evidence highlights) it is part of
    events: tuple[int, ...] = ()  # whose dating or ordering words it is part of
    kind: str = ""  # the most serious kind among its findings
    starts: tuple[Item, ...] = ()  # findings with a sentence beginning here: their icons go first


@dataclass(frozen=True)
class Quote:
    """One source's sentence of a finding, on one line, its disputed values marked."""

    source: int
    where: str  # path:line:column
    parts: tuple[tuple[str, bool], ...]  # (text, disputed)
    detail: str


@dataclass(frozen=True)
class Quotes:
    """A disagreement's side ("3 (tvn6.txt, wire.txt)") and its sentences; for a
    finding without sides, all its sentences under no label."""

    label: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Item:
    """A finding as the list shows it."""

    id: int
    finding: Finding
    name: str  # the rule's name
    severity: str
    icon: str
    sources: tuple[int, ...]
    groups: tuple[Quotes, ...]


@dataclass(frozen=True)
class Group:
    """The findings of one kind, under the title the mode gives them."""

    kind: str
    title: str
    icon: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Choice:
    """One checkbox of a filter."""

    value: str
    label: str
    count: int
    icon: str = ""


@dataclass(frozen=True)
class Panel:
    """A source shown whole."""

    index: int
    info: SourceInfo
    name: str
    role: str  # "Draft" or "Source"
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Row:
    """An event on the strip: a bar over its days, or none if undated."""

    id: int  # index into the events drawn
    event: DatedEvent
    when: str
    places: tuple[str, ...]  # "1-thaw.txt:1", "2-tensions-easing.txt:10,16"
    left: float | None  # percent of the track; None: undated
    width: float
    open_start: bool  # no earliest day: the bar runs from the strip's start
    open_end: bool


@dataclass(frozen=True)
class Lane:
    source: int
    name: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Strip:
    lanes: tuple[Lane, ...]
    ticks: tuple[tuple[str, float], ...]  # (label, percent)
    events: int
    year_known: bool


def render(report: Report) -> str:
    """The whole page, ending with a newline."""
    paths = [s.path for s in report.sources]
    called = names(paths)
    items = [_item(i, f, called) for i, f in enumerate(report.findings)]
    groups = [
        Group(kind.value, _TITLES[report.mode][kind], _ICONS[kind],
              tuple(it for it in items if it.finding.kind is kind))
        for kind in _LISTED
        if kind not in RARE or report.of(kind)
    ]
    panels = [
        Panel(i, s, called[i], "Draft" if report.mode == "check" and i == 0 else "Source", _pieces(i, s, report, items))
        for i, s in enumerate(report.sources)
    ]
    types = Counter(f.type for f in report.findings)
    touching = Counter(s for it in items for s in it.sources)
    filters = {
        "kind": [Choice(g.kind, g.title, len(g.items), g.icon) for g in groups],
        "type": [Choice(t, t, n) for t, n in sorted(types.items())],
        "source": [Choice(str(p.index), p.name, touching[p.index]) for p in panels],
    }
    warnings = [f"{s.path}: {w}" for s in report.sources for w in s.warnings]
    warnings += [unused_line(u) for u in report.unused_suppressions]
    return _page("report.html.j2").render(
        title=f"reconcile {report.mode}" + (f" of {report.sources[0].path}" if report.mode == "check" else ""),
        summary=summary_line(report),
        groups=groups,
        filters=filters,
        rank=" ".join(k.value for k in sorted(Kind, key=KIND_RANK.__getitem__)),
        panels=panels,
        strip=_strip(report.events, paths),
        warnings=warnings,
        version=tool_version(),
    )


def render_timeline(t: Timeline) -> str:
    """The merged timeline of ``reconcile timeline``: the strip and the conflicts."""
    events = dated_events(t)
    rest = len(t.events) - len(events)
    count = len(t.paths)
    summary = f"{len(events)} dated or ordered events, {count} source{'' if count == 1 else 's'}"
    if t.year:
        summary += f"; dates without a year read in {t.year}"
    if rest:
        summary += f"; {rest} more event{'' if rest == 1 else 's'} with no time claim"
    return _page("timeline.html.j2").render(
        title="reconcile timeline",
        summary=summary,
        strip=_strip(events, t.paths),
        conflicts=[_item(i, f, names(t.paths)) for i, f in enumerate(t.findings)],
        version=tool_version(),
    )


@lru_cache(maxsize=None)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("reconcile.render", "templates"),
        autoescape=True,  # every value is text to show, article text above all
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["inline"] = _inline
    return env


def _page(name: str) -> jinja2.Template:
    return _environment().get_template(name)


def _inline(name: str) -> Markup:
    """A style sheet or script of ours, to be inlined as it is: the page must
    fetch nothing."""
    return Markup(resources.files("reconcile.render").joinpath("templates", name).read_text("utf-8"))


def _item(index: int, finding: Finding, called: Sequence[str]) -> Item:
    rule = rule_of(finding)
    groups = [Quotes(label(side, called), tuple(_quote(e) for e in side.evidence)) for side in finding.sides]
    return Item(
        id=index,
        finding=finding,
        name=rule.name,
        severity=rule.severity,
        icon=_ICONS[finding.kind],
        sources=tuple(sorted({e.source for e in finding.evidence})),
        groups=tuple(groups) or (Quotes("", tuple(_quote(e) for e in finding.evidence)),),
    )


def _quote(e: Evidence) -> Quote:
    line, spans = shown(e)
    return Quote(e.source, f"{e.path}:{e.line}:{e.column}", tuple(_split(line, spans)), e.detail)


def _split(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (part, marked) at the spans, overlapping ones merged."""
    parts: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end <= start:
            continue
        parts += [(text[at:start], False), (text[start:end], True)]
        at = end
    parts.append((text[at:], False))
    return [p for p in parts if p[0]]


_Mark = tuple[int, int, str, int]  # (start, end, role, id); role "f" sentence, "h" highlight, "e" event


def _marks(source: int, report: Report) -> list[_Mark]:
    marks: list[_Mark] = []
    for i, f in enumerate(report.findings):
        for e in f.evidence:
            if e.source == source:
                marks.append((e.start, e.end, "f", i))
                marks += [(a, b, "h", i) for a, b in e.highlights]
    for i, event in enumerate(report.events):
        marks += [(a, b, "e", i) for s, a, b in event.spans if s == source]
    return marks


def _pieces(source: int, info: SourceInfo, report: Report, items: Sequence[Item]) -> tuple[Piece, ...]:
    """The source's text cut wherever a finding's sentence, a disputed value or an
    event's words begin or end; a web page's plain view is shown as it reads."""
    text = info.text
    view, at = reading_view(text) if info.markup else (text, None)
    kinds = [f.kind for f in report.findings]
    opening: dict[int, list[tuple[str, int]]] = defaultdict(list)
    closing: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for start, end, role, ident in _marks(source, report):
        start, end = max(0, start), min(len(text), end)
        if start < end:
            opening[start].append((role, ident))
            closing[end].append((role, ident))
    cuts = sorted({0, len(text), *opening, *closing})
    active: dict[str, Counter[int]] = {"f": Counter(), "h": Counter(), "e": Counter()}
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        for role, ident in closing[a]:
            active[role][ident] -= 1
        for role, ident in opening[a]:
            active[role][ident] += 1
        now = {role: tuple(sorted(i for i, n in held.items() if n > 0)) for role, held in active.items()}
        worst = min((kinds[i] for i in now["f"]), key=KIND_RANK.__getitem__, default=None)
        pieces.append(
            Piece(
                text=view[at[a] : at[b]] if at is not None else text[a:b],
                findings=now["f"],
                hits=now["h"],
                events=now["e"],
                kind=worst.value if worst is not None else "",
                starts=tuple(items[i] for i in sorted({i for role, i in opening[a] if role == "f"})),
            )
        )
    return tuple(p for p in pieces if p.text or p.starts)


def _strip(events: Sequence[DatedEvent], paths: Sequence[str]) -> Strip | None:
    """Each source's events on one time axis: a lane per source, a row per event."""
    if not events:
        return None
    days = [d for e in events for d in (e.earliest, e.latest) if d is not None]
    first, last = (min(days), max(days)) if days else (date.min, date.min)
    span = (last - first).days + 1
    year_known = all(e.year_known for e in events)
    called = names(paths)
    rows = []
    for i, e in enumerate(events):
        when = when_words(e.earliest, e.latest, e.year_known) + (" ?" if e.disputed else "")
        where = tuple(places(e.lines, paths))
        if e.earliest is None and e.latest is None:
            rows.append(Row(i, e, when, where, None, 0.0, False, False))
            continue
        low, high = e.earliest or first, e.latest or last
        left, width = (low - first).days / span * 100, ((high - low).days + 1) / span * 100
        rows.append(Row(i, e, when, where, left, width, e.earliest is None, e.latest is None))
    lanes = tuple(
        Lane(s, called[s], tuple(r for r in rows if s in r.event.sources)) for s in range(len(paths))
    )
    return Strip(lanes, _ticks(first, last, year_known) if days else (), len(events), year_known)


def _ticks(first: date, last: date, year_known: bool) -> tuple[tuple[str, float], ...]:
    """Labels along the axis: every week of a short stretch, else every month."""
    span = (last - first).days + 1
    if span <= _WEEKLY_TICKS:
        days = [first + timedelta(days=n) for n in range(0, span, 7)]
        return tuple((when_words(d, d, year_known), (d - first).days / span * 100) for d in days)
    ticks = []
    day = first
    while day <= last:
        label = MONTHS_SHORT[day.month - 1]
        if year_known and (day == first or day.month == 1):
            label += f" {day.year}"
        ticks.append((label, (day - first).days / span * 100))
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return tuple(ticks)
