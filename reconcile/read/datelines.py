"""Date lines: a line that is nothing but a (labelled) date, as news pages print
their publication date."""

from __future__ import annotations

import re
from datetime import date

from reconcile.data import datelines


def _words(names: tuple[str, ...] | list[str]) -> str:
    """An alternation of words, longest first, safe in a verbose pattern."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_DATE_LINE = re.compile(
    rf"""
    (?:(?:{_words(datelines.PREFIXES)})\s*[:\-–—|]?\s*)?
    (?:(?:{_words(datelines.DAY_NAMES)})\.?,?\s+)?
    (?:
        (?P<mon>{_words(list(datelines.MONTH_NUMBERS))})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})
      | (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_words(list(datelines.MONTH_NUMBERS))})\.?,?\s+(?P<year2>\d{{4}})
      | (?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})
    )
    (?:[T,\s|/–—-]+\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?
        (?:\s*\(?[a-z]{{2,5}}\)?|\s*[+-]\d{{2}}:?\d{{2}}|z)?)?
    [\s.]*
    """,
    re.I | re.X,
)


def date_line(line: str) -> date | None:
    """The date of a line that is nothing but a (labelled) date, else None."""
    m = _DATE_LINE.fullmatch(line)
    if not m:
        return None
    if m.group("y"):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        year = int(m.group("year") or m.group("year2"))
        month = datelines.MONTH_NUMBERS[(m.group("mon") or m.group("mon2")).lower()]
        day = int(m.group("day") or m.group("day2"))
    try:
        return date(year, month, day)
    except ValueError:
        return None
