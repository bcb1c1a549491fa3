"""Quantities a fact-checker would compare, and the look-alikes that must not count."""

from __future__ import annotations

import math

import pytest

from reconcile.facts.quantities import compatible, describe, find_quantities
from tests.conftest import SAMPLES


def _described(text: str) -> list[str]:
    return [describe(q) for q in find_quantities(text)]


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # percentages
        ("accounts for 15% of revenue", ["15 %"]),
        ("rose 15 per cent", ["15 %"]),
        ("rose 15 percent", ["15 %"]),
        ("rose 14.8 pct", ["14.8 %"]),
        ("about 15% of its revenues", ["about 15 %"]),
        ("rose by 2% and 5% on Monday", ["2 %", "5 %"]),
        ("up 2 percentage points", ["2 pp"]),
        # money
        ("invest 4.3 billion yuan", ["CNY 4.3 billion"]),
        ("US$587.6 million", ["USD 587.6 million"]),
        ("a $5bn deal", ["USD 5 billion"]),
        ("a €3m grant", ["EUR 3 million"]),
        ("£2.5 million", ["GBP 2.5 million"]),
        ("RMB 10 billion", ["CNY 10 billion"]),
        ("10 billion renminbi", ["CNY 10 billion"]),
        ("Rs 500 crore", ["INR 5 billion"]),
        ("HK$3 billion", ["HKD 3 billion"]),
        ("A$40 million", ["AUD 40 million"]),
        ("2 million pounds", ["GBP 2 million"]),
        ("5 billion won", ["KRW 5 billion"]),
        ("¥100 billion", ["JPY 100 billion"]),
        ("¥100 billion, or 14 billion yuan", ["CNY 100 billion", "CNY 14 billion"]),
        # counts and scales
        ("4.3 billion", ["4.3 billion"]),
        ("2 million people", ["2 million"]),
        ("200 workers", ["200"]),
        ("over 200 employees", ["more than 200"]),
        ("1,000 people", ["1000"]),
        ("a million people", ["1 million"]),
        # numbers in words
        ("three people", ["3"]),
        ("twenty-five people", ["25"]),
        ("a dozen people", ["12"]),
        ("two hundred people", ["200"]),
        ("two hundred and fifty people", ["250"]),
        ("Three people died.", ["3"]),
        # physical units in base units
        ("5 miles (8 km)", ["8046.7 m", "8000 m"]),
        ("30 kg and 2 tonnes", ["30 kg", "2000 kg"]),
        ("200 pounds", ["90.718 kg"]),
        ("25°C or 77 °F", ["25 C", "25 C"]),
        ("-5°C at night", ["-5 C"]),
        ("3 hours", ["10800 s"]),
        ("7nm chips", ["0.000000007 m"]),
        ("50 km/h", ["13.889 m/s"]),
        ("a 20-year-old man", ["20 year"]),
        ("off 30 cents a share", ["USD 0.3 per share"]),
        ("above 120 Fahrenheit", ["more than 48.889 C"]),
        # qualifiers and bounds
        ("nearly 15%", ["nearly 15 %"]),
        ("almost 15%", ["nearly 15 %"]),
        ("more than 200", ["more than 200"]),
        ("in excess of $5 million", ["more than USD 5 million"]),
        ("at least 5 people", ["at least 5"]),
        ("fewer than 10 people", ["less than 10"]),
        ("up to 20 people", ["at most 20"]),
        ("just over 3%", ["just over 3 %"]),
        ("an estimated 300 people", ["about 300"]),
        ("some 200 workers", ["about 200"]),
        # ranges
        ("between 10 and 20 people", ["10 to 20"]),
        ("10-20%", ["10 to 20 %"]),
        ("$5-6 billion", ["USD 5 billion to 6 billion"]),
        ("5 to 6 million people", ["5 million to 6 million"]),
        ("rose from 2% to 5%", ["2 %", "5 %"]),
        # the consistent reading of counts in comparisons
        ("the world's two largest economies", ["2"]),
        ("the world's top two economies", ["2"]),
    ],
)
def test_finds(text: str, expected: list[str]) -> None:
    assert _described(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "in 2023",
        "in 1998, growth slowed",
        "the 2023 summit",
        "from 2022-2023",
        "on Nov. 1",
        "November 1",
        "on 1 November",
        "November 1, 2023",
        "2023-11-01",
        "at 3 p.m.",
        "at 10:30",
        "the first meeting",
        "the 21st century",
        "the 1990s",
        "one of the most significant chipmakers",
        "no one came",
        "one day, they met",
        "the G7 group",
        "the Group of Seven",
        "COVID-19 rules",
        "the F-35 jet",
        "Article 5 applies",
        "a Boeing 737",
        "5G networks",
        "version 3.5.1",
        "the 9/11 attacks",
        "two days ago",
        "a one-time charge",
        "one-on-one talks",
        # years are dates, times of day are facts/dates.py's, numbers that name something count nothing
        "a 2022 phishing attack",
        "the 2007-08 season",
        "at 3 a.m.",
        "Crews walked out at 00:01",
        "call 555-123-4567 now",
        "call (555) 123-4567 now",
        "call 1-800-555-0199",
        "Crimestoppers on 0800 555 111",
        "police on 0845 125 2222",
        "ring +44 20 7946 0958",
        "she lives at 42 Main Street",
        "the White House at 1600 Pennsylvania Ave.",
        "ZIP code 90210",
        "Springfield, IL 62704",
        "the first half of 2025",
        "cut in half",
        "an hour later",
        "once a year",
    ],
)
def test_look_alikes_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_a_rate_keeps_its_amount() -> None:
    assert [(q.text, q.per) for q in find_quantities("costs $85 a year")] == [("$85", "year")]


def test_five_won_is_a_count_not_money() -> None:
    assert _described("5 won the vote") == ["5"]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("15%", 14.5, 15.5),
        ("14.8%", 14.75, 14.85),
        ("4.3 billion", 4.25e9, 4.35e9),
        ("200 workers", 150, 250),
        ("150 workers", 145, 155),
        ("20 workers", 19.5, 20.5),
        ("1,000 workers", 500, 1500),
        ("about 15%", 14.1, 15.9),
        ("nearly 15%", 14.1, 15),
        ("more than 200", 200, math.inf),
        ("at least 200", 200, math.inf),
        ("less than 200", 0, 200),
        ("up to 200", 0, 200),
        ("less than -5°C", -math.inf, -5),
        ("between 10 and 20", 10, 20),
        ("10-20%", 10, 20),
    ],
)
def test_interval(text: str, low: float, high: float) -> None:
    q = _one(text)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("4.3 billion yuan", 4.3e9, "currency:CNY", ""),
        ("US$587.6 million", 587.6e6, "currency:USD", ""),
        ("about 15%", 15, "percent", "about"),
        ("over 200 employees", 200, "count", "more than"),
        ("8 km", 8000, "length:m", ""),
        ("77 °F", 25, "temperature:C", ""),
    ],
)
def test_value_unit_qualifier(text: str, value: float, unit: str, qualifier: str) -> None:
    q = _one(text)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # look-alikes that are no contradiction
        ("14.8%", "nearly 15%", True),
        ("14.8%", "about 15%", True),
        ("more than 200", "over 200", True),
        ("three", "3", True),
        ("5 miles", "8 km", True),
        ("$1.2 billion", "$1,200 million", True),
        ("4.3bn", "4.3 billion", True),
        ("US$587.6 million", "$587.6 million", True),
        ("200 workers", "about 210 workers", True),
        ("more than 200", "200", True),
        ("between 10 and 20", "15", True),
        ("77 °F", "25°C", True),
        # contradictions
        ("15%", "20%", False),
        ("2%", "5%", False),
        ("more than 200", "150", False),
        ("less than 10%", "12%", False),
        ("nearly 15%", "15.5%", False),
        ("4.3 billion yuan", "4.3 billion dollars", False),
        ("15%", "15 percentage points", False),
        ("5 miles", "5 km", False),
        ("at most 200", "more than 200", False),
        # rounding, spelled numbers and bounds (issue #14)
        ("roughly 212,000", "212,400", True),
        ("about 15%", "14.8%", True),
        ("1.5 million", "1,500,000", True),
        ("a dozen", "12", True),
        ("four dozen", "48", True),
        ("nineteen", "19", True),
        ("half a million", "500,000", True),
        ("more than 40", "41", True),
        ("nearly 50", "48", True),
        ("at least 12", "14", True),
        ("up to 30", "25", True),
        ("More than 9,400", "9,412", True),
        ("£2.3m", "2.3 million pounds", True),
        ("$US1 million", "US$1 million", True),
        # conversions between units and between ways of writing a time
        ("5 miles", "8 kilometres", True),
        ("72 hours", "three days", True),
        ("for a week", "seven days", True),
        ("more than a decade", "11 years", True),
        ("2 hours and 48 minutes", "almost three hours", True),
        ("five minutes and 40 seconds", "less than six minutes", True),
        ("two-thirds of an hour", "40 minutes", True),
        ("about three metres", "roughly 10 feet", True),
        ("18,400 acres", "nearly 29 square miles", True),
        ("about 30 km", "roughly 19 miles", True),
        ("The 620-kilogram satellite", "The 1,370-pound satellite", True),
        ("$11,450 a month", "$137,400 a year", True),
        # fractions in words: as rounded as a percentage to 5 points
        ("a fifth of the staff", "22 percent of the staff", True),
        ("roughly one in five patients", "21% of patients", True),
        ("three in five parents", "61% of parents", True),
        ("a quarter of the staff", "a fifth of the staff", False),
        ("half of the staff", "40% of the staff", False),
        # tallies and ranks: their own kinds
        ("voted 7-2", "the vote was seven to two", True),
        ("won 6-4", "lost 4-6", True),
        ("voted 7-2", "voted 5-4", False),
        ("the No. 23 seed", "the 23rd seed", True),
        ("her career-high 23rd title", "No. 23", True),
        ("second seed", "the No. 2 seed", True),
        ("the No. 2 seed", "2 seeds", False),
        ("aged 71", "71 people", False),
        # real conflicts stay conflicts
        ("212,400 patients", "more than 320,000 patients", False),
        ("18 police officers", "a dozen new patrol officers", False),
        ("$4.5 million", "$3.2 million", False),
        ("2.1 billion euros", "2.4 billion euros", False),
        ("more than 40", "38", False),
        ("about 10 kilometres", "some 22 miles", False),
        ("94 seconds", "roughly half a minute", False),
        ("$11,450 a month", "$11,450 a year", False),
        # one round figure hedged from either side: "nearly" may reach its number
        ("nearly 100 billion dollars", "over a hundred billion dollars", True),
        ("fewer than 10", "more than 10", False),
    ],
)
def test_compatible(a: str, b: str, expected: bool) -> None:
    qa, qb = _one(a), _one(b)
    assert compatible(qa, qb) is expected
    assert compatible(qb, qa) is expected


def test_offsets_are_document_offsets() -> None:
    text = "Shares rose by 2% and 5% on Monday."
    found = find_quantities(text, offset=100)  # the text starts at 100 in its document
    assert [(q.start, q.end, q.text) for q in found] == [(115, 117, "2%"), (122, 124, "5%")]


def test_count_span_leaves_the_noun_out() -> None:
    assert [q.text for q in find_quantities("over 200 employees and 200 workers")] == ["over 200", "200"]


def test_tolerance_is_a_parameter() -> None:
    (q,) = find_quantities("about 100 people", tolerance=0.1)
    assert (q.low, q.high) == (pytest.approx(50), pytest.approx(150))  # rounding of 100 is wider
    (q,) = find_quantities("about 15%", tolerance=0.1)
    assert (q.low, q.high) == (pytest.approx(13.5), pytest.approx(16.5))


def _sample_quantities(name: str) -> list[str]:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return [f"{q.text}={describe(q)}" for q in find_quantities(text)]


def test_sample_thaw() -> None:
    assert _sample_quantities("1-thaw.txt") == [
        "two=2",  # the world's top two economies
        "about 15%=about 15 %",
        "4.3 billion yuan=CNY 4.3 billion",
        "US$587.6 million=USD 587.6 million",
        "2%=2 %",
        "5%=5 %",
        "two=2",  # the world's two largest economies
        "two=2",  # the two sides
    ]


def test_sample_tensions_easing() -> None:
    # the world’s two largest economies; the two global economic giants (not the Group of Seven)
    assert _sample_quantities("2-tensions-easing.txt") == ["two=2", "two=2"]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # the head noun, adjectives and compound modifiers skipped, as a lemma
        ("hackers stole data on 212,400 patients", ["patient"]),
        # an age in apposition is that person's: two people's ages are two slots
        ("Yvonne Hiller, 43, shot LaTonya Brown, 36, and Tanya Wilson, 47.", ["hiller", "brown", "wilson"]),
        # an ordinal before a capitalised word names a street or a unit, counting nothing
        ("walking near 27th Street toward the 67th Precinct, the fifth march", ["march"]),
        ("exposed the records of more than 320,000 patients", ["patient"]),
        ("The spending plan adds 18 police officers", ["officer"]),
        ("The budget pays for a dozen new patrol officers", ["officer"]),
        ("four new patrol officers", ["officer"]),
        ("killing at least 12 people", ["person"]),
        ("three masked gunmen", ["gunman"]),
        ("12 injured people", ["person"]),
        ("12 Somalis and 11 Yemenis", ["somali", "yemeni"]),
        ("after three-plus seasons", ["season"]),
        ("the 5% of the film's backend profits", ["profit"]),
        ("it will close 48 of its 612 stores", ["store", "store"]),
        ("61% of the 1,840 parents", ["parent", "parent"]),
        ("a fifth of the staff", ["staff"]),
        ("the second seed Noor Vandersloot", ["seed"]),
        ("a 2% cut in pay", ["cut"]),
        # a number glued to a noun counts it; glued to a unit it describes the noun after
        ("a 7.1-magnitude quake", ["magnitude"]),
        ("the 1,212-patient CASCADE-2 study", ["patient"]),
        ("a four-day week", ["week"]),
        ("a three-day weekend", ["weekend"]),
        ("a 71-year-old woman", ["woman"]),
        ("The 620-kilogram satellite", ["satellite"]),
        ("16-year-old Kimani Gray", [""]),
        # no noun after it: the one its predicate names
        ("a quake of magnitude 7.1 struck the coast", ["magnitude"]),
        ("the toll rose to 45", ["toll"]),
        ("The death toll passed 200 on Monday", ["toll"]),
        ("put the number of homes lost at 58", ["home"]),
        ("the number of people treated in hospital stands at 31", ["person"]),
        ("at a depth of about 10 kilometres", ["depth"]),
        ("a net loss of $62 million", ["loss"]),
        ("The vote was five to two", ["vote"]),
        ("Marchetti took the deciding tiebreaker 7-5", ["tiebreaker"]),
        # none named: money paid, a verb after the number, a number word that is a pronoun's
        ("paid $142,000 in ransom", [""]),
        ("plans to invest 4.3 billion yuan (US$587.6 million)", ["", ""]),
        ("a significant number since Games has already accumulated $459 million", [""]),
        ("One crewman was found after six days adrift", ["crewman", ""]),
        ("12 injured in the blast", [""]),
    ],
)
def test_counted(text: str, counted: list[str]) -> None:
    assert [q.counted for q in find_quantities(text)] == counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ages
        ("Ruth Okonkwo, 71, said", ["71 year"]),
        ("Trooper William Hakim, both 51, died", ["51 year"]),
        ("died at age 85", ["85 year"]),
        ("aged 71", ["71 year"]),
        ("between 30 and 40 years old", ["30 to 40 year"]),
        # ranks
        ("the No. 23 seed", ["rank 23"]),
        ("her career-high 23rd title", ["rank 23"]),
        ("the second seed", ["rank 2"]),
        ("on the rocket's eighth flight", ["rank 8"]),
        ("its twenty-third season", ["rank 23"]),
        ("second-quarter results", []),  # a quarter of the year: a date (facts/dates.py), no rank
        ("a third time", ["rank 3"]),
        # tallies
        ("won 6-4, 3-6, 7-5", ["tally 6-4", "tally 3-6", "tally 7-5"]),
        ("Vandersloot 6-4, 3-6, 7-6 (5)", ["tally 6-4", "tally 3-6", "tally 7-6"]),
        ("the board voted 7-2", ["tally 7-2"]),
        ("The 5-2 vote", ["tally 5-2"]),
        ("The vote was five to two", ["tally 5-2"]),
        ("a 4-5 vote", ["tally 4-5"]),
        # fractions and parts of units
        ("a fifth of the staff", ["20 %"]),
        ("two-thirds of the votes", ["66.6667 %"]),
        ("more than half of the homes", ["more than 50 %"]),
        ("roughly one in five patients", ["about 20 %"]),
        ("three out of four doctors", ["75 %"]),
        ("half a million people", ["500000"]),
        ("two-thirds of an hour", ["2400 s"]),
        ("half an hour", ["1800 s"]),
        # lengths of time
        ("for a week", ["604800 s"]),
        ("within an hour", ["3600 s"]),
        ("more than a decade", ["more than 315580000 s"]),
        ("which lasted 2 hours and 48 minutes", ["10080 s"]),
        ("five minutes and 40 seconds", ["340 s"]),
        # rates and money in two currencies
        ("list price is $11,450 a month", ["USD 11450 per month"]),
        ("a net loss of $62 million, or 71 cents a share", ["USD 62 million", "USD 0.71 per share"]),
        ("a profit of $18 million a year earlier", ["USD 18 million"]),
        ("$US1 million ($1.52 million)", ["USD 1 million", "$ 1.52 million"]),
        ("about 48 of its 612 stores", ["about 48", "612"]),
    ],
)
def test_kinds(text: str, expected: list[str]) -> None:
    assert _described(text) == expected


def test_fraction_interval() -> None:
    """A fraction in words admits 2.5 points either way, never more than an eighth of itself."""
    assert (_one("a fifth of them").low, _one("a fifth of them").high) == (17.5, 22.5)
    assert (_one("one in 100 people").low, _one("one in 100 people").high) == (0.875, 1.125)


def test_tally_parts_are_as_written() -> None:
    assert _one("lost 4-6").parts == (4.0, 6.0)
    assert _one("lost 4-6").unit == "tally"
