"""Date lines: a line that is nothing but a (labelled) date and time, as news
pages print their publication date.

The line is read as a run of known pieces: labels ("Published", "Last updated
at"), weekdays, dates in words or numbers, clock times, time zones, separators
and a few words in capitals (a place or agency). If nothing else stands in it
and it holds a date with a year, its first date is the publication date: two
stamps on one line are the original and an update.
"""

from __future__ import annotations

import re
from datetime import date

from reconcile.data import clock, datelines


def _words(names: tuple[str, ...] | list[str]) -> str:
    """An alternation of words, longest first, any white space inside."""
    return "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))


_MONTH = rf"(?:{_words(list(datelines.MONTH_NUMBERS))})(?![a-z])"
_ZONE = rf"(?:{_words(list(clock.ZONES))}|{_words(list(clock.LOCAL))})(?![a-z])"
_ORDINAL = r"(?:st|nd|rd|th)?"
_PIECE = re.compile(
    rf"""
      (?P<mdy>(?P<mon>{_MONTH})\.?\s*(?P<day>\d{{1,2}}){_ORDINAL}(?:\s*[,\-]\s*|\s+)(?P<year>\d{{4}}))
    | (?P<dmy>(?P<day2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<mon2>{_MONTH})\.?,?\s+(?P<year2>\d{{4}}))
    | (?P<ymd>(?P<y>\d{{4}})(?P<sep1>[-/.])(?P<m>\d{{1,2}})(?P=sep1)(?P<d>\d{{1,2}}))
    | (?P<num>(?P<a>\d{{1,2}})(?P<sep2>[-/.])(?P<b>\d{{1,2}})(?P=sep2)(?P<c>\d{{4}}|\d{{2}}))
    | (?P<time>(?:T?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\.\d+)?\s*(?:[ap]\.?m\.?|[ap](?![a-z]))?
               |\d{{1,2}}\s*[ap]\.?m\.?|\d{{4}}(?=\s*\(?\s*{_ZONE})))
    | (?P<zone>(?:GMT|UTC)\s*[+-]\s*\d{{1,2}}(?::\s*\d{{1,2}})?|[+-]\d{{2}}:?\d{{2}}|{_ZONE})
    | (?P<weekday>(?:{_words(list(datelines.DAY_NAMES))})(?![a-z])\.?)
    | (?P<label>(?:{_words(datelines.LABELS)})(?![a-z]))
    | (?P<place>(?-i:[A-Z][A-Z.'’&-]+)(?![a-z]))
    | (?P<sep>[\s,|:;/()\[\]\-–—•·.*]+)
    """,
    re.I | re.X,
)


def _century(short: int, today: date | None) -> int:
    """A two-digit year in the century that puts it nearest today (without today,
    nearest 2000: "08" is 2008, "97" 1997)."""
    around = today.year if today else 2000
    return min((century + short for century in (1900, 2000, 2100)), key=lambda y: (abs(y - around), y))


def _numeric(m: re.Match[str], today: date | None) -> tuple[int, int, int]:
    """(year, month, day) of "12/16/08" or "08.07.2012"."""
    a, b, c = int(m.group("a")), int(m.group("b")), m.group("c")
    year = int(c) if len(c) == 4 else _century(int(c), today)
    day_first = m.group("sep2") in datelines.DAY_FIRST_SEPARATORS or a > 12
    return (year, b, a) if day_first and b <= 12 else (year, a, b)


def _date(m: re.Match[str], today: date | None) -> date | None:
    try:
        if m.group("mdy"):
            return date(int(m.group("year")), datelines.MONTH_NUMBERS[m.group("mon").lower()], int(m.group("day")))
        if m.group("dmy"):
            return date(int(m.group("year2")), datelines.MONTH_NUMBERS[m.group("mon2").lower()], int(m.group("day2")))
        if m.group("ymd"):
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        return date(*_numeric(m, today))
    except ValueError:  # "Feb. 30", "13/13/2013"
        return None


def _pieces(line: str) -> list[re.Match[str]] | None:
    """The pieces a line is made of, or None if anything else stands in it."""
    if len(line) > datelines.MAX_CHARS:
        return None
    found: list[re.Match[str]] = []
    position = 0
    while position < len(line):
        m = _PIECE.match(line, position)
        if m is None:
            return None
        found.append(m)
        position = m.end()
    return found if sum(m.group("place") is not None for m in found) <= datelines.PLACE_WORDS else None


def date_line(line: str, today: date | None = None) -> date | None:
    """The date of a line that is nothing but a (labelled) date and time, else
    None; ``today`` places a two-digit year ("12/16/08")."""
    found: date | None = None
    for m in _pieces(line) or ():
        if any(m.group(k) for k in ("mdy", "dmy", "ymd", "num")):
            day = _date(m, today)
            if day is None:
                return None
            found = found or day
    return found


def time_line(line: str) -> bool:
    """Is the line a stamp with a time and no date ("Updated 5:40 p.m. ET", a live
    blog's "8:24am:")? Page furniture too, though it dates nothing."""
    pieces = _pieces(line)
    return bool(pieces) and any(m.group("time") for m in pieces) and not any(  # type: ignore[union-attr]
        m.group(k) for m in pieces for k in ("mdy", "dmy", "ymd", "num", "place")  # type: ignore[union-attr]
    )
