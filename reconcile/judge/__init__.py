"""Judgement: what aligned claims say to each other, as findings.

Within each group of aligned claims, a link whose claims conflict
(``reconcile.judge.compare``) is a contradiction, the agreeing links state
claims (an agreement each) and what a supported claim adds that no other
source gives is an unsupported detail; a claim in no group is unsupported.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from reconcile.align.groups import claims_stated
from reconcile.findings import evidence, sort_findings
from reconcile.judge.candidates import Candidate, Candidates
from reconcile.judge.compare import Judge
from reconcile.judge.confidence import fitted, probability
from reconcile.judge.details import details
from reconcile.judge.disagreements import disagreements
from reconcile.model import (
    Alignment,
    Claim,
    Document,
    Evidence,
    Finding,
    Key,
    Kind,
    Link,
)
from reconcile.rules import rule_for
from reconcile.settings import Settings


def judge(
    docs: Sequence[Document],
    claims: dict[Key, Claim],
    alignment: Alignment,
    settings: Settings,
    judged: Collection[int] | None = None,
) -> list[Finding]:
    """Turn the aligned claims into findings: the candidate conflicts sure enough
    (``confidence``) are disagreements, one per disputed slot; the links without
    one are agreements; claims in neither are unsupported.

    ``judged`` names the sources whose own claims are on trial (the draft, for
    ``check``); by default every source is.
    """
    with _uncollected():
        return _judge(docs, claims, alignment, settings, judged)


@contextmanager
def _uncollected() -> Iterator[None]:
    """The garbage collector paused, then back as it was. The judge makes
    hundreds of thousands of small objects that live until it returns (links,
    candidates, what it keeps per pair of readings) and no reference cycles, so
    reference counting frees them all; with the collector on, each full
    collection rescanned them: 10 collections, 0.8 s of the judge at 100
    sources, 14 and 3.4 s at 200."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _judge(docs: Sequence[Document], claims: dict[Key, Claim], alignment: Alignment, settings: Settings,
           judged: Collection[int] | None) -> list[Finding]:
    j = Judge(docs, claims, alignment, settings)
    on_trial = set(range(len(docs)) if judged is None else judged)
    weighed = weigh(j, alignment, on_trial)
    weights, threshold = _model(settings)
    doubtful: set[tuple[Key, Key]] = set()  # links that agree on no account
    sure: list[tuple[Candidate, float]] = []
    links: list[Link] = []
    for link, found in weighed:
        links.append(link)
        weighed_found = [(c, probability(c.features, weights)) for c in found]
        sure += [(c, p) for c, p in weighed_found if p >= threshold]
        # a conflict in the clauses the aligner matched, or one nearly sure enough,
        # leaves the pair unsupported rather than agreeing
        if any(p >= threshold / 2 or dict(c.features).get("clause") for c, p in weighed_found):
            doubtful.add((link.a, link.b))
    findings = disagreements(j, sure)
    agreeing = [link for link in links if link.score >= settings.align_threshold or link.anchored]
    # a sentence ends in one place: a contradicted one is no part of an agreement
    contradicted = {key for f in findings for key in _keys(j, f)}
    agreeing = [link for link in agreeing if (link.a, link.b) not in doubtful
                and link.a not in contradicted and link.b not in contradicted]
    findings.extend(_agreements(j, agreeing, on_trial))
    told = {k for f in findings for e in f.evidence for k in [(e.source, e.start)]}
    for key in sorted(claims):
        s = claims[key].sentence
        if key[0] in on_trial and (key[0], s.start) not in told:
            findings.append(_unsupported(docs[key[0]], claims[key], key, len(on_trial) < len(docs)))
    return sort_findings(findings)


def weigh(j: Judge, alignment: Alignment, on_trial: set[int]) -> Iterator[tuple[Link, Sequence[Candidate]]]:
    """Every pair of claims worth comparing, with its candidate conflicts: the
    links the aligner made, and pairs of claims holding facts of one slot. One
    pair at a time: the candidates of every pair at once (a 200-source story
    weighs 200,000) were a tenth of the run's peak memory."""
    # pairs and (claim, source) pairs as ints in key order: hundreds of thousands of
    # tuples of tuples would each be scanned at every full garbage collection
    number = {key: n for n, key in enumerate(sorted(j.claims))}
    links = _links(j, alignment, number, on_trial)
    j.knows(links.values())
    find = Candidates(j)
    find.prepare([(link.a, link.b) for link in links.values()])
    ordered = [links[code] for code in sorted(links)]
    del links  # a generator's names live until its last pair is taken: 200,000 at 200 sources
    outscored = _outscored(ordered, number, len(j.docs)).tolist()
    heading = {key for key, c in j.claims.items() if c.sentence.heading}
    for n, link in enumerate(ordered):
        yield link, find(link, heading=link.a in heading or link.b in heading, outscored=outscored[n])


def _links(j: Judge, alignment: Alignment, number: dict[Key, int], on_trial: set[int]) -> dict[int, Link]:
    """The aligner's links and the judge's own for pairs of claims holding facts of
    one slot, by pair of claims as one int (``number``)."""
    size = len(number)
    links = {number[link.a] * size + number[link.b]: link for group in alignment.groups for link in group.links}
    slots = j.slots
    extra = [pair for pair in slots.pairs(j.settings.slot_context, j.settings.candidate_limit)
             if number[pair[0]] * size + number[pair[1]] not in links
             and (pair[0][0] in on_trial or pair[1][0] in on_trial)]
    if extra:
        texts = [(j.claims[a].sentence.text, j.claims[b].sentence.text) for a, b in extra]
        for (a, b), score in zip(extra, j.scorer.similarities(texts).tolist()):
            links[number[a] * size + number[b]] = Link(
                a, b, round(score, 4), anchored=slots.agree(a, b, j.settings.slot_context), exact=score)
    return links


def _outscored(links: Sequence[Link], number: dict[Key, int], sources: int) -> np.ndarray:
    """For each link, how much better another sentence of either claim's partner
    source matches that claim (the sentence that matches best speaks for its
    source): the best score of the claim's links to that source, less this one's."""
    if not links:
        return np.zeros(0)
    score = np.fromiter((link.score for link in links), dtype=float, count=len(links))
    # (claim, other source) as one int: a's with b's source, b's with a's
    mine = np.fromiter((number[link.a] * sources + link.b[0] for link in links), dtype=np.int64, count=len(links))
    theirs = np.fromiter((number[link.b] * sources + link.a[0] for link in links), dtype=np.int64, count=len(links))
    keys = np.concatenate([mine, theirs])
    order = np.argsort(keys, kind="stable")
    firsts = np.flatnonzero(np.diff(keys[order], prepend=-1))
    best = np.maximum.reduceat(np.concatenate([score, score])[order], firsts)  # per claim and other source
    known = keys[order][firsts]
    return np.maximum(best[np.searchsorted(known, mine)], best[np.searchsorted(known, theirs)]) - score


def _keys(j: Judge, finding: Finding) -> list[Key]:
    """The claims a finding's evidence stands for."""
    return [(e.source, j.index[(e.source, e.start)]) for e in finding.evidence if (e.source, e.start) in j.index]


def _model(settings: Settings) -> tuple[dict[str, float], float]:
    data = fitted()
    threshold = data["threshold"] if settings.min_confidence is None else settings.min_confidence
    return data["weights"], threshold


def _agreements(j: Judge, agreeing: Sequence[Link], on_trial: set[int]) -> list[Finding]:
    """One agreement per claim the agreeing links state, and what a supported
    claim adds that no other source gives."""
    rule = rule_for(Kind.AGREEMENT, "claim")
    stated = claims_stated(agreeing, j.settings.claim_quorum)
    which = {key: n for n, members in enumerate(stated) for key in members}
    agreeing = [link for link in agreeing if link.a in which and link.b in which]  # the rest state no claim
    best: dict[Key, float] = {}  # sentence -> its strongest link within its claim
    for link in agreeing:
        if which[link.a] == which[link.b]:
            for key in (link.a, link.b):
                best[key] = max(best.get(key, 0.0), link.score)
    # a claim is as sure as its least attached sentence: one copy pair scoring 1.0
    # says nothing of a sentence that joined by a weak link
    top = {n: min(best[key] for key in members) for n, members in enumerate(stated)}
    findings = [
        Finding(
            kind=Kind.AGREEMENT,
            type="claim",
            rule=rule.id,
            reason=_agreement_reason(members, on_trial, len(j.docs)),
            score=round(top[n], 3),
            evidence=tuple(_sentence_evidence(j, k) for k in members),
        )
        for n, members in enumerate(stated)
    ]
    partners: dict[Key, list[Key]] = {}  # one pass: a group of many sources has thousands of links
    for link in agreeing:
        partners.setdefault(link.a, []).append(link.b)
        partners.setdefault(link.b, []).append(link.a)
    findings.extend(details(j, {key: others for key, others in partners.items() if key[0] in on_trial}))
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
