"""How big the report of a story told by many sources is (issue #15: "Say each
disagreement once"): the JSON report's bytes, the text report's lines by default,
with ``--show disagreements`` and with ``--show all``, and the Markdown comment.

    .venv/bin/python bench/report_size.py [--sizes 10,30,100] [--work /tmp]

For each size N it writes the story ``bench/stories.py WORK/gN --sources N
--sentences 40`` writes (seed 0, so ``WORK/gN/story-0000``, the story of the issue's
commands) and reports on that folder as ``reconcile compare WORK/gN/story-0000``
does: the paths it prints, and so the bytes, are those. "Cited" counts the
sentences the findings cite (a sentence in two findings twice), "distinct" the
places among them; "listed" is how many of those places a text report prints, so
``--show all`` at "all" loses nothing. Targets at 100 sources: JSON under 2 MB,
text under 1,500 lines by default. It prints figures; nothing here is a test.

Run it with ``PYTHONHASHSEED=0`` to repeat figures exactly: at 100 sources the judge
of 0257b94 gives a slightly different report under some hash seeds (the header says
which seed ran).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import stories

from reconcile import Settings, compare
from reconcile.model import Kind, Report
from reconcile.render import json as json_format
from reconcile.render import markdown, text

SENTENCES = 40
SEED = 0  # bench/stories.py's default: the story of the commands
SHOWS = ((), ("disagreements",), ("all",))


def story(work: Path, sources: int) -> Path:
    """The story folder ``bench/stories.py WORK/gN --sources N`` writes."""
    return stories.write_stories(work / f"g{sources}", 1, sources, SENTENCES, SEED)[0]


def places(report: Report) -> set[str]:
    """Every place a finding cites, as the text report prints it when the paths
    share no folder."""
    return {f"{e.path}:{e.line}:{e.column}" for f in report.findings for e in f.evidence}


def listed(report: Report, lines: Sequence[str]) -> int:
    """How many of the cited places a text report prints: each on a line of its
    own, after the folder all the paths share."""
    folder = text.common_folder([s.path for s in report.sources])
    printed = {line.strip().lstrip("✗✓?· ") for line in lines}
    return sum(1 for place in places(report) if place[len(folder):] in printed)


def measure(folder: Path) -> dict[str, object]:
    report = compare([str(folder)], Settings(today=date.today()))  # the clock, as the command line reads it
    out: dict[str, object] = {
        "sources": len(report.sources),
        "disagreements": sum(1 for f in report.findings if f.kind in (Kind.CONTRADICTION, Kind.UPDATE,
                                                                      Kind.ATTRIBUTED)),
        "findings": len(report.findings),
        "cited": sum(len(f.evidence) for f in report.findings),
        "distinct": len(places(report)),
        "json": len(json_format.render(report).encode("utf-8")),
    }
    for show in SHOWS:
        lines = text.render(report, show=show).splitlines()
        out[f"text {'/'.join(show) or 'default'}"] = (len(lines), listed(report, lines))
    comment = markdown.render(report)
    github_chars = len(comment.encode("utf-16-le")) // 2  # as GitHub counts a comment
    out["markdown"] = (github_chars, comment.count("\n#### "), "*Cut here" in comment)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,30,100", help="numbers of sources, comma-separated")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()),
                        help="where the stories are written (WORK/gN/story-0000)")
    args = parser.parse_args(argv)
    print(f"Report size: one story (bench/stories.py, seed {SEED}) told by N sources of {SENTENCES} sentences, "
          f"reported as `reconcile compare {args.work}/gN/story-0000` "
          f"(PYTHONHASHSEED={os.environ.get('PYTHONHASHSEED', 'random')})")
    print("| Sources | Disagreements | Findings | Sentences cited (distinct) | JSON bytes | Text lines "
          "(listed) | `--show disagreements` | `--show all` | Markdown (disagreements listed) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in (int(s) for s in args.sizes.split(",")):
        m = measure(story(args.work, n))
        shown = [f"{lines:,} ({found:,})" for lines, found in (m[f"text {s}"] for s in
                                                                 ("default", "disagreements", "all"))]
        chars, headed, cut = m["markdown"]  # type: ignore[misc]
        print(f"| {n} | {m['disagreements']} | {m['findings']} | {m['cited']:,} ({m['distinct']:,}) | "
              f"{m['json']:,} | {' | '.join(shown)} | {chars:,} chars ({headed}{', cut' if cut else ''}) |",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
