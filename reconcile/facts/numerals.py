"""One number as written and what is glued to it: digits or words, scale, unit, currency.

A number is read with its rounding ("200" may be 150 to 250) and with what it is:
an amount, a rank ("No. 23", "23rd", "second seed"), a fraction ("a fifth of",
"half a million") or an age ("Ruth Okonkwo, 71,"). Numbers that name something
(years, "Boeing 737", telephone numbers, street numbers, ZIP codes) and clock
times are not read at all: years and times are facts/dates.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from reconcile.data import numbers as num


def alternation(words: Iterable[str]) -> str:
    """Longest first so "per cent" wins over "per", any white space inside phrases."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


_ONES = alternation(num.ONES)
_SMALL = (
    rf"(?:(?:{alternation(num.TENS)})\b(?:[-\s](?:{_ONES})\b)?"
    rf"|(?:{alternation(num.TEENS)})\b|(?:{_ONES})\b)"
)
_SCALE_WORDS = alternation(num.SCALES)
_ARTICLE_UNITS = alternation(num.ARTICLE_UNITS)
_WORDS = (
    rf"\b(?:(?:a|{_SMALL})\s+(?:{alternation(num.MULTIPLIERS)})\b(?:\s+(?:and\s+)?{_SMALL})?"
    rf"|{_SMALL}|an?(?=\s+(?:{_SCALE_WORDS}|{_ARTICLE_UNITS})\b))"
)
_FRACTION = rf"\b(?:(?:an?|{_SMALL})[\s-]+)?(?:{alternation(num.FRACTIONS)})\b"
_ORDINAL = rf"(?:(?:{alternation(num.TENS)})-)?(?:{alternation(num.ORDINALS)})\b"
_INITIALS = "".join(sorted({w[0] for w in (*num.ONES, *num.TEENS, *num.TENS, *num.ORDINALS, *num.FRACTIONS, "a")}))
_WORD_START = rf"\b(?=[{_INITIALS}{_INITIALS.upper()}])"  # the number words start with one of these
_DIGITS_START = "(?:(?<![\\w.,/:])" + "".join(  # a letter may come before digits only in "$US1"
    f"|(?<={re.escape(p)})" for p in num.CURRENCY_PREFIXES if p[0] == "$" and p[-1].isalpha()
) + ")"
_NUMBER = re.compile(  # ordinals before digits ("23rd") and before fractions ("third"), then number words
    rf"(?=[\d.{_INITIALS}{_INITIALS.upper()}])"  # one cheap test at each character before the alternatives
    rf"(?:(?P<ordinal>(?<![\w.,/:])\d+(?:st|nd|rd|th)\b)"
    rf"|{_DIGITS_START}(?P<digits>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|\.\d+)"
    rf"|{_WORD_START}(?i:(?P<ordinal_word>{_ORDINAL})|(?P<fraction>{_FRACTION})|(?P<words>{_WORDS})))"
)
_SCALE = re.compile(rf"(?:\s*|-)(?i:(?P<scale>{_SCALE_WORDS}))(?![A-Za-z])")
_CURRENCY_SCALE = re.compile(rf"\s?(?P<scale>{alternation(num.CURRENCY_SCALES)})(?![A-Za-z])")
_GAP = r"(?:\s*-\s*|\s*)"
_PERCENT = re.compile(rf"{_GAP}(?i:(?P<pct>{alternation(num.PERCENT)}))(?![A-Za-z])")
_CURRENCY_AFTER = re.compile(
    rf"{_GAP}(?P<cur>{alternation(num.CURRENCY_CODES)}|(?i:{alternation(num.CURRENCY_WORDS)}))(?![A-Za-z])"
)
_UNIT = re.compile(rf"{_GAP}(?P<unit>{alternation(num.UNITS)})(?![A-Za-z0-9²])")
_CURRENCY_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:{alternation([*num.CURRENCY_PREFIXES, *num.CURRENCY_CODES])})\s?$"
)
_CLOCK = re.compile(r"\s*(?:[ap]\.?m\.?|o['’]clock)(?![A-Za-z])", re.I)
_OF_ONE = re.compile(r"\s+(?:of\s+)?(?:an?|one)\s+")
_OF = re.compile(r"\s+of\b")
_BEFORE = re.compile(r"(?<!\S)(\S+)\s+$")  # anchored: no retry at every start
_AFTER = re.compile(r"[\s-]*(['’]s|[A-Za-z]+)")
_TITLE_AFTER = re.compile(r" [A-Z][a-z]+\b")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“(]\s*)$")
_NAME_AND_COMMA = re.compile(rf"[A-Z][\w'’.-]*,\s*(?:(?:{alternation(num.AGE_APPOSITION)})\s+)?$")
_AGE_END = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$)")
_NOT_QUANTITIES = re.compile("|".join(f"(?:{p})" for p in num.NOT_QUANTITIES))
_DIGIT = re.compile(r"\d")
_SEASON = re.compile(r"(?<!\d)\d{4}[-–/]$")


@dataclass(frozen=True)
class Atom:
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
    glued: bool = False  # the unit is joined by a hyphen: "a four-day week" describes a week

    def base(self, x: float) -> float:
        return x * self.scale * self.factor + self.shift

    @property
    def bare(self) -> bool:
        return not self.unit and self.scale == 1.0


def read_atoms(text: str, dated: Sequence[tuple[int, int]]) -> list[Atom]:
    """The numbers of ``text`` outside ``dated`` spans and outside names, in order."""
    blocked = [*dated, *(m.span() for m in _NOT_QUANTITIES.finditer(text))] if _DIGIT.search(text) else dated
    found: list[Atom] = []
    for m in _NUMBER.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in blocked) or (found and m.start() < found[-1].end):
            continue
        a = _atom(text, m)
        if a is not None and not _is_name(text, a):
            found.append(_role(text, a) if a.bare else a)
    return found


def word_value(words: str) -> int:
    total = 0
    for token in re.split(r"[\s-]+", words.lower()):
        if token in ("a", "an"):
            total = 1
        elif token in num.MULTIPLIERS:
            total = (total or 1) * num.MULTIPLIERS[token]
        elif token != "and":
            total += num.ONES.get(token) or num.TEENS.get(token) or num.TENS.get(token, 0)
    return total


def half_step(digits: str, value: float, percent: bool) -> float:
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
    if symbol == "$" and any(w in text for w in num.US_DOLLAR_MARKS):
        code = num.LOCAL_DOLLAR
    return m.start(), f"currency:{code}"


def _atom(text: str, m: re.Match[str]) -> Atom | None:
    """Read one number and what is glued to it; None for look-alikes (G7, 1990s, 3 p.m.)."""
    start, end = m.span()
    digits, words = m.group("digits"), m.group("words")
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return None  # COVID-19, F-35, one-on-one
    if digits and len(digits) == 2 and _SEASON.search(text, max(0, start - 5), start):
        return None  # the 08 of "the 2007-08 season"
    if m.group("fraction"):
        return _fraction(text, m) or _ordinal(text, m)
    if m.group("ordinal") or m.group("ordinal_word"):
        return _ordinal(text, m)
    if digits:
        if re.match(r"[A-Za-z0-9]|[./:]\d", text[end:]) and not (
            _SCALE.match(text, end) or _PERCENT.match(text, end) or _UNIT.match(text, end)
            or _CURRENCY_SCALE.match(text, end)
        ):
            return None  # 1990s, 5G, 3.5.1, 9/11, 10:30
        value = float(digits.replace(",", ""))
    else:
        value = float(word_value(words))
        if words.lower() == "one" and _is_pronoun(text, start, end):
            return None
        if words.lower() in ("a", "an") and not _a_length_of_time(text, start, end):
            return None
    if _CLOCK.match(text, end):
        return None
    sign_start, currency = _prefix_currency(text, start)
    sign = 1.0
    if sign_start == start and start and text[start - 1] in "-−" and (start < 2 or not text[start - 2].isalnum()):
        sign, sign_start = -1.0, start - 1
    stop, scale, unit, factor, shift = _suffix(text, end, currency)
    plain = digits or str(int(value))
    return Atom(
        start=sign_start,
        end=stop if unit or scale != 1.0 else end,
        number=sign * value,
        half=half_step(plain, value, unit.startswith("percent")),
        scale=scale,
        unit=unit,
        factor=factor,
        shift=shift,
        year_like=bool(digits) and digits.isdigit() and len(digits) == 4 and 1000 <= value <= 2199,
        word=words or "",
        glued=bool(unit) and not currency and text[end:stop].lstrip(" ").startswith("-"),
    )


def _a_length_of_time(text: str, start: int, end: int) -> bool:
    """"for a week", "more than a decade": one unit; not "$85 a year" nor "a year earlier"."""
    if _SCALE.match(text, end):
        return True
    return _previous(text, start).lower() in num.ARTICLE_UNIT_BEFORE


def _fraction(text: str, m: re.Match[str]) -> Atom | None:
    """"a fifth of the staff" is 20 %; "half a million" 500,000; "two-thirds of an hour" 40 minutes."""
    start, end = m.span()
    *numerator, word = re.split(r"[\s-]+", m.group("fraction").lower())
    share = num.FRACTIONS[word] * (word_value(" ".join(numerator)) if numerator else 1)
    if word in ("half", "halves") and not numerator and _previous(text, start).lower() in num.NOT_A_HALF_AFTER:
        return None
    whole = _OF_ONE.match(text, end)
    stop, scale, unit, factor, shift = _suffix(text, whole.end(), "") if whole else (end, 1.0, "", 1.0, 0.0)
    if unit or scale != 1.0:  # "half a million", "two-thirds of an hour"
        value = share * scale
        return Atom(start, stop, value, value * num.FRACTION_RELATIVE, 1.0, unit or "", factor, shift)
    if not _OF.match(text, end):
        return None
    value = 100 * share
    half = min(num.FRACTION_PP, value * num.FRACTION_RELATIVE)
    return Atom(start, end, value, half, unit="percent")


def _ordinal(text: str, m: re.Match[str]) -> Atom | None:
    """"23rd", "second", "twenty-third": a rank, unless a century ("the 21st century") or
    part of a name ("27th Street", "the 67th Precinct")."""
    start, end = m.span()
    written = m.group(0).lower()
    *tens, word = re.split(r"[\s-]+", written)
    if tens and tens[0] in ("a", "an"):
        start, tens = start + len(tens[0]) + 1, []
    if word not in num.ORDINALS and not word[:1].isdigit():
        return None
    if _next_word(text, end) in num.ORDINAL_DATES or _TITLE_AFTER.match(text, end):
        return None
    if word[:1].isdigit():
        value = float(re.sub(r"\D", "", word))
    else:
        value = float(num.ORDINALS[word] + sum(num.TENS.get(t, 0) for t in tens))
    return Atom(start, end, value, 0.5, unit="rank", word=m.group(0))


def _role(text: str, a: Atom) -> Atom:
    """A bare whole number that is no count: "No. 23" is a rank; "Ruth Okonkwo, 71," and
    "aged 71" an age."""
    if a.number != int(a.number) or a.number <= 0:
        return a
    before = _previous(text, a.start)
    if before in num.RANK_BEFORE:
        return replace(a, unit="rank")
    named = _NAME_AND_COMMA.search(text, max(0, a.start - 40), a.start) and _AGE_END.match(text, a.end)
    if a.number <= num.MAX_AGE and (named or before.lower() in num.AGE_BEFORE):
        return replace(a, unit="age:year")
    return a


def _is_pronoun(text: str, start: int, end: int) -> bool:
    """"one of the most", "no one", "one day": the word one counting nothing."""
    return _next_word(text, end) in num.ONE_IDIOM_NEXT or _previous(text, start).lower() in num.ONE_IDIOM_PREVIOUS


def _is_name(text: str, a: Atom) -> bool:
    """Numbers that count nothing: years, "Group of Seven", "Article 5", "AK 47"."""
    if a.word and a.word[0].isupper() and not _SENTENCE_OPENING.search(text, 0, a.start):
        return True  # a capitalised number word inside a sentence is part of a name
    before = _previous(text, a.start)
    return a.bare and (a.year_like or before in num.NAME_BEFORE_NUMBER or _abbreviation(before))


def _abbreviation(word: str) -> bool:
    """A short capitalised abbreviation naming what follows: "AK 47", "AM 830"."""
    core = word.rstrip("-")
    return 2 <= len(core) <= 4 and core.isalpha() and core.isupper()


def _previous(text: str, at: int) -> str:
    m = _BEFORE.search(text, 0, at)
    return m.group(1) if m else ""


def previous_word(text: str, at: int) -> str:
    """The word before ``at`` in lower case, punctuation kept ("between", "vote,")."""
    return _previous(text, at).lower()


def opener(text: str, at: int) -> int:
    """Where the word before ``at`` starts ("between" of "between 10 and 20")."""
    m = _BEFORE.search(text, 0, at)
    return m.start(1) if m else at


def _next_word(text: str, at: int) -> str:
    m = _AFTER.match(text, at)
    return m.group(1).lower() if m else ""
