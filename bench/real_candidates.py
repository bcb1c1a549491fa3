"""Candidate conflicts on real coverage (ECB+), for people to label by reading.

    .venv/bin/python bench/real_candidates.py ../shared/data/ecbplus --out bench/out/real-candidates.md

Every candidate conflict the judge weighs in every story (``reconcile.judge.weigh``)
with a probability of at least ``--floor`` under today's model is listed with its
two sentences and an id. A person writes, per id, c (the two sentences cannot
both be true of the story's event: a real conflict), u (a running figure
updated between reports), a (figures attributed to different authorities) or n
(not a disagreement: other things counted, other subjects, other times, a
misreading) into ``bench/data/ecbplus-labels.json`` ({"labels": {id: label}});
ids name the story, the two
files and lines and the conflict's type, never the articles' words, so no text of
the corpus enters the repository. ``bench/fit_judge.py --real-labels`` then fits
on these beside the labelled cases, leaving one story out at a time.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from reconcile.align import align  # noqa: E402
from reconcile.api import load  # noqa: E402
from reconcile.facts.claims import Reader, analyse  # noqa: E402
from reconcile.judge import weigh  # noqa: E402
from reconcile.judge.compare import Judge  # noqa: E402
from reconcile.judge.confidence import FEATURES, fitted, probability  # noqa: E402
from reconcile.settings import Settings  # noqa: E402


@dataclass(frozen=True)
class Labelled:
    """A candidate of a story, as its features and its id."""

    id: str
    story: str
    features: np.ndarray
    text: str  # for people: type, reason and the two sentences


def story_candidates(folder: Path) -> list[Labelled]:
    """Every candidate conflict of one story, with an id stable across runs."""
    settings = Settings()
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    docs = [load(str(f), settings) for f in files]
    read = Reader(settings)
    per_source = [analyse(d, i, settings, read).claims for i, d in enumerate(docs)]
    claims = {(c.sentence.source, c.sentence.index): c for cs in per_source for c in cs}
    alignment = align(per_source, settings)
    out = []
    for link, found in weigh(Judge(docs, claims, alignment, settings), alignment, set(range(len(docs)))):
        where = [(files[k[0]].name, docs[k[0]].locate(claims[k].sentence.start)[0]) for k in (link.a, link.b)]
        for c in found:
            named = dict(c.features)
            ident = f"{folder.name}|{where[0][0]}:{where[0][1]}|{where[1][0]}:{where[1][1]}|{c.conflict.type}"
            said = " vs ".join(f"{words} ({where[side][0]})" for side, words, _ in c.conflict.facts)
            text = (f"{c.conflict.type}: {said}\n"
                    + "\n".join(f"- `{f}:{line}` {claims[k].sentence.text}"
                                for (f, line), k in zip(where, (link.a, link.b))))
            out.append(Labelled(ident, folder.name, np.array([named.get(f, 0.0) for f in FEATURES]), text))
    return out


def candidates(root: Path) -> list[Labelled]:
    return [c for d in sorted(p for p in root.iterdir() if p.is_dir()) for c in story_candidates(d)]


def read_labels(path: Path, root: Path) -> list[tuple[Labelled, int]]:
    """The labelled candidates that still exist under today's judge."""
    labels = json.loads(path.read_text(encoding="utf-8"))["labels"]
    return [(c, int(labels[c.id] in DISAGREEMENT)) for c in candidates(root) if c.id in labels]


DISAGREEMENT = ("c", "u", "a")
"""Labels of a real disagreement: a conflict, an update, attributed figures."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", help="the ECB+ folder (../shared/data/ecbplus)")
    parser.add_argument("--out", default="bench/out/real-candidates.md")
    parser.add_argument("--floor", type=float, default=0.05, help="list candidates at least this probable")
    args = parser.parse_args()
    weights = fitted()["weights"]
    found = [c for c in candidates(Path(args.root))
             if probability(zip(FEATURES, c.features.tolist()), weights) >= args.floor]
    lines = [f"# Candidate conflicts on ECB+ to label ({len(found)})\n",
             "Label each id 1 (a real conflict about the story's event) or 0 (not a conflict).\n"]
    for c in found:
        lines.append(f"## {c.id}\n\n{c.text}\n")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(found)} candidates written to {args.out}")


if __name__ == "__main__":
    main()
