"""File -> Document: decode, and build the same-length ``plain`` view.

``plain`` keeps every character of ``text`` in place; Markdown markup, HTML
(see ``reconcile.html``), comments and news page debris (whole lines such as
"Advertisement", a repeated headline, the date line) become spaces, so later
stages never read them as words yet every offset still points into the file as
written. Files are only ever opened for reading, and never read past the size
limit.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import sys
from collections.abc import Iterable
from datetime import date
from typing import BinaryIO

from reconcile.data import boilerplate, datelines
from reconcile.errors import InputError, ReconcileError
from reconcile.model import Document
from reconcile.settings import Settings

STDIN = "-"
"""The path that stands for standard input, named ``STDIN_NAME`` in reports."""
STDIN_NAME = "<stdin>"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_TEXT = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # control bytes (ESC starts ISO-2022 shifts)
_MAX_NOT_TEXT = 0.05  # share of control bytes above which a non-UTF-8 file is binary
_CHAOS_TIE = 0.01  # detector candidates this close in "chaos" read equally well
_WESTERN = "cp1252"  # of equally good candidates, the usual encoding of older Western news files
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_TEXT_SUFFIXES = (".txt", ".text")
_TOP_LINES = 12  # the date line is looked for among this many non-empty lines
Blank = tuple[int, int, str]  # (start, end, why): spaces in plain, why recorded unless ""


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


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a file's bytes; ValueError when it is not text.

    A byte-order mark decides; else UTF-8; else, unless the bytes look binary,
    charset-normalizer tells the legacy encoding (imported only then: most files
    are UTF-8, and the import costs about 50 ms).
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
    return _legacy(data)


def _legacy(data: bytes) -> tuple[str, str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # a declared dependency; a bare source checkout may lack it
        return data.decode(_WESTERN, errors="replace"), _WESTERN
    matches = list(from_bytes(data))
    if not matches:
        raise ValueError("binary file or unknown encoding (no text encoding reads it)")
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + _CHAOS_TIE]
    western = any(_WESTERN in m.could_be_from_charset for m in tied)
    encoding = codecs.lookup(_WESTERN if western else tied[0].encoding).name
    return data.decode(encoding, errors="replace"), encoding


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
        from reconcile import html  # imported for web pages only: its patterns cost 3 ms

        page = html.read(text)
        plain, published, blanks = page.plain, page.published, list(page.excluded)
    else:
        closed = text.rfind("-->") + 3  # an opening past the last closing one closes nothing: never scanned
        blanks = [(m.start(), m.end(), "comment") for m in _COMMENT.finditer(text, 0, closed)]
        if _is_markdown(path, text):
            blanks += _markdown(text)
        plain = _blanked(plain, blanks)
    lines, dated = _lines(plain, settings)
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


_LONE_CR = re.compile(r"\r(?!\n)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _is_html(path: str, text: str) -> bool:
    """HTML by its suffix; a source with no known suffix by its first tag."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _HTML_SUFFIXES:
        return True
    if suffix in _TEXT_SUFFIXES + _MARKDOWN_SUFFIXES:
        return False
    from reconcile import html

    return html.is_html(text)


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
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
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
# Every repetition below stops at the first character that could start the next
# attempt (a backtick run is taken whole, "[" ends a link text, "(" a target unless
# it is balanced), so no text is scanned more than a few times: linear time.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)[^`\n]+?\1(?!`)")
_LINK = re.compile(
    r"(?P<img>!)?\[(?P<t>[^\[\]\n]*)\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\[\]\n]*\])"
)


def _markdown(text: str) -> list[Blank]:
    """Markup is not words: only the words a reader sees stay in ``plain``."""
    out: list[Blank] = []
    front = _FRONT_MATTER.match(text)
    if front:
        out.append((0, front.end(), "front matter"))
    out += [(a, b, "code block") for a, b in _fences(text)]
    out += [(m.start(), m.end(), "") for m in _MARKERS.finditer(text)]
    for m in _CODE_SPAN.finditer(text):
        width = len(m.group(1))
        out += [(m.start(), m.start() + width, ""), (m.end() - width, m.end(), "")]
    for m in _LINK.finditer(text):
        if m.group("img"):
            out.append((m.start(), m.end(), ""))
        else:
            out += [(m.start(), m.start() + 1, ""), (m.end("t"), m.end(), "")]
    return out


def _fences(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks: an opening fence line to the first later line that
    starts with at least as long a run of the same character. A fence never
    closed opens no block. Knowing the longest run still to come, no fence
    line is searched past twice: linear even for hostile text."""
    lines = []
    for m in _FENCE_LINE.finditer(text):
        end = text.find("\n", m.end())
        lines.append((m.start(), len(text) if end == -1 else end, m.group(1)[0], len(m.group(1))))
    longest = {"`": [0] * (len(lines) + 1), "~": [0] * (len(lines) + 1)}  # [i]: longest run in lines[i:]
    for i in range(len(lines) - 1, -1, -1):
        for char, runs in longest.items():
            runs[i] = max(runs[i + 1], lines[i][3] if lines[i][2] == char else 0)
    blocks = []
    i = 0
    while i < len(lines):
        start, _, char, run = lines[i]
        if longest[char][i + 1] < run:
            i += 1
            continue
        i += 1
        while lines[i][2] != char or lines[i][3] < run:
            i += 1
        blocks.append((start, lines[i][1]))
        i += 1
    return blocks


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


def _lines(plain: str, settings: Settings) -> tuple[list[Blank], date | None]:
    """Whole-line debris, repeated lines, the date line, by the lines of the plain
    view (an HTML page's blocks are lines there); and the date the date line gives."""
    extra = _extra_debris(settings.boilerplate)
    seen: set[str] = set()
    out: list[Blank] = []
    published: date | None = None
    top = _TOP_LINES
    start = 0
    for content in plain.split("\n"):
        end = start + len(content)
        stripped = content.strip()
        if stripped:
            a = start + len(content) - len(content.lstrip())
            b = start + len(content.rstrip())
            day = _date_line(stripped) if top > 0 else None
            top -= 1
            key = " ".join(stripped.casefold().split())
            if day is not None:
                published = published or day
                out.append((a, b, "date line"))
            elif _DEBRIS.fullmatch(stripped) or any(p.fullmatch(stripped) for p in extra):
                out.append((a, b, "boilerplate"))
            elif key in seen and any(c.isalpha() for c in key):
                out.append((a, b, "repeated line"))
            else:
                seen.add(key)
                prefix = _DATELINE.match(content, len(content) - len(content.lstrip()))
                if prefix:
                    out.append((start + prefix.start(), start + prefix.end(), "dateline"))
        start = end + 1
    return out, published


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
