"""The optional word-embedding similarity (reconcile/align/semantic.py): faithful to
the library it reads, lazy, and telling when the model is missing."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reconcile.align import semantic

needs_model = pytest.mark.skipif(
    not semantic.available(), reason="wordllama is not installed: pip install -e '.[semantic]'"
)

PARAPHRASES = [
    # (sentence, the same fact in other words, another fact of another story)
    ("Doctors and nurses worked from paper records.", "Clinicians reverted to pen-and-paper charting.",
     "The footbridge collapsed during the festival on Saturday."),
    ("The strike ended after the union accepted a new pay deal.",
     "Cabin crew returned to work once the wage agreement was ratified.",
     "The museum reported a painting stolen from its east wing."),
    ("The rocket exploded shortly after liftoff.", "The launch vehicle was destroyed seconds into its flight.",
     "The council approved the budget on Tuesday."),
    ("Residents were ordered to leave their homes as the fire spread.",
     "Evacuation orders were issued while the blaze grew.",
     "Shares of the retailer fell after it announced store closures."),
    ("The regulator approved the drug for use in adults.", "The agency cleared the medicine for adult patients.",
     "The tennis final went to five sets."),
]

AWKWARD = [
    "IBM (NYSE: IBM)  was the fastest-growing vendor.",  # two spaces: "▁" then "▁was", not "▁▁" then "was"
    "  leading and trailing  ",
    " ",
    "tab\there\nnewline",
    "Café in Zürich — “quoted” 😀 東京 naïve",  # characters outside the vocabulary: their UTF-8 bytes
    "€5m, £3bn and ¥200; ﬁancé’s ½ ²",
    "x" * 300,
    "Harrowgate Health's six-hospital system reverted to pen-and-paper charting on Feb. 3.",
]


@pytest.mark.parametrize(("sentence", "paraphrase", "unrelated"), PARAPHRASES)
@needs_model
def test_a_paraphrase_is_more_alike_than_another_fact(sentence: str, paraphrase: str, unrelated: str) -> None:
    alike, other = semantic.similarities([(sentence, paraphrase), (sentence, unrelated)])
    assert alike > other + 0.15


@needs_model
def test_token_ids_are_the_tokenizers_librarys() -> None:
    tokenizers = pytest.importorskip("tokenizers")
    theirs = tokenizers.Tokenizer.from_file(str(semantic.package_dir() / semantic.TOKENIZER))
    tokenizer = semantic.model().tokenizer
    assert not [t for t in tokenizer.vocab if re.search("[^▁]▁", t)]  # why each word is tokenised on its own
    texts = AWKWARD + [t for row in PARAPHRASES for t in row]
    assert [tokenizer.encode(t) for t in texts] == [
        theirs.encode(t, add_special_tokens=False).ids for t in texts
    ]


@needs_model
@pytest.mark.parametrize("dims", semantic.DIMS)
def test_vectors_are_wordllamas_own(dims: int) -> None:
    tokenizers = pytest.importorskip("tokenizers")
    inference = pytest.importorskip("wordllama.inference")
    where = semantic.package_dir()
    matrix = np.asarray(semantic.model().matrix)[:, :dims]
    theirs = inference.WordLlamaInference(matrix, tokenizers.Tokenizer.from_file(str(where / semantic.TOKENIZER)))
    texts = [t for row in PARAPHRASES for t in row]
    assert np.abs(theirs.embed(texts, norm=True) - semantic.model().embed(texts, dims)).max() < 1e-6


@needs_model
def test_each_distinct_text_is_embedded_once_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    model = semantic.model()
    embedded: list[str] = []
    real = model.embed

    def counted(texts: list[str], dims: int) -> np.ndarray:
        embedded.extend(texts)
        return real(texts, dims)

    monkeypatch.setattr(model, "embed", counted)
    run = semantic.Embeddings()
    a, b, c = PARAPHRASES[0]
    first = run.similarities([(a, b), (a, c), (b, a)])
    second = run.similarities([(c, a), (a, b)])
    assert sorted(embedded) == sorted([a, b, c])
    assert first[0] == first[2] == second[1] and first[1] == second[0]


@needs_model
def test_a_text_without_tokens_is_alike_to_nothing() -> None:
    vectors = semantic.model().embed(["", "The rocket exploded."])
    assert vectors[0].tolist() == [0.0] * 256
    assert np.linalg.norm(vectors[1]) == pytest.approx(1.0, abs=1e-6)
    assert semantic.similarities([("", "The rocket exploded."), ("", "")]).tolist() == [0.0, 0.0]


@needs_model
def test_fewer_dimensions_only_those_it_was_trained_for() -> None:
    pair = PARAPHRASES[0][:2]
    assert semantic.similarities([pair], 64)[0] != semantic.similarities([pair], 256)[0]
    with pytest.raises(ValueError, match="dims"):
        semantic.similarities([pair], 100)


def test_byte_pair_merges_in_rank_order_else_utf8_bytes() -> None:
    vocab = {"<0xC3>": 0, "<0xA9>": 1, "▁": 2, "a": 3, "b": 4, "▁a": 5, "ab": 6, "▁ab": 7, "bb": 8}
    tokenizer = semantic.Tokenizer(vocab, ["a b", "▁ a", "▁a b", "b b"])
    assert tokenizer.encode("ab") == [2, 6]  # "a b" ranks before "▁ a"; no merge makes "▁ab" of ▁ and ab
    assert tokenizer.encode("bbb ab") == [2, 8, 4, 2, 6]  # the leftmost "b b"; each word on its own
    assert tokenizer.encode("é") == [2, 0, 1]
    assert tokenizer.encode("") == []


def test_a_safetensors_matrix_is_mapped_and_anything_else_refused(tmp_path: Path) -> None:
    values = np.arange(12, dtype="<f2").reshape(3, 4)

    def write(name: str, entry: dict, data: bytes) -> Path:
        header = json.dumps({"__metadata__": {}, semantic.TENSOR: entry}).encode()
        path = tmp_path / name
        path.write_bytes(len(header).to_bytes(8, "little") + header + data)
        return path

    good = write("good.safetensors", {"dtype": "F16", "shape": [3, 4], "data_offsets": [0, 24]}, values.tobytes())
    assert semantic.read_matrix(good).tolist() == values.tolist()
    single = write("f32.safetensors", {"dtype": "F32", "shape": [3, 4], "data_offsets": [0, 48]}, bytes(48))
    with pytest.raises(semantic.Unavailable, match="float16"):
        semantic.read_matrix(single)
    short = write("short.safetensors", {"dtype": "F16", "shape": [3, 4], "data_offsets": [0, 20]}, bytes(20))
    with pytest.raises(semantic.Unavailable, match="3 x 4"):
        semantic.read_matrix(short)


def test_a_tokenizer_laid_out_otherwise_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tokenizer.json"
    model = {"type": "BPE", "byte_fallback": True, "vocab": {"▁": 0}, "merges": []}
    path.write_text(json.dumps({"normalizer": semantic.NORMALIZER, "pre_tokenizer": None, "model": model}), "utf-8")
    assert semantic.Tokenizer.from_file(path).encode(" ") == [0, 0]
    for changed in ({"pre_tokenizer": {"type": "Metaspace"}}, {"normalizer": None},
                    {"model": {**model, "merges": [["▁", "▁"]]}}, {"model": {**model, "type": "WordPiece"}}):
        data = {"normalizer": semantic.NORMALIZER, "pre_tokenizer": None, "model": model, **changed}
        path.write_text(json.dumps(data), "utf-8")
        with pytest.raises(semantic.Unavailable, match="Llama 2 tokenizer"):
            semantic.Tokenizer.from_file(path)


def test_a_missing_model_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "PACKAGE", "no_such_package_for_reconcile")
    semantic.model.cache_clear()
    try:
        assert not semantic.available()
        with pytest.raises(semantic.Unavailable, match=r"pip install 'reconcile-claims\[semantic\]'"):
            semantic.similarities([PARAPHRASES[0][:2]])
    finally:
        semantic.model.cache_clear()


@pytest.mark.parametrize(
    "code",
    [
        "from reconcile.cli import main\nsys.argv = ['reconcile', '--help']\ntry:\n    main()\nexcept SystemExit:\n    pass",
        "from reconcile.align import semantic",
    ],
)
def test_nothing_is_imported_or_read_before_the_first_sentence(code: str) -> None:
    probe = (
        "import sys\n" + code + "\n"
        "loaded = 'reconcile.align.semantic' in sys.modules and sys.modules['reconcile.align.semantic'].model.cache_info().currsize\n"
        "heavy = ('wordllama', 'tokenizers', 'safetensors', 'mmap')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), bool(loaded), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.stderr.splitlines()[-1] == "[] False"
