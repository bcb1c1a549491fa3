"""Publication dates as real news pages print them: the line gives the article's
date and is blanked as a date line, never read as a claim."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile.facts.dates import describe, find_dates
from reconcile.read.datelines import date_line
from reconcile.read.files import read_text
from reconcile.read.html import read
from reconcile.settings import Settings

TODAY = Settings(today=date(2026, 2, 1))


@pytest.mark.parametrize(
    ("line", "published"),
    [
        # month/day/year in numbers, US order unless the first number is over 12
        ("12/16/08 1:30 AM EST", date(2008, 12, 16)),
        ("8:13 AM PDT 8/2/2013", date(2013, 8, 2)),
        ("11/12/2007", date(2007, 11, 12)),
        ("Posted: 03/14/2013 06:37:46 AM PDT", date(2013, 3, 14)),
        ("POSTED: 05/02/07, 9:00 PM PDT |", date(2007, 5, 2)),
        ("Updated 4/9/2007 6:04 PM", date(2007, 4, 9)),
        ("25/12/2012", date(2012, 12, 25)),
        # a date, then "at" or "@" and a time
        ("May 3, 2013 at 7:31 AM ET", date(2013, 5, 3)),
        ("March 14, 2013 at 11:51 AM", date(2013, 3, 14)),
        ("21 July 2013 Last updated at 11:11 GMT", date(2013, 7, 21)),
        ("9/10/2010 @ 1:19PM", date(2010, 9, 10)),
        ("Story Created: Aug 7, 2012 at 9:56 AM AKDT", date(2012, 8, 7)),
        # the time before the date
        ("PUBLISHED: 22:07 GMT, 7 July 2012", date(2012, 7, 7)),
        ("Published 6:20 AM, Aug 24, 2025", date(2025, 8, 24)),
        ("Updated 11:20 AM, Oct 15, 2025", date(2025, 10, 15)),
        ("12:52 p.m. EDT May 2, 2013", date(2013, 5, 2)),
        ("9:53 AM, MON 22 JUL 2013", date(2013, 7, 22)),
        ("Published 12:17 am, Monday, September 16, 2013", date(2013, 9, 16)),
        # other words around it, zones
        ("on Tuesday, 16 December 2008 13:45.", date(2008, 12, 16)),
        ("26 September 2013, 10:00 (GMT+05: 00)", date(2013, 9, 26)),
        ("Published on: Fri, 11 Nov 2011 at 09:56 IST", date(2011, 11, 11)),
        ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", date(2007, 4, 10)),
        ("7:00pm UK, Wednesday 05 May 2010", date(2010, 5, 5)),
        ("Sat Nov 12 2011, 01:19 hrs", date(2011, 11, 12)),
        ("WASHINGTON, DC, April 28, 2009", date(2009, 4, 28)),
        # two stamps on a line: the first, the original publication; an update alone is the date too
        ("Friday, Sep 10, 2010 | Updated 8:52 PM EDT", date(2010, 9, 10)),
        ("on April 30, 2008 at 4:31 AM, updated May 1, 2008 at 8:33 AM", date(2008, 4, 30)),
        ("UPDATED 3:09 AM EST Dec 19, 2008", date(2008, 12, 19)),
        # dotted: year first, or day first as Europe writes it
        ("Published: 2012.08.08 09:01 AM", date(2012, 8, 8)),
        ("Article posted on 08.07.2012", date(2012, 7, 8)),
        # ISO, with a time and zone
        ("2013-05-03T11:00:00Z", date(2013, 5, 3)),
    ],
)
def test_date_line_formats(line: str, published: date) -> None:
    text = f"Headline of the story\n{line}\n\nThe council met on Tuesday."
    doc = read_text(text, "a.txt", TODAY)
    start = text.index(line)
    assert (doc.published, doc.excluded) == (published, ((start, start + len(line), "date line"),))
    assert line.strip(" .|") not in doc.plain


@pytest.mark.parametrize(
    ("line", "today", "published"),
    [
        ("12/16/08", date(2026, 1, 1), date(2008, 12, 16)),
        ("12/16/97", date(2026, 1, 1), date(1997, 12, 16)),
        ("12/16/08", None, date(2008, 12, 16)),
        ("12/16/60", date(2026, 1, 1), date(2060, 12, 16)),
        ("12/16/60", date(1990, 1, 1), date(1960, 12, 16)),
    ],
)
def test_a_two_digit_year_is_the_nearest(line: str, today: date | None, published: date) -> None:
    assert date_line(line, today) == published


@pytest.mark.parametrize(
    "line",
    [
        "Jul. 7 5:59 PM EDT",  # no year
        "Updated 9:06 AM",  # no date
        "Posted 1 year, 160 days ago [downloaded on 2 October 2013]",
        "The meeting on May 3, 2013 was long",  # a sentence
        "Novemer 27, 2005",  # misspelt: out of reach
        "13/13/2013",  # no such day
        "Mumbai, Nov 11 -",
    ],
)
def test_not_a_date_line(line: str) -> None:
    assert date_line(line, date(2026, 1, 1)) is None


def test_the_date_line_dates_tomorrow_and_the_time_told_with_it() -> None:
    text = ("Pell Valley goes to a four-day week\nPublished 6:15 AM, Jan 14, 2026\n\n"
            "A town hall for families is set for tomorrow at 6:30 p.m. in the high school auditorium.\n")
    doc = read_text(text, "valley.txt", Settings())
    start = doc.text.index("A town hall")
    (mention,) = find_dates(doc.plain[start:], start, doc.published)
    value = mention.value
    assert (value.year, value.month, value.day) == (2026, 1, 15) and describe(value).endswith("18:30")
    assert value.earliest is not None and value.earliest.strftime("%A") == "Thursday"


def test_a_page_published_date_in_other_forms() -> None:
    page = read('<html><head><meta name="date" content="Tue, 12 Nov 2013 10:00:00 GMT"></head>'
                "<body><article><p>The council met on Tuesday.</p></article></body></html>")
    assert page.published == date(2013, 11, 12)


def test_a_stamp_with_a_time_and_no_date_is_furniture_too() -> None:
    text = "Lohan checks into rehab\nMay 3, 2013 at 7:31 AM ET\nUpdated 5:40 p.m. ET\n\nShe checked in on Thursday.\n"
    doc = read_text(text, "a.txt", TODAY)
    assert doc.published == date(2013, 5, 3)
    assert [why for _, _, why in doc.excluded] == ["date line", "date line"]
    assert "5:40" not in doc.plain and "Thursday" in doc.plain
