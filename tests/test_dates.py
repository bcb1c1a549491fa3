"""Dates as a fact-checker reads them, resolved against the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile.facts import tense
from reconcile.facts.dates import compatible, describe, find_dates, normalise, supports, weekday_fits
from reconcile.model import DateValue, Granularity
from tests.conftest import SAMPLES

REF = date(2023, 11, 3)  # a Friday, two days after the Micron meeting


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Nov. 1", "2023-11-01 (Wed)"),
        ("on November 1", "2023-11-01 (Wed)"),
        ("1 November 2023", "2023-11-01 (Wed)"),
        ("November 1, 2023", "2023-11-01 (Wed)"),
        ("2023-11-01", "2023-11-01 (Wed)"),
        ("the 1st of November", "2023-11-01 (Wed)"),
        ("Nov. 5", "2022-11-05 (Sat)"),  # not in the future of the reference
        ("on Wednesday", "2023-11-01 (Wed)"),
        ("on Monday", "2023-10-30 (Mon)"),
        ("on Friday", "2023-11-03 (Fri)"),  # the reference's own weekday is that day
        ("last Friday", "2023-10-27 (Fri)"),
        ("next Friday", "2023-11-10 (Fri)"),
        ("In June", "2023-06"),
        ("in December", "2022-12"),
        ("mid-November", "2023-11"),
        ("November 2023", "2023-11"),
        ("in 2023", "2023"),
        ("later this month", "later this month (2023-11-04..2023-11-30)"),
        ("earlier this month", "earlier this month (2023-11-01..2023-11-03)"),
        ("this month", "this month (2023-11-01..2023-11-30)"),
        ("last week", "last week (2023-10-23..2023-10-29)"),
        ("this week", "this week (2023-10-30..2023-11-05)"),
        ("next week", "next week (2023-11-06..2023-11-12)"),
        ("last month", "last month (2023-10-01..2023-10-31)"),
        ("last year", "last year (2022-01-01..2022-12-31)"),
        ("earlier this year", "earlier this year (2023-01-01..2023-11-03)"),
        ("this year", "this year (2023-01-01..2023-12-31)"),
        ("yesterday", "yesterday (2023-11-02)"),
        ("today", "today (2023-11-03)"),
        ("tomorrow", "tomorrow (2023-11-04)"),
        ("recently", "recently (..2023-11-03)"),
        ("a recent", "recent (..2023-11-03)"),
        ("two days ago", "two days ago (2023-11-01)"),
        ("Tuesday, Nov. 1, 2023", "2023-11-01 (Tue)"),  # the stated weekday is kept
    ],
)
def test_normalise_with_reference(expression: str, expected: str) -> None:
    value = normalise(expression, REF)
    assert value is not None
    assert describe(value) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Nov. 1", "--11-01"),
        ("on Wednesday", "Wednesday"),
        ("In June", "--06"),
        ("in 2023", "2023"),
        ("later this month", "later this month"),
        ("recently", "recently"),
        ("November 1, 2023", "2023-11-01 (Wed)"),
    ],
)
def test_normalise_without_reference_invents_nothing(expression: str, expected: str) -> None:
    value = normalise(expression)
    assert value is not None
    assert describe(value) == expected
    if value.year is None:
        assert value.earliest is None and value.latest is None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Nov. 1", "2024-11-01 (Fri)"),
        ("on Friday", "2023-11-03 (Fri)"),
        ("on Monday", "2023-11-06 (Mon)"),
        ("In June", "2024-06"),
        ("In December", "2023-12"),
    ],
)
def test_future_reading(expression: str, expected: str) -> None:
    value = normalise(expression, REF, future=True)
    assert value is not None and value.future
    assert describe(value) == expected


def test_values_hold_the_granularity() -> None:
    assert normalise("on Wednesday") == DateValue(Granularity.WEEKDAY, weekday=2)
    wed = normalise("on Wednesday", REF)
    assert wed is not None and (wed.granularity, wed.weekday, wed.earliest) == (Granularity.DAY, 2, date(2023, 11, 1))
    june = normalise("In June", REF)
    assert june is not None and june.granularity is Granularity.MONTH and june.day is None
    assert (june.earliest, june.latest) == (date(2023, 6, 1), date(2023, 6, 30))
    later = normalise("later this month", REF)
    assert later is not None and later.future and later.relative == "later this month"
    vague = normalise("a recent", REF)
    assert vague is not None and vague.granularity is Granularity.VAGUE
    assert (vague.earliest, vague.latest) == (None, REF)


@pytest.mark.parametrize("expression", ["may", "march", "Sun", "Mondays", "the thaw", "Feb. 30", ""])
def test_normalise_rejects(expression: str) -> None:
    assert normalise(expression, REF) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In a meeting on Nov. 1, the minister told him that China will optimize", ["Nov. 1=2023-11-01 (Wed)"]),
        ("The meeting held on Wednesday", ["Wednesday=2023-11-01 (Wed)"]),
        ("Shares rose by 2% and 5% on Monday, as comments lifted them", ["Monday=2023-10-30 (Mon)"]),
        ("In June, the firm announced a plan", ["June=2023-06"]),
        ("a meeting scheduled later this month", ["later this month=later this month (2023-11-04..2023-11-30)"]),
        ("a recent thaw", ["recent=recent (..2023-11-03)"]),
        ("It was released on Tuesday, Nov. 1, 2023.", ["Tuesday, Nov. 1, 2023=2023-11-01 (Tue)"]),
        ("Leaders will meet on Friday.", ["Friday=2023-11-03 (Fri)"]),
        ("Leaders will meet on Monday.", ["Monday=2023-11-06 (Mon)"]),  # future cue in the clause
        ("On Nov. 15, leaders will meet.", ["Nov. 15=2023-11-15 (Wed)"]),  # clause after the opener
        ("He said Sunday the bureau will help.", ["Sunday=2023-10-29 (Sun)"]),  # dates the saying
        ("He said the bureau will help on Sunday.", ["Sunday=2023-11-05 (Sun)"]),
        ("Leaders met on Nov. 15.", ["Nov. 15=2022-11-15 (Tue)"]),
        ("The summit is scheduled for Nov. 15.", ["Nov. 15=2023-11-15 (Wed)"]),
        ("Prices rose in 2023 and since May.", ["2023=2023", "May=2023-05"]),
        ("It may rain. May I ask? Troops march on.", []),
        ("March 5 was cold, and in March it snowed.", ["March 5=2023-03-05 (Sun)", "March=2023-03"]),
        ("Sun Yat-sen and June Carter met 2023 workers.", []),
        ("until a 1997 outbreak in Hong Kong", ["1997=1997"]),
        ("the 2000 employees", []),
        ("He works Mondays.", []),
        ("The deal came a day after the ban.", []),
    ],
)
def test_find_dates(text: str, expected: list[str]) -> None:
    assert [f"{m.text}={describe(m.value)}" for m in find_dates(text, 0, REF)] == expected


def test_find_dates_offsets_are_document_offsets() -> None:
    text = "The pivotal meeting took place on November 1, where the minister spoke."
    (m,) = find_dates(text, offset=500, reference=REF)
    assert text[m.start - 500 : m.end - 500] == m.text == "November 1"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Wednesday, Nov. 1, 2023", True),
        ("Tuesday, Nov. 1, 2023", False),
        ("Nov. 1, 2023", None),
        ("Tuesday, Nov. 1", None),
        ("Wednesday", None),
    ],
)
def test_weekday_fits(expression: str, expected: bool | None) -> None:
    value = normalise(expression)
    assert value is not None
    assert weekday_fits(value) is expected


def _value(expression: str, reference: date | None) -> DateValue:
    value = normalise(expression, reference)
    assert value is not None, expression
    return value


@pytest.mark.parametrize(
    ("a", "b", "reference", "expected"),
    [
        ("Nov. 1", "November 1", REF, True),
        ("Nov. 1", "on Wednesday", REF, True),
        ("November 1", "on Wednesday", REF, True),
        ("Nov. 1", "Nov. 2", REF, False),
        ("Nov. 1", "Nov. 2", None, False),
        ("Nov. 1", "November 1", None, True),
        ("in June", "June 12", REF, True),
        ("in June", "June 12", None, True),
        ("in June", "July 12", None, False),
        ("on Wednesday", "on Thursday", REF, False),
        ("on Wednesday", "on Thursday", None, False),
        ("Wednesday", "November 1, 2023", None, True),
        ("Thursday", "November 1, 2023", None, False),
        ("Thursday", "Nov. 1", None, True),  # no year: the weekday cannot be checked
        ("later this month", "Nov. 1", REF, False),
        ("recently", "Nov. 1", REF, True),
        ("recently", "next week", REF, False),
        ("recently", "Nov. 1", None, True),
        ("in 2023", "Nov. 1, 2023", None, True),
        ("in 2022", "Nov. 1, 2023", None, False),
        ("last week", "on Wednesday", REF, False),
        ("this week", "on Wednesday", REF, True),
        ("35 years ago", "35 years ago", None, True),
        ("35 years ago", "30 years ago", None, False),  # counted from one unknown day
        ("35 years ago", "three weeks ago", None, True),  # other units: no telling
        ("35 years ago", "Nov. 1", None, True),
    ],
)
def test_compatible(a: str, b: str, reference: date | None, expected: bool) -> None:
    va, vb = _value(a, reference), _value(b, reference)
    assert compatible(va, vb) is expected
    assert compatible(vb, va) is expected


@pytest.mark.parametrize(
    ("given", "claimed", "expected"),
    [
        ("Thursday, Feb. 23, 2023", "on Thursday", True),
        ("Thursday, Feb. 23, 2023", "Feb. 23", True),
        ("Thursday, Feb. 23, 2023", "in 2023", True),
        ("in 2023", "Thursday, Feb. 23, 2023", False),  # the claim says more than the source
        ("16 February", "in 1987", False),  # fits (no year), but does not state it
        ("on Wednesday", "on Thursday", False),
        ("35 years ago", "35 years ago", True),
        ("Feb. 23", "35 years ago", False),
        ("Feb. 23", "recently", True),  # a vague claim asks for nothing
    ],
)
def test_supports(given: str, claimed: str, expected: bool) -> None:
    assert supports(_value(given, None), _value(claimed, None)) is expected


def test_later_this_month_meets_a_future_date() -> None:
    later = _value("later this month", REF)
    assert compatible(later, normalise("Nov. 15", REF, future=True))  # type: ignore[arg-type]
    assert not compatible(later, _value("Nov. 15", REF))  # read in the past: Nov. 15, 2022


def test_compatible_across_resolved_and_unresolved() -> None:
    assert compatible(_value("Nov. 1", REF), _value("November 1", None))
    assert compatible(_value("on Wednesday", REF), _value("Nov. 1", None))
    assert not compatible(_value("on Wednesday", REF), _value("Nov. 2", None))


def _sample_dates(name: str) -> list[str]:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return [f"{m.text}={describe(m.value)}" for m in find_dates(text, 0, REF)]


def test_sample_thaw() -> None:
    assert _sample_dates("1-thaw.txt") == [
        "Nov. 1=2023-11-01 (Wed)",
        "June=2023-06",
        "recent=recent (..2023-11-03)",
        "later this month=later this month (2023-11-04..2023-11-30)",
        "Monday=2023-10-30 (Mon)",
        "this month=this month (2023-11-01..2023-11-30)",
    ]


def test_sample_tensions_easing() -> None:
    assert _sample_dates("2-tensions-easing.txt") == [
        "now=now",
        "recent=recent (..2023-11-03)",
        "November 1=2023-11-01 (Wed)",
        "Friday=2023-11-03 (Fri)",
        "recent=recent (..2023-11-03)",
        "Wednesday=2023-11-01 (Wed)",
        "later this month=later this month (2023-11-04..2023-11-30)",
    ]


def test_samples_agree_on_the_meeting_day() -> None:
    thaw = {m.text: m.value for m in find_dates((SAMPLES / "1-thaw.txt").read_text(encoding="utf-8"), 0, REF)}
    easing = {
        m.text: m.value
        for m in find_dates((SAMPLES / "2-tensions-easing.txt").read_text(encoding="utf-8"), 0, REF)
    }
    assert compatible(thaw["Nov. 1"], easing["November 1"])
    assert compatible(thaw["Nov. 1"], easing["Wednesday"])
    assert compatible(thaw["later this month"], easing["later this month"])


# -- each class of reading, as a reader would check it ----------------------------

EARNINGS = date(1989, 10, 30)  # a Monday, in a season of third-quarter reports


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # quarters and halves: the nearest one, whatever the report's tense; a game's are no dates
        ("Net income rose 11% in the third quarter.", EARNINGS, ["the third quarter=1989-Q3"]),
        ("Third-quarter profit will be lower.", EARNINGS, ["Third-quarter=1989-Q3"]),
        ("The charge falls in the fourth quarter.", EARNINGS, ["the fourth quarter=1989-Q4"]),
        ("Loans slowed to $6.6 million in the quarter.", EARNINGS, ["the quarter=1989-Q3"]),
        ("Sales rose in the third quarter from a year earlier.", EARNINGS,
         ["the third quarter=1989-Q3", "a year earlier=a year earlier (1988-07-01..1988-09-30)"]),
        ("In the year-ago quarter, it earned $1.9 million.", EARNINGS, ["the year-ago quarter=1988-Q3"]),
        ("Costs rose in the first half of 1989.", EARNINGS, ["the first half of 1989=1989-H1"]),
        ("Q3 2023 revenue fell.", REF, ["Q3 2023=2023-Q3"]),
        ("The Lions scored twice in the third quarter.", EARNINGS, []),
        # the time of writing, and vague past and future
        ("Iraq now controls 20 percent of the oil.", REF, ["now=now"]),
        ("The group currently holds 3 million shares.", REF, ["currently=currently"]),
        ("In the past, Russia has claimed otherwise.", REF, ["In the past=in the past (..2023-11-03)"]),
        ("Strikes will resume soon.", REF, ["soon=soon (2023-11-03..)"]),
        ("They could leave as soon as Tuesday.", REF, ["Tuesday=2023-11-07 (Tue)"]),
        # a day and month: nearest the publication date, in the direction the tense says
        ("Elian must be returned to his father by Jan. 14.", date(1999, 12, 20), ["Jan. 14=2000-01-14 (Fri)"]),
        ("The ministers met on Jan. 14.", date(1999, 12, 20), ["Jan. 14=1999-01-14 (Thu)"]),
        ("The ministers will meet on Jan. 14.", date(2000, 1, 20), ["Jan. 14=2001-01-14 (Sun)"]),
        ("The ministers meet on Jan. 14.", date(2000, 1, 20), ["Jan. 14=2000-01-14 (Fri)"]),
        ("The dividend will be paid Dec. 14 to holders of record Nov. 15.", date(1989, 10, 26),
         ["Dec. 14=1989-12-14 (Thu)", "Nov. 15=1989-11-15 (Wed)"]),
        # a weekday likewise
        ("The monarch will meet Bush on Thursday.", date(1990, 8, 15), ["Thursday=1990-08-16 (Thu)"]),
        ("The king met Saddam on Monday.", date(1990, 8, 15), ["Monday=1990-08-13 (Mon)"]),
        ("Volume was up from 443.6 million Thursday.", EARNINGS, ["Thursday=1989-10-26 (Thu)"]),
        ("The vote is on Friday.", date(1990, 8, 15), ["Friday=1990-08-17 (Fri)"]),
        # times of day, on the day they are told with
        ("The final vote came at 12:40 a.m. Wednesday.", date(2025, 6, 18),
         ["12:40 a.m. Wednesday=2025-06-18 (Wed) 00:40"]),
        ("A town hall is set for tomorrow at 6:30 p.m.", date(2026, 1, 14),
         ["tomorrow at 6:30 p.m.=tomorrow (2026-01-15) 18:30"]),
        ("They reached a deal shortly before midnight last night.", date(2025, 10, 15),
         ["shortly before midnight last night=last night (2025-10-14) shortly before 24:00"]),
        ("The quake hit at 4:12 a.m. local time.", REF, ["4:12 a.m. local time=04:12 local"]),
        ("Crews walked out at 00:01 on Friday.", REF, ["00:01 on Friday=2023-11-03 (Fri) 00:01"]),
        ("The meeting started Tuesday evening.", REF, ["Tuesday evening=2023-10-31 (Tue) evening"]),
        ("Markets closed at 21:00 GMT.", REF, ["21:00 GMT=21:00 GMT"]),
        ("The blast came at about 10:35 a.m.", REF, ["about 10:35 a.m.=about 10:35"]),
        ("It rained in the morning.", REF, []),  # a part of the day alone dates nothing
        # seasons, decades, years
        ("Slepian was killed last fall.", date(1999, 4, 10), ["last fall=1998-FA"]),
        ("The stock began trading this summer.", date(1989, 11, 1), ["this summer=1989-SU"]),
        ("Prices took a fall in the market.", REF, []),
        ("The vitriol of the late 1980s remains.", REF, ["late 1980s=1980s"]),
        ("He planned the 1996 Olympic bombing.", REF, ["1996=1996"]),
        ("It expects sales above fiscal 1989 sales.", REF, ["1989=1989"]),
        ("His car crossed the border in 1994, 1995 and 1997.", REF, ["1994=1994", "1995=1995", "1997=1997"]),
        # weeks
        ("A hearing is set for the week of March 6.", date(2000, 2, 24),
         ["the week of March 6=2000-03-06..2000-03-12"]),
    ],
)
def test_each_class_of_date(text: str, reference: date, expected: list[str]) -> None:
    assert [f"{m.text}={describe(m.value)}" for m in find_dates(text, 0, reference)] == expected


def test_next_week_said_at_a_weekend_may_be_either_week() -> None:
    sunday = _value("next week", date(2025, 10, 12))
    monday = _value("next week", date(2025, 10, 13))
    assert (sunday.earliest, sunday.latest) == (date(2025, 10, 13), date(2025, 10, 26))
    assert compatible(sunday, monday)


def test_normalise_reads_the_nearest_when_told_no_tense() -> None:
    value = normalise("Nov. 5", REF, tense=tense.NONE)
    assert value is not None and describe(value) == "2023-11-05 (Sun)" and value.future


# -- times of day: look-alikes that are no conflict, and conflicts -----------------


def _one(text: str, reference: date | None) -> DateValue:
    (mention,) = find_dates(text, 0, reference)
    return mention.value


@pytest.mark.parametrize(
    ("a", "ref_a", "b", "ref_b"),
    [
        ("It happened just before 7 a.m.", REF, "It happened at 6:52 a.m.", REF),
        ("They met Nov. 14.", REF, "They met November 14.", REF),
        ("They met 14 November 2024.", None, "They met on 2024-11-14.", None),
        ("The launch was on Thursday.", date(2025, 9, 20), "The launch was on September 18.", date(2025, 9, 20)),
        ("The launch was on Thursday.", None, "The launch was on September 18, 2025.", None),
        ("The vote came at noon.", REF, "The vote came at 12 p.m.", REF),
        ("The fire was first reported at 2:40 p.m. Saturday.", date(2025, 8, 13),
         "The first call came in shortly before 3 p.m. on Saturday.", date(2025, 8, 14)),
        ("The meeting ran late on Tuesday night.", REF, "The vote came at 3 a.m. Wednesday.", REF),
        ("The meeting ran late on Tuesday night.", None, "The vote came at 3 a.m. Wednesday.", None),
        ("The quake hit at 4:12 a.m. local time.", REF, "It struck at 9:12 p.m. on Saturday, Nordmark time.", REF),
        ("Trading stopped at 21:00 GMT.", REF, "Trading stopped at 4 p.m. EST.", REF),
        ("Trading stopped at 9:30 a.m. local time.", REF, "Trading stopped at 2:30 p.m. GMT.", REF),
    ],
)
def test_times_that_are_no_conflict(a: str, ref_a: date | None, b: str, ref_b: date | None) -> None:
    va, vb = _one(a, ref_a), _one(b, ref_b)
    assert compatible(va, vb) and compatible(vb, va)


@pytest.mark.parametrize(
    ("a", "ref_a", "b", "ref_b"),
    [
        ("Landfall came at 3 a.m.", REF, "Landfall came at 9 p.m.", REF),
        ("The hearing was on Tuesday.", REF, "The hearing was on Nov. 1.", REF),  # Nov. 1, 2023 is a Wednesday
        ("Trading stopped at 21:00 GMT.", REF, "Trading stopped at 9 p.m. EST.", REF),
        ("The deal was concluded on Monday evening.", date(2025, 10, 15),
         "They reached a deal shortly before midnight last night.", date(2025, 10, 15)),
        ("The town hall is on Friday evening.", date(2026, 1, 14),
         "A town hall is set for tomorrow at 6:30 p.m.", date(2026, 1, 14)),
    ],
)
def test_times_that_conflict(a: str, ref_a: date | None, b: str, ref_b: date | None) -> None:
    va, vb = _one(a, ref_a), _one(b, ref_b)
    assert not compatible(va, vb) and not compatible(vb, va)


def test_a_time_is_stated_only_by_a_time_within_it() -> None:
    at_nine = _one("They met at 9 a.m. Tuesday.", REF)
    tuesday = _one("They met on Tuesday.", REF)
    assert supports(at_nine, tuesday)
    assert not supports(tuesday, at_nine)
    assert supports(_one("They met at 9:10 a.m. Tuesday.", REF), _one("They met at about 9 a.m. Tuesday.", REF))


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("With the election due this September, figures matter.", date(1998, 2, 5), ["this September=1998-09"]),
        ("Protesters will march this summer.", date(1998, 3, 22), ["this summer=1998-SU"]),
        ("Flights will double by August, in markets untouched by the crisis.", date(1998, 2, 13),
         ["August=1998-08"]),
        ("He expects revenue in the latest quarter to total $28 million.", date(1989, 10, 26),
         ["the latest quarter=1989-Q3"]),
    ],
)
def test_words_that_tell_no_tense(text: str, reference: date, expected: list[str]) -> None:
    """"this" names the one of this year; a participle ("untouched by") is no past
    tense; "the latest quarter" is the last complete one whatever the tense."""
    assert [f"{m.text}={describe(m.value)}" for m in find_dates(text, 0, reference)] == expected
