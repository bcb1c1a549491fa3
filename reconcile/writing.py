"""Writing reports: all or nothing."""

from __future__ import annotations

import os
import tempfile
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
    or not at all: written through a temporary file in the same folder and renamed
    over the target at the end, so an interrupted run never leaves half a report."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
