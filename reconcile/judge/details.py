"""Details: the parts of a supported claim that no other source gives, so an
editor sees what a sentence adds to what others state (a clause no partner
matches, a number, date or name no other source states anywhere)."""

from __future__ import annotations

from collections.abc import Sequence

from reconcile.findings import evidence, short
from reconcile.judge.compare import NAMED, Judge, within
from reconcile.model import Document, Finding, Key, Kind
from reconcile.rules import rule_for
from reconcile.text.tokens import normalise


def details(j: Judge, key: Key, partners: Sequence[Key]) -> list[Finding]:
    """Parts of a supported claim that no other source gives: a clause no
    partner matches, or a number, date or name no other source states anywhere."""
    claim = j.claims[key]
    doc = j.docs[key[0]]
    matched: set[int] = set()
    for other in partners:
        matched.update(i for i, _, _ in j.clause_matches(key, other))
    numbers, days, names = j.stated
    found: list[Finding] = []
    for i, clause in enumerate(claim.clauses):
        if i not in matched:
            if len(claim.clauses) > 1 and not _stated_elsewhere(j, clause.text, key[0]):
                found.append(_detail(j, doc, key, clause.start, clause.end, clause.text))
            continue
        own = within(j.with_nationalities(claim.facts, claim.sentence), clause)
        given = [
            *(q for q in own.quantities if numbers.elsewhere(q, key[0])),
            *(d for d in own.dates if days.elsewhere(d, key[0])),
            *(e for e in own.entities if e.kind not in NAMED or names.elsewhere(e, key[0])),
        ]
        for fact in (*own.quantities, *own.dates, *own.entities):
            if fact not in given:
                found.append(_detail(j, doc, key, fact.start, fact.end, fact.text))
    return found


def _stated_elsewhere(j: Judge, text: str, source: int) -> bool:
    """Does a sentence of another source state this clause (clause_threshold)?
    A clause its partners leave out may be told elsewhere in the sources; only
    sentences sharing enough of its content tokens are scored (an index)."""
    tokens = set(normalise(text))
    hits: dict[Key, int] = {}
    for token in tokens:
        for key in j.postings.get(token, ()):
            if key[0] != source:
                hits[key] = hits.get(key, 0) + 1
    need = max(1, round(j.settings.clause_threshold * len(tokens)))
    pairs = [(text, j.claims[k].sentence.text) for k, n in hits.items() if n >= need]
    return bool(pairs) and float(
        j.scorer.similarities(pairs).max()
    ) >= j.settings.clause_threshold


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
