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


from reconcile.data.arguments import MARKS, RELATIVES
from reconcile.data.names import (
    AGENT_ENDINGS,
    ARTICLES,
    AUXILIARY_VERBS,
    BE_FORMS,
    HONORIFICS,
    NOT_NAMES,
    PAST_FORMS,
    PERSON_TITLES,
    ROLE_STOPS,
)
from reconcile.data.speech import REPORTING_VERBS
from reconcile.data.stopwords import STOPWORDS
from reconcile.facts.arguments import pieces_of
from reconcile.text.tokens import analyse

_WINDOW = 80  # characters read on each side: a role is told next to its name
_DESCRIPTOR = 4  # words of a descriptor or an apposition, at most


def _tokens(words: list[str], relation: str = "") -> list[str]:
    found = [t for w in words for t in analyse(PAST_FORMS.get(w.lower(), w)) if not t[0].isdigit()]
    return [f"{t}/{relation}" for t in found] if relation else found


def reads_as_verb(word: str) -> bool:
    """A lower-case word that reads as a verb next to a name ("told", "chairs",
    "arrested"), not a noun ("store", "shooting")."""
    w = word.lower()
    return word.islower() and w not in STOPWORDS and (
        w.endswith(("ed", "s")) or w in PAST_FORMS or w in REPORTING_VERBS
    )


def _agent(pieces: list[str]) -> bool:
    """Do the pieces end with a noun phrase for a person in a part ("the trial's lead
    investigator"), which before ", " names the part of the name after it? "In a
    statement, X", "However, X" and "Earlier, X" name none."""
    word = pieces[-1]
    w = word.lower()
    if not word.islower() or w in STOPWORDS or w in NOT_NAMES:
        return False
    if not (w in PERSON_TITLES or w.endswith(AGENT_ENDINGS)):
        return False
    possessive = ("'s", "’s")
    opener = next((p for p in reversed(pieces) if p in MARKS or p.lower() in ROLE_STOPS or p.endswith(possessive)), "")
    return opener.lower() in ARTICLES or opener.endswith(possessive)


def _before(pieces: list[str]) -> list[str]:
    """A descriptor or title before the name, or the verb whose object it is."""
    while pieces and (pieces[-1] == "." or pieces[-1].lower() in HONORIFICS):
        pieces = pieces[:-1]  # "Dr."
    if len(pieces) > 1 and pieces[-1].lower() == "by" and pieces[-2] not in MARKS:
        return _tokens([pieces[-2]], "s")  # "led by X"
    if pieces and reads_as_verb(pieces[-1]) and not pieces[-1].endswith("s"):
        return _tokens([pieces[-1]], "o")  # "arrested X", "told X"
    if len(pieces) > 1 and pieces[-1] == "," and _agent(pieces[:-1]):
        pieces = pieces[:-1]  # "The trial's lead investigator, Dr. Harriet Osei-Mensah"
    words: list[str] = []
    for piece in reversed(pieces):
        if (
            piece in MARKS or piece.lower() in ROLE_STOPS or len(words) == _DESCRIPTOR
            or piece.endswith(("'s", "’s")) or reads_as_verb(piece)
        ):
            break
        words.append(piece)
    return _tokens(words[::-1])


def _owned(pieces: list[str]) -> list[str]:
    """What a name followed by "'s" has: "X's chief executive" -> "chief/of", "execut/of"."""
    words: list[str] = []
    for piece in pieces[:2]:
        if piece in MARKS or reads_as_verb(piece) or piece[:1].isupper():
            break
        words.append(piece)
    return _tokens(words, "of")


def _apposition(pieces: list[str]) -> list[str]:
    """The words after ", " that say what the name is ("an incident-response company",
    "President and CEO of"), and the verb of a "who" clause after them."""
    words: list[str] = []
    for k, piece in enumerate(pieces):
        if piece in MARKS or len(words) == _DESCRIPTOR:
            break
        if piece.lower() in RELATIVES:
            return _tokens(words) + _does(pieces[k + 1:])
        words.append(piece)
    if not words:
        return []
    if reads_as_verb(words[0]):
        return _does(pieces)  # "John Smith, said": the verb after a comma
    first = words[0].lower()
    opens = first in ARTICLES or first in PERSON_TITLES or (words[0].islower() and first not in STOPWORDS)
    return _tokens(words) if opens else []


def _does(pieces: list[str]) -> list[str]:
    """The verb a name does ("X told" -> "say/s") or undergoes ("X was arrested" -> "arrest/o")."""
    passive = False
    for k, piece in enumerate(pieces[:4]):
        lowered = piece.lower()
        if lowered in AUXILIARY_VERBS or lowered in BE_FORMS:
            passive = passive or lowered in BE_FORMS
            continue
        plural = lowered.endswith("s") and k + 1 < len(pieces) and reads_as_verb(pieces[k + 1])
        if reads_as_verb(piece) and not plural:  # "U.S. authorities imposed": a noun, then the verb
            return _tokens([piece], "o" if passive and lowered.endswith(("ed", "en")) else "s")
        break
    return []


def _after(pieces: list[str]) -> list[str]:
    """An apposition, the verb the name does or undergoes, or what it has."""
    if pieces[:1] in (["'"], ["’"]):
        return _owned(pieces[2:] if pieces[1:2] == ["s"] else pieces[1:])
    if pieces[:1] == [","]:
        return _apposition(pieces[1:])
    return _does(pieces)


def role(text: str, start: int, end: int) -> tuple[str, ...]:
    """The role words of the name at ``text[start:end]``, sorted; () when none is told."""
    before = pieces_of(text, max(0, start - _WINDOW), start)
    after = pieces_of(text, end, end + _WINDOW)
    return tuple(sorted(set(_before(before) + _after(after))))
