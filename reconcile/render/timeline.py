"""The merged timeline in the terminal: events in time order with their date
or date range and the sources that place them there; conflicts marked on the
events and explained underneath. Also the text form of `reconcile extract`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from reconcile.model import Evidence, Placed, Timeline
from reconcile.render._common import places, plain, shown
from reconcile.timeline.display import display_order, displayed
from reconcile.timeline.words import day_words, short_day

_DAY_STYLE = "cyan"
_CONFLICT = "bold red"


def when_words(low: date | None, high: date | None, year_known: bool) -> str:
    """An event's day or days in few words: "Nov. 1", "November", "Nov. 2 – Nov. 30", "by Nov. 8"."""
    if low is not None and low == high:
        return day_words(low, year_known)
    if low is not None and high is not None and low.day == 1 and (high + timedelta(days=1)).day == 1:
        if (low.year, low.month) == (high.year, high.month):
            return low.strftime("%B") + (f" {low.year}" if year_known else "")
    if low is not None and high is not None:
        return f"{short_day(low, year_known and low.year != high.year)} – {short_day(high, year_known)}"
    if low is not None:
        return f"from {short_day(low, year_known)}"
    if high is not None:
        return f"by {short_day(high, year_known)}"
    return "undated"


def _who(p: Placed, t: Timeline) -> str:
    """The names its mentions give most often (places left out)."""
    counts: dict[str, int] = {}
    for s, i in p.event.members:
        for e in t.readings[s].mentions[i].participants:
            if e.kind.value != "place":
                counts[e.text] = counts.get(e.text, 0) + 1
    return ", ".join(sorted(counts, key=lambda name: -counts[name])[:3])


def _where(p: Placed, t: Timeline) -> Text:
    """ "1-thaw.txt:1, 2-tensions-easing.txt:10,16": the lines whose claims place it."""
    return Text(", ".join(places(((c.source, t.lines[(c.source, c.sentence)]) for c in p.claims), t.paths)),
                style="cyan")


_Row = tuple[Text, Text, Text, Text]  # mark, when, event, placed by


class _Events:
    """The events table, its lines of each source in a column of their own when
    the width allows, else under the event: a location is never broken."""

    def __init__(self, rows: list[_Row]) -> None:
        self.rows = rows

    def _table(self, beside: bool) -> Table:
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column("mark", no_wrap=True)
        table.add_column("when", no_wrap=True, style=_DAY_STYLE)
        table.add_column("event")
        if beside:
            table.add_column("placed by", no_wrap=True)
        for mark, when, event, where in self.rows:
            if beside:
                table.add_row(mark, when, event, where)
            else:
                table.add_row(mark, when, Group(event, where))
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            return
        unbroken = sum(max(row[i].cell_len for row in self.rows) for i in (0, 1, 3))
        event = max(Measurement.get(console, options, row[2]).minimum for row in self.rows)
        yield self._table(beside=unbroken + event + 2 * 3 <= options.max_width)


def _evidence(e: Evidence) -> RenderableType:
    """The location on a line of its own, never broken; the sentence under it."""
    parts: list[RenderableType] = [
        Text(f"      {e.path}:{e.line}:{e.column}", style="cyan", no_wrap=True, overflow="ignore"),
        Padding(Text(shown(e)[0]), (0, 0, 0, 8), expand=False),
    ]
    if e.detail:
        parts.append(Padding(Text(f"→ {e.detail}", style="dim"), (0, 0, 0, 8), expand=False))
    return Group(*parts)


def renderables(t: Timeline) -> Iterator[RenderableType]:
    """The timeline as rich renderables, for a console that knows if it may style."""
    year_known = t.year is not None
    shown = [p for p in t.events if p.claims]
    rows_of = sorted(shown, key=display_order)
    sources = len(t.paths)
    yield Text(
        f"Timeline ({len(rows_of)} dated or ordered events, {sources} source{'s' if sources != 1 else ''}"
        + (f"; dates without a year read in {t.year})" if t.year else ")"),
        style="bold",
    )
    rows: list[_Row] = []
    for p in rows_of:
        low, high, disputed = displayed(p)
        when = when_words(low, high, year_known) + (" ?" if disputed else "")
        mark = Text("✗ " + ",".join(str(i + 1) for i in p.conflicts), style=_CONFLICT) if p.conflicts else Text("•")
        event = Text(p.event.name, style="bold")
        who = _who(p, t)
        if who:
            event.append(f" ({who})", style="dim")
        rows.append((mark, Text(when), event, _where(p, t)))
    yield _Events(rows)
    rest = len(t.events) - len(shown)
    if rest:
        yield Text(f"  {rest} more event{'s' if rest != 1 else ''} with no time claim", style="dim")
    yield Text("")
    yield Text(f"Conflicts ({len(t.findings)})", style=_CONFLICT if t.findings else "bold green")
    for n, f in enumerate(t.findings, 1):
        head = Text.assemble((f"  ✗ {n} ", _CONFLICT), (f.type, "bold"), (f"  {f.rule}  ", "dim"), f.reason)
        yield Group(head, *(_evidence(e) for e in f.evidence))
    if not t.findings:
        yield Text("  none: every source's dates and order can all hold", style="green")


def render(t: Timeline, width: int | None = None) -> str:
    """Plain text, for files and pipes: with no ``width`` no line is wrapped."""
    return plain(renderables(t), width)


# -- reconcile extract ------------------------------------------------------------


def _fact_line(label: str, items: list[dict[str, Any]], show: Any) -> Text | None:
    if not items:
        return None
    return Text.assemble((f"      {label}: ", "dim"), "; ".join(show(x) for x in items))


def extraction_renderables(data: dict[str, Any]) -> Iterator[RenderableType]:
    """What `reconcile.timeline.extraction` read from one file, for people."""
    head = f"{data['path']} ({data['encoding']}"
    head += f", published {data['published']})" if data["published"] else ", no publication date)"
    yield Text(head, style="bold")
    for s in data["sentences"]:
        line = Text(f"  {s['line']}:{s['column']}  ", style="cyan")
        line.append(" ".join(s["text"].split()), style="" if s["claim"] else "dim")
        yield line
        f = s["facts"]
        for item in (
            _fact_line("quantities", f["quantities"], lambda q: f"{q['text']} = {q['value']:g} {q['unit']}"),
            _fact_line("dates", f["dates"], lambda d: f"{d['text']} = {d['normalised']}"),
            _fact_line("entities", f["entities"], lambda e: f"{e['text']} ({e['kind']})"),
            _fact_line("polarity", f["negations"] + f["directions"], lambda c: f"{c['text']} ({c['sign']:+d})"),
        ):
            if item is not None:
                yield item
    yield Text("")
    yield Text(f"Events ({len(data['events'])})", style="bold")
    for e in data["events"]:
        when = e["earliest"] if e["earliest"] == e["latest"] else f"{e['earliest'] or '…'} – {e['latest'] or '…'}"
        line = Text(f"  {e['label']}", style="bold")
        line.append(f"  {when if (e['earliest'] or e['latest']) else 'undated'}", style=_DAY_STYLE)
        yield line
        for m in e["mentions"]:
            t = m["trigger"]
            detail = Text(f"      {t['line']}:{t['column']}  “{t['text']}” ({t['lemma']})")
            for a in m["anchors"]:
                read = a["read_as"][0] if a["read_as"] else None
                value = a["normalised"]
                if read and read["earliest"]:
                    value = read["earliest"] if read["earliest"] == read["latest"] else f"{read['earliest']} – {read['latest']}"
                detail.append(f"  {a['text']} = {value}", style=_DAY_STYLE)
            if m["participants"]:
                names = dict.fromkeys(p["text"] for p in m["participants"])
                detail.append("  with " + ", ".join(names), style="dim")
            yield detail
    if data["relations"]:
        yield Text("")
        yield Text(f"Relations ({len(data['relations'])})", style="bold")
        for r in data["relations"]:
            yield Text(f"  {r['line']}:{r['column']}  {r['words']}  (“{r['text']}”)")
    for c in data["conflicts"]:
        yield Text(f"✗ {c['type']} {c['rule']}: {c['reason']}", style=_CONFLICT)


def render_extraction(data: dict[str, Any], width: int | None = None) -> str:
    """Plain text of an extraction, for files and pipes: with no ``width`` no line is wrapped."""
    return plain(extraction_renderables(data), width)
