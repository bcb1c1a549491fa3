"""Stable rule identifiers: what each finding type is called in every format,
in suppressions and in configuration. Identifiers never change meaning."""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.model import Kind


@dataclass(frozen=True)
class Rule:
    id: str
    name: str  # kebab-case, usable instead of the id
    kind: Kind
    type: str  # the Finding.type it reports
    severity: str  # "error", "warning" or "note" (SARIF levels)
    summary: str  # one line
    example: str  # a pair of claims that triggers it


RULES: tuple[Rule, ...] = (
    Rule("RC101", "number-mismatch", Kind.CONTRADICTION, "number", "error",
         "Aligned claims give quantities that cannot both be true.",
         '"about 15% of revenue" vs "20% of revenue"'),
    Rule("RC102", "date-mismatch", Kind.CONTRADICTION, "date", "error",
         "Aligned claims, or two accounts of one event, give different dates.",
         '"met on Nov. 1" vs "met on November 2"'),
    Rule("RC103", "weekday-mismatch", Kind.CONTRADICTION, "weekday", "error",
         "A weekday does not fit the date it is given with, within or across sources.",
         '"on Tuesday, Nov. 1, 2023" (Nov. 1, 2023 was a Wednesday)'),
    Rule("RC104", "event-order", Kind.CONTRADICTION, "order", "error",
         "The sources' time claims put events in an order that cannot all hold.",
         '"the statement came a day after the ban" vs "the meeting followed the ban"'),
    Rule("RC105", "entity-mismatch", Kind.CONTRADICTION, "entity", "error",
         "Aligned claims name a different person, place or organisation in the same role.",
         '"Wang Wentao met Mehrotra" vs "Li Qiang met Mehrotra"'),
    Rule("RC106", "polarity-mismatch", Kind.CONTRADICTION, "negation", "error",
         "One claim negates or reverses what the other asserts.",
         '"the board approved the plan" vs "the board did not approve the plan"'),
    Rule("RC107", "figure-updated", Kind.UPDATE, "number", "warning",
         "A later report gives another figure than an earlier one: an update, not a conflict.",
         '"the toll rose to 12" (Tuesday) after "eight people died" (Monday)'),
    Rule("RC108", "attributed-figures", Kind.ATTRIBUTED, "number", "note",
         "The sources give a figure each from another authority, and say so.",
         '"magnitude 6.1, the USGS said" vs "5.9, according to the Iranian centre"'),
    Rule("RC201", "unsupported-claim", Kind.UNSUPPORTED, "claim", "warning",
         "A claim that only one source makes.",
         '"Shares rose 2% on Monday." with no counterpart in any other source'),
    Rule("RC202", "unsupported-detail", Kind.UNSUPPORTED, "detail", "note",
         "A part of an otherwise supported claim that only one source gives.",
         '"...released on the ministry\'s website on Friday" where the other source omits when'),
    Rule("RC301", "agreement", Kind.AGREEMENT, "claim", "note",
         "The same claim made by two or more sources.",
         '"met on Nov. 1" and "the meeting took place on November 1"'),
)

BY_ID = {rule.id: rule for rule in RULES}
BY_NAME = {rule.name: rule for rule in RULES}
BY_TYPE = {(rule.kind, rule.type): rule for rule in RULES}


def rule_for(kind: Kind, type_: str) -> Rule:
    """The rule a finding of this kind and type reports under."""
    return BY_TYPE[(kind, type_)]


def matching(token: str) -> tuple[Rule, ...]:
    """The rules a user's token names, for selection and suppression: an id
    ("RC201"), a name ("unsupported-claim") or an id prefix ("RC1": every
    contradiction). Case does not matter; an unknown token names none."""
    wanted = token.strip()
    if wanted.casefold() in _FOLDED:
        return (_FOLDED[wanted.casefold()],)
    prefix = wanted.upper()
    if prefix.startswith("RC") and prefix[2:].isdigit() and len(prefix) < 5:
        return tuple(rule for rule in RULES if rule.id.startswith(prefix))
    return ()


_FOLDED = {key.casefold(): rule for rule in RULES for key in (rule.id, rule.name)}
