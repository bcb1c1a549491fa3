"""Alignment: which sentences of two sources a user would call the same claim."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.align import align
from reconcile.align.groups import claims_stated
from reconcile.align.score import clause_scores, similarity
from reconcile.model import Claim, Clause, Facts, Link, Sentence
from reconcile.settings import Settings
from reconcile.text.tokens import content_words, idf_table, normalise

# samples/micron/1-thaw.txt, one sentence per item (until sentences.py exists).
A = [
    "China’s commerce minister told Micron Technology Inc.’s president Beijing would welcome the U.S. semiconductor company deepening its footprint in the Chinese market.",
    "This is a further thaw in relations between the world’s top two economies.",
    "In a meeting on Nov. 1, Commerce Minister Wang Wentao told Sanjay Mehrotra, President and CEO of Micron Technology, that China will optimize the environment for foreign investment and provide service guarantees for such enterprises.",
    "The statement came a day after China’s cyberspace regulator said the country’s operators of crucial infrastructure should stop buying products from Micron because it poses “serious network security risks.”",
    "The move was widely seen as a retaliation for Washington’s restrictions on chip exports to Beijing, which it says are necessary for national security.",
    "It also came as leaders of the G7 group of rich nations urged their allies to reduce risk and not “decouple” from China while Washington pressured its allies to restrict chip equipment sales to Beijing.",
    "Micron is one of the most significant memory chipmakers in the world, and its China business accounts for about 15% of its revenues.",
    "In June, the Idaho-based firm announced a plan to invest 4.3 billion yuan (US$587.6 million) in its Xi’an plant, portraying it as a sign of its commitment to the Chinese market despite its partial sales ban by the government.",
    "The move is also in line with a recent thaw in bilateral relations, as officials from both countries work to organize a meeting between U.S. President Joe Biden and his Chinese counterpart Xi Jinping later this month.",
    "However, it is still being determined if the detente will last beyond the Biden-Xi meeting.",
    "In the longer term, analysts warn that a war between China and the United States could escalate as Beijing seeks to re-energize the economy and combat what it sees as U.S. hegemony in the region.",
    "Shares in local chipmaking-related firms rose by 2% and 5% on Monday, as the positive comments from the Ministry of Commerce overshadowed the fact that the Cyberspace Administration of China had banned the use of Micron’s memory chips in crucial infrastructure projects.",
    "The news comes after U.S. authorities imposed new sanctions on several Chinese tech firms, including ByteDance and TikTok.",
    "The penalties were the latest in a series of actions by the United States to punish Beijing for its trade and technology policies.",
    "The latest penalties come amid a growing Sino-US trade war, which has raised fears of a possible recession in both countries and contributed to sluggish global economic growth.",
    "The world’s two largest economies have vowed to increase their efforts to negotiate a comprehensive trade agreement.",
    "But the talks have been held up by the ongoing row over a trade deficit.",
    "China has been seeking to cut its imbalance with the United States by reducing its imports, and the U.S. has responded by imposing new curbs on Chinese goods and companies.",
    "The two sides are expected to hold high-level talks this month to resolve the trade dispute.",
]

# samples/micron/2-tensions-easing.txt, headings and page debris included.
B = [
    "US-China tensions easing? Chinese commerce minister welcomes Micron to expand in domestic market",
    "Advertisement",
    "It seems that China is trying to warm up to the US.",
    "After banning Micron from key infrastructure projects, China’s commerce minister Wang Wentao is now trying to convince Micron’s Sanjay Mehrotra to broaden its presence and operations in the country",
    "In a recent diplomatic development that indicates China’s intention to settle its differences with the US, China’s Commerce Minister, Wang Wentao, held a meeting with Sanjay Mehrotra, President and CEO of Micron Technology Inc., conveying Beijing’s open arms for the US semiconductor company to broaden its presence in the Chinese market.",
    "This gesture signifies a growing sense of cooperation between the world’s two largest economies.",
    "The pivotal meeting took place on November 1, where Minister Wang Wentao assured Micron Technology of China’s commitment to enhancing the investment environment for foreign entities.",
    "This commitment was accompanied by guarantees of services tailored to support foreign businesses, as disclosed in a succinct statement released on the commerce ministry’s website on Friday.",
    "In his remarks during the meeting, Minister Wang stated, “We welcome Micron Technology to continue to establish a strong presence in the Chinese market and achieve further growth, provided it adheres to Chinese laws and regulations.”",
    "This harmonious turn of events follows a recent incident where China’s cyberspace regulator conducted a network security review, concluding that Micron had not met the required standards.",
    "Consequently, Chinese operators of vital infrastructure were prohibited from purchasing products from the largest US memory chip manufacturer.",
    "This move was widely perceived as a retaliatory response to Washington’s efforts to limit China’s access to critical technology.",
    "It coincided with a declaration by the Group of Seven (G7) major industrialized nations that they would seek to “de-risk, not decouple” from China.",
    "Additionally, Washington had been urging its allies to join in restricting the export of chip equipment to China.",
    "The meeting held on Wednesday between Wang Wentao and Sanjay Mehrotra is part of a broader trend of improving relations between Washington and Beijing.",
    "Officials from both nations have been working towards organizing a meeting between US President Joe Biden and his Chinese counterpart, Xi Jinping, scheduled later this month at the Asia-Pacific Economic Cooperation summit in San Francisco.",
    "This diplomatic effort underscores a renewed attempt to foster cooperation and understanding between the two global economic giants.",
    "(With inputs from agencies)",
]


def claim(source: int, index: int, text: str, clauses: tuple[str, ...] = ()) -> Claim:
    """A claim for a hand-listed sentence; clauses default to the whole sentence."""
    sentence = Sentence(source, index, 0, len(text), text)
    parts, start = [], 0
    for part in clauses or (text,):
        start = text.index(part, start)
        parts.append(Clause(start, start + len(part), part))
    return Claim(sentence, tuple(parts), Facts())


@pytest.fixture(scope="module")
def links() -> set[tuple[int, int]]:
    """(A sentence, B sentence) of every link between the two samples."""
    groups = align([[claim(0, i, t) for i, t in enumerate(A)], [claim(1, i, t) for i, t in enumerate(B)]],
                   Settings()).groups
    return {(link.a[1], link.b[1]) for g in groups for link in g.links}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("China’s market", ["china", "market"]),
        ("The U.S. and the United States, Washington and American firms", ["usa", "usa", "usa", "usa", "company"]),
        ("us and US", ["usa"]),
        ("Beijing said; Chinese officials told reporters", ["china", "say", "china", "official", "say", "report"]),
        ("retaliation, retaliated", ["retali", "retali"]),
        # words a suffix stripper merged stay apart
        ("news, new; policy, police; university, universe; state, station; organization, organ",
         ["news", "new", "polici", "polic", "universiti", "univers", "state", "station", "organiz", "organ"]),
        ("purchasing purchase buying", ["buy", "buy", "buy"]),
        ("restrictions, restrict, limit, curbs", ["restrict"] * 4),
        ("broaden, expand, deepen", ["expand"] * 3),
        ("footprint presence", ["presence", "presence"]),
        ("largest, top, biggest", ["largest"] * 3),
        ("the country’s and the nation’s", ["country", "country"]),
        ("banned, prohibited, barred", ["ban"] * 3),
        ("Nov. 1 and November 1", ["november", "1", "november", "1"]),
        ("two economies", ["2", "economi"]),
        ("about 15% of revenue", ["15", "percent", "revenue"]),
        ("US$587.6 million", ["587.6", "million"]),
        ("the Group of Seven (G7)", ["g7", "g7"]),
        ("“de-risk, not decouple”", ["reduce", "risk", "decoupl"]),
    ],
)
def test_normalise(text: str, expected: list[str]) -> None:
    assert normalise(text) == expected


def test_similarity_bounds_and_symmetry() -> None:
    idf = idf_table(A + B)
    a, b = A[4], B[11]
    assert 0.0 <= similarity(a, b, idf) <= 1.0
    assert similarity(a, b, idf) == pytest.approx(similarity(b, a, idf))
    assert similarity(a, a, idf) > similarity(a, b, idf) > similarity(a, B[16], idf)


def test_similarity_without_idf() -> None:
    assert similarity("Shares of Micron rose 5% on Monday.", "Micron shares rose 5 percent on Monday.") > 0.8
    assert similarity("Shares of Micron rose 5% on Monday.", "The weather in Paris was mild.") < 0.2


@pytest.mark.parametrize(
    "a, b",
    [
        (2, 6),  # the Nov. 1 meeting: optimise the environment / enhance the environment
        (1, 5),  # top two economies / two largest economies
        (4, 11),  # retaliation for restrictions / retaliatory response to efforts to limit
        (5, 12),  # G7: reduce risk, not decouple
        (5, 13),  # Washington pressed allies to restrict chip equipment
        (3, 10),  # operators of crucial/vital infrastructure stop buying/prohibited from purchasing
        (8, 15),  # officials organise a Biden-Xi meeting later this month
    ],
)
def test_sample_pairs_link(links: set[tuple[int, int]], a: int, b: int) -> None:
    assert (a, b) in links


def test_first_sentence_links_to_the_welcome(links: set[tuple[int, int]]) -> None:
    assert {(0, 4), (0, 8)} & links


@pytest.mark.parametrize("a", [7, 11, 12, 14, 15, 16, 17, 18])
def test_sentences_only_one_source_gives_stay_unlinked(links: set[tuple[int, int]], a: int) -> None:
    assert not [b for x, b in links if x == a]


def test_fifteen_percent_clause_is_unsupported() -> None:
    micron = claim(0, 6, A[6], ("Micron is one of the most significant memory chipmakers in the world",
                                "and its China business accounts for about 15% of its revenues."))
    settings = Settings()
    idf = idf_table(A + B)
    for b, text in enumerate(B):
        scores = clause_scores(micron, claim(1, b, text), idf, settings)
        assert scores[1].max() < settings.clause_threshold, text


def test_clause_scores_find_each_half() -> None:
    g7 = claim(0, 5, A[5], (
        "It also came as leaders of the G7 group of rich nations urged their allies to reduce risk and not “decouple” from China",
        "while Washington pressured its allies to restrict chip equipment sales to Beijing."))
    both = claim(1, 0, B[12] + " " + B[13], (B[12], B[13]))
    settings = Settings()
    scores = clause_scores(g7, both, idf_table(A + B), settings)
    assert scores.argmax(axis=1).tolist() == [0, 1]
    assert scores.max(axis=1).min() >= settings.clause_threshold


def test_groups_are_connected_sorted_and_many_to_many() -> None:
    claims = [
        [claim(0, 0, "Micron shares rose 5% on Monday after the ban was lifted in Beijing.")],
        [claim(1, 0, "On Monday Micron shares rose 5% after Beijing lifted the ban."),
         claim(1, 1, "The weather in Paris was mild for the season.")],
        [claim(2, 3, "Beijing lifted its ban on Micron, and Micron shares rose 5% on Monday.")],
    ]
    groups = align(claims, Settings()).groups
    assert len(groups) == 1
    assert groups[0].members == ((0, 0), (1, 0), (2, 3))
    assert all(link.a < link.b for link in groups[0].links)
    assert list(groups[0].links) == sorted(groups[0].links, key=lambda l: (l.a, l.b))


def test_a_loose_link_does_not_join_two_claims_into_one() -> None:
    # Claims X and Y, each told by sources 0, 1 and 2; one loose link X0 ~ Y1.
    x = [(0, 0), (1, 0), (2, 0)]
    y = [(0, 5), (1, 5), (2, 5)]
    links = [Link(x[0], x[1], 0.9), Link(x[1], x[2], 0.8), Link(x[0], x[2], 0.85),
             Link(y[0], y[1], 0.7), Link(y[1], y[2], 0.75), Link(x[0], y[1], 0.3)]
    assert claims_stated(links, Settings().claim_quorum) == [tuple(x), tuple(y)]


def test_a_claim_told_in_two_sentences_keeps_both() -> None:
    # Source 0 tells it in one sentence; source 1 splits it in two (the G7 call and
    # Washington's pressure on its allies, in the samples).
    links = [Link((0, 5), (1, 12), 0.27), Link((0, 5), (1, 13), 0.25), Link((0, 4), (1, 11), 0.4)]
    assert claims_stated(links, Settings().claim_quorum) == [((0, 4), (1, 11)), ((0, 5), (1, 12), (1, 13))]


def test_claims_are_stated_strongest_links_first() -> None:
    # (1, 0) fits both sentences of source 0; it goes with the one it matches best.
    links = [Link((0, 0), (1, 0), 0.4), Link((0, 1), (1, 0), 0.9), Link((0, 0), (2, 0), 0.8)]
    assert claims_stated(links, Settings().claim_quorum) == [((0, 0), (2, 0)), ((0, 1), (1, 0))]


_keys = st.tuples(st.integers(0, 4), st.integers(0, 6))


@given(st.lists(st.tuples(_keys, _keys, st.floats(0.2, 1.0)), max_size=40))
def test_every_sentence_of_a_claim_is_linked_to_it_once(raw: list) -> None:
    links = [Link(min(a, b), max(a, b), s) for a, b, s in raw if a[0] != b[0]]
    stated = claims_stated(links, Settings().claim_quorum)
    keys = [k for claim in stated for k in claim]
    assert len(keys) == len(set(keys)) and set(keys) <= {k for link in links for k in (link.a, link.b)}
    assert all(len({k[0] for k in claim}) >= 2 for claim in stated)
    which = {k: n for n, claim in enumerate(stated) for k in claim}
    partnered = {k for link in links if which.get(link.a, -1) == which.get(link.b, -2) for k in (link.a, link.b)}
    assert partnered == set(keys)


def test_debris_is_no_claim_and_never_agrees() -> None:
    from reconcile import Kind, Text, compare

    report = compare([Text("a.txt", "Advertisement\n\nMicron shares rose 5% on Monday.\n"),
                      Text("b.txt", "Advertisement\n\nThanks.\n\nThe ban on Micron was lifted.\n")])
    assert not any("Advertisement" in e.sentence or "Thanks" in e.sentence
                   for f in report.of(Kind.AGREEMENT) for e in f.evidence)
    assert {(e.sentence, e.detail) for e in report.not_claims} >= {("Advertisement", "boilerplate"),
                                                                     ("Thanks.", "fragment")}


def test_same_source_never_links() -> None:
    text = "Micron shares rose 5% on Monday after the ban was lifted."
    assert align([[claim(0, 0, text), claim(0, 1, text)]], Settings()).groups == ()


def test_with_an_anchor_only_its_claims_link() -> None:
    text = "Micron shares rose 5% on Monday after the ban was lifted in Beijing."
    claims = [[claim(0, 0, text)], [claim(1, 0, text)], [claim(2, 0, text)]]
    links = [(link.a, link.b) for g in align(claims, Settings(), anchor=1).groups for link in g.links]
    assert links == [((0, 0), (1, 0)), ((1, 0), (2, 0))]


@pytest.mark.parametrize(
    "text, count",
    [("Advertisement", 1), ("(With inputs from agencies)", 2), ("It seems that China is trying to warm up to the US.", 5)],
)
def test_content_words(text: str, count: int) -> None:
    assert content_words(text) == count


@pytest.mark.parametrize("sources", [3, 60])
def test_a_claim_every_source_restates_is_one_group_through_few_links(sources: int) -> None:
    text = "Micron shares rose 5% on Monday after the ban on its memory chips was lifted in Beijing."
    groups = align([[claim(s, 0, text)] for s in range(sources)], Settings()).groups
    assert len(groups) == 1 and len(groups[0].members) == sources
    every_pair = sources * (sources - 1) // 2
    bound = Settings().candidate_limit * sources  # blocking: each claim keeps its best partners
    assert len(groups[0].links) == every_pair if every_pair <= bound else len(groups[0].links) <= bound


MRPC = Path(__file__).parents[2] / "shared" / "data" / "mrpc" / "msr_paraphrase_train.txt"


def test_the_fitted_weights_say_where_they_came_from() -> None:
    from reconcile.align.score import fitted

    data = fitted()
    assert {"data", "command", "date", "figure", "weights"} <= set(data)
    assert "bench/tune_alignment.py" in data["command"] and "bias" in data["weights"]


@pytest.mark.skipif(not MRPC.exists(), reason="../shared/data/mrpc is not beside the repository")
def test_the_fitted_weights_still_hold_on_mrpc_train() -> None:
    """Nothing is re-fitted: a change to tokens, stems or synonyms that the fitted
    weights no longer suit shows here (bench/tune_alignment.py --write refits)."""
    import csv

    from reconcile.align.score import pair_similarities

    with MRPC.open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:] if len(r) == 5]
    pairs = [(r[3], r[4]) for r in rows]
    same = pair_similarities(pairs, idf_table(s for p in pairs for s in p)) >= Settings().paraphrase_threshold
    accuracy = sum(bool(s) == (r[0] == "1") for s, r in zip(same, rows)) / len(rows)
    assert accuracy >= 0.78, f"MRPC train accuracy {accuracy:.1%}"


def test_one_loose_link_does_not_chain_another_fact_into_a_claim() -> None:
    # four sources state one claim; a fifth source's sentence about something else
    # of the story is linked to one of them only, however strongly
    claim = [(n, 0) for n in range(4)]
    links = [Link(a, b, 0.8) for i, a in enumerate(claim) for b in claim[i + 1:]]
    alone = [*links, Link(claim[0], (4, 0), 0.9)]
    assert claims_stated(alone, 3) == [tuple(claim)]
    told = [*links, *(Link(k, (4, 0), 0.5) for k in claim[:3])]
    assert claims_stated(told, 3) == [(*claim, (4, 0))]
