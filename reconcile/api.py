"""The library's front door: what the command line calls, and other programs too."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reconcile import pipeline
from reconcile.errors import InputError, ReconcileError
from reconcile.model import Document, Report, Timeline
from reconcile.read.files import read_path, read_text
from reconcile.settings import Settings


@dataclass(frozen=True)
class Text:
    """A source given as text rather than as a path."""

    name: str
    content: str


SourceLike = str | os.PathLike[str] | Text


def load(source: SourceLike, settings: Settings) -> Document:
    """Read one source; a path is opened read-only."""
    if isinstance(source, Text):
        return read_text(source.content, source.name, settings)
    return read_path(source, settings)


def compare(sources: Sequence[SourceLike], settings: Settings | None = None) -> Report:
    """Reconcile two or more sources about one event."""
    settings = settings or Settings()
    return reconcile_documents(compare_documents(sources, settings), settings)


def check(
    draft: SourceLike, against: Sequence[SourceLike], settings: Settings | None = None
) -> Report:
    """Judge every claim of a draft against its sources: supported, contradicted or
    unsupported. Folders among the sources stand for the article files in them."""
    settings = settings or Settings()
    return reconcile_documents(check_documents(draft, against, settings), settings, draft=True)


def compare_documents(sources: Sequence[SourceLike], settings: Settings) -> list[Document]:
    """The sources of ``compare`` (folders expanded, a file named twice read once),
    read: for callers that need the texts too (inline suppression comments), so
    nothing is read twice."""
    found = _sources(sources)
    if len(found) < 2:
        twice = " (a file named twice is read once)" if len(sources) > len(found) else ""
        raise ReconcileError(f"compare needs at least two sources, got {len(found)}{twice}")
    return [load(s, settings) for s in found]


def check_documents(draft: SourceLike, against: Sequence[SourceLike], settings: Settings) -> list[Document]:
    """The draft then each of its sources (folders expanded, the draft itself left
    out of them, a file named twice read once), read: what ``check`` passes to
    ``reconcile_documents(..., draft=True)``."""
    sources = _sources(against, leave_out=draft)
    if not sources:
        raise ReconcileError("check needs at least one source (--against)")
    return [load(draft, settings)] + [load(s, settings) for s in sources]


def _sources(given: Sequence[SourceLike], leave_out: SourceLike | None = None) -> list[SourceLike]:
    """Files and the article files of folders, each once, in the order given."""
    sources: list[SourceLike] = []
    for p in (p for s in given for p in _expand(s)):
        if not (leave_out is not None and _same_file(p, leave_out)) and not any(_same_file(p, q) for q in sources):
            sources.append(p)
    return sources


def build_timeline(sources: Sequence[SourceLike], settings: Settings | None = None) -> Timeline:
    """The merged timeline of the sources' events (the ``timeline`` command)."""
    settings = settings or Settings()
    return pipeline.timeline_of([load(s, settings) for s in sources], settings)


def extract(source: SourceLike, settings: Settings | None = None) -> dict[str, object]:
    """What was read from one source, as plain data (the ``extract`` command)."""
    settings = settings or Settings()
    return pipeline.extraction_of(load(source, settings), settings)


ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")


def _same_file(a: SourceLike, b: SourceLike) -> bool:
    if isinstance(a, Text) or isinstance(b, Text):
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:  # a missing file is reported when it is read
        return False


def _expand(source: SourceLike) -> list[SourceLike]:
    if isinstance(source, Text) or not os.path.isdir(source):
        return [source]
    return list(article_files(source))


def article_files(folder: str | os.PathLike[str]) -> list[str]:
    """The article files in a folder and its subfolders, hidden ones left out, in
    name order: the sources a folder stands for (``check --against``, ``batch``)."""
    found = sorted(
        p
        for p in Path(folder).rglob("*")
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if not found:
        raise InputError(str(folder), "folder holds no article files (" + ", ".join(ARTICLE_SUFFIXES) + ")")
    return [str(p) for p in found]


def reconcile_documents(docs: Sequence[Document], settings: Settings, draft: bool = False) -> Report:
    """The pipeline after reading: for callers that build documents themselves.

    With ``draft``, document 0 is judged against the others and the others are
    not judged against each other.
    """
    return pipeline.run(docs, settings, draft)
