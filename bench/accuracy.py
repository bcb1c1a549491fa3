"""Accuracy harness: each stage of reconcile measured on labelled data nobody on the team wrote.

Run from the repository root (``make accuracy`` runs all four on ../shared/data):

    .venv/bin/python bench/accuracy.py --golden-rules PATH --mrpc PATH --summedits PATH --samples

Every benchmark given is run and printed every time, each figure under the
command that reproduces it alone, so that a gain on one never hides a loss on
another. Thresholds come from the frozen ``Settings`` defaults only: nothing is
fitted here, and the same command runs unchanged on any file of the same format
(the MRPC test split included).

- ``--golden-rules``: the Golden Rules JSON (``[{"id", "rule", "text", "expected"}]``):
  rules passed exactly (white space normalised) and the failures; then sentence
  throughput in MB/s on a generated news corpus (bench/segmentation.py).
- ``--mrpc``: an MRPC-format file (UTF-8 with BOM, header line, tab-separated
  ``Quality, #1 ID, #2 ID, #1 String, #2 String``): accuracy and F1 of the "same
  claim" decision, ``similarity >= Settings.paraphrase_threshold`` with IDF over
  the file's sentences.
- ``--summedits``: a SummEdits-format JSON file: ``check`` with the summary as the
  draft and the document as its only source. Label 0 means inconsistent. Two
  decision rules are measured: a contradiction alone, and a contradiction or an
  unsupported claim or detail. ``edit_types`` is read only to report recall per
  type; ``original_summary`` is never read.
- ``--samples``: counts per finding type of ``compare`` on samples/micron against
  the golden report tests/golden/micron.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shlex
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _path in (str(ROOT), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from reconcile import Kind, Report, Settings, Text, check, compare  # noqa: E402
from reconcile.alignment import idf_table, pair_similarities  # noqa: E402
from reconcile.sentences import segment  # noqa: E402
from segmentation import corpus  # noqa: E402

SAMPLES = ("samples/micron/1-thaw.txt", "samples/micron/2-tensions-easing.txt")
GOLDEN_REPORT = ROOT / "tests" / "golden" / "micron.json"


def command(*args: str) -> str:
    """The command line that reproduces one figure on its own."""
    return shlex.join([".venv/bin/python", "bench/accuracy.py", *args])


def _fold(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- sentences


@dataclass(frozen=True)
class RulesResult:
    passed: int
    total: int
    failures: tuple[tuple[str, list[str], list[str]], ...]  # (rule, expected, got)


def golden_rules(path: str | os.PathLike[str]) -> RulesResult:
    """Rules whose text splits exactly into the expected sentences."""
    rules = json.loads(Path(path).read_text(encoding="utf-8"))
    failures = []
    for rule in rules:
        text = rule["text"]
        got = [_fold(text[s:e]) for s, e in segment(text)]
        expected = [_fold(x) for x in rule["expected"]]
        if got != expected:
            failures.append((f'{rule.get("id", "?")}. {rule.get("rule", "")}', expected, got))
    return RulesResult(len(rules) - len(failures), len(rules), tuple(failures))


def throughput(megabytes: float, repeat: int = 2) -> tuple[float, float, int]:
    """(MB, best seconds, sentences) of splitting a generated news corpus."""
    text = corpus(megabytes)
    size = len(text.encode("utf-8")) / 1_000_000
    best, count = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = len(segment(text))
        best = min(best, time.perf_counter() - started)
    return size, best, count


# --------------------------------------------------------------------------- alignment


def read_mrpc(path: str | os.PathLike[str]) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Sentence pairs and their labels (1 = same meaning) of an MRPC-format file."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = [r for r in rows[1:] if len(r) == 5]
    return [(r[3], r[4]) for r in rows], np.array([int(r[0]) for r in rows], dtype=int)


@dataclass(frozen=True)
class BinaryResult:
    n: int
    accuracy: float
    f1: float
    precision: float
    recall: float
    positive_rate: float  # share of positive labels


def binary(pred: np.ndarray, truth: np.ndarray) -> BinaryResult:
    """Accuracy, F1, precision and recall of boolean predictions of the positive class."""
    pred, truth = np.asarray(pred, dtype=bool), np.asarray(truth, dtype=bool)
    tp = int((pred & truth).sum())
    fp = int((pred & ~truth).sum())
    fn = int((~pred & truth).sum())
    return BinaryResult(
        n=len(truth),
        accuracy=float((pred == truth).mean()) if len(truth) else 0.0,
        f1=2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        precision=tp / (tp + fp) if tp + fp else 0.0,
        recall=tp / (tp + fn) if tp + fn else 0.0,
        positive_rate=float(truth.mean()) if len(truth) else 0.0,
    )


@dataclass(frozen=True)
class MrpcResult:
    scores: BinaryResult
    threshold: float
    missed: tuple[tuple[float, str, str], ...]  # paraphrases scored lowest
    false: tuple[tuple[float, str, str], ...]  # non-paraphrases scored highest


def mrpc(path: str | os.PathLike[str], settings: Settings, examples: int = 3) -> MrpcResult:
    """The "same claim" decision on every pair, with the frozen threshold."""
    pairs, labels = read_mrpc(path)
    idf = idf_table(s for pair in pairs for s in pair)
    score = pair_similarities(pairs, idf, settings)
    pred = score >= settings.paraphrase_threshold
    order = np.argsort(score)
    missed = [k for k in order if labels[k] == 1 and not pred[k]][:examples]
    false = [k for k in order[::-1] if labels[k] == 0 and pred[k]][:examples]
    return MrpcResult(
        binary(pred, labels == 1),
        settings.paraphrase_threshold,
        tuple((float(score[k]), *pairs[k]) for k in missed),
        tuple((float(score[k]), *pairs[k]) for k in false),
    )


# --------------------------------------------------------------------------- consistency


@dataclass(frozen=True)
class Verdict:
    """What ``check`` said of one summary."""

    contradictions: tuple[tuple[str, str], ...]  # (type, reason)
    unsupported: tuple[tuple[str, str], ...]  # (type, the claim or detail)


def verdict(report: Report) -> Verdict:
    return Verdict(
        tuple((f.type, f.reason) for f in report.of(Kind.CONTRADICTION)),
        tuple((f.type, f.evidence[0].detail or f.evidence[0].sentence) for f in report.of(Kind.UNSUPPORTED)),
    )


def check_summary(summary: str, doc: str, settings: Settings) -> Verdict:
    """``check`` with the summary as the draft and the document as its only source."""
    return verdict(check(Text("summary.txt", summary), [Text("document.txt", doc)], settings))


def _check_row(job: tuple[str, str, Settings]) -> Verdict:
    return check_summary(*job)


RULES = {
    "contradiction": lambda v: bool(v.contradictions),
    "contradiction or unsupported": lambda v: bool(v.contradictions or v.unsupported),
}
"""How a row is predicted inconsistent. The second rule is the one a CI run
applies with --fail-on unsupported; the first is the default --fail-on."""


@dataclass(frozen=True)
class RuleResult:
    balanced_accuracy: float
    recall_inconsistent: float
    recall_consistent: float
    recall_by_edit: dict[str, tuple[int, int]]  # edit type -> (caught, rows)


@dataclass(frozen=True)
class SummEditsResult:
    rows: int
    inconsistent: int
    rules: dict[str, RuleResult]
    contradicted: tuple[int, int]  # (rows flagged contradicted, of which inconsistent)
    unsupported: tuple[int, int]
    finding_types: Counter  # type of contradiction -> (rows)
    false_contradictions: tuple[tuple[str, str], ...] = field(default=())  # (summary, reason)
    false_unsupported: tuple[tuple[str, str], ...] = field(default=())  # (summary, claim or detail)
    missed: tuple[tuple[str, str], ...] = field(default=())  # (edit types, summary): one per type
    seconds: float = 0.0


def read_summedits(path: str | os.PathLike[str]) -> list[dict]:
    """Rows with only the fields the harness may read: never ``original_summary``."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    keep = ("id", "doc", "summary", "label", "edit_types")
    return [{k: r.get(k) for k in keep} for r in rows]


def _edit_names(row: dict) -> list[str]:
    edits = row.get("edit_types") or []
    if isinstance(edits, str):
        edits = [e for e in edits.replace(",", " ").split() if e]
    return list(edits) or ["(none listed)"]


def summedits(path: str | os.PathLike[str], settings: Settings, workers: int = 1,
              examples: int = 3) -> SummEditsResult:
    """``check`` on every row; ``edit_types`` is read after the verdicts, for recall per type."""
    rows = read_summedits(path)
    started = time.perf_counter()
    jobs = [(r["summary"], r["doc"], settings) for r in rows]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(workers) as pool:
            verdicts = list(pool.map(_check_row, jobs, chunksize=8))
    else:
        verdicts = [_check_row(job) for job in jobs]
    seconds = time.perf_counter() - started
    bad = np.array([r["label"] == 0 for r in rows], dtype=bool)
    results = {}
    for name, rule in RULES.items():
        pred = np.array([rule(v) for v in verdicts], dtype=bool)
        by_edit: dict[str, list[int]] = {}
        for row, hit, inconsistent in zip(rows, pred, bad):
            if inconsistent:
                for edit in _edit_names(row):
                    tally = by_edit.setdefault(edit, [0, 0])
                    tally[0] += int(hit)
                    tally[1] += 1
        r_bad = float(pred[bad].mean()) if bad.any() else 0.0
        r_good = float((~pred[~bad]).mean()) if (~bad).any() else 0.0
        results[name] = RuleResult((r_bad + r_good) / 2, r_bad, r_good,
                                   {k: (v[0], v[1]) for k, v in sorted(by_edit.items())})
    contradicted = np.array([bool(v.contradictions) for v in verdicts])
    unsupported = np.array([bool(v.unsupported) for v in verdicts])
    types = Counter(t for v in verdicts for t in {t for t, _ in v.contradictions})
    false = [(r["summary"], v.contradictions[0][1]) for r, v, b in zip(rows, verdicts, bad)
             if v.contradictions and not b]
    false_unsupported = [(r["summary"], v.unsupported[0][1]) for r, v, b in zip(rows, verdicts, bad)
                         if v.unsupported and not b]
    missed: dict[str, str] = {}  # the first miss of each edit type, for the report
    for r, v, b in zip(rows, verdicts, bad):
        if b and not (v.contradictions or v.unsupported):
            missed.setdefault(" + ".join(_edit_names(r)), r["summary"])
    return SummEditsResult(
        rows=len(rows),
        inconsistent=int(bad.sum()),
        rules=results,
        contradicted=(int(contradicted.sum()), int((contradicted & bad).sum())),
        unsupported=(int(unsupported.sum()), int((unsupported & bad).sum())),
        finding_types=types,
        false_contradictions=tuple(false[:examples]),
        false_unsupported=tuple(false_unsupported[:examples]),
        missed=tuple(missed.items()),
        seconds=seconds,
    )


# --------------------------------------------------------------------------- samples


def _type_counts(findings: Iterable[tuple[str, str]]) -> Counter:
    return Counter(f"{kind}/{type_}" for kind, type_ in findings)


def samples(settings: Settings) -> tuple[Counter, Counter]:
    """Counts per finding type on samples/micron: (now, golden report)."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        report = compare(list(SAMPLES), settings)
    finally:
        os.chdir(cwd)
    golden = json.loads(GOLDEN_REPORT.read_text(encoding="utf-8"))
    return (
        _type_counts((f.kind.value, f.type) for f in report.findings),
        _type_counts((f["kind"], f["type"]) for f in golden["findings"]),
    )


# --------------------------------------------------------------------------- printing


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a (0 rows)"


def _clip(text: str, limit: int = 160) -> str:
    text = _fold(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_rules(path: str, mb: float) -> None:
    result = golden_rules(path)
    print(f"\n## Sentences\n$ {command('--golden-rules', path)}")
    print(f"golden rules passed: {result.passed}/{result.total}")
    for rule, expected, got in result.failures:
        print(f"  FAIL {rule}\n    expected: {expected}\n    got:      {got}")
    size, seconds, count = throughput(mb)
    print(f"throughput: {size / seconds:.1f} MB/s ({size:.2f} MB generated news corpus, "
          f"{count} sentences, best of 2: {seconds:.3f} s)")


def print_mrpc(path: str, settings: Settings) -> None:
    started = time.perf_counter()
    result = mrpc(path, settings)
    s = result.scores
    print(f"\n## Alignment\n$ {command('--mrpc', path)}")
    print(f"pairs: {s.n}, paraphrases {_pct(s.positive_rate)}; same claim when similarity >= "
          f"{result.threshold} (Settings.paraphrase_threshold)")
    print(f"accuracy {_pct(s.accuracy)}, F1 {s.f1:.3f} (precision {s.precision:.3f}, recall {s.recall:.3f})"
          f" in {time.perf_counter() - started:.1f} s")
    for title, items in (("paraphrases scored lowest", result.missed),
                         ("non-paraphrases scored highest", result.false)):
        if items:
            print(f"  {title}:")
        for score, a, b in items:
            print(f"    {score:.2f}  {_clip(a, 110)}\n          {_clip(b, 110)}")


def print_summedits(path: str, settings: Settings, workers: int) -> None:
    result = summedits(path, settings, workers)
    print(f"\n## Consistency\n$ {command('--summedits', path)}")
    print(f"rows: {result.rows}, inconsistent (label 0): {result.inconsistent}; "
          f"check on each in {result.seconds:.1f} s ({workers} worker{'s' * (workers > 1)})")
    for name, r in result.rules.items():
        print(f"inconsistent when {name}: balanced accuracy {_pct(r.balanced_accuracy)} "
              f"(recall inconsistent {_pct(r.recall_inconsistent)}, consistent {_pct(r.recall_consistent)})")
        print("  recall per edit type: " + ", ".join(
            f"{edit} {_share(hit, n)}" for edit, (hit, n) in r.recall_by_edit.items()))
    print(f"precision of contradicted: {_share(result.contradicted[1], result.contradicted[0])}; "
          f"of unsupported: {_share(result.unsupported[1], result.unsupported[0])}")
    print("rows with a contradiction, by type: "
          + (", ".join(f"{t} {n}" for t, n in result.finding_types.most_common()) or "none"))
    for summary, reason in result.false_contradictions:
        print(f"  false contradiction: {reason}\n    in: {_clip(summary)}")
    for summary, what in result.false_unsupported:
        print(f"  false unsupported: {_clip(what, 100)}\n    in: {_clip(summary)}")
    for edits, summary in result.missed:
        print(f"  missed ({edits}): {_clip(summary)}")


def print_samples(settings: Settings) -> None:
    now, golden = samples(settings)
    print(f"\n## Samples\n$ {command('--samples')}")
    for key in sorted(set(now) | set(golden)):
        mark = "" if now[key] == golden[key] else f"   (golden {golden[key]})"
        print(f"{key}: {now[key]}{mark}")
    print("same counts as tests/golden/micron.json" if now == golden
          else "DIFFERS from tests/golden/micron.json")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--golden-rules", metavar="PATH", help="Golden Rules JSON file")
    parser.add_argument("--mrpc", metavar="PATH", help="MRPC-format paraphrase file")
    parser.add_argument("--summedits", metavar="PATH", help="SummEdits-format JSON file")
    parser.add_argument("--samples", action="store_true", help="finding counts on samples/micron")
    parser.add_argument("--mb", type=float, default=3.0, help="size of the throughput corpus (MB)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the SummEdits checks")
    args = parser.parse_args(argv)
    if not (args.golden_rules or args.mrpc or args.summedits or args.samples):
        parser.error("give at least one of --golden-rules, --mrpc, --summedits, --samples")
    settings = Settings()
    started = time.perf_counter()
    print(f"# reconcile accuracy\n$ {shlex.join([Path(sys.executable).name, *sys.argv])}")
    if args.golden_rules:
        print_rules(args.golden_rules, args.mb)
    if args.mrpc:
        print_mrpc(args.mrpc, settings)
    if args.summedits:
        print_summedits(args.summedits, settings, args.workers)
    if args.samples:
        print_samples(settings)
    print(f"\nharness total: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
