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
    ],
)
def test_look_alikes_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


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
