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
from collections.abc import Collection
from dataclasses import dataclass, replace

from reconcile.data.names import (
    ALIASES,
    ATTRIBUTIVE_NOUNS,
    CHINESE_SURNAMES,
    DEMONYMS,
    GIVEN_NAMES,
    HYPHEN_SUFFIXES,
    KNOWN_ORGS,
    NAME_CONNECTORS,
    NOT_NAMES,
    OF_HEADS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_PARENTS,
    PREPOSITIONS,
    TITLE_QUALIFIERS,
)
from reconcile.data.speech import REPORTING_VERBS
from reconcile.data.stopwords import STOPWORDS
from reconcile.facts.roles import reads_as_verb, role
from reconcile.facts.variants import canonical, conflicting, demonym_of, same_entity, same_role, supports
from reconcile.model import Entity, EntityKind

__all__ = [
    "Entity", "EntityKind", "canonical", "conflicting", "demonym_of", "find_entities", "nationalities",
    "same_entity", "same_role", "supports", "title_case",
]

_TOKEN = re.compile(r"&|\w(?:[\w.’'&-]*\w)?\.?")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+")
_DOTTED = frozenset("inc corp co ltd jr sr st mr mrs ms dr prof gov sen rep mt ft".split())
_GLUED = re.compile(r"([A-Za-z]+\.)(?=[A-Z][a-z])")  # "Gov.Sarah Palin": a title the space after was lost from
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
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
    return key in PLACE_PARENTS or key in KNOWN_ORGS


def _known(norm: str) -> bool:
    return _listed(norm) or norm in DEMONYMS


def _tokens(text: str) -> list[_Tok]:
    """Word tokens with possessives cut off, sentence dots dropped and hyphenated
    compounds of two names ("US-China", "Biden-Xi meeting") split in two."""
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        start, word = m.start(), m.group()
        glued = _GLUED.match(word)
        if glued and _norm(glued.group(1)) in PERSON_TITLES:
            out.append(_Tok(start, glued.end(), glued.group(1), _norm(glued.group(1))))
            start, word = glued.end() + start, word[glued.end():]
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
    sentence-initial adverb or participle ("Additionally,", "Following,") nor a
    common noun opening a sentence before another noun ("Bird flu was")."""
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
    if nxt is None or not after.isspace():
        return True
    if nxt.text in PREPOSITIONS:
        return False  # "Money from Iraqi oil sales"
    # "Bird flu was", "Avian influenza usually": a common noun before another, not "Micron is"
    return not (nxt.text.islower() and nxt.norm not in STOPWORDS and not reads_as_verb(nxt.text))


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
    elif key in PLACE_PARENTS:
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


def find_entities(
    text: str, offset: int = 0, heading: Collection[tuple[str, EntityKind]] | None = None
) -> list[Entity]:
    """Proper names in `text`, with document offsets (`offset` + index in `text`),
    each with its role words (``reconcile.facts.roles``).

    Pass `heading` for a title line: the names (key, kind) the article's body
    gives. A headline capitalises every word, so there only the longest runs the
    body names too, or the word lists hold, are names: "Lindsay Lohan Checks Out"
    names Lindsay Lohan. A name that is a whole segment of a title line cut by "|" is a
    masthead or a section label: "Orbital Business Weekly | Launch" names nobody."""
    found: list[Entity] = []
    for seq in _sequences(text, _tokens(text)):
        for whole, titled in _split_titles(seq):
            for part, kind in _attested(text, whole, heading) if heading is not None else [(whole, None)]:
                entity = _classify(text, part, titled, offset)
                if entity is not None and not (heading is not None and _masthead(text, entity, offset)):
                    kind = entity.kind if kind is None else kind  # the body's prose says best
                    at = entity.start - offset
                    found.append(replace(entity, kind=kind, role=role(text, at, at + len(entity.text))))
    return found


def _attested(
    text: str, run: list[_Tok], body: Collection[tuple[str, EntityKind]]
) -> list[tuple[list[_Tok], EntityKind | None]]:
    """The longest parts of a heading's capitalised run that the body or the word
    lists name, each with the kind the body gives it. A part is the body's name or a
    short form of it, never longer: "Lindsay" in the body is no "Lindsay Lohan Checks"."""
    out: list[tuple[list[_Tok], EntityKind | None]] = []
    i = 0
    while i < len(run):
        for j in range(len(run), i, -1):
            key = canonical(text[run[i].start:run[j - 1].end])
            if _listed(key):
                out.append((run[i:j], None))
                break
            told = next((k for b, k in body if len(b.split()) >= j - i and same_entity(
                Entity(0, 0, "", EntityKind.NAME, key), Entity(0, 0, "", k, b))), None)
            if told is not None:
                out.append((run[i:j], told))
                break
        else:
            j = i + 1
        i = j
    return out


def _masthead(text: str, entity: Entity, offset: int) -> bool:
    """Is the name a whole segment of a line cut by "|" ("Orbital Business Weekly |
    Launch")? A masthead or a section label, no claim."""
    if "|" not in text:
        return False
    start = entity.start - offset
    left = text.rfind("|", 0, start) + 1
    right = text.find("|", start)
    return text[left:len(text) if right == -1 else right].strip() == entity.text


def title_case(text: str) -> bool:
    """A headline in title case ("Lindsay Lohan Checks Out Of Rehab...", "Co-Worker
    Calls Alleged Shooter: "Very Spiritual""): three words of four letters or more,
    all capitalised, and no full stop at the end, which a sentence of names would
    have ("Wang Wentao met Sanjay Mehrotra.")."""
    end = text.rstrip().rstrip("\"'”’)")
    if end.endswith(".") and not end.endswith(("...", "..")):
        return False
    words = _LONG_WORD.findall(text)
    return len(words) >= 3 and all(w[0].isupper() for w in words)


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
