"""One fixture per contradiction type, and per look-alike that is not one.

Each case is two (or three) short sources; the expected outcome is what an
editor would conclude reading them side by side.
"""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Kind, Settings, Text, compare

CONTRADICTIONS = [
    (
        "number",
        "Micron's China business accounts for about 15% of its annual revenues.",
        "Micron's China business accounts for 20% of its annual revenues.",
    ),
    (
        "number",
        "The company will invest 4.3 billion yuan in its Xi'an chip packaging plant.",
        "The company will invest 6 billion yuan in its Xi'an chip packaging plant.",
    ),
    (
        "date",
        "The commerce minister met Micron's chief executive in Beijing on Nov. 1.",
        "The commerce minister met Micron's chief executive in Beijing on November 2.",
    ),
    (
        "weekday",
        "The commerce minister met Micron's chief executive in Beijing on Wednesday.",
        "The commerce minister met Micron's chief executive in Beijing on Thursday.",
    ),
    (
        "date",
        "An American fell to his death 35 years ago from a Sydney cliff top known as a meeting place.",
        "An American fell to his death 30 years ago from a Sydney cliff top known as a meeting place.",
    ),
    (
        "entity",  # a person no list knows by first name, named in the other's place
        "Lucia Moreno made no public comment after the talks with the ministry.",
        "Sanjay Mehrotra made no public comment after the talks with the ministry.",
    ),
    (
        "entity",
        "The commerce minister met Micron's chief executive Sanjay Mehrotra in Beijing.",
        "The commerce minister met Micron's chief executive Sanjay Mehrotra in Shanghai.",
    ),
    (
        "negation",
        "The city council approved the new stadium budget after a long debate.",
        "The city council did not approve the new stadium budget after a long debate.",
    ),
    (
        "negation",
        "Shares of local chipmaking firms rose sharply after the ministry's comments.",
        "Shares of local chipmaking firms fell sharply after the ministry's comments.",
    ),
    (
        "negation",  # opposite ends of a scale other than change
        "The founder of the troubled start-up was arrested on fraud charges in New York.",
        "The founder of the thriving start-up was arrested on fraud charges in New York.",
    ),
    (
        "negation",  # a negation beside a direction word both share ("fell")
        "The American fell from a Sydney clifftop that was known as a gay meeting place.",
        "The American fell from a Sydney clifftop that was not known as a gay meeting place.",
    ),
]

LOOK_ALIKES = [
    (
        "rounding",
        "Micron's China business accounts for 14.8% of its annual revenues.",
        "Micron's China business accounts for nearly 15% of its annual revenues.",
    ),
    (
        "conversion stated in both",
        "The company will invest 4.3 billion yuan (US$587.6 million) in its Xi'an plant.",
        "The company will invest US$587.6 million (4.3 billion yuan) in its Xi'an plant.",
    ),
    (
        "more than / over",
        "More than 200 workers were evacuated from the chip plant on Monday.",
        "Over 200 workers were evacuated from the chip plant on Monday.",
    ),
    (
        "number in words",
        "Three senior executives resigned from the company's board this week.",
        "3 senior executives resigned from the company's board this week.",
    ),
    (
        "name variants",
        "Commerce Minister Wang Wentao welcomed Micron's expansion in the Chinese market.",
        "Minister Wang welcomed Micron's expansion in the Chinese market.",
    ),
    (
        "date formats",
        "The commerce minister met Micron's chief executive in Beijing on Nov. 1.",
        "The commerce minister met Micron's chief executive in Beijing on November 1.",
    ),
    (
        "a detail one source adds",
        "The commerce minister met Micron's chief executive in Beijing.",
        "The commerce minister met Micron's chief executive in Beijing on Friday.",
    ),
    (
        "a negated word its own clause also asserts",
        "White pleaded not guilty to murder and guilty to manslaughter in a Sydney court on Thursday.",
        "White pleaded guilty to manslaughter in a Sydney court on Thursday.",
    ),
    (
        "ending a ban is allowing",
        "Oman will open its airspace to all carriers, effectively ending the ban on Israeli airlines.",
        "Oman is allowing Israeli airlines to use its airspace.",
    ),
    (
        "a word of either end of one scale with the other",  # not the same scale: no conflict
        "Police arrested the founder of the troubled start-up on Thursday in New York.",
        "Police arrested the founder of the start-up on Thursday in New York, a court heard.",
    ),
    (
        "a weaker match in conflict beside a better one that agrees",
        "His accomplice, also on the run, surrendered himself to police on Thursday.",
        "Edgar Ricardo de Oliveira also fled but surrendered to police on Thursday morning. "
        "Police shot the gunman dead on Wednesday after he went on the run.",
    ),
    (
        "a capitalised word opening the sentence is no name",
        "Bird flu was not deemed to be a threat to humans until 1997, after an outbreak in Hong Kong.",
        "Avian flu was not deemed to be a threat to humans until 1997, after an outbreak in Hong Kong.",
    ),
    (
        "a firm no suffix marks is no rival of a country",
        "\"We welcome Kestrel Aerospace to continue to establish a strong presence in the Canadian market,\" "
        "Tomasz Kowalski told reporters, provided it adheres to Canadian laws.",
        "Tomasz Kowalski told reporters the firm was welcome to continue to grow in Canada provided it "
        "complies with Canadian laws and regulations.",
    ),
    (
        "the outlets a statement was made to",
        "Critics told Global Wire that the timing of the ban was no coincidence.",
        "Critics told Press Review that the timing of the ban was no coincidence.",
    ),
    (
        "an abbreviated name",
        "A jury convicted the gang member of murdering a deputy of the L.A. County Sheriff's Department.",
        "A jury convicted the gang member of murdering a deputy of the Los Angeles County Sheriff's Department.",
    ),
    (
        "the same words printed a week apart",  # "on Friday" read against two date lines: our reading, not theirs
        "April 10, 2007\n\nThe gunman was arrested a few hours after the attack on Friday.",
        "April 17, 2007\n\nThe gunman was arrested a few hours after the attack on Friday.",
    ),
    (
        "a list told in another order",
        "Police said three people, a man and two women, were killed in the fire at the bank.",
        "Three bank workers, two women and a man, were killed in the fire at the bank, police said.",
    ),
    (
        "one round figure hedged from either side",
        "Nearly $100 billion of India's trade passes through the sea lane each year.",
        "Over a hundred billion dollars of India's trade passes through the sea lane each year.",
    ),
    (
        "same polarity in other words",
        "Operators of crucial infrastructure should stop buying products from Micron.",
        "Operators of crucial infrastructure were prohibited from purchasing products from Micron.",
    ),
]


def _report(*texts: str, reference: date | None = None):
    sources = [Text(f"{chr(97 + i)}.txt", t) for i, t in enumerate(texts)]
    return compare(sources, Settings(reference_date=reference))


@pytest.mark.parametrize("kind, a, b", CONTRADICTIONS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CONTRADICTIONS)])
def test_contradiction_is_found_and_typed(kind: str, a: str, b: str) -> None:
    report = _report(a, b)
    found = report.of(Kind.CONTRADICTION)
    assert [f.type for f in found] == [kind], report.findings
    finding = found[0]
    assert {e.path for e in finding.evidence} == {"a.txt", "b.txt"}
    assert all(e.line == 1 and e.column == 1 for e in finding.evidence)
    assert finding.reason and "\n" not in finding.reason
    assert all(e.highlights for e in finding.evidence)


@pytest.mark.parametrize("name, a, b", LOOK_ALIKES, ids=[c[0] for c in LOOK_ALIKES])
def test_look_alike_is_an_agreement_not_a_contradiction(name: str, a: str, b: str) -> None:
    report = _report(a, b)
    assert report.of(Kind.CONTRADICTION) == ()
    assert len(report.of(Kind.AGREEMENT)) == 1


def test_consistent_weekday_agrees_with_the_date() -> None:
    report = _report(
        "The commerce minister met Micron's chief executive in Beijing on Nov. 1.",
        "The commerce minister met Micron's chief executive in Beijing on November 1.",
        "The commerce minister met Micron's chief executive in Beijing on Wednesday.",
        reference=date(2023, 11, 3),
    )
    assert report.of(Kind.CONTRADICTION) == ()
    (agreement,) = report.of(Kind.AGREEMENT)
    assert [e.path for e in agreement.evidence] == ["a.txt", "b.txt", "c.txt"]


def test_a_detail_only_one_source_gives_is_reported_as_unsupported() -> None:
    report = _report(
        "The commerce minister met Micron's chief executive in Beijing.",
        "The commerce minister met Micron's chief executive in Beijing on Friday.",
    )
    details = [f.evidence for f in report.of(Kind.UNSUPPORTED) if f.type == "detail"]
    assert [[(e.path, e.detail) for e in evidence] for evidence in details] == [[("b.txt", "Friday")]]


def test_a_claim_no_other_source_makes_is_unsupported() -> None:
    report = _report(
        "The commerce minister met Micron's chief executive in Beijing on Nov. 1.",
        "The commerce minister met Micron's chief executive in Beijing on November 1. "
        "Shares in local chipmakers rose by 2% and 5% on Monday.",
    )
    claims = [f for f in report.of(Kind.UNSUPPORTED) if f.type == "claim"]
    assert [f.evidence[0].sentence for f in claims] == ["Shares in local chipmakers rose by 2% and 5% on Monday."]
    assert claims[0].evidence[0].line == 1 and claims[0].evidence[0].column > 1


DETAILS = [
    (
        "a place only one source names",
        "The commerce minister met Micron's chief executive in Beijing on Wednesday.",
        "The commerce minister met Micron's chief executive in Beijing and Shanghai on Wednesday.",
        ["b.txt: Shanghai"],
    ),
    (
        "a place the other source names in another sentence",
        "The commerce minister met Micron's chief executive on Wednesday. "
        "The two men later toured a plant in Shanghai.",
        "The commerce minister met Micron's chief executive in Shanghai on Wednesday.",
        [],
    ),
    (
        "a wider place backed by a narrower one",
        "Activists in London poured yellow and blue paint in front of the Russian embassy on Thursday.",
        "U.K. activists poured yellow and blue paint in front of the Russian embassy on Thursday.",
        [],
    ),
    (
        "a nationality no other source states",
        "Activists poured yellow and blue paint on the road outside the Russian embassy in London.",
        "Activists poured yellow and blue paint on the road outside the Mexican embassy in London.",
        ["a.txt: Russian", "b.txt: Mexican"],
    ),
    (
        "a nationality the other source states by its country",
        "Activists poured yellow and blue paint on the road outside the embassy in London. "
        "The protesters said Russia must leave Ukraine.",
        "Activists poured yellow and blue paint on the road outside the Russian embassy in London.",
        [],
    ),
    (
        "a date the other source gives in another sentence",
        "Police arrested four protesters outside the Russian embassy in London. "
        "The protest outside the embassy was held on Thursday.",
        "Police arrested four protesters outside the Russian embassy in London on Thursday.",
        [],
    ),
    (
        "a date no other source gives",
        "Police arrested four protesters outside the Russian embassy in London.",
        "Police arrested four protesters outside the Russian embassy in London on Thursday.",
        ["b.txt: Thursday"],
    ),
    (
        "a time ago no other source counts",
        "An American fell to his death from a Sydney cliff top known as a meeting place.",
        "An American fell to his death 30 years ago from a Sydney cliff top known as a meeting place.",
        ["b.txt: 30 years ago"],
    ),
    (
        "a year that fits a date without a year but is not stated",
        "Bird flu was not deemed a threat to humans before the outbreak in Hong Kong on 16 February.",
        "Bird flu was not deemed a threat to humans before the outbreak in Hong Kong in 1987.",
        ["a.txt: 16 February.", "b.txt: 1987"],
    ),
    (
        "a clause the other source states in another sentence",
        "Lawmakers met President Zelenskyy in Kyiv during an oversight trip. "
        "McCaul said the U.S. must help Ukraine defend itself from Russia.",
        "Lawmakers met President Zelenskyy in Kyiv during an oversight trip, as Ukraine defends itself from Russia.",
        [],
    ),
    (
        "a clause no other source states",
        "Lawmakers met President Zelenskyy in Kyiv during an oversight trip.",
        "Lawmakers met President Zelenskyy in Kyiv during an oversight trip, as Ukraine prepares a spring offensive.",
        ["b.txt: as Ukraine prepares a spring offensive."],
    ),
]


@pytest.mark.parametrize("name, a, b, expected", DETAILS, ids=[c[0] for c in DETAILS])
def test_details_only_one_source_gives_anywhere(name: str, a: str, b: str, expected: list[str]) -> None:
    report = _report(a, b)
    assert len(report.of(Kind.AGREEMENT)) == 1
    details = [f.evidence[0] for f in report.of(Kind.UNSUPPORTED) if f.type == "detail"]
    assert [f"{e.path}: {e.detail}" for e in details] == expected


def test_the_best_matching_sentence_speaks_for_its_source() -> None:
    """A conflict with a weaker match is less sure beside a sentence that agrees."""
    claim = "His accomplice, also on the run, surrendered himself to police on Thursday."
    weaker = "Police shot the gunman dead on Wednesday after he went on the run."
    agrees = "Edgar Ricardo de Oliveira also fled but surrendered to police on Thursday morning. "
    every = Settings(min_confidence=0.0)

    def score(*texts: str) -> float:
        report = compare([Text(f"{chr(97 + i)}.txt", t) for i, t in enumerate(texts)], every)
        return max(f.score for f in report.of(Kind.CONTRADICTION) if f.type == "weekday")

    assert score(claim, agrees + weaker) < score(claim, weaker) < 0.5  # two events, not reported by default


def test_two_people_each_said_to_act_is_a_possible_conflict_only() -> None:
    """Both may have met him: one outlet reports one meeting, another the other.
    The candidate is kept below the default threshold, and shown when asked for."""
    a = "Commerce Minister Wang Wentao met Micron chief executive Sanjay Mehrotra in Beijing."
    b = "Premier Li Qiang met Micron chief executive Sanjay Mehrotra in Beijing."
    assert not _report(a, b).of(Kind.CONTRADICTION)
    shown = compare([Text("a.txt", a), Text("b.txt", b)], Settings(min_confidence=0.2)).of(Kind.CONTRADICTION)
    assert [(f.type, f.reason) for f in shown] == [("entity", "Wang Wentao (a.txt) vs Li Qiang (b.txt)")]


def test_a_count_ending_a_sentence_is_not_read_with_the_next_line() -> None:
    # "200" and "300" count the same thing; the words opening the next lines count nothing
    report = _report(
        "Micron layoffs at the Xi'an plant reached 200.\n\nWorkers protested outside the gates on Monday.\n",
        "Micron layoffs at the Xi'an plant reached 300.\n\nPlants in Taiwan kept running on Monday.\n",
    )
    assert [f.reason for f in report.of(Kind.CONTRADICTION)] == ["200 (a.txt) vs 300 (b.txt)"]


# -- what a new user tried, one sentence per file (issue #14) --------------------------


@pytest.mark.parametrize(
    "a, b, disputes",
    [
        ("The company reported a quarterly profit of 2.1 billion euros.",
         "The company reported a quarterly loss of 2.1 billion euros.", {("negation", "profit", "loss")}),
        ("The council voted for the housing bill on Tuesday.",
         "The council voted against the housing bill on Tuesday.", {("negation", "voted for", "voted against")}),
        ("The hurricane made landfall at 3 a.m. near the port.",
         "The hurricane made landfall at 9 p.m. near the port.", {("date", "3 a.m.", "9 p.m.")}),
        ("The board voted 7-2 to approve the $4.5 million budget.",
         "The board voted 5-4 to approve the $3.2 million budget.",
         {("number", "7-2", "5-4"), ("number", "$4.5 million", "$3.2 million")}),
    ],
)
def test_what_a_new_user_tried_is_a_disagreement(a: str, b: str, disputes: set[tuple[str, str, str]]) -> None:
    found = [f for f in _report(a, b).findings if f.kind is Kind.CONTRADICTION]
    assert {(f.type, *(side.value for side in f.sides)) for f in found} == disputes


def test_a_short_claim_is_reported_not_dropped() -> None:
    report = _report("The senator voted against the bill.", "The senator voted against the bill.")
    assert [f.kind for f in report.findings] == [Kind.AGREEMENT]


def test_a_day_and_month_take_the_year_nearest_the_publication_date() -> None:
    from reconcile import extract

    data = extract(Text("a.txt", "Sept. 6, 2024\n\nThe zoning hearing is set for Nov. 14 at city hall.\n"))
    (hearing,) = [d for s in data["sentences"] for d in s["facts"]["dates"]]
    assert hearing["normalised"].startswith("2024-11-14")


SUKANYA = ("Warship Sukanya, on patrol in the Gulf of Aden, foiled a pirate attack on three merchant ships. "
           "The pirates fled when the warship fired warning shots.")


@pytest.mark.parametrize("b, disputed", [
    ("INS Sukanya, on patrol in the Gulf of Aden, foiled a pirate attack on three merchant ships.", False),
    ("INS Tabar, on patrol in the Gulf of Aden, foiled a pirate attack on three merchant ships.", True),
])
def test_a_common_word_opening_the_sentence_is_no_part_of_a_name(b: str, disputed: bool) -> None:
    # "warship" is written in lower case too: the capital only opens the sentence
    every = compare([Text("a.txt", SUKANYA), Text("b.txt", b)], Settings(min_confidence=0.0)).findings
    names = [f for f in every if f.kind is Kind.CONTRADICTION and f.type == "entity"]
    assert bool(names) is disputed, names


def test_an_agreement_is_as_sure_as_its_least_attached_sentence() -> None:
    copy = "The bridge over the Tarn river collapsed on Sunday, killing four people, the police said."
    told = "Four people died when a footbridge across the Tarn gave way at the weekend."
    (copied,) = _report(copy, copy).of(Kind.AGREEMENT)
    (agreement,) = _report(copy, copy, told).of(Kind.AGREEMENT)
    assert len(agreement.evidence) == 3, agreement
    assert copied.score > 0.95 and agreement.score < 0.6
