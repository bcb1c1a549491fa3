"""Times of day in running text, and whether two can name the same moment.

A time is kept as the minutes of its day the words allow (``TimeOfDay``): "3 a.m."
2:30-3:30 (a round figure), "6:52 a.m." that minute, "just before 7 a.m." the
half hour before, "Tuesday evening" 5 p.m. to midnight. Two times in zones both
known are compared as instants; a time in a stated zone against one in another
or unknown frame could be a day apart, so only the day is held against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from reconcile.data import calendar as cal
from reconcile.data import clock
from reconcile.model import TimeOfDay

DAY = 1440


def _phrases(words: Iterable[str]) -> str:
    """Alternation, longest first, any white space between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


_QUALIFIER = re.compile(rf"(?i)(?<![\w-])(?P<q>{_phrases(clock.QUALIFIERS)})\s+(?:at\s+)?$")
_MERIDIEM = r"(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm)(?![\w]))"
_CLOCK = re.compile(
    rf"(?<![\w:.$])(?:"
    rf"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?(?::[0-5]\d)?\s*{_MERIDIEM}"
    rf"|(?P<h24>[01]\d|2[0-3]|\d):(?P<m24>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
    rf"|(?P<hin>1[0-2]|[1-9])\s+(?P<inthe>(?i:{_phrases(clock.IN_THE)}))(?!\w)"
    rf"|(?P<mil>[0-2]\d[0-5]\d)(?=\s*\(?(?:GMT|UTC|Z)\b)"
    rf"|(?P<named>(?i:{_phrases(clock.NAMED_TIMES)}))(?![\w-])"
    rf")"
)
_CLOCK_GATE = re.compile(rf"\d|{_phrases(clock.NAMED_TIMES)}")
_PART_GATE = re.compile("|".join(clock.PARTS_OF_DAY))
_PREFIXES = "|".join(re.escape(p) + ("" if p.endswith("-") else r"\s+") for p in clock.PART_PREFIXES)
_PART = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<day>{_phrases(clock.DAY_PARTS)})"
    rf"|(?:{_PREFIXES})?"
    rf"(?P<part>{_phrases(clock.PARTS_OF_DAY)}))(?![\w-])"
)
_NOT_ZONE = {*cal.WEEKDAYS, *cal.MONTHS, *clock.NOT_ZONE_WORDS}
_ZONE = re.compile(
    rf"\s*,?\s*\(?\s*(?:"
    rf"(?P<abbr>{'|'.join(sorted(clock.ZONES, key=len, reverse=True))})"
    rf"(?:\s*(?P<sign>[+-])\s*(?P<oh>\d{{1,2}})(?::\s*(?P<om>\d{{1,2}}))?)?(?![\w])"
    rf"|(?P<local>(?i:{_phrases(clock.LOCAL)})(?:\s+(?i:time))?)(?!\w)"
    rf"|(?P<name>(?i:{_phrases(clock.ZONE_NAMES)})|[A-Z][a-z]+)\s+(?i:time)(?!\w)"
    rf")\)?"
)


@dataclass(frozen=True)
class TimeMention:
    """A time found in a sentence (offsets in it). A part of the day alone
    ("evening") is a time only next to a day; "last night" carries its day."""

    start: int
    end: int
    time: TimeOfDay
    day_shift: int | None = None  # days from the reference a phrase like "last night" names
    standalone: bool = True
    phrase: str = ""  # that phrase, lower case


def _window(minute: int) -> int:
    """How far a stated time may be from the moment it rounds: a round hour half
    an hour, a half hour a quarter, a quarter 7 minutes, five minutes 2."""
    for step, slack in ((60, 30), (30, 15), (15, 7), (5, 2)):
        if minute % step == 0:
            return slack
    return 0


def _span(minute: int, qualifier: str) -> tuple[int, int]:
    if not qualifier:
        slack = _window(minute)
        return minute - slack, minute + slack
    low, high = clock.QUALIFIERS[qualifier]
    return (0 if low is None else minute + low), (max(DAY, minute) if high is None else minute + high)


def _minute(m: re.Match[str]) -> int:
    g = m.groupdict()
    if g["named"]:
        return clock.NAMED_TIMES[" ".join(g["named"].lower().split())]
    if g["mil"]:
        return int(g["mil"][:2]) * 60 + int(g["mil"][2:])
    if g["h24"]:
        return int(g["h24"]) * 60 + int(g["m24"])
    if g["hin"]:
        hour = int(g["hin"]) % 12 + clock.IN_THE[" ".join(g["inthe"].lower().split())]
        return hour * 60
    ap = g["ap"].lower().rstrip(".")
    return (int(g["h"]) % 12 + clock.MERIDIEM[ap if ap in clock.MERIDIEM else ap + "."]) * 60 + int(g["m"] or 0)


def zone_at(text: str, at: int) -> tuple[int, str, tuple[int, int] | None] | None:
    """A time zone right after ``at`` ("GMT", "(EDT)", "local time", "Nordmark
    time", "GMT+05:00"): where it ends, its name, and its offset if known."""
    m = _ZONE.match(text, at)
    if m is None or (m.group("name") and m.group("name").lower() in _NOT_ZONE):
        return None
    if m.group("local"):
        return m.end(), "local", None
    if m.group("name"):
        name = m.group("name")
        return m.end(), name, clock.ZONE_NAMES.get(name.lower())
    abbr = m.group("abbr")
    low, high = clock.ZONES[abbr]
    if m.group("sign"):
        hours, minutes = int(m.group("oh")), int(m.group("om") or 0)
        shift = (hours * 60 + minutes) * (1 if m.group("sign") == "+" else -1)
        return m.end(), f"{abbr}{m.group('sign')}{hours:02d}:{minutes:02d}", (low + shift, high + shift)
    return m.end(), abbr, (low, high)


def _admissible(m: re.Match[str], text: str) -> bool:
    """A 24-hour "04:12" needs its leading zero, a zone, or a word that makes it a
    time ("at 21:00"): "a 3:10 ratio" is none. "4 in the morning" needs "at"."""
    if m.group("h24") is None and m.group("hin") is None:
        return True
    before = text[max(0, m.start() - 8) : m.start()].lower().split()
    led = bool(before) and before[-1] in clock.TIME_PREPOSITIONS
    if m.group("hin"):
        return led
    return led or len(m.group("h24")) == 2 or zone_at(text, m.end()) is not None


def find_times(text: str) -> list[TimeMention]:
    """Clock times, named times and parts of the day of a sentence, each with the
    qualifier before it ("just before 7 a.m.") and the zone after it."""
    found: list[TimeMention] = []
    lowered = text.lower()
    for m in _CLOCK.finditer(text) if _CLOCK_GATE.search(lowered) else ():
        if not _admissible(m, text):
            continue
        q = _QUALIFIER.search(text, max(0, m.start() - 24), m.start())
        qualifier = " ".join(q.group("q").lower().split()) if q else ""
        minute = _minute(m)
        if m.group("named") and minute == DAY and qualifier and (clock.QUALIFIERS[qualifier][0] or 0) >= 0 \
                and clock.QUALIFIERS[qualifier][1] != 0:
            minute = 0  # "shortly after midnight" opens the day
        low, high = _span(minute, qualifier)
        time = TimeOfDay(low, high, clock=minute, qualifier=qualifier)
        found.append(with_zone(TimeMention(q.start() if q else m.start(), m.end(), time), text))
    for m in _PART.finditer(text) if _PART_GATE.search(lowered) else ():
        phrase = " ".join((m.group("day") or "").lower().split())
        shift, part = clock.DAY_PARTS[phrase] if phrase else (None, m.group("part").lower())
        low, high = clock.PARTS_OF_DAY[part]
        found.append(TimeMention(m.start(), m.end(), TimeOfDay(low, high, part=part), shift, bool(phrase), phrase))
    kept: list[TimeMention] = []
    for t in sorted(found, key=lambda t: (t.start, -t.end)):
        if not kept or t.start >= kept[-1].end:
            kept.append(t)
    return kept


def with_zone(t: TimeMention, text: str) -> TimeMention:
    """The mention stretched over a zone stated right after it, if it has none yet."""
    zone = None if t.time.zone else zone_at(text, t.end)
    if zone is None:
        return t
    end, name, offset = zone
    return replace(t, end=end, time=replace(t.time, zone=name, offset=offset))


def on_part(time: TimeOfDay, part: TimeOfDay) -> TimeOfDay:
    """A clock time told with a part of a day ("shortly before midnight last
    night"): the clock, counted from the start of the part's day."""
    shift = DAY if time.earliest + DAY <= part.latest and time.latest < part.earliest else 0
    return replace(time, earliest=time.earliest + shift, latest=time.latest + shift,
                   clock=None if time.clock is None else time.clock + shift)


def describe_time(t: TimeOfDay) -> str:
    """ "07:00", "just before 07:00 GMT", "evening"."""
    if t.clock is None:
        text = t.part
    else:
        hour, minute = divmod(t.clock % DAY if t.clock != DAY else DAY, 60)
        text = f"{hour:02d}:{minute:02d}"
    text = f"{t.qualifier} {text}" if t.qualifier else text
    return f"{text} {t.zone}" if t.zone else text


def frames_comparable(a: TimeOfDay | None, b: TimeOfDay | None) -> bool:
    """Can two times be compared clock to clock (both zones known, or both in the
    story's own unstated or local frame)? Else they may lie a day apart."""
    zone_a = a.zone if a else ""
    zone_b = b.zone if b else ""
    if a is not None and b is not None and a.offset is not None and b.offset is not None:
        return True
    return zone_a in ("", "local") and zone_b in ("", "local")


def to_utc(low: int, high: int, t: TimeOfDay | None, other: TimeOfDay | None) -> tuple[int, int]:
    """Minutes shifted to UTC when both zones are known (an offset range widens them)."""
    if t is None or other is None or t.offset is None or other.offset is None:
        return low, high
    return low - t.offset[1], high - t.offset[0]
