"""Names found in news sentences, and which mentions count as one entity."""

from __future__ import annotations

import pytest

from reconcile.facts.claims import analyse
from reconcile.facts.entities import (
    canonical,
    conflicting,
    demonym_of,
    find_entities,
    nationalities,
    same_entity,
    same_role,
    supports,
    title_case,
)
from reconcile.model import Entity, EntityKind
from reconcile.read.files import read_text
from reconcile.settings import Settings

P, O, L, N = EntityKind.PERSON, EntityKind.ORG, EntityKind.PLACE, EntityKind.NAME

THAW = (
    "In a meeting on Nov. 1, Commerce Minister Wang Wentao told Sanjay Mehrotra, President and "
    "CEO of Micron Technology, that China will optimize the environment for foreign investment "
    "and provide service guarantees for such enterprises."
)
EASING = (
    "In a recent diplomatic development that indicates China’s intention to settle its "
    "differences with the US, China’s Commerce Minister, Wang Wentao, held a meeting with "
    "Sanjay Mehrotra, President and CEO of Micron Technology Inc., conveying Beijing’s open arms "
    "for the US semiconductor company to broaden its presence in the Chinese market."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (THAW, [("Wang Wentao", P, "wang wentao"), ("Sanjay Mehrotra", P, "sanjay mehrotra"),
                ("Micron Technology", O, "micron"), ("China", L, "china")]),
        (EASING, [("China", L, "china"), ("US", L, "united states"), ("China", L, "china"),
                  ("Wang Wentao", P, "wang wentao"), ("Sanjay Mehrotra", P, "sanjay mehrotra"),
                  ("Micron Technology Inc.", O, "micron"), ("Beijing", L, "beijing"),
                  ("US", L, "united states")]),
        ("China’s commerce minister told Micron Technology Inc.’s president Beijing would welcome "
         "the U.S. semiconductor company.",
         [("China", L, "china"), ("Micron Technology Inc.", O, "micron"), ("Beijing", L, "beijing"),
          ("U.S.", L, "united states")]),
        ("The pivotal meeting took place on November 1, where Minister Wang Wentao assured Micron "
         "Technology of China’s commitment.",
         [("Wang Wentao", P, "wang wentao"), ("Micron Technology", O, "micron"), ("China", L, "china")]),
        ("In his remarks during the meeting, Minister Wang stated, “We welcome Micron.”",
         [("Wang", P, "wang"), ("Micron", N, "micron")]),
        ("Officials are organizing a meeting between U.S. President Joe Biden and his Chinese "
         "counterpart Xi Jinping later this month.",
         [("U.S.", L, "united states"), ("Joe Biden", P, "joe biden"), ("Xi Jinping", P, "xi jinping")]),
        ("It coincided with a declaration by the Group of Seven (G7) major industrialized nations.",
         [("Group of Seven", O, "g7"), ("G7", O, "g7")]),
        ("The Ministry of Commerce overshadowed the fact that the Cyberspace Administration of China "
         "had banned the use of Micron’s memory chips.",
         [("Ministry of Commerce", O, "mofcom"), ("Cyberspace Administration of China", O, "cac"),
          ("Micron", N, "micron")]),
        ("In June, the Idaho-based firm announced a plan to invest 4.3 billion yuan (US$587.6 "
         "million) in its Xi’an plant.",
         [("Idaho", L, "idaho"), ("Xi’an", L, "xi'an")]),
        ("However, it is still being determined if the detente will last beyond the Biden-Xi meeting.",
         [("Biden", N, "biden"), ("Xi", N, "xi")]),
        ("US-China tensions easing? Chinese commerce minister welcomes Micron",
         [("US", L, "united states"), ("China", L, "china"), ("Micron", N, "micron")]),
        ("The latest penalties come amid a growing Sino-US trade war.", [("US", L, "united states")]),
        ("Shares in local chipmaking-related firms rose by 2% and 5% on Monday.", []),
        ("Officials from both nations have been working towards a meeting.", []),
        ("Additionally, Washington had been urging its allies.", [("Washington", L, "washington")]),
        ("Consequently, Chinese operators of vital infrastructure were prohibited.", []),
        ("Secretary of State Antony Blinken said the talks went well.",
         [("Antony Blinken", P, "antony blinken")]),
        ("Foreign ministry spokesperson Wang Wenbin said so.", [("Wang Wenbin", P, "wang wenbin")]),
        ("Mr. Mehrotra told reporters.", [("Mehrotra", P, "mehrotra")]),
        ("Ravi Kumar said the plant would open.", [("Ravi Kumar", P, "ravi kumar")]),
        ("The deal was backed by Johnson & Johnson and the Bank of China.",
         [("Johnson & Johnson", N, "johnson & johnson"), ("Bank of China", O, "bank of china")]),
        ("The White House said the United States would respond.",
         [("White House", L, "white house"), ("United States", L, "united states")]),
        ("Lucent is accused of bribery in Saudi Arabia.", [("Lucent", N, "lucent"),
                                                           ("Saudi Arabia", L, "saudi arabia")]),
        ("South Korean officials met Chinese Premier Li Qiang.", [("Li Qiang", P, "li qiang")]),
        ("“It is a marathon,” said Jimmy D. Staton, a senior vice president with the utility.",
         [("Jimmy D. Staton", P, "jimmy d staton")]),
        ("Without the fleet, NASA has relied on Russia.", [("NASA", O, "nasa"), ("Russia", L, "russia")]),
        ("Money from Iraqi oil sales will go into that fund.", []),
        ("Bird flu was not deemed a threat to humans.", []),  # a common noun before another opens it
        ("Avian influenza usually spreads through poultry.", []),
        ("“We're making these commitments,” said Michael Mudd.", [("Michael Mudd", P, "michael mudd")]),
        ("Fifty-seven senators have signed the letter.", []),
        ("Crown Prince Mohammed bin Salman met Charles de Gaulle in Washington, D.C.",
         [("Mohammed bin Salman", P, "mohammed bin salman"), ("Charles de Gaulle", P, "charles de gaulle"),
          ("Washington", L, "washington"), ("D.C.", L, "washington dc")]),
    ],
)
def test_find_entities(text: str, expected: list[tuple[str, EntityKind, str]]) -> None:
    assert [(e.text, e.kind, e.key) for e in find_entities(text)] == expected


def test_spans_are_document_offsets() -> None:
    offset = 1000
    doc = " " * offset + EASING
    found = find_entities(EASING, offset)
    assert found and all(doc[e.start:e.end] == e.text for e in found)


def _e(text: str, kind: EntityKind) -> Entity:
    return Entity(0, len(text), text, kind, canonical(text))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("U.S.", "united states"),
        ("US", "united states"),
        ("the United States", "united states"),
        ("Micron Technology Inc.", "micron"),
        ("Micron’s", "micron"),
        ("Commerce Minister Wang Wentao", "wang wentao"),
        ("Minister Wang", "wang"),
        ("Group of Seven", "g7"),
        ("China Electronics", "china electronics"),
        ("General Motors", "general motors"),
        ("Attorney General Merrick Garland", "merrick garland"),
    ],
)
def test_canonical(name: str, key: str) -> None:
    assert canonical(name) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (_e("Wang Wentao", P), _e("Minister Wang", P)),
        (_e("Wang Wentao", P), _e("Wang", N)),
        (_e("Commerce Minister Wang Wentao", P), _e("Wang Wentao", P)),
        (_e("Micron Technology Inc.", O), _e("Micron Technology", O)),
        (_e("Micron Technology Inc.", O), _e("Micron", N)),
        (_e("Micron’s", N), _e("Micron Technology", O)),
        (_e("U.S.", L), _e("US", L)),
        (_e("US", L), _e("United States", L)),
        (_e("U.S.", L), _e("the United States", L)),
        (_e("Group of Seven", O), _e("G7", O)),
        (_e("Xi Jinping", P), _e("Xi", N)),
        (_e("Joe Biden", P), _e("Biden", N)),
        (_e("Beijing", L), _e("China", L)),
        (_e("Washington", L), _e("United States", L)),
        (_e("Brussels", L), _e("European Union", O)),
        (_e("Kyiv", L), _e("Ukraine", L)),
        (_e("the Kremlin", L), _e("Russia", L)),
    ],
)
def test_same_entity(a: Entity, b: Entity) -> None:
    assert same_entity(a, b) and same_entity(b, a)
    assert not conflicting(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (_e("Wang Wentao", P), _e("Li Qiang", P)),
        (_e("Wang Wentao", P), _e("Wang Yi", P)),
        (_e("Micron", N), _e("Samsung", N)),
        (_e("Micron Technology", O), _e("Samsung", N)),
        (_e("China", L), _e("Japan", L)),
        (_e("Idaho", L), _e("Texas", L)),
        (_e("Beijing", L), _e("Tokyo", L)),
        (_e("Shanghai", L), _e("Beijing", L)),
    ],
)
def test_conflicting(a: Entity, b: Entity) -> None:
    assert not same_entity(a, b)
    assert conflicting(a, b) and conflicting(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (_e("Idaho", L), _e("United States", L)),  # one inside the other
        (_e("Xi’an", L), _e("China", L)),
        (_e("Wang Wentao", P), _e("Micron Technology", O)),  # different kinds: different roles
        (_e("China", L), _e("Bank of China", O)),
    ],
)
def test_not_conflicting(a: Entity, b: Entity) -> None:
    assert not conflicting(a, b)


def test_metonymy_can_be_turned_off() -> None:
    assert not same_entity(_e("Beijing", L), _e("China", L), metonymy=False)


@pytest.mark.parametrize(
    ("word", "place"),
    [("Chinese", "china"), ("American", "united states"), ("Americans", "united states"),
     ("Sino", "china"), ("Beijing", None), ("Micron", None)],
)
def test_demonym_of(word: str, place: str | None) -> None:
    assert demonym_of(word) == place


def test_demonyms_are_not_entities() -> None:
    assert find_entities("Chinese operators and American firms met British officials.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Activists poured paint outside the Mexican embassy.", [("Mexican", "mexico")]),
        ("South Korean firms and Israeli carriers", [("South Korean", "south korea"), ("Israeli", "israel")]),
        ("Americans said the British were late.", [("Americans", "united states"), ("British", "united kingdom")]),
        ("Micron and Mexico City", []),
    ],
)
def test_nationalities(text: str, expected: list[tuple[str, str]]) -> None:
    found = nationalities(text, 10)
    assert [(e.text, e.key) for e in found] == expected
    assert all(text[e.start - 10 : e.end - 10] == e.text and e.kind is EntityKind.PLACE for e in found)


@pytest.mark.parametrize(
    ("given", "claimed", "expected"),
    [
        (_e("Wang Wentao", P), _e("Wang", N), True),
        (_e("Beijing", L), _e("China", L), True),  # a capital for its government
        (_e("Sydney", L), _e("Australia", L), True),  # a narrower place backs a wider one
        (_e("Australia", L), _e("Sydney", L), False),
        (_e("Sydney", L), _e("Melbourne", L), False),
        (_e("Micron", N), _e("Micron Technology Inc.", O), True),  # suffixes are no part of a key
        (_e("EU", O), _e("EU Council", O), False),  # a short name does not back a longer one
    ],
)
def test_supports(given: Entity, claimed: Entity, expected: bool) -> None:
    assert supports(given, claimed) is expected


# -- variants of one name (issue #14) -------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (_e("José Núñez", P), _e("Jose Nunez", P)),  # an accent dropped
        (_e("Sarah J. Palin", P), _e("Sarah Palin", P)),  # a middle initial added
        (_e("Raj K. Chohan", P), _e("Raj Chohan", P)),
        (_e("Benjamin David Banky", P), _e("Benjamin Banky", P)),  # a middle name
        (_e("Palin", N), _e("Sarah Palin", P)),  # the surname alone after the full name
        (_e("Boone Isaacs", N), _e("Cheryl Boone Isaacs", P)),  # a surname of two words
        (_e("La Croix", N), _e("Shayne La Croix", P)),
        (_e("Bill Hakim", P), _e("William Hakim", P)),  # a given name's short form
        (_e("Gov. Sarah Palin", P), _e("Sarah Palin", P)),  # a title
        (_e("Lohan’s", N), _e("Lindsay Lohan", P)),  # a possessive
        (_e("Gordon Advisers", N), _e("Gordon Advisors", N)),  # a spelling
        (_e("Internationally Recognised Transit Corridor", N), _e("Internationally Recognized Transit Corridor", N)),
        (_e("Micron Inc.", O), _e("Micron", N)),  # a company suffix
        (_e("Ford Motor Company", O), _e("Ford Motor Co.", O)),
        (_e("The Associated Press", N), _e("Associated Press", N)),  # "the"
        (_e("Promises Treatment Center", O), _e("Malibu Promises Treatment Center", O)),  # a word more
        (_e("Betty Ford Center", O), _e("Betty Ford Treatment Center", O)),
    ],
)
def test_variants_are_one_entity(a: Entity, b: Entity) -> None:
    assert same_entity(a, b) and same_entity(b, a)
    assert not conflicting(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (_e("Sarah Palin", P), _e("Sarah Smith", P)),
        (_e("Jim O'Brien", P), _e("Maurice Cheeks", P)),
        (_e("Mount Sinai Hospital", O), _e("Jamaica Hospital", O)),
        (_e("Bank of China", O), _e("Bank of America", O)),
    ],
)
def test_different_names_are_not_variants(a: Entity, b: Entity) -> None:
    assert not same_entity(a, b) and not same_entity(b, a)


def test_a_title_glued_to_a_name_is_cut_off() -> None:
    found = find_entities("The church Alaska Gov.Sarah Palin attends was badly damaged.")
    assert [(e.text, e.kind, e.key) for e in found] == [("Alaska", L, "alaska"), ("Sarah Palin", P, "sarah palin")]


# -- headlines: capitalised words are names only where the body says so -------------


@pytest.mark.parametrize(
    ("text", "body", "expected"),
    [
        ("Lindsay Lohan Checks Out Of Rehab...", {("lindsay lohan", P)}, [("Lindsay Lohan", P)]),
        ("Lindsay Lohan Checks Out Of Rehab...", set(), []),
        ("Lindsay Lohan Checks Out Of Rehab...", {("lindsay", N)}, [("Lindsay", N)]),  # never longer than the body's
        ("Lohan Checks into Betty Ford, Rehires Attorney", {("lindsay lohan", P), ("betty ford center", O)},
         [("Lohan", P), ("Betty Ford", O)]),
        ("Orbital Business Weekly | Launch", {("orbital business weekly", N)}, []),  # a masthead
        ("China Lifts Ban On Micron Chips", set(), [("China", L)]),  # the word lists know China
        ("China Lifts Ban On Micron Chips", {("micron", N)}, [("China", L), ("Micron", N)]),
        ("Cops: Queens Woman Killed In Hit-And-Run", {("queens", L)}, [("Queens", L)]),
    ],
)
def test_headline_words_are_names_only_where_the_body_names_them(
    text: str, body: set[tuple[str, EntityKind]], expected: list[tuple[str, EntityKind]]
) -> None:
    assert [(e.text, e.kind) for e in find_entities(text, heading=frozenset(body))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lindsay Lohan Checks Out Of Rehab...", True),
        ("Co-Worker Calls Alleged Shooter: Very Spiritual", True),
        ("GARY ROSS REMAINS IN NEGOTIATIONS TO DIRECT SEQUEL", True),
        ("Wang Wentao met Sanjay Mehrotra on Nov. 1.", False),  # a sentence of names
        ("Lindsay Lohan checks into Betty Ford Center", False),  # sentence case: Sentence.heading tells
    ],
)
def test_title_case(text: str, expected: bool) -> None:
    assert title_case(text) is expected


def test_an_article_reads_its_headline_with_the_names_of_its_body() -> None:
    # punctuated, the title line is a claim (an unpunctuated one at the top is set aside as a headline)
    text = "Lindsay Lohan Checks Out Of Rehab...\n\nLindsay Lohan has left the Betty Ford Center, her lawyer said.\n"
    settings = Settings()
    claims = analyse(read_text(text, "a.txt", settings), 0, settings).claims
    names = [[e.text for e in c.facts.entities] for c in claims]
    assert names == [["Lindsay Lohan"], ["Lindsay Lohan", "Betty Ford Center"]]


# -- roles: the part a name plays, for telling two names apart -----------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("They put the cybersecurity firm Blackthorn Forensics in charge.", "Blackthorn Forensics",
         ("company", "cybersecur")),  # a descriptor ("firm" and "company" are one token)
        ("They brought in Quillmark Cyber, an incident-response company, to lead it.", "Quillmark Cyber",
         ("company", "incid", "respons")),  # an apposition
        ("Chief Financial Officer Rajan Holloway told analysts.", "Rajan Holloway",
         ("chief", "financi", "offic", "say/s")),  # a title, and the verb it does
        ("The talks were chaired by Ruth Okoye-Lane.", "Ruth Okoye-Lane", ("chair/s",)),  # "by": the agent
        ("Piers Talbot, the independent mediator who chaired the talks, said so.", "Piers Talbot",
         ("chair/s", "independ", "mediat")),
        ("The study was led by Dr. Tobias Lindgren-Faye.", "Tobias Lindgren-Faye", ("lead/s",)),
        ("Hiller was arrested on Friday.", "Hiller", ("arrest/o",)),  # a verb it undergoes
        ("Police arrested Sharron Smith at home.", "Sharron Smith", ("arrest/o",)),
        ("Summit Entertainment's vampire film opened.", "Summit Entertainment", ("film/of", "vampir/of")),
        ("In Tokyo on Monday, officials met.", "Tokyo", ()),
        ("Officials met Wang Wentao,", "Wang Wentao", ("meet/o",)),  # a comma and nothing after it
        ("The trial's lead investigator, Dr. Harriet Osei-Mensah, spoke.", "Harriet Osei-Mensah",
         ("investig", "lead", "speak/s")),  # a part named before a comma
        ("In a statement, Smith said the talks failed.", "Smith", ("say/s",)),  # no part before this comma
        ("The company's spokesman, John Smith, said so.", "John Smith", ("say/s", "spokesman")),
    ],
)
def test_role_words(text: str, name: str, role: tuple[str, ...]) -> None:
    (entity,) = [e for e in find_entities(text) if e.text == name]
    assert entity.role == role


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Chief Financial Officer Rajan Holloway told analysts.", "Finance chief Imogen Tate told analysts.", True),
        ("The talks were chaired by Ruth Okoye-Lane.", "Piers Talbot, the mediator who chaired the talks, spoke.",
         True),
        ("Police Chief Jim Williams announced the charges.", "Police arrested Sharron Smith on Friday.", False),
        ("Jim O'Brien was fired on Monday.", "The 76ers hired Maurice Cheeks on Monday.", False),
        # the verb one does and the part the other is named by
        ("The trial was led by Dr. Tobias Lindgren-Faye.",
         "The trial's lead investigator, Dr. Harriet Osei-Mensah, spoke.", True),
        ("Smith was arrested on Friday.", "Its lawyer Jane Doe, 45, lives in Queens.", None),  # nothing to compare
        ("Jon Owen said the call came at 3:33 a.m.", "Residents of Palmer, Alaska, woke up.", None),  # no role told
    ],
)
def test_same_role(a: str, b: str, same: bool | None) -> None:
    x = next(e for e in find_entities(a) if e.kind is not L)
    y = next(e for e in find_entities(b) if e.kind is not L or same is None)
    assert same_role(x, y) is same
    assert conflicting(x, y) is (same is not False)
