"""How much time the timeline adds to `compare`: on the samples, and on 100 sources.

    .venv/bin/python bench/timeline.py [--repeat N]

The timeline runs after the sentences and facts are read (they are shared with
the rest of `compare`), so what it adds is `timeline.build` on the analysed
claims: event reading, matching across sources, solving and the findings.
Targets: under 50 ms on the samples, under 1 s for 100 sources.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from reconcile import timeline
from reconcile.facts.claims import analyse
from reconcile.model import Claim, Document
from reconcile.read.files import read_text
from reconcile.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples" / "micron").glob("*.txt"))


def _claims(docs: list[Document], settings: Settings) -> list[list[Claim]]:
    return [list(analyse(d, i, settings).claims) for i, d in enumerate(docs)]


def _time(docs: list[Document], claims: list[list[Claim]], settings: Settings, repeat: int) -> tuple[float, int]:
    runs = []
    found = 0
    for _ in range(repeat):
        start = time.perf_counter()
        t = timeline.build(docs, claims, settings)
        runs.append(time.perf_counter() - start)
        found = len(t.findings)
    return statistics.median(runs), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per case; the median is printed")
    args = parser.parse_args()
    settings = Settings()
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    cases = [("samples (2 sources)", 2), ("100 sources", 100)]
    for name, n in cases:
        docs = [read_text(texts[i % len(texts)], f"source-{i:03d}.txt", settings) for i in range(n)]
        start = time.perf_counter()
        claims = _claims(docs, settings)
        shared = time.perf_counter() - start
        seconds, found = _time(docs, claims, settings, args.repeat if n <= 2 else max(1, args.repeat // 2))
        sentences_read = sum(len(c) for c in claims)
        print(
            f"{name:22s} timeline {seconds * 1000:8.1f} ms   "
            f"(sentences + facts, shared with compare: {shared * 1000:8.1f} ms; "
            f"{sentences_read} sentences, {found} timeline findings)"
        )


if __name__ == "__main__":
    main()
