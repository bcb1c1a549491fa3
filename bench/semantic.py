"""Does a word-embedding model shipped in a wheel find paraphrases the lexical score misses, and at what cost?

    .venv/bin/python bench/semantic.py --cases ../shared/cases --mrpc ../shared/data/mrpc/msr_paraphrase_train.txt

Needs ``pip install -e '.[semantic]'`` (WordLlama, read by reconcile/align/semantic.py).
Every section given is run and printed, each figure measured here:

- ``--cases DIR`` (partner ranking): for each gold agreement and contradiction
  (a, b) of the labelled cases, every sentence of b's file is ranked by how alike
  it is to a's sentence; the share of pairs whose b sentence comes first, and in
  the first three, ties counted against it. Measures: today's lexical score
  (``pair_similarities``, IDF over the case's sentences), the embedding cosine at
  each width, their mean, and a conditional logit on (logit of the lexical score,
  cosine) fitted on the other cases (leave one case out).
- ``--mrpc PATH``: accuracy of the "same meaning" decision on an MRPC file, the
  lexical score at its frozen threshold (bench/accuracy.py's figure) and every
  measure with its threshold (and the blend's weights) chosen on nine tenths and
  applied to the tenth left out, ten times.
- ``--cost``: fresh processes: wall time to import, to load and to embed a first
  pair, ``-X importtime`` of the module, peak memory, the installed size of the
  package and what it pulls in, the time a sentence with a cold and a warm word
  cache, and ``reconcile compare`` on the two Micron samples with and without
  every pair of their sentences embedded.
- Fidelity (with ``--cases`` or ``--mrpc``): the token ids of every sentence read
  against the ``tokenizers`` library's, and the vectors against WordLlama's own
  ``embed``.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import re
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from accuracy import read_mrpc  # noqa: E402
from cases import articles, case_dirs, fold, read_gold  # noqa: E402

from reconcile import Settings, extract  # noqa: E402
from reconcile.align import semantic  # noqa: E402
from reconcile.align.score import pair_similarities  # noqa: E402
from reconcile.text.tokens import idf_table  # noqa: E402

WIDTHS = semantic.DIMS


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


# --------------------------------------------------------------------------- partner ranking


@dataclass(frozen=True)
class Query:
    """One gold pair: a's sentence, every sentence of b's file, which are b's."""

    case: str
    kind: str  # "agreement" or "contradiction"
    a: str
    candidates: tuple[str, ...]
    partner: np.ndarray  # bool per candidate
    lexical: np.ndarray  # score per candidate


def case_queries(case_dir: Path) -> tuple[list[Query], int]:
    """The gold agreements and contradictions of a case, scored lexically, and how
    many were left out because a snippet is in none of the sentences read."""
    gold = read_gold(case_dir)
    settings = Settings(today=gold.reference_date)
    read = {p.name: [s["text"] for s in extract(str(p), settings)["sentences"]] for p in articles(case_dir)}
    idf = idf_table(t for texts in read.values() for t in texts)
    queries, skipped = [], 0
    for kind, pair in [("agreement", p) for p in gold.agreements] + [("contradiction", p) for p in gold.contradictions]:
        a = next((t for t in read.get(pair.a.file, ()) if fold(pair.a.snippet) in fold(t)), None)
        candidates = tuple(read.get(pair.b.file, ()))
        partner = np.array([fold(pair.b.snippet) in fold(t) for t in candidates], dtype=bool)
        if a is None or not partner.any():
            skipped += 1
            continue
        lexical = pair_similarities([(a, t) for t in candidates], idf)
        queries.append(Query(case_dir.name, kind, a, candidates, partner, lexical))
    return queries, skipped


def rank(scores: np.ndarray, partner: np.ndarray) -> int:
    """The best partner's place, every other sentence scoring as high ahead of it."""
    best = scores[partner].max()
    return 1 + int((scores[~partner] >= best).sum())


def fit_choice(groups: Sequence[tuple[np.ndarray, np.ndarray]], l2: float = 0.01, steps: int = 500) -> np.ndarray:
    """Weights of a conditional logit: the probability a candidate is the partner
    is the softmax of ``features @ w`` over its query's candidates (Newton steps)."""
    w = np.zeros(groups[0][0].shape[1])
    for _ in range(steps):
        grad, hess = -l2 * w, -l2 * np.eye(len(w))
        for x, y in groups:
            p = np.exp(x @ w - (x @ w).max())
            p /= p.sum()
            mean = p @ x
            grad += x[y].mean(axis=0) - mean
            hess -= (x * p[:, None]).T @ x - np.outer(mean, mean)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def ranking(queries: Sequence[Query]) -> tuple[dict[str, list[int]], dict[int, list[float]]]:
    """The partner's place in each query, per measure, and at each width the
    logit's cosine weight over its lexical weight in each fold."""
    places: dict[str, list[int]] = {"lexical (today)": [rank(q.lexical, q.partner) for q in queries]}
    ratios = {}
    for d in WIDTHS:
        run = semantic.Embeddings(d)
        cos = [run.similarities([(q.a, t) for t in q.candidates]) for q in queries]
        places[f"cosine, {d} dims"] = [rank(c, q.partner) for c, q in zip(cos, queries)]
        places[f"  mean of lexical and cosine {d}"] = [rank((q.lexical + c) / 2, q.partner) for c, q in zip(cos, queries)]
        features = [np.column_stack([logit(q.lexical), c]) for c, q in zip(cos, queries)]
        held_out, ratios[d] = [], []
        for k, q in enumerate(queries):
            w = fit_choice([(x, o.partner) for x, o in zip(features, queries) if o.case != q.case])
            ratios[d].append(w[1] / w[0])
            held_out.append(rank(features[k] @ w, q.partner))
        places[f"  logit on (logit lexical, cosine {d}), leave one case out"] = held_out
    return places, ratios


def print_ranking(root: str) -> list[str]:
    queries, skipped = [], 0
    for case_dir in case_dirs(root):
        found, missed = case_queries(case_dir)
        queries += found
        skipped += missed
    sizes = [len(q.candidates) for q in queries]
    print(f"\n## Partner ranking\n$ {command('--cases', root)}")
    print(f"  {len(queries)} gold pairs ({skipped} left out: a snippet in no sentence read), "
          f"{statistics.median(sizes):.0f} sentences in b's file (median), {len({q.case for q in queries})} cases")
    places, ratio = ranking(queries)
    today = places["lexical (today)"]
    kinds = [q.kind for q in queries]
    print(f"  {'measure':<62} {'top-1':>12} {'top-3':>12}  top-1 of agreements, contradictions; "
          "against today: won, lost")
    for name, found in places.items():
        one, three = sum(p == 1 for p in found), sum(p <= 3 for p in found)
        by_kind = [f"{sum(p == 1 for p, k in zip(found, kinds) if k == kind)}/{kinds.count(kind)}"
                   for kind in ("agreement", "contradiction")]
        won = sum(p == 1 < t for p, t in zip(found, today))
        lost = sum(t == 1 < p for p, t in zip(found, today))
        n = len(found)
        print(f"  {name:<62} {one:>3}/{n} {one / n:.1%} {three:>3}/{n} {three / n:.1%}  "
              f"{', '.join(by_kind)}; {won}, {lost}")
    for d, by_fold in ratio.items():
        print(f"  the logit's cosine weight over its lexical weight at {d} dims, by fold: "
              f"{min(by_fold):.1f} to {max(by_fold):.1f}")
    return [q.a for q in queries] + [t for q in queries for t in q.candidates]


# --------------------------------------------------------------------------- MRPC


def folds(n: int, k: int = 10) -> list[np.ndarray]:
    return [np.arange(n)[np.arange(n) % k == f] for f in range(k)]


def best_threshold(score: np.ndarray, label: np.ndarray) -> float:
    """The cut that maximises accuracy: the midpoint between two sorted scores."""
    order = np.argsort(score)
    s, y = score[order], label[order]
    # predicted positive from position i on: correct = negatives before i + positives from i
    correct = np.concatenate(([0], np.cumsum(y == 0))) + np.concatenate((np.cumsum((y == 1)[::-1])[::-1], [0]))
    i = int(np.argmax(correct))
    return float(-np.inf if i == 0 else np.inf if i == len(s) else (s[i - 1] + s[i]) / 2)


def fit_logistic(x: np.ndarray, y: np.ndarray, steps: int = 50) -> np.ndarray:
    """Logistic weights (bias first) by Newton steps."""
    z = np.column_stack([np.ones(len(x)), x])
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -60, 60)))
        w += np.linalg.solve((z * (p * (1 - p))[:, None]).T @ z + 1e-6 * np.eye(len(w)), z.T @ (y - p))
    return w


def cross_validated(features: np.ndarray, label: np.ndarray, combine: bool) -> float:
    """Accuracy on each tenth of a cut (and, with ``combine``, a logistic on the
    features) fitted on the other nine tenths."""
    correct = 0
    for test in folds(len(label)):
        train = np.setdiff1d(np.arange(len(label)), test)
        if combine:
            w = fit_logistic(features[train], label[train])
            score = np.column_stack([np.ones(len(label)), features]) @ w
        else:
            score = features[:, 0]
        cut = best_threshold(score[train], label[train])
        correct += int(((score[test] >= cut) == (label[test] == 1)).sum())
    return correct / len(label)


def print_mrpc(path: str) -> list[str]:
    pairs, label = read_mrpc(path)
    idf = idf_table(s for p in pairs for s in p)
    lexical = pair_similarities(pairs, idf)
    frozen = float(((lexical >= Settings().paraphrase_threshold) == (label == 1)).mean())
    print(f"\n## MRPC\n$ {command('--mrpc', path)}")
    print(f"  {len(pairs)} pairs, {label.mean():.1%} paraphrases; ten folds, threshold (and weights) fitted on nine")
    rows = [
        (f"lexical (today), frozen threshold {Settings().paraphrase_threshold} (fitted on this file)", frozen),
        ("lexical, threshold cross-validated", cross_validated(lexical[:, None], label, False)),
    ]
    for d in WIDTHS:
        cos = semantic.similarities(pairs, d)
        rows += [
            (f"cosine, {d} dims", cross_validated(cos[:, None], label, False)),
            (f"  mean of lexical and cosine {d}", cross_validated(((lexical + cos) / 2)[:, None], label, False)),
            (f"  logistic on (logit lexical, cosine {d})",
             cross_validated(np.column_stack([logit(lexical), cos]), label, True)),
        ]
    for name, figure in rows:
        print(f"  {name:<62} {figure:.1%}")
    return [s for p in pairs for s in p]


# --------------------------------------------------------------------------- fidelity


def print_fidelity(texts: Sequence[str]) -> None:
    """Our token ids and vectors against the libraries' own."""
    try:
        import tokenizers
        from wordllama.inference import WordLlamaInference
    except ImportError as missing:
        print(f"\n## Fidelity: not measured ({missing})")
        return
    texts = list(dict.fromkeys(t for t in texts if t))
    where = semantic.package_dir()
    theirs = tokenizers.Tokenizer.from_file(str(where / semantic.TOKENIZER))
    model = semantic.model()
    ids = [e.ids for e in theirs.encode_batch(texts, add_special_tokens=False)]
    differ = sum(model.tokenizer.encode(t) != i for t, i in zip(texts, ids))
    matrix = np.asarray(model.matrix)
    gap = max(float(np.abs(WordLlamaInference(matrix[:, :d], theirs).embed(texts, norm=True)
                           - model.embed(texts, d)).max()) for d in WIDTHS)
    print(f"\n## Fidelity ({len(texts)} distinct sentences, {sum(map(len, ids))} tokens)")
    print(f"  token ids differing from tokenizers {tokenizers.__version__}: {differ}")
    print(f"  largest difference from WordLlama's embed(norm=True), any width: {gap:.1e}")


# --------------------------------------------------------------------------- cost


PAIR = ("Doctors and nurses worked from paper records.", "Clinicians reverted to pen-and-paper charting.")

PEAK = "re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())[1]"
"""The process's peak resident memory in kB (ru_maxrss would count the parent's, inherited across exec)."""

FIRST = f"""
import re, time
t0 = time.perf_counter()
import reconcile.align
t1 = time.perf_counter()
from reconcile.align import semantic
t2 = time.perf_counter()
semantic.model()
t3 = time.perf_counter()
semantic.similarities([{PAIR!r}])
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, {PEAK})
"""

BASE = f"import re, reconcile.align; print({PEAK})"

THEIRS = f"""
import time
t0 = time.perf_counter()
import wordllama
t1 = time.perf_counter()
import tokenizers
from safetensors.numpy import load_file
from reconcile.align import semantic
where = semantic.package_dir()
t2 = time.perf_counter()
tokenizer = tokenizers.Tokenizer.from_file(str(where / semantic.TOKENIZER))
t3 = time.perf_counter()
matrix = load_file(str(where / semantic.WEIGHTS))[semantic.TENSOR]
wordllama.inference.WordLlamaInference(matrix, tokenizer).embed(list({PAIR!r}), norm=True)
t4 = time.perf_counter()
print(t1 - t0, t3 - t2, t4 - t3)
"""

COMPARE = """
import contextlib, io, sys
from reconcile.cli import main
sys.argv = ['reconcile', 'compare', *{paths!r}]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit:
        pass
{more}
"""

EMBED_ALL = """
import time
from reconcile import extract
texts = [s['text'] for p in {paths!r} for s in extract(p)['sentences']]
started = time.perf_counter()
from reconcile.align import semantic
semantic.similarities([(a, b) for a in texts for b in texts])
print(time.perf_counter() - started)
"""


def run(code: str, *flags: str) -> tuple[float, str, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *flags, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return time.perf_counter() - started, done.stdout, done.stderr


def median_of(times: int, code: str) -> list[float]:
    """The median of each printed figure, and of the whole process's wall time (last)."""
    runs = []
    for _ in range(times):
        wall, out, _ = run(code)
        runs.append([float(v) for v in out.splitlines()[-1].split()] + [wall] if out.strip() else [wall])
    return [statistics.median(col) for col in zip(*runs)]


def installed_size(name: str, skip: set[str]) -> tuple[int, list[str]]:
    """Bytes on disk of a distribution and every requirement it pulls in that ``skip`` does not hold."""
    seen, todo, size = set(skip), [name], 0
    pulled = []
    while todo:
        dist_name = re.split(r"[ ;<>=!~\[(]", todo.pop())[0].lower().replace("_", "-")
        if dist_name in seen:
            continue
        seen.add(dist_name)
        try:
            dist = metadata.distribution(dist_name)
        except metadata.PackageNotFoundError:
            continue
        pulled.append(dist_name)
        size += sum(Path(dist.locate_file(f)).stat().st_size for f in dist.files or ()
                    if Path(dist.locate_file(f)).is_file())
        todo += [r for r in dist.requires or () if "extra ==" not in r]
    return size, pulled


def print_cost(times: int, texts: Sequence[str]) -> None:
    print(f"\n## Cost ({times} fresh processes each, medians)\n$ {command('--cost')}")
    package, model, first, pair, rss, wall = median_of(times, FIRST)
    (base_rss,) = median_of(times, BASE)[:1]
    print(f"  import reconcile.align {package * 1e3:.0f} ms (numpy, rapidfuzz: the aligner already pays it); "
          f"then reconcile.align.semantic {model * 1e3:.1f} ms")
    print(f"  load (tokenizer JSON, safetensors header, memory map) {first * 1e3:.0f} ms; "
          f"first pair embedded and compared {pair * 1e3:.1f} ms; whole process {wall * 1e3:.0f} ms")
    print(f"  peak memory {rss / 1024:.0f} MB against {base_rss / 1024:.0f} MB for reconcile.align alone")
    loading = imported("from reconcile.align import semantic; semantic.model()")
    new = sorted(set(loading) - set(imported("import reconcile.align")))
    print(f"  -X importtime: reconcile.align.semantic {loading['reconcile.align.semantic']} us cumulative; "
          f"modules that loading the model adds to reconcile.align's: {new}")
    wordllama, tokenizer, loaded = median_of(times, THEIRS)[:3]
    print(f"  for comparison: import wordllama {wordllama * 1e3:.0f} ms; tokenizers.Tokenizer.from_file "
          f"{tokenizer * 1e3:.0f} ms; safetensors load and WordLlama's embed {loaded * 1e3:.0f} ms")
    ours = set(installed_size("reconcile-claims", set())[1])  # what reconcile already requires is no extra cost
    size, pulled = installed_size("wordllama", ours)
    alone, _ = installed_size("wordllama", ours | set(pulled) - {"wordllama"})
    print(f"  installed: wordllama {alone / 2**20:.1f} MB; with what it pulls in {size / 2**20:.1f} MB "
          f"({', '.join(sorted(pulled))})")
    print_per_sentence(texts)
    paths = ["samples/micron/1-thaw.txt", "samples/micron/2-tensions-easing.txt"]
    alone = median_of(times, COMPARE.format(paths=paths, more=""))[-1]
    added = median_of(times, COMPARE.format(paths=paths, more=EMBED_ALL.format(paths=paths)))[0]
    print(f"  reconcile compare of the two Micron samples, whole process: {alone * 1e3:.0f} ms; loading the model "
          f"and comparing every pair of their sentences after it adds {added * 1e3:.0f} ms")


def imported(code: str) -> dict[str, int]:
    """Each module a fresh process imports running ``code``, with its cumulative import time in us."""
    _, _, trace = run(code, "-X", "importtime")
    rows = [line.split("|") for line in trace.splitlines() if line.startswith("import time:") and line.count("|") == 2]
    return {name.strip(): int(cumulative) for _, cumulative, name in rows if cumulative.strip().isdigit()}


def print_per_sentence(texts: Sequence[str]) -> None:
    texts = list(dict.fromkeys(texts))
    model = semantic.model()
    model.tokenizer.words.clear()
    started = time.perf_counter()
    semantic.Embeddings().vectors(texts)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    semantic.Embeddings().vectors(texts)
    warm = time.perf_counter() - started
    print(f"  per sentence ({len(texts)} distinct sentences read): {cold / len(texts) * 1e6:.0f} us with an empty "
          f"word cache, {warm / len(texts) * 1e6:.0f} us with every word cached")
    try:
        import tokenizers
    except ImportError:
        return
    theirs = tokenizers.Tokenizer.from_file(str(semantic.package_dir() / semantic.TOKENIZER))
    started = time.perf_counter()
    theirs.encode_batch(texts, add_special_tokens=False)
    print(f"  for comparison, tokenizing alone with tokenizers {tokenizers.__version__}: "
          f"{(time.perf_counter() - started) / len(texts) * 1e6:.0f} us a sentence")


def command(*args: str) -> str:
    return shlex.join([".venv/bin/python", "bench/semantic.py", *args])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", metavar="DIR", help="the labelled case folders (../shared/cases)")
    parser.add_argument("--mrpc", metavar="PATH", help="an MRPC-format paraphrase file")
    parser.add_argument("--cost", action="store_true", help="start-up, memory, size and speed")
    parser.add_argument("--times", type=int, default=5, help="fresh processes per cost figure")
    args = parser.parse_args()
    if not (args.cases or args.mrpc or args.cost):
        parser.error("give at least one of --cases, --mrpc, --cost")
    if not semantic.available():
        parser.error("the model is not installed: .venv/bin/pip install -e '.[semantic]'")
    texts: list[str] = []
    if args.cases:
        texts += print_ranking(args.cases)
    if args.mrpc:
        texts += print_mrpc(args.mrpc)
    if texts:
        print_fidelity(texts)
    if args.cost:
        samples = [s["text"] for p in sorted((ROOT / "samples").rglob("*.txt")) for s in extract(str(p))["sentences"]]
        print_cost(args.times, texts or samples)


if __name__ == "__main__":
    main()
