"""Writing reports: all or nothing, and as the user's own files would be written."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write all of ``text`` or nothing (see ``atomic_file``)."""
    with atomic_file(path) as handle:
        handle.write(text)


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A text file to write little by little (``batch`` output) that appears whole
    or not at all: written through a temporary file in the target's folder, synced
    and renamed over the target at the end, so an interrupted run never leaves half
    a report.

    The result is the file a plain ``open(path, "w")`` would give: a new file gets
    the mode the umask allows, an existing one keeps its mode, and a symbolic link
    stays a link whose target gets the new content."""
    target = Path(os.path.realpath(path))
    tmp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    # Created like any new file (0o666 less the umask), never 0o600 as mkstemp's are.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            _keep_mode(target, tmp)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _keep_mode(target: Path, tmp: Path) -> None:
    """Give ``tmp`` the permissions of the file it will replace, if there is one."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    os.chmod(tmp, mode & 0o7777)
