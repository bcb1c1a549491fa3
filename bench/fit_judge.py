"""Fit the judge's confidence model on labelled stories, leaving one story out.

    .venv/bin/python bench/fit_judge.py ../shared/cases            # measure (leave one case out)
    .venv/bin/python bench/fit_judge.py ../shared/cases --write    # and write reconcile/data/fitted/judge.json

Every candidate conflict the judge weighs in a case (``reconcile.judge.weigh``)
is labelled 1 when its two sentences are a gold contradiction's (``a`` or ``b``
plus one more of ``a``, ``b`` and ``extra``, the cases' README rule), else 0. A
logistic model, pulled toward reasoned starting weights (``PRIOR``) and each
feature's sign held to the direction it can only push (``SIGNS``), is fitted on the other cases and the held-out
case's candidates are scored with it, its probabilities first calibrated on the
training cases (``calibrated``). A candidate is reported when its
probability is at least 0.5, more likely than not, which is what a calibrated
probability means. With ``--real``, candidates of ECB+ stories that people
labelled by reading (bench/real_candidates.py) join the labelled data, each
story a group left out in turn like a case. The generated stories shape the
weights, never the calibration. The figures printed are those of the held-out
predictions only: precision and recall of gold contradictions found, and how
well the probability is calibrated (predicted against observed, by bins).
``--write`` fits on every case and writes the weights, the threshold and these
leave-one-out figures, with the command and date, for the judge to read.
"""

from __future__ import annotations

import argparse
import datetime
import json
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from cases import Gold, Pair, articles, case_dirs, fold, read_gold  # noqa: E402

from reconcile.align import align  # noqa: E402
from reconcile.api import load  # noqa: E402
from reconcile.facts.claims import Reader, analyse  # noqa: E402
from reconcile.judge import weigh  # noqa: E402
from reconcile.judge.compare import Judge  # noqa: E402
from reconcile.judge.confidence import FEATURES, FITTED_PATH  # noqa: E402
from reconcile.settings import Settings  # noqa: E402


@dataclass(frozen=True)
class Row:
    case: str
    features: np.ndarray
    gold: int  # index of the gold contradiction it finds, or -1
    label: int


def _matches(sentences: tuple[tuple[str, str], ...], pair: Pair) -> bool:
    def cited(ref) -> bool:  # type: ignore[no-untyped-def]
        return any(name == ref.file and fold(ref.snippet) in fold(text) for name, text in sentences)

    named = [cited(r) for r in (pair.a, pair.b, *pair.extra)]
    return (named[0] or named[1]) and sum(named) >= 2


def _weighed(docs: list, settings: Settings, check: bool):  # type: ignore[no-untyped-def]
    """The claims of the documents and every pair the judge weighs, with its candidates."""
    read = Reader(settings)
    per_source = [analyse(d, i, settings, read).claims for i, d in enumerate(docs)]
    claims = {(c.sentence.source, c.sentence.index): c for cs in per_source for c in cs}
    on_trial = {0} if check else set(range(len(docs)))
    alignment = align(per_source, settings, anchor=0 if check else None)
    return claims, weigh(Judge(docs, claims, alignment, settings), alignment, on_trial)


def _vector(features: tuple[tuple[str, float], ...]) -> np.ndarray:
    named = dict(features)
    return np.array([named.get(f, 0.0) for f in FEATURES])


def case_rows(case_dir: Path) -> tuple[list[Row], int]:
    """The labelled candidates of one case, and how many gold contradictions it has."""
    gold: Gold = read_gold(case_dir)
    settings = Settings(today=gold.reference_date)
    files = articles(case_dir)
    draft = case_dir / "draft.md"
    if gold.mode == "check":
        files = [draft] + [f for f in files if f != draft]
    docs = [load(str(f), settings) for f in files]
    claims, weighed = _weighed(docs, settings, gold.mode == "check")
    rows = []
    for link, found in weighed:
        sentences = tuple((Path(docs[k[0]].path).name, claims[k].sentence.text) for k in (link.a, link.b))
        hit = next((n for n, g in enumerate(gold.contradictions) if _matches(sentences, g)), -1)
        rows.extend(Row(case_dir.name, _vector(c.features), hit, int(hit >= 0)) for c in found)
    return rows, len(gold.contradictions)


def generated_rows(stories: int, sources: int) -> list[Row]:
    """Candidates of generated stories (bench/stories.py: ours, not independent),
    labelled by what each sentence tells and gets wrong: they teach the model the
    plain case of an outlet reprinting a fact with one value changed, which the
    hand-labelled stories hold few of. Never part of a held-out figure."""
    from stories import told_story

    from reconcile.api import Text

    rows = []
    for seed in range(stories):
        told = told_story(seed, sources, 40)
        told_as = {text: t for _, by in told for text, t in by.items()}
        settings = Settings()
        docs = [load(Text(f"{k:03d}.txt", text), settings) for k, (text, _) in enumerate(told)]
        claims, weighed = _weighed(docs, settings, False)
        for link, found in weighed:
            a, b = (told_as.get(claims[k].sentence.text) for k in (link.a, link.b))
            label = int(a is not None and b is not None and a.fact == b.fact and a.wrong != b.wrong)
            rows.extend(Row(f"generated-{seed}", _vector(c.features), -1, label) for c in found)
    return rows


PRIOR = {"bias": -4.0, "link": 3.0, "context": 1.0, "near:number": 1.0, "near:date": 1.0, "named": 0.5, "clause": 1.0, "mutual": 1.0, "alone": 0.5,
         "exclusive": 1.0, "masked:number": 3.0, "masked:date": 3.0, "masked:entity": 3.0, "masked:negation": 3.0, "about": 2.0, "timed": -2.0, "heading": -2.0, "outscored": -4.0}
"""What each feature is worth before any labelled story is read, the weights the
fit starts from and is pulled back to (the L2 penalty is on the distance from
these, not from zero): a few dozen labelled conflicts move what they show and
leave the rest as reasoned. A sentence that says the same with one value masked
(``masked:*``), or with the same words (``link``), is a strong sign; another time
(``timed``) or a better-matching sentence of the same source (``outscored``) a
strong sign against."""

SIGNS = {"link": 1, "context": 1, "near:number": 1, "near:date": 1, "named": 1, "clause": 1, "mutual": 1, "alone": 1, "exclusive": 1, "masked:number": 1, "masked:date": 1, "masked:entity": 1, "masked:negation": 1, "about": 1,
         "timed": -1, "heading": -1, "outscored": -1}
"""The direction each feature may push the probability: more alike sentences,
contexts and slots never make a conflict less likely, a title line, another
time or a better-matching sentence never more. A fit on a few dozen labelled
conflicts would otherwise flip a sign to chase noise."""


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000) -> np.ndarray:
    """Weights (bias first) of a logistic model penalised by its L2 distance from
    ``PRIOR`` (the intercept left free, so the probabilities keep the data's base
    rate), each feature's sign held to ``SIGNS`` (projected gradient descent)."""
    z = np.hstack([np.ones((len(x), 1)), x])
    sign = np.array([0] + [SIGNS.get(f, 0) for f in FEATURES])
    prior = np.array([PRIOR["bias"]] + [PRIOR.get(f, 0.0) for f in FEATURES])
    w = prior.copy()
    rate = 1.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -60, 60)))
        pull = l2 * (w - prior)
        pull[0] = 0.0  # the intercept is the data's: what share of candidates holds up
        grad = (z.T @ (p - y) + pull) / len(y)
        w -= rate * grad
        w = np.where(sign > 0, np.maximum(w, 0.0), np.where(sign < 0, np.minimum(w, 0.0), w))
    return w


def calibrated(w: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The weights scaled and shifted so their probabilities match what the
    labelled candidates show (Platt scaling: a logistic fit of the labels on the
    model's logit), folded back into the weights: still one logistic model.
    The prior keeps weights small, which would leave every probability too low."""
    z = w[0] + x @ w[1:]
    a, b = fit_plain(z[:, None], y)
    return np.concatenate([[a * w[0] + b], b * 0 + a * w[1:]])


def fit_plain(x: np.ndarray, y: np.ndarray, steps: int = 2000) -> tuple[float, float]:
    """(slope, intercept) of an unpenalised one-feature logistic fit."""
    z = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(2)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -60, 60)))
        hess = (z * (p * (1 - p))[:, None]).T @ z + 1e-6 * np.eye(2)
        step = np.linalg.solve(hess, z.T @ (p - y))
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return float(max(w[0], 0.0)), float(w[1])


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(w[0] + x @ w[1:], -60, 60)))


def _held_out(groups: dict[str, list[Row]], extra: list[Row], args: argparse.Namespace,
              unseen: frozenset[str] = frozenset()) -> list[tuple[Row, float]]:
    """Each group's candidates scored by a model fitted and calibrated without it (nor any unseen group)."""
    held: list[tuple[Row, float]] = []
    for name, rows in groups.items():
        train = [r for other, rs in groups.items() if other != name and other not in unseen for r in rs]
        w = fit(np.array([r.features for r in train + extra]), np.array([r.label for r in train + extra]), args.l2)
        w = calibrated(w, np.array([r.features for r in train]), np.array([r.label for r in train]))
        if rows:
            held.extend(zip(rows, predict(w, np.array([r.features for r in rows])).tolist()))
    return held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", help="a folder of labelled case folders (../shared/cases)")
    parser.add_argument("--real", metavar="DIR", help="ECB+ (../shared/data/ecbplus), with --real-labels")
    parser.add_argument("--real-labels", metavar="PATH", default=str(BENCH / "data" / "ecbplus-labels.json"),
                        help="labels of ECB+ candidates, each read in its sentences (bench/real_candidates.py)")
    parser.add_argument("--real-unseen", action="store_true",
                        help="score the ECB+ candidates only, never fit on them (coverage the model has not seen)")
    parser.add_argument("--l2", type=float, default=20.0, help="pull toward the prior weights")
    parser.add_argument("--threshold", type=float, default=0.5,
                        help="report at this probability (default: more likely than not)")
    parser.add_argument("--generated", type=int, default=4, metavar="N",
                        help="also train on N generated stories of 5 sources (never held out)")
    parser.add_argument("--write", action="store_true", help=f"write the fit on every case to {FITTED_PATH}")
    args = parser.parse_args()
    per_case: dict[str, tuple[list[Row], int]] = {d.name: case_rows(d) for d in case_dirs(args.cases)}
    groups = {name: rows for name, (rows, _) in per_case.items()}
    real_rows: dict[str, list[Row]] = {}
    if args.real:
        from real_candidates import read_labels

        for c, label in read_labels(Path(args.real_labels), Path(args.real)):
            real_rows.setdefault(f"real:{c.story}", []).append(Row(c.story, c.features, -1, label))
        groups.update(real_rows)
    extra = generated_rows(args.generated, 5)
    print("$ " + shlex.join([".venv/bin/python", "bench/fit_judge.py", *sys.argv[1:]]))
    unseen = frozenset(real_rows) if args.real_unseen else frozenset()
    held = _held_out(groups, extra, args, unseen)
    cut = args.threshold
    on_cases = [(r, p) for r, p in held if not r.case.startswith(("real:",)) and r.case in per_case]
    reported = [(r, p) for r, p in on_cases if p >= cut]
    right = sum(r.label for r, _ in reported)
    found = {(r.case, r.gold) for r, _ in reported if r.label}
    golds = sum(n for _, n in per_case.values())
    reachable = {(r.case, r.gold) for r, _ in on_cases if r.label}
    print(f"generated stories: {len(extra)} candidates, {sum(r.label for r in extra)} true")
    print(f"cases: candidates {len(on_cases)}, of them a gold contradiction's {sum(r.label for r, _ in on_cases)}; "
          f"gold contradictions any candidate reaches: {len(reachable)}/{golds}")
    figure = (f"cases, leave one case out: reported {len(reported)}, right {right} "
              f"(precision {right / max(len(reported), 1):.1%}); gold found {len(found)}/{golds} "
              f"(recall {len(found) / golds:.1%})")
    print(figure)
    on_real = [(r, p) for r, p in held if r.case not in per_case]
    if on_real:
        shown = [(r, p) for r, p in on_real if p >= cut]
        hits, total = sum(r.label for r, _ in shown), sum(r.label for r, _ in on_real)
        real_figure = (f"real coverage, {'never fitted on' if unseen else 'leave one story out'}: {len(on_real)} labelled candidates, {total} real "
                       f"disagreements; reported {len(shown)}, right {hits} "
                       f"(precision {hits / max(len(shown), 1):.1%}, recall {hits / max(total, 1):.1%})")
        print(real_figure)
        figure += "; " + real_figure
    print("calibration (held-out probability bins: candidates, observed share of true ones):")
    for lo in np.arange(0.0, 1.0, 0.1):
        inside = [r.label for r, p in held if lo <= p < lo + 0.1 or (lo >= 0.9 and p == 1.0)]
        if inside:
            print(f"  {lo:.1f}-{lo + 0.1:.1f}: {len(inside):5d}  {np.mean(inside):.2f}")
    labelled = [r for name, rows in groups.items() if name not in unseen for r in rows]
    x = np.array([r.features for r in labelled + extra])
    y = np.array([r.label for r in labelled + extra])
    w = calibrated(fit(x, y, args.l2), np.array([r.features for r in labelled]), np.array([r.label for r in labelled]))
    print("weights on every case: bias " + f"{w[0]:+.3f}, " + ", ".join(f"{f} {v:+.3f}" for f, v in zip(FEATURES, w[1:]))
          + f"; threshold {cut:.3f}")
    if args.write:
        data = {
            "about": "Weights of the logistic model that turns a candidate conflict's features "
                     "(reconcile.judge.confidence.FEATURES) into the probability reported as a "
                     "disagreement's score, and the threshold at which it is reported.",
            "data": f"the labelled stories of {args.cases} ({len(per_case)} cases, {golds} gold contradictions)"
                    + (f", {sum(map(len, real_rows.values()))} candidates of {len(real_rows)} ECB+ stories labelled "
                       f"by reading ({_shown(args.real_labels)})" if real_rows and not unseen else "")
                    + f" and {args.generated} generated stories of 5 sources (bench/stories.py); {len(y)} candidates",
            "command": shlex.join([".venv/bin/python", "bench/fit_judge.py", *sys.argv[1:]]),
            "date": datetime.date.today().isoformat(),
            "figure": figure,
            "threshold": round(cut, 4),
            "weights": {"bias": round(float(w[0]), 4),
                        **{f: round(float(v), 4) for f, v in zip(FEATURES, w[1:])}},
        }
        FITTED_PATH.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {FITTED_PATH}")


def _shown(path: str) -> str:
    """A path as the repository names it, where it lies inside it (the fitted file
    says where its data came from, on any machine)."""
    try:
        return str(Path(path).resolve().relative_to(BENCH.parent))
    except ValueError:
        return path


if __name__ == "__main__":
    main()
