"""Speed and scale of reconcile, measured against what a user would write by hand.

    .venv/bin/python bench/speed.py [--mrpc PATH] [--quick] [--only startup,growth,blocking,limit,batch,batch-dask]

``make bench`` runs every section (docs/speed.md records the figures). Each figure
is printed under the command that measures it alone.

- startup: ``reconcile --help`` and ``reconcile compare`` on samples/micron, whole
  process, median (and fastest) of ``--runs`` runs after one warm-up, with the
  bytecode cache of an installed package; and which modules ``--help`` imports.
- growth: one generated story (bench/stories.py) told by 2 ... 200 sources of 40
  sentences each. For each size, in a fresh process: time per stage, pairs the
  aligner scores in full, links; then the whole ``reconcile compare`` process with
  its peak memory; then a plain all-pairs ``difflib.SequenceMatcher`` aligner on
  the same claims (every pair of sentences of different sources, linked at ratio
  >= 0.6, with the cheap upper bounds first, as ``difflib.get_close_matches``
  does), timed in full up to 300,000 pairs and beyond that on whole rows of a
  random sample of sentences, scaled to all pairs ("est.").
- blocking: what the candidate index saves and what it keeps, against scoring
  every cross-source pair in full: on generated stories, and on MRPC (``--mrpc``;
  all #1 strings as one source, all #2 strings as the other).
- limit: what fewer links would buy at 100 sources: ``compare`` in one process
  with ``candidate_limit`` lowered from its default, against the sentences the
  default run reports in a contradiction and the unsupported findings it gives.
- batch: ``reconcile batch`` on 1,000 generated stories of 3 sources.
- batch-dask: the same batch on a local Dask cluster of ``--jobs`` worker
  processes (``--engine dask``, the dask extra) against the process pool.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import random
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import stories  # noqa: E402

SAMPLES = [str(ROOT / "samples" / "micron" / n) for n in ("1-thaw.txt", "2-tensions-easing.txt")]
SENTENCES = 40
DIFFLIB_CUTOFF = 0.6  # difflib.get_close_matches' default
FULL_REFERENCE = 300_000  # pairs the difflib reference runs in full; above, sampled
TARGETS: list[tuple[str, str, bool]] = []  # (target, measured, met)
HEAVY = ("numpy", "rapidfuzz", "pydantic", "dask", "distributed")  # packages --help must not import


def _python() -> str:
    return sys.executable


def _reconcile() -> list[str]:
    script = Path(sys.executable).parent / "reconcile"
    return [str(script)] if script.exists() else [sys.executable, "-m", "reconcile"]


def _env(cache: str) -> dict[str, str]:
    """The environment of an installed tool: bytecode cached (here in a temporary
    folder, so the working tree stays clean), no forced colours."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def _show(command: Sequence[str]) -> str:
    return " ".join(shlex.quote(str(c)) for c in command)


def _run_once(command: Sequence[str], env: dict[str, str]) -> tuple[float, float, int, float]:
    """Wall seconds, peak resident MB (of the largest process), exit status and CPU
    seconds (its own and its workers') of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, process.returncode, usage.ru_utime + usage.ru_stime


def _target(name: str, measured: str, met: bool) -> None:
    TARGETS.append((name, measured, met))


# --------------------------------------------------------------------------- startup


def startup(runs: int, env: dict[str, str]) -> None:
    print("\n## Start-up (whole process; median and fastest of", runs, "runs after a warm-up)")
    commands = [
        ("python -c pass (the floor)", [_python(), "-c", "pass"]),
        ("reconcile --help", [*_reconcile(), "--help"]),
        ("reconcile compare samples (text)", [*_reconcile(), "compare", *SAMPLES]),
        ("reconcile compare samples -f json", [*_reconcile(), "compare", "-f", "json", *SAMPLES]),
    ]
    medians = {}
    for label, command in commands:
        _run_once(command, env)
        runs_ = [_run_once(command, env) for _ in range(runs)]
        times = [r[0] for r in runs_]
        medians[label] = statistics.median(times)
        cpu = statistics.median(r[3] for r in runs_)
        print(f"  {label:36s} {medians[label]:6.3f} s  (fastest {min(times):.3f}, CPU {cpu:.3f})"
              f"   command: {_show(command)}")
    probe = [_python(), "-X", "importtime", "-m", "reconcile", "--help"]
    done = subprocess.run(probe, capture_output=True, text=True, env=env, cwd=ROOT)
    modules = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m in ("reconcile.api", "reconcile.align",
                                                                            "rich.console"))
    print(f"  --help imports {len(modules)} modules; heavy ones: {', '.join(heavy) or 'none'}"
          f"   command: {_show(probe)}")
    imports(env)
    help_s, compare_s = medians["reconcile --help"], medians["reconcile compare samples (text)"]
    _target("reconcile --help < 0.1 s", f"{help_s:.3f} s", help_s < 0.1)
    _target("two samples, whole process < 0.3 s", f"{compare_s:.3f} s", compare_s < 0.3)
    _target("--help imports no numpy/rapidfuzz/dask/pipeline", ", ".join(heavy) or "none", not heavy)


IMPORT_RUNS = 5


def imports(env: dict[str, str]) -> None:
    """What start-up pays for: ``-X importtime`` of ``compare -f json`` on the
    samples, each module's own import time summed by top-level package (the
    median of IMPORT_RUNS runs), against the whole process."""
    probe = [_python(), "-X", "importtime", "-m", "reconcile", "compare", "-f", "json", *SAMPLES]
    runs: list[dict[str, float]] = []
    for _ in range(IMPORT_RUNS + 1):  # the first warms the bytecode cache
        done = subprocess.run(probe, capture_output=True, text=True, env=env, cwd=ROOT)
        own: dict[str, float] = {}
        for line in done.stderr.splitlines():
            if line.startswith("import time:") and "self [us]" not in line:
                self_us, _, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
                package = name.split(".")[0]
                package = "reconcile." + name.split(".")[1] if package == "reconcile" and "." in name else package
                own[package] = own.get(package, 0.0) + int(self_us) / 1e6
        runs.append(own)
    runs = runs[1:]
    packages = {name for run in runs for name in run}
    median = {name: statistics.median(run.get(name, 0.0) for run in runs) for name in packages}
    total = statistics.median(sum(run.values()) for run in runs)
    top = sorted(median.items(), key=lambda kv: -kv[1])
    shown = top[:20]
    print(f"  imports of `compare -f json` on the samples: {total:.3f} s in all (median of {IMPORT_RUNS}; "
          f"-X importtime adds its own cost)   command: {_show(probe)}")
    for name, seconds in shown:
        print(f"    {name:28s} {seconds * 1000:6.1f} ms")
    print(f"    {'the other ' + str(len(top) - len(shown)) + ' packages':28s} "
          f"{sum(s for _, s in top[len(shown):]) * 1000:6.1f} ms")


# --------------------------------------------------------------------------- growth


def stages(folder: str) -> dict[str, float]:
    """Run the pipeline on a story folder stage by stage (in a fresh process)."""
    from reconcile import api, pipeline
    from reconcile.facts.claims import Reader, analyse
    from reconcile.settings import Settings

    settings = Settings()
    files = api.article_files(folder)
    times: dict[str, float] = {}
    started = time.perf_counter()
    docs = [api.load(f, settings) for f in files]
    marks = [("start", started)]
    report = pipeline.run(docs, settings, observe=lambda stage: marks.append((stage, time.perf_counter())))
    for (_, before), (stage, after) in zip(marks, marks[1:]):
        times[stage] = after - before
    times["total"] = time.perf_counter() - started
    times["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    read = Reader(settings)
    analyses = [analyse(d, i, settings, read) for i, d in enumerate(docs)]
    per_source = [a.claims for a in analyses]
    i, _ = candidates(per_source, settings)
    counts = [len(c) for c in per_source]
    times.update(
        sentences=sum(len(a.sentences) for a in analyses), claims=sum(counts),
        pairs=(sum(counts) ** 2 - sum(n * n for n in counts)) / 2, scored=len(i),
        links=_links(per_source, settings), findings=len(report.findings),
    )
    return times


def _links(per_source, settings) -> int:  # type: ignore[no-untyped-def]
    from reconcile.align import align

    return sum(len(g.links) for g in align(per_source, settings).groups)


def candidates(per_source, settings):  # type: ignore[no-untyped-def]
    """The pairs the aligner scores in full (its private candidate step, for counting)."""
    import numpy as np

    from reconcile.align.blocking import candidates as blocked
    from reconcile.align.encode import Batch, profile
    from reconcile.text.tokens import idf_table

    usable = [c for cs in per_source for c in cs]
    batch = Batch([profile(c.sentence.text) for c in usable], idf_table(c.sentence.text for c in usable))
    sources = np.array([c.sentence.source for c in usable], dtype=int)
    return blocked(batch, sources, settings, None)


def claim_texts(folder: str) -> list[list[str]]:
    """Per source, the texts of its claims: what the aligner aligns."""
    from reconcile import api
    from reconcile.settings import Settings
    from reconcile.facts.claims import analyse

    settings = Settings()
    out = []
    for i, path in enumerate(api.article_files(folder)):
        doc = api.load(path, settings)
        out.append([c.sentence.text for c in analyse(doc, i, settings).claims])
    return out


def difflib_reference(folder: str, seed: int = 0) -> dict[str, float]:
    """The hand-written aligner: every cross-source pair through SequenceMatcher."""
    texts = claim_texts(folder)
    flat = [(s, t) for s, ts in enumerate(texts) for t in ts]
    counts = [len(ts) for ts in texts]
    pairs = (len(flat) ** 2 - sum(n * n for n in counts)) // 2
    rows = list(range(len(flat)))
    sampled = pairs > FULL_REFERENCE
    if sampled:  # whole rows (one sentence against all earlier sources) of a random sample
        random.Random(seed).shuffle(rows)
    matcher = difflib.SequenceMatcher(autojunk=False)
    done = links = 0
    started = time.perf_counter()
    for row in rows:
        source, text = flat[row]
        matcher.set_seq2(text)
        for other_source, other in flat:
            if other_source >= source:
                break  # sources are in order: only earlier ones
            matcher.set_seq1(other)
            done += 1
            if (matcher.real_quick_ratio() >= DIFFLIB_CUTOFF and matcher.quick_ratio() >= DIFFLIB_CUTOFF
                    and matcher.ratio() >= DIFFLIB_CUTOFF):
                links += 1
        if sampled and done >= FULL_REFERENCE // 3:
            break
    elapsed = time.perf_counter() - started
    return {"pairs": pairs, "timed": done, "seconds": elapsed * pairs / max(done, 1),
            "estimated": float(sampled), "links": links * pairs / max(done, 1)}


def _child(flag: str, folder: Path, env: dict[str, str]) -> Any:
    command = [_python(), str(Path(__file__).resolve()), flag, str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"{_show(command)} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def growth(sizes: Sequence[int], work: Path, env: dict[str, str], seed: int) -> dict[int, Path]:
    print(f"\n## Growth: one story told by N sources of {SENTENCES} sentences (bench/stories.py, seed {seed})")
    print(f"  stage times in a fresh process:  {_show([_python(), 'bench/speed.py', '--stages', 'FOLDER'])}")
    print(f"  whole process and peak memory:   {_show(['reconcile', 'compare', '-f', 'json', 'FOLDER/*.txt'])}")
    print(f"  difflib reference:               {_show([_python(), 'bench/speed.py', '--difflib', 'FOLDER'])}")
    header = (f"  {'sources':>7} {'claims':>6} {'all pairs':>10} {'scored':>8} {'links':>7} {'analyse':>8} "
              f"{'align':>7} {'judge':>7} {'timeline':>8} {'compare':>8} {'CPU':>7} {'peak MB':>8} {'difflib':>10} "
              f"{'vs align':>8}")
    print(header)
    folders, rows = {}, {}
    for size in sizes:
        folder = work / f"growth-{size:03d}"
        stories.write_story(folder, stories.story(seed, size, SENTENCES), seed)
        folders[size] = folder
        s = _child("--stages", folder, env)
        files = sorted(str(p) for p in folder.glob("*.txt"))
        wall, peak, code, cpu = _run_once([*_reconcile(), "compare", "-f", "json", "--exit-zero", *files], env)
        if code:
            raise SystemExit(f"reconcile compare failed on {folder} (exit {code})")
        ref = _child("--difflib", folder, env)
        ratio = ref["seconds"] / s["align"]
        rows[size] = (s, wall, peak, ref)
        est = "est." if ref["estimated"] else "    "
        print(f"  {size:>7} {int(s['claims']):>6} {int(s['pairs']):>10,} {int(s['scored']):>8,} "
              f"{int(s['links']):>7,} {s['analyse']:>7.2f}s {s['align']:>6.2f}s {s['judge']:>6.2f}s "
              f"{s['timeline']:>7.2f}s {wall:>7.2f}s {cpu:>6.2f}s {peak:>8.0f} {ref['seconds']:>6.1f}s{est} {ratio:>7.0f}x",
              flush=True)
    big = [n for n in sizes if n >= 10]
    if len(big) >= 2:
        for stage in ("align", "total"):
            x = [math.log(rows[n][0]["claims"]) for n in big]
            y = [math.log(rows[n][0][stage]) for n in big]
            slope = statistics.linear_regression(x, y).slope
            print(f"  growth of {stage} time with the claims ({big[0]}..{big[-1]} sources): "
                  f"~ n^{slope:.2f} (1 = linear, 2 = all pairs)")
    if 100 in rows:
        s, wall, _, ref = rows[100]
        _target("100 sources x 40 sentences: align < 2 s", f"{s['align']:.2f} s", s["align"] < 2)
        _target("100 sources: whole compare (all stages) < 2 s", f"{wall:.2f} s", wall < 2)
        ratio = ref["seconds"] / s["align"]
        _target("100 sources: >= 50x faster than difflib (align)", f"{ratio:.0f}x", ratio >= 50)
        ratio = ref["seconds"] / wall
        _target("100 sources: >= 50x faster than difflib (whole compare)", f"{ratio:.0f}x", ratio >= 50)
    if 200 in rows:
        peak = rows[200][2]
        _target("200 sources: peak memory < 300 MB", f"{peak:.0f} MB", peak < 300)
    return folders


# --------------------------------------------------------------------------- blocking


def _unblocked_links(per_source, settings, chunk: int = 250_000):  # type: ignore[no-untyped-def]
    """Links with no blocking: every cross-source pair scored in full."""
    import numpy as np

    from reconcile.align.encode import Batch, profile
    from reconcile.align.score import scores
    from reconcile.text.tokens import idf_table

    usable = [c for cs in per_source for c in cs]
    keys = [(c.sentence.source, c.sentence.index) for c in usable]
    batch = Batch([profile(c.sentence.text) for c in usable], idf_table(c.sentence.text for c in usable))
    sources = np.array([k[0] for k in keys])
    i, j = np.triu_indices(len(usable), 1)
    cross = sources[i] != sources[j]
    i, j = i[cross], j[cross]
    links = set()
    for start in range(0, len(i), chunk):
        a, b = i[start:start + chunk], j[start:start + chunk]
        keep = scores(batch, a, b, settings) >= settings.align_threshold
        links.update(zip((keys[k] for k in a[keep]), (keys[k] for k in b[keep])))
    return links, len(i)


def blocking_story(folder: str) -> dict[str, float]:
    """Blocked against unblocked alignment of one story folder (in a fresh process)."""
    from reconcile import api
    from reconcile.align import align
    from reconcile.facts.claims import analyse
    from reconcile.settings import Settings

    settings = Settings()
    files = api.article_files(folder)
    per_source = [analyse(api.load(f, settings), i, settings).claims for i, f in enumerate(files)]
    started = time.perf_counter()
    reference, pairs = _unblocked_links(per_source, settings)
    unblocked_s = time.perf_counter() - started
    started = time.perf_counter()
    groups = align(per_source, settings).groups
    blocked_s = time.perf_counter() - started
    links = {(link.a, link.b) for g in groups for link in g.links}
    scored = len(candidates(per_source, settings)[0])
    supported = {k for pair in reference for k in pair}
    kept = {k for pair in links for k in pair}
    return {"pairs": pairs, "scored": scored, "reference": len(reference), "links": len(links),
            "link_recall": len(links & reference) / max(1, len(reference)),
            "claim_recall": len(kept & supported) / max(1, len(supported)),
            "unblocked_s": unblocked_s, "blocked_s": blocked_s}


def blocking(folders: dict[int, Path], sizes: Sequence[int], mrpc: str | None, env: dict[str, str]) -> None:
    print("\n## Blocking: pairs scored in full and links kept, against scoring every cross-source pair")
    print(f"  command: {_show([_python(), 'bench/speed.py', '--blocking', 'FOLDER'])}")
    print(f"  {'input':>22} {'all pairs':>12} {'scored':>9} {'share':>7} {'links':>8} {'link recall':>11} "
          f"{'claim recall':>12} {'time':>16}")
    for size in sizes:
        if size not in folders:
            continue
        b = _child("--blocking", folders[size], env)
        print(f"  {f'story, {size} sources':>22} {int(b['pairs']):>12,} {int(b['scored']):>9,} "
              f"{b['scored'] / b['pairs']:>7.2%} {int(b['links']):>8,} {b['link_recall']:>11.2%} "
              f"{b['claim_recall']:>12.2%} {b['blocked_s']:>6.2f}s vs {b['unblocked_s']:>5.1f}s", flush=True)
    if mrpc:
        command = [_python(), "bench/speed.py", "--blocking-mrpc", mrpc]
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
        if done.returncode:
            raise SystemExit(f"{_show(command)} failed:\n{done.stderr}")
        m = json.loads(done.stdout)
        print(f"  {'MRPC train, 2 sources':>22} {int(m['pairs']):>12,} {int(m['scored']):>9,} "
              f"{m['scored'] / m['pairs']:>7.3%} {int(m['links']):>8,} {m['pair_recall']:>11.2%} "
              f"{'':>12} {m['blocked_s']:>6.2f}s   command: {_show(command)}")
        print(f"    MRPC pairs whose own score reaches align_threshold (linked with no blocking): "
              f"{int(m['linkable'])}; linked with blocking: {m['pair_recall']:.2%} "
              f"(paraphrase-labelled ones: {m['positive_recall']:.2%} of {int(m['linkable_positive'])})")
    print("  link recall: links found with no blocking that blocking also finds; claim recall: claims with a\n"
          "  link (not 'unsupported') with no blocking that still have one. Links lost are redundant ones\n"
          "  (Settings.candidate_limit: each claim keeps its best partners) once many sources restate a claim.")


def blocking_mrpc(path: str) -> dict[str, float]:
    """MRPC as two sources: which pairs that would link unblocked still link."""
    import numpy as np

    from reconcile.align import align
    from reconcile.align.score import pair_similarities
    from reconcile.settings import Settings
    from tune_alignment import claims_of, load

    settings = Settings()
    pairs, labels = load(path)
    per_source = claims_of([[a for a, _ in pairs], [b for _, b in pairs]])
    started = time.perf_counter()
    alignment = align(per_source, settings)
    groups = alignment.groups
    blocked_s = time.perf_counter() - started
    linked = {(link.a[1], link.b[1]) for g in groups for link in g.links if link.a[1] == link.b[1]}
    own = pair_similarities(pairs, alignment.idf, settings) >= settings.align_threshold
    found = np.array([(k, k) in linked for k in range(len(pairs))])
    positive = own & (labels == 1)
    return {"pairs": len(pairs) ** 2, "scored": len(candidates(per_source, settings)[0]),
            "links": sum(len(g.links) for g in groups), "linkable": int(own.sum()),
            "pair_recall": float(found[own].mean()), "linkable_positive": int(positive.sum()),
            "positive_recall": float(found[positive].mean()), "blocked_s": blocked_s}


# --------------------------------------------------------------------------- batch


def batch(count: int, jobs: int, work: Path, env: dict[str, str], seed: int, engines: Sequence[str]) -> None:
    print(f"\n## Batch: {count} generated stories of 3 sources x {SENTENCES} sentences, --jobs {jobs}, "
          f"engine {' against '.join(engines)}")
    root = work / "batch"
    started = time.perf_counter()
    stories.write_stories(root, count, 3, SENTENCES, seed)
    print(f"  generated in {time.perf_counter() - started:.1f} s: "
          f"{_show([_python(), 'bench/stories.py', 'DIR', '--stories', count, '--sources', 3, '--seed', seed])}")
    outputs = []
    for engine in engines:
        out = work / f"batch-{engine}.jsonl"
        command = [*_reconcile(), "batch", str(root), "--jobs", str(jobs), "--engine", engine, "--output", str(out)]
        wall, peak, code, cpu = _run_once(command, env)
        outputs.append(out.read_bytes())
        lines = [json.loads(line) for line in outputs[-1].decode("utf-8").splitlines()]
        errors = [line for line in lines if line["error"]]
        print(f"  {engine}: {wall:.1f} s wall (whole process), {count / wall:.1f} stories per second, CPU {cpu:.1f} s "
              f"({cpu / count * 1000:.0f} ms a story; {cpu / jobs:.1f} s on {jobs} idle cores), peak {peak:.0f} MB "
              f"(largest process), exit {code}; {len(lines)} lines, {len(errors)} with an error   "
              f"command: {_show(command)}", flush=True)
        for line in errors[:5]:
            print(f"    {line['story']}: {line['error']}")
        if engine == "local" and count >= 1000:
            _target(f"batch {count} x 3 sources < 60 s ({jobs} jobs)", f"{wall:.1f} s", wall < 60)
    if len(outputs) > 1:
        print(f"  the engines' lines are {'byte-identical' if len(set(outputs)) == 1 else 'DIFFERENT'}")


# --------------------------------------------------------------------------- limit

LIMITS = (12, 8, 5)  # candidate_limit values tried below the default


def limit_trade(folder: str) -> list[dict[str, float]]:
    """``compare`` of one story folder at the default ``candidate_limit`` and at
    each of LIMITS: time in this process, and what each keeps of the default's
    contradictions (by the sentences they name) and unsupported findings."""
    from dataclasses import replace

    from reconcile import Kind, api
    from reconcile.settings import Settings

    files = api.article_files(folder)
    rows: list[dict[str, float]] = []
    base: tuple[set, set] | None = None
    for limit in (Settings().candidate_limit, *LIMITS):
        started = time.perf_counter()
        report = api.compare(files, replace(Settings(), candidate_limit=limit))
        seconds = time.perf_counter() - started
        named = {(e.source, e.start) for f in report.of(Kind.CONTRADICTION) for e in f.evidence}
        unsupported = {(f.type, f.evidence[0].source, f.evidence[0].start, f.evidence[0].detail)
                       for f in report.of(Kind.UNSUPPORTED)}
        base = base or (named, unsupported)
        rows.append({"limit": limit, "seconds": seconds, "contradictions": len(report.of(Kind.CONTRADICTION)),
                     "named": len(named), "named_lost": len(base[0] - named),
                     "unsupported": len(unsupported), "unsupported_lost": len(base[1] - unsupported)})
    return rows


def limits(folder: Path, env: dict[str, str]) -> None:
    print("\n## Limit: fewer links per claim (Settings.candidate_limit) against what the report keeps")
    print(f"  command: {_show([_python(), 'bench/speed.py', '--limit-trade', 'FOLDER'])}  ({folder.name})")
    print(f"  {'limit':>5} {'in-process':>10} {'contradictions':>14} {'sentences named':>15} {'lost':>5} "
          f"{'unsupported':>11} {'lost':>5}")
    for r in _child("--limit-trade", folder, env):
        print(f"  {int(r['limit']):>5} {r['seconds']:>9.2f}s {int(r['contradictions']):>14,} {int(r['named']):>15,} "
              f"{int(r['named_lost']):>5} {int(r['unsupported']):>11} {int(r['unsupported_lost']):>5}", flush=True)


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="startup,growth,blocking,limit,batch-dask",
                        help="sections to run, comma-separated (batch-dask runs batch too)")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per command")
    parser.add_argument("--sizes", default="2,10,50,100,200", help="growth: sources per story")
    parser.add_argument("--recall-sizes", default="2,10,50", help="blocking: story sizes scored unblocked too")
    parser.add_argument("--mrpc", help="MRPC-format file for the blocking recall (skipped without)")
    parser.add_argument("--stories", type=int, default=1000, help="batch: stories")
    parser.add_argument("--jobs", type=int, default=2, help="batch: --jobs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 runs, sizes 2,10,50, 100 stories")
    for flag in ("--stages", "--difflib", "--blocking", "--blocking-mrpc", "--limit-trade"):
        parser.add_argument(flag, metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    for flag, function in (("stages", stages), ("difflib", difflib_reference), ("blocking", blocking_story),
                           ("blocking_mrpc", blocking_mrpc), ("limit_trade", limit_trade)):
        if getattr(args, flag):
            print(json.dumps(function(getattr(args, flag))))
            return
    if args.quick:
        args.runs, args.sizes, args.stories = 3, "2,10,50", 100
    sections = set(args.only.split(","))
    sizes = [int(n) for n in args.sizes.split(",")]
    print(f"command: {_show([Path(sys.executable).name, *sys.argv])}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="reconcile-bench-") as tmp:
        work = Path(tmp)
        env = _env(str(work / "pycache"))
        if "startup" in sections:
            startup(args.runs, env)
        folders: dict[int, Path] = {}
        if "growth" in sections:
            folders = growth(sizes, work, env, args.seed)
        if "blocking" in sections:
            recall = [int(n) for n in args.recall_sizes.split(",")]
            for size in recall:
                if size not in folders:
                    folders[size] = work / f"growth-{size:03d}"
                    stories.write_story(folders[size], stories.story(args.seed, size, SENTENCES), args.seed)
            blocking(folders, recall, args.mrpc, env)
        if "limit" in sections:
            size = max(sizes) if args.quick else 100  # the size of the 2 s target
            if size not in folders:
                folders[size] = work / f"growth-{size:03d}"
                stories.write_story(folders[size], stories.story(args.seed, size, SENTENCES), args.seed)
            limits(folders[size], env)
        if "batch-dask" in sections:
            batch(args.stories, args.jobs, work, env, args.seed, ("local", "dask"))
        elif "batch" in sections:
            batch(args.stories, args.jobs, work, env, args.seed, ("local",))
    if TARGETS:
        print("\n## Targets")
        for name, measured, met in TARGETS:
            print(f"  {'met    ' if met else 'NOT MET'}  {name:55s} {measured}")


if __name__ == "__main__":
    main()
