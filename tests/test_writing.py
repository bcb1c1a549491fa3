"""--output and --write-baseline write files as the user's own would be: the
umask's mode for a new file, an existing file's mode kept, a symbolic link
written through; and all or nothing (the failure cases are in test_robustness.py)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import AGREE
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.writing import write_atomic

runner = CliRunner()
FLAGS = ["--output", "--write-baseline"]


@pytest.fixture
def sources(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in zip("ab", AGREE):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _write(flag: str, target: Path, sources: list[str]) -> None:
    result = runner.invoke(app, ["compare", "--format", "json", flag, str(target), *sources])
    assert result.exit_code == 0, result.output


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask() -> Iterator[None]:
    """The test sets the umask it needs; the process's is restored after."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _leftovers(*folders: Path) -> list[str]:
    return [p.name for folder in folders for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("flag", FLAGS)
@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_the_umask_allows(
    tmp_path: Path, sources: list[str], umask: None, flag: str, mask: int, mode: int
) -> None:
    os.umask(mask)
    target = tmp_path / "out.json"
    _write(flag, target, sources)
    assert _mode(target) == mode
    assert target.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("flag", FLAGS)
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o666])
def test_an_existing_file_keeps_its_mode(tmp_path: Path, sources: list[str], umask: None, flag: str, mode: int) -> None:
    os.umask(0o077)  # a mode the umask would not give: it must come from the file
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, mode)
    _write(flag, target, sources)
    assert _mode(target) == mode
    assert target.read_text(encoding="utf-8") != "old\n"


@pytest.mark.parametrize("flag", FLAGS)
def test_a_symbolic_link_stays_a_link_and_its_target_gets_the_content(
    tmp_path: Path, sources: list[str], flag: str
) -> None:
    real = tmp_path / "kept" / "report.json"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(os.path.join("kept", "report.json"))
    _write(flag, link, sources)
    assert link.is_symlink() and os.readlink(link) == os.path.join("kept", "report.json")
    assert real.read_text(encoding="utf-8").startswith("{")
    assert _mode(real) == 0o640
    assert _leftovers(tmp_path, real.parent) == []


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "latest.json"
    link.symlink_to("report.json")
    write_atomic(link, "new\n")
    assert link.is_symlink() and (tmp_path / "report.json").read_text(encoding="utf-8") == "new\n"


def test_the_temporary_file_is_in_the_targets_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Renamed, not copied: a rename across file systems would not be atomic."""
    real = tmp_path / "elsewhere" / "report.json"
    real.parent.mkdir()
    link = tmp_path / "report.json"
    link.symlink_to(real)
    renamed: list[tuple[str, str]] = []
    replace = os.replace

    def spy(src: str, dst: str) -> None:
        renamed.append((os.path.dirname(src), os.fspath(dst)))
        replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(link, "new\n")
    assert renamed == [(str(real.parent), str(real))]
