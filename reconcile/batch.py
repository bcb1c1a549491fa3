"""Batch mode: many stories at once, each a folder whose article files are its sources.

A news desk reconciles thousands of stories a day. ``run`` reconciles the stories
of a folder in parallel processes and yields one ``StoryResult`` per story, in
story-name order whatever order they finish in, so the output of a batch is the
same from run to run. A story that cannot be reconciled (fewer than two sources,
an unreadable file, even a bug) yields its error and never stops the others.
Nothing is printed here: the command line renders the progress and the results.

An archive of millions of stories outgrows one machine: ``run`` then takes a
client of a Dask distributed cluster (``dask_client``), whose scheduler spreads
the stories over its workers. Dask is an optional extra, imported only then.
"""

from __future__ import annotations

import gc
import heapq
import logging
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reconcile import api, suppression
from reconcile.errors import InputError, ReconcileError
from reconcile.model import Report
from reconcile.settings import Settings

if TYPE_CHECKING:
    from distributed import Client, Future

INSTALL_DASK = "pip install 'reconcile-claims[dask]' (from a checkout: pip install '.[dask]')"
WINDOW_PER_THREAD = 4  # stories submitted to a Dask cluster and not yet yielded, per worker thread
MIN_WINDOW = 64


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
        return _failed(path, f"{type(error).__name__}: {error}")
    return StoryResult(path.name, str(path), report)


def _failed(folder: str | os.PathLike[str], why: str) -> StoryResult:
    path = Path(folder)
    return StoryResult(path.name, str(path), None, f"internal error: {why}")


def run(
    folders: Sequence[str | os.PathLike[str]],
    settings: Settings | None = None,
    jobs: int | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    client: Client | None = None,
) -> Iterator[StoryResult]:
    """Reconcile each story folder, ``jobs`` processes at a time (default: one per
    core) or on the Dask cluster of ``client``, yielding the results in the order
    of ``folders``."""
    settings = settings or Settings()
    work = partial(reconcile_story, settings=settings,
                   select=None if select is None else tuple(select), ignore=tuple(ignore))
    if client is not None:
        yield from _on_dask(client, work, folders)
        return
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


def dask_setup(worker: object) -> None:
    """Dask runs this in each worker of the local cluster as it starts, restarts
    included (the module is its preload): they start as the process pool's do."""
    _start_worker()


def _start_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch once; and the
    collector leaves alone what they inherit (the imported pipeline): fewer
    pages copied from the parent, less time collecting."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the Dask scheduler at ``scheduler``, or else of a cluster of
    ``workers`` local processes (default: one per core), closed on the way out.

    Dask is imported here only, so that other commands do not pay for it and
    reconcile runs without it. Its logs are silenced: what goes wrong reaches the
    caller as a story's error or a ReconcileError, and the batch's own progress and
    summary are what a user reads on standard error."""
    try:
        from distributed import Client, LocalCluster
        from distributed.utils import silence_logging_cmgr
    except ImportError:
        raise ReconcileError(f"the Dask engine needs Dask distributed: {INSTALL_DASK}") from None
    with silence_logging_cmgr(logging.CRITICAL):
        if scheduler is not None:
            try:
                client = Client(scheduler)
            except (OSError, ValueError) as error:  # unreachable, timed out, not an address
                raise ReconcileError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
            with client:
                _check_workers(client)
                yield client
            return
        # The scheduler serves HTTP even without a dashboard: on a free port, as 8787 may be taken.
        with _children_ignore_interrupts():
            cluster = LocalCluster(n_workers=workers or cpu_count(), threads_per_worker=1, processes=True,
                                   silence_logs=logging.CRITICAL, dashboard_address=":0", preload=[__name__])
        with cluster, Client(cluster) as client:
            yield client


@contextmanager
def _children_ignore_interrupts() -> Iterator[None]:
    """Processes started in the block ignore Ctrl-C, which a terminal sends to the
    whole process group: the client alone handles it, once, and closes the cluster.
    An ignored signal stays ignored across exec, so this covers a worker from its
    first instruction; a worker Dask restarts later is covered by ``dask_setup``.
    A Ctrl-C while the cluster starts (a second or so) goes unseen."""
    if threading.current_thread() is not threading.main_thread():  # only it may set handlers
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _check_workers(client: Client) -> None:
    """Workers must run the reconcile this client runs: without it, every story
    would fail; with another version, lines would differ from story to story.
    (Workers that join once the batch has started are not checked.)"""
    from reconcile.render import _common

    ours = _common.tool_version()  # the version each line states
    for address, theirs in sorted(client.run(_common.tool_version, on_error="return").items()):
        if isinstance(theirs, OSError):  # the worker went away while asked: it runs no story
            continue
        if theirs != ours:  # a version, or the error of a worker that cannot import reconcile
            found = f"has reconcile {theirs}" if isinstance(theirs, str) else "cannot import reconcile"
            raise ReconcileError(f"the Dask worker at {address} {found}; workers need reconcile {ours}, "
                                 "as this client has")


def threads(client: Client) -> int:
    """Stories a Dask cluster runs at once: its workers' threads, as they are now."""
    return sum(client.nthreads().values())


def _on_dask(
    client: Client, work: Callable[[str | os.PathLike[str]], StoryResult], folders: Sequence[str | os.PathLike[str]]
) -> Iterator[StoryResult]:
    """``work`` on each folder as a Dask task, yielded in the order of ``folders``.

    A window of stories is submitted at a time, more as the first ones are
    yielded, so an archive of millions is never all in memory: the futures
    running and the results waiting for an earlier story number at most the
    window. A story whose worker died on every retry Dask allows is that story's
    error; a batch the scheduler cancels (it went away) is an error of the run."""
    from distributed import KilledWorker, as_completed

    window = max(MIN_WINDOW, WINDOW_PER_THREAD * threads(client))
    running: dict[Future, int] = {}  # future -> index in folders
    finished: list[tuple[int, StoryResult]] = []  # a heap, earliest story first
    completed = as_completed()
    submitted = yielded = 0

    def top_up() -> None:
        nonlocal submitted
        while submitted < len(folders) and submitted - yielded < window:
            future = client.submit(work, folders[submitted], pure=False)
            running[future] = submitted
            completed.add(future)
            submitted += 1

    try:
        top_up()
        for future in completed:
            index = running.pop(future)
            try:
                result = future.result()
            except KilledWorker:  # on each worker Dask tried it on, as many as it allows
                result = _failed(folders[index], "worker process died while reconciling this story (KilledWorker)")
            except CancelledError as error:
                reason = " ".join(str(error).split())  # Dask's message runs over lines
                raise ReconcileError(f"the Dask scheduler cancelled the batch: {reason}") from None
            except Exception as error:  # noqa: BLE001 - the story's line, as reconcile_story does
                result = _failed(folders[index], f"{type(error).__name__}: {error}")
            heapq.heappush(finished, (index, result))
            while finished and finished[0][0] == yielded:
                yield heapq.heappop(finished)[1]
                yielded += 1
            top_up()
    finally:  # on Ctrl-C, an early stop or a lost scheduler, queued stories are dropped
        if running:
            client.cancel(list(running))
