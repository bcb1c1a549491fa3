"""Which claims of different sources state the same thing.

Sentences are reduced to content tokens (``normalise``): case, punctuation,
possessives and function words go, inflections are stemmed away and news
paraphrases ("told"/"said", "Beijing"/"China", "curb"/"restrict") meet on one
token. Two claims are then scored by ``similarity``: a logistic combination of
overlap measures (rarity weighted, soft, order aware, numbers and names) whose
weights were fitted on the MRPC paraphrase corpus by ``bench/tune_alignment.py``.
``align`` pre-scores every cross-source pair at once with rapidfuzz and scores
only the candidates in full.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, LCSseq, Levenshtein

from reconcile.data.stopwords import STOPWORDS
from reconcile.data.synonyms import CASED, COMPOUNDS, GROUPS
from reconcile.model import Claim, ClaimGroup, Link
from reconcile.settings import Settings

# --------------------------------------------------------------------------- tokens

_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"'})


def _fold(text: str) -> str:
    """Compatibility forms and curly quotes to their plain equivalents."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)

_CURRENCY = re.compile(r"\b(?:US|HK|NZ|A|C|S)\$")
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|%|[^\W_]+(?:[-'][^\W_]+)*")
_SUFFIXES: tuple[str, ...] = tuple(sorted(
    """izations isations ization isation ational ically ations ators atory ative ments
    ities izing ising ingly ously ation ator ment ness ings ions ized ised izes ises ally
    ance ence able ible ity ing ion ize ise ies ied ate ers ors ant ent ive ous ory ful
    ic al ed er or es ly s e y""".split(),
    key=len,
    reverse=True,
))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough for "retaliation"/"retaliatory" or
    "purchasing"/"purchase" to meet, without a dictionary."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for shortest, keep in ((1, 3), (2, 4)):  # a second, stricter pass for "-ational" and the like
        for suffix in _SUFFIXES:
            if (len(suffix) >= shortest or suffix == "e") and word.endswith(suffix) \
                    and len(word) - len(suffix) >= keep:
                if suffix == "s" and word[-2] in "sui":
                    continue
                word = word[: -len(suffix)]
                break
        else:
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        word = word[:-1]
    return word


def _raw_tokens(text: str) -> list[str]:
    """Lower-case words, possessives stripped, compounds split and dotted or
    capital abbreviations resolved ("U.S." -> "usa", but "us" stays a pronoun)."""
    text = _CURRENCY.sub(" $", _fold(text))
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
def _analyse(text: str) -> tuple[str, ...]:
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
    return list(_analyse(text))


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
        for token in set(_analyse(text)):
            counts[token] = counts.get(token, 0) + 1
    table = Idf((t, math.log((total + 1) / (n + 0.5))) for t, n in counts.items())
    table.unseen = math.log((total + 1) / 0.5)
    return table


# --------------------------------------------------------------------------- score

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Profile:
    """What the score needs of one sentence, computed once per sentence."""

    tokens: tuple[str, ...]  # content tokens in order
    bag: frozenset[str]
    numbers: frozenset[str]
    folded: str  # the sentence case folded, white space collapsed
    words: tuple[str, ...]  # every word case folded, function words included
    trigrams: frozenset[tuple[str, ...]]  # of those words


@lru_cache(maxsize=65536)
def _profile(text: str) -> _Profile:
    tokens = _analyse(text)
    folded = " ".join(_fold(text).lower().split())
    words = tuple(_WORD.findall(folded))
    return _Profile(
        tokens=tokens,
        bag=frozenset(tokens),
        numbers=frozenset(t for t in tokens if t[0].isdigit()),
        folded=folded,
        words=words,
        trigrams=frozenset(zip(words, words[1:], words[2:])),
    )


def _soft(missing: Iterable[str], pool: Sequence[str]) -> dict[str, float]:
    """Credit for words with no exact match that are spelt nearly like one of
    the other sentence (stems the suffix stripper left apart)."""
    credit: dict[str, float] = {}
    if not pool:
        return credit
    for token in missing:
        if len(token) < 5 or token[0].isdigit():
            continue
        best = process.extractOne(token, pool, scorer=Indel.normalized_similarity, score_cutoff=0.8)
        if best is not None:
            credit[token] = best[1]
    return credit


def _coverage(side: frozenset[str], shared: frozenset[str], soft: Mapping[str, float],
              weight: Mapping[str, float], default: float) -> float:
    """The share of a sentence's rarity weight that the other sentence matches."""
    total = matched = 0.0
    for token in side:
        w = weight.get(token, default)
        total += w
        matched += w if token in shared else w * soft.get(token, 0.0)
    return matched / total if total else 0.0


def _ratios(part: int, a: int, b: int) -> tuple[float, float]:
    """part/a and part/b, smaller first (0 for an empty side)."""
    x, y = (part / a if a else 0.0), (part / b if b else 0.0)
    return (x, y) if x <= y else (y, x)


def _features(pa: _Profile, pb: _Profile, idf: Mapping[str, float] | None) -> dict[str, float]:
    # Every feature lies in [0, 1]: the weights were fitted on MRPC, whose pairs were
    # all picked for their overlap, and must not meet values unrelated pairs could reach.
    weight: Mapping[str, float] = idf or {}
    top = weight.unseen if isinstance(weight, Idf) else max(weight.values(), default=1.0)
    shared = pa.bag & pb.bag
    only_a, only_b = sorted(pa.bag - shared), sorted(pb.bag - shared)
    cover_min, cover_max = sorted((
        _coverage(pa.bag, shared, _soft(only_a, only_b), weight, top),
        _coverage(pb.bag, shared, _soft(only_b, only_a), weight, top),
    ))
    bigrams_a, bigrams_b = set(zip(pa.tokens, pa.tokens[1:])), set(zip(pb.tokens, pb.tokens[1:]))
    lcs_min, lcs_max = _ratios(LCSseq.similarity(pa.words, pb.words), len(pa.words), len(pb.words))
    _, gram1_max = _ratios(len(set(pa.words) & set(pb.words)), len(set(pa.words)), len(set(pb.words)))
    gram3_min, _ = _ratios(len(pa.trigrams & pb.trigrams), len(pa.trigrams), len(pb.trigrams))
    short, long = sorted((len(pa.words), len(pb.words)))
    return {
        "cover_min": cover_min,  # rarity-weighted share of the less covered sentence matched
        "cover_max": cover_max,  # ... of the better covered one: containment
        "bigram": 2 * len(bigrams_a & bigrams_b) / max(len(bigrams_a) + len(bigrams_b), 1),
        "char": Indel.normalized_similarity(pa.folded, pb.folded),
        "lcs_min": lcs_min,  # words in the same order, over the longer sentence
        "lcs_max": lcs_max,
        "gram1_max": gram1_max,  # distinct words, function words included
        "gram3_min": gram3_min,  # word trigrams: shared phrasing
        "number_miss": float(pa.numbers != pb.numbers),  # a number only one gives
        "raw_length": short / long if long else 0.0,
    }


def features(a: str, b: str, idf: Mapping[str, float] | None = None) -> dict[str, float]:
    """The evidence behind ``similarity``, by name: public so that the weights
    can be refitted (bench/tune_alignment.py) and a score explained."""
    return _features(_profile(a), _profile(b), idf)


@lru_cache(maxsize=8)
def _terms(weights: tuple[tuple[str, float], ...]) -> tuple[tuple[tuple[str, ...], float], ...]:
    return tuple((tuple(n for n in term.split("*") if n != "bias"), w) for term, w in weights)


def paraphrase(f: Mapping[str, float], weights: tuple[tuple[str, float], ...]) -> float:
    """The logistic part of the score: how surely the pair means the same, as
    MRPC annotators judge it (features from ``features``; terms "bias", a feature
    name, or "a*b" for a product)."""
    z = 0.0
    for names, w in _terms(weights):
        for name in names:
            w *= f[name]
        z += w
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def _similarity(pa: _Profile, pb: _Profile, idf: Mapping[str, float] | None, settings: Settings) -> float:
    f = _features(pa, pb, idf)
    share = settings.align_containment
    return (1.0 - share) * paraphrase(f, settings.align_weights) + share * f["cover_max"]


def similarity(a: str, b: str, idf: Mapping[str, float] | None = None,
               settings: Settings | None = None) -> float:
    """How surely two sentences state the same claim, in [0, 1].

    A blend of the paraphrase probability (fitted on MRPC) and containment, the
    rarity-weighted share of the better covered sentence found in the other: a
    short sentence whose content all appears in a long one states that claim in
    part, which MRPC would not call a paraphrase. ``idf`` (from ``idf_table`` over
    all sentences of the run) weighs names, numbers and topic words above common
    words; without it every word weighs the same.
    """
    return _similarity(_profile(a), _profile(b), idf, settings or Settings())


# --------------------------------------------------------------------------- align


def _codes(profiles: Sequence[_Profile]) -> list[str]:
    """Each sentence as the sorted string of one character per distinct token:
    the LCS of two such strings is the number of tokens they share."""
    vocabulary: dict[str, int] = {}
    out = []
    for p in profiles:
        ids = sorted({vocabulary.setdefault(t, len(vocabulary)) for t in p.bag})
        out.append("".join(chr(0x100 + i if i < 0xD700 else 0xE000 + i) for i in ids))
    return out


def _candidates(codes: Sequence[str], sources: np.ndarray, cutoff: float,
                anchor: int | None) -> list[tuple[int, int]]:
    """Pairs of sentences of different sources whose token sets overlap enough
    (shared / geometric mean of the sizes: the cosine of the sets) to be worth a
    full score. Vectorised: one rapidfuzz cdist per source against the later
    sources, or only the anchor's against all others."""
    sizes = np.array([len(c) for c in codes], dtype=float)
    pairs: list[tuple[int, int]] = []
    for source in np.unique(sources) if anchor is None else (anchor,):
        rows = np.flatnonzero(sources == source)
        cols = np.flatnonzero(sources > source if anchor is None else sources != source)
        if not len(rows) or not len(cols):
            continue
        shared = process.cdist([codes[i] for i in rows], [codes[j] for j in cols],
                               scorer=LCSseq.similarity, score_cutoff=1, dtype=np.int32, workers=-1)
        cosine = shared / np.sqrt(np.outer(sizes[rows], sizes[cols]))
        hit_rows, hit_cols = np.nonzero(cosine >= cutoff)
        pairs.extend(zip(rows[hit_rows].tolist(), cols[hit_cols].tolist()))
    return pairs


def content_words(text: str) -> int:
    """How many content tokens a sentence has; below ``Settings.min_claim_words``
    it carries no claim of its own ("Advertisement", "Read more")."""
    return len(_analyse(text))


class Aligner:
    """The alignment of one run: IDF over all its claims, each sentence read once.

    ``claims[s]`` are the claims of source ``s``. With ``anchor`` (``check``: the
    draft), only pairs with a claim of that source are linked.
    """

    def __init__(self, claims: Sequence[Sequence[Claim]], settings: Settings,
                 anchor: int | None = None) -> None:
        self.claims = [c for source in claims for c in source]
        self.settings = settings
        self.anchor = anchor
        self.idf = idf_table(c.sentence.text for c in self.claims)

    def similarity(self, a: str, b: str) -> float:
        """``similarity`` with this run's IDF and settings (clauses, sentences)."""
        return _similarity(_profile(a), _profile(b), self.idf, self.settings)

    def clause_pairs(self, a: Claim, b: Claim) -> list[tuple[int, int, float]]:
        """``clause_pairs`` with this run's IDF and settings."""
        return clause_pairs(a, b, self.idf, self.settings)

    def align(self) -> list[ClaimGroup]:
        """Link the claims of different sources that state the same thing and
        group them: a group is a connected set of links, so one claim may stand
        for two sentences of another source. Claims with no link are in no group."""
        settings = self.settings
        keys = [(c.sentence.source, c.sentence.index) for c in self.claims]
        profiles = [_profile(c.sentence.text) for c in self.claims]
        usable = [i for i, p in enumerate(profiles) if len(p.tokens) >= settings.min_claim_words]
        sources = np.array([keys[i][0] for i in usable], dtype=int)
        codes = _codes([profiles[i] for i in usable])
        links: list[Link] = []
        for i, j in _candidates(codes, sources, settings.candidate_cutoff, self.anchor):
            a, b = usable[i], usable[j]
            score = _similarity(profiles[a], profiles[b], self.idf, settings)
            if score >= settings.align_threshold:
                links.append(Link(min(keys[a], keys[b]), max(keys[a], keys[b]), round(score, 4)))
        return _groups(links)


def align(claims: Sequence[Sequence[Claim]], settings: Settings) -> list[ClaimGroup]:
    """The groups of claims that state the same thing across sources (see ``Aligner``)."""
    return Aligner(claims, settings).align()


def _groups(links: Sequence[Link]) -> list[ClaimGroup]:
    """Connected components of the links (union-find), in a stable order."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(key: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for link in links:
        ra, rb = root(link.a), root(link.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for key in parent:
        members.setdefault(root(key), []).append(key)
    grouped: dict[tuple[int, int], list[Link]] = {}
    for link in links:
        grouped.setdefault(root(link.a), []).append(link)
    return sorted(
        (ClaimGroup(tuple(sorted(m)), tuple(sorted(grouped[r], key=lambda l: (l.a, l.b))))
         for r, m in members.items()),
        key=lambda g: g.members,
    )


def clause_pairs(a: Claim, b: Claim, idf: Mapping[str, float] | None,
                 settings: Settings) -> list[tuple[int, int, float]]:
    """For each clause of ``a`` (by position), the clause of ``b`` that matches it
    best and the score: ``(i, j, score)``. A clause whose best score is below
    ``settings.clause_threshold`` is a detail only ``a`` gives; the judge compares
    facts clause to clause on the others. A claim with no clauses counts as one
    clause, its whole sentence."""
    mine = [c.text for c in a.clauses] or [a.sentence.text]
    theirs = [c.text for c in b.clauses] or [b.sentence.text]
    out = []
    for i, text in enumerate(mine):
        scores = [similarity(text, other, idf, settings) for other in theirs]
        j = max(range(len(scores)), key=scores.__getitem__)
        out.append((i, j, scores[j]))
    return out
