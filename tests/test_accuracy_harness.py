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
    report = compare([harness.Text(f"{k:03d}.txt", text) for k, (text, _) in enumerate(told)], Settings())
    agreements = report.of(Kind.AGREEMENT)
    result = harness.generated(3, Settings())
    assert result.agreements == len(agreements) > 0
    assert result.largest == max(len(f.evidence) for f in agreements)
    assert result.sentences + result.unknown == sum(len(f.evidence) for f in agreements)
    assert 0 < result.pure <= result.sentences and 0 < result.facts <= result.spread
    pairwise = [f for f in report.of(Kind.CONTRADICTION) if len(f.evidence) == 2]
    assert 0 < result.contradictions <= len(pairwise)
    assert result.true + result.misaligned <= result.contradictions
    assert 0 < result.wrong and result.caught <= result.wrong
