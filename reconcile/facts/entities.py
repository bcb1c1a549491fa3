"""Proper names in a piece of text: people, organisations, places.

There is no NER model to lean on, so a name is a run of capitalised words
(with "of", "de", "bin", "&" allowed inside), cut at titles and classified
with the small word lists of `reconcile.data.names`.

Spans leave person titles out: "Commerce Minister Wang Wentao" gives the span
and key "Wang Wentao", so a highlight shows exactly what the judge compares.
Keys are canonical lower-case forms; variants that are one entity ("Minister
Wang", "Wang Wentao") are matched by `same_entity`, not forced into one key,
because a short form alone cannot say which full name it stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reconcile.data.names import (
    ALIASES,
    ATTRIBUTIVE_NOUNS,
    CHINESE_SURNAMES,
    CITIES,
    COUNTRIES,
    DEMONYMS,
    GIVEN_NAMES,
    HYPHEN_SUFFIXES,
    KNOWN_ORGS,
    METONYMY,
    NAME_CONNECTORS,
    NOT_NAMES,
    OF_HEADS,
    ORG_GENERIC,
    ORG_WORDS,
    PERSON_TITLES,
    PREPOSITIONS,
    REGIONS,
    SEATS_OF_POWER,
    TITLE_QUALIFIERS,
    US_STATES,
)
from reconcile.data.speech import REPORTING_VERBS
from reconcile.model import Entity, EntityKind

# Place key -> the key of the place it lies in ("" for countries and regions).
_PARENT: dict[str, str] = {
    **{k: "" for k in (*COUNTRIES, *REGIONS)},
    **{k: "united states" for k in US_STATES},
    **CITIES,
    **SEATS_OF_POWER,
}

_TOKEN = re.compile(r"&|\w(?:[\w.’'&-]*\w)?\.?")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+")
_DOTTED = frozenset("inc corp co ltd jr sr st mr mrs ms dr prof gov sen rep mt ft".split())
_CONTRACTION = re.compile(r"'(?:re|ve|ll|d|m|t)$")
_PARTICLE = re.compile(r"(?:al|el|bin|ibn|abu|de|van|von|da|di|du|la|le)-[A-Z]")
_WINDOW = 60  # characters of context looked at around a name: keeps long texts linear
_TITLE_ALT = "|".join(sorted((re.escape(t) for t in PERSON_TITLES), key=len, reverse=True))
_TITLE_BEFORE = re.compile(rf"\b(?:{_TITLE_ALT})\.?\s*,?\s*$", re.IGNORECASE)
_TITLE_OF_BEFORE = re.compile(rf"\b(?:{_TITLE_ALT})\s+of\s+$", re.IGNORECASE)
_QUALIFIER_ALT = "|".join(TITLE_QUALIFIERS)
_TITLE_AFTER = re.compile(  # ", a senior vice president", ", ImClone's former CEO"
    rf"^\s*,\s*(?:(?:the|a|an|its|his|her|their)\s+)?"
    rf"(?:(?:{_QUALIFIER_ALT}|[\w-]+[’']s)\s+){{0,3}}(?:{_TITLE_ALT})\b",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(rf"^\s+(?:{'|'.join(sorted(REPORTING_VERBS))})\b")


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    norm: str  # lower case, dots removed, "’" folded to "'"
    possessive: bool = False  # ended by 's: nothing joins after it
    alone: bool = False  # a part of "US-China": joins nothing

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or bool(_PARTICLE.match(self.text))


def _norm(word: str) -> str:
    return word.replace("’", "'").replace(".", "").lower()


def _listed(norm: str) -> bool:
    """A place or organisation of the word lists."""
    key = ALIASES.get(norm, norm)
    return key in _PARENT or key in KNOWN_ORGS


def _known(norm: str) -> bool:
    return _listed(norm) or norm in DEMONYMS


def _tokens(text: str) -> list[_Tok]:
    """Word tokens with possessives cut off, sentence dots dropped and hyphenated
    compounds of two names ("US-China", "Biden-Xi meeting") split in two."""
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        start, word = m.start(), m.group()
        possessive = False
        if len(word) > 2 and word[-2:] in ("’s", "'s"):
            word, possessive = word[:-2], True
        elif text[m.end():m.end() + 1] in ("’", "'") and word.endswith("s"):
            possessive = True
        if word.endswith(".") and not (
            _INITIALISM.fullmatch(word) or _norm(word) in _DOTTED
        ):
            word = word[:-1]
        if text[start + len(word):start + len(word) + 1] == "$" or text[start - 1:start] == "$":
            continue  # "US$587.6", "$US6 million": a currency, not the country
        out.extend(_split_hyphens(text, _Tok(start, start + len(word), word, _norm(word), possessive)))
    return out


def _split_hyphens(text: str, tok: _Tok) -> list[_Tok]:
    if "-" not in tok.text or not tok.text[:1].isupper() or _known(tok.norm):
        return [tok]
    parts = [(m.start(), m.group()) for m in re.finditer(r"[^-]+", tok.text)]
    if parts[-1][1].islower() and parts[-1][1] in HYPHEN_SUFFIXES:
        head = tok.text[: parts[-1][0] - 1]
        return _split_hyphens(text, _Tok(tok.start, tok.start + len(head), head, _norm(head)))
    following = re.match(r"\s*([a-z]+)", text[tok.end:tok.end + _WINDOW])
    if all(p[:1].isupper() for _, p in parts) and (
        any(_known(_norm(p)) for _, p in parts)
        or (following is not None and following.group(1) in ATTRIBUTIVE_NOUNS)
    ):
        return [
            _Tok(tok.start + i, tok.start + i + len(p), p, _norm(p), tok.possessive, alone=True)
            for i, p in parts
        ]
    return [tok]


def _nameish(text: str, toks: list[_Tok], i: int) -> bool:
    """Can this token start a name? Capitalised, not a common word, and not a
    sentence-initial adverb or participle ("Additionally,", "Following,")."""
    tok = toks[i]
    if (
        not tok.capitalised
        or tok.norm.split("-")[0] in NOT_NAMES  # "Fifty-seven"
        or tok.norm[:1].isdigit()
        or _CONTRACTION.search(tok.norm)  # "We're"
    ):
        return False
    if not _opens_sentence(text, tok.start) or _known(tok.norm) or tok.norm in GIVEN_NAMES:
        return True
    after = text[tok.end:tok.end + 1]
    if tok.norm.endswith(("ly", "ing", "ed")) and after == ",":
        return False  # "Additionally,"
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return not (nxt is not None and nxt.text in PREPOSITIONS and after.isspace())


def _window(text: str, start: int) -> str:
    return text[max(0, start - _WINDOW):start]


def _opens_sentence(text: str, start: int) -> bool:
    before = _window(text, start).rstrip(" \t\n\"“”‘’'([")
    return before[-1:] in (".", "!", "?", ":") or (not before and start <= _WINDOW)


def _adjacent(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end:b.start]
    return gap.isspace() and gap.count("\n") <= 1 and not (a.possessive or a.alone or b.alone)


def _sequences(text: str, toks: list[_Tok]) -> list[list[_Tok]]:
    """Maximal runs of capitalised tokens, connectors kept inside."""
    seqs: list[list[_Tok]] = []
    i = 0
    while i < len(toks):
        if not _nameish(text, toks, i):
            i += 1
            continue
        seq = [toks[i]]
        j = i
        while j + 1 < len(toks) and _adjacent(text, toks[j], toks[j + 1]):
            nxt = toks[j + 1]
            if nxt.capitalised and nxt.norm not in NOT_NAMES:
                seq.append(nxt)
                j += 1
                continue
            # "Bank of (the) China", "Charles de Gaulle", "Johnson & Johnson"
            k = j + 1
            if nxt.text == "of" and toks[j].norm in OF_HEADS:
                if k + 1 < len(toks) and toks[k + 1].text == "the" and _adjacent(text, nxt, toks[k + 1]):
                    k += 1
            elif nxt.text not in NAME_CONNECTORS:
                break
            if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]) and toks[k + 1].capitalised:
                seq.extend(toks[j + 1:k + 2])
                j = k + 1
                continue
            break
        seqs.append(seq)
        i = j + 1
    return seqs


def _is_title(tok: _Tok) -> bool:
    return tok.capitalised and tok.norm in PERSON_TITLES


def _split_titles(seq: list[_Tok]) -> list[tuple[list[_Tok], bool]]:
    """Cut a sequence at its title: ("U.S. President Joe Biden") -> [(U.S., False),
    (Joe Biden, True)]; the flag says a title introduces the part as a person."""
    j = next((n for n, t in enumerate(seq) if _is_title(t)), None)
    if j is None:
        return [(seq, False)]
    first = j
    while first > 0 and seq[first - 1].norm in TITLE_QUALIFIERS:
        first -= 1
    last = j
    while last + 1 < len(seq) and (_is_title(seq[last + 1]) or seq[last + 1].norm in TITLE_QUALIFIERS):
        last += 1
    parts = _split_titles(seq[:first]) if first else []
    rest = seq[last + 1:]
    while rest and not rest[0].capitalised:  # "CEO of Micron": Micron is not the CEO
        rest = rest[1:]
    if rest:
        parts.append((rest, len(rest) == len(seq) - last - 1))
    return parts


def _trim_demonyms(part: list[_Tok]) -> list[_Tok]:
    """Drop "Chinese", "South Korean", "Sino-" from the ends: not names by themselves."""
    trimmed = True
    while part and trimmed:
        trimmed = False
        for n in (2, 1):
            if demonym_of(" ".join(t.norm for t in part[:n])):
                part, trimmed = part[n:], True
            elif demonym_of(" ".join(t.norm for t in part[-n:])):
                part, trimmed = part[:-n], True
            if trimmed:
                break
    return part


def _classify(text: str, part: list[_Tok], titled: bool, offset: int) -> Entity | None:
    if not titled and _TITLE_OF_BEFORE.search(_window(text, part[0].start)):
        # "Secretary of State Antony Blinken": the qualifier belongs to the title.
        n = 0
        while n < len(part) - 1 and part[n].norm in TITLE_QUALIFIERS:
            n += 1
        part, titled = part[n:], n > 0
    words = [t.norm for t in part]
    if not any(w in ORG_WORDS for w in words) and not _listed(" ".join(words)):
        part = _trim_demonyms(part)
    if not part or all(t.norm in TITLE_QUALIFIERS for t in part):
        return None  # "Foreign" in "Foreign ministry spokesperson"
    start, end = part[0].start, part[-1].end
    name = text[start:end]
    key = canonical(name)
    if not key or key in NOT_NAMES:
        return None
    words = [t.norm for t in part]
    before, after = _window(text, start), text[end:end + _WINDOW]
    if key in KNOWN_ORGS:
        kind = EntityKind.ORG
    elif key in _PARENT:
        kind = EntityKind.PLACE
    elif any(w in ORG_WORDS for w in words):
        if len(words) == 1:
            return None  # "Ministry", "Group" alone: a common noun capitalised
        kind = EntityKind.ORG
    elif (
        titled
        or _TITLE_BEFORE.search(before)
        or _TITLE_AFTER.match(after)
        or (
            2 <= len(words) <= 3
            and (words[0] in GIVEN_NAMES or words[0] in CHINESE_SURNAMES or _SPEECH_AFTER.match(after))
        )
    ):
        kind = EntityKind.PERSON
    else:
        kind = EntityKind.NAME
    return Entity(offset + start, offset + end, name, kind, key)


def find_entities(text: str, offset: int = 0) -> list[Entity]:
    """Proper names in `text`, with document offsets (`offset` + index in `text`)."""
    found: list[Entity] = []
    for seq in _sequences(text, _tokens(text)):
        for part, titled in _split_titles(seq):
            entity = _classify(text, part, titled, offset)
            if entity is not None:
                found.append(entity)
    return found


def canonical(name: str) -> str:
    """The lower-case key of a name: titles, "the", dots, possessives and company
    suffixes dropped, known variants folded ("U.S." -> "united states")."""
    s = name.replace("’", "'").lower().strip()
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("s'"):
        s = s[:-1]
    words = s.replace(".", "").split()
    if words and words[0] == "the":
        words = words[1:]
    run = 0
    while run < len(words) - 1 and (words[run] in PERSON_TITLES or words[run] in TITLE_QUALIFIERS):
        run += 1
    if any(w in PERSON_TITLES for w in words[:run]):
        words = words[run:]  # "Attorney General Merrick Garland"; not "General Motors"
    key = " ".join(words)
    if key in ALIASES:
        return ALIASES[key]
    while len(words) > 1 and words[-1] in ORG_GENERIC:
        shorter = " ".join(words[:-1])
        if shorter in _PARENT or shorter in DEMONYMS or shorter in ALIASES:
            break  # "China Electronics" is not China
        words = words[:-1]
    return " ".join(words)


def demonym_of(word: str) -> str | None:
    """The place key an adjective of nationality points at ("Chinese" -> "china")."""
    w = word.replace("’", "'").lower().strip()
    if w not in DEMONYMS and w.endswith("s"):
        w = w[:-1]  # "Americans"
    return DEMONYMS.get(w)


_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def nationalities(text: str, offset: int = 0) -> list[Entity]:
    """Adjectives of nationality as the places they point at ("the Mexican
    embassy" -> mexico, "South Korean firms" -> south korea). Not names, so
    ``find_entities`` leaves them out, but a claim states them as facts."""
    words = list(_CAPITALISED_WORD.finditer(text))
    found: list[Entity] = []
    k = 0
    while k < len(words):
        start, end = words[k].start(), words[k].end()
        pair = k + 1 < len(words) and text[end:words[k + 1].start()] == " "
        if pair and (key := demonym_of(text[start:words[k + 1].end()])):
            end, k = words[k + 1].end(), k + 1
        elif not (key := demonym_of(text[start:end])):
            k += 1
            continue
        found.append(Entity(offset + start, offset + end, text[start:end], EntityKind.PLACE, key))
        k += 1
    return found


def _government(key: str) -> str:
    return METONYMY.get(key, key)


def same_entity(a: Entity, b: Entity, metonymy: bool = True) -> bool:
    """Do two mentions name one entity? Short forms match full names ("Wang" =
    "Wang Wentao", "Micron" = "Micron Technology Inc."); with `metonymy`, a capital
    stands for its government ("Beijing" = "China")."""
    if not a.key or not b.key:
        return False
    if a.key == b.key or (metonymy and _government(a.key) == _government(b.key)):
        return True
    short, long = sorted((a, b), key=lambda e: len(e.key.split()))
    s, l = short.key.split(), long.key.split()
    if len(s) == len(l):
        return False
    people = (EntityKind.PERSON, EntityKind.NAME)
    if short.kind in people and long.kind in people and len(s) == 1 and s[0] in (l[0], l[-1]):
        return True
    return long.kind is EntityKind.ORG and short.kind in (EntityKind.ORG, EntityKind.NAME) and l[: len(s)] == s


def _within(inner: str, outer: str) -> bool:
    seen = set()
    while inner and inner not in seen:
        seen.add(inner)
        if inner == outer:
            return True
        inner = _PARENT.get(inner, "")
    return False


def supports(given: Entity, claimed: Entity) -> bool:
    """Does a source's mention back a claim's? The same entity, or a place the
    claim names by a wider one ("London" backs "the U.K.", not the reverse). An
    organisation's short name does not back a longer one: "the EU" is not "the EU
    Council" (company suffixes are no part of a key: "Micron" backs "Micron Inc.")."""
    if claimed.kind is EntityKind.ORG and len(claimed.key.split()) > len(given.key.split()):
        return False
    return same_entity(given, claimed) or (
        given.kind is EntityKind.PLACE and claimed.kind is EntityKind.PLACE and _within(given.key, claimed.key)
    )


def conflicting(a: Entity, b: Entity) -> bool:
    """Could these two mentions, in the same role of two aligned claims, contradict?
    Same kind (or one of unknown kind), not the same entity, and neither place
    inside the other ("Idaho" does not contradict "the United States")."""
    if not (a.kind == b.kind or EntityKind.NAME in (a.kind, b.kind)):
        return False
    if not a.key or not b.key or same_entity(a, b):
        return False
    return not (_within(a.key, b.key) or _within(b.key, a.key))
