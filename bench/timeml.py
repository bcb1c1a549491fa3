"""Date reading scored as TempEval-3 scores it, on TimeML files (TimeBank, AQUAINT).

Each file's ``<TEXT>`` is stripped of its tags (entities decoded), keeping where
each ``<TIMEX3>`` stands in the stripped text, and read by ``extract`` with the
file's document creation time (``<DCT>``) as publication date and as today. Gold
is the DATE and TIME timexes of the text (DURATION and SET are other tasks); a
date we read that overlaps a DURATION or SET timex is left out of both sides, so
the score is of reading dates, not of typing them.

- relaxed span: a reading and a timex overlap (one to one);
- strict span: same start and end;
- value: the pair overlaps and our value, written in TimeML's form, equals the gold
  one (week numbers padded on both sides: some gold files write "W6" for ISO "W06").
"""

from __future__ import annotations

import html
import os
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reconcile import Settings, Text, extract

SCORED_TYPES = ("DATE", "TIME")

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTRIBUTE = re.compile(r'([A-Za-z]+)="([^"]*)"')
_DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\".*?</DCT>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    value: str
    type: str = ""  # the gold timex type; "" for ours


@dataclass(frozen=True)
class TimeML:
    name: str
    dct: date
    text: str
    timexes: tuple[Span, ...]  # every TIMEX3 of the text, whatever its type


def strip(marked: str) -> tuple[str, list[Span]]:
    """The text without tags, entities decoded, and the TIMEX3 spans in it."""
    out: list[str] = []
    size = 0
    timexes: list[Span] = []
    opened: tuple[int, dict[str, str]] | None = None
    position = 0
    for m in _TAG.finditer(marked):
        piece = html.unescape(marked[position : m.start()])
        out.append(piece)
        size += len(piece)
        position = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            opened = (size, dict(_ATTRIBUTE.findall(m.group(3))))
        elif opened is not None:
            start, attributes = opened
            text = "".join(out)[start:size]
            timexes.append(Span(start, size, text, attributes.get("value", ""), attributes.get("type", "")))
            opened = None
    out.append(html.unescape(marked[position:]))
    return "".join(out), timexes


def parse(name: str, content: str) -> TimeML:
    dct = _DCT.search(content)
    body = _TEXT.search(content)
    if dct is None or body is None:
        raise ValueError(f"{name}: no <DCT> or no <TEXT>")
    text, timexes = strip(body.group(1))
    return TimeML(name, date.fromisoformat(dct.group(1)[:10]), text, tuple(timexes))


# --------------------------------------------------------------------------- our values in TimeML's form

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
"""The parts of a day, as TimeML writes them (``TMO``)."""
_PERIOD_CODES = {"quarter": ("Q", 3), "half": ("H", 6)}
_SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def _time(time: dict[str, Any] | None) -> str:
    """A time of day as TimeML's ``T`` part: a stated clock minute, else the part of the day."""
    if not time:
        return ""
    if time.get("clock") is not None:
        hour, minute = divmod(time["clock"] % 1440 if time["clock"] != 1440 else 1440, 60)
        return f"T{hour:02d}:{minute:02d}"
    return f"T{PARTS_OF_DAY[time['part']]}" if time.get("part") in PARTS_OF_DAY else ""


def timeml_value(value: dict[str, Any]) -> str:
    """A date we read (``extract``'s ``facts.dates[i].value``) as a TimeML value.

    Only what our value holds is written: a year, a month, a day, a quarter, half
    or season, a decade as this corpus writes it ("199X"), an ISO week from the
    first day of a week ("-WE" for a weekend), a time of day; "now" is
    ``PRESENT_REF``, a vague past ("recently") ``PAST_REF``, a vague future ``FUTURE_REF``.
    """
    granularity = value["granularity"]
    year = f"{value['year']:04d}" if value.get("year") is not None else "XXXX"
    time = _time(value.get("time"))
    if granularity == "day":
        return f"{year}-{value['month']:02d}-{value['day']:02d}{time}"
    if granularity == "time":
        return f"XXXX-XX-XX{time}"
    if granularity == "week" and value.get("earliest"):
        first = date.fromisoformat(value["earliest"])
        iso = first.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if first.weekday() == 5 else "")
    if granularity == "month":
        return f"{year}-{value['month']:02d}"
    if granularity in _PERIOD_CODES:
        letter, months = _PERIOD_CODES[granularity]
        return f"{year}-{letter}{(value['month'] - 1) // months + 1}"
    if granularity == "season":
        return f"{year}-{_SEASON_CODES[value['month']]}"
    if granularity == "year":
        return year
    if granularity == "decade":
        return f"{year[:3]}X"
    if granularity == "weekday" and value.get("weekday") is not None:
        return f"XXXX-WXX-{value['weekday'] + 1}{time}"
    if granularity == "present":
        return "PRESENT_REF"
    if granularity == "vague" and value.get("future"):
        return "FUTURE_REF"
    return "PAST_REF"


def read_dates(doc: TimeML) -> list[Span]:
    """Our date readings of one file, with TimeML values."""
    settings = Settings(reference_date=doc.dct, today=doc.dct)
    found = extract(Text(doc.name, doc.text), settings)
    return [Span(d["start"], d["end"], d["text"], timeml_value(d["value"]))
            for s in found["sentences"] for d in s["facts"]["dates"]]


# --------------------------------------------------------------------------- scoring


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def pairs(gold: Sequence[Span], ours: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one overlapping pairs, each gold timex taking the first free reading."""
    taken: set[int] = set()
    out = []
    for g in gold:
        k = next((k for k, o in enumerate(ours) if k not in taken and _overlap(g, o)), None)
        if k is not None:
            taken.add(k)
            out.append((g, ours[k]))
    return out


@dataclass(frozen=True)
class FileScore:
    """Counts of one file, which add over files."""

    name: str
    gold: int
    ours: int
    relaxed: int
    strict: int
    value: int
    errors: tuple[tuple[str, str, str], ...]  # (gold text, gold value, ours) of overlapping pairs
    missed: tuple[tuple[str, str], ...]  # (gold text, gold value) no reading overlaps
    spurious: tuple[str, ...]  # our readings overlapping no timex


_WEEK_NUMBER = re.compile(r"-W(\d)(?!\d)")


def canonical(value: str) -> str:
    """A TimeML value in one notation: ISO weeks have two digits ("2000-W6", as some
    gold files write it, is "2000-W06"). Only notation: no value changes meaning."""
    return _WEEK_NUMBER.sub(r"-W0\1", value)


def score(doc: TimeML, ours: Sequence[Span]) -> FileScore:
    gold = [t for t in doc.timexes if t.type in SCORED_TYPES]
    other = [t for t in doc.timexes if t.type not in SCORED_TYPES]
    ours = [o for o in ours if not any(_overlap(o, t) for t in other) or any(_overlap(o, g) for g in gold)]
    matched = pairs(gold, ours)
    hit_gold = {id(g) for g, _ in matched}
    hit_ours = {id(o) for _, o in matched}
    return FileScore(
        name=doc.name,
        gold=len(gold),
        ours=len(ours),
        relaxed=len(matched),
        strict=sum(g.start == o.start and g.end == o.end for g, o in matched),
        value=sum(canonical(g.value) == canonical(o.value) for g, o in matched),
        errors=tuple((g.text, g.value, o.value) for g, o in matched if canonical(g.value) != canonical(o.value)),
        missed=tuple((g.text, g.value) for g in gold if id(g) not in hit_gold),
        spurious=tuple(o.text for o in ours if id(o) not in hit_ours),
    )


def score_file(path: str | os.PathLike[str]) -> FileScore:
    doc = parse(Path(path).name, Path(path).read_text(encoding="utf-8"))
    return score(doc, read_dates(doc))


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def prf(hit_ours: int, ours: int, hit_gold: int, gold: int) -> PRF:
    p = hit_ours / ours if ours else 0.0
    r = hit_gold / gold if gold else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class CorpusScore:
    files: int
    gold: int
    ours: int
    relaxed: PRF
    strict: PRF
    value: PRF


def corpus_score(scores: Iterable[FileScore]) -> CorpusScore:
    scores = list(scores)
    gold, ours = sum(s.gold for s in scores), sum(s.ours for s in scores)
    relaxed, strict, value = (sum(getattr(s, f) for s in scores) for f in ("relaxed", "strict", "value"))
    return CorpusScore(len(scores), gold, ours, prf(relaxed, ours, relaxed, gold),
                       prf(strict, ours, strict, gold), prf(value, ours, value, gold))


def timeml_files(root: str | os.PathLike[str]) -> dict[str, list[Path]]:
    """The .tml files of each corpus folder (TimeBank, AQUAINT), by name."""
    return {d.name: sorted(d.glob("*.tml")) for d in sorted(Path(root).iterdir()) if d.is_dir() and any(d.glob("*.tml"))}


def timeml(root: str | os.PathLike[str], workers: int = 2) -> tuple[dict[str, list[FileScore]], float]:
    """Every corpus folder scored file by file, and the seconds it took."""
    started = time.perf_counter()
    corpora = timeml_files(root)
    paths = [p for files in corpora.values() for p in files]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            scores = list(pool.map(score_file, paths, chunksize=8))
    else:
        scores = [score_file(p) for p in paths]
    by_name = dict(zip(paths, scores))
    return {name: [by_name[p] for p in files] for name, files in corpora.items()}, time.perf_counter() - started


def shape(value: str) -> str:
    """A value with its digits hidden: errors of one kind count together."""
    return re.sub(r"\d", "9", value)


_WEEKDAY_WORD = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


_PERIOD = re.compile(r"\d{4}-(?:Q\d|H\d|SU|FA|WI|SP)")


def error_class(text: str, gold: str, ours: str) -> str:
    """Why a value differs, from the two values and the words: the classes a
    reader fix would address one at a time."""
    if re.search(r"-(?:Q\d|QX|H\d|SU|FA|WI|SP)$", gold) and not _PERIOD.fullmatch(ours):
        return "gold is a quarter, half or season: we give the year (anchored in another sentence)"
    if "X" in gold and not gold.endswith("_REF"):
        return "gold leaves parts unknown (WXX, XX): ours is precise"
    if "T" in gold and "T" not in ours:
        return "time or part of day (T09:00, TMO) not kept"
    if "T" in ours and "T" not in gold and not gold.endswith("_REF"):
        return "ours keeps a time or part of day the gold leaves out"
    if gold.split("T")[0] == ours.split("T")[0]:
        return "same day, another time or part of day (TEV for TNI)"
    gold_day, our_day = gold.split("T")[0], ours.split("T")[0]
    if _DAY.fullmatch(gold_day) and _DAY.fullmatch(our_day):
        days = abs((date.fromisoformat(our_day) - date.fromisoformat(gold_day)).days)
        if days in (365, 366):
            return "month and day put in the wrong year (past read for future or back)"
        if days == 7 and _WEEKDAY_WORD.search(text):
            return "weekday: last one read for next one (or back)"
        return "day differs otherwise"
    if re.fullmatch(r"\d{4}-\d\d", gold) and re.fullmatch(r"\d{4}-\d\d", ours) and gold[4:] == ours[4:]:
        return "month put in the wrong year (past read for future or back)"
    if _PERIOD.fullmatch(gold) and _PERIOD.fullmatch(ours):
        return "quarter, half or season: another one"
    return "granularity differs (a week for a month, a year for a day...)"


def error_classes(scores: Iterable[FileScore]) -> Counter:
    return Counter(error_class(*e) for s in scores for e in s.errors)


def frequent_errors(scores: Iterable[FileScore], most: int = 15) -> list[tuple[int, tuple[str, str, str], tuple[str, str, str]]]:
    """(count, (gold text, gold value shape, our shape), one example) of the commonest value errors."""
    counts: Counter = Counter()
    example: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for s in scores:
        for text, gold, ours in s.errors:
            key = (" ".join(text.lower().split()), shape(gold), shape(ours))
            counts[key] += 1
            example.setdefault(key, (text, gold, ours))
    return [(n, key, example[key]) for key, n in counts.most_common(most)]
