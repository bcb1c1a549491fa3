"""What a word applies to, read without a parser: the content words on each side
of it, as far as its clause goes.

The words on the left up to a clause boundary (a comma, a conjunction, a relative
pronoun) stand for its subject, those on the right for its object or complement.
"a sharp increase in profit" and "a drop in profit" both apply to profit; "cannot
compete on salary" and "compete for teachers" apply to other things. Tokens are
``reconcile.text.tokens`` content tokens (stems, news synonyms on one token), so
"sales" and "sold" meet; numbers are left out, since the figure is what a
quantity comparison reads, not what a direction is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reconcile.data.arguments import (
    CLAUSE_WORDS,
    COMPLEMENT,
    MARKS,
    NOT_ARGUMENTS,
    OPEN_QUESTION,
    REACH,
    RELATIVES,
)
from reconcile.text.tokens import analyse

_PIECE = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Context:
    before: tuple[str, ...]  # content tokens on the left, nearest first
    after: tuple[str, ...]  # on the right, nearest first
    asserted: bool = True  # False after "whether", "if", "compared with" (OPEN_QUESTION) in its stretch


def _tokens(words: list[str]) -> list[str]:
    kept = [w for w in words if w.lower().replace("’", "'") not in NOT_ARGUMENTS]
    return [t for t in analyse(" ".join(kept)) if not t[0].isdigit()]


def pieces_of(text: str, start: int, end: int) -> list[str]:
    """The words and marks of ``text[start:end]``, as the neighbourhood of a word is read."""
    return _PIECE.findall(text, start, end)


def _bound(piece: str) -> bool:
    return piece in MARKS or piece.lower() in CLAUSE_WORDS


def clause_end(text: str, end: int) -> int:
    """Where the clause running on from ``end`` stops: the next mark or clause word."""
    return next((p.start() for p in _PIECE.finditer(text, end) if _bound(p.group())), len(text))


def context(text: str, start: int, end: int, reach: int = REACH) -> Context:
    """The words ``text[start:end]`` applies to: up to ``reach`` content tokens on
    each side within its clause. Before a relative clause's verb the noun the
    clause hangs on counts too ("the gusts that had driven the fire weakened")."""
    left = pieces_of(text, 0, start)
    k = len(left)
    while k and not _bound(left[k - 1]):
        k -= 1
    opener = left[k - 1].lower() if k and left[k - 1] not in MARKS else ""
    antecedent = _tokens(left[k - 2:k - 1]) if opener in RELATIVES and k > 1 else []
    stretch = len(left)
    while stretch and left[stretch - 1] not in MARKS:
        stretch -= 1
    asserted = not any(p.lower() in OPEN_QUESTION for p in left[stretch:])
    before = (antecedent + _tokens(left[k:])[::-1])[:reach]
    first = _PIECE.search(text, end)
    if first is not None and first.group().lower() in COMPLEMENT:
        end = first.end()
    after = _tokens(pieces_of(text, end, clause_end(text, end)))[:reach]
    return Context(tuple(before), tuple(after), asserted)


def shared(a: Context, b: Context) -> tuple[str, ...] | None:
    """What two words both apply to, or None when they apply to different things.

    When both have an object, the objects decide ("compete on salary" is not
    "compete for teachers", whoever competes); otherwise any word in common will
    do. () when a side names nothing: nothing tells the two apart.
    """
    if a.after and b.after:
        return tuple(sorted(set(a.after) & set(b.after))) or None
    xs, ys = set(a.before) | set(a.after), set(b.before) | set(b.after)
    if not xs or not ys:
        return ()
    return tuple(sorted(xs & ys)) or None
