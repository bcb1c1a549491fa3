"""Reading a source: what a fact-checker relies on is that every offset points into
the file as written, and that markup and page debris never become claims."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from conftest import SAMPLES

from reconcile.errors import InputError, ReconcileError
from reconcile.read.files import read_path, read_text
from reconcile.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
SETTINGS = Settings()


def _read_bytes(tmp_path: Path, data: bytes, name: str = "source.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_path(path, SETTINGS)


def _kept(doc, needle: str) -> bool:
    """Whether the words of ``needle`` stand in the plain view exactly where the text has them."""
    start = doc.text.index(needle)
    return doc.plain[start : start + len(needle)] == needle


def _blanked(doc, needle: str) -> bool:
    start = doc.text.index(needle)
    return doc.plain[start : start + len(needle)].strip() == ""


# Offsets and line endings


def test_plain_text_passes_through_with_exact_offsets() -> None:
    text = "Wang met Mehrotra on Nov. 1.\nShares rose 2%."
    doc = read_text(text, "a.txt", SETTINGS)
    assert doc.text == doc.plain == text
    assert doc.locate(text.index("Shares")) == (2, 1)
    assert doc.excluded == () and doc.warnings == ()


def test_crlf_keeps_the_text_and_lines_right() -> None:
    doc = read_path(FIXTURES / "crlf.txt", SETTINGS)
    raw = (FIXTURES / "crlf.txt").read_bytes().decode("utf-8")
    assert doc.text == raw
    assert "\r" not in doc.plain and len(doc.plain) == len(doc.text)
    assert doc.locate(doc.text.index("The meeting")) == (4, 1)


def test_lone_cr_counts_as_a_line_break() -> None:
    doc = read_text("First line.\rSecond line.", "a.txt", SETTINGS)
    assert doc.text == "First line.\nSecond line."
    assert doc.locate(doc.text.index("Second")) == (2, 1)


def test_agency_dateline_prefix_is_blanked() -> None:
    doc = read_path(FIXTURES / "crlf.txt", SETTINGS)
    assert _blanked(doc, "BEIJING, Nov 3 (Reuters) -")
    assert _kept(doc, "China's commerce minister met Micron's chief.")
    assert [why for _, _, why in doc.excluded] == ["dateline"]


@pytest.mark.parametrize("line", ["Mumbai, Nov 11 - ", "WASHINGTON-April 27 - ", "Mumbai, Nov 11 -\n",
                                  "HARWICK, Nov 13 (PCNA) - "])
def test_place_and_day_dateline_is_blanked(line: str) -> None:
    doc = read_text(f"{line}Indian Navy foiled a pirate attack yesterday.", "a.txt", SETTINGS)
    assert _blanked(doc, line.strip()) and _kept(doc, "Indian Navy foiled a pirate attack yesterday.")


def test_a_range_of_days_opening_a_sentence_is_no_dateline() -> None:
    doc = read_text("The meeting, May 3 - 5 was closed to the press.", "a.txt", SETTINGS)
    assert _kept(doc, "The meeting, May 3 - 5 was closed to the press.")


# Encodings

CP1252 = "Micron’s chief met the minister on Wednesday – a “thaw”, said the café; the plant cost 5€ million."
LATIN1 = "Le ministre a rencontré à Genève le directeur général de Micron, a-t-il déclaré."


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        ("Café “quoted”.".encode(), "Café “quoted”.", "utf-8"),
        (b"\xef\xbb\xbf" + "Café.".encode(), "Café.", "utf-8-sig"),
        ("Café.\nZürich.".encode("utf-16"), "Café.\nZürich.", "utf-16"),
        (b"\xfe\xff" + "Café.".encode("utf-16-be"), "Café.", "utf-16"),
        (CP1252.encode("cp1252"), CP1252, "cp1252"),
        (LATIN1.encode("latin-1"), LATIN1, "cp1252"),  # cp1252 reads every latin-1 letter alike
    ],
)
def test_encodings(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    doc = _read_bytes(tmp_path, data)
    assert (doc.text, doc.encoding) == (text, encoding)
    assert doc.plain == text
    assert doc.warnings == (() if encoding.startswith("utf") else (f"not UTF-8: decoded as {encoding}, as detected",))


def test_bom_is_not_counted_in_offsets(tmp_path: Path) -> None:
    doc = _read_bytes(tmp_path, b"\xef\xbb\xbfLine one.\nLine two.")
    assert doc.text.index("Line two") == 10
    assert doc.locate(10) == (2, 1)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file_is_a_warning_not_an_error(tmp_path: Path, data: bytes) -> None:
    doc = _read_bytes(tmp_path, data)
    assert doc.warnings == ("empty file",)
    assert doc.plain.strip() == ""


# Errors a user can fix


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as caught:
        read_path(tmp_path / "gone.txt", SETTINGS)
    assert caught.value.path == str(tmp_path / "gone.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path, SETTINGS)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden.")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_path(path, SETTINGS)


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden.")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(InputError, match="permission denied"):
        read_path(path, SETTINGS)


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",  # a zip archive
        b"\x89PNG\r\n\x1a\n" + bytes(range(1, 9)) * 20,  # an image without NUL bytes
        bytes(range(0x80, 0x100)) + b"\x01\x02\x03\x04\x05\x06\x07\x08" * 8,
    ],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError, match="binary file"):
        _read_bytes(tmp_path, data)


def test_invalid_boilerplate_pattern_is_a_user_error() -> None:
    with pytest.raises(ReconcileError, match="invalid boilerplate pattern"):
        read_text("Text.", "a.txt", Settings(boilerplate=("([",)))


def test_the_file_is_never_modified(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes((SAMPLES / "2-tensions-easing.txt").read_bytes())
    path.chmod(0o444)
    before = (path.stat().st_mtime_ns, path.read_bytes())
    read_path(path, SETTINGS)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


# Markdown


@pytest.fixture(scope="module")
def markdown():
    return read_path(FIXTURES / "article.md", SETTINGS)


@pytest.mark.parametrize(
    "kept",
    [
        "China welcomes Micron",
        "commerce minister",
        "Micron's",
        "ministry said",
        "Shares rose by 2% on Monday.",
        '"We welcome Micron," Wang said.',
        "ban",
    ],
)
def test_markdown_words_stay(markdown, kept: str) -> None:
    assert _kept(markdown, kept)


@pytest.mark.parametrize(
    "blanked",
    [
        "title: Micron returns",  # front matter
        "# ",  # heading hashes
        "**",  # emphasis
        "_Micron",
        "[ministry",
        "](https://example.com/statement)",  # link target
        "![A photo of the meeting](photo.jpg)",  # image, alt text too
        "<!-- reconcile: ignore[RC101] -->",
        "> ",  # blockquote
        "- Shares",  # list bullet
        "`ban`",
        "\n---\n",  # horizontal rule
    ],
)
def test_markdown_markup_is_blanked(markdown, blanked: str) -> None:
    start = markdown.text.index(blanked)
    view = markdown.plain[start : start + len(blanked)]
    assert not set(view) & set("#*_[]()!<>-`:"), view


def test_markdown_comment_stays_in_the_text(markdown) -> None:
    assert "<!-- reconcile: ignore[RC101] -->" in markdown.text


def test_txt_articles_keep_their_punctuation() -> None:
    text = "Shares rose *5%* on [Monday](x), - said the firm # 2."
    assert read_text(text, "a.txt", SETTINGS).plain == text


# News page debris


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "- Advertisement -",
        "(With inputs from agencies)",
        "Read more: China bans Micron chips",
        "Read more:",
        "Share this article",
        "Send this page to someone via email",
        "Subscribe to our newsletter",
        "Click here to read the full statement",
        "Photo: Reuters",
        "REUTERS/Florence Lo",
        "Also Read",
        "Related: Micron shares jump after China meeting",
        "© 2023 Example News. All rights reserved.",
        "Copyright 2023 Reuters",
        "Reporting by Josh Ye; Editing by Jane Doe",
        "By John Smith",
        "Story continues below advertisement",
        "Sponsored content",
    ],
)
def test_debris_lines_are_excluded(line: str) -> None:
    text = f"Wang met Mehrotra on Wednesday.\n\n{line}\n\nShares rose."
    doc = read_text(text, "a.txt", SETTINGS)
    start = text.index(line)
    assert doc.plain[start : start + len(line)].strip() == ""
    assert (start, start + len(line), "boilerplate") in doc.excluded


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement revenue rose 5% in the quarter.",
        "Share prices of Micron fell on Monday.",
        "Photographs of the meeting were released on Friday.",
        "By the end of the day, shares had fallen.",
        "Related companies also gained.",
        "Subscribers to the service rose to 2 million.",
    ],
)
def test_claims_that_look_like_debris_stay(line: str) -> None:
    doc = read_text(f"{line}\n", "a.txt", SETTINGS)
    assert doc.plain.strip() == line and doc.excluded == ()


def test_extra_boilerplate_from_settings() -> None:
    text = "Wang met Mehrotra.\nMORE FROM EXAMPLE NEWS\nShares rose."
    settings = Settings(boilerplate=(r"more from .*",))
    doc = read_text(text, "a.txt", settings)
    assert _blanked(doc, "MORE FROM EXAMPLE NEWS") and _kept(doc, "Shares rose.")
    assert _kept(read_text(text, "a.txt", SETTINGS), "MORE FROM EXAMPLE NEWS")


def test_debris_fixture_leaves_only_the_claim_and_headline() -> None:
    doc = read_path(FIXTURES / "debris.txt", SETTINGS)
    assert doc.plain.split() == (
        "Chinese minister welcomes Micron The minister met the chief executive of Micron on Wednesday.".split()
    )
    assert doc.published == date(2023, 11, 3)


def test_repeated_headline_counts_once() -> None:
    doc = read_path(SAMPLES / "2-tensions-easing.txt", SETTINGS)
    headline = "US-China tensions easing? Chinese commerce minister welcomes Micron to expand in domestic market"
    first = doc.text.index(headline)
    second = doc.text.index(headline, first + 1)
    assert doc.plain[first : first + len(headline)] == headline
    assert doc.plain[second : second + len(headline)].strip() == ""
    assert (second, second + len(headline), "repeated line") in doc.excluded
    assert "Advertisement" not in doc.plain and "With inputs from agencies" not in doc.plain


def test_repetition_ignores_case_and_spacing() -> None:
    doc = read_text("Micron  Returns\n\nmicron returns\n\nBody text here.", "a.txt", SETTINGS)
    assert [why for _, _, why in doc.excluded] == ["repeated line"]


# Publication date


@pytest.mark.parametrize(
    "line, published",
    [
        ("Published: November 3, 2023", date(2023, 11, 3)),
        ("Updated: Nov 3, 2023 10:41 AM", date(2023, 11, 3)),
        ("Updated: Nov. 3, 2023, 10:41 a.m. IST", date(2023, 11, 3)),
        ("2023-11-03", date(2023, 11, 3)),
        ("2023-11-03T10:41:00Z", date(2023, 11, 3)),
        ("Friday, November 3, 2023", date(2023, 11, 3)),
        ("3 November 2023", date(2023, 11, 3)),
        ("Posted on Fri, 3rd November 2023", date(2023, 11, 3)),
    ],
)
def test_date_line_sets_published_and_is_excluded(line: str, published: date) -> None:
    text = f"Micron returns to China\n{line}\n\nWang met Mehrotra on Wednesday."
    doc = read_text(text, "a.txt", SETTINGS)
    assert doc.published == published
    assert _blanked(doc, line)
    assert [why for _, _, why in doc.excluded] == ["date line"]


@pytest.mark.parametrize(
    "text",
    [
        "Wang met Mehrotra on November 3, 2023 in Beijing.",  # a date in a sentence
        "Micron returns\nFebruary 30, 2023\nBody.",  # no such day
    ],
)
def test_no_date_line(text: str) -> None:
    assert read_text(text, "a.txt", SETTINGS).published is None


def test_date_line_far_down_is_not_the_publication_date() -> None:
    body = "\n".join(f"Paragraph {i} of the story." for i in range(20))
    assert read_text(body + "\nNovember 3, 2023", "a.txt", SETTINGS).published is None


def test_reference_date_wins_over_the_date_line() -> None:
    settings = Settings(reference_date=date(2023, 11, 5))
    doc = read_text("Published: November 3, 2023\n\nBody.", "a.txt", settings)
    assert doc.published == date(2023, 11, 5)
    assert _blanked(doc, "Published: November 3, 2023")
