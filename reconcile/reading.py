"""File -> Document: decode, and build the same-length ``plain`` view.

``plain`` keeps every character of ``text`` in place; Markdown markup, HTML
comments and news page debris (whole lines such as "Advertisement", a repeated
headline, the date line) become spaces, so later stages never read them as
words yet every offset still points into the file as written.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
from collections.abc import Callable
from datetime import date

from reconcile.data import boilerplate, datelines
from reconcile.errors import InputError, ReconcileError
from reconcile.model import Document
from reconcile.settings import Settings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_TEXT = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\x81\x8d\x8f\x90\x9d]")
_MAX_NOT_TEXT = 0.05  # share of control bytes above which a non-UTF-8 file is binary
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")
_TOP_LINES = 12  # the date line is looked for among this many non-empty lines
Blank = Callable[..., None]  # blank(start, end, why=""): spaces in plain, why recorded


def read_path(path: str | os.PathLike[str], settings: Settings) -> Document:
    """Read one source file, opened read-only; a problem a user can fix is an InputError."""
    name = os.fspath(path)
    if os.path.isdir(name):
        raise InputError(name, "is a directory, not a file")
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as error:
        raise InputError(name, error.strerror or str(error)) from None
    try:
        text, encoding = decode(data)
    except ValueError as error:
        raise InputError(name, str(error)) from None
    return read_text(text, name, settings, encoding)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a file's bytes; ValueError when it is not text.

    A byte-order mark decides; else UTF-8; else cp1252, the usual encoding of
    older Western news files (every byte decodes, so binary is caught first).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise ValueError(f"not valid {encoding.upper()} despite its byte-order mark") from None
    if b"\x00" in data:
        raise ValueError("binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if len(_NOT_TEXT.findall(data)) > _MAX_NOT_TEXT * len(data):
        raise ValueError("binary file (mostly undecodable bytes), not text")
    return data.decode("cp1252", errors="replace"), "cp1252"


def read_text(text: str, path: str, settings: Settings, encoding: str = "utf-8") -> Document:
    """A Document from decoded text; ``path`` names it in reports and decides Markdown."""
    text = _LONE_CR.sub("\n", text.removeprefix("\ufeff"))  # same length: offsets hold
    buf = list(_CONTROL.sub(" ", text))
    if not text.strip():
        return Document(path, text, "".join(buf), encoding, settings.reference_date, ("empty file",))
    excluded: list[tuple[int, int, str]] = []

    def blank(a: int, b: int, why: str = "") -> None:
        buf[a:b] = ["\n" if c == "\n" else " " for c in text[a:b]]
        if why:
            excluded.append((a, b, why))

    for m in _COMMENT.finditer(text):
        blank(m.start(), m.end(), "comment")
    if _is_markdown(path, text):
        _blank_markdown(text, blank)
    published = _blank_lines(text, buf, blank, settings)
    return Document(
        path,
        text,
        "".join(buf),
        encoding,
        settings.reference_date or published,
        (),
        tuple(sorted(excluded)),
    )


_LONE_CR = re.compile(r"\r(?!\n)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # "\r" of CRLF too: plain keeps "\n" only
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _is_markdown(path: str, text: str) -> bool:
    """Markdown by its suffix; a source with no known suffix by its headings or links."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _MARKDOWN_SUFFIXES:
        return True
    if suffix in (".txt", ".text"):
        return False
    return bool(_MARKDOWN_SIGNS.search(text))


_MARKDOWN_SIGNS = re.compile(r"^#{1,6} \S|\]\([^)\s]+\)|^```", re.M)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[^\n]*$", re.S | re.M)
_MARKERS = re.compile(
    r"^ {0,3}#{1,6}(?=[ \t]|$)"  # heading hashes
    r"|[ \t]+#+[ \t]*$"  # closing hashes of a heading
    r"|^ {0,3}(?:>[ \t]?)+"  # blockquote
    r"|^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])"  # list bullet or number
    r"|^ {0,3}(?:(?:[-*_][ \t]*){3,}|=+)[ \t]*$"  # horizontal rule, setext underline
    r"|^ {0,3}\[[^\]\n]+\]:[ \t]*\S[^\n]*$"  # link reference definition
    r"|<(?:https?|mailto|ftp):[^>\s]*>"  # autolink
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"  # simple HTML tag
    r"|\\(?=[!-/:-@\[-`{-~])"  # backslash escape
    r"|(?<![\w*~\\])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])"  # opening emphasis
    r"|(?<=[^\s*_~\\])(?:\*{1,3}|_{1,3}|~~)(?![\w*~])",  # closing emphasis
    re.M,
)
_CODE_SPAN = re.compile(r"(`+)[^`\n]+?\1")
_LINK = re.compile(r"(?P<img>!)?\[(?P<t>[^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")


def _blank_markdown(text: str, blank: Blank) -> None:
    """Markup is not words: only the words a reader sees stay in ``plain``."""
    front = _FRONT_MATTER.match(text)
    if front:
        blank(0, front.end(), "front matter")
    for m in _FENCE.finditer(text):
        blank(m.start(), m.end(), "code block")
    for m in _MARKERS.finditer(text):
        blank(m.start(), m.end())
    for m in _CODE_SPAN.finditer(text):
        width = len(m.group(1))
        blank(m.start(), m.start() + width)
        blank(m.end() - width, m.end())
    for m in _LINK.finditer(text):
        if m.group("img"):
            blank(m.start(), m.end())
        else:
            blank(m.start(), m.start() + 1)
            blank(m.end("t"), m.end())


_DECOR = r"[\s\-–—•*|()\[\].:>#_]*"
_DEBRIS = re.compile(rf"{_DECOR}(?:{'|'.join(f'(?:{p})' for p in boilerplate.LINES)}){_DECOR}", re.I)


@functools.lru_cache(maxsize=8)
def _extra_debris(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The user's own debris lines (Settings.boilerplate), compiled once per run."""
    try:
        return tuple(re.compile(p, re.I) for p in patterns)
    except re.error as error:
        raise ReconcileError(f"invalid boilerplate pattern {error.pattern!r}: {error}") from None


_DATELINE = re.compile(boilerplate.DATELINE, re.I)


def _blank_lines(text: str, buf: list[str], blank: Blank, settings: Settings) -> date | None:
    """Whole-line debris, repeated lines, the date line; returns the date it gives."""
    extra = _extra_debris(settings.boilerplate)
    seen: set[str] = set()
    published: date | None = None
    top = _TOP_LINES
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        content = "".join(buf[start:end])
        stripped = content.strip()
        if stripped:
            a = start + len(content) - len(content.lstrip())
            b = start + len(content.rstrip())
            day = _date_line(stripped) if top > 0 else None
            top -= 1
            key = " ".join(stripped.casefold().split())
            if day is not None:
                published = published or day
                blank(a, b, "date line")
            elif _DEBRIS.fullmatch(stripped) or any(p.fullmatch(stripped) for p in extra):
                blank(a, b, "boilerplate")
            elif key in seen and any(c.isalpha() for c in key):
                blank(a, b, "repeated line")
            else:
                seen.add(key)
                prefix = _DATELINE.match(content, len(content) - len(content.lstrip()))
                if prefix:
                    blank(start + prefix.start(), start + prefix.end(), "dateline")
        start = end + 1
    return published


def _words(names: tuple[str, ...] | list[str]) -> str:
    """An alternation of words, longest first, safe in a verbose pattern."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_DATE_LINE = re.compile(
    rf"""
    (?:(?:{_words(datelines.PREFIXES)})\s*[:\-–—|]?\s*)?
    (?:(?:{_words(datelines.WEEKDAYS)})\.?,?\s+)?
    (?:
        (?P<mon>{_words(list(datelines.MONTHS))})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})
      | (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_words(list(datelines.MONTHS))})\.?,?\s+(?P<year2>\d{{4}})
      | (?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})
    )
    (?:[T,\s|/–—-]+\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?
        (?:\s*\(?[a-z]{{2,5}}\)?|\s*[+-]\d{{2}}:?\d{{2}}|z)?)?
    [\s.]*
    """,
    re.I | re.X,
)


def _date_line(line: str) -> date | None:
    """The date of a line that is nothing but a (labelled) date, else None."""
    m = _DATE_LINE.fullmatch(line)
    if not m:
        return None
    if m.group("y"):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        year = int(m.group("year") or m.group("year2"))
        month = datelines.MONTHS[(m.group("mon") or m.group("mon2")).lower()]
        day = int(m.group("day") or m.group("day2"))
    try:
        return date(year, month, day)
    except ValueError:
        return None
