"""Markdown markup is not words: the spans a reader does not see as text
(markers, fences, link targets, front matter) are blanked in the plain view."""

from __future__ import annotations

import os
import re

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")

Blank = tuple[int, int, str]  # (start, end, why): spaces in plain, why recorded unless ""


def is_markdown(path: str, text: str) -> bool:
    """Markdown by its suffix; a source with no known suffix by its headings or links."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in MARKDOWN_SUFFIXES:
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


def blanks(text: str) -> list[Blank]:
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
