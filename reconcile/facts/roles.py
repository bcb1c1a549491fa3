"""The part a name plays in its sentence, read from the words around it.

A title or descriptor before it ("cybersecurity firm Blackthorn Forensics",
"Finance chief Imogen Tate"), an apposition after it ("Quillmark Cyber, an
incident-response company,"), the verb it does ("X told analysts", "led by X",
"X, who chaired the talks") or undergoes ("fired X", "X was arrested") and what
it has ("X's chief executive"). Tokens are ``reconcile.text.tokens`` content
tokens; a verb's carry its relation, so "X fired Y" gives X and Y different
roles: "fire/s" (X fires), "fire/o" (Y is fired), "execut/of" (X has an executive).
"""

from __future__ import annotations

import re

from reconcile.data.names import AUXILIARY_VERBS, BE_FORMS, HONORIFICS, PAST_FORMS, PERSON_TITLES, ROLE_STOPS
from reconcile.data.stopwords import STOPWORDS
from reconcile.text.tokens import analyse

_PIECE = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")
_WINDOW = 80  # characters read on each side: a role is told next to its name
_DESCRIPTOR = 4  # words of a descriptor or an apposition, at most
_MARKS = frozenset(",;:()[]\"“”—–!?.")


def _tokens(words: list[str], relation: str = "") -> list[str]:
    found = [t for w in words for t in analyse(PAST_FORMS.get(w.lower(), w)) if not t[0].isdigit()]
    return [f"{t}/{relation}" for t in found] if relation else found


def _verb(word: str) -> bool:
    """A lower-case word that reads as a verb next to a name ("told", "chairs",
    "arrested"), not a noun ("store", "shooting")."""
    w = word.lower()
    return word.islower() and w not in STOPWORDS and (
        w.endswith(("ed", "s")) or w in PAST_FORMS or analyse(w) == ("say",)
    )


def _before(pieces: list[str]) -> list[str]:
    """A descriptor or title before the name, or the verb whose object it is."""
    while pieces and (pieces[-1] == "." or pieces[-1].lower() in HONORIFICS):
        pieces = pieces[:-1]  # "Dr."
    if len(pieces) > 1 and pieces[-1].lower() == "by" and pieces[-2] not in _MARKS:
        return _tokens([pieces[-2]], "s")  # "led by X"
    if pieces and _verb(pieces[-1]) and not pieces[-1].endswith("s"):
        return _tokens([pieces[-1]], "o")  # "arrested X", "told X"
    words: list[str] = []
    for piece in reversed(pieces):
        if (
            piece in _MARKS or piece.lower() in ROLE_STOPS or len(words) == _DESCRIPTOR
            or piece.endswith(("'s", "’s")) or _verb(piece)
        ):
            break
        words.append(piece)
    return _tokens(words[::-1])


def _opens_apposition(word: str) -> bool:
    """", an incident-response company", ", President and CEO of": not ", that China will"."""
    w = word.lower()
    return w in ("a", "an", "the") or w in PERSON_TITLES or (word.islower() and w not in STOPWORDS)


def _after(pieces: list[str]) -> list[str]:
    """An apposition, the verb the name does or undergoes, or what it has."""
    if not pieces:
        return []
    if pieces[0] in ("'", "’"):
        owned = pieces[2:] if len(pieces) > 1 and pieces[1] == "s" else pieces[1:]
        words = []
        for piece in owned[:2]:
            if piece in _MARKS or _verb(piece) or piece[:1].isupper():
                break
            words.append(piece)
        return _tokens(words, "of")  # "X's chief executive"
    if pieces[0] == ",":
        words: list[str] = []
        rest = pieces[1:]
        for k, piece in enumerate(rest):
            if piece in _MARKS or len(words) == _DESCRIPTOR:
                break
            if piece.lower() in ("who", "which"):
                return _tokens(words) + _after(rest[k + 1:])
            words.append(piece)
        return _tokens(words) if words and _opens_apposition(words[0]) else []
    passive = False
    for k, piece in enumerate(pieces[:4]):
        lowered = piece.lower()
        if lowered in AUXILIARY_VERBS or lowered in BE_FORMS:
            passive = passive or lowered in BE_FORMS
            continue
        plural = lowered.endswith("s") and k + 1 < len(pieces) and _verb(pieces[k + 1])
        if _verb(piece) and not plural:  # "U.S. authorities imposed": a noun, then the verb
            return _tokens([piece], "o" if passive and lowered.endswith(("ed", "en")) else "s")
        break
    return []


def role(text: str, start: int, end: int) -> tuple[str, ...]:
    """The role words of the name at ``text[start:end]``, sorted; () when none is told."""
    before = _PIECE.findall(text, max(0, start - _WINDOW), start)
    after = _PIECE.findall(text, end, end + _WINDOW)
    return tuple(sorted(set(_before(before) + _after(after))))
