"""Content tokens: the form every comparison of wording uses.

Case, punctuation, possessives and function words go, inflections are stemmed
away and news paraphrases ("told"/"said", "Beijing"/"China", "curb"/"restrict")
meet on one token (the word lists of ``reconcile.data.synonyms``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from reconcile.data.stopwords import STOPWORDS
from reconcile.data.synonyms import CASED, COMPOUNDS, GROUPS

_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"'})


def canonical(text: str) -> str:
    """Compatibility forms and curly quotes to their plain equivalents."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


_CURRENCY = re.compile(r"\b(?:US|HK|NZ|A|C|S)\$")
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|%|[^\W_]+(?:[-'][^\W_]+)*")
_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word: "retaliation" and
    "retaliatory", "purchasing" and "purchase" meet, while "news" and "new",
    "policy" and "police", "university" and "universe" stay apart."""
    return _STEMMER.stemWord(word)  # type: ignore[no-any-return]


def _raw_tokens(text: str) -> list[str]:
    """Lower-case words, possessives stripped, compounds split and dotted or
    capital abbreviations resolved ("U.S." -> "usa", but "us" stays a pronoun)."""
    text = _CURRENCY.sub(" $", canonical(text))
    out: list[str] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word in CASED:
            out.append(CASED[word])
        elif word[0].isdigit():
            out.append(word.replace(",", ""))
        else:
            word = word.lower().removesuffix("'s").removesuffix("'")
            if word in COMPOUNDS:
                out.extend(COMPOUNDS[word].split())
            elif "-" in word and word not in _SYNONYMS:
                out.extend(part for part in word.split("-") if part)
            else:
                out.append(word)
    return out


_SYNONYMS: dict[str, str] = {}
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> (words, token), longest first
for _canonical, _forms in GROUPS.items():
    for _form in _forms:
        if " " in _form:
            _words = tuple(_raw_tokens(_form))
            _PHRASES.setdefault(_words[0], []).append((_words, _canonical))
        else:
            _SYNONYMS[_form] = _canonical
for _options in _PHRASES.values():
    _options.sort(key=lambda option: -len(option[0]))


@lru_cache(maxsize=65536)
def analyse(text: str) -> tuple[str, ...]:
    """``normalise``, cached and immutable: the aligner profiles each sentence with it."""
    words = _raw_tokens(text)
    tokens: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        for phrase, canonical in _PHRASES.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                word, i = canonical, i + len(phrase)
                break
        else:
            i += 1
            if word in STOPWORDS:
                continue
            word = _SYNONYMS.get(word) or stem(word)
        tokens.append(word)
    return tuple(tokens)


def normalise(text: str) -> list[str]:
    """The content tokens of a sentence, in order: the form every comparison uses.

    Case folded, punctuation and curly quotes gone, possessives and stop words
    dropped, words stemmed, and synonyms, number words, month abbreviations and
    country names with their demonyms and capitals mapped to one token each.
    """
    return list(analyse(text))


class Idf(dict):  # type: ignore[type-arg]
    """Token -> weight over the sentences of a run, and the weight of a token
    the run never saw (rarer than any it did)."""

    unseen: float = 1.0


def idf_table(texts: Iterable[str]) -> Idf:
    """Inverse document frequency of each token over the sentences of a run:
    a word most sentences share says little about which claim a sentence makes."""
    counts: dict[str, int] = {}
    total = 0
    for text in texts:
        total += 1
        for token in set(analyse(text)):
            counts[token] = counts.get(token, 0) + 1
    table = Idf((t, math.log((total + 1) / (n + 0.5))) for t, n in counts.items())
    table.unseen = math.log((total + 1) / 0.5)
    return table


def content_words(text: str) -> int:
    """How many content tokens a sentence has: with none it says nothing."""
    return len(analyse(text))
