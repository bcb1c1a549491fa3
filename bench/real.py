"""``compare`` over real coverage with no labels (ECB+, ../shared/data/ecbplus).

Every subfolder is one story. What can be counted without labels is counted
(findings per kind and type, articles given a publication date, contradictions
that only repeat a conflict already reported in the story); the rest is judged by
a person reading a fixed random sample, written as Markdown with an empty verdict
line per item.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reconcile import Kind, Report, Settings, compare
from reconcile.model import Finding

SEED = 2026


@dataclass(frozen=True)
class Story:
    name: str
    files: tuple[str, ...]
    report: Report | None
    error: str = ""


def story_files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def run_story(folder: Path, settings: Settings) -> Story:
    """One story's report; a story that fails keeps its error, the others go on."""
    files = story_files(folder)
    try:
        return Story(folder.name, tuple(files), compare(files, settings))
    except Exception as error:  # noqa: BLE001 - a bug on one story must not hide the others' figures
        return Story(folder.name, tuple(files), None, f"{type(error).__name__}: {error}")


def run_stories(root: str | os.PathLike[str], settings: Settings, workers: int = 2) -> list[Story]:
    folders = sorted(p for p in Path(root).iterdir() if p.is_dir() and not p.name.startswith("."))
    job = partial(run_story, settings=settings)
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            return list(pool.map(job, folders))
    return [job(f) for f in folders]


def conflict_key(finding: Finding) -> tuple[str, frozenset[str]]:
    """The values a contradiction sets against each other, whichever sentences say them."""
    values = frozenset(f.value for f in finding.facts) or frozenset({finding.reason})
    return finding.type, values


def repeated(findings: Sequence[Finding]) -> int:
    """Contradictions of one story whose value pair an earlier one already reported."""
    seen: set[tuple[str, frozenset[str]]] = set()
    count = 0
    for f in findings:
        key = conflict_key(f)
        count += key in seen
        seen.add(key)
    return count


@dataclass(frozen=True)
class RealResult:
    stories: int
    articles: int
    failed: tuple[tuple[str, str], ...]  # (story, error)
    findings: Counter  # "kind/type" -> count
    dated: int  # articles given a publication date
    dated_by_kind: dict[str, tuple[int, int]]  # story kind ("ecb", "ecbplus") -> (dated, articles)
    contradictions: int
    repeats: int
    undated: tuple[str, ...]  # paths of articles with no publication date, in story order
    sample: tuple[tuple[str, Finding], ...]  # (story, finding): contradictions, then agreements
    seconds: float


def story_kind(name: str) -> str:
    """What follows the last underscore of a story's name: ECB+ keeps an event's
    first telling (``1_ecb``, lead sentences only, no date lines) apart from its
    second (``1_ecbplus``, whole pages)."""
    return name.rsplit("_", 1)[-1]


def sample(stories: Sequence[Story], contradictions: int = 40, agreements: int = 30,
           seed: int = SEED) -> list[tuple[str, Finding]]:
    """A fixed random sample of each kind, drawn from all stories in name order."""
    rng = random.Random(seed)
    drawn: list[tuple[str, Finding]] = []
    for kind, size in ((Kind.CONTRADICTION, contradictions), (Kind.AGREEMENT, agreements)):
        pool = [(s.name, f) for s in stories if s.report for f in s.report.of(kind)]
        drawn.extend(rng.sample(pool, min(size, len(pool))))
    return drawn


def real(root: str | os.PathLike[str], settings: Settings, workers: int = 2) -> RealResult:
    started = time.perf_counter()
    stories = run_stories(root, settings, workers)
    seconds = time.perf_counter() - started
    done = [s for s in stories if s.report]
    findings = Counter(f"{f.kind.value}/{f.type}" for s in done for f in s.report.findings)
    sources = [(src.path, src.published) for s in done for src in s.report.sources]
    by_kind: dict[str, tuple[int, int]] = {}
    for s in done:
        kind = story_kind(s.name)
        dated, total = by_kind.get(kind, (0, 0))
        by_kind[kind] = (dated + sum(src.published is not None for src in s.report.sources), total + len(s.files))
    return RealResult(
        stories=len(stories),
        articles=sum(len(s.files) for s in stories),
        failed=tuple((s.name, s.error) for s in stories if s.report is None),
        findings=findings,
        dated=sum(published is not None for _, published in sources),
        dated_by_kind=dict(sorted(by_kind.items())),
        contradictions=sum(len(s.report.of(Kind.CONTRADICTION)) for s in done),
        repeats=sum(repeated(s.report.of(Kind.CONTRADICTION)) for s in done),
        undated=tuple(path for path, published in sources if published is None),
        sample=tuple(sample(done)),
        seconds=seconds,
    )


def sample_markdown(result: RealResult, command: str) -> str:
    """The sample as a form a person fills in: each finding with its sentences and a verdict line."""
    lines = [
        "# ECB+ findings to judge",
        "",
        f"Drawn with seed {SEED} by `{command}`. For each, write after `verdict:` one of: real conflict, "
        "same fact, later update, attributed claim, misreading (and why).",
    ]
    for number, (story, finding) in enumerate(result.sample, 1):
        lines += ["", f"## {number}. {story}: {finding.kind.value}/{finding.type} ({finding.rule})", "",
                  f"- reason: {finding.reason}", f"- score: {finding.score:.3f}"]
        lines += [f"- `{Path(e.path).name}:{e.line}` {' '.join(e.readable.split())}" for e in finding.evidence]
        lines += ["", "verdict:"]
    return "\n".join(lines) + "\n"


def first_lines(path: str, count: int = 3) -> list[str]:
    """The opening lines of an article, where a date line would stand."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        return [line.rstrip("\n") for _, line in zip(range(count), handle)]


DATE_LINE_CHARS = 80
"""Longer lines are sentences that happen to name a year, not date lines."""
_DATE_LIKE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\d{4}\.\d\d\.\d\d")


def missed_date_lines(result: RealResult, count: int = 15, seed: int = SEED) -> tuple[int, list[str]]:
    """Undated articles with a short line among their first three that holds a
    year or a numeric date (a date line the reader could not read): how many,
    and a fixed random few."""
    candidates = [p for p in result.undated
                  if any(len(line) <= DATE_LINE_CHARS and _DATE_LIKE.search(line) for line in first_lines(p))]
    return len(candidates), random.Random(seed).sample(candidates, min(count, len(candidates)))
