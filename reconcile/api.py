"""The library's front door: what the command line calls, and other programs too."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from reconcile import alignment, facts, judgement, reading, sentences, timeline
from reconcile.errors import InputError, ReconcileError
from reconcile.model import (
    Claim,
    Clause,
    Cue,
    DateMention,
    Document,
    Entity,
    Facts,
    Quantity,
    Report,
    Sentence,
    SourceInfo,
)
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
        return reading.read_text(source.content, source.name, settings)
    return reading.read_path(source, settings)


@dataclass(frozen=True)
class Analysis:
    """What was read from one document."""

    doc: Document
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]  # the sentences with enough content to be checked


def analyse(doc: Document, source: int, settings: Settings, read: Reader | None = None) -> Analysis:
    """Split a document and read the facts of each of its claims (through ``read``,
    the run's reader, when the run has more documents)."""
    read = read or Reader(settings)
    split = tuple(sentences.split(doc, source, settings.max_sentence_chars))
    claims = tuple(
        read(sentence, doc)
        for sentence in split
        if alignment.content_words(sentence.text) >= settings.min_claim_words
    )
    return Analysis(doc, split, claims)


class Reader:
    """Reads the clauses and facts of each distinct sentence of a run once: outlets
    reprint wire copy word for word, and what a sentence says depends only on its
    words and its article's date. A sentence read before is moved to where it
    stands now."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.seen: dict[tuple[str, date | None], Claim] = {}

    def __call__(self, sentence: Sentence, doc: Document) -> Claim:
        key = doc.content(sentence)
        known = self.seen.get(key)
        if known is None:
            claim = Claim(sentence, sentences.clauses(sentence, doc), facts.extract(sentence, doc, self.settings))
            self.seen[key] = claim
            return claim
        by = sentence.start - known.sentence.start
        found = known.facts
        return Claim(
            sentence,
            _moved(known.clauses, by),
            Facts(_moved(found.quantities, by), _moved(found.dates, by), _moved(found.entities, by),
                  _moved(found.negations, by), _moved(found.directions, by)),
        )


_Located = TypeVar("_Located", Clause, Quantity, DateMention, Entity, Cue)


def _moved(items: tuple[_Located, ...], by: int) -> tuple[_Located, ...]:
    return tuple(replace(x, start=x.start + by, end=x.end + by) for x in items)


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
    """The sources of ``compare``, read: for callers that need the texts too
    (inline suppression comments), so nothing is read twice."""
    if len(sources) < 2:
        raise ReconcileError(f"compare needs at least two sources, got {len(sources)}")
    return [load(s, settings) for s in sources]


def check_documents(draft: SourceLike, against: Sequence[SourceLike], settings: Settings) -> list[Document]:
    """The draft then each of its sources (folders expanded, the draft itself left
    out of them), read: what ``check`` passes to ``reconcile_documents(..., draft=True)``."""
    sources = [p for s in against for p in _expand(s) if not _same_file(p, draft)]
    if not sources:
        raise ReconcileError("check needs at least one source (--against)")
    return [load(draft, settings)] + [load(s, settings) for s in sources]


def build_timeline(sources: Sequence[SourceLike], settings: Settings | None = None) -> timeline.Timeline:
    """The merged timeline of the sources' events (the ``timeline`` command)."""
    settings = settings or Settings()
    docs = [load(s, settings) for s in sources]
    read = Reader(settings)
    return timeline.build(docs, [analyse(d, i, settings, read).claims for i, d in enumerate(docs)], settings)


def extract(source: SourceLike, settings: Settings | None = None) -> dict[str, object]:
    """What was read from one source, as plain data (the ``extract`` command)."""
    settings = settings or Settings()
    return timeline.extraction(analyse(load(source, settings), 0, settings), settings)


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
    read = Reader(settings)
    analyses = [analyse(doc, i, settings, read) for i, doc in enumerate(docs)]
    per_source = [a.claims for a in analyses]
    claims = {(c.sentence.source, c.sentence.index): c for cs in per_source for c in cs}
    aligner = alignment.Aligner(per_source, settings, anchor=0 if draft else None)
    groups = aligner.align()
    findings = judgement.judge(
        docs, claims, groups, aligner, settings, judged=(0,) if draft else None
    )
    placed = timeline.build(docs, per_source, settings)
    findings = timeline.merge(findings, placed.findings, draft)
    infos = tuple(
        SourceInfo(
            path=a.doc.path,
            encoding=a.doc.encoding,
            sentences=len(a.sentences),
            claims=len(a.claims),
            published=a.doc.published,
            warnings=a.doc.warnings,
            text=a.doc.plain if a.doc.markup else a.doc.text,
            markup=a.doc.markup,
        )
        for a in analyses
    )
    return Report(
        sources=infos,
        findings=tuple(findings),
        mode="check" if draft else "compare",
        events=timeline.dated(placed),
    )
