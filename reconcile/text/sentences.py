"""Sentences, with exact offsets into the document.

One pass of compiled regular expressions finds every place a sentence could end
(a period, "!", "?" or an ellipsis followed by white space); each is decided by
a few cheap checks on the word before and the word after, using the word lists
in ``reconcile.data.abbreviations``. Line structure is read first: a blank line
always ends a sentence, and an unpunctuated line that is a heading ends one too,
while soft-wrapped prose is read across its line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reconcile.data import abbreviations as abbr
from reconcile.model import Document, Sentence
from reconcile.settings import Settings

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_TERMINAL = re.compile(
    r"(?<![.!?…‽])(?P<t>(?:\.[ ]){2,}\.|[.!?…‽]+)(?P<c>[\"'”’»)\]]*)(?=\s|\Z)"
)
_AFTER = re.compile(r"\s*(?P<o>[(\[{\"'“‘«]*)(?P<w>[^\W_]*)")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_FINAL = re.compile(r"[.!?…‽:;][\"'”’»)\]]*\Z")
_LINE_CONTINUES = re.compile(
    r"(?:[,;:(\[&/\-–—]|\b(?:a|an|the|of|and|or|to|in|on|for|with|by|at|from|as|that))\Z", re.I
)
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)", re.M)
_LIST_START = re.compile(r"(?P<b>[•⁃‣◦▪●])?\s*(?:(?P<n>\d{1,3}|[a-z])(?P<s>\.\)|\)|\.)\s)?")
_MIN_WRAP = 50  # prose is rarely wrapped narrower: a shorter unpunctuated line was broken on purpose
_BULLETS = "•⁃‣◦▪●*-"
_OPENERS = "([{\"'“‘«"


def segment(text: str) -> list[tuple[int, int]]:
    """Sentence spans of raw text, trimmed of white space (what Golden Rules measure)."""
    return _spans(text, text)


def split(doc: Document, source: int, max_chars: int = Settings.max_sentence_chars) -> list[Sentence]:
    """The sentences of a document's plain view; markup and debris never start one.

    A stretch longer than ``max_chars`` with no sentence end (a table, text with no
    punctuation) is cut into pieces, so no later stage ever meets a sentence so
    long that its cost per sentence explodes; 0 never cuts."""
    plain = doc.plain
    out = []
    for span in _spans(plain, doc.text):
        for s, e in _pieces(plain, *span, max_chars):
            text = " ".join(plain[s:e].split())
            out.append(Sentence(source, len(out), s, e, text, heading=not _FINAL.search(text)))
    return out


def _pieces(plain: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """A span cut at white space into pieces of at most ``limit`` characters; a word
    longer than half the limit is cut where the limit falls."""
    while limit and end - start > limit:
        stop = start + limit
        cut = max(plain.rfind(c, start + limit // 2, stop) for c in " \n\t")
        cut = stop if cut == -1 else cut
        trimmed = cut
        while plain[trimmed - 1].isspace():
            trimmed -= 1
        yield start, trimmed
        start = cut
        while plain[start].isspace():
            start += 1
    yield start, end


def _spans(text: str, source: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; ``source`` (same length) shows Markdown headings."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        _paragraph(text, source, start, brk.start(), spans)
        start = brk.end()
    _paragraph(text, source, start, len(text), spans)
    return spans


def _paragraph(text: str, source: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Split a paragraph at its heading lines, then each run at sentence ends."""
    nl = text.find("\n", start, end)
    if nl == -1:
        _run(text, start, end, spans)
        return
    lines = text[start:end].split("\n")
    width = max(_MIN_WRAP, *(len(line.rstrip()) for line in lines))
    run_start = start
    pos = start
    for line, following in zip(lines, lines[1:]):
        line_end = pos + len(line)
        if _hard_break(line.rstrip(), following, width, source, pos):
            _run(text, run_start, line_end, spans)
            run_start = line_end + 1
        pos = line_end + 1
    _run(text, run_start, end, spans)


def _hard_break(line: str, following: str, width: int, source: str, line_start: int) -> bool:
    """Whether an unpunctuated line end closes a sentence (a heading, a deliberate break)
    rather than soft-wrapping prose onto the next line."""
    stripped = line.strip()
    nxt = following.lstrip().lstrip(_OPENERS).lstrip()  # "[  " opens nothing
    if not stripped or not nxt or _FINAL.search(stripped) or nxt[0].islower():
        return False
    if _MD_HEADING.match(source, line_start):
        return True
    if _LINE_CONTINUES.search(stripped):
        return False
    words = _LONG_WORD.findall(stripped)
    if words and all(w[0].isupper() for w in words):
        return True  # Title Case
    first = nxt.split(maxsplit=1)[0]
    return len(line) + 1 + len(first) <= width  # the next word would have fitted


def _run(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Sentences of a stretch with no line-level break: list items, then sentence ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    cuts = _list_items(text, start, end)
    for a, b in zip([start, *cuts], [*cuts, end]):
        _sentences(text, a, b, spans)


def _list_items(text: str, start: int, end: int) -> list[int]:
    """Where the items of an inline list begin ("1.) one 2.) two", "• a • b")."""
    m = _LIST_START.match(text, start, end)
    if not m or m.end() == start:
        return []
    bullet, number, sep = m.group("b"), m.group("n"), m.group("s")
    cuts = []
    if bullet:
        pos = text.find(bullet, m.end(), end)
        while pos != -1:
            if text[pos - 1].isspace():
                cuts.append(pos)
            pos = text.find(bullet, pos + 1, end)
    elif number:
        pos = m.end()
        while True:
            number = str(int(number) + 1) if number.isdigit() else chr(ord(number) + 1)
            found = re.compile(rf"\s{re.escape(number)}{re.escape(sep)}\s").search(text, pos, end)
            if not found:
                break
            cuts.append(found.start() + 1)
            pos = found.end()
    return cuts


def _sentences(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Cut a run at the sentence ends the terminal punctuation marks."""
    while start < end and text[start].isspace():
        start += 1
    current = start
    for m in _TERMINAL.finditer(text, start, end):
        after = _AFTER.match(text, m.end(), end)
        if after.end() >= end and not after.group("w"):
            break  # the run's own end
        cut = _decide(text, current, m, after)
        if cut is None:
            continue
        spans.append((current, cut))
        current = cut
        while text[current].isspace():
            current += 1
    if current < end:
        stop = end
        while stop > current and text[stop - 1].isspace():
            stop -= 1
        spans.append((current, stop))


def _decide(text: str, current: int, m: re.Match[str], after: re.Match[str]) -> int | None:
    """The end of the sentence a terminal mark closes, or None if it closes none."""
    nxt = after.group("w")
    head = nxt[:1] or text[after.end() : after.end() + 1]
    if head.islower():
        return None
    term = m.group("t")
    if "!" in term or "?" in term or "‽" in term:
        return m.end()
    t0 = m.start()
    if term != ".":
        return _ellipsis(text, m, nxt)
    lo = max(current, t0 - 80)
    word_start = max(text.rfind(" ", lo, t0), text.rfind("\n", lo, t0), text.rfind("\t", lo, t0)) + 1
    if word_start == 0 and lo > current:
        return m.end()  # a word this long is a URL or a number, never an abbreviation
    word_start = max(word_start, current)
    word = text[word_start:t0].lstrip(_OPENERS).lstrip(_BULLETS)
    lower = word.lower()
    if lower in abbr.TITLES:
        return None
    if text[current:word_start].strip(_BULLETS + " \t\n") == "" and (
        word.isdigit() and len(word) <= 3 or len(word) == 1 and word.isalpha()
    ):
        return None  # a list marker: "1. The first item"
    if head.isdigit():
        return None if lower in abbr.BEFORE_NUMBERS else m.end()
    if word in abbr.UPPER_CASE_ENDS:
        return m.end()
    if (
        lower in abbr.AMBIGUOUS
        or lower in abbr.BEFORE_NUMBERS
        or len(word) == 1
        and word.isalpha()
        or _DOTTED.fullmatch(word)
    ):
        return m.end() if after.group("o") or nxt.lower() in abbr.STARTERS else None
    return m.end()


def _ellipsis(text: str, m: re.Match[str], nxt: str) -> int | None:
    """Three dots mark an omission; four close a sentence (Chicago Manual of Style)."""
    term = m.group("t")
    t0 = m.start()
    if t0 > 0 and text[t0 - 1] == "[":
        return None  # "[...]": an editor's omission
    dots = term.count(".") + 3 * term.count("…")
    if dots >= 4:
        attached = t0 > 0 and not text[t0 - 1].isspace()
        return t0 + 1 if attached and " " in term else m.end()
    if " " in term or nxt == "I":
        return None
    return m.end()
