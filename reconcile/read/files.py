"""File -> Document: decode, and build the same-length ``plain`` view.

``plain`` keeps every character of ``text`` in place; Markdown markup, HTML
(see ``reconcile.read.html``), comments and news page debris (whole lines such as
"Advertisement", a repeated headline, the date line) become spaces, so later
stages never read them as words yet every offset still points into the file as
written. Files are only ever opened for reading, and never read past the size
limit.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from datetime import date
from typing import BinaryIO

from reconcile.errors import InputError
from reconcile.model import Document
from reconcile.read.debris import lines as debris_lines
from reconcile.read.decode import decode
from reconcile.read.markdown import MARKDOWN_SUFFIXES, Blank, is_markdown
from reconcile.read.markdown import blanks as markdown_blanks
from reconcile.settings import Settings

STDIN = "-"
"""The path that stands for standard input, named ``STDIN_NAME`` in reports."""
STDIN_NAME = "<stdin>"

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_TEXT_SUFFIXES = (".txt", ".text")


def read_path(path: str | os.PathLike[str], settings: Settings) -> Document:
    """Read one source file, opened read-only (``-``: standard input); a problem a
    user can fix is an InputError naming the file."""
    name = os.fspath(path)
    if name == STDIN:
        return read_bytes(_read_limited(sys.stdin.buffer, STDIN_NAME, settings), STDIN_NAME, settings)
    if os.path.isdir(name):
        raise InputError(name, "is a directory, not a file")
    try:
        with open(name, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if settings.max_file_bytes and size > settings.max_file_bytes:
                raise InputError(name, _too_big(f"is {size / 1e6:.1f} MB", _megabytes(settings), "max-file-bytes"))
            data = _read_limited(handle, name, settings)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as error:
        raise InputError(name, error.strerror or str(error)) from None
    return read_bytes(data, name, settings)


def _read_limited(stream: BinaryIO, name: str, settings: Settings) -> bytes:
    """All of a stream, never more than the limit: a pipe has no size to check first."""
    limit = settings.max_file_bytes
    data = stream.read(limit + 1) if limit else stream.read()
    if limit and len(data) > limit:
        raise InputError(name, _too_big("is too large", _megabytes(settings), "max-file-bytes"))
    return data


def _megabytes(settings: Settings) -> str:
    return f"{settings.max_file_bytes / 1e6:g} MB"


def _too_big(what: str, limit: str, key: str) -> str:
    return f"{what}, over the limit of {limit} (raise {key} in the configuration; 0 means no limit)"


def read_bytes(data: bytes, path: str, settings: Settings) -> Document:
    """A Document from a file's bytes; ``path`` names it."""
    try:
        text, encoding = decode(data)
    except ValueError as error:
        raise InputError(path, str(error)) from None
    guessed = () if encoding.startswith("utf-") else (f"not UTF-8: decoded as {encoding}, as detected",)
    return read_text(text, path, settings, encoding, guessed)


def read_text(
    text: str, path: str, settings: Settings, encoding: str = "utf-8", warnings: Iterable[str] = ()
) -> Document:
    """A Document from decoded text; ``path`` names it in reports and tells
    Markdown and HTML (``.md``, ``.html``; else the content does)."""
    text = _LONE_CR.sub("\n", text.removeprefix("\ufeff"))  # same length: offsets hold
    warned = list(warnings)
    plain = _CONTROL.sub(" ", text)  # "\r" of CRLF too: plain keeps "\n" only
    if not plain.strip():
        return Document(path, text, plain, encoding, settings.reference_date, (*warned, "empty file"))
    published: date | None = None
    markup = _is_html(path, text)
    if markup:
        from reconcile.read import html  # imported for web pages only: its patterns cost 3 ms

        page = html.read(text)
        plain, published, blanks = page.plain, page.published, list(page.excluded)
    else:
        closed = text.rfind("-->") + 3  # an opening past the last closing one closes nothing: never scanned
        blanks = [(m.start(), m.end(), "comment") for m in _COMMENT.finditer(text, 0, closed)]
        if is_markdown(path, text):
            blanks += markdown_blanks(text)
        plain = _blanked(plain, blanks)
    lines, dated = debris_lines(plain, settings)
    plain = _blanked(plain, lines)
    blanks += lines
    if not plain.strip():
        warned.append("no article text found" if published or markup else "empty file")
    size = len(plain) - sum(map(plain.count, " \n\t"))
    if settings.max_text_chars and size > settings.max_text_chars:
        limit = f"{settings.max_text_chars:,} characters"
        raise InputError(path, _too_big(f"has {size:,} characters of article text", limit, "max-text-chars"))
    warned.extend(_long_runs(text, plain, settings.max_sentence_chars))
    return Document(
        path,
        text,
        plain,
        encoding,
        settings.reference_date or published or dated,
        tuple(warned),
        tuple(sorted(b for b in blanks if b[2])),
        markup=markup,
    )


def _blanked(plain: str, blanks: list[Blank]) -> str:
    """``plain`` with the spans of ``blanks`` turned to spaces (line breaks kept)."""
    if not blanks:
        return plain
    out: list[str] = []
    pos = 0
    for a, b, _ in sorted(blanks):
        if b <= pos:
            continue
        a = max(a, pos)
        out.append(plain[pos:a])
        out.append(_NOT_NEWLINE.sub(" ", plain[a:b]))
        pos = b
    out.append(plain[pos:])
    return "".join(out)


_LONG_RUN_END = re.compile(r"[.!?…‽\n]")


def _long_runs(text: str, plain: str, limit: int) -> list[str]:
    """A warning for each stretch with no sentence end or line break longer than
    ``limit``: the sentence splitter reads it in pieces."""
    if not limit or len(plain) <= limit:
        return []
    out = []
    last = 0
    for m in (*_LONG_RUN_END.finditer(plain), None):
        stop = m.start() if m else len(plain)
        if stop - last > limit and plain[last:stop].strip():
            line = text.count("\n", 0, last) + 1
            out.append(
                f"line {line}: {stop - last:,} characters with no sentence end, "
                f"read in pieces of at most {limit:,} (max-sentence-chars)"
            )
        last = stop + 1
    return out


def _is_html(path: str, text: str) -> bool:
    """HTML by its suffix; a source with no known suffix by its first tag."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _HTML_SUFFIXES:
        return True
    if suffix in _TEXT_SUFFIXES + MARKDOWN_SUFFIXES:
        return False
    from reconcile.read import html

    return html.is_html(text)



_LONE_CR = re.compile(r"\r(?!\n)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


