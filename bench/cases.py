"""Scoring ``compare`` and ``check`` on the labelled case folders (../shared/cases).

Each case folder holds the articles of one story and a ``gold.json`` naming, by
snippets of their sentences, the agreements, contradictions, unsupported
statements and look-alike traps a careful reader finds. The scoring is the one
the cases' README states:

- a gold agreement or contradiction is found when one finding of its kind cites a
  sentence holding each snippet (a contradiction: ``a`` or ``b`` plus one more of
  ``a``, ``b`` and ``extra``); the reported type is not required to match, and
  how many were typed as the gold types them is counted apart;
- an unsupported item is found when an unsupported finding reports its sentence,
  or a detail of it overlapping the snippet;
- a trap is flagged when one contradiction cites both its sentences;
- contradiction precision is the share of reported contradictions that match a
  gold one.

Every figure is a count (hits, total) so cases add up, and a threshold can be
fitted leaving one case out. Each miss is classified from the findings and the
sentences the tool read, so the classes can be counted rather than guessed.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from reconcile import Kind, Report, Settings, check, compare, extract
from reconcile.model import Evidence, Finding

SAME_TYPE = {"antonym": "negation"}
"""Gold types the tool reports under another name: an opposite outcome is its
polarity rule (RC106, type ``negation``)."""


def fold(text: str) -> str:
    """White space folded: a snippet is matched across line breaks and CRLF."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class Ref:
    """A sentence named by an exact substring of it."""

    file: str
    snippet: str

    def __str__(self) -> str:
        return f"{self.file}: “{self.snippet}”"


@dataclass(frozen=True)
class Pair:
    """A gold agreement, contradiction or trap."""

    a: Ref
    b: Ref
    type: str = ""  # contradictions only
    extra: tuple[Ref, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Gold:
    case: str
    mode: str  # "compare" or "check"
    reference_date: date
    agreements: tuple[Pair, ...]
    contradictions: tuple[Pair, ...]
    unsupported: tuple[Ref, ...]
    traps: tuple[Pair, ...]


def _ref(data: dict) -> Ref:
    return Ref(data["file"], data["snippet"])


def _pair(data: dict) -> Pair:
    return Pair(_ref(data["a"]), _ref(data["b"]), data.get("type", ""),
                tuple(_ref(x) for x in data.get("extra", ())), data.get("note", ""))


def read_gold(case_dir: str | os.PathLike[str]) -> Gold:
    data = json.loads((Path(case_dir) / "gold.json").read_text(encoding="utf-8"))
    return Gold(
        case=data.get("case", Path(case_dir).name),
        mode=data.get("mode", "compare"),
        reference_date=date.fromisoformat(data["reference_date"]),
        agreements=tuple(_pair(x) for x in data.get("agreements", ())),
        contradictions=tuple(_pair(x) for x in data.get("contradictions", ())),
        unsupported=tuple(_ref(x) for x in data.get("unsupported", ())),
        traps=tuple(_pair(x) for x in data.get("traps", ())),
    )


def articles(case_dir: str | os.PathLike[str]) -> list[Path]:
    """The case's article files: everything in the folder but gold.json and hidden files."""
    return sorted(p for p in Path(case_dir).iterdir()
                  if p.is_file() and p.name != "gold.json" and not p.name.startswith("."))


def run_case(case_dir: str | os.PathLike[str], gold: Gold, settings: Settings) -> Report:
    """``check`` of draft.md against the other files in check mode, else ``compare`` of all."""
    files = articles(case_dir)
    if gold.mode == "check":
        draft = Path(case_dir) / "draft.md"
        return check(str(draft), [str(p) for p in files if p != draft], settings)
    return compare([str(p) for p in files], settings)


# --------------------------------------------------------------------------- matching


def cites(evidence: Evidence, ref: Ref) -> bool:
    return Path(evidence.path).name == ref.file and fold(ref.snippet) in fold(evidence.sentence)


def _cited(finding: Finding, ref: Ref) -> bool:
    return any(cites(e, ref) for e in finding.evidence)


def together(finding: Finding, pair: Pair) -> bool:
    """Does the finding cite both sentences of the pair?"""
    return _cited(finding, pair.a) and _cited(finding, pair.b)


def matches_contradiction(finding: Finding, pair: Pair) -> bool:
    """``a`` or ``b``, plus one more of ``a``, ``b`` and ``extra``."""
    named = [_cited(finding, r) for r in (pair.a, pair.b, *pair.extra)]
    return (named[0] or named[1]) and sum(named) >= 2


def _overlaps(sentence: str, detail: str, snippet: str) -> bool:
    """Do the detail and the snippet share characters of the sentence?"""
    text, detail, snippet = fold(sentence), fold(detail), fold(snippet)
    d, s = text.find(detail), text.find(snippet)
    return d >= 0 and s >= 0 and d < s + len(snippet) and s < d + len(detail)


def reports_unsupported(finding: Finding, ref: Ref) -> bool:
    """An unsupported finding on the sentence; a detail only when it is the snippet's."""
    return finding.kind is Kind.UNSUPPORTED and any(
        cites(e, ref) and (not e.detail or _overlaps(e.sentence, e.detail, ref.snippet))
        for e in finding.evidence
    )


# --------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class Tally:
    hit: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.hit + other.hit, self.total + other.total)

    @property
    def share(self) -> float | None:
        return self.hit / self.total if self.total else None


def _merged(a: dict[str, Tally], b: dict[str, Tally]) -> dict[str, Tally]:
    return {k: a.get(k, Tally()) + b.get(k, Tally()) for k in sorted(set(a) | set(b))}


@dataclass(frozen=True)
class Counts:
    """What one case scores, as counts that add over cases."""

    agreements: Tally = Tally()
    contradictions: dict[str, Tally] = field(default_factory=dict)  # gold type -> (found, gold)
    typed: Tally = Tally()  # found contradictions reported under the gold's type
    precision: Tally = Tally()  # (reported contradictions matching a gold one, reported)
    traps: Tally = Tally()  # (flagged, traps)
    unsupported: Tally = Tally()
    unsupported_reported: int = 0  # unsupported findings, whatever the gold says
    agreed_reported_unsupported: Tally = Tally()  # gold agreement sentences reported unsupported

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.agreements + other.agreements,
            _merged(self.contradictions, other.contradictions),
            self.typed + other.typed,
            self.precision + other.precision,
            self.traps + other.traps,
            self.unsupported + other.unsupported,
            self.unsupported_reported + other.unsupported_reported,
            self.agreed_reported_unsupported + other.agreed_reported_unsupported,
        )

    @property
    def contradiction_recall(self) -> Tally:
        return sum(self.contradictions.values(), Tally())


@dataclass(frozen=True)
class Miss:
    """A gold item not found, and why, as far as the findings tell."""

    what: str  # "agreement", "contradiction/number", "unsupported"
    refs: tuple[Ref, ...]
    why: str  # the class: "never aligned", "aligned as an agreement", ...
    detail: str = ""  # what the sentences were reported as instead


@dataclass(frozen=True)
class Cited:
    """A reported contradiction or flagged trap, as a person reads it."""

    type: str
    reason: str
    evidence: tuple[tuple[str, int, str], ...]  # (file, line, sentence)


@dataclass(frozen=True)
class CaseScore:
    case: str
    mode: str
    counts: Counts
    misses: tuple[Miss, ...] = ()
    mistyped: tuple[tuple[Pair, str], ...] = ()  # found contradictions and the type reported
    unmatched: tuple[Cited, ...] = ()  # reported contradictions matching no gold one
    flagged: tuple[tuple[Pair, Cited], ...] = ()  # traps cited by one contradiction
    seconds: float = 0.0


def total(scores: Iterable[CaseScore]) -> Counts:
    return sum((s.counts for s in scores), Counts())


def _cited_finding(finding: Finding) -> Cited:
    return Cited(finding.type, finding.reason,
                 tuple((Path(e.path).name, e.line, fold(e.sentence)) for e in finding.evidence))


# --------------------------------------------------------------------------- why missed


class Sentences:
    """The sentences the tool read in each file of a case, for classifying misses."""

    def __init__(self, case_dir: str | os.PathLike[str], settings: Settings) -> None:
        self.case_dir, self.settings = Path(case_dir), settings
        self._read: dict[str, list[dict]] = {}

    def of(self, file: str) -> list[dict]:
        if file not in self._read:
            path = self.case_dir / file
            self._read[file] = extract(str(path), self.settings)["sentences"] if path.exists() else []
        return self._read[file]

    def problem(self, ref: Ref) -> str:
        """Why a snippet cannot be cited at all, or "" when it can."""
        path = self.case_dir / ref.file
        if not path.exists() or fold(ref.snippet) not in fold(path.read_text(encoding="utf-8-sig", errors="replace")):
            return "gold snippet not in its file"
        holding = [s for s in self.of(ref.file) if fold(ref.snippet) in fold(s["text"])]
        if not holding:
            return "snippet split across two of our sentences"
        if not any(s["claim"] for s in holding):
            return "heading or too short: not read as a claim"
        return ""


def _as(findings: Sequence[Finding], ref: Ref) -> str:
    """What the findings make of one sentence, in name order: "agreement",
    "contradiction/number", "unsupported claim"..., or "nothing"."""
    kinds = sorted({f"{f.kind.value}/{f.type}" if f.kind is Kind.CONTRADICTION
                    else f"{f.kind.value} {f.type}" if f.kind is Kind.UNSUPPORTED else f.kind.value
                    for f in findings if _cited(f, ref)})
    return ", ".join(kinds) or "nothing"


def classify(pair: Pair, kind: Kind, report: Report, sentences: Sentences) -> tuple[str, str]:
    """Why a gold agreement or contradiction was not found: (class, what instead)."""
    for ref in (pair.a, pair.b):
        problem = sentences.problem(ref)
        if problem:
            return problem, str(ref)
    instead = f"a: {_as(report.findings, pair.a)}; b: {_as(report.findings, pair.b)}"
    both = [f for f in report.findings if together(f, pair)]
    if kind is Kind.CONTRADICTION:
        if any(f.kind is Kind.AGREEMENT for f in both):
            return "aligned as an agreement instead", instead
        if pair.extra and not any(_cited(f, pair.a) or _cited(f, pair.b) for f in report.of(Kind.CONTRADICTION)):
            return "never aligned (needs combining with extra sentences)", instead
    elif any(f.kind is Kind.CONTRADICTION for f in both):
        return "reported as a contradiction instead", instead
    for one, other in ((pair.a, pair.b), (pair.b, pair.a)):
        if any(_cited(f, one) and any(Path(e.path).name == other.file and not cites(e, other) for e in f.evidence)
               for f in report.of(kind)):
            return f"{kind.value} with another sentence of the other file", instead
    return "never aligned", instead


def classify_unsupported(ref: Ref, report: Report, sentences: Sentences) -> tuple[str, str]:
    problem = sentences.problem(ref)
    if problem:
        return problem, str(ref)
    instead = _as(report.findings, ref)
    on_sentence = [f for f in report.of(Kind.UNSUPPORTED) if _cited(f, ref)]
    if on_sentence:
        return "unsupported detail elsewhere in the sentence", instead
    if any(_cited(f, ref) for f in report.of(Kind.CONTRADICTION)):
        return "reported as contradicted", instead
    if any(_cited(f, ref) for f in report.of(Kind.AGREEMENT)):
        return "aligned as an agreement, the detail not reported", instead
    return "no finding on it", instead


# --------------------------------------------------------------------------- scoring


def score_report(gold: Gold, report: Report, sentences: Sentences) -> CaseScore:
    """The counts, misses and unmatched findings of one report against its gold."""
    agreements = report.of(Kind.AGREEMENT)
    contradictions = report.of(Kind.CONTRADICTION)
    unsupported = report.of(Kind.UNSUPPORTED)
    misses: list[Miss] = []
    mistyped: list[tuple[Pair, str]] = []

    agreed = 0
    for pair in gold.agreements:
        if any(together(f, pair) for f in agreements):
            agreed += 1
        else:
            misses.append(Miss("agreement", (pair.a, pair.b), *classify(pair, Kind.AGREEMENT, report, sentences)))

    by_type: dict[str, Tally] = {}
    typed = 0
    for pair in gold.contradictions:
        found = [f for f in contradictions if matches_contradiction(f, pair)]
        by_type[pair.type] = by_type.get(pair.type, Tally()) + Tally(int(bool(found)), 1)
        if not found:
            misses.append(Miss(f"contradiction/{pair.type}", (pair.a, pair.b, *pair.extra),
                               *classify(pair, Kind.CONTRADICTION, report, sentences)))
        elif any(f.type == SAME_TYPE.get(pair.type, pair.type) for f in found):
            typed += 1
        else:
            mistyped.append((pair, ", ".join(sorted({f.type for f in found}))))

    matched = [f for f in contradictions if any(matches_contradiction(f, p) for p in gold.contradictions)]
    flagged = [(t, _cited_finding(f)) for t in gold.traps for f in contradictions if together(f, t)]

    hits = 0
    for ref in gold.unsupported:
        if any(reports_unsupported(f, ref) for f in unsupported):
            hits += 1
        else:
            misses.append(Miss("unsupported", (ref,), *classify_unsupported(ref, report, sentences)))

    agreed_refs = {r for p in gold.agreements for r in (p.a, p.b)}
    agreed_unsupported = sum(1 for r in agreed_refs if any(reports_unsupported(f, r) for f in unsupported))

    counts = Counts(
        agreements=Tally(agreed, len(gold.agreements)),
        contradictions=by_type,
        typed=Tally(typed, sum(t.hit for t in by_type.values())),
        precision=Tally(len(matched), len(contradictions)),
        traps=Tally(sum(any(together(f, t) for f in contradictions) for t in gold.traps), len(gold.traps)),
        unsupported=Tally(hits, len(gold.unsupported)),
        unsupported_reported=len(unsupported),
        agreed_reported_unsupported=Tally(agreed_unsupported, len(agreed_refs)),
    )
    return CaseScore(
        gold.case, gold.mode, counts, tuple(misses), tuple(mistyped),
        tuple(_cited_finding(f) for f in contradictions if f not in matched), tuple(flagged),
    )


def score_case(case_dir: str | os.PathLike[str], settings: Settings) -> CaseScore:
    """One case, run with ``today`` set to its reference date so nothing depends on the clock."""
    gold = read_gold(case_dir)
    settings = settings.replace(today=gold.reference_date)
    started = time.perf_counter()
    report = run_case(case_dir, gold, settings)
    seconds = time.perf_counter() - started
    return replace(score_report(gold, report, Sentences(case_dir, settings)), seconds=seconds)


def case_dirs(root: str | os.PathLike[str]) -> list[Path]:
    """The subfolders of ``root`` holding a gold.json, by name."""
    return sorted(p.parent for p in Path(root).glob("*/gold.json"))


def run_cases(root: str | os.PathLike[str], settings: Settings) -> list[CaseScore]:
    return [score_case(d, settings) for d in case_dirs(root)]


def miss_classes(scores: Iterable[CaseScore]) -> Counter:
    """(what, why) -> how many misses, over cases."""
    return Counter((m.what.split("/")[0], m.why) for s in scores for m in s.misses)
