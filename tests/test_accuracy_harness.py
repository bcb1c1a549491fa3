"""The accuracy harness (bench/accuracy.py) on tiny fixtures of its own: the
shared labelled data is not in the repository, the code that reads it is."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from conftest import ROOT

from reconcile import Settings

FIXTURES = ROOT / "tests" / "fixtures" / "accuracy"
MRPC, SUMMEDITS, RULES = FIXTURES / "mrpc.txt", FIXTURES / "summedits.json", FIXTURES / "golden_rules.json"


@pytest.fixture(scope="module")
def harness():
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module  # worker processes and dataclasses look it up by name
    spec.loader.exec_module(module)
    return module


def test_mrpc_file_with_bom_and_header_is_read(harness) -> None:
    assert MRPC.read_bytes().startswith(b"\xef\xbb\xbfQuality\t")
    pairs, labels = harness.read_mrpc(MRPC)
    assert labels.tolist() == [1, 0, 1, 0]
    assert pairs[0][0].startswith("Micron shares rose")


def test_mrpc_same_claim_decision(harness) -> None:
    result = harness.mrpc(MRPC, Settings())
    assert (result.scores.n, result.scores.accuracy, result.scores.f1) == (4, 1.0, 1.0)
    assert result.threshold == Settings().paraphrase_threshold


@pytest.mark.parametrize(
    "pred, truth, accuracy, f1",
    [
        ([1, 1, 0, 0], [1, 0, 0, 0], 0.75, 2 / 3),
        ([0, 0, 0, 0], [1, 0, 0, 0], 0.75, 0.0),
        ([1, 0], [1, 0], 1.0, 1.0),
    ],
)
def test_binary_scores(harness, pred, truth, accuracy, f1) -> None:
    result = harness.binary(pred, truth)
    assert result.accuracy == pytest.approx(accuracy)
    assert result.f1 == pytest.approx(f1)


def test_summedits_never_reads_the_original_summary(harness) -> None:
    assert all("original_summary" in row for row in json.loads(SUMMEDITS.read_text()))
    assert all("original_summary" not in row for row in harness.read_summedits(SUMMEDITS))


def test_summedits_scores(harness) -> None:
    result = harness.summedits(SUMMEDITS, Settings())
    assert (result.rows, result.inconsistent) == (3, 2)
    assert result.contradicted == (1, 1)  # the changed count, and nothing else
    loose = result.rules["contradiction or unsupported"]
    assert loose.balanced_accuracy == 1.0
    assert loose.recall_by_edit == {"entity_modification": (1, 1), "hallucinated_fact_insertion": (1, 1)}
    strict = result.rules["contradiction"]
    assert strict.balanced_accuracy == 0.75
    assert strict.recall_by_edit["hallucinated_fact_insertion"] == (0, 1)


def test_edit_types_do_not_change_the_verdicts(harness, tmp_path) -> None:
    rows = json.loads(SUMMEDITS.read_text())
    for row in rows:
        row["edit_types"] = []
    blind = tmp_path / "blind.json"
    blind.write_text(json.dumps(rows))
    seen, unseen = harness.summedits(SUMMEDITS, Settings()), harness.summedits(blind, Settings())
    assert [r.balanced_accuracy for r in seen.rules.values()] == [r.balanced_accuracy for r in unseen.rules.values()]


def test_golden_rules_pass_and_fail(harness) -> None:
    result = harness.golden_rules(RULES)
    assert (result.passed, result.total) == (1, 2)
    (rule, expected, got), = result.failures
    assert rule.startswith("2.") and got == ["Hello World.", "My name is Jonas."]


def test_every_benchmark_given_is_printed_with_its_command(harness, capsys) -> None:
    harness.main(["--golden-rules", str(RULES), "--mrpc", str(MRPC), "--summedits", str(SUMMEDITS),
                  "--samples", "--generated", "2", "--mb", "0.02", "--workers", "1"])
    out = capsys.readouterr().out
    for flag, figure in [("--golden-rules", "golden rules passed: 1/2"), ("--mrpc", "accuracy 100.0%, F1 1.000"),
                         ("--summedits", "balanced accuracy 100.0%"), ("--samples", "agreement/claim: "),
                         ("--generated", "| 2 | ")]:
        assert f"bench/accuracy.py {flag}" in out
        assert figure in out
    assert "MB/s" in out


def test_generated_stories_are_read_against_what_the_generator_told(harness) -> None:
    from reconcile import Kind, compare

    told = harness.told_story(7, 3, 40)
    every = Settings(min_confidence=0.1)  # the harness's counting, whatever the judge's threshold
    report = compare([harness.Text(f"{k:03d}.txt", text) for k, (text, _) in enumerate(told)], every)
    agreements = report.of(Kind.AGREEMENT)
    result = harness.generated(3, every)
    assert result.agreements == len(agreements) > 0
    assert result.largest == max(len(f.evidence) for f in agreements)
    assert result.sentences + result.unknown == sum(len(f.evidence) for f in agreements)
    assert 0 < result.pure <= result.sentences and 0 < result.facts <= result.spread
    pairwise = [f for f in report.of(Kind.CONTRADICTION) if len(f.evidence) == 2]
    assert 0 < result.contradictions <= len(pairwise)
    assert result.true + result.misaligned <= result.contradictions
    assert 0 < result.wrong and result.caught <= result.wrong


# --------------------------------------------------------------------------- labelled cases (bench/cases.py)

A = {
    "met": "The commerce minister met Micron's chief executive in Beijing on Nov. 1.",
    "share": "Micron's China business accounts for about 15% of its annual revenues.",
    "lab": "The company also plans to build a new research laboratory in Xi'an next spring.",
    "told": "Workers at the plant were told about the layoffs by their managers on Tuesday morning.",
}
B = {
    "met": "The commerce minister met Micron's chief executive in Beijing on November 1.",
    "share": "Micron's China business accounts for 20% of its annual revenues.",
    "told": "Staff learnt of the job cuts from a company-wide email sent over the weekend.",
    "date": "Published Nov. 3, 2023.",
}


def _ref(file: str, snippet: str) -> dict:
    return {"file": file, "snippet": snippet}


def write_case(folder, mode="compare", traps=(), unsupported=None, names=("a.txt", "b.txt")):
    """A two-article case: one agreement, a number contradiction the judge finds and
    an order one it cannot (it needs the date line), one unsupported sentence."""
    folder.mkdir()
    first, second = names
    (folder / first).write_text("\n\n".join(A.values()) + "\n", encoding="utf-8")
    (folder / second).write_text("\n\n".join(B.values()) + "\n", encoding="utf-8")
    gold = {
        "case": folder.name, "mode": mode, "reference_date": "2023-11-03",
        "agreements": [{"a": _ref(first, "met Micron's chief executive in Beijing on Nov. 1"),
                        "b": _ref(second, "in Beijing on November 1")}],
        "contradictions": [
            {"type": "number", "a": _ref(first, "accounts for about 15%"), "b": _ref(second, "accounts for 20%")},
            {"type": "order", "a": _ref(first, "told about the layoffs by their managers"),
             "b": _ref(second, "from a company-wide email"), "extra": [_ref(second, "Published Nov. 3")]},
        ],
        "unsupported": unsupported if unsupported is not None else [_ref(first, "a new research laboratory")],
        "traps": list(traps),
    }
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def _evidence(path, sentence: str, detail: str = ""):
    from reconcile.model import Evidence

    return Evidence(0, str(path), sentence, 0, len(sentence), 1, 1, 1, len(sentence), detail=detail)


def _finding(kind: str, type_: str, *evidence):
    from reconcile import Finding, Kind

    return Finding(Kind(kind), type_, "RC000", f"{kind} {type_}", 0.5, tuple(evidence))


def _report(*findings):
    from reconcile import Report

    return Report(sources=(), findings=tuple(findings))


@pytest.fixture()
def case(tmp_path):
    return write_case(tmp_path / "case-01")


def _scored(harness, case, *findings):
    gold = harness.cases.read_gold(case)
    return harness.cases.score_report(gold, _report(*findings), harness.cases.Sentences(case, Settings()))


def test_a_contradiction_is_found_by_a_or_b_and_one_more_sentence(harness, case) -> None:
    a, b = case / "a.txt", case / "b.txt"
    with_extra = _finding("contradiction", "order", _evidence(a, A["told"]), _evidence(b, B["date"]))
    only_extras = _finding("contradiction", "order", _evidence(b, B["date"]), _evidence(a, A["lab"]))
    score = _scored(harness, case, with_extra, only_extras)
    assert score.counts.contradictions == {"number": harness.cases.Tally(0, 1), "order": harness.cases.Tally(1, 1)}
    assert score.counts.precision == harness.cases.Tally(1, 2)
    assert score.counts.typed == harness.cases.Tally(1, 1)
    (unmatched,) = score.unmatched
    assert unmatched.evidence[0][:2] == ("b.txt", 1) and unmatched.evidence[1][2] == A["lab"]


def test_a_contradiction_found_under_another_type_counts_and_is_listed(harness, case) -> None:
    a, b = case / "a.txt", case / "b.txt"
    score = _scored(harness, case, _finding("contradiction", "date", _evidence(a, A["share"]), _evidence(b, B["share"])))
    assert score.counts.contradiction_recall == harness.cases.Tally(1, 2)
    assert score.counts.typed == harness.cases.Tally(0, 1)
    assert [(p.type, reported) for p, reported in score.mistyped] == [("number", "date")]


def test_missed_pairs_are_classified(harness, case) -> None:
    a, b = case / "a.txt", case / "b.txt"
    agreed = _finding("agreement", "claim", _evidence(a, A["share"]), _evidence(b, B["share"]))
    elsewhere = _finding("agreement", "claim", _evidence(a, A["met"]), _evidence(b, B["told"]))
    score = _scored(harness, case, agreed, elsewhere)
    why = {m.what: m.why for m in score.misses}
    assert why["contradiction/number"] == "aligned as an agreement instead"
    assert why["contradiction/order"] == "never aligned (needs combining with extra sentences)"
    assert why["agreement"] == "agreement with another sentence of the other file"
    assert score.counts.agreements == harness.cases.Tally(0, 1)


def test_a_snippet_our_splitter_cuts_is_classified_as_split(harness, tmp_path) -> None:
    folder = write_case(tmp_path / "case-02", unsupported=[_ref("a.txt", "next spring. Workers at the plant")])
    score = _scored(harness, folder)
    assert [m.why for m in score.misses if m.what == "unsupported"] == ["snippet split across two of our sentences"]


def test_a_trap_counts_when_one_contradiction_cites_both_sentences(harness, tmp_path) -> None:
    trap = {"a": _ref("a.txt", "in Beijing on Nov. 1"), "b": _ref("b.txt", "Beijing on November 1"), "note": "same day"}
    folder = write_case(tmp_path / "case-03", traps=[trap])
    a, b = folder / "a.txt", folder / "b.txt"
    apart = [_finding("contradiction", "date", _evidence(a, A["met"]), _evidence(b, B["date"])),
             _finding("contradiction", "date", _evidence(a, A["lab"]), _evidence(b, B["met"]))]
    assert _scored(harness, folder, *apart).counts.traps == harness.cases.Tally(0, 1)
    both = _finding("contradiction", "date", _evidence(a, A["met"]), _evidence(b, B["met"]))
    score = _scored(harness, folder, both)
    assert score.counts.traps == harness.cases.Tally(1, 1)
    assert score.counts.precision == harness.cases.Tally(0, 1)
    assert score.flagged[0][0].note == "same day"


@pytest.mark.parametrize(
    "detail, hit",
    [("", True), ("build a new research laboratory", True), ("in Xi'an next spring", False)],
)
def test_an_unsupported_item_counts_for_its_sentence_or_its_detail(harness, case, detail, hit) -> None:
    score = _scored(harness, case, _finding("unsupported", "detail" if detail else "claim",
                                            _evidence(case / "a.txt", A["lab"], detail)))
    assert score.counts.unsupported == harness.cases.Tally(int(hit), 1)
    assert score.counts.unsupported_reported == 1


def test_counts_add_over_cases(harness) -> None:
    Tally, Counts = harness.cases.Tally, harness.cases.Counts
    one = Counts(agreements=Tally(1, 2), contradictions={"number": Tally(1, 1)}, precision=Tally(1, 3))
    two = Counts(agreements=Tally(0, 1), contradictions={"number": Tally(0, 1), "date": Tally(1, 1)}, traps=Tally(1, 4))
    both = one + two
    assert both.agreements == Tally(1, 3) and both.traps == Tally(1, 4) and both.precision == Tally(1, 3)
    assert both.contradictions == {"date": Tally(1, 1), "number": Tally(1, 2)}
    assert both.contradiction_recall == Tally(2, 3)


def test_compare_case_end_to_end(harness, case) -> None:
    Tally, c = harness.cases.Tally, harness.cases.score_case(case, Settings()).counts
    assert (c.agreements, c.contradictions["number"], c.unsupported) == (Tally(1, 1), Tally(1, 1), Tally(1, 1))
    assert c.precision.hit == 1 and c.traps == Tally(0, 0)


def test_check_mode_judges_the_draft_against_the_others(harness, tmp_path) -> None:
    only_in_source = [_ref("b.txt", "from a company-wide email")]
    compared = write_case(tmp_path / "compared", unsupported=only_in_source, names=("draft.md", "b.txt"))
    checked = write_case(tmp_path / "checked", mode="check", unsupported=only_in_source, names=("draft.md", "b.txt"))
    Tally = harness.cases.Tally
    assert harness.cases.score_case(compared, Settings()).counts.unsupported == Tally(1, 1)
    score = harness.cases.score_case(checked, Settings())
    assert score.mode == "check" and score.counts.unsupported == Tally(0, 1)  # a source is never judged in check
    assert score.counts.contradictions["number"] == Tally(1, 1)


def test_cases_print_the_overall_figures_last(harness, case, capsys) -> None:
    harness.main(["--cases", str(case.parent)])
    last = capsys.readouterr().out.rstrip("\n").split("\n")[-8:]
    assert last[0].startswith("== overall: 1 cases")
    assert last[1].startswith("contradiction recall") and "(1/2)" in last[1] and "NOT MET" in last[1]
    assert last[2].startswith("  by type: number 1/1, order 0/1")
    assert [line.split()[0] for line in last[3:7]] == ["contradiction", "traps", "agreement", "unsupported"]
    assert last[7].startswith("targets met: ")


@pytest.mark.skipif(not (ROOT.parent / "shared" / "cases").is_dir(), reason="the shared cases are not here")
def test_shared_cases_are_all_scored(harness) -> None:
    scores = harness.cases.run_cases(ROOT.parent / "shared" / "cases", Settings())
    total = harness.cases.total(scores)
    assert len(scores) == 12 and total.agreements.total == 102 and total.contradiction_recall.total == 45
    assert not [m for s in scores for m in s.misses if m.why == "gold snippet not in its file"]


# --------------------------------------------------------------------------- TimeML (bench/timeml.py)

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> that \
profits rose in <TIMEX3 tid="t2" type="DATE" value="1997">1997</TIMEX3>.
Sales fell for <TIMEX3 tid="t3" type="DURATION" value="P1W">last week</TIMEX3> and the chairman resigned \
<TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timeml_tags_are_stripped_keeping_each_timex_offsets(harness) -> None:
    doc = harness.timeml.parse("t1.tml", TML)
    assert doc.dct.isoformat() == "1998-01-08"
    assert doc.text.startswith("\nAT&T said on Wednesday")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Wednesday", "DATE", "1998-01-07"), ("1997", "DATE", "1997"), ("last week", "DURATION", "P1W"),
        ("now", "DATE", "PRESENT_REF")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


@pytest.mark.parametrize(
    "value, timeml",
    [
        ({"granularity": "day", "year": 1998, "month": 1, "day": 8}, "1998-01-08"),
        ({"granularity": "day", "year": None, "month": 1, "day": 8}, "XXXX-01-08"),
        ({"granularity": "day", "year": 1998, "month": 1, "day": 8, "relative": "this morning",
          "time": {"clock": None, "part": "morning"}}, "1998-01-08TMO"),
        ({"granularity": "day", "year": 1998, "month": 1, "day": 7, "relative": "last night",
          "time": {"clock": None, "part": "night"}}, "1998-01-07TNI"),
        ({"granularity": "day", "year": 1998, "month": 1, "day": 7, "time": {"clock": 540, "part": ""}},
         "1998-01-07T09:00"),
        ({"granularity": "time", "time": {"clock": 1290, "part": ""}}, "XXXX-XX-XXT21:30"),
        ({"granularity": "day", "year": 1998, "month": 1, "day": 7, "relative": "yesterday"}, "1998-01-07"),
        ({"granularity": "week", "earliest": "1998-01-05", "relative": "this week"}, "1998-W02"),
        ({"granularity": "week", "earliest": "1998-01-10", "relative": "the weekend"}, "1998-W02-WE"),
        ({"granularity": "quarter", "year": 1989, "month": 7}, "1989-Q3"),
        ({"granularity": "half", "year": 1989, "month": 7}, "1989-H2"),
        ({"granularity": "season", "year": 1989, "month": 9}, "1989-FA"),
        ({"granularity": "decade", "year": 1990}, "199X"),
        ({"granularity": "present", "relative": "now"}, "PRESENT_REF"),
        ({"granularity": "month", "year": 1998, "month": 1}, "1998-01"),
        ({"granularity": "year", "year": 1998}, "1998"),
        ({"granularity": "weekday", "weekday": 0}, "XXXX-WXX-1"),
        ({"granularity": "vague", "relative": "recently"}, "PAST_REF"),
        ({"granularity": "vague", "relative": "next week", "future": True}, "FUTURE_REF"),
    ],
)
def test_our_date_values_in_timeml_form(harness, value, timeml) -> None:
    assert harness.timeml.timeml_value(value) == timeml


def test_timeml_span_and_value_scoring(harness) -> None:
    doc = harness.timeml.parse("t1.tml", TML)
    Span, at = harness.timeml.Span, doc.text.index
    ours = [Span(at("on Wednesday"), at("on Wednesday") + 12, "on Wednesday", "1998-01-07"),  # overlaps, not strict
            Span(at("1997"), at("1997") + 4, "1997", "1996"),  # strict, wrong value
            Span(at("last week"), at("last week") + 9, "last week", "1998-W01"),  # a DURATION: left out
            Span(at("Sales"), at("Sales") + 5, "Sales", "1998")]  # spurious
    score = harness.timeml.score(doc, ours)
    assert (score.gold, score.ours, score.relaxed, score.strict, score.value) == (3, 3, 2, 1, 1)
    assert score.errors == (("1997", "1997", "1996"),)
    assert score.missed == (("now", "PRESENT_REF"),) and score.spurious == ("Sales",)
    total = harness.timeml.corpus_score([score, score])
    assert total.relaxed.precision == pytest.approx(2 / 3) and total.value.recall == pytest.approx(1 / 3)
    assert total.strict.f1 == pytest.approx(1 / 3)


def test_timeml_reads_our_dates_from_the_stripped_text(harness, tmp_path) -> None:
    (tmp_path / "TimeBank").mkdir()
    (tmp_path / "TimeBank" / "t1.tml").write_text(TML, encoding="utf-8")
    by_corpus, _ = harness.timeml.timeml(tmp_path, workers=1)
    (score,) = by_corpus["TimeBank"]
    assert score.gold == 3 and score.value >= 2  # Wednesday before the DCT, and 1997


# --------------------------------------------------------------------------- real coverage (bench/real.py)


def test_repeated_conflicts_are_those_with_a_value_pair_seen_before(harness) -> None:
    from dataclasses import replace

    from reconcile.model import ComparedFact

    def conflict(type_, x, y):
        return replace(_finding("contradiction", type_), facts=(ComparedFact(0, x, x), ComparedFact(1, y, y)))

    findings = [conflict("number", "58", "37"), conflict("number", "37", "58"), conflict("date", "58", "37"),
                conflict("number", "58", "40")]
    assert harness.real.repeated(findings) == 1


def test_real_run_sample_and_markdown(harness, tmp_path) -> None:
    from conftest import AGREE, DISAGREE

    for name in ("s1", "s2"):
        (tmp_path / name).mkdir()
        for k in range(2):
            (tmp_path / name / f"{k}.txt").write_text(AGREE[k] + DISAGREE[k], encoding="utf-8")
    result = harness.real.real(tmp_path, Settings(), workers=1)
    assert (result.stories, result.articles, result.failed) == (2, 4, ())
    assert result.findings["contradiction/number"] == 2 and result.findings["agreement/claim"] == 2
    assert result.dated == 0 and len(result.undated) == 4
    assert [f.kind.value for _, f in result.sample] == ["contradiction"] * 2 + ["agreement"] * 2
    assert harness.real.sample(harness.real.run_stories(tmp_path, Settings(), 1)) == list(result.sample)
    text = harness.real.sample_markdown(result, "cmd")
    assert text.count("\nverdict:\n") == 4 and "`0.txt:1` The commerce minister" in text


@pytest.mark.parametrize(
    "text, gold, ours, why",
    [
        ("Jan. 14", "2000-01-14", "1999-01-14", "month and day put in the wrong year"),
        ("Tuesday", "1998-08-18", "1998-08-11", "weekday: last one read for next one"),
        ("a year ago", "1988-Q3", "1988", "gold is a quarter"),
        ("last week", "1989-WXX", "1989-W43", "gold leaves parts unknown"),
        ("Friday morning", "2000-01-28TMO", "2000-01-28", "time or part of day"),
        ("Friday night", "2000-01-07", "2000-01-07TNI", "ours keeps a time"),
        ("Friday night", "2000-01-07TEV", "2000-01-07TNI", "same day, another time"),
        ("third-quarter", "1989-Q3", "1990-Q3", "quarter, half or season: another one"),
        ("Last week", "1999-01", "1999-W02", "granularity differs"),
    ],
)
def test_timeml_value_errors_are_classed(harness, text, gold, ours, why) -> None:
    assert harness.timeml.error_class(text, gold, ours).startswith(why)


@pytest.mark.parametrize(("gold", "canonical"), [("2000-W6", "2000-W06"), ("2000-W06", "2000-W06"),
                                                 ("2000-W6-WE", "2000-W06-WE"), ("1998-W12", "1998-W12")])
def test_timeml_weeks_compare_in_one_notation(harness, gold, canonical) -> None:
    assert harness.timeml.canonical(gold) == canonical
