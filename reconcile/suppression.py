"""Findings a user has looked at and accepted: inline comments, a baseline file,
and rule selection.

- Inline: ``<!-- reconcile: ignore[RC201,number-mismatch] -->`` (rule ids, names or
  id prefixes; without ``[...]`` every rule). A comment alone on its line covers the
  next line; a comment after text covers its own line. A finding is suppressed when
  a sentence it points at, in the comment's document, runs over the covered line.
- Baseline: a JSON file of the findings accepted so far, keyed on content (the SARIF
  fingerprint: rule, what is disputed and the set of values, files and sentences with
  case and spacing folded), never on line numbers or order, so edits above a finding
  and reordered sources or findings keep it suppressed.

Suppressions that match nothing are reported in ``Report.unused_suppressions``, as
ruff reports unused ``noqa`` comments: a stale one would hide the next real problem.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from reconcile import rules
from reconcile.errors import InputError
from reconcile.findings import fingerprint, fold, repository_path
from reconcile.model import Document, Evidence, Finding, Kind, Report, UnusedSuppression

BASELINE_VERSION = 2  # 2: keyed on a disagreement's slot and values, order left out
_ANY_DIRECTIVE = re.compile(r"<!--\s*reconcile\s*:.*?-->", re.S | re.I)
_DIRECTIVE = re.compile(r"<!--\s*reconcile\s*:\s*ignore\s*(?:\[(?P<rules>[^\]]*)\])?\s*-->", re.S | re.I)
_NOT_PROSE = ("code block", "front matter")  # excluded regions whose comments are examples


@dataclass(frozen=True)
class Directive:
    """One ``reconcile: ignore`` comment."""

    source: int  # index of its document in the run
    path: str
    line: int  # where the comment starts
    covers: tuple[int, ...]  # the lines it suppresses findings on
    names: tuple[tuple[str, frozenset[str]], ...] | None  # each token as written, its rule
    # ids (empty when it names no rule); None: every rule
    text: str

    def suppresses(self, rule: str) -> bool:
        return self.names is None or any(rule in ids for _, ids in self.names)


@dataclass(frozen=True)
class BaselineEntry:
    rule: str
    file: str  # the draft's path in check mode, else the first path, relative to the repository root
    sentence: str  # its sentence, folded to one line: this and the rest are for people reviewing the file
    slot: str  # what is disputed, "" when not a disagreement
    values: tuple[str, ...]  # each side's value as written, the sentence's first
    fingerprint: str  # what matching uses


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: tuple[BaselineEntry, ...]


def directives(doc: Document, source: int) -> tuple[list[Directive], list[UnusedSuppression]]:
    """The ignore comments of a document, and the ``reconcile:`` comments that are
    not valid ones (reported, never silently ignored)."""
    found: list[Directive] = []
    broken: list[UnusedSuppression] = []
    examples = [(a, b) for a, b, why in doc.excluded if why in _NOT_PROSE]
    for m in _ANY_DIRECTIVE.finditer(doc.text):
        if any(a <= m.start() < b for a, b in examples):
            continue
        line, _ = doc.locate(m.start())
        end_line, _ = doc.locate(m.end())
        parsed = _DIRECTIVE.fullmatch(m.group())
        if parsed is None:
            broken.append(UnusedSuppression(
                doc.path, line, (), m.group(),
                "not a suppression comment: write <!-- reconcile: ignore[RULE,...] -->",
            ))
            continue
        alone = not doc.text[doc.line_starts[line - 1]:m.start()].strip() and not _rest_of_line(doc.text, m.end())
        covers = (end_line + 1,) if alone else tuple(range(line, end_line + 1))
        names = None
        if parsed.group("rules") is not None:
            tokens = [t.strip() for t in parsed.group("rules").split(",") if t.strip()]
            names = tuple((t, frozenset(r.id for r in rules.matching(t))) for t in tokens)
        found.append(Directive(source, doc.path, line, covers, names, m.group()))
    return found, broken


def read_baseline(path: str | os.PathLike[str]) -> Baseline:
    """A baseline file written from ``dump_baseline``; a problem is an InputError naming it."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise InputError(name, "no such baseline file (write one with --write-baseline)") from None
    except OSError as error:
        raise InputError(name, error.strerror or str(error)) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(name, f"not a baseline file: {error}") from None
    try:
        if data["reconcile_baseline"] != BASELINE_VERSION:
            raise InputError(name, f"baseline version {data['reconcile_baseline']!r} is not {BASELINE_VERSION}: "
                             "its entries are keyed another way, write it again with --write-baseline")
        entries = tuple(
            BaselineEntry(e["rule"], e["file"], e["sentence"], e["slot"], tuple(e["values"]), e["fingerprint"])
            for e in data["findings"]
        )
    except (KeyError, TypeError):
        raise InputError(name, "not a baseline file (write one with --write-baseline)") from None
    return Baseline(name, entries)


def make_baseline(report: Report, path: str, root: str | None = None) -> Baseline:
    """The report's problems (not its agreements) as a baseline to be written to
    ``path``, sorted so that rewriting the file gives a readable diff."""
    root = os.getcwd() if root is None else root
    entries = sorted(
        (_entry(f, root, report.mode == "check") for f in report.findings if f.kind is not Kind.AGREEMENT),
        key=lambda e: (e.file, e.rule, e.sentence, e.fingerprint),
    )
    return Baseline(path, tuple(entries))


def dump_baseline(baseline: Baseline) -> str:
    """The baseline file's text (JSON), which ``read_baseline`` reads back."""
    data = {
        "reconcile_baseline": BASELINE_VERSION,
        "findings": [
            {"rule": e.rule, "file": e.file, "sentence": e.sentence, "slot": e.slot, "values": list(e.values),
             "fingerprint": e.fingerprint}
            for e in baseline.entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def apply(
    report: Report,
    documents: Sequence[Document],
    baseline: Baseline | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    root: str | None = None,
) -> Report:
    """The report without the findings the documents' comments, the baseline or the
    rule selection (ids; ``select`` None = every rule) leave out, with the
    suppressions that matched nothing recorded.

    Comments and the baseline are matched before selection, so a suppression of a
    finding that selection also hides is not reported as unused."""
    findings, unused = _inline(report.findings, documents)
    if baseline is not None:
        findings, stale = _baseline(findings, baseline, os.getcwd() if root is None else root)
        unused += stale
    chosen = None if select is None else set(select)
    dropped = set(ignore)
    findings = [f for f in findings if (chosen is None or f.rule in chosen) and f.rule not in dropped]
    return replace(
        report,
        findings=tuple(findings),
        unused_suppressions=report.unused_suppressions + tuple(unused),
    )


def _inline(
    findings: Sequence[Finding], documents: Sequence[Document]
) -> tuple[list[Finding], list[UnusedSuppression]]:
    every: list[Directive] = []
    unused: list[UnusedSuppression] = []
    for i, doc in enumerate(documents):
        found, broken = directives(doc, i)
        every += found
        unused += broken
    used: dict[int, set[str]] = {i: set() for i in range(len(every))}
    kept = []
    for finding in findings:
        hits = [i for i, d in enumerate(every) if _covers(d, finding)]
        for i in hits:
            used[i].add(finding.rule)
        if not hits:
            kept.append(finding)
    for i, d in enumerate(every):
        unused += _unused(d, used[i])
    return kept, unused


def _unused(d: Directive, used: set[str]) -> list[UnusedSuppression]:
    """What of one comment matched nothing: the whole comment, or the tokens in its
    brackets that matched nothing (unknown ones said apart)."""
    if d.names is None:
        return [] if used else [UnusedSuppression(d.path, d.line, (), d.text, "matches no finding")]
    if not d.names:
        return [UnusedSuppression(d.path, d.line, (), d.text, "names no rule")]
    unknown = tuple(t for t, ids in d.names if not ids)
    idle = tuple(t for t, ids in d.names if ids and not ids & used)
    found = []
    if unknown:
        reason = "unknown rule " + ", ".join(map(repr, unknown)) + " (see 'reconcile rules')"
        found.append(UnusedSuppression(d.path, d.line, unknown, d.text, reason))
    if idle:
        whole = len(idle) + len(unknown) == len(d.names)
        reason = "matches no finding" if whole else ", ".join(idle) + " matched no finding"
        found.append(UnusedSuppression(d.path, d.line, idle, d.text, reason))
    return found


def _covers(directive: Directive, finding: Finding) -> bool:
    if not directive.suppresses(finding.rule):
        return False
    return any(
        e.source == directive.source and any(e.line <= n <= _last_line(e) for n in directive.covers)
        for e in finding.evidence
    )


def _last_line(e: Evidence) -> int:
    """The last line the sentence has a character on (its end is exclusive)."""
    return e.end_line - 1 if e.end_column == 1 and e.end_line > e.line else e.end_line


def _rest_of_line(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[at : len(text) if end == -1 else end].strip()


def _entry(finding: Finding, root: str, draft: bool) -> BaselineEntry:
    """The finding as a baseline entry, named by a sentence that does not depend on
    the order of the sources (the draft's in check mode, else the first by path) and
    the values in the same way: that sentence's first."""
    first = min(finding.evidence, key=lambda e: (draft and e.source != 0, repository_path(e.path, root), e.start))
    path = repository_path(first.path, root)
    values = tuple(side.value for side in sorted(finding.sides, key=lambda s: (first not in s.evidence, s.value)))
    return BaselineEntry(finding.rule, path, fold(first.sentence), finding.slot, values, fingerprint(finding, root))


def _baseline(
    findings: Sequence[Finding], baseline: Baseline, root: str
) -> tuple[list[Finding], list[UnusedSuppression]]:
    """Each baseline entry suppresses one finding with its fingerprint (a claim
    written twice needs two entries)."""
    left = Counter(e.fingerprint for e in baseline.entries)
    kept = []
    for finding in findings:
        key = fingerprint(finding, root)
        if finding.kind is not Kind.AGREEMENT and left[key] > 0:
            left[key] -= 1
        else:
            kept.append(finding)
    unused = []
    for entry in baseline.entries:
        if left[entry.fingerprint] > 0:
            left[entry.fingerprint] -= 1
            values = f" ({' vs '.join(entry.values)})" if entry.values else ""
            unused.append(UnusedSuppression(
                baseline.path, None, (entry.rule,), entry.sentence,
                f"baseline entry for {entry.file}{values} matches no finding (the claim changed or was fixed)",
            ))
    return kept, unused
