"""Details: the parts of a supported claim that no other source gives, so an
editor sees what a sentence adds to what others state (a clause no partner
matches, a number, date or name no other source states anywhere)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from reconcile.findings import evidence, short
from reconcile.judge.compare import NAMED, Judge, within
from reconcile.model import Clause, Document, Finding, Key, Kind
from reconcile.rules import rule_for
from reconcile.text.tokens import normalise


def details(j: Judge, partners: Mapping[Key, Sequence[Key]]) -> list[Finding]:
    """Parts of each supported claim (by key, with its partners) that no other
    source gives: a clause no partner matches, or a number, date or name no other
    source states anywhere. Whether another source states such a clause is scored
    for every claim's clauses in one batch."""
    found: list[Finding | tuple[Key, Clause, int, int]] = []  # a clause to check: its pairs' place
    pairs: list[tuple[str, str]] = []
    numbers, days, names = j.stated
    for key in sorted(partners):
        claim, doc = j.claims[key], j.docs[key[0]]
        facts = j.with_nationalities(claim.facts, claim.sentence)
        matched: set[int] = set()
        for other in partners[key]:
            matched.update(i for i, _, _ in j.clause_matches(key, other))
        for i, clause in enumerate(claim.clauses):
            if i not in matched:
                if len(claim.clauses) > 1:
                    others = _elsewhere(j, clause.text, key[0])
                    found.append((key, clause, len(pairs), len(pairs) + len(others)))
                    pairs.extend(others)
                continue
            own = within(facts, clause)
            given = [
                *(q for q in own.quantities if numbers.elsewhere(q, key[0])),
                *(d for d in own.dates if days.elsewhere(d, key[0])),
                *(e for e in own.entities if e.kind not in NAMED or names.elsewhere(e, key[0])),
            ]
            found.extend(_detail(j, doc, key, f.start, f.end, f.text)
                         for f in (*own.quantities, *own.dates, *own.entities) if f not in given)
    scores = j.scorer.similarities(pairs) if pairs else np.zeros(0)
    out = []
    for item in found:
        if isinstance(item, Finding):
            out.append(item)
            continue
        key, clause, start, stop = item
        if stop == start or scores[start:stop].max() < j.settings.clause_threshold:  # no other source tells it
            out.append(_detail(j, j.docs[key[0]], key, clause.start, clause.end, clause.text))
    return out


def _elsewhere(j: Judge, text: str, source: int) -> list[tuple[str, str]]:
    """The sentences of other sources that may state this clause, paired with it:
    a clause its partners leave out may be told elsewhere in the sources; only
    sentences sharing enough of its content tokens are scored (an index)."""
    tokens = set(normalise(text))
    hits: dict[Key, int] = {}
    for token in tokens:
        for key in j.postings.get(token, ()):
            if key[0] != source:
                hits[key] = hits.get(key, 0) + 1
    need = max(1, round(j.settings.clause_threshold * len(tokens)))
    return [(text, j.claims[k].sentence.text) for k, n in hits.items() if n >= need]


def _detail(j: Judge, doc: Document, key: Key, start: int, end: int, text: str) -> Finding:
    s = j.claims[key].sentence
    rule = rule_for(Kind.UNSUPPORTED, "detail")
    return Finding(
        kind=Kind.UNSUPPORTED,
        type="detail",
        rule=rule.id,
        reason=f"only {short(doc.path)} gives “{_clip(text)}”",
        score=0.0,
        evidence=(evidence(doc, key[0], s.start, s.end, [(start, end)], text),),
    )


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
