"""Disagreements: the sure conflicts of sentence pairs gathered into one finding
per disputed slot, each value with every sentence that states it.

A story a hundred outlets tell gives the same two values in thousands of
sentence pairs; an editor wants "7,000: 12 sources; 6,000: 48 sources" once.
Conflicts of one slot (the same counted noun, the date of one happening, a name
in one role) whose values connect are one disagreement; a sentence of another
pair that states one of its values in the same slot is one more voice on that
side. A disagreement whose sides each name another authority for their figure
is reported as attributed; one whose sides come from reports of different days,
the later giving the other figure, as an update.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reconcile.align.groups import Sets
from reconcile.data import events
from reconcile.data.numbers import RUNNING_TOTAL
from reconcile.facts import dates, entities, quantities
from reconcile.findings import evidence, short
from reconcile.judge.candidates import Candidate
from reconcile.judge.compare import Judge
from reconcile.judge.slots import Stated
from reconcile.model import ComparedFact, Evidence, Finding, Key, Kind, Side
from reconcile.rules import rule_for
from reconcile.text.tokens import normalise

_UNIT_WORDS = {"count": "number", "percent": "share", "percentage-point": "change", "currency": "amount",
               "length": "distance", "duration": "duration", "age": "age", "rank": "rank", "tally": "tally",
               "mass": "weight", "area": "area", "volume": "volume", "speed": "speed", "temperature": "temperature"}

_MEASURES = frozenset({"magnitude", "caliber", "calibre", "category", "grade", "level", "rating", "score",
                       "size", "index", "degree"})
"""Nouns a bare number measures rather than counts: the slot is the noun itself."""

_SHOWN = 3
"""Sides listed by their files in the reason; more sources are counted."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_RUNNING = re.compile("|".join(f"(?:{p})" for p in RUNNING_TOTAL), re.I)
_ATTRIBUTION = re.compile(
    r"\b(?:according to|said|says|estimated|estimates|reported|put|puts|measured|recorded)\b", re.I)


@dataclass(frozen=True)
class _Voice:
    """One sentence stating one value of a slot."""

    key: Key
    fact: Stated | None
    text: str  # the value as written
    value: str  # normalised
    spans: tuple[tuple[int, int], ...]  # document offsets to highlight


def disagreements(j: Judge, sure: Sequence[tuple[Candidate, float]]) -> list[Finding]:
    """One finding per disputed slot and set of connected values."""
    groups: dict[tuple[str, str], list[tuple[Candidate, float]]] = {}
    for c, p in sure:
        groups.setdefault(_slot_key(c, j.claims[c.link.a].sentence.text), []).append((c, p))
    _unnamed_into_named(j, groups)
    found = []
    for (kind, slot), members in groups.items():
        sets = Sets()
        for c, _ in members:
            a, b = _voices(j, c)
            sets.join((a.value,), (b.value,))
        for values in sets.members().values():
            part = [(c, p) for c, p in members if (_voices(j, c)[0].value,) in values]
            found.append(_finding(j, kind, slot, part))
    return found


def _unnamed_into_named(j: Judge, groups: dict[tuple[str, str], list[tuple[Candidate, float]]]) -> None:
    """Amounts that name nothing they count ("357 revolver") join the dispute over
    the same values that does name it ("38-caliber revolver" / "357 caliber"): one
    slot told with and without its noun."""
    for (kind, slot), members in list(groups.items()):
        if kind != "number" or " of " in slot or slot in _MEASURES:
            continue
        values = {v.value for c, _ in members for v in _voices(j, c)}
        home = next((key for key, others in groups.items() if key[0] == kind and _names(key[1], slot)
                     and values & {v.value for c, _ in others for v in _voices(j, c)}), None)
        if home is not None:
            groups[home].extend(groups.pop((kind, slot)))


def _names(named: str, unnamed: str) -> bool:
    """Is ``named`` the slot ``unnamed`` is, with its noun: "number of calibers" or
    "caliber" for "number", "amount of fines" for "amount"?"""
    return named.startswith(f"{unnamed} of ") or (unnamed == "number" and named in _MEASURES)


def _slot_key(c: Candidate, sentence: str) -> tuple[str, str]:
    """What a conflict disputes, in words, which is also what it is gathered by:
    "number of patients", "date of the meet", "person named (chair, talk)",
    "vote of housing bill" for opposite words."""
    kind = c.conflict.type
    if c.facts is None:  # opposite words: the frame they are in, and what both apply to
        frame = c.conflict.facts[0][2].partition(":")[0] if c.conflict.facts else "negation"
        words = [w for w in _WORD.findall(sentence) if set(normalise(w)) & set(c.conflict.about)]
        about = f" of {' '.join(dict.fromkeys(w.lower() for w in words))}" if words else ""
        return kind, ("what is asserted" if frame == "negation" else frame) + about
    x, y = c.facts
    if x.type == "number":
        unit = x.fact.unit.partition(":")[0]  # type: ignore[union-attr]
        words = _UNIT_WORDS.get(unit, unit)
        counted = x.fact.counted or y.fact.counted  # type: ignore[union-attr]
        if unit == "count" and counted in _MEASURES:
            return kind, counted  # "a 6.1-magnitude quake" counts no magnitudes: it measures one
        return kind, f"{words} of {_plural(counted)}" if counted else words
    shared = sorted(x.context & y.context, key=lambda t: (not t.startswith("event:"), t))
    if x.type == "date":
        happenings = [events.KINDS[t.removeprefix("event:")][1] for t in shared if t.startswith("event:")]
        return kind, f"{'day' if kind == 'weekday' else 'date'} of the {happenings[0]}" if happenings else "date"
    role = [t.removeprefix("event:") for t in shared][:3]
    named = x.slot if x.slot == y.slot else "name"
    return kind, f"{named} named" + (f" ({', '.join(role)})" if role else "")


def _readable(slot: str, sentences: Sequence[str]) -> str:
    """The slot's context tokens (stems: "commerc", "meet") as the sentences write
    them ("commerce", "met"), so an editor reads words."""
    written: dict[str, str] = {}
    for sentence in sentences:
        for w in _WORD.findall(sentence):
            for token in normalise(w):
                written.setdefault(token, w.lower())

    def words(m: re.Match[str]) -> str:
        return _WORD.sub(lambda t: written.get(t.group(0), t.group(0)), m.group(0))
    return _TOKENS.sub(words, slot)


_TOKENS = re.compile(r"\([^)]*\)$")  # where _slot_key puts context tokens


def _plural(noun: str) -> str:
    """ "patients", "people", "companies": a counted noun as a slot's words say it."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet"}


def _voices(j: Judge, c: Candidate) -> tuple[_Voice, _Voice]:
    """The two sentences a conflict opposes, each with the value it states."""
    keys = (c.link.a, c.link.b)
    at = [j.claims[k].sentence.start for k in keys]
    facts = c.facts or (None, None)
    out = []
    for side in (0, 1):
        said = [(text, value) for s, text, value in c.conflict.facts if s == side]
        spans = tuple((at[side] + a, at[side] + b) for s, a, b in c.conflict.spans if s == side)
        text, value = said[0] if said else ("", "")
        out.append(_Voice(keys[side], facts[side], text, value if facts[side] else "; ".join(v for _, v in said), spans))
    return out[0], out[1]


def _finding(j: Judge, kind: str, slot: str, members: list[tuple[Candidate, float]]) -> Finding:
    voices: dict[Key, _Voice] = {}
    for c, _ in members:
        for v in _voices(j, c):
            voices.setdefault(v.key, v)
    sides = _sides(list(voices.values()), j)
    finding_kind, reason = _kind(j, sides)
    rule = rule_for(finding_kind, kind if finding_kind is Kind.CONTRADICTION else "number")
    evidence_of = [tuple(_evidence(j, v) for v in side) for side in sides]
    return Finding(
        kind=finding_kind,
        type=kind if finding_kind is Kind.CONTRADICTION else "number",
        rule=rule.id,
        reason=reason or _reason(j, sides),
        score=round(max(p for _, p in members), 3),
        evidence=tuple(e for side in evidence_of for e in side),
        facts=tuple(ComparedFact(v.key[0], v.text, v.value) for side in sides for v in side[:1]),
        slot=_readable(slot, [j.claims[v.key].sentence.text for side in sides for v in side]),
        sides=tuple(Side(side[0].text, side[0].value, ev) for side, ev in zip(sides, evidence_of)),
    )


def _sides(voices: list[_Voice], j: Judge) -> list[list[_Voice]]:
    """The voices gathered by value (compatible values are one side), and every
    other sentence of the run stating one of them in the same slot."""
    sides: list[list[_Voice]] = []
    for v in voices:
        side = next((s for s in sides if _alike(s[0], v)), None)
        if side is None:
            sides.append([v])
        else:
            side.append(v)
    for side in sides:
        first = side[0].fact
        if first is None:
            continue
        known = {v.key for s in sides for v in s}
        for other in j.slots.stating(first):
            if other.key not in known and j.slots.alike(first, other) >= j.settings.slot_context:
                side.append(_Voice(other.key, other, other.fact.text, side[0].value,
                                   ((other.fact.start, other.fact.end),)))
                known.add(other.key)
    for side in sides:
        side.sort(key=lambda v: v.key)
    return sorted(sides, key=lambda s: s[0].key)


def _alike(x: _Voice, y: _Voice) -> bool:
    """Do two voices state one value of their slot?"""
    if x.fact is None or y.fact is None:
        return x.value == y.value
    a, b = x.fact.fact, y.fact.fact
    if x.fact.type == "number":
        return quantities.compatible(a, b)  # type: ignore[arg-type]
    if x.fact.type == "date":
        return dates.compatible(a.value, b.value)  # type: ignore[union-attr]
    return entities.same_entity(a, b)  # type: ignore[arg-type]


def _evidence(j: Judge, v: _Voice) -> Evidence:
    s = j.claims[v.key].sentence
    return evidence(j.docs[v.key[0]], v.key[0], s.start, s.end, v.spans)


def _kind(j: Judge, sides: list[list[_Voice]]) -> tuple[Kind, str]:
    """Attributed when each side names its own authority for its figure, an update
    when each side comes from reports of other days and the later gives its figure
    as a running total ("the toll has risen to 214"); else a contradiction."""
    if len(sides) != 2 or any(v.fact is None or v.fact.type != "number" for s in sides for v in s):
        return Kind.CONTRADICTION, ""
    authorities = [_authorities(j, side) for side in sides]
    if all(authorities) and not authorities[0] & authorities[1]:
        return Kind.ATTRIBUTED, "; ".join(
            f"{side[0].text} according to {', '.join(sorted(names))}" for side, names in zip(sides, authorities))
    days = [{j.docs[v.key[0]].published for v in side} for side in sides]
    if all(days) and None not in days[0] | days[1]:
        first, last = sorted(range(2), key=lambda n: min(days[n]))  # type: ignore[type-var]
        if max(days[first]) < min(days[last]) and any(_running(j, v) for v in sides[last]):  # type: ignore[type-var]
            return Kind.UPDATE, (f"{_said(j, sides[first])}, then {_said(j, sides[last])}: "
                                 f"a later report changes the figure")
    return Kind.CONTRADICTION, ""


def _running(j: Judge, v: _Voice) -> bool:
    """Does the sentence give its figure as a running total at a time ("has risen
    to", "as of Thursday", "so far")?"""
    s = j.claims[v.key].sentence
    return bool(_RUNNING.search(j.docs[v.key[0]].plain[s.start : s.end]))


def _authorities(j: Judge, side: list[_Voice]) -> frozenset[str]:
    """Who each sentence of a side gives its figure as the word of ("according to
    the USGS", "officials said"): the names next to a word of attribution."""
    found = set()
    for v in side:
        claim = j.claims[v.key]
        text = j.docs[v.key[0]].plain[claim.sentence.start : claim.sentence.end]
        if not _ATTRIBUTION.search(text):
            return frozenset()
        names = [e for e in claim.facts.entities if e.kind.value in ("org", "person", "name")]
        if not names:
            return frozenset()
        found.update(e.key for e in names)
    return frozenset(found)


def _said(j: Judge, side: list[_Voice]) -> str:
    """ "58 (valley.txt, Aug. 14)": a value with who says it and when."""
    days = sorted({j.docs[v.key[0]].published for v in side if j.docs[v.key[0]].published})
    when = f", {_day(days[0])}" if days else ""
    return f"{side[0].text} ({_files(j, side)}{when})"


def _day(day: date) -> str:
    return day.strftime("%b %d").replace(" 0", " ")


def _files(j: Judge, side: list[_Voice]) -> str:
    names = list(dict.fromkeys(short(j.docs[v.key[0]].path) for v in side))
    return ", ".join(names) if len(names) <= _SHOWN else f"{len(names)} sources"


def _reason(j: Judge, sides: list[list[_Voice]]) -> str:
    """ "2 (sentinel.txt) vs 3 (tvn6.txt, wire.txt)"; with many sources a count."""
    many = any(len({v.key[0] for v in side}) > _SHOWN for side in sides)
    if many:
        counts = [len({v.key[0] for v in side}) for side in sides]
        return "; ".join(f"{side[0].text}: {n} source{'s' * (n != 1)}" for side, n in zip(sides, counts))
    return " vs ".join(f"{side[0].text} ({_files(j, side)})" for side in sides)
