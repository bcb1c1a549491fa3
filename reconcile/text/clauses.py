"""Clauses: the parts of a sentence that can be supported on their own, so a
detail one source adds ("..., as disclosed in a statement on Friday") is
reported apart from the claim it hangs on. Offsets are the document's."""

from __future__ import annotations

import re

from reconcile.data import clauses as cw
from reconcile.model import Clause, Document, Sentence

_CLAUSE_WORD = re.compile(  # a word, the separator before it, the word after
    r"(?P<sep>[;,]|\s(?:--|[—–]))?\s+[\"'“‘]?(?P<w>[^\W\d_][\w’'-]*)(?=\s+[\"'“‘(]?(?P<n>[\w’'-]+))?"
)


def clauses(sentence: Sentence, doc: Document) -> tuple[Clause, ...]:
    """Parts of a sentence that can be supported on their own: a detail one source
    adds ("..., as disclosed in a statement on Friday") is reported apart."""
    plain = doc.plain
    cuts = [sentence.start]
    for m in _CLAUSE_WORD.finditer(plain, sentence.start, sentence.end):
        if _opens_clause(m, plain, cuts[-1]):
            cuts.append(m.start("w"))
    bounds = list(zip(cuts, [*cuts[1:], sentence.end]))
    pieces: list[tuple[int, int]] = []
    for a, b in bounds:
        if pieces and (len(plain[a:b].split()) < 3 or len(plain[pieces[-1][0] : pieces[-1][1]].split()) < 3):
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    out = []
    for a, b in pieces:
        a, b = _trim(plain, a, b)
        if a < b:
            out.append(Clause(a, b, " ".join(plain[a:b].split())))
    return tuple(out)


def _opens_clause(m: re.Match[str], plain: str, last_cut: int) -> bool:
    """Whether the word matched opens a clause of its own (see reconcile.data.clauses)."""
    sep, word, nxt = m.group("sep"), m.group("w"), m.group("n") or ""
    lower = word.lower()
    subject = nxt[:1].isupper() or nxt.lower() in cw.SUBJECT_STARTS
    if sep == ";" or lower in cw.ALWAYS:
        return True
    if sep:
        if lower in cw.AFTER_COMMA or (lower.endswith("ing") and len(lower) > 4 and lower not in cw.ING_NOT_CLAUSE):
            return True
        if lower in cw.COORDINATORS and subject:
            return "," not in plain[max(last_cut, m.start() - 40) : m.start()]  # not "A, B, and C"
        return False
    if lower == "as":
        before = plain[max(last_cut, m.start() - 30) : m.start()].split()[-1:]
        if before and before[0].lower() in cw.NOT_AFTER_AS:
            return False
        return nxt[:1].isupper() or nxt.lower() in cw.PRONOUNS
    return lower in cw.BARE and subject


def _trim(plain: str, a: int, b: int) -> tuple[int, int]:
    """Drop white space around a clause and the separator it ended at."""
    while a < b and plain[a].isspace():
        a += 1
    while b > a and (plain[b - 1].isspace() or plain[b - 1] in ",;—–-"):
        b -= 1
    return a, b
