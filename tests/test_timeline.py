"""The merged timeline: what cannot all hold, found with the smallest set of
sentences that says so, and no alarm where the sources agree."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import SAMPLES

from reconcile import Text, compare, facts, timeline
from reconcile.model import Claim, Finding, Kind, TimeClaim, Timeline
from reconcile.read.files import read_text
from reconcile.settings import Settings
from reconcile.text.clauses import clauses
from reconcile.text.sentences import split
from reconcile.timeline.solve import solve
from reconcile.timeline.words import predicate

TODAY = date(2025, 6, 1)


def run(*texts: str, published: date | None = None) -> Timeline:
    settings = Settings(reference_date=published, today=TODAY)
    docs = [read_text(t, f"s{i + 1}.txt", settings) for i, t in enumerate(texts)]
    claims = [
        [Claim(s, clauses(s, d), facts.extract(s, d, settings)) for s in split(d, i)]
        for i, d in enumerate(docs)
    ]
    return timeline.build(docs, claims, settings)


def conflicts(t: timeline.Timeline) -> list[Finding]:
    return [f for f in t.findings if f.kind is Kind.CONTRADICTION]


def cited(f: Finding) -> set[tuple[str, str]]:
    """(file, sentence) of each piece of evidence."""
    return {(e.path, e.sentence) for e in f.evidence}


# -- no false alarms -----------------------------------------------------------

AGREEING = [
    (
        "same order in other words",
        "The statement came two days after the meeting between Wang Wentao and Sanjay Mehrotra.",
        "The meeting between Wang Wentao and Sanjay Mehrotra preceded the statement.",
    ),
    (
        "same order, offset against dates",
        "Wang Wentao met Sanjay Mehrotra on Nov. 1, 2023. The statement came two days after the meeting.",
        "The ministry released a statement on Nov. 3, 2023, after the meeting.",
    ),
    (
        "same date in other formats",
        "Wang Wentao met Sanjay Mehrotra in Beijing on Nov. 1, 2023.",
        "The meeting between Wang Wentao and Sanjay Mehrotra took place on 1 November 2023.",
    ),
    (
        "ISO date",
        "Wang Wentao met Sanjay Mehrotra in Beijing on 2023-11-01.",
        "The meeting between Wang Wentao and Sanjay Mehrotra took place on November 1.",
    ),
    (
        "consistent weekday",
        "Wang Wentao met Sanjay Mehrotra on Wednesday, Nov. 1, 2023.",
        "Wang Wentao met Sanjay Mehrotra in Beijing on Wednesday.",
    ),
    (
        "weekday and date of one event, no year",
        "Wang Wentao met Sanjay Mehrotra on Nov. 1.",
        "The meeting held on Wednesday between Wang Wentao and Sanjay Mehrotra went well.",
    ),
    (
        "vague against exact",
        "Wang Wentao recently met Sanjay Mehrotra in Beijing.",
        "Wang Wentao met Sanjay Mehrotra in Beijing on Nov. 1, 2023.",
    ),
    (
        "earlier this year against exact",
        "Wang Wentao met Sanjay Mehrotra earlier this year, on Nov. 1, 2023.",
        "Wang Wentao met Sanjay Mehrotra in Beijing on Nov. 1, 2023.",
    ),
    (
        "later this month",
        "Wang Wentao met Sanjay Mehrotra on Nov. 1. Officials plan a meeting between Joe Biden and "
        "Xi Jinping later this month.",
        "Wang Wentao met Sanjay Mehrotra on November 1. A meeting between Joe Biden and Xi Jinping is "
        "scheduled later this month in San Francisco.",
    ),
    (
        "two announcements in one article",
        "On February 23, the authority announced that it will open its airspace to El Al. It also follows "
        "an announcement earlier this month that El Al would start a partnership with Etihad Airways.",
        "The authority announced on February 23 that it will open its airspace to El Al.",
    ),
    (
        "historical years in an undated article",
        "Israel has sought the route since 2018, when its prime minister visited Oman. On February 23, "
        "the authority announced that it will open its airspace under the Chicago Convention of 1944.",
        "The authority announced on Feb. 23, 2023 that it will open its airspace to Israeli carriers.",
    ),
    (
        "after, on the same day",
        "Wang Wentao met Sanjay Mehrotra on Nov. 1, 2023. After the meeting, the ministry issued a statement.",
        "The ministry's statement on the meeting between Wang Wentao and Sanjay Mehrotra came on Nov. 1, 2023.",
    ),
    (
        "different meetings on different days",
        "Wang Wentao met Sanjay Mehrotra on Nov. 1, 2023.",
        "Joe Biden met Xi Jinping on Nov. 15, 2023.",
    ),
]


@pytest.mark.parametrize("name, a, b", AGREEING, ids=[c[0] for c in AGREEING])
def test_agreeing_sources_raise_no_alarm(name: str, a: str, b: str) -> None:
    assert conflicts(run(a, b)) == []


def test_a_published_date_resolves_weekdays_and_relative_dates() -> None:
    t = run(
        "Wang Wentao met Sanjay Mehrotra on Wednesday. Biden and Xi meet later this month.",
        "Wang Wentao met Sanjay Mehrotra on Nov. 1.",
        published=date(2023, 11, 3),
    )
    assert conflicts(t) == []
    meeting = next(p for p in t.events if p.event.name == "meeting" and p.event.sources == (0, 1))
    assert (meeting.earliest, meeting.latest) == (date(2023, 11, 1), date(2023, 11, 1))


# -- real conflicts ---------------------------------------------------------------

CONFLICTS = [
    (
        "order reversed",
        "The statement came a day after the ban on Micron.",
        "The ban on Micron followed the statement.",
        "order",
        {
            ("s1.txt", "The statement came a day after the ban on Micron."),
            ("s2.txt", "The ban on Micron followed the statement."),
        },
    ),
    (
        "order reversed, no dates",
        "The statement came after the ban on Micron.",
        "The ban on Micron followed the statement.",
        "order",
        {
            ("s1.txt", "The statement came after the ban on Micron."),
            ("s2.txt", "The ban on Micron followed the statement."),
        },
    ),
    (
        "a chain of offsets against a date",
        "Wang Wentao met Sanjay Mehrotra on Nov. 1, 2023. The ministry's statement came two days after "
        "the meeting. The ban on Micron came a day after the statement. Analysts were surprised.",
        "The ban on Micron took effect on Nov. 6, 2023.",
        "date",
        {
            ("s1.txt", "Wang Wentao met Sanjay Mehrotra on Nov. 1, 2023."),
            ("s1.txt", "The ministry's statement came two days after the meeting."),
            ("s1.txt", "The ban on Micron came a day after the statement."),
            ("s2.txt", "The ban on Micron took effect on Nov. 6, 2023."),
        },
    ),
]


TWO_DATES = [
    ("dates differ", "Wang Wentao met Sanjay Mehrotra in Beijing on Nov. 1, 2023.",
     "Wang Wentao met Sanjay Mehrotra in Beijing on Nov. 2, 2023.", "date"),
    ("weekday does not fit the date across sources", "Wang Wentao met Sanjay Mehrotra on Nov. 1, 2023.",
     "Wang Wentao met Sanjay Mehrotra in Beijing on Tuesday.", "weekday"),
]


@pytest.mark.parametrize("name, a, b, kind", TWO_DATES, ids=[c[0] for c in TWO_DATES])
def test_two_dates_for_one_event_are_the_judges_to_weigh(name: str, a: str, b: str, kind: str) -> None:
    """The timeline reports sets that hold a relation between events; two dates
    of one event reach the report through the judge's fitted confidence."""
    assert conflicts(run(a, b)) == []
    found = compare([Text("s1.txt", a), Text("s2.txt", b)]).of(Kind.CONTRADICTION)
    assert [f.type for f in found] == [kind]


@pytest.mark.parametrize("name, a, b, kind, expected", CONFLICTS, ids=[c[0] for c in CONFLICTS])
def test_each_kind_of_conflict_is_found_with_its_minimal_set(
    name: str, a: str, b: str, kind: str, expected: set
) -> None:
    found = conflicts(run(a, b))
    assert [f.type for f in found] == [kind]
    assert cited(found[0]) == expected


@pytest.mark.parametrize(
    "name, reason",
    [
        ("order reversed", "s1.txt says the statement came a day after the ban; s2.txt says the ban came after the statement"),
        (
            "a chain of offsets against a date",
            "the meeting was on Wednesday, Nov. 1, 2023; the ban was on Monday, Nov. 6, 2023; "
            "s1.txt puts the statement two days after the meeting, i.e. Nov. 3, before the ban; "
            "s1.txt says the ban came a day after the statement, i.e. Nov. 4, not Nov. 6",
        ),
    ],
)
def test_each_conflict_is_derived_in_plain_words(name: str, reason: str) -> None:
    _, a, b, _, _ = next(c for c in CONFLICTS if c[0] == name)
    assert conflicts(run(a, b))[0].reason == reason


def test_a_weekday_that_does_not_fit_its_own_date() -> None:
    found = conflicts(run("Wang Wentao met Sanjay Mehrotra on Tuesday, Nov. 1, 2023.", "Nothing to see here today."))
    assert [(f.type, f.rule) for f in found] == [("weekday", "RC103")]
    assert "Nov. 1, 2023 was a Wednesday, not a Tuesday" in found[0].reason


def test_what_one_article_cannot_all_mean_is_no_dispute_between_sources() -> None:
    """Two dates of one sentence read as one announcement's are our misreading."""
    one = ("SAG said on Monday that it would poll its members.\n\nPutting the show in jeopardy was this week's "
           "announcement by SAG that strike ballots will be mailed to its 120,000 members on January 2 and "
           "tallied on January 23, a full month before the Oscars.")
    assert conflicts(run(one, "The Oscars will be held on February 22 in Los Angeles.")) == []


def test_a_repeated_claim_does_not_repeat_the_conflict() -> None:
    found = conflicts(
        run(
            "The statement came a day after the ban on Micron. The ministry's statement followed the ban by a day.",
            "The ban on Micron followed the statement.",
        )
    )
    assert len(found) == 1


def test_two_independent_conflicts_are_two_findings() -> None:
    a = "Wang Wentao met Sanjay Mehrotra on Nov. 1, 2023. The statement came a day after the ban on Micron."
    b = "Wang Wentao met Sanjay Mehrotra on Nov. 2, 2023. The ban on Micron followed the statement."
    assert [f.type for f in conflicts(run(a, b))] == ["order"]  # the dates are the judge's
    found = compare([Text("s1.txt", a), Text("s2.txt", b)]).of(Kind.CONTRADICTION)
    assert sorted(f.type for f in found) == ["date", "order"]


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (1, 1, "the statement a day after the ban"),
        (-2, -2, "the statement two days before the ban"),
        (0, None, "the statement after the ban"),
        (None, 0, "the statement before the ban"),
        (0, 0, "the statement on the same day as the ban"),
        (7, 7, "the statement a week after the ban"),
    ],
)
def test_relations_in_plain_words(low: int | None, high: int | None, expected: str) -> None:
    assert f"the statement {predicate(low, high, 'the ban')}" == expected


# -- solving -------------------------------------------------------------------------


def _claim(event: int, other: int | None, low: int | None, high: int | None, sentence: int) -> TimeClaim:
    return TimeClaim(
        kind="order", event=event, other=other, low=low, high=high,
        supports=(frozenset({(0, sentence)}),), source=0, sentence=sentence, spans=(), text="",
    )


def test_minimal_set_drops_claims_the_conflict_does_not_need() -> None:
    # a <= b, b <= c, c < a (a - c >= 1), plus a harmless b - a <= 10
    claims = [
        _claim(1, 0, 0, None, 0),  # b after a
        _claim(2, 1, 0, None, 1),  # c after b
        _claim(0, 2, 1, None, 2),  # a at least a day after c
        _claim(1, 0, None, 10, 3),  # b within ten days of a
    ]
    found, left = solve(claims, 3)
    assert [c.sentences for c in found] == [((0, 0), (0, 1), (0, 2))]
    assert left == [3]


def test_consistent_claims_solve_to_no_conflict() -> None:
    claims = [_claim(1, 0, 1, 1, 0), _claim(2, 1, 2, 2, 1), _claim(2, 0, 3, 3, 2)]
    assert solve(claims, 3) == ([], [0, 1, 2])


# -- the samples ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def micron() -> Timeline:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    settings = Settings(today=TODAY)
    docs = [read_text(t, f"{i + 1}.txt", settings) for i, t in enumerate(texts)]
    claims = [
        [Claim(s, clauses(s, d), facts.extract(s, d, settings)) for s in split(d, i)]
        for i, d in enumerate(docs)
    ]
    return timeline.build(docs, claims, settings)


def test_the_sample_order_conflict_is_one_finding(micron: timeline.Timeline) -> None:
    found = conflicts(micron)
    assert [(f.type, f.rule) for f in found] == [("order", "RC104")]
    first = [e.sentence for e in found[0].evidence if e.source == 0]
    second = [e.sentence for e in found[0].evidence if e.source == 1]
    assert len(first) == 1 and first[0].startswith("The statement came a day after China’s cyberspace regulator")
    assert any(s.startswith(("The pivotal meeting took place on November 1", "The meeting held on Wednesday")) for s in second)
    assert any("on Friday" in s for s in second)
    assert any(s.startswith(("This harmonious turn of events follows", "After banning Micron")) for s in second)


def test_the_sample_derivation_reads_like_an_editor(micron: timeline.Timeline) -> None:
    reason = conflicts(micron)[0].reason
    # no year is stated or published: the weekdays fix the days, never the clock the year
    assert reason.startswith("the meeting was on Nov. 1; the statement was on Nov. 3;")
    assert "puts the ban a day before the statement, i.e. Nov. 2, after the meeting" in reason
    assert reason.endswith("says the meeting came after the ban")


def test_the_sample_meeting_and_biden_xi_meeting_are_placed(micron: timeline.Timeline) -> None:
    placed = {(p.label, p.event.sources): p for p in micron.events}
    meeting = next(p for (label, sources), p in placed.items() if sources == (0, 1) and "Wang" in label)
    assert micron.year is None  # the samples state no year
    assert meeting.earliest == meeting.latest and (meeting.earliest.month, meeting.earliest.day) == (11, 1)
    summit = next(p for (label, sources), p in placed.items() if sources == (0, 1) and "Biden" in label)
    assert [(d.month, d.day) for d in (summit.earliest, summit.latest)] == [(11, 2), (11, 30)]
    assert summit.conflicts == ()


# -- drawing and inspection ----------------------------------------------------------------


def test_the_drawing_shows_dates_sources_and_the_conflict(micron: timeline.Timeline) -> None:
    from reconcile.render.timeline import render

    text = render(micron)
    lines = text.splitlines()
    meeting = next(line for line in lines if "Nov. 1 " in line and "meeting" in line)
    assert meeting.startswith("✗ 1") and "1.txt:1" in meeting
    assert any("Nov. 2 – Nov. 30 " in line and "meeting" in line for line in lines)
    assert "2000" not in text  # the calendar that fits the weekdays is no year anyone stated
    assert "Conflicts (1)" in text
    assert "puts the ban a day before the statement" in " ".join(text.split())


def test_a_timeline_without_conflicts_says_so() -> None:
    from reconcile.render.timeline import render

    text = render(run(*AGREEING[2][1:]))
    assert "Conflicts (0)" in text and "can all hold" in text
    assert "Wednesday, Nov. 1, 2023" in text


def _extraction(text: str, published: date | None = None) -> dict:
    from reconcile.pipeline import extraction_of

    settings = Settings(reference_date=published, today=TODAY)
    return extraction_of(read_text(text, "a.txt", settings), settings)


def test_extraction_is_plain_data_with_spans_facts_and_events() -> None:
    import json

    text = "Intro line.\n\nWang Wentao met Sanjay Mehrotra on Nov. 1. The statement came two days after the meeting."
    data = json.loads(json.dumps(_extraction(text, date(2023, 11, 5))))
    met = data["sentences"][1]
    assert (met["line"], met["column"]) == (3, 1)
    assert text[met["start"] : met["end"]] == met["text"]
    (nov1,) = met["facts"]["dates"]
    assert nov1["value"]["granularity"] == "day" and nov1["normalised"].startswith("2023-11-01")
    assert [e["text"] for e in met["facts"]["entities"]] == ["Wang Wentao", "Sanjay Mehrotra"]
    meeting = next(e for e in data["events"] if e["name"] == "meeting")
    assert meeting["earliest"] == meeting["latest"] == "2023-11-01"
    assert meeting["mentions"][0]["anchors"][0]["read_as"][0]["earliest"] == "2023-11-01"
    (relation,) = data["relations"]
    assert relation["words"] == "statement two days after meeting" and (relation["low"], relation["high"]) == (2, 2)
    statement = next(e for e in data["events"] if e["name"] == "statement")
    assert statement["earliest"] == "2023-11-03"


def test_the_extraction_reads_as_text() -> None:
    from reconcile.render.timeline import render_extraction

    out = render_extraction(_extraction("Wang Wentao met Sanjay Mehrotra on Nov. 1, 2023 in Beijing."))
    assert "1:1  Wang Wentao met Sanjay Mehrotra on Nov. 1, 2023 in Beijing." in out
    assert "dates: Nov. 1, 2023 = 2023-11-01 (Wed)" in out
    assert "Events (1)" in out


# -- the command line and the report ------------------------------------------------------


def _cli(*args: str):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from reconcile.cli import app

    return CliRunner().invoke(app, list(args))


def test_the_timeline_command_draws_the_samples_and_exits_1_on_conflict() -> None:
    result = _cli("timeline", *(str(p) for p in sorted(SAMPLES.glob("*.txt"))))
    assert result.exit_code == 1, result.output
    assert "Nov. 1 " in result.stdout and "Conflicts (1)" in result.stdout


def test_the_timeline_command_exits_0_when_dates_agree(tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for name, text in zip("ab", AGREEING[2][1:]):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / f"{name}.txt"))
    result = _cli("timeline", *paths)
    assert result.exit_code == 0, result.output


def test_the_extract_command_prints_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    path = tmp_path / "a.txt"
    path.write_text("Wang Wentao met Sanjay Mehrotra in Beijing on Wednesday.\n", encoding="utf-8")
    result = _cli("extract", str(path), "--date", "2023-11-03", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (date_fact,) = data["sentences"][0]["facts"]["dates"]
    assert date_fact["normalised"] == "2023-11-01 (Wed)"
    assert data["events"][0]["earliest"] == "2023-11-01"


def test_the_extract_command_rejects_a_bad_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("Wang Wentao met Sanjay Mehrotra.\n", encoding="utf-8")
    result = _cli("extract", str(path), "--date", "Nov 1")
    assert result.exit_code == 2


def test_compare_reports_the_order_conflict_once_in_every_format() -> None:
    import json
    import os

    from conftest import ROOT

    from reconcile import compare
    from reconcile.render.json import render

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        report = compare([f"samples/micron/{p.name}" for p in sorted(SAMPLES.glob("*.txt"))])
    finally:
        os.chdir(cwd)
    orders = [f for f in report.findings if f.type == "order"]
    assert len(orders) == 1 and orders[0].rule == "RC104"
    data = json.loads(render(report))
    assert any("the meeting came after the ban" in json.dumps(f, ensure_ascii=False) for f in data["findings"])
