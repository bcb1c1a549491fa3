"""Sentences and clauses: each claim a reader would see as one sentence is one sentence,
with offsets that point at it exactly; the details a source adds come apart as clauses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES

from reconcile.read.files import read_path, read_text
from reconcile.settings import Settings
from reconcile.text.clauses import clauses
from reconcile.text.sentences import segment, split

GOLDEN = Path(__file__).parents[2] / "shared/data/segmentation/golden_rules_en.json"
FIXTURES = Path(__file__).parent / "fixtures" / "reading"
SETTINGS = Settings()


def _sentences(text: str) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in segment(text)]


NEWS = [
    (
        "In a meeting on Nov. 1, Wang met Mehrotra. Shares rose.",
        ["In a meeting on Nov. 1, Wang met Mehrotra.", "Shares rose."],
    ),
    (
        "Micron Technology Inc. said on Friday it would expand. It did not say when.",
        ["Micron Technology Inc. said on Friday it would expand.", "It did not say when."],
    ),
    (
        "He sold it to Micron Technology Inc. The deal closed on Monday.",
        ["He sold it to Micron Technology Inc.", "The deal closed on Monday."],
    ),
    (
        "The U.S. Commerce Department imposed curbs. Beijing objected.",
        ["The U.S. Commerce Department imposed curbs.", "Beijing objected."],
    ),
    (
        "The firm earns 15% of its revenue in the U.S. But China matters more.",
        ["The firm earns 15% of its revenue in the U.S.", "But China matters more."],
    ),
    ("U.S. President Joe Biden will meet Xi.", ["U.S. President Joe Biden will meet Xi."]),
    ("Dr. Jane Smith and Mr. Li met St. Paul's mayor.", ["Dr. Jane Smith and Mr. Li met St. Paul's mayor."]),
    ("It plans to invest 4.3 billion yuan. That is US$587.6 million.", ["It plans to invest 4.3 billion yuan.", "That is US$587.6 million."]),
    ("Micron is the No. 2 maker. No. It is third.", ["Micron is the No. 2 maker.", "No.", "It is third."]),
    ("J. Smith and A. B. Jones wrote it.", ["J. Smith and A. B. Jones wrote it."]),
    (
        "“We welcome Micron.” Wang said so on Friday.",
        ["“We welcome Micron.”", "Wang said so on Friday."],
    ),
    ("“Is it over?” he asked. Nobody answered.", ["“Is it over?” he asked.", "Nobody answered."]),
    ("The firm (founded in 1978.) is based in Idaho.", ["The firm (founded in 1978.) is based in Idaho."]),
    ("Prices rose (by 5%). Sales fell.", ["Prices rose (by 5%).", "Sales fell."]),
    ("Talks stalled... Then they resumed.", ["Talks stalled...", "Then they resumed."]),
    ("Talks stalled … and then resumed.", ["Talks stalled … and then resumed."]),
    ("Trading opened at 9 a.m. Friday in Shanghai.", ["Trading opened at 9 a.m. Friday in Shanghai."]),
    ("Prices rose in 2023. 15 firms gained.", ["Prices rose in 2023.", "15 firms gained."]),
    ("See e.g. the ministry's note. It is short.", ["See e.g. the ministry's note.", "It is short."]),
    # an adverb that opens sentences ends a sentence after an ambiguous abbreviation
    ("Oman opened to El Al. Previously, flights took longer.",
     ["Oman opened to El Al.", "Previously, flights took longer."]),
    ("Smith et al. Recently showed it.", ["Smith et al.", "Recently showed it."]),
    ("Smith et al. Reported it in 2020.", ["Smith et al. Reported it in 2020."]),
    # line structure
    (
        "Chinese minister welcomes Micron\nThe meeting took place on Nov. 1.",
        ["Chinese minister welcomes Micron", "The meeting took place on Nov. 1."],
    ),
    (
        "The meeting took place on Nov. 1 between Wang\nWentao and Sanjay Mehrotra, officials said.",
        ["The meeting took place on Nov. 1 between Wang Wentao and Sanjay Mehrotra, officials said."],
    ),
    (
        "China's commerce minister told the chief executive of\nMicron that Beijing would welcome the company.",
        ["China's commerce minister told the chief executive of Micron that Beijing would welcome the company."],
    ),
    (
        "Micron Returns To China\nShares rose.",
        ["Micron Returns To China", "Shares rose."],
    ),
    ("Shares rose\n\nin Shanghai.", ["Shares rose", "in Shanghai."]),
    ("# Micron returns\nThe meeting was on Wednesday.", ["# Micron returns", "The meeting was on Wednesday."]),
]


@pytest.mark.parametrize("text, expected", NEWS)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Advertisement"])
def test_degenerate_input(text: str) -> None:
    assert _sentences(text) == ([text] if text.strip() else [])


@pytest.mark.skipif(not GOLDEN.exists(), reason="Golden Rules data not present")
def test_golden_rules() -> None:
    rules = json.loads(GOLDEN.read_text(encoding="utf-8"))
    failed = [
        r["id"]
        for r in rules
        if _sentences(r["text"]) != [" ".join(x.split()) for x in r["expected"]]
    ]
    assert len(rules) - len(failed) >= 46, failed


# Documents


def _docs():
    paths = [*sorted(SAMPLES.glob("*.txt")), *sorted(FIXTURES.iterdir())]
    return [read_path(p, SETTINGS) for p in paths]


@pytest.mark.parametrize("doc", _docs(), ids=lambda d: Path(d.path).name)
def test_every_word_lies_in_a_sentence(doc) -> None:
    covered = bytearray(len(doc.plain))
    sentences = split(doc, 0)
    for s in sentences:
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
        assert s.text == " ".join(doc.plain[s.start : s.end].split())
        assert doc.text[s.start : s.end].strip() == doc.text[s.start : s.end]
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert [i for i, c in enumerate(doc.plain) if not c.isspace() and not covered[i]] == []


def test_sample_1() -> None:
    doc = read_path(SAMPLES / "1-thaw.txt", SETTINGS)
    sentences = split(doc, 0)
    assert len(sentences) == 19
    assert sentences[2].text.startswith("In a meeting on Nov. 1, Commerce Minister Wang Wentao")
    assert doc.locate(sentences[2].start) == (1, 242)
    assert not any(s.heading for s in sentences)


def test_sample_2() -> None:
    doc = read_path(SAMPLES / "2-tensions-easing.txt", SETTINGS)
    sentences = split(doc, 1)
    texts = [s.text for s in sentences]
    assert 14 <= len(sentences) <= 20
    assert sum("Chinese commerce minister welcomes Micron" in t for t in texts) == 1
    assert not [t for t in texts if "Advertisement" in t or "With inputs" in t]
    headline = next(s for s in sentences if s.text.startswith("Chinese commerce minister welcomes"))
    assert headline.heading and doc.locate(headline.start)[0] == 1
    # the unpunctuated standfirst is one sentence, not glued to the paragraph after it
    standfirst = next(s for s in sentences if s.text.startswith("After banning Micron"))
    assert standfirst.text.endswith("operations in the country") and standfirst.heading
    assert {s.source for s in sentences} == {1}


def test_markdown_heading_is_its_own_sentence() -> None:
    doc = read_text("# Micron returns\nThe meeting was on Wednesday.", "a.md", SETTINGS)
    assert [(s.text, s.heading) for s in split(doc, 0)] == [
        ("Micron returns", True),
        ("The meeting was on Wednesday.", False),
    ]


def test_soft_wrapped_markdown_is_one_sentence() -> None:
    text = (
        "China's **commerce minister** met Micron's chief executive on\n"
        "Wednesday, the [ministry said](https://example.com) in a\n"
        "statement.\n"
    )
    doc = read_text(text, "a.md", SETTINGS)
    assert [s.text for s in split(doc, 0)] == [
        "China's commerce minister met Micron's chief executive on Wednesday, the ministry said in a statement."
    ]


# Clauses


def _clauses(sentence_start: str, path: Path = SAMPLES / "2-tensions-easing.txt") -> list[str]:
    doc = read_path(path, SETTINGS)
    sentence = next(s for s in split(doc, 0) if s.text.startswith(sentence_start))
    parts = clauses(sentence, doc)
    for c in parts:
        assert c.text == " ".join(doc.text[c.start : c.end].split())
        assert sentence.start <= c.start < c.end <= sentence.end
    return [c.text for c in parts]


@pytest.mark.parametrize(
    "path, sentence, second",
    [
        (
            SAMPLES / "2-tensions-easing.txt",
            "This commitment was accompanied",
            "as disclosed in a succinct statement released on the commerce ministry’s website on Friday.",
        ),
        (
            SAMPLES / "2-tensions-easing.txt",
            "In his remarks during the meeting",
            "provided it adheres to Chinese laws and regulations.”",
        ),
        (
            SAMPLES / "1-thaw.txt",
            "It also came as leaders of the G7",
            "while Washington pressured its allies to restrict chip equipment sales to Beijing.",
        ),
        (
            SAMPLES / "1-thaw.txt",
            "Micron is one of the most significant",
            "and its China business accounts for about 15% of its revenues.",
        ),
        (
            SAMPLES / "1-thaw.txt",
            "The statement came a day after",
            "because it poses “serious network security risks.”",
        ),
        (
            SAMPLES / "1-thaw.txt",
            "The news comes after U.S. authorities",
            "including ByteDance and TikTok.",
        ),
    ],
)
def test_sample_clauses(path: Path, sentence: str, second: str) -> None:
    parts = _clauses(sentence, path)
    assert len(parts) == 2 and parts[1] == second, parts


def test_clause_offsets_are_the_original_text() -> None:
    doc = read_path(SAMPLES / "2-tensions-easing.txt", SETTINGS)
    sentence = next(s for s in split(doc, 0) if s.text.startswith("This commitment"))
    first, second = clauses(sentence, doc)
    assert doc.text[first.start : first.end].endswith("support foreign businesses")
    assert doc.text[second.start : second.end].startswith("as disclosed")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He met officials from Japan, Korea, and the United States on Monday.", 1),
        ("The ban stays, and it covers memory chips.", 2),
        ("It rose, as expected.", 1),  # a piece under three words joins its neighbour
        ("Analysts warn it could escalate as Beijing combats what it sees as U.S. hegemony.", 2),
        ("Prices were seen as a retaliation by the government.", 1),
        ("Shares rose 5%; the ministry declined to comment.", 2),
        ("Shares rose 5% on Monday, according to the exchange, which opened late.", 3),
        ("The firm, founded in Idaho, employs 48,000 people.", 1),
    ],
)
def test_clause_counts(text: str, expected: int) -> None:
    doc = read_text(text, "a.txt", SETTINGS)
    (sentence,) = split(doc, 0)
    assert len(clauses(sentence, doc)) == expected, [c.text for c in clauses(sentence, doc)]
