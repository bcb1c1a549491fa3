"""Judgement: what aligned claims say to each other, as findings.

Within each group of aligned claims, a link whose claims conflict
(``reconcile.judge.compare``) is a contradiction, the agreeing links state
claims (an agreement each) and what a supported claim adds that no other
source gives is an unsupported detail; a claim in no group is unsupported.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from reconcile.align.groups import claims_stated
from reconcile.findings import evidence, sort_findings
from reconcile.judge.compare import Conflict, Judge
from reconcile.model import (
    Alignment,
    Claim,
    ClaimGroup,
    ComparedFact,
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
    """Turn the aligned groups into findings; claims in no group are unsupported.

    ``judged`` names the sources whose own claims are on trial (the draft, for
    ``check``); by default every source is.
    """
    j = Judge(docs, claims, alignment, settings)
    on_trial = set(range(len(docs)) if judged is None else judged)
    findings: list[Finding] = []
    grouped: set[Key] = set()
    j.prepare((link.a, link.b) for group in alignment.groups for link in group.links)
    for group in alignment.groups:
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
    if not agreeing:
        return findings
    rule = rule_for(Kind.AGREEMENT, "claim")
    stated = claims_stated(agreeing)
    which = {key: n for n, members in enumerate(stated) for key in members}
    top: dict[int, float] = {}  # claim -> its strongest link
    for link in agreeing:
        if which[link.a] == which[link.b]:
            top[which[link.a]] = max(top.get(which[link.a], 0.0), link.score)
    for n, members in enumerate(stated):
        findings.append(
            Finding(
                kind=Kind.AGREEMENT,
                type="claim",
                rule=rule.id,
                reason=_agreement_reason(members, on_trial, len(j.docs)),
                score=round(top[n], 3),
                evidence=tuple(_sentence_evidence(j, k) for k in members),
            )
        )
    partners: dict[Key, list[Key]] = {}  # one pass: a group of many sources has thousands of links
    for link in agreeing:
        partners.setdefault(link.a, []).append(link.b)
        partners.setdefault(link.b, []).append(link.a)
    for key in sorted(k for k in partners if k[0] in on_trial):
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
    keys = (link.a, link.b)

    def highlights(side: int) -> list[tuple[int, int]]:
        at = j.claims[keys[side]].sentence.start
        return [(at + start, at + end) for s, start, end in conflict.spans if s == side]

    return Finding(
        kind=Kind.CONTRADICTION,
        type=conflict.type,
        rule=rule.id,
        reason=conflict.explain(j.names(link.a, link.b)),
        score=round(link.score, 3),
        evidence=(_sentence_evidence(j, link.a, highlights(0)), _sentence_evidence(j, link.b, highlights(1))),
        facts=tuple(ComparedFact(keys[side][0], text, value) for side, text, value in conflict.facts),
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
