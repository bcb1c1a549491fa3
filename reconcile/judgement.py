"""Judgement: what aligned claims say to each other.

Facts are compared clause to clause, never sentence to sentence: "the meeting
was on Nov. 1" and "the statement came out on Friday" may share a sentence
without being about the same time. A conflict needs a fact on *each* side
that the other side cannot match; a fact only one side has is a detail that
source adds, reported as unsupported, never as a contradiction.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any

from reconcile import lexicon
from reconcile.alignment import Aligner, normalise
from reconcile.data.stopwords import STOPWORDS
from reconcile.facts import dates, entities, polarity, quantities
from reconcile.model import (
    Claim,
    ClaimGroup,
    Clause,
    ComparedFact,
    Document,
    Evidence,
    Facts,
    Finding,
    Granularity,
    Kind,
    Link,
    Sentence,
)
from reconcile.rules import rule_for
from reconcile.settings import Settings

Key = tuple[int, int]  # (source, sentence index)

_SPECIFIC = {entities.EntityKind.PERSON, entities.EntityKind.ORG, entities.EntityKind.PLACE}
_NAMED = _SPECIFIC | {entities.EntityKind.NAME}
_WORD = re.compile(r"[A-Za-z][a-z]*(?:[-'][a-z]+)*")
_SUBSTITUTABLE = frozenset("n")  # nouns: adjectives swap for near-synonyms WordNet does not link


@dataclass(frozen=True)
class Word:
    """A content word of a clause, where it is, and the form it is aligned by."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        forms = lexicon.bases(self.text)
        return forms[0] if forms else self.text.lower()


def _akin(a: str, b: str, steps: int) -> bool:
    """May one word stand for the other: related in WordNet, or one a part of
    the other's compound ("cliff" and "clifftop")."""
    la, lb = a.lower(), b.lower()
    if min(len(la), len(lb)) >= 4 and (la in lb or lb in la):
        return True
    return len(os.path.commonprefix((la, lb))) >= 7 or lexicon.related(a, b, steps)


def _lexical_words(plain: str, start: int, end: int) -> list[Word]:
    """The lower-case content words of a span: capitalised words are names,
    which the entity finder judges, or sentence starts."""
    return [
        Word(m.group(), m.start(), m.end())  # positions in ``plain``, as every span's
        for m in _WORD.finditer(plain, start, end)
        if m.group()[0].islower() and len(m.group()) > 2 and m.group() not in STOPWORDS
    ]


@dataclass(frozen=True)
class Conflict:
    type: str
    reason: str
    facts: tuple[ComparedFact, ...]
    spans: tuple[tuple[int, int], ...]  # highlights, in either document


def evidence(
    doc: Document,
    source: int,
    start: int,
    end: int,
    highlights: Iterable[tuple[int, int]] = (),
    detail: str = "",
) -> Evidence:
    """A source's sentence located for people and machines."""
    line, column = doc.locate(start)
    end_line, end_column = doc.locate(end)
    return Evidence(
        source=source,
        path=doc.path,
        sentence=doc.text[start:end],
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        highlights=tuple(sorted(h for h in highlights if start <= h[0] and h[1] <= end)),
        detail=detail,
    )


def _within(facts: Facts, clause: Clause) -> Facts:
    def keep(items: tuple) -> tuple:
        return tuple(x for x in items if clause.start <= x.start and x.end <= clause.end)

    return Facts(
        quantities=keep(facts.quantities),
        dates=keep(facts.dates),
        entities=keep(facts.entities),
        negations=keep(facts.negations),
        directions=keep(facts.directions),
    )


def _count_noun(doc: Document, end: int) -> str:
    """The word after a bare count: "200 workers" and "3 plants" are not comparable."""
    rest = doc.plain[end : end + 40].split()
    return rest[0].lower().rstrip("s.,;:") if rest else ""


def _short(path: str) -> str:
    """A file's name, for reasons: the evidence carries the full path."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _unmatched(
    xs: Sequence, ys: Sequence, same: Callable[[object, object], bool]
) -> list:
    return [x for x in xs if not any(same(x, y) for y in ys)]


class _Stated:
    """The distinct facts of one kind the sources state, and which sources state
    each: whether another source backs a fact is asked of every fact of every
    supported claim, and a story told by many sources repeats its facts."""

    def __init__(self, key: Callable[[Any], Hashable], backs: Callable[[Any, Any], bool]) -> None:
        self.key = key
        self.backs = backs  # backs(stated, claimed)
        self.facts: dict[Hashable, tuple[Any, set[int]]] = {}
        self.backers: dict[Hashable, set[int]] = {}

    def add(self, fact: Any, source: int) -> None:
        self.facts.setdefault(self.key(fact), (fact, set()))[1].add(source)

    def elsewhere(self, fact: Any, source: int) -> bool:
        """Does a source other than ``source`` state something that backs ``fact``?"""
        key = self.key(fact)
        if key not in self.backers:
            self.backers[key] = set().union(*(s for f, s in self.facts.values() if self.backs(f, fact)))
        return bool(self.backers[key] - {source})


class Judge:
    """Compares the claims of one run; holds what every comparison needs."""

    def __init__(
        self,
        docs: Sequence[Document],
        claims: dict[Key, Claim],
        aligner: Aligner,
        settings: Settings,
    ) -> None:
        self.docs = docs
        self.claims = claims
        self.aligner = aligner
        self.settings = settings
        self.stated = (
            _Stated(lambda q: (q.unit, q.low, q.high), quantities.compatible),
            _Stated(lambda d: d.value, lambda y, d: dates.supports(y.value, d.value)),
            _Stated(lambda e: (e.kind, e.key), entities.supports),
        )
        """Every fact each source states anywhere: a detail another source gives,
        even in another sentence, is not one "only" its source gives."""
        for (source, _), claim in claims.items():
            facts = self._with_nationalities(claim.facts, claim.sentence)
            for table, items in zip(self.stated, (facts.quantities, facts.dates, facts.entities)):
                for item in items:
                    table.add(item, source)
        self._clause_facts: dict[Key, list[Facts]] = {}
        self._matches: dict[tuple[Key, Key], list[tuple[int, int, float]]] = {}
        self._same_when_masked: dict[tuple[str, str], bool] = {}  # masked texts -> same claim?
        self._content: dict[tuple[int, int, int], list[Word]] = {}
        self.postings: dict[str, list[Key]] = {}  # content token -> the claims that have it
        for key, claim in claims.items():
            for token in set(normalise(claim.sentence.text)):
                self.postings.setdefault(token, []).append(key)

    @cached_property
    def vocabulary(self) -> dict[int, frozenset[str]]:
        """Every word and dictionary form each source uses anywhere (read on
        first use: the lexicon loads only when a word needs judging)."""
        found: dict[int, set[str]] = {}
        for source, doc in enumerate(self.docs):
            words = {m.group().lower() for m in _WORD.finditer(doc.plain)}
            found[source] = words | {b for w in words for b in lexicon.bases(w)}
        return {source: frozenset(words) for source, words in found.items()}

    def words(self, source: int, start: int, end: int) -> list[Word]:
        """``_lexical_words`` of a span of a source, read once (a clause is
        compared with every partner of its claim)."""
        span = (source, start, end)
        if span not in self._content:
            self._content[span] = _lexical_words(self.docs[source].plain, start, end)
        return self._content[span]

    def _uses(self, source: int, word: str) -> bool:
        vocabulary = self.vocabulary.get(source, frozenset())
        return word.lower() in vocabulary or any(b in vocabulary for b in lexicon.bases(word))

    # -- clause matching -------------------------------------------------

    def clause_matches(self, a: Key, b: Key) -> list[tuple[int, int, float]]:
        """Clause pairs (index in a, index in b, score) that state the same thing:
        each clause's best partner on either side, if it scores high enough.
        Asked once for a link's conflicts and again for its claims' details."""
        if (b, a) in self._matches:
            return sorted((i, j, score) for j, i, score in self._matches[(b, a)])
        if (a, b) not in self._matches:
            scores = self.aligner.clause_scores(self.claims[a], self.claims[b])
            rows, cols = scores.shape
            best = {(i, int(scores[i].argmax())) for i in range(rows)}
            best |= {(int(scores[:, j].argmax()), j) for j in range(cols)}
            threshold = self.settings.clause_threshold
            self._matches[(a, b)] = sorted((i, j, float(scores[i, j])) for i, j in best if scores[i, j] >= threshold)
        return self._matches[(a, b)]

    def clause_facts(self, key: Key) -> list[Facts]:
        """The facts of each clause of a claim (a claim is judged once per link)."""
        if key not in self._clause_facts:
            claim = self.claims[key]
            self._clause_facts[key] = [_within(claim.facts, clause) for clause in claim.clauses]
        return self._clause_facts[key]

    # -- conflicts ---------------------------------------------------------

    def conflicts(self, a: Key, b: Key) -> list[Conflict]:
        """Every way the two claims' matched clauses cannot both be true."""
        ca, cb = self.claims[a], self.claims[b]
        found: list[Conflict] = []
        for i, j, _ in self.clause_matches(a, b):
            fa, fb = self.clause_facts(a)[i], self.clause_facts(b)[j]
            texts = (ca.clauses[i].text, cb.clauses[j].text)
            for conflict in (
                self._numbers(a, fa, b, fb),
                self._dates(a, fa, b, fb),
                self._entities(a, fa, b, fb),
                self._polarity(a, fa, b, fb, texts),
                self._antonyms(a, ca.clauses[i], fa, b, cb.clauses[j], fb),
            ):
                if conflict and conflict not in found:
                    found.append(conflict)
        return found

    def _names(self, a: Key, b: Key) -> tuple[str, str]:
        return _short(self.docs[a[0]].path), _short(self.docs[b[0]].path)

    def _numbers(self, a: Key, fa: Facts, b: Key, fb: Facts) -> Conflict | None:
        doc_a, doc_b = self.docs[a[0]], self.docs[b[0]]

        def key(doc: Document, q: quantities.Quantity) -> str:
            return q.unit + ("/" + _count_noun(doc, q.end) if q.unit == "count" else "")

        for qa in fa.quantities:
            unit = key(doc_a, qa)
            same_a = [q for q in fa.quantities if key(doc_a, q) == unit]
            same_b = [q for q in fb.quantities if key(doc_b, q) == unit]
            left = _unmatched(same_a, same_b, quantities.compatible)
            right = _unmatched(same_b, same_a, quantities.compatible)
            if left and right:
                x, y = left[0], right[0]
                na, nb = self._names(a, b)
                return Conflict(
                    "number",
                    f"{x.text} ({na}) vs {y.text} ({nb})",
                    (
                        ComparedFact(a[0], x.text, quantities.describe(x)),
                        ComparedFact(b[0], y.text, quantities.describe(y)),
                    ),
                    ((x.start, x.end), (y.start, y.end)),
                )
        return None

    def _dates(self, a: Key, fa: Facts, b: Key, fb: Facts) -> Conflict | None:
        def same(x: object, y: object) -> bool:
            return dates.compatible(x.value, y.value)  # type: ignore[attr-defined]

        left = _unmatched(fa.dates, fb.dates, same)
        right = _unmatched(fb.dates, fa.dates, same)
        if not (left and right):
            return None
        x, y = left[0], right[0]
        kind = "weekday" if Granularity.WEEKDAY in (x.value.granularity, y.value.granularity) else "date"
        na, nb = self._names(a, b)
        return Conflict(
            kind,
            f"{x.text} ({na}) vs {y.text} ({nb})",
            (
                ComparedFact(a[0], x.text, dates.describe(x.value)),
                ComparedFact(b[0], y.text, dates.describe(y.value)),
            ),
            ((x.start, x.end), (y.start, y.end)),
        )

    def _entities(self, a: Key, fa: Facts, b: Key, fb: Facts) -> Conflict | None:
        for x, y in self._rivals(a, fa, b, fb):
            if self._substituted(a, x, b, y):
                na, nb = self._names(a, b)
                return Conflict(
                    "entity",
                    f"{x.text} ({na}) vs {y.text} ({nb})",
                    (
                        ComparedFact(a[0], x.text, f"{x.kind.value}:{x.key}"),
                        ComparedFact(b[0], y.text, f"{y.kind.value}:{y.key}"),
                    ),
                    ((x.start, x.end), (y.start, y.end)),
                )
        return None

    def _rivals(self, a: Key, fa: Facts, b: Key, fb: Facts) -> Iterator[tuple[entities.Entity, entities.Entity]]:
        """Names of the two clauses that could stand for one another."""
        # A name is matched against the other *sentence*, not only the clause:
        # a person named once and referred to again elsewhere is no conflict.
        whole_a = self.claims[a].facts.entities
        whole_b = self.claims[b].facts.entities
        left = [e for e in _unmatched(fa.entities, whole_b, entities.same_entity) if e.kind in _SPECIFIC]
        right = [e for e in _unmatched(fb.entities, whole_a, entities.same_entity) if e.kind in _SPECIFIC]
        return ((x, y) for x in left for y in right if entities.conflicting(x, y))

    def _masked(self, key: Key, span: Sentence | Clause, masked: entities.Entity | Word) -> str:
        """The words of a sentence or clause of a claim but one name or word."""
        plain = self.docs[key[0]].plain
        return " ".join((plain[span.start : masked.start] + " " + plain[masked.end : span.end]).split())

    def _substituted(self, a: Key, x: entities.Entity, b: Key, y: entities.Entity) -> bool:
        """Do the two sentences say the same thing once these names are masked?

        Two names in loosely matched clauses usually play different parts
        ("China's regulator" and "a US chipmaker"); a contradiction is one name
        standing where the other source has another.
        """
        sa, sb = self.claims[a].sentence, self.claims[b].sentence
        return self._same_masked((self._masked(a, sa, x), self._masked(b, sb, y)))

    def _same_masked(self, pair: tuple[str, str]) -> bool:
        if pair not in self._same_when_masked:
            self._score_masked([pair])
        return self._same_when_masked[pair]

    def _score_masked(self, pairs: Sequence[tuple[str, str]]) -> None:
        scores = self.aligner.similarities(pairs)
        threshold = self.settings.substitution_threshold
        self._same_when_masked.update(zip(pairs, (scores >= threshold).tolist()))

    def prepare(self, links: Iterable[Link]) -> None:
        """Score at once every substitution the links' conflicts will ask about:
        one pair at a time costs some 70 times as much as a pair in a batch."""
        pairs: dict[tuple[str, str], None] = {}  # many sources repeat a sentence word for word
        for link in links:
            a, b = link.a, link.b
            for i, j, _ in self.clause_matches(a, b):
                for x, y in self._rivals(a, self.clause_facts(a)[i], b, self.clause_facts(b)[j]):
                    pairs.setdefault((self._masked(a, self.claims[a].sentence, x),
                                      self._masked(b, self.claims[b].sentence, y)))
        if pairs:
            self._score_masked(list(pairs))

    def _polarity(self, a: Key, fa: Facts, b: Key, fb: Facts, texts: tuple[str, str]) -> Conflict | None:
        reason = polarity.polarity_conflict(
            fa.negations, fa.directions, fb.negations, fb.directions, texts[0], texts[1]
        )
        if reason is None:
            return None
        cues_a = fa.negations + fa.directions
        cues_b = fb.negations + fb.directions
        return Conflict(
            "negation",
            reason,
            tuple(ComparedFact(a[0], c.text, f"{c.frame or 'negation'}:{c.sign:+d}") for c in cues_a)
            + tuple(ComparedFact(b[0], c.text, f"{c.frame or 'negation'}:{c.sign:+d}") for c in cues_b),
            tuple((c.start, c.end) for c in cues_a + cues_b),
        )

    def _antonyms(self, a: Key, ca: Clause, fa: Facts, b: Key, cb: Clause, fb: Facts) -> Conflict | None:
        """Words of opposite sense in matched clauses, each used by its own source
        alone: "thriving" where the other has "struggling", "generic" for "specific".
        A clause with a negation is left to the polarity rules ("not thriving")."""
        if fa.negations or fb.negations:
            return None
        def free(words: list[Word], facts: Facts) -> list[Word]:
            # A word of a direction cue is the frames' to judge: "lifted the ban" allows.
            return [w for w in words if not any(c.start <= w.start < c.end for c in facts.directions)]

        words_b = [y for y in free(self.words(b[0], cb.start, cb.end), fb)
                   if not self._uses(a[0], y.text)]
        if not words_b:
            return None
        for x in free(self.words(a[0], ca.start, ca.end), fa):
            if self._uses(b[0], x.text):
                continue
            for y in words_b:
                if lexicon.opposite(x.text, y.text):
                    na, nb = self._names(a, b)
                    return Conflict(
                        "negation",
                        f"“{x.text}” ({na}) vs “{y.text}” ({nb}): opposite words",
                        (ComparedFact(a[0], x.text, "antonym"), ComparedFact(b[0], y.text, "antonym")),
                        ((x.start, x.end), (y.start, y.end)),
                    )
        return None

    # -- details -------------------------------------------------------------

    def details(self, key: Key, partners: Sequence[Key]) -> list[Finding]:
        """Parts of a supported claim that no other source gives: a clause no
        partner matches, or a number, date or name no other source states anywhere."""
        claim = self.claims[key]
        doc = self.docs[key[0]]
        matched: dict[int, list[tuple[Key, Clause]]] = {}  # clause -> the partner clauses it matches
        for other in partners:
            for i, j, _ in self.clause_matches(key, other):
                matched.setdefault(i, []).append((other, self.claims[other].clauses[j]))
        numbers, days, names = self.stated
        found: list[Finding] = []
        for i, clause in enumerate(claim.clauses):
            if i not in matched:
                if len(claim.clauses) > 1 and not self.stated_elsewhere(clause.text, key[0]):
                    found.append(self._detail(doc, key, clause.start, clause.end, clause.text))
                continue
            own = _within(self._with_nationalities(claim.facts, claim.sentence), clause)
            given = [
                *(q for q in own.quantities if numbers.elsewhere(q, key[0])),
                *(d for d in own.dates if days.elsewhere(d, key[0])),
                *(e for e in own.entities if e.kind not in _NAMED or names.elsewhere(e, key[0])),
            ]
            for fact in (*own.quantities, *own.dates, *own.entities):
                if fact not in given:
                    found.append(self._detail(doc, key, fact.start, fact.end, fact.text))
            for word in self._substitutions(key, clause, matched[i]):
                found.append(self._detail(doc, key, word.start, word.end, word.text))
        return found

    def _substitutions(self, key: Key, clause: Clause, partners: Sequence[tuple[Key, Clause]]) -> list[Word]:
        """Words of a clause standing where a matched clause of another source has a
        different noun, which no other source uses and which is no
        synonym, inflection, derivation, broader or narrower term of a word of that
        sentence: "beach" for "clifftop", "green" for "blue", not "street" for "road"."""
        own = self.words(key[0], clause.start, clause.end)
        novel = {w for w in own if lexicon.known(w.text) and not self._used_elsewhere(key[0], w.text)}
        found: list[Word] = []
        for other, theirs_clause in partners if novel else ():
            theirs = self.words(other[0], theirs_clause.start, theirs_clause.end)
            sentence = self.claims[other].sentence
            context = self.words(other[0], sentence.start, sentence.end)
            tokens = set(normalise(sentence.text))
            matcher = SequenceMatcher(None, [w.key for w in own], [w.key for w in theirs], autojunk=False)
            for op, i1, i2, j1, j2 in matcher.get_opcodes():
                if op != "replace" or i2 - i1 > 2 or j2 - j1 > 2:
                    continue
                for w in own[i1:i2]:
                    if w in found or w not in novel or set(normalise(w.text)) & tokens \
                            or any(_akin(w.text, v.text, self.settings.hypernym_steps) for v in context):
                        continue
                    for v in theirs[j1:j2]:
                        if lexicon.kinds(w.text) & lexicon.kinds(v.text) & _SUBSTITUTABLE \
                                and self._stands_for(key, clause, w, other, theirs_clause, v):
                            found.append(w)
                            break
        return found

    def _stands_for(self, a: Key, ca: Clause, x: Word, b: Key, cb: Clause, y: Word) -> bool:
        """Do the two clauses say the same thing once the two words are masked
        (substitution_threshold, as for names)? A different word in a loosely
        matched clause is more often paraphrase than substitution."""
        return self._same_masked((self._masked(a, ca, x), self._masked(b, cb, y)))

    def _used_elsewhere(self, source: int, word: str) -> bool:
        return any(self._uses(other, word) for other in range(len(self.docs)) if other != source)

    def _with_nationalities(self, facts: Facts, sentence: Sentence) -> Facts:
        """The facts with the sentence's adjectives of nationality as places:
        "the Mexican embassy" states a country as much as "Mexico" would."""
        plain = self.docs[sentence.source].plain
        found = entities.nationalities(plain[sentence.start : sentence.end], sentence.start)
        return replace(facts, entities=facts.entities + tuple(found)) if found else facts

    def stated_elsewhere(self, text: str, source: int) -> bool:
        """Does a sentence of another source state this clause (clause_threshold)?
        A clause its partners leave out may be told elsewhere in the sources; only
        sentences sharing enough of its content tokens are scored (an index)."""
        tokens = set(normalise(text))
        hits: dict[Key, int] = {}
        for token in tokens:
            for key in self.postings.get(token, ()):
                if key[0] != source:
                    hits[key] = hits.get(key, 0) + 1
        need = max(1, round(self.settings.clause_threshold * len(tokens)))
        pairs = [(text, self.claims[k].sentence.text) for k, n in hits.items() if n >= need]
        return bool(pairs) and float(
            self.aligner.similarities(pairs).max()
        ) >= self.settings.clause_threshold

    def _detail(self, doc: Document, key: Key, start: int, end: int, text: str) -> Finding:
        s = self.claims[key].sentence
        rule = rule_for(Kind.UNSUPPORTED, "detail")
        return Finding(
            kind=Kind.UNSUPPORTED,
            type="detail",
            rule=rule.id,
            reason=f"only {_short(doc.path)} gives “{_clip(text)}”",
            score=0.0,
            evidence=(evidence(doc, key[0], s.start, s.end, [(start, end)], text),),
        )


def judge(
    docs: Sequence[Document],
    claims: dict[Key, Claim],
    groups: Sequence[ClaimGroup],
    aligner: Aligner,
    settings: Settings,
    judged: Collection[int] | None = None,
) -> list[Finding]:
    """Turn aligned groups into findings; claims in no group are unsupported.

    ``judged`` names the sources whose own claims are on trial (the draft, for
    ``check``); by default every source is.
    """
    j = Judge(docs, claims, aligner, settings)
    on_trial = set(range(len(docs)) if judged is None else judged)
    findings: list[Finding] = []
    grouped: set[Key] = set()
    j.prepare(link for group in groups for link in group.links)
    for group in groups:
        grouped.update(group.members)
        findings.extend(_judge_group(j, group, on_trial))
    for key in sorted(claims):
        if key not in grouped and key[0] in on_trial:
            findings.append(_unsupported(docs[key[0]], claims[key], key, len(on_trial) < len(docs)))
    return sort_findings(findings)


def _judge_group(j: Judge, group: ClaimGroup, on_trial: set[int]) -> list[Finding]:
    findings: list[Finding] = []
    agreeing: list[Link] = []
    conflicting: list[tuple[Link, list[Conflict]]] = []
    for link in group.links:
        conflicts = j.conflicts(link.a, link.b)
        if conflicts:
            conflicting.append((link, conflicts))
        else:
            agreeing.append(link)
    best: dict[tuple[Key, int], float] = {}  # (claim, other source) -> its best agreeing link's score
    for link in agreeing:
        for key, other in ((link.a, link.b[0]), (link.b, link.a[0])):
            best[(key, other)] = max(best.get((key, other), 0.0), link.score)
    for link, conflicts in conflicting:
        # The sentence of a source that best matches a claim speaks for that source:
        # a conflict with a sentence that matches it clearly less is a misalignment.
        outscored = max(best.get((link.a, link.b[0]), 0.0), best.get((link.b, link.a[0]), 0.0))
        if outscored >= link.score + j.settings.conflict_margin:
            continue
        findings.extend(_contradiction(j, link, c) for c in conflicts)
    if agreeing:
        members = sorted({k for link in agreeing for k in (link.a, link.b)})
        rule = rule_for(Kind.AGREEMENT, "claim")
        findings.append(
            Finding(
                kind=Kind.AGREEMENT,
                type="claim",
                rule=rule.id,
                reason=_agreement_reason(members, on_trial, len(j.docs)),
                score=round(max(link.score for link in agreeing), 3),
                evidence=tuple(_sentence_evidence(j, k) for k in members),
            )
        )
        partners: dict[Key, list[Key]] = {}  # one pass: a group of many sources has thousands of links
        for link in agreeing:
            partners.setdefault(link.a, []).append(link.b)
            partners.setdefault(link.b, []).append(link.a)
        for key in (k for k in members if k[0] in on_trial):
            findings.extend(j.details(key, partners[key]))
    return findings


def _agreement_reason(members: Sequence[Key], on_trial: set[int], sources: int) -> str:
    """"stated by 3 sources" when all are equal; "supported by 2 sources" for a draft."""
    if len(on_trial) == sources:
        return f"stated by {len({k[0] for k in members})} sources"
    count = len({k[0] for k in members} - on_trial)
    return f"supported by {count} source{'' if count == 1 else 's'}"


def _sentence_evidence(j: Judge, key: Key, highlights: Iterable[tuple[int, int]] = ()) -> Evidence:
    s = j.claims[key].sentence
    return evidence(j.docs[key[0]], key[0], s.start, s.end, highlights)


def _contradiction(j: Judge, link: Link, conflict: Conflict) -> Finding:
    rule = rule_for(Kind.CONTRADICTION, conflict.type)
    return Finding(
        kind=Kind.CONTRADICTION,
        type=conflict.type,
        rule=rule.id,
        reason=conflict.reason,
        score=round(link.score, 3),
        evidence=(
            _sentence_evidence(j, link.a, conflict.spans),
            _sentence_evidence(j, link.b, conflict.spans),
        ),
        facts=conflict.facts,
    )


def _unsupported(doc: Document, claim: Claim, key: Key, draft: bool) -> Finding:
    s = claim.sentence
    rule = rule_for(Kind.UNSUPPORTED, "claim")
    return Finding(
        kind=Kind.UNSUPPORTED,
        type="claim",
        rule=rule.id,
        reason="no source supports this claim" if draft else "no other source makes this claim",
        score=0.0,
        evidence=(evidence(doc, key[0], s.start, s.end),),
    )


_KIND_ORDER = {Kind.CONTRADICTION: 0, Kind.AGREEMENT: 1, Kind.UNSUPPORTED: 2}


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The documented order: contradictions, agreements, unsupported; then by
    first source, position in it, and rule; duplicates dropped."""
    unique = dict.fromkeys(findings)
    return sorted(
        unique,
        key=lambda f: (
            _KIND_ORDER[f.kind],
            [(e.source, e.start, e.end) for e in f.evidence],
            f.rule,
            f.reason,
        ),
    )
