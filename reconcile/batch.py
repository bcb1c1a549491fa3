"""Batch mode: many stories at once, each a folder whose article files are its sources.

A news desk reconciles thousands of stories a day. ``run`` reconciles the stories
of a folder in parallel processes and yields one ``StoryResult`` per story, in
story-name order whatever order they finish in, so the output of a batch is the
same from run to run. A story that cannot be reconciled (fewer than two sources,
an unreadable file, even a bug) yields its error and never stops the others.
Nothing is printed here: the command line renders the progress and the results.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reconcile import api, suppression
from reconcile.errors import InputError, ReconcileError
from reconcile.model import Report
from reconcile.settings import Settings


@dataclass(frozen=True)
class StoryResult:
    """One story's outcome: its report, or why there is none."""

    name: str  # the story folder's name
    path: str  # the story folder
    report: Report | None
    error: str | None = None


def stories(root: str | os.PathLike[str]) -> list[Path]:
    """The story folders of ``root``: its subfolders, hidden ones left out, by name."""
    folder = Path(root)
    if not folder.is_dir():
        raise InputError(str(root), "is not a folder" if folder.exists() else "no such folder")
    found = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not found:
        raise InputError(str(root), "holds no story folders (one subfolder per story, its articles inside)")
    return found


def reconcile_story(
    folder: str | os.PathLike[str],
    settings: Settings,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> StoryResult:
    """``compare`` on the article files of one folder, inline suppressions and
    --select/--ignore applied. Any failure is the story's result, not an
    exception: in a batch of thousands, one story's problem (or a bug it hits)
    must not cost the others theirs."""
    path = Path(folder)
    try:
        docs = api.compare_documents(api.article_files(path), settings)
        report = api.reconcile_documents(docs, settings)
        report = suppression.apply(report, docs, None, select, ignore)
    except ReconcileError as error:
        return StoryResult(path.name, str(path), None, str(error))
    except Exception as error:  # noqa: BLE001 - reported in the story's line, see docstring
        return StoryResult(path.name, str(path), None, f"internal error: {type(error).__name__}: {error}")
    return StoryResult(path.name, str(path), report)


def run(
    folders: Sequence[str | os.PathLike[str]],
    settings: Settings | None = None,
    jobs: int | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> Iterator[StoryResult]:
    """Reconcile each story folder, ``jobs`` processes at a time (default: one per
    core), yielding the results in the order of ``folders``."""
    settings = settings or Settings()
    work = partial(reconcile_story, settings=settings,
                   select=None if select is None else tuple(select), ignore=tuple(ignore))
    jobs = min(jobs or cpu_count(), len(folders))
    if jobs <= 1:
        yield from map(work, folders)
        return
    # Results come back in chunks: fewer round trips, yet a progress bar still moves.
    chunk = max(1, min(8, len(folders) // (jobs * 8)))
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker)
    try:
        yield from pool.map(work, folders, chunksize=chunk)
    finally:  # on Ctrl-C or an early stop, queued stories are dropped, not run
        pool.shutdown(wait=True, cancel_futures=True)


def cpu_count() -> int:
    """The cores this process may run on (the default number of jobs)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _start_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch once; and the
    collector leaves alone what they inherit (the imported pipeline): fewer
    pages copied from the parent, less time collecting."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
