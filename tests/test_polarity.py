"""Negations, direction words, and when two aligned clauses disagree on them."""

from __future__ import annotations

import pytest

from reconcile.facts.arguments import Context, context
from reconcile.facts.opposition import describe, opposition
from reconcile.facts.polarity import find_directions, find_negations, polarity_conflict
from reconcile.model import Opposition


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board did not approve the plan.", ["did not approve"]),
        ("The board didn’t approve the plan.", ["didn’t approve"]),
        ("He never met Wang.", ["never met"]),
        ("He has not yet fully approved it.", ["has not yet fully approved"]),
        ("Micron had not met the required standards.", ["had not met"]),
        ("There is no evidence of a ban.", ["no evidence"]),
        ("None of the firms replied.", ["None"]),
        ("Nobody commented.", ["Nobody commented"]),
        ("Neither Micron nor Samsung commented.", ["Neither Micron"]),
        ("Micron operated without a licence.", ["without"]),
        ("The ministry failed to respond.", ["failed to respond"]),
        ("Micron refused to comment.", ["refused to comment"]),
        ("The ministry declined to comment.", ["declined to comment"]),
        ("The firm no longer buys chips.", ["no longer buys"]),
        ("Beijing cannot accept it.", ["cannot accept"]),
        ("allies to reduce risk and not “decouple” from China", ["not “decouple”"]),
        ("they would seek to “de-risk, not decouple” from China", ["not decouple"]),
    ],
)
def test_negations(text: str, expected: list[str]) -> None:
    assert [c.text for c in find_negations(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Micron is not only a chipmaker but also a symbol.",
        "It is not just a ban but a signal.",
        "Notably, the firm grew.",
        "It was nothing but a gesture.",
        "There is no doubt the ban hurt.",
        "The talks matter, not least for Micron.",
        "Whether or not the ban stays, Micron will invest.",
        "It cost no more than $5 million.",
        "Micron is the No. 1 memory maker.",
        "No, the ministry said.",
        "Shares declined 5% on Monday.",
        "It is, not to mention, a thaw.",
        "The ministry denied the report.",  # a denial reported, a direction word (confirmation)
        "Subryan was arrested without incident.",
    ],
)
def test_false_negation_cues(text: str) -> None:
    assert find_negations(text) == []


def test_negation_offsets() -> None:
    text = "Micron had not met the standards."
    (cue,) = find_negations(text, 500)
    assert (cue.start, cue.end, cue.sign, cue.frame) == (507, 518, -1, "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares rose 2%.", [("rose", "change", 1)]),
        ("Prices rise.", [("rise", "change", 1)]),
        ("The index rises.", [("rises", "change", 1)]),
        ("Prices have risen.", [("risen", "change", 1)]),
        ("Rising prices hurt.", [("Rising", "change", 1)]),
        ("Shares fell, falling further.", [("fell", "change", -1), ("falling", "change", -1)]),
        ("Revenue dropped and slid.", [("dropped", "change", -1), ("slid", "change", -1)]),
        ("Shares were up 3% and down by 2 points.", [("up", "change", 1), ("down", "change", -1)]),
        ("China is trying to warm up to the US.", [("warm", "condition", 1)]),
        ("Technology stocks make up 42 percent of the Nasdaq.", []),
        ("The board approved the plan.", [("approved", "decision", 1)]),
        ("The senate vetoed it.", [("vetoed", "decision", -1)]),
        ("Lawmakers voted down the bill.", [("voted down", "vote", -1)]),
        ("The regulator banned Micron.", [("banned", "permission", -1)]),
        ("Micron was barred and forbidden.", [("barred", "permission", -1), ("forbidden", "permission", -1)]),
        ("Beijing lifted the ban.", [("lifted the ban", "permission", 1)]),
        ("Beijing lifted its ban on Micron.", [("lifted its ban", "permission", 1)]),
        ("Micron won the case.", [("won", "outcome", 1)]),
        ("Micron lost the case.", [("lost", "change", -1), ("lost", "outcome", -1)]),
        ("Micron will broaden its presence.", [("broaden", "expansion", 1)]),
        ("Micron will increase its presence.", [("increase its presence", "expansion", 1)]),
        ("Micron will withdraw.", [("withdraw", "expansion", -1)]),
        ("The ministry confirmed the meeting.", [("confirmed", "confirmation", 1)]),
        ("The ministry denied the meeting.", [("denied", "decision", -1), ("denied", "confirmation", -1)]),
        ("Beijing would welcome the company.", [("welcome", "openness", 1)]),
        ("Tensions are easing.", [("easing", "condition", 1)]),
        ("Oman is closing its airspace.", [("closing", "openness", -1)]),
        ("a scheme to prop up the financially struggling company", [("struggling", "fortune", -1)]),
        ("the thriving start-up", [("thriving", "fortune", 1)]),
        ("He was acquitted.", [("acquitted", "verdict", -1)]),
        ("He pleaded guilty.", [("guilty", "verdict", 1)]),
        ("Staff must remove TikTok.", [("remove", "retention", -1)]),
        ("Staff may keep TikTok.", [("keep", "retention", 1)]),
        ("a loss of propulsion", [("loss", "change", -1), ("loss", "result", -1)]),
    ],
)
def test_directions(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert [(c.text, c.frame, c.sign) for c in find_directions(text)] == expected


RESTRICT_A = "the country’s operators of crucial infrastructure should stop buying products from Micron"
RESTRICT_B = "Chinese operators of vital infrastructure were prohibited from purchasing products"


def test_stop_buying_and_prohibited_from_purchasing_agree() -> None:
    """Both are restrictions: every cue points down, and they are not told apart."""
    a, b = find_directions(RESTRICT_A), find_directions(RESTRICT_B)
    assert a and b and {c.sign for c in a + b} == {-1}
    assert polarity_conflict(find_negations(RESTRICT_A), a, find_negations(RESTRICT_B), b) is None


def _conflict(a: str, b: str) -> str | None:
    return polarity_conflict(find_negations(a), find_directions(a), find_negations(b), find_directions(b))


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("Micron had not met the required standards.", "Micron met the required standards.",
         'negated in one source: "had not met" vs "met"'),
        ("The ministry did not comment on Micron.", "The ministry commented on Micron.",
         'negated in one source: "did not comment" vs "commented"'),
        # the samples' loosely aligned pair: the negated "met" has no counterpart
        ("The statement came a day after China’s cyberspace regulator said the country’s operators "
         "of crucial infrastructure should stop buying products from Micron.",
         "This follows a recent incident where China’s cyberspace regulator conducted a network "
         "security review, concluding that Micron had not met the required standards.", None),
        # the other clause asks, or sets a condition: it asserts nothing either way
        ("Analysts warn that the détente may not last beyond the summit.",
         "It is still unclear whether the détente will last beyond the summit.", None),
        ("The détente will not last beyond the Biden-Xi meeting.",
         "It is still being determined if the detente will last beyond the Biden-Xi meeting.", None),
        ("Analysts warn that the détente may not last beyond the summit.",
         "Analysts expect that the détente will last beyond the summit.",
         'negated in one source: "may not last" vs "last"'),
    ],
)
def test_lone_negation_needs_its_word_in_the_other_clause(a: str, b: str, reason: str | None) -> None:
    cues = find_negations(a), find_directions(a), find_negations(b), find_directions(b)
    assert polarity_conflict(*cues, a_text=a, b_text=b) == reason


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("The board did not approve the plan.", "The board approved the plan.",
         'negated in one source: "did not approve" vs "approved"'),
        ("The board approved the plan.", "The board did not approve the plan.",
         'negated in one source: "approved" vs "did not approve"'),
        ("Shares rose 2%.", "Shares fell 2%.", '"rose" vs "fell"'),
        ("Shares did not rise.", "Shares rose.", 'negated in one source: "did not rise" vs "rose"'),
        ("Shares did not rise.", "Shares did not fall.", None),  # two negations: flat fits both
        ("Micron had not met the required standards.", "Micron met the required standards.",
         'negated in one source: "had not met"'),
        ("The ministry confirmed the meeting.", "The ministry denied the meeting.",
         '"confirmed" vs "denied"'),
        ("Beijing lifted the ban.", "Beijing banned Micron.", '"lifted the ban" vs "banned"'),
        ("Operators continued buying.", "Operators stopped buying.", '"continued" vs "stopped"'),
        ("Micron won.", "Micron lost.", '"won" vs "lost"'),
        # no conflict
        ("Shares did not rise.", "Shares fell.", None),  # not rising fits falling
        ("Prices rose, not fell.", "Prices rose.", None),
        ("Neither Micron nor Samsung commented.", "Micron and Samsung did not comment.", None),
        ("allies to reduce risk and not “decouple” from China",
         "they would seek to “de-risk, not decouple” from China", None),
        ("The board approved the plan.", "The plan was approved by the board.", None),
        (RESTRICT_A, RESTRICT_B, None),
    ],
)
def test_polarity_conflict(a: str, b: str, reason: str | None) -> None:
    assert _conflict(a, b) == reason


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        # a negation that reverses no direction word is read even when a frame is shared
        ("An American who fell from a clifftop that was not known as a gay meeting place.",
         "An American who fell from a clifftop that was known as a gay meeting place.",
         'negated in one source: "was not known" vs "known"'),
        # the negated word asserted again in its own clause: the clause says both
        ("White pleaded not guilty to murder and guilty to manslaughter.",
         "An Australian pleaded guilty to manslaughter.", None),
        ("An Australian pleaded not guilty to manslaughter.",
         "An Australian pleaded guilty to manslaughter.",
         'negated in one source: "not guilty" vs "guilty"'),
    ],
)
def test_lone_negation_beside_shared_frames(a: str, b: str, reason: str | None) -> None:
    cues = find_negations(a), find_directions(a), find_negations(b), find_directions(b)
    assert polarity_conflict(*cues, a_text=a, b_text=b) == reason


# -- opposite words of one frame, about the same thing (issue #14) -----------------

OPPOSITES = [
    ("The retailer posted a profit of $18 million.", "The retailer posted a loss of $62 million.", "result"),
    ("Most trustees voted for the four-day week.", "Most trustees voted against the four-day week.", "vote"),
    ("The amendment passed 4-3.", "The amendment failed 4-3.", "vote"),
    ("The union accepted the offer on Friday.", "The union rejected the offer on Friday.", "decision"),
    ("Regulators approved the merger.", "Regulators rejected the merger.", "decision"),
    ("The council approved the permit.", "The council denied the permit.", "decision"),
    ("Shares rose 2% on Monday.", "Shares fell 2% on Monday.", "change"),
    ("Shares in Norvane climbed 2.4 percent in early trading.",
     "Norvane's shares slipped 2.4% in the opening hour of trading.", "change"),
    ("Shares tumbled after a sharp increase in profit.", "The company reported a drop in profit.", "change"),
    ("Attendance increased compared with last year.", "Attendance dipped compared with last year.", "change"),
    ("Sales increased in the fourth quarter.", "Sales declined in the fourth quarter.", "change"),
    ("The storm strengthened overnight.", "The storm weakened overnight.", "condition"),
    ("The jury found Hale guilty of fraud.", "Hale was acquitted of fraud.", "verdict"),
    ("Osaka won the final in three sets.", "Osaka lost the final in three sets.", "outcome"),
    ("The ban on fireworks was lifted.", "The ban on fireworks is still in force.", "force"),
    ("The city lifted its ban on fireworks.", "The city banned fireworks.", "permission"),
    ("The bridge is open to traffic.", "The bridge is closed to traffic.", "openness"),
    ("The airline agreed to the compensation plan.", "The airline refused the compensation plan.", "agreement"),
    ("The ministry confirmed the meeting.", "The ministry denied the meeting.", "confirmation"),
    ("The pilot survived the crash.", "The pilot died in the crash.", "survival"),
]


def _opposition(a: str, b: str) -> Opposition | None:
    return opposition(a, find_negations(a) + find_directions(a), b, find_negations(b) + find_directions(b))


@pytest.mark.parametrize(("a", "b", "frame"), OPPOSITES)
def test_opposite_words_of_one_frame_conflict(a: str, b: str, frame: str) -> None:
    found = _opposition(a, b)
    assert found is not None and found.frame == frame and not found.negated
    assert found.about  # what both apply to ("profit", "shares")


def test_an_opposition_names_its_frame_words_and_what_they_apply_to() -> None:
    a = "Shares tumbled after a sharp increase in profit."
    found = _opposition(a, "The company reported a drop in profit.")
    assert found is not None
    assert (found.frame, [c.text for c in found.cues], found.about) == ("change", ["increase", "drop"], ("profit",))
    assert a[found.cues[0].start:found.cues[0].end] == "increase"


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("The airline agreed to pay compensation.", "The airline refused to pay compensation.",
         'negated in one source: "pay" vs "refused to pay"'),
        # a negated verb against another verb saying the thing is there, on the same object
        ("The council did not require a boxed warning.",
         "The label will carry a boxed warning about liver damage.",
         'negated in one source: "did not require" vs "carry"'),
        ("No one was injured in the fire.", "Two people were injured in the fire.",
         'negated in one source: "No one was injured" vs "injured"'),
    ],
)
def test_negated_word_against_its_assertion(a: str, b: str, reason: str) -> None:
    found = _opposition(a, b)
    assert found is not None and found.frame == "negation" and found.negated
    assert describe(found) == reason


QUOTE = '"We cannot compete on salary, so we have to compete on something else," the superintendent said.'


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (QUOTE, QUOTE),  # one quote printed word for word by two outlets
        # a negation of another object
        ("We cannot compete on salary, so we have to compete on something else.",
         "The plan would help Pell Valley compete for teachers."),
        ("The council did not require a boxed warning.", "The label will carry a dosing chart."),
        # asked, supposed or a baseline: not asserted
        ("It is unclear whether the ban will be lifted.", "The ban on fireworks is still in force."),
        ("It is unclear whether regulators approved the merger.", "Regulators rejected the merger."),
        ("If approved, the drug will go on sale in May.", "Regulators rejected the drug."),
        ("The retailer lost $62 million, compared with a profit of $18 million a year earlier.",
         "The retailer posted a loss of $62 million."),
        # words of one end, or a negation that fits the other end
        ("Shares in Norvane climbed 2.4 percent.", "Norvane's shares rose 2.4 percent."),
        ("Shares did not rise on Monday.", "Shares fell on Monday."),
        # opposite words about different things, or a side saying both
        ("Sales rose in the quarter.", "Costs fell in the quarter."),
        ("The gusts weakened on Thursday.", "The dollar strengthened on Thursday."),
        ("Sales rose while costs fell.", "Costs fell sharply."),
        ("Shares fell after rising in early trading.", "Shares rose in early trading."),
        # negations placed differently, statements about statements, denials reported
        ("\"I didn't feel we were executing the philosophy,\" he said.",
         "\"I feel we weren't executing the philosophy,\" he said."),
        ("Police could not say why the fire started.", "Police said the fire started in the kitchen."),
        ("No one was injured in the fire.", "Nobody was injured in the fire."),
        ("A man has denied arson.", "A man has been charged with arson."),
    ],
)
def test_look_alikes_are_no_opposition(a: str, b: str) -> None:
    assert _opposition(a, b) is None


def test_identical_texts_never_conflict_whatever_their_cues() -> None:
    text = "Shares did not rise."
    assert opposition(text, find_negations(text), text, find_directions(text)) is None


@pytest.mark.parametrize(
    ("text", "word", "before", "after", "asserted"),
    [
        ("Shares in Norvane climbed 2.4 percent in early trading", "climbed",
         ("norvan", "shares"), ("earli", "trade"), True),
        ("Shares tumbled after a sharp increase in profit.", "increase", ("sharp",), ("profit",), True),
        ("Shares tumbled after a sharp increase in profit.", "tumbled", ("shares",), (), True),
        ("the gusts that had driven the fire for days weakened", "weakened", ("gust", "fire", "driven"), (), True),
        # "control" and "restrict" meet on one token (data/synonyms.py)
        ("The trust denied that its crowd control had failed.", "denied", ("trust",),
         ("crowd", "restrict", "fail"), True),
        ("It is unclear whether the ban will be lifted.", "lifted", ("ban",), (), False),
    ],
)
def test_what_a_word_applies_to(text: str, word: str, before: tuple, after: tuple, asserted: bool) -> None:
    at = text.index(word)
    assert context(text, at, at + len(word)) == Context(before, after, asserted)


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        ("Gary Ross Won't Direct 'Hunger Games' Sequel", "Gary Ross is in negotiations to direct the sequel.", True),
        ("This wasn't P.J. Carlesimo of Oklahoma City.", "The coaches fired include P.J. Carlesimo.", False),
    ],
)
def test_a_negated_capital_is_a_headline_word_or_a_name(a: str, b: str, found: bool) -> None:
    assert (_opposition(a, b) is not None) is found
