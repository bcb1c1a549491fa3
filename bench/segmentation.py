"""Sentence segmentation: throughput on a generated news corpus and the Golden Rules score.

Run from the repository root:

    .venv/bin/python bench/segmentation.py [--mb 4] [--repeat 3]

The corpus is samples/micron repeated with variations (numbers, names, abbreviations,
quotes, soft-wrapped and one-paragraph-per-line layouts) until it reaches --mb megabytes.
Not a test: it prints figures for the report, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reconcile.text.sentences import segment  # noqa: E402

GOLDEN = ROOT.parent / "shared" / "data" / "segmentation" / "golden_rules_en.json"
VARIATIONS = [
    ("Nov. 1", "Oct. 30"),
    ("Micron", "Samsung"),
    ("Wang Wentao", "Li Qiang"),
    ("15%", "12.5%"),
    ("4.3 billion", "2.7 billion"),
    ("U.S.", "U.K."),
    ("Inc.", "Corp."),
    ("Washington", "Brussels"),
]
EXTRA = [
    "Dr. J. Smith of the U.S. Commerce Dept. said on Nov. 3 that No. 2 was next.",
    "“It is not over,” he said. “We will see.”",
    "Shares fell 3.2% to $41.50 at 10 a.m. ET. Trading resumed later...",
    "The firm (which employs 48,000 people) declined to comment.",
    "Is this the end? Analysts say no!",
]


def corpus(megabytes: float, seed: int = 7) -> str:
    """News-like text of about ``megabytes`` MB built from the samples."""
    rng = random.Random(seed)
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "micron").glob("*.txt"))]
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        text = rng.choice(base)
        for old, new in rng.sample(VARIATIONS, 3):
            text = text.replace(old, new)
        paragraphs = [p for p in text.split("\n") if p.strip()]
        paragraphs.insert(rng.randrange(len(paragraphs)), " ".join(rng.sample(EXTRA, 3)))
        if rng.random() < 0.3:
            paragraphs = [textwrap.fill(p, 72) for p in paragraphs]
        article = "\n\n".join(paragraphs) if rng.random() < 0.6 else "\n".join(paragraphs)
        parts.append(article)
        size += len(article.encode("utf-8")) + 2
    return "\n\n".join(parts)


def golden_rules() -> tuple[int, int]:
    rules = json.loads(GOLDEN.read_text(encoding="utf-8"))
    passed = sum(
        [" ".join(t[s:e].split()) for s, e in segment(t)] == [" ".join(x.split()) for x in r["expected"]]
        for r in rules
        for t in [r["text"]]
    )
    return passed, len(rules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = parser.parse_args()
    text = corpus(args.mb)
    megabytes = len(text.encode("utf-8")) / 1_000_000
    best = float("inf")
    count = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        count = len(segment(text))
        best = min(best, time.perf_counter() - t0)
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"corpus: {megabytes:.2f} MB, {count} sentences")
    print(f"throughput: {megabytes / best:.1f} MB/s (best of {args.repeat}: {best:.3f} s)")
    if GOLDEN.exists():
        passed, total = golden_rules()
        print(f"golden rules: {passed}/{total}")
    else:
        print(f"golden rules: {GOLDEN} not found")


if __name__ == "__main__":
    main()
