"""Quantities in running text: percentages, money, counts and measures.

A number as written stands for a range, not a point: "15%" is whatever rounds
to 15, "about 15%" a little more either way, "more than 200" everything above
200. Two mentions agree when their ranges meet, so "14.8%" and "nearly 15%"
agree while "15%" and "20%" do not. Values are kept in one base unit per
dimension (metres, kilograms, seconds, the currency's own units) so "5 miles"
and "8 km" meet too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from reconcile.data import numbers as num
from reconcile.facts.dates import find_dates
from reconcile.model import Quantity


def _alternation(words: Iterable[str]) -> str:
    """Longest first so "per cent" wins over "per", any white space inside phrases."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


_ONES = _alternation(num.ONES)
_SMALL = (
    rf"(?:(?:{_alternation(num.TENS)})\b(?:[-\s](?:{_ONES})\b)?"
    rf"|(?:{_alternation(num.TEENS)})\b|(?:{_ONES})\b)"
)
_SCALE_WORDS = _alternation(num.SCALES)
_WORDS = (
    rf"\b(?:(?:a|{_SMALL})\s+(?:{_alternation(num.MULTIPLIERS)})\b(?:\s+(?:and\s+)?{_SMALL})?"
    rf"|{_SMALL}|a(?=\s+(?:{_SCALE_WORDS})\b))"
)
_NUMBER = re.compile(
    rf"(?<![\w.,/:])(?P<digits>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|\.\d+)|(?i:(?P<words>{_WORDS}))"
)
_SCALE = re.compile(rf"(?:\s*|-)(?i:(?P<scale>{_SCALE_WORDS}))(?![A-Za-z])")
_CURRENCY_SCALE = re.compile(rf"\s?(?P<scale>{_alternation(num.CURRENCY_SCALES)})(?![A-Za-z])")
_GAP = r"(?:\s*-\s*|\s*)"
_PERCENT = re.compile(rf"{_GAP}(?i:(?P<pct>{_alternation(num.PERCENT)}))(?![A-Za-z])")
_CURRENCY_AFTER = re.compile(
    rf"{_GAP}(?P<cur>{_alternation(num.CURRENCY_CODES)}|(?i:{_alternation(num.CURRENCY_WORDS)}))(?![A-Za-z])"
)
_UNIT = re.compile(rf"{_GAP}(?P<unit>{_alternation(num.UNITS)})(?![A-Za-z0-9²])")
_CURRENCY_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:{_alternation([*num.CURRENCY_PREFIXES, *num.CURRENCY_CODES])})\s?$"
)
_QUALIFIER = re.compile(rf"(?i:(?<!\w)(?P<q>{_alternation(num.QUALIFIERS)}))\s*$")
_CLOCK = re.compile(r"\s*(?:[ap]\.?m\.?|o['’]clock)(?![A-Za-z])", re.I)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to)\s*")
_BEFORE = re.compile(r"(?<!\S)(\S+)\s+$")  # anchored: no retry at every start
_AFTER = re.compile(r"[\s-]*(['’]s|[A-Za-z]+)")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“(]\s*)$")


@dataclass(frozen=True)
class _Atom:
    """One number with what is attached to it, before qualifiers and ranges."""

    start: int
    end: int
    number: float  # as written, sign applied
    half: float  # half the rounding step of the written number
    scale: float = 1.0
    unit: str = ""  # "" while nothing but the number was found
    factor: float = 1.0  # to the base unit: base = number * scale * factor + shift
    shift: float = 0.0
    year_like: bool = False
    word: str = ""  # the number word, when written in words

    def base(self, x: float) -> float:
        return x * self.scale * self.factor + self.shift

    @property
    def bare(self) -> bool:
        return not self.unit and self.scale == 1.0


def _word_value(words: str) -> int:
    total = 0
    for token in re.split(r"[\s-]+", words.lower()):
        if token == "a":
            total = 1
        elif token in num.MULTIPLIERS:
            total = (total or 1) * num.MULTIPLIERS[token]
        elif token != "and":
            total += num.ONES.get(token) or num.TEENS.get(token) or num.TENS.get(token, 0)
    return total


def _half(digits: str, value: float, percent: bool) -> float:
    """Half the step the number may have been rounded to.

    Decimals give their own precision ("14.8" -> 0.05). A round whole number of
    100 or more may be rounded to its last non-zero digit ("200" -> 50); small
    ones and percentages are taken as exact to the unit ("20%" is not "15%").
    """
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1])
    whole = int(value)
    if percent or whole < 100:
        return 0.5
    zeros = len(str(whole)) - len(str(whole).rstrip("0"))
    return 0.5 * 10**zeros


def _suffix(text: str, at: int, currency: str) -> tuple[int, float, str, float, float]:
    """Scale and unit after a number: (end, scale, unit, factor, shift)."""
    scale = 1.0
    m = _SCALE.match(text, at) or (_CURRENCY_SCALE.match(text, at) if currency else None)
    if m:
        word = m.group("scale")
        scale = num.SCALES.get(word.lower()) or num.CURRENCY_SCALES[word]
        at = m.end()
    if currency:
        return at, scale, currency, 1.0, 0.0
    m = _PERCENT.match(text, at)
    if m:
        return m.end(), scale, num.PERCENT[" ".join(m.group("pct").lower().split())], 1.0, 0.0
    m = _CURRENCY_AFTER.match(text, at)
    if m:
        word = " ".join(m.group("cur").split())
        code = num.CURRENCY_CODES.get(word) or num.CURRENCY_WORDS.get(word.lower())
        if code and (scale != 1.0 or word.lower() not in num.CURRENCY_WORDS_NEEDING_SCALE):
            return m.end(), scale, f"currency:{code}", 1.0, 0.0
    m = _UNIT.match(text, at)
    if m:
        dimension, factor, shift = num.UNITS[" ".join(m.group("unit").split())]
        return m.end(), scale, dimension, factor, shift
    return at, scale, "", 1.0, 0.0


def _prefix_currency(text: str, start: int) -> tuple[int, str]:
    m = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    if not m:
        return start, ""
    symbol = m.group(0).strip()
    code = num.CURRENCY_PREFIXES.get(symbol) or num.CURRENCY_CODES[symbol]
    if symbol == "¥" and any(w in text.lower() for w in num.YUAN_CONTEXT):
        code = "CNY"
    return m.start(), f"currency:{code}"


def _atom(text: str, m: re.Match[str]) -> _Atom | None:
    """Read one number and what is glued to it; None for look-alikes (G7, 21st, 3 p.m.)."""
    start, end = m.span()
    digits, words = m.group("digits"), m.group("words")
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return None  # COVID-19, F-35, one-on-one
    if digits:
        if re.match(r"[A-Za-z0-9]|[./:]\d", text[end:]) and not (
            _SCALE.match(text, end) or _PERCENT.match(text, end) or _UNIT.match(text, end)
            or _CURRENCY_SCALE.match(text, end)
        ):
            return None  # 21st, 1990s, 5G, 3.5.1, 9/11, 10:30
        value = float(digits.replace(",", ""))
    else:
        value = float(_word_value(words))
        if words.lower() == "one" and _is_pronoun(text, start, end):
            return None
    if _CLOCK.match(text, end):
        return None
    sign_start, currency = _prefix_currency(text, start)
    sign = 1.0
    if sign_start == start and start and text[start - 1] in "-−" and (start < 2 or not text[start - 2].isalnum()):
        sign, sign_start = -1.0, start - 1
    stop, scale, unit, factor, shift = _suffix(text, end, currency)
    plain = digits or str(int(value))
    return _Atom(
        start=sign_start,
        end=stop if unit or scale != 1.0 else end,
        number=sign * value,
        half=_half(plain, value, unit.startswith("percent")),
        scale=scale,
        unit=unit,
        factor=factor,
        shift=shift,
        year_like=bool(digits) and digits.isdigit() and len(digits) == 4 and 1000 <= value <= 2199,
        word=words or "",
    )


def _is_pronoun(text: str, start: int, end: int) -> bool:
    """"one of the most", "no one", "one day": the word one counting nothing."""
    return _next_word(text, end) in num.ONE_IDIOM_NEXT or _previous(text, start).lower() in num.ONE_IDIOM_PREVIOUS


def _is_name(text: str, a: _Atom) -> bool:
    """Numbers that count nothing: years, "Group of Seven", "Article 5"."""
    if a.word and a.word[0].isupper() and not _SENTENCE_OPENING.search(text, 0, a.start):
        return True  # a capitalised number word inside a sentence is part of a name
    return a.bare and (a.year_like or _previous(text, a.start) in num.NAME_BEFORE_NUMBER)


def _previous(text: str, at: int) -> str:
    m = _BEFORE.search(text, 0, at)
    return m.group(1) if m else ""


def _next_word(text: str, at: int) -> str:
    m = _AFTER.match(text, at)
    return m.group(1).lower() if m else ""


def _range(text: str, a: _Atom, b: _Atom) -> tuple[_Atom, _Atom] | None:
    """"10-20%", "$5-6 billion", "between 10 and 20": both ends share unit and scale."""
    gap = text[a.end : b.start]
    word = _previous(text, a.start).lower()
    if not (_RANGE_GAP.fullmatch(gap) and word != "from") and not (word == "between" and gap.strip() == "and"):
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    unit = a if a.unit else b
    scale = a.scale if a.scale != 1.0 else b.scale
    a, b = (replace(x, unit=unit.unit, factor=unit.factor, shift=unit.shift, scale=scale) for x in (a, b))
    if a.base(a.number) >= b.base(b.number):
        return None
    return a, b


def _quantity(text: str, offset: int, first: _Atom, last: _Atom | None, tolerance: float) -> Quantity:
    """A single number (``last`` None) or a range from ``first`` to ``last``."""
    unit = first.unit or "count"
    start = first.start
    if last is not None:
        low, high = first.base(first.number), last.base(last.number)
        value, qualifier = (low + high) / 2, "between"
        opener = _BEFORE.search(text, 0, start)
        if opener and opener.group(1).lower() == "between":
            start = opener.start(1)
    else:
        last = first
        value = first.base(first.number)
        low, high = first.base(first.number - first.half), first.base(first.number + first.half)
        q = _QUALIFIER.search(text, max(0, start - 24), start)
        qualifier = num.QUALIFIERS[" ".join(q.group("q").lower().split())] if q else ""
        if q:
            start = q.start("q")
        low, high = _qualified(qualifier, value, low, high, tolerance, unit)
    return Quantity(offset + start, offset + last.end, text[start : last.end], value, unit, low, high, qualifier)


def _qualified(
    qualifier: str, value: float, low: float, high: float, tolerance: float, unit: str
) -> tuple[float, float]:
    """The interval a qualifier admits around a value already widened by rounding."""
    slack = abs(value) * tolerance
    floor = -math.inf if unit.startswith("temperature") else 0.0
    return {
        "": (low, high),
        "about": (min(low, value - slack), max(high, value + slack)),
        "nearly": (value - slack, value),
        "just over": (value, value + slack),
        "more than": (value, math.inf),
        "at least": (value, math.inf),
        "less than": (floor, value),
        "at most": (floor, value),
    }[qualifier]


def find_quantities(
    text: str,
    offset: int = 0,
    tolerance: float = 0.06,
    dated: Sequence[tuple[int, int]] | None = None,
) -> list[Quantity]:
    """Quantities of a sentence with the interval each admits, in document offsets.

    Date parts ("Nov. 1", "in 2023"), clock times, ordinals, years and numbers
    that are part of names ("G7", "Group of Seven") are left out.
    """
    if dated is None:  # callers that have found the dates already pass their spans in ``text``
        dated = [(d.start, d.end) for d in find_dates(text)]
    atoms = [
        a
        for m in _NUMBER.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in dated)
        for a in [_atom(text, m)]
        if a is not None
    ]
    found: list[Quantity] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        ends = _range(text, a, atoms[i + 1]) if i + 1 < len(atoms) else None
        if ends is not None:
            if not (ends[0].bare and a.year_like and atoms[i + 1].year_like):
                found.append(_quantity(text, offset, *ends, tolerance))
            i += 2
            continue
        if not _is_name(text, a):
            found.append(_quantity(text, offset, a, None, tolerance))
        i += 1
    return found


def compatible(a: Quantity, b: Quantity) -> bool:
    """Could both mentions state the same amount? Same unit and meeting intervals."""
    if a.unit != b.unit:
        return False
    return max(a.low, b.low) < min(a.high, b.high) or (a.low, a.high) == (b.low, b.high)


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
    """Short normalised form: "about 15 %", "CNY 4.3 billion", "more than 200", "8046.7 m"."""
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
    return f"{q.qualifier} {label}" if q.qualifier and q.qualifier != "between" else label
