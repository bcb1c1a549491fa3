"""Quantities in running text: percentages, money, counts and measures, each with
what it is about.

A number as written stands for a range, not a point: "15%" is whatever rounds
to 15, "about 15%" a little more either way, "more than 200" everything above
200. Two mentions agree when their ranges meet, so "14.8%" and "nearly 15%"
agree while "15%" and "20%" do not. Values are kept in one base unit per
dimension (metres, kilograms, seconds, the currency's own units) so "5 miles"
and "8 km" meet too; "2 hours and 48 minutes" is one duration.

What is not an amount keeps its own unit so that it is never compared with
one: an age ("age:year"), a rank ("rank": "No. 2", "second", "23rd"), a tally
("tally": "7-2", "five to two", the sets of "6-4, 3-6, 7-6 (5)"). A fraction in
words is a percentage ("a fifth of", "one in five", "three in five" = 60 %
give or take 2.5 points) or a part of a unit ("half a million", "two-thirds of
an hour"). Each quantity also carries the noun it counts and the period of a
rate (facts/counted.py), so the judge compares only like with like.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from reconcile.data import numbers as num
from reconcile.facts.counted import counted, rate, whose
from reconcile.facts.dates import find_dates
from reconcile.facts.numerals import Atom, alternation, opener, previous_word, read_atoms
from reconcile.model import Quantity

_QUALIFIER = re.compile(rf"(?i:(?<!\w)(?P<q>{alternation(num.QUALIFIERS)}))\s*$")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to)\s*")
_TALLY_TO = re.compile(r"\s+to\s+")
_SHARE_GAP = re.compile(r"\s+(?:in|out\s+of)\s+")
_DURATION_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")
_TIEBREAK = re.compile(r"\s*\(\d{1,2}\)")
_SCORE_BEFORE = re.compile(r"\d[-–]\d+(?:\s*\(\d{1,2}\))?,\s*$")
_SCORE_AFTER = re.compile(r"(?:\s*\(\d{1,2}\))?,\s*\d+[-–]\d")
_WORDS = re.compile(r"[a-z]+")


def find_quantities(
    text: str,
    offset: int = 0,
    tolerance: float = 0.06,
    dated: Sequence[tuple[int, int]] | None = None,
) -> list[Quantity]:
    """Quantities of a sentence with the interval each admits, in document offsets.

    Date parts ("Nov. 1", "in 2023"), clock times, years, telephone, street and
    ZIP numbers and numbers that are part of names ("G7", "Group of Seven") are
    left out.
    """
    if dated is None:  # callers that have found the dates already pass their spans in ``text``
        dated = [(d.start, d.end) for d in find_dates(text)]
    atoms = read_atoms(text, dated)
    found: list[Quantity] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if found and a.start + offset < found[-1].end:  # the "(5)" of a tally "7-6 (5)"
            i += 1
            continue
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and _years(text, a, b):
            i += 2
            continue
        pair = b and (_tally(text, a, b) or _range(text, a, b))
        merged = None if pair or b is None else _share(text, a, b) or _duration(text, a, b)
        if pair:
            found.append(_about(text, offset, pair, glued=False))
        else:
            single = merged or a
            found.append(_about(text, offset, _single(text, single, tolerance), glued=single.glued))
        i += 2 if pair or merged else 1
    return found


def _about(text: str, offset: int, q: Quantity, glued: bool) -> Quantity:
    """The quantity in document offsets, with the noun it counts and the period of a rate."""
    plural = q.unit == "count" and q.value != 1 and q.value == int(q.value) and not glued
    measure = ":" in q.unit and not q.unit.startswith(("currency:", "age:"))
    return replace(
        q,
        start=q.start + offset,
        end=q.end + offset,
        counted=(q.unit.startswith("age:") and whose(text, q.start))
        or counted(text, q.start, q.end, plural, modifier=glued, measure=measure),
        per=rate(text, q.end),
    )


def _single(text: str, a: Atom, tolerance: float) -> Quantity:
    """One number, widened by its rounding and by the qualifier before it."""
    unit = a.unit or "count"
    value = a.base(a.number)
    low, high = a.base(a.number - a.half), a.base(a.number + a.half)
    start = a.start
    q = _QUALIFIER.search(text, max(0, start - 24), start)
    qualifier = num.QUALIFIERS[" ".join(q.group("q").lower().split())] if q else ""
    if q:
        start = q.start("q")
    low, high = _qualified(qualifier, value, low, high, tolerance, unit)
    return Quantity(start, a.end, text[start : a.end], value, unit, low, high, qualifier)


def _whole(a: Atom) -> bool:
    return a.bare and a.number >= 0 and a.number == int(a.number) and not a.year_like


def _years(text: str, a: Atom, b: Atom) -> bool:
    """"from 2022-2023": two years, no quantity."""
    return a.bare and a.year_like and b.year_like and bool(_RANGE_GAP.fullmatch(text[a.end : b.start]))


def _tally(text: str, a: Atom, b: Atom) -> Quantity | None:
    """"won 6-4, 3-6", "voted 7-2", "the vote was five to two": a score, not a range.

    A dash between whole numbers is a tally when it descends (a range never does),
    sits in a line of scores, or a tally word is near; "to" only with both.
    """
    gap = text[a.end : b.start]
    if not (_whole(a) and _whole(b)) or not (gap in ("-", "–") or _TALLY_TO.fullmatch(gap)):
        return None
    near = set(_WORDS.findall(text[max(0, a.start - 50) : b.end + 30].lower())) & num.TALLY_WORDS
    descends = a.number >= b.number
    if gap in ("-", "–"):
        in_line = _SCORE_BEFORE.search(text, max(0, a.start - 16), a.start) or _SCORE_AFTER.match(text, b.end)
        if not (descends or near or in_line):
            return None
    elif not (descends and near):
        return None
    tiebreak = _TIEBREAK.match(text, b.end)  # "7-6 (5)": the loser's tiebreak points
    end = tiebreak.end() if tiebreak else b.end
    parts = (a.number, b.number)
    return Quantity(a.start, end, text[a.start : end], a.number, "tally", min(parts), max(parts), parts=parts)


def _range(text: str, a: Atom, b: Atom) -> Quantity | None:
    """"10-20%", "$5-6 billion", "between 10 and 20": both ends share unit and scale."""
    gap = text[a.end : b.start]
    word = previous_word(text, a.start)
    if not (_RANGE_GAP.fullmatch(gap) and word != "from") and not (word == "between" and gap.strip() == "and"):
        return None
    if (a.unit and b.unit and a.unit != b.unit) or "rank" in (a.unit, b.unit):
        return None
    unit = a if a.unit else b
    scale = a.scale if a.scale != 1.0 else b.scale
    a, b = (replace(x, unit=unit.unit, factor=unit.factor, shift=unit.shift, scale=scale) for x in (a, b))
    low, high = a.base(a.number), b.base(b.number)
    if low >= high:
        return None
    start = opener(text, a.start) if word == "between" else a.start
    return Quantity(start, b.end, text[start : b.end], (low + high) / 2, a.unit or "count", low, high, "between")


def _share(text: str, a: Atom, b: Atom) -> Atom | None:
    """"one in five", "three out of four": a percentage as rounded as a fraction in words."""
    gap = _SHARE_GAP.fullmatch(text[a.end : b.start])
    if not (gap and _whole(a) and _whole(b) and 0 < a.number < b.number):
        return None
    if "out" in gap.group(0) and b.number > 10 and b.number not in (100, 1000):
        return None  # "48 out of 612 stores" are two counts
    value = 100 * a.number / b.number
    return Atom(a.start, b.end, value, min(num.FRACTION_PP, value * num.FRACTION_RELATIVE), unit="percent")


def _duration(text: str, a: Atom, b: Atom) -> Atom | None:
    """"2 hours and 48 minutes", "five minutes 40 seconds": one length of time."""
    if not (a.unit == b.unit == "duration:s" and a.factor > b.factor and not a.glued):
        return None
    if not _DURATION_GAP.fullmatch(text[a.end : b.start]):
        return None
    return Atom(a.start, b.end, a.base(a.number) + b.base(b.number), b.half * b.factor, unit="duration:s")


def _qualified(
    qualifier: str, value: float, low: float, high: float, tolerance: float, unit: str
) -> tuple[float, float]:
    """The interval a qualifier admits around a value already widened by rounding: "nearly
    three hours" keeps the rounding of "three hours" (2 h 48 min is nearly three hours)."""
    slack = abs(value) * tolerance
    floor = -math.inf if unit.startswith("temperature") else 0.0
    return {
        "": (low, high),
        "about": (min(low, value - slack), max(high, value + slack)),
        "nearly": (min(low, value - slack), value),
        "just over": (value, max(high, value + slack)),
        "more than": (value, math.inf),
        "at least": (value, math.inf),
        "less than": (floor, value),
        "at most": (floor, value),
    }[qualifier]


def compatible(a: Quantity, b: Quantity) -> bool:
    """Could both mentions state the same amount? Same unit and meeting intervals; a
    tally the same numbers in either order ("won 6-4" is "lost 4-6"); intervals that only
    touch when one is "nearly" its number ("nearly 100" / "over 100"); rates over two
    periods of time per the same period ("$11,450 a month" is "$137,400 a year").

    What the amounts count (``counted``) is not asked: whether two are about the
    same thing is the caller's question.
    """
    if a.unit != b.unit:
        return False
    if a.unit == "tally":
        return sorted(a.parts) == sorted(b.parts)
    low, high = _per(a, b.per)
    if max(low, b.low) == min(high, b.high):  # "nearly 100" and "over 100": one figure hedged two ways
        return _HEDGED in (a.qualifier, b.qualifier) or (low, high) == (b.low, b.high)
    return max(low, b.low) < min(high, b.high)


_HEDGED = "nearly"  # the qualifier that approaches its number from below, and may reach it


def _per(q: Quantity, period: str) -> tuple[float, float]:
    """The interval of a rate over ``period`` (a rate per month read per year); unchanged
    when either is no length of time."""
    mine, theirs = num.UNITS.get(q.per), num.UNITS.get(period)
    if q.per == period or not mine or not theirs or mine[0] != "duration:s" or theirs[0] != "duration:s":
        return q.low, q.high
    return q.low * theirs[1] / mine[1], q.high * theirs[1] / mine[1]


def _number(value: float, unit: str) -> str:
    """Plain digits, no exponent; money and counts in millions and up get a scale word."""
    if unit == "count" or unit.startswith("currency:"):
        for size, name in num.SCALE_NAMES:
            if abs(value) >= size:
                return f"{_digits(value / size, 6)} {name}"
    return _digits(value, 6 if ":" not in unit or unit.startswith("currency:") else 5)


def _digits(value: float, significant: int) -> str:
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = format(Decimal(f"{value:.{significant}g}"), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def describe(q: Quantity) -> str:
    """Short normalised form: "about 15 %", "CNY 4.3 billion", "more than 200", "8046.7 m",
    "USD 11450 per month", "tally 7-2", "rank 23"."""
    if q.unit == "tally":
        return "tally " + "-".join(_digits(x, 6) for x in q.parts)
    if q.unit == "rank":
        return f"rank {_digits(q.value, 6)}"
    if q.qualifier == "between":
        amount = f"{_number(q.low, q.unit)} to {_number(q.high, q.unit)}"
    else:
        amount = _number(q.value, q.unit)
    kind, _, base = q.unit.partition(":")
    label = {
        "percent": f"{amount} %",
        "percentage-point": f"{amount} pp",
        "count": amount,
        "currency": f"{base} {amount}",
    }.get(kind, f"{amount} {base}")
    label = f"{label} per {q.per}" if q.per else label
    return f"{q.qualifier} {label}" if q.qualifier and q.qualifier != "between" else label
