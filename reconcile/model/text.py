"""A source as read, and its sentences and clauses: every span is a pair of
character offsets into the decoded text of its document (``Document.text``)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Document:
    """One source as read.

    ``plain`` has the same length as ``text``: markup and news debris are
    replaced by spaces there, so offsets found in ``plain`` are offsets in
    ``text`` and nothing needs remapping.
    """

    path: str
    text: str
    plain: str
    encoding: str = "utf-8"
    published: date | None = None
    warnings: tuple[str, ...] = ()
    excluded: tuple[tuple[int, int, str], ...] = ()  # (start, end, why) left out as debris
    line_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)
    markup: bool = False  # a web page: people read its plain view, not its text

    def __post_init__(self) -> None:
        if len(self.plain) != len(self.text):
            raise ValueError("plain view must have the length of the text")
        if not self.line_starts:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            object.__setattr__(self, "line_starts", tuple(starts))

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def content(self, sentence: Sentence) -> tuple[str, date | None]:
        """All a sentence's clauses and facts depend on: its words and the article's
        date. Sentences alike in it are read (``facts.claims.Reader``) and judged
        (``reconcile.judge``) once, wherever they stand."""
        return self.plain[sentence.start : sentence.end], self.published


@dataclass(frozen=True)
class Sentence:
    source: int  # index of the document in the run
    index: int  # position of the sentence in its document
    start: int
    end: int
    text: str  # the analysis text: plain[start:end] with white space folded
    heading: bool = False  # a title line with no final punctuation


@dataclass(frozen=True)
class Clause:
    """A part of a sentence that can be supported on its own."""

    start: int
    end: int
    text: str
