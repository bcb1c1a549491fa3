"""The forms a date takes in running text, and what each states before any
reference date is applied ("Nov. 1": a month and a day; "the third quarter": a
quarter of no stated year; "a year earlier": a shift of the date before it)."""

from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass

from reconcile.data import calendar as cal
from reconcile.data import numbers as num


def _names(words: Iterable[str]) -> str:
    """Capitalised and upper-case forms only: lower-case "may" and "march" are verbs."""
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def phrases(words: Iterable[str]) -> str:
    """Alternation, longest first, any white space between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


_MONTH = rf"(?P<mon>{_names([*cal.MONTHS, *cal.MONTH_ABBREVIATIONS])})(?![a-z])\.?"
_MONTH_FULL = rf"(?P<mon>{_names(cal.MONTHS)})(?![a-z])"
_WEEKDAY_LEAD = rf"(?:(?P<wd>{_names([*cal.WEEKDAYS, *cal.WEEKDAY_ABBREVIATIONS])})(?![a-z])\.?,?\s+)?"
_MOD = rf"(?:(?P<mod>(?i:{phrases(cal.STRICT_MODIFIERS)}|this))\s+)?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>[12]\d{3})"
COUNT_WORDS = {**num.ONES, **num.TEENS, **num.TENS, "a": 1, "an": 1}
_COUNT = rf"(?P<n>\d{{1,3}}|{phrases(COUNT_WORDS)})"
_ORDINAL = rf"(?P<ord>{phrases([*cal.PERIOD_ORDINALS, *cal.FINAL])})"
_PERIOD = rf"(?P<unit>{phrases(cal.PERIODS)})"
_FISCAL = r"(?:fiscal\s+)?"

_DIGITS = tuple("0123456789")
_ANY_MONTH = (*cal.MONTHS, *cal.MONTH_ABBREVIATIONS)
_VAGUE = {**{w: -1 for w in cal.VAGUE_PAST}, **{w: 1 for w in cal.VAGUE_FUTURE}, **{w: 0 for w in cal.PRESENT}}
FORMS: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = (
    # kind, pattern, and what it cannot match without: lower-case substrings, one of each group
    ("date", rf"{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)", (_DIGITS,)),
    ("date", rf"(?P<m>1[0-2]|0?[1-9])/(?P<d>[0-3]?\d)/{_YEAR}", (("/",),)),
    ("date", rf"{_WEEKDAY_LEAD}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", (_ANY_MONTH, _DIGITS)),
    ("date", rf"{_WEEKDAY_LEAD}(?:(?i:the)\s+)?{_DAY}\s+(?:(?i:of)\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
     (_ANY_MONTH, _DIGITS)),
    ("month", rf"{_MONTH},?\s+{_YEAR}", (_ANY_MONTH, _DIGITS)),
    ("month", rf"(?:(?P<part>(?i:early|mid|late))[-\s]+)?{_MOD}{_MONTH_FULL}", (tuple(cal.MONTHS),)),
    ("period", (rf"(?i:(?:the\s+)?{_FISCAL}(?:{_YEAR}\s+|(?P<rel>this|next|last)\s+year['’]s\s+)?{_FISCAL}"
                rf"{_ORDINAL}(?:\s+|-){_FISCAL}{_PERIOD}(?:\s+(?:of\s+)?{_FISCAL}(?P<y2>[12]\d{{3}}))?)"),
     (tuple(cal.PERIODS),)),
    ("period", r"(?P<q>Q[1-4])(?:\s+(?P<y>[12]\d{3}))?", (("q1", "q2", "q3", "q4"),)),
    ("latest", rf"(?i:{phrases(cal.LATEST_PERIOD)})", (("quarter", "period"),)),
    ("year ago", (rf"(?i:(?:the\s+)?(?:(?:{phrases(cal.SAME_PERIOD)})\s+)?(?:{phrases(cal.YEAR_AGO_BEFORE)})\s+"
                  rf"(?:{_ORDINAL}\s+)?(?:{phrases(cal.YEAR_AGO_NOUNS)})"
                  rf"|(?:the\s+)?(?:(?:{phrases(cal.SAME_PERIOD)})\s+)?(?:{phrases(cal.YEAR_AGO_NOUNS)})\s+"
                  rf"(?:{phrases(cal.YEAR_AGO_AFTER)}))"), (("quarter", "period"), ("year",))),
    ("season", (rf"(?i:(?:(?P<part>early|mid|late)[-\s]+)?{_MOD}(?:the\s+)?(?P<season>{phrases(cal.SEASONS)})"
                rf"(?:\s+(?:of\s+)?{_YEAR})?)"), (tuple(cal.SEASONS),)),
    ("decade", rf"(?i:(?:(?:{phrases(cal.DECADE_WORDS)})[-\s]+)?(?:the\s+)?(?P<dec>1[89]\d0|20\d0)['’]?s)",
     (_DIGITS,)),
    ("year", rf"(?:(?P<part>(?i:mid|early|late))-)?{_YEAR}", (_DIGITS,)),
    ("week of", rf"(?i:the\s+week\s+of)\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", (("week of",),)),
    ("weekday", rf"{_MOD}(?P<wd>{_names(cal.WEEKDAYS)})(?![a-z])", (tuple(cal.WEEKDAYS),)),
    ("weekend", rf"(?i:{phrases(cal.WEEKEND)})", (("weekend",),)),
    ("relative", rf"(?P<rel>(?i:{phrases(cal.RELATIVE)}))", (tuple({p.split()[-1] for p in cal.RELATIVE}),)),
    ("vague", rf"(?P<rel>(?i:{phrases(_VAGUE)}))", (tuple(_VAGUE),)),
    ("ago", rf"(?i:{_COUNT}\s+(?P<unit>{phrases(cal.AGO_UNITS)})\s+ago)", (("ago",),)),
    ("anchored", (rf"(?i:{_COUNT}\s+(?P<unit>{phrases(cal.ANCHORED_UNITS)})\s+(?P<dir>earlier|later)"
                  r"|(?P<adj>year-(?:earlier|ago)))"), (("earlier", "later", "year-ago"),)),
)
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"(?<![\w$€£¥'’-])(?:{body})(?![\w%])")) for kind, body, _ in FORMS
)
TOKEN = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"\d")
_MARKS = {g for *_, gate in FORMS for group in gate for g in group if not TOKEN.search(g)}


def _first(phrase: str) -> str:
    """A gate's key: "" for any digit, the longest word of a phrase, else the mark itself ("/")."""
    return "" if phrase.isdigit() else max(TOKEN.findall(phrase), key=len, default=phrase)


def gate_words(text: str) -> set[str]:
    """The keys a sentence opens gates with: its words, "" for a digit, its marks."""
    words = set(TOKEN.findall(text.lower()))
    words.update(c for c in _MARKS if c in text)
    if _DIGIT.search(text):
        words.add("")
    return words


GATES: tuple[tuple[frozenset[str], ...], ...] = tuple(
    tuple(frozenset(map(_first, group)) for group in gate) for *_, gate in FORMS
)
"""What each pattern cannot match without, one word of each group: most sentences
hold no month, weekday or "ago", and looking words up in the sentence's set of
words is far cheaper than a pattern that may start anywhere."""


@dataclass(frozen=True)
class Reading:
    """What the words state, before any reference date is applied."""

    kind: str
    year: int | None = None
    month: int | None = None  # a quarter's, half's or season's first month too
    day: int | None = None
    weekday: int | None = None
    phrase: str = ""  # the wording, lower case, single spaces
    count: int = 0  # "two days ago", "a year earlier" (negative: earlier)
    unit: str = ""  # "quarter", "half", "day"... of a period or a shift
    forced: bool | None = None  # direction forced by "last"/"next"
    year_shift: int | None = None  # "next year's first quarter": 1
    sign: int = 0  # of a vague time: -1 past ("recently"), 0 present ("now"), 1 future ("soon")


def _count(n: str) -> int:
    return int(n) if n.isdigit() else COUNT_WORDS[n.lower()]


def _month(g: dict[str, str | None]) -> int:
    if g.get("m"):
        return int(g["m"])  # type: ignore[arg-type]
    name = (g.get("mon") or "").lower()
    return cal.MONTHS.get(name) or cal.MONTH_ABBREVIATIONS[name]


def read(kind: str, m: re.Match[str]) -> Reading | None:
    """What one match states; None when it names no real day ("Feb. 30")."""
    g = m.groupdict()
    phrase = _key(m.group(0))
    forced = cal.STRICT_MODIFIERS.get(_key(g["mod"])) if g.get("mod") else None
    this = 0 if g.get("mod") and _key(g["mod"]) == "this" else None  # "this September": of this year
    year = int(g["y"]) if g.get("y") else None
    if kind in ("relative", "latest", "year ago", "weekend"):
        return Reading(kind, phrase=_key(g.get("rel") or phrase))
    if kind == "vague":
        return Reading(kind, phrase=_key(g["rel"]), sign=_VAGUE[_key(g["rel"])])
    if kind == "ago":
        return Reading(kind, phrase=phrase, count=_count(g["n"]), unit=cal.AGO_UNITS[g["unit"].lower()])
    if kind == "anchored":
        if g.get("adj"):
            return Reading(kind, phrase=phrase, count=-1, unit="year")
        sign = -1 if g["dir"].lower() == "earlier" else 1
        return Reading(kind, phrase=phrase, count=sign * _count(g["n"]), unit=cal.ANCHORED_UNITS[g["unit"].lower()])
    if kind == "weekday":
        return Reading(kind, weekday=cal.WEEKDAYS[g["wd"].lower()], forced=forced)
    if kind == "year":
        return Reading(kind, year=year)
    if kind == "week of":
        found = read("date", m)
        return Reading(kind, year=found.year, month=found.month, day=found.day) if found else None
    if kind == "decade":
        return Reading(kind, year=int(g["dec"]), phrase=phrase)
    if kind == "season":
        return Reading(kind, year=year, month=cal.SEASONS[g["season"].lower()], forced=forced, year_shift=this,
                       phrase=phrase)
    if kind == "period":
        return _period(g, phrase)
    month = _month(g)
    if kind == "month":
        return Reading(kind, year=year, month=month, forced=forced, year_shift=this)
    day = int(g["d"])
    if not 1 <= month <= 12 or not 1 <= day <= _calendar.monthrange(year or 2000, month)[1]:
        return None
    wd = g.get("wd")
    weekday = None if not wd else cal.WEEKDAYS.get(wd.lower(), cal.WEEKDAY_ABBREVIATIONS.get(wd.lower()))
    return Reading(kind, year=year, month=month, day=day, weekday=weekday)


def _period(g: dict[str, str | None], phrase: str) -> Reading | None:
    if g.get("q"):
        unit, n = "quarter", int(g["q"][1])  # type: ignore[index]
    else:
        unit, ordinal = (g["unit"] or "").lower(), (g["ord"] or "").lower()
        n = cal.PERIOD_ORDINALS.get(ordinal) or 12 // cal.PERIODS[unit]  # "last": the final one
    year = g.get("y") or g.get("y2")
    shift = {"this": 0, "next": 1, "last": -1}.get((g.get("rel") or "").lower())
    first = (n - 1) * cal.PERIODS[unit] + 1
    if first > 12:
        return None
    return Reading("period", year=int(year) if year else None, month=first, unit=unit, year_shift=shift, phrase=phrase)


_WORD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[\s-]+(?:the\s+)?$")  # anchored: no retry at every start
_COUNTED = re.compile(rf"\s+(?:[a-z]*[^s\W]s|{phrases(cal.COUNTED_NOUNS)})\b")
_GAME = re.compile(rf"(?i)(?<![\w-])(?:{phrases(cal.GAME_WORDS)})(?![\w-])")
_NOT_VAGUE = re.compile(rf"(?i)(?<![\w-])(?:{phrases(cal.NOT_VAGUE)})(?![\w-])")


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def _bare_word_before(text: str, start: int) -> str:
    """The word right before, "the" included."""
    words = text[max(0, start - 30) : start].split()
    return words[-1].lower() if words else ""


def admissible(kind: str, m: re.Match[str], text: str) -> bool:
    """Keep the readings that are dates in running text, not look-alikes.

    A bare year needs a preposition ("in 2023") or "a" ("a 1997 outbreak"), or a
    determiner and a singular word after it ("the 1996 Olympic bombing", not "the
    2000 employees"); "May" alone always needs a preposition (the modal verb);
    another month alone followed by a capitalised word needs "in", "since"...
    ("June Carter" is a name); a season needs one too ("in the fall", not "a fall
    in prices"); a quarter or half in a sentence about a game is the game's.
    """
    g = m.groupdict()
    if kind == "year":
        before = _bare_word_before(text, m.start())
        if g.get("part") or before in cal.YEAR_CERTAIN:
            return True
        if _COUNTED.match(text, m.end()):
            return False
        determiner = before in cal.YEAR_DETERMINERS or before.endswith(("'s", "’s"))
        listed = re.fullmatch(r"[12]\d{3},", before) is not None  # "in 1994, 1995 and 1997"
        return listed or before in cal.DATE_PREPOSITIONS or before in cal.YEAR_ARTICLES or (
            determiner and re.match(r"\s+[\w’']+", text[m.end():]) is not None
        )
    if kind == "month" and g.get("mon") and not g.get("y"):
        led = bool(g.get("part") or g.get("mod")) or _word_before(text, m.start()) in cal.DATE_PREPOSITIONS
        if g["mon"].lower() in cal.MONTHS_NEEDING_PREPOSITION:
            return led
        if re.match(r"\s+[A-Z]", text[m.end() :]):
            return bool(g.get("part") or g.get("mod")) or _word_before(text, m.start()) in cal.MONTH_PREPOSITIONS
        return True
    if kind == "season":
        led = bool(g.get("part") or g.get("mod") or g.get("y"))
        led = led or _word_before(text, m.start()) in cal.SEASON_PREPOSITIONS
        return led and not re.match(r"\s+of\b", text[m.end() :])
    if kind in ("period", "latest", "year ago"):
        if _GAME.search(text):
            return False
        if kind == "period" and g.get("unit"):
            stated = bool(g.get("y") or g.get("y2") or g.get("rel"))
            half = g["unit"].lower() == "half" and "-" not in m.group(0)
            return stated or not (half or (g.get("ord") or "").lower() in cal.FINAL)
        return True
    if kind == "vague":
        return not any(n.start() <= m.start() < n.end() for n in _NOT_VAGUE.finditer(text))
    return True
