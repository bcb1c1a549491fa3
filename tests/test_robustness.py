"""Bad, huge and hostile input: every file gets a clear answer, and nothing is lost.

What a fact-check CI meets: files it cannot read, old encodings, empty drafts,
saved web pages, text piped in, megabytes of text, Ctrl-C, a failing disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, SAMPLES, one_line_error
from reports import cited
from typer.testing import CliRunner

from reconcile import cli, writing
from reconcile.api import Text, compare
from reconcile.errors import InputError
from reconcile.facts.claims import analyse
from reconcile.read import html
from reconcile.read.files import read_path, read_text
from reconcile.settings import Settings

runner = CliRunner()
HTML = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(HTML.glob("*.html"))
SCHEMA = json.loads((ROOT / "reconcile" / "schema" / "report.schema.json").read_text(encoding="utf-8"))
CLAIM = "The commerce minister met Micron's chief executive in Beijing on Nov. 1.\n"


def _file(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def _json(result) -> dict:
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    return data


def _fold(text: str) -> str:
    return "".join(text.split())


# -- files that cannot be read: exit 2, one line naming the file and the problem


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("gone.txt", None, "no such file"),
        ("folder", "dir", "holds no article files"),
        ("archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)), "binary file"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 40, "binary file"),
        ("broken.txt", b"\xff\xfe" + "Caf\u00e9.".encode("utf-16-le")[:-1], "despite its byte-order mark"),
    ],
)
def test_unreadable_file_is_one_line_naming_it(tmp_path: Path, name: str, data, problem: str) -> None:
    good = _file(tmp_path, "good.txt", CLAIM)
    bad = tmp_path / name
    if data == "dir":
        bad.mkdir()
    elif data is not None:
        bad.write_bytes(data)
    line = one_line_error(runner.invoke(cli.app, ["compare", good, str(bad)]), str(bad), problem)
    assert line.startswith("reconcile: error: ")


def test_permission_denied_is_one_line_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = _file(tmp_path, "good.txt", CLAIM)
    secret = _file(tmp_path, "secret.txt", CLAIM)
    os.chmod(secret, 0)
    if os.access(secret, os.R_OK):  # root reads anything: make open refuse as it would
        real_open = open

        def refusing(file, *args, **kwargs):
            if str(file) == secret:
                raise PermissionError(13, "Permission denied", secret)
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr("builtins.open", refusing)
    one_line_error(runner.invoke(cli.app, ["compare", good, secret]), secret, "permission denied")


def test_check_names_the_unreadable_draft(tmp_path: Path) -> None:
    source = _file(tmp_path, "source.txt", CLAIM)
    draft = str(tmp_path / "draft.md")
    one_line_error(runner.invoke(cli.app, ["check", draft, "--against", source]), draft, "no such file")


# -- encodings


@pytest.mark.parametrize(
    "data, encoding",
    [
        (CLAIM.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + CLAIM.encode("utf-8"), "utf-8-sig"),
        (CLAIM.encode("utf-16"), "utf-16"),
        (CLAIM.replace("Micron's", "Micron’s").encode("cp1252"), "cp1252"),
        (CLAIM.replace("Beijing", "Bei\u00efjing").encode("latin-1"), "cp1252"),
    ],
)
def test_encoding_is_decoded_and_named_in_json(tmp_path: Path, data: bytes, encoding: str) -> None:
    a = _file(tmp_path, "a.txt", data)
    b = _file(tmp_path, "b.txt", CLAIM)
    report = _json(runner.invoke(cli.app, ["compare", "-f", "json", a, b]))
    source = report["sources"][0]
    assert source["encoding"] == encoding
    assert source["claims"] == 1
    assert report["counts"]["agreement"] == 1  # the same claim, read right
    assert any("decoded as" in w for w in source["warnings"]) == (not encoding.startswith("utf"))


CYRILLIC = (  # two sentences: on one short sentence a detector can only guess
    "Министр торговли Китая Ван Вэньтао встретился в среду в Пекине с главой компании Micron. "
    "Доля Китая в выручке компании составляет около 15%."
)


@pytest.mark.parametrize(
    "text, codec, encoding",
    [
        (CYRILLIC, "cp1251", "cp1251"),
        (CYRILLIC, "koi8-r", "koi8-r"),
        ("中国商务部长王文涛周三在北京会见了美光公司首席执行官。", "gb18030", "gb18030"),
        ("中国の王文濤商務相は水曜日、北京でマイクロンの最高経営責任者と会談した。", "shift_jis", "cp932"),
    ],
)
def test_other_legacy_encodings_are_detected(tmp_path: Path, text: str, codec: str, encoding: str) -> None:
    pytest.importorskip("charset_normalizer")
    doc = read_path(_file(tmp_path, "a.txt", text.encode(codec)), Settings())
    assert (doc.text, doc.encoding) == (text, encoding)


def test_the_detector_is_imported_only_for_legacy_files(tmp_path: Path) -> None:
    """Most files are UTF-8: they do not pay for importing charset-normalizer."""
    path = _file(tmp_path, "a.txt", CLAIM)
    code = (
        "import sys; from reconcile.read.files import read_path; from reconcile.settings import Settings; "
        f"read_path({path!r}, Settings()); print('charset_normalizer' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


# -- empty files


@pytest.mark.parametrize("data", [b"", b"  \n\t\n", b"\xef\xbb\xbf", "\n \u00a0\n".encode()])
def test_empty_file_is_a_warning_with_zero_claims_and_a_valid_report(tmp_path: Path, data: bytes) -> None:
    empty = _file(tmp_path, "empty.md", data)
    other = _file(tmp_path, "other.txt", CLAIM)
    result = runner.invoke(cli.app, ["compare", "-f", "json", empty, other])
    assert result.exit_code == 0, result.output
    report = _json(result)
    assert report["sources"][0]["claims"] == 0
    assert report["sources"][0]["warnings"] == ["empty file"]


def test_empty_draft_checks_cleanly(tmp_path: Path) -> None:
    draft = _file(tmp_path, "draft.md", "")
    source = _file(tmp_path, "source.txt", CLAIM)
    result = runner.invoke(cli.app, ["check", draft, "--against", source, "-f", "json"])
    assert result.exit_code == 0
    assert _json(result)["findings"] == []


def test_page_with_no_article_text_is_a_warning() -> None:
    doc = read_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>", "a.html", Settings())
    assert doc.warnings == ("no article text found",)
    assert doc.plain.strip() == ""


# -- standard input


def test_standard_input_as_a_source(tmp_path: Path) -> None:
    other = _file(tmp_path, "other.txt", CLAIM)
    result = runner.invoke(cli.app, ["compare", "-f", "json", "-", other], input=CLAIM.encode("cp1252"))
    report = _json(result)
    assert report["sources"][0]["path"] == "<stdin>"
    (agreement,) = report["findings"]
    assert [e["file"] for e in cited(report, agreement)] == ["<stdin>", other]


def test_standard_input_as_the_draft(tmp_path: Path) -> None:
    source = _file(tmp_path, "source.txt", CLAIM)
    draft = "Micron's chief met the commerce minister in Beijing on Nov. 2.\n"
    result = runner.invoke(cli.app, ["check", "-", "--against", source, "-f", "json"], input=draft)
    assert result.exit_code == 1
    report = _json(result)
    assert report["mode"] == "check" and report["sources"][0]["path"] == "<stdin>"
    assert report["counts"]["contradiction"] == 1


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "-", "-"],
        ["check", "-", "--against", "-"],
        ["timeline", "-", "-"],
    ],
)
def test_standard_input_stands_for_one_source_only(args: list[str]) -> None:
    one_line_error(runner.invoke(cli.app, args, input=CLAIM), "'-' (standard input) can be given only once")


def test_standard_input_html_is_recognised(tmp_path: Path) -> None:
    other = _file(tmp_path, "other.txt", CLAIM)
    page = (HTML / "wordpress.html").read_bytes()
    report = _json(runner.invoke(cli.app, ["compare", "-f", "json", "-", other], input=page))
    assert report["sources"][0]["published"] == "2023-11-03"  # from the page's metadata
    assert report["sources"][0]["claims"] == 6  # the headline is no claim


@pytest.mark.parametrize(
    "args",
    [["compare", "-", "-"], ["check", "-", "--against", "-"], ["check", "draft.md", "--against", "-", "-"]],
)
def test_standard_input_only_once(args: list[str]) -> None:
    one_line_error(runner.invoke(cli.app, args, input="x"), "standard input", "once")


# -- HTML pages


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_html_page_gives_its_article_sentences(page: Path) -> None:
    doc = read_path(page, Settings())
    found = _fold(" ".join(s.text for s in analyse(doc, 0, Settings()).sentences))
    at = 0
    for line in page.with_suffix(".expected.txt").read_text(encoding="utf-8").splitlines():
        at = found.find(_fold(line), at)
        assert at != -1, f"missing or out of order: {line}"


@pytest.mark.parametrize(
    "page, left_out",
    [
        ("wordpress", ["We use cookies", "Skip to content", "Chips Markets Policy", "Share on X", "Related",
                       "Micron to invest $600 million", "Great news", "Recent Posts", "Subscribe", "Not a paragraph",
                       "Buy now", "Advertisement", "File photo", "Tagged", "All rights reserved"]),
        ("news-site", ["Accept All Cookies", "hidden copy", "World Business Tech", "Home", "By Li Wei",
                       "Photo: Xinhua", "Advertisement", "Sign up", "Email address", "Most Read", "Oil prices",
                       "Reporting by", "Terms"]),
        ("legacy-cp1252", ["Regional Courier - Business", "Weather", "Copyright", "Port traffic", "Contact us"]),
        ("blog", ["Blogger Navigation", "Notes on the memory market", "Email This", "Labels", "Anonymous said",
                  "Mainland share", "Newer Post", "Blog Archive", "Twenty years"]),
        ("hashed-classes", ["agree to cookies", "Science", "Micron has factories", "China bans US chipmaker",
                            "Semiconductors", "Ceasefire", "Terms of Use", "__NEXT_DATA__"]),
    ],
)
def test_html_page_furniture_is_left_out(page: str, left_out: list[str]) -> None:
    plain = _fold(read_path(HTML / f"{page}.html", Settings()).plain)
    assert [text for text in left_out if _fold(text) in plain] == []


@pytest.mark.parametrize(
    "page, sentence, line, column",
    [
        ("wordpress", "In June, the Idaho-based firm", 57, 8),
        ("wordpress", "Micron &amp; its suppliers", 55, 90),
        ("news-site", "Shares of Micron rose 2.3%", 2, 1521),
        ("legacy-cp1252", "Wang said China would", 20, 4),
        ("blog", "Micron gets about a quarter", 26, 1),
    ],
)
def test_html_sentences_are_located_in_the_html_file(page: str, sentence: str, line: int, column: int) -> None:
    doc = read_path(HTML / f"{page}.html", Settings())
    (found,) = [s for s in analyse(doc, 0, Settings()).sentences if doc.text[s.start : s.end].startswith(sentence)]
    assert doc.locate(found.start) == (line, column)
    assert doc.text.split("\n")[line - 1][column - 1 :].startswith(sentence)


@pytest.mark.parametrize(
    "markup, words",
    [
        ("<p>Shares rose 5&nbsp;% on Monday &amp; Tuesday.</p>", "Shares rose 5 % on Monday & Tuesday."),
        ("<p>&ldquo;We welcome Micron,&rdquo; Wang said.</p>", "“We welcome Micron,” Wang said."),
        ("<p>The caf&eacute; said so.</p>", "The café said so."),
        ("<P>One para.<P>Two para.", "One para. Two para."),  # unclosed paragraphs
        ("<p>Text</div></span> more text.</p>", "Text more text."),  # stray end tags
        ("<p>Kept.</p><script>if (a < b) { s = '</p><p>not text'; }</script>", "Kept."),
        ("<p>Kept.</p><!-- a comment that never ends <p>Lost", "Kept."),
        ('<p>Kept.</p><a href="unterminated>Lost forever</a>', "Kept."),
        ("<p>A &unknown; entity, &#0; and &#x110000; stay.</p>", "A &unknown; entity, \ufffd and \ufffd stay."),
    ],
)
def test_html_markup_cases(markup: str, words: str) -> None:
    text = f"<html><body><article>{markup}</article></body></html>"
    plain = read_text(text, "a.html", Settings()).plain
    assert len(plain) == len(text)
    assert plain.split() == words.split()


def test_entity_letter_stays_with_its_word() -> None:
    page = html.read("<p>caf&eacute; &ldquo;quoted&rdquo; Micron&rsquo;s</p>")
    assert page.plain.split() == ["café", "“quoted”", "Micron", "’s"]


# -- size limits


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = _file(tmp_path, "big.txt", CLAIM * 100)
    other = _file(tmp_path, "other.txt", CLAIM)
    (tmp_path / "reconcile.toml").write_text("max-file-bytes = 1000\n")
    result = runner.invoke(cli.app, ["compare", big, other, "--config", str(tmp_path / "reconcile.toml")])
    one_line_error(result, big, "is 0.0 MB, over the limit of 0.001 MB", "max-file-bytes")


def test_standard_input_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    other = _file(tmp_path, "other.txt", CLAIM)
    (tmp_path / "reconcile.toml").write_text("max-file-bytes = 1000\n")
    args = ["compare", "-", other, "--config", str(tmp_path / "reconcile.toml")]
    one_line_error(runner.invoke(cli.app, args, input=CLAIM * 100), "<stdin>", "over the limit", "max-file-bytes")


def test_text_over_the_limit_is_refused_with_its_size() -> None:
    text = "".join(f"Paragraph {i} of the story has six words.\n" for i in range(200))
    with pytest.raises(InputError, match=r"a.txt: has 6,690 characters of article text, over the limit of 5,000"):
        read_text(text, "a.txt", Settings(max_text_chars=5_000))


def test_markup_does_not_count_as_text() -> None:
    page = "<html><body><article><p>" + CLAIM + "</p>" + "<script>x</script>" * 1000 + "</article></body></html>"
    assert read_text(page, "a.html", Settings(max_text_chars=100)).plain.split() == CLAIM.split()


def test_zero_means_no_limit() -> None:
    text = "".join(f"Paragraph {i} of the story has six words.\n" for i in range(200))
    assert read_text(text, "a.txt", Settings(max_text_chars=0)).warnings == ()


WORDS = "minister company market shares chips plant officials talks "


def test_long_run_with_no_sentence_end_is_read_in_pieces() -> None:
    text = "Intro sentence here.\n\n" + WORDS * 500 + "\n\nLast sentence.\n"
    doc = read_text(text, "a.txt", Settings(max_sentence_chars=1_000))
    assert doc.warnings == ("line 3: 29,500 characters with no sentence end, read in pieces of at most 1,000 (max-sentence-chars)",)
    sentences = analyse(doc, 0, Settings(max_sentence_chars=1_000)).sentences
    pieces = sentences[1:-1]
    assert len(pieces) == 30
    assert all(500 <= s.end - s.start <= 1_000 for s in pieces[:-1])
    assert " ".join(s.text for s in pieces) == " ".join(WORDS.split() * 500)  # every word once, none cut
    assert [sentences[0].text, sentences[-1].text] == ["Intro sentence here.", "Last sentence."]


def test_a_word_longer_than_the_limit_is_cut_where_it_falls() -> None:
    doc = read_text("x" * 2_500, "a.txt", Settings())
    assert [(s.start, s.end) for s in analyse(doc, 0, Settings()).sentences] == [(0, 2_000), (2_000, 2_500)]


def test_long_sentences_are_left_whole_without_a_limit() -> None:
    doc = read_text(WORDS * 100, "a.txt", Settings(max_sentence_chars=0))
    assert len(analyse(doc, 0, Settings(max_sentence_chars=0)).sentences) == 1


# -- determinism


def test_json_is_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    files = [str(p) for p in sorted(SAMPLES.glob("*.txt"))] + [str(HTML / "news-site.html")]
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        run = subprocess.run(
            [sys.executable, "-m", "reconcile", "compare", "-f", "json", *files],
            capture_output=True, env=env, cwd=tmp_path, check=False,
        )
        assert run.returncode == 1, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1


CASE_09 = ROOT.parent / "shared" / "cases" / "case-09-gulf-of-merrin-earthquake"


@pytest.mark.skipif(not CASE_09.exists(), reason="../shared/cases is not beside the repository")
def test_slot_overlaps_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Seeds 0 and 2 gave this case different agreements while the judge summed
    context weights in set order (floating-point sums depend on their order)."""
    files = [str(p) for p in sorted(CASE_09.glob("*.txt"))]
    outputs = set()
    for seed in ("0", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        run = subprocess.run([sys.executable, "-m", "reconcile", "compare", "-f", "json", "--exit-zero", *files],
                             capture_output=True, env=env, cwd=tmp_path, check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1


# -- nothing lost


def _digests(paths: list[str]) -> list[tuple[str, int]]:
    return [(hashlib.sha256(Path(p).read_bytes()).hexdigest(), Path(p).stat().st_mtime_ns) for p in paths]


def test_read_only_inputs_are_never_changed(tmp_path: Path) -> None:
    files = [_file(tmp_path, "a.txt", CLAIM), _file(tmp_path, "b.md", "# Title\n\n" + CLAIM)]
    files.append(_file(tmp_path, "c.html", (HTML / "wordpress.html").read_bytes()))
    for f in files:
        os.chmod(f, 0o444)
    before = _digests(files)
    out = tmp_path / "report.json"
    result = runner.invoke(cli.app, ["compare", "-f", "json", "-o", str(out), *files])
    assert result.exit_code in (0, 1), result.output
    result = runner.invoke(cli.app, ["check", files[0], "--against", str(tmp_path), "--write-baseline", str(tmp_path / "b.json")])
    assert result.exit_code in (0, 1), result.output
    assert _digests(files) == before


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failing_render_leaves_the_previous_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [_file(tmp_path, "a.txt", CLAIM), _file(tmp_path, "b.txt", CLAIM)]
    out = tmp_path / "report.json"
    out.write_text("previous report\n")

    def broken(*args: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr("reconcile.render.render", broken)
    result = runner.invoke(cli.app, ["compare", "-f", "json", "-o", str(out), *files])
    assert result.exit_code != 0
    assert out.read_text() == "previous report\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_write_leaves_the_previous_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> None:
    out = tmp_path / "report.json"
    out.write_text("previous report\n")

    def fail(fd: int) -> None:
        raise failure

    monkeypatch.setattr(writing.os, "fsync", fail)
    with pytest.raises(type(failure)):
        writing.write_atomic(out, "new report, half written\n" * 1000)
    assert out.read_text() == "previous report\n"
    assert _leftovers(tmp_path) == []


def test_failing_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [_file(tmp_path, "a.txt", CLAIM), _file(tmp_path, "b.txt", CLAIM)]
    out = tmp_path / "report.json"

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", full)
    result = runner.invoke(cli.app, ["compare", "-f", "json", "-o", str(out), *files])
    one_line_error(result, str(out), "No space left on device")
    assert not out.exists() and _leftovers(tmp_path) == []


def test_ctrl_c_exits_130_with_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A real SIGINT, delivered while the sources are being read, through the
    console-script entry point."""

    def interrupted(*args: object) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        raise AssertionError("the signal should have stopped the run")

    monkeypatch.setattr("reconcile.api.compare_documents", interrupted)
    monkeypatch.setattr(sys, "argv", ["reconcile", "compare", "a.txt", "b.txt"])
    previous = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(SystemExit) as stopped:
            cli.main()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "reconcile: interrupted\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_ctrl_c_in_a_real_run(tmp_path: Path) -> None:
    """The process is stopped while it waits on a source (a named pipe the test
    holds open): exit 130, one line, no report file, no temporary file."""
    fifo = tmp_path / "slow.txt"
    os.mkfifo(fifo)
    other = _file(tmp_path, "other.txt", CLAIM)
    out = tmp_path / "report.json"
    child = subprocess.Popen(
        [sys.executable, "-m", "reconcile", "compare", str(fifo), other, "-f", "json", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    with open(fifo, "wb") as writer:  # returns once the child has opened the pipe to read it
        writer.write(CLAIM.encode())
        writer.flush()
        child.send_signal(signal.SIGINT)
    # closing the pipe ends a read the signal may have just missed; Python then runs the handler
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 130
    assert stderr.decode() == "reconcile: interrupted\n" and stdout == b""
    assert not out.exists() and _leftovers(tmp_path) == []


# -- offsets survive hostile text (the property form is in test_fuzz.py)


HOSTILE = [
    "مرحبا Wang met Mehrotra on Nov. 1. \u202eReversed text\u202c rose 5%.",
    "Cafe\u0301 se\u0301ance: shares rose 15%\u200b on Monday.\u200d Wang\u2060 said so.",
    "The 👩🏽‍💻 team met 🇨🇳 officials on Nov. 1. Shares rose 2% 📈.",
    "Null\x00byte inside. Wang met Mehrotra\x00 on Wednesday, Nov. 1, 2023.",
    "\ufeffBOM inside \ufeff the text. Wang met Mehrotra on Nov. 1.",
    "Line\u2028separator and\u2029paragraph separator. Shares rose 5% on Monday.",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_keeps_exact_spans(text: str) -> None:
    plain_claim = "Wang met Mehrotra on Nov. 1 and shares rose 5% on Monday."
    report = compare([Text("hostile.txt", text), Text("plain.txt", plain_claim)])
    docs = {"hostile.txt": read_text(text, "hostile.txt", Settings()), "plain.txt": read_text(plain_claim, "plain.txt", Settings())}
    for finding in report.findings:
        for e in finding.evidence:
            doc = docs[e.path]
            assert doc.text[e.start : e.end] == e.sentence
            assert (e.line, e.column) == doc.locate(e.start)
            assert all(e.start <= a < b <= e.end for a, b in e.highlights)
