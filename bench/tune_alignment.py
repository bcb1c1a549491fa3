"""Fit and measure the alignment score on an MRPC-format paraphrase file.

    .venv/bin/python bench/tune_alignment.py /work/shared/data/mrpc/msr_paraphrase_train.txt

For each pair it computes the features of ``reconcile.alignment.similarity``
(IDF over all sentences of the file), then by k-fold cross-validation fits the
logistic weights and the decision threshold on k-1 folds and measures accuracy
and F1 on the held-out fold. The floor, rapidfuzz ``token_sort_ratio`` with a
threshold tuned the same way, is measured on the same folds. Finally it fits on
the whole file and prints the weights and the decision threshold for
``Settings.paraphrase_threshold``; with ``--write`` it writes the weights, with
the data, command, date and cross-validated figure they came from, to
reconcile/data/fitted/alignment.json, which the aligner reads.

With ``--select PENALTY`` the terms themselves are chosen inside each training
fold, among every feature and product of two, by an L1-penalised fit; this is
how the frozen weights were made:

    .venv/bin/python bench/tune_alignment.py FILE --select 0.005 --negatives 500 --repeats 2 --write

    .venv/bin/python bench/tune_alignment.py FILE --speed 100

times ``align`` instead on a synthetic run: 100 sources of 40 sentences, each
MRPC pair split between two random sources.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reconcile.align import align  # noqa: E402
from reconcile.align.score import FITTED_PATH, blend, feature_table, weights  # noqa: E402
from reconcile.text.tokens import idf_table, normalise  # noqa: E402
from reconcile.model import Claim, Clause, Facts, Sentence  # noqa: E402
from reconcile.settings import Settings  # noqa: E402


def load(path: str) -> tuple[list[tuple[str, str]], np.ndarray]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = [r for r in rows[1:] if len(r) == 5]
    return [(r[3], r[4]) for r in rows], np.array([int(r[0]) for r in rows])


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Weights (bias first) on raw feature scale, by Newton steps on the L2-penalised
    log-likelihood of standardised features."""
    mean, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / sd])
    w = np.zeros(z.shape[1])
    penalty = np.diag([0.0] + [l2] * x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + penalty @ w
        hess = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    raw = w[1:] / sd
    return np.concatenate([[w[0] - (raw * mean).sum()], raw])


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(w[0] + x @ w[1:])))


def best_threshold(score: np.ndarray, y: np.ndarray) -> float:
    """The cut maximising accuracy (midpoint between neighbouring scores)."""
    order = np.argsort(score)
    s, t = score[order], y[order]
    # predicting positive for index >= i: correct = negatives below i + positives from i
    neg_below = np.concatenate([[0], np.cumsum(1 - t)])
    pos_from = np.concatenate([np.cumsum(t[::-1])[::-1], [0]])
    correct = neg_below + pos_from
    i = int(np.argmax(correct))
    if i == 0:
        return float(s[0]) - 1e-9
    if i == len(s):
        return float(s[-1]) + 1e-9
    return float((s[i - 1] + s[i]) / 2)


def scores(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    accuracy = float((pred == (y == 1)).mean())
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return accuracy, f1


def design(table: dict[str, np.ndarray], terms: Sequence[str]) -> np.ndarray:
    """Columns for terms: a feature name, or two joined by "*" for their product."""
    columns = []
    for term in terms:
        column = np.ones(len(next(iter(table.values()))))
        for name in term.split("*"):
            column = column * table[name]
        columns.append(column)
    return np.stack(columns, axis=1)


def pool(table: dict[str, np.ndarray]) -> list[str]:
    """Every feature and every product of two (squares included)."""
    names = sorted(table)
    return names + [f"{a}*{b}" for i, a in enumerate(names) for b in names[i:]]


def fit_lasso(x: np.ndarray, y: np.ndarray, penalty: float, iterations: int = 4000) -> np.ndarray:
    """Weights (bias first) on raw feature scale minimising the mean log-loss plus
    ``penalty`` times the L1 norm of the standardised weights (FISTA). Most terms
    get exactly zero: the penalty is the selection, decided on the data given."""
    mean, sd = x.mean(0), x.std(0)
    sd = np.where(sd > 1e-12, sd, 1.0)
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / sd])
    n = len(y)
    step = n / (0.25 * np.linalg.norm(z, 2) ** 2)
    w = np.zeros(z.shape[1])
    v, t = w.copy(), 1.0
    for _ in range(iterations):
        grad = z.T @ (1 / (1 + np.exp(-np.clip(z @ v, -60, 60))) - y) / n
        new = v - step * grad
        new[1:] = np.sign(new[1:]) * np.maximum(np.abs(new[1:]) - step * penalty, 0.0)
        t_next = (1 + np.sqrt(1 + 4 * t * t)) / 2
        v = new + (t - 1) / t_next * (new - w)
        done = np.abs(new - w).max() < 1e-7
        w, t = new, t_next
        if done:
            break
    raw = w[1:] / sd
    return np.concatenate([[w[0] - (raw * mean).sum()], raw])


def mismatched(pairs: Sequence[tuple[str, str]], count: int, seed: int = 7) -> list[tuple[str, str]]:
    """Sentence #1 of one pair with sentence #2 of another, kept when their content
    tokens overlap as much as the aligner's candidates must (cosine of the token
    sets >= Settings.candidate_cutoff): the unrelated pairs of a real run, which
    MRPC, whose pairs were all picked for their overlap, never shows. Without
    them a fit may reward, out of MRPC's range, what only MRPC's pairs combine."""
    rng = np.random.default_rng(seed)
    first = [set(normalise(a)) for a, _ in pairs]
    second = [set(normalise(b)) for _, b in pairs]
    cutoff = Settings().candidate_cutoff
    found: list[tuple[str, str]] = []
    while len(found) < count:
        a, b = (int(k) for k in rng.integers(len(pairs), size=2))
        shared = len(first[a] & second[b])
        if a != b and shared and shared >= cutoff * np.sqrt(len(first[a]) * len(second[b])):
            found.append((pairs[a][0], pairs[b][1]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", help="MRPC-format file: Quality, #1 ID, #2 ID, #1 String, #2 String")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1, help="cross-validations on other shuffles, averaged")
    parser.add_argument("--l2", type=float, default=3.0, help="ridge penalty on standardised weights")
    parser.add_argument("--terms", default="",
                        help="comma-separated terms to fit (default: those of the fitted file)")
    parser.add_argument("--select", type=float, default=0.0, metavar="PENALTY",
                        help="instead, choose among all features and their products by an L1 penalty "
                             "(on the mean log-loss of standardised terms) inside every training fold")
    parser.add_argument("--negatives", type=int, default=0, metavar="N",
                        help="add N mismatched pairs (two sentences of different pairs sharing content "
                             "tokens like the aligner's candidates) to every training fold as non-paraphrases")
    parser.add_argument("--write", action="store_true",
                        help=f"write the weights fitted on all pairs, with their provenance, to {FITTED_PATH}")
    parser.add_argument("--speed", type=int, default=0, metavar="SOURCES",
                        help="time align on SOURCES synthetic sources of 40 sentences instead")
    args = parser.parse_args()
    if args.speed:
        return speed(args.path, args.speed)

    started = time.perf_counter()
    pairs, y = load(args.path)
    idf = idf_table(s for pair in pairs for s in pair)
    table = feature_table(pairs, idf)
    elapsed = time.perf_counter() - started
    floor = np.array([fuzz.token_sort_ratio(a, b) for a, b in pairs], dtype=float)
    share = Settings().align_containment
    terms = pool(table) if args.select else (args.terms.split(",") if args.terms else
                                             [term for term, _ in weights(Settings()) if term != "bias"])
    x = design(table, terms)
    extra = design(feature_table(mismatched(pairs, args.negatives), idf), terms) if args.negatives else x[:0]

    def fit(rows: np.ndarray) -> np.ndarray:
        xs, ys = np.vstack([x[rows], extra]), np.concatenate([y[rows], np.zeros(len(extra))])
        return fit_lasso(xs, ys, args.select) if args.select else fit_logistic(xs, ys, args.l2)

    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"pairs: {len(y)}, positive {y.mean():.1%}, features in {elapsed:.1f} s; "
          f"similarity = max(logistic, min({1 - share:g} * logistic + {share:g} * cover_max, {share:g}))")
    print(f"{'fold':>4}  {'similarity':>13}  {'logistic':>13}  {'floor':>13}   (accuracy F1, thresholds, terms)")
    results = []
    for repeat in range(args.repeats):
        fold = np.random.default_rng(repeat).permutation(len(y)) % args.folds
        for k in range(args.folds):
            train, test = fold != k, fold == k
            w = fit(train)
            logistic = predict(w, x)
            line = []
            for score in (blend(logistic, table["cover_max"], share), logistic, floor):
                cut = best_threshold(score[train], y[train])
                line.append((*scores(score[test] >= cut, y[test]), cut))
            results.append([v for acc, f1, _ in line for v in (acc, f1)])
            print(f"{k:>4}  " + "  ".join(f"{acc:6.1%} {f1:.3f}" for acc, f1, _ in line)
                  + "   " + " ".join(f"{cut:.3f}" for *_, cut in line[:2])
                  + f"  {np.count_nonzero(w[1:])}", flush=True)
    mean = np.array(results).mean(0)
    print("mean  " + "  ".join(f"{mean[i]:6.1%} {mean[i + 1]:.3f}" for i in (0, 2, 4))
          + f"   ({args.repeats} x {args.folds} folds)")

    linked = aligned_pairs(pairs)
    print(f"\nalign() with the frozen settings, column #1 and column #2 as two sources: "
          f"{linked[y == 1].mean():.1%} of paraphrase pairs and {linked[y == 0].mean():.1%} of the "
          f"others linked (threshold {Settings().align_threshold}, candidates {Settings().candidate_cutoff})")

    w = fit(np.ones(len(y), dtype=bool))
    logistic = predict(w, x)
    print(f"\nfit on all pairs: decision threshold {best_threshold(blend(logistic, table['cover_max'], share), y):.3f}"
          f" (similarity), {best_threshold(logistic, y):.3f} (logistic alone)")
    fitted = {"bias": round(float(w[0]), 4), **{t: round(float(v), 4) for t, v in zip(terms, w[1:]) if v}}
    print("weights: " + ", ".join(f"{t} {v:+.4f}" for t, v in fitted.items()))
    if args.write:
        write(fitted, args, f"{args.repeats} x {args.folds}-fold CV: {mean[0]:.1%} accuracy, F1 {mean[1]:.3f} "
                          f"(token_sort_ratio floor {mean[4]:.1%}, F1 {mean[5]:.3f})")


def write(fitted: dict[str, float], args: argparse.Namespace, figure: str) -> None:
    """The fitted weights as the aligner reads them, saying where they came from."""
    import datetime
    import json

    data = {
        "about": "Weights of the alignment score's paraphrase part (reconcile.align.score.paraphrase): "
                 "logistic terms over the features of reconcile.align.features, 'a*b' a product.",
        "data": f"{Path(args.path).name} ({args.path})"
                + (f" plus {args.negatives} mismatched pairs as non-paraphrases" if args.negatives else ""),
        "command": " ".join([".venv/bin/python", "bench/tune_alignment.py", *sys.argv[1:]]),
        "date": datetime.date.today().isoformat(),
        "figure": figure,
        "weights": fitted,
    }
    FITTED_PATH.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {FITTED_PATH}")


def claims_of(texts: Sequence[Sequence[str]]) -> list[list[Claim]]:
    return [
        [Claim(Sentence(s, i, 0, len(t), t), (Clause(0, len(t), t),), Facts()) for i, t in enumerate(ts)]
        for s, ts in enumerate(texts)
    ]


def aligned_pairs(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """Whether align() links each pair when all first and all second sentences
    are two sources: the operating point of the run, candidates included."""
    groups = align(claims_of([[a for a, _ in pairs], [b for _, b in pairs]]), Settings()).groups
    linked = {(link.a[1], link.b[1]) for g in groups for link in g.links}
    return np.array([(k, k) in linked for k in range(len(pairs))])


def speed(path: str, sources: int, per_source: int = 40) -> None:
    """Time a run as big as the issue asks for: reading the sentences (IDF) and aligning."""
    pairs, _ = load(path)
    rng = np.random.default_rng(0)
    texts: list[list[str]] = [[] for _ in range(sources)]
    for a, b in pairs[: sources * per_source // 2]:
        s, t = rng.choice(sources, size=2, replace=False)
        texts[s].append(a)
        texts[t].append(b)
    started = time.perf_counter()
    claims = claims_of(texts)
    ready = time.perf_counter()
    groups = align(claims, Settings()).groups
    done = time.perf_counter()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"{sources} sources, {sum(map(len, texts))} sentences: reading {ready - started:.2f} s, "
          f"align {done - ready:.2f} s, total {done - started:.2f} s; "
          f"{sum(len(g.links) for g in groups)} links in {len(groups)} groups")


if __name__ == "__main__":
    main()
