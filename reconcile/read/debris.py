"""News page debris, line by line: boilerplate ("Advertisement"), a headline
printed twice, the date line and a dateline's place prefix. None of it is a
claim; the date line gives the article's publication date."""

from __future__ import annotations

import functools
import re
from datetime import date

from reconcile.data import boilerplate
from reconcile.errors import ReconcileError
from reconcile.read.datelines import date_line, time_line
from reconcile.read.markdown import Blank
from reconcile.settings import Settings

_TOP_LINES = 12  # the date line is looked for among this many non-empty lines

_DECOR = r"[\s\-–—•*|()\[\].:>#_]*"
_DEBRIS = re.compile(rf"{_DECOR}(?:{'|'.join(f'(?:{p})' for p in boilerplate.LINES)}){_DECOR}", re.I)


@functools.lru_cache(maxsize=8)
def _extra_debris(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The user's own debris lines (Settings.boilerplate), compiled once per run."""
    try:
        return tuple(re.compile(p, re.I) for p in patterns)
    except re.error as error:
        raise ReconcileError(f"invalid boilerplate pattern {error.pattern!r}: {error}") from None


_DATELINE = re.compile(boilerplate.DATELINE, re.I)


def lines(plain: str, settings: Settings) -> tuple[list[Blank], date | None]:
    """Whole-line debris, repeated lines, the date line, by the lines of the plain
    view (an HTML page's blocks are lines there); and the date the date line gives."""
    extra = _extra_debris(settings.boilerplate)
    seen: set[str] = set()
    out: list[Blank] = []
    published: date | None = None
    top = _TOP_LINES
    start = 0
    for content in plain.split("\n"):
        end = start + len(content)
        stripped = content.strip()
        if stripped:
            a = start + len(content) - len(content.lstrip())
            b = start + len(content.rstrip())
            day = date_line(stripped, settings.today) if top > 0 else None
            top -= 1
            key = " ".join(stripped.casefold().split())
            if day is not None or (top >= 0 and time_line(stripped)):
                published = published or day
                out.append((a, b, "date line"))
            elif _DEBRIS.fullmatch(stripped) or any(p.fullmatch(stripped) for p in extra):
                out.append((a, b, "boilerplate"))
            elif key in seen and any(c.isalpha() for c in key):
                out.append((a, b, "repeated line"))
            else:
                seen.add(key)
                prefix = _DATELINE.match(content, len(content) - len(content.lstrip()))
                if prefix:
                    out.append((start + prefix.start(), start + prefix.end(), "dateline"))
        start = end + 1
    return out, published
