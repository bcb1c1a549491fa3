"""`reconcile batch` on Dask distributed: the same lines as the local engine, on a
local cluster of two worker processes; a worker that dies is retried or is that
story's error; without Dask installed, a one-line error says how to install it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import psutil
import pytest
from conftest import AGREE, DISAGREE, one_line_error
from distributed import Client, LocalCluster, WorkerPlugin
from typer.testing import CliRunner

from reconcile import batch
from reconcile.cli import app
from reconcile.render._common import tool_version

runner = CliRunner()


def _story(root: Path, name: str, texts: tuple[str, ...]) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    for i, text in enumerate(texts):
        (folder / f"{i}-source.txt").write_text(text, encoding="utf-8")


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    """Four tiny stories, one of them broken (a single source), named out of order."""
    root = tmp_path / "stories"
    _story(root, "c-agree", AGREE)
    _story(root, "a-disagree", DISAGREE)
    _story(root, "b-broken", AGREE[:1])
    _story(root, "d-disagree", DISAGREE)
    return root


def _batch(stories: Path, out: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["batch", str(stories), "--output", str(out), *args])
    assert "Traceback" not in result.output
    return result.exit_code, out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A cluster of two worker processes, as ``dask scheduler`` and ``dask worker``
    would give; a worker is tried twice on a story before it is given up."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    ) as local:
        yield local.scheduler_address


def test_local_dask_cluster_writes_the_local_engines_lines(stories: Path, tmp_path: Path) -> None:
    local = _batch(stories, tmp_path / "local.jsonl", "--jobs", "1")
    dask = _batch(stories, tmp_path / "dask.jsonl", "--engine", "dask", "--jobs", "2")
    assert dask == local
    code, lines = dask
    assert code == 2  # the broken story
    assert [line[:30] for line in lines.splitlines()] == [
        '{"story": "a-disagree", "path"', '{"story": "b-broken", "path": ',
        '{"story": "c-agree", "path": "', '{"story": "d-disagree", "path"',
    ]
    assert '"error": "compare needs at least two sources, got 1"' in lines.splitlines()[1]
    assert not _workers()  # the cluster is closed


def _workers() -> list[psutil.Process]:
    """Worker processes started from this one (not multiprocessing's resource tracker)."""
    return [p for p in psutil.Process().children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]


def test_running_scheduler_writes_the_local_engines_lines(stories: Path, tmp_path: Path, cluster: str) -> None:
    local = _batch(stories, tmp_path / "local.jsonl", "--jobs", "1")
    assert _batch(stories, tmp_path / "dask.jsonl", "--scheduler", cluster) == local


def _die() -> None:
    os._exit(1)


def _die_once(mark: Path) -> None:
    if not mark.exists():
        mark.touch()
        _die()


class _OnStory(WorkerPlugin):
    """A worker plugin: ``effect()`` runs in the worker before it reconciles ``story``."""

    def __init__(self, story: str, effect: Callable[[], None]) -> None:
        self.story, self.effect = story, effect

    def setup(self, worker: object) -> None:
        from reconcile import api

        real = self.real = api.reconcile_documents

        def patched(docs, settings, draft=False):  # type: ignore[no-untyped-def]
            if self.story in docs[0].path:
                self.effect()
            return real(docs, settings, draft)

        api.reconcile_documents = patched

    def teardown(self, worker: object) -> None:
        from reconcile import api

        api.reconcile_documents = self.real


class _Version(WorkerPlugin):
    """A worker plugin: the worker's reconcile states another version."""

    def __init__(self, version: str) -> None:
        self.version = version

    def setup(self, worker: object) -> None:
        from reconcile.render import _common

        self.real = _common.tool_version
        _common.tool_version = partial(str, self.version)

    def teardown(self, worker: object) -> None:
        from reconcile.render import _common

        _common.tool_version = self.real


@pytest.fixture
def plugin(cluster: str) -> Iterator[Callable[[WorkerPlugin], None]]:
    """Registers worker plugins on the cluster until the test ends."""
    with Client(cluster) as client:
        client.wait_for_workers(2)  # both, should an earlier test have killed them
        names: list[str] = []

        def register(plugin: WorkerPlugin) -> None:
            names.append(f"plugin-{len(names)}")
            client.register_plugin(plugin, name=names[-1])

        yield register
        for name in names:
            client.unregister_worker_plugin(name)


def test_stories_that_finish_out_of_order_are_written_in_name_order(
    stories: Path, tmp_path: Path, cluster: str, plugin, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = _batch(stories, tmp_path / "local.jsonl", "--jobs", "1")
    plugin(_OnStory("a-disagree", partial(time.sleep, 1.0)))  # the first story finishes last
    monkeypatch.setattr(batch, "MIN_WINDOW", 2)  # and holds back the last two
    monkeypatch.setattr(batch, "WINDOW_PER_THREAD", 0)
    assert _batch(stories, tmp_path / "dask.jsonl", "--scheduler", cluster) == local


def test_a_worker_that_dies_once_is_retried(stories: Path, tmp_path: Path, cluster: str, plugin) -> None:
    local = _batch(stories, tmp_path / "local.jsonl", "--jobs", "1")
    plugin(_OnStory("d-disagree", partial(_die_once, tmp_path / "died")))
    assert _batch(stories, tmp_path / "dask.jsonl", "--scheduler", cluster) == local
    assert (tmp_path / "died").exists()


def test_a_story_that_kills_every_worker_is_its_error(stories: Path, cluster: str, plugin) -> None:
    plugin(_OnStory("d-disagree", _die))
    result = runner.invoke(app, ["batch", str(stories), "--scheduler", cluster])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and lines[0].startswith('{"story": "a-disagree"')
    assert '"story": "d-disagree"' in lines[3] and "worker process died" in lines[3]
    assert "d-disagree: internal error: worker process died while reconciling this story" in result.stderr
    assert "Traceback" not in result.output


def test_a_worker_with_another_reconcile_is_a_one_line_error(stories: Path, cluster: str, plugin) -> None:
    plugin(_Version("99.0"))
    result = runner.invoke(app, ["batch", str(stories), "--scheduler", cluster])
    one_line_error(result, "the Dask worker at tcp://", f"has reconcile 99.0; workers need reconcile {tool_version()}")


@pytest.mark.parametrize("args", [["--engine", "dask"], ["--scheduler", "tcp://127.0.0.1:8786"]])
def test_without_dask_a_one_line_error_says_how_to_install_it(
    stories: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails, as when not installed
    result = runner.invoke(app, ["batch", str(stories), *args])
    one_line_error(result, "Dask distributed", "pip install 'reconcile-claims[dask]'")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--scheduler", "tcp://127.0.0.1:8786", "--engine", "local"], "cannot go with --engine local"),
        (["--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2"], "--jobs does not apply with --scheduler"),
        (["--scheduler", "no-port"], "cannot reach the Dask scheduler at no-port"),
    ],
)
def test_scheduler_misuse_is_a_one_line_error(stories: Path, args: list[str], message: str) -> None:
    one_line_error(runner.invoke(app, ["batch", str(stories), *args]), message)


def test_the_local_engine_does_not_import_dask(stories: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reconcile", "batch", str(stories), "--jobs", "1"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2, done.stderr  # the broken story
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    assert "reconcile" in imported and not imported & {"dask", "distributed", "tornado"}
