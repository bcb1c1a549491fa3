"""What a number is about, read from the words around it: the noun it counts and
the period of a rate.

"212,400 patients" counts patients; "a dozen new patrol officers" officers (the
adjectives and compound modifiers before the head noun are skipped); "a four-day
week" describes a week, and "a 1,212-patient study" counts patients. A number
with no noun after it takes the noun its predicate names: "the toll rose to 45"
(toll), "the number of homes lost at 58" (home), "a depth of about 10 km"
(depth). Nouns are given as lemmas so "1 home" and "37 homes" name one thing.
No parsing: a noun phrase is read as the words up to the first plural, verb,
function word or punctuation, which is how news writes a counted noun.
"""

from __future__ import annotations

import re

from reconcile.data import numbers as num
from reconcile.data.stopwords import STOPWORDS

_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*|\d[\d,.]*|\S)")
_GLUED = re.compile(r"-([A-Za-z]+)\b(?!-)")
_CLAUSE_START = re.compile(r"[,;:(\[—–]|\s-\s|^")
_NEAR = 8  # words from an amount noun to its number: "the number of people treated in hospital stands at 31"
_AMOUNT = re.compile(rf"\b({'|'.join(sorted(num.AMOUNT_NOUNS))})\b(\s+of\b)?", re.I)
_RATE = re.compile(rf"(?:\s+more)?\s+(?:{'|'.join(num.RATE_WORDS)})\s+([a-z]+)\b(?:\s+([a-z]+))?")
_LONGEST = 4  # words in a noun phrase before its head
_PERSON = re.compile(r"([A-Z][\w'’-]+),\s*(?:[a-z]+\s+)?$")


def counted(
    text: str, start: int, end: int, plural: bool = False, modifier: bool = False, measure: bool = False
) -> str:
    """The lemma of the noun the quantity at ``text[start:end]`` counts or describes; "" when
    the sentence names none. ``plural``: a whole count other than one, whose noun is plural
    ("magnitude 7 struck" has none after it). ``modifier``: a measure that describes the
    noun after it ("a four-day week"). ``measure``: a length, time or weight, which names
    a noun after it only with "of" ("72 hours of talks", not "six days adrift")."""
    glued = _GLUED.match(text, end)
    if glued and glued.group(1).lower() in num.NOT_GLUED:
        end = glued.end()  # "three-plus seasons"
    elif glued and not modifier:
        return lemma(glued.group(1))  # "a 1,212-patient study", "a 7.1-magnitude quake"
    after = "" if measure and not modifier and not _tokens(text, end)[:1] == ["of"] else _noun_after(text, end, plural)
    return after or _noun_before(text, start)


def whose(text: str, start: int) -> str:
    """The person an age in apposition belongs to ("Hiller, 43," -> "hiller"), so two
    people's ages are two slots; "" when no name stands before it."""
    m = _PERSON.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def rate(text: str, end: int) -> str:
    """The lemma of what an amount is per: "$11,450 a month" -> "month", "71 cents a share"
    -> "share"; "" for no rate ("a year earlier" is a time)."""
    m = _RATE.match(text, end)
    if not m or m.group(2) in num.NOT_RATE_AFTER or m.group(1) in STOPWORDS:
        return ""
    return lemma(m.group(1))


def lemma(word: str) -> str:
    """The singular in lower case: "patients" -> "patient", "casualties" -> "casualty"."""
    w = word.lower().replace("’", "'").removesuffix("'s").removesuffix("'")
    if w in num.IRREGULAR_PLURALS:
        return num.IRREGULAR_PLURALS[w]
    if w.endswith("men") and len(w) > 4 and w not in num.NOT_MEN_PLURALS:
        return w[:-3] + "man"  # gunmen, firemen
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if not _plural(w) or len(w) < 4:
        return w
    return w[:-1]


def _plural(word: str) -> bool:
    w = word.lower()
    return w in num.PLURAL_WITHOUT_S or (w.endswith("men") and w not in num.NOT_MEN_PLURALS) or (
        len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "sis")) and w not in num.SINGULAR_IN_S
    )


def _verb_like(word: str) -> bool:
    """"injured", "quickly": a participle or an adverb, never the head of a noun phrase."""
    w = word.lower()
    return (w.endswith("ed") and w not in num.NOUN_ENDINGS_IN_ED) or w.endswith("ly")


def _tokens(text: str, at: int, limit: int = 12) -> list[str]:
    found: list[str] = []
    for m in _WORD.finditer(text, at):
        if m.start() != at or len(found) == limit:
            break
        found.append(m.group(1))
        at = m.end()
    return found


def _noun_after(text: str, end: int, plural: bool) -> str:
    """The head of the noun phrase after the number: "18 police officers were hired" -> officer."""
    words = _tokens(text, end)
    if words[:1] == ["of"]:  # "48 of its 612 stores", "a fifth of the staff"
        words = words[1:]
        while words and (words[0].lower() in num.DETERMINERS or words[0][0].isdigit() or words[0].lower() in num.ONES):
            words = words[1:]
    return _head(words, plural)


def _designation(word: str) -> bool:
    """An abbreviation or model number inside a noun phrase ("AK-47", "NBA", "737")."""
    core = word.strip("-")
    return bool(core) and (core.isdigit() or (core.isupper() and core.isalpha() and len(core) <= 4))


def _content(word: str) -> bool:
    w = word.lower()
    return word[:1].isalpha() and w not in STOPWORDS and w not in num.NOT_NOUNS


def _head(words: list[str], plural: bool) -> str:
    """The last word of a noun phrase that ends at its first plural: "new patrol officers"."""
    phrase: list[str] = []
    for i, word in enumerate(words[: _LONGEST + 2]):
        if word.lower() in num.MODIFIERS or (word.lower().endswith("ly") and phrase == []):
            continue  # "12 more people", "two extremely young girls"
        if _designation(word):
            continue  # "seven AK-47 assault rifles", "five NBA coaches": a model or body named, not counted
        if word.lower().endswith(("'s", "’s")):
            phrase = []  # "5% of the film's profits": the possessive is no head
            continue
        if not _content(word) or (word[0].isupper() and phrase and phrase[-1][0].islower()):
            break  # "second seed Noor Vandersloot"
        if phrase and word.lower().endswith("ing"):
            break  # "the second time hosting": a participle after the noun
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if _verb_like(word) and not (nxt[:1].islower() and _content(nxt)):
            break  # "12 injured in the blast"; but "12 injured people" goes on
        phrase.append(word)
        if _plural(word):
            break  # "37 homes destroyed": a plural ends a counted noun phrase
    if not phrase or (plural and not _plural(phrase[-1]) and phrase[-1].lower() not in num.IRREGULAR_PLURALS):
        return ""
    if all(w[0].isupper() for w in phrase) and not _plural(phrase[-1]):
        return ""  # a name: "16-year-old Kimani Gray"
    return lemma(phrase[-1])


def _noun_before(text: str, start: int) -> str:
    """The noun a predicate gives a number with no noun after it: "the toll rose to 45",
    "the number of homes lost at 58", "a loss of $62 million", "magnitude 7.1"."""
    clause = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    for m in reversed(list(_AMOUNT.finditer(text, clause, start))):
        between = text[m.end() : start].split()
        if m.group(2) and len(between) <= _NEAR:  # "the number of homes lost at 58" counts homes
            return _noun_after(text, m.end(1), False) or lemma(m.group(1))
        if all(w.lower() in num.LINKS or _participle(w) or _verb_like(w) for w in between):
            return lemma(m.group(1))  # "the toll rose to 45", not "a number since ... $459 million"
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]", text[clause:start])
    crossed = 0
    while words and (words[-1].lower() in num.LINKS or (crossed and _participle(words[-1]))):
        words.pop()
        crossed += 1
    if not words or not _content(words[-1]) or _verb_like(words[-1]):
        return ""
    w = words[-1]
    if w[0].isupper() and len(words) > 1:
        return ""
    if crossed:
        return lemma(w)
    before = words[-2].lower() if len(words) > 1 else ""
    direct = before in num.DETERMINERS or before in num.PREPOSITIONS or before.endswith(("ing", "ed"))
    return lemma(w) if direct and not _plural(w) else ""  # "of magnitude 7.1", not "to invest 4.3 billion"


def _participle(word: str) -> bool:
    """"lost" in "homes lost at 58", "estimated" in "damage estimated at $5 million"."""
    return word.lower() in num.PARTICIPLES or word.lower().endswith("ed")
