"""How alike two sentences are in meaning, from word vectors shipped in a wheel.

Outlets state one fact in different words ("doctors and nurses worked from paper
records" / "clinicians reverted to pen-and-paper charting"), which a score of
shared words misses. WordLlama (MIT, ``pip install 'reconcile-claims[semantic]'``)
ships in its wheel a 32,000 x 256 matrix of token vectors distilled from Llama 2
and the Llama 2 tokenizer: a sentence is the mean of its tokens' vectors, and two
sentences are as alike as the cosine of theirs. The first dimensions were trained
to stand on their own (Matryoshka), so fewer may be used.

Importing ``wordllama`` costs 0.16 s on top of numpy (pydantic for its settings,
requests for downloads), and its loader looks for the tokenizer in a folder that
does not exist, then tries to download it. So its two files are read here directly, the package
found without importing it: the matrix mapped from its safetensors file with
numpy (only the rows a run uses are read), the tokenizer's byte-pair merges applied
in Python (``bench/semantic.py`` checks its ids equal the ``tokenizers`` library's
on every sentence of the cases and MRPC; ``tests/test_semantic.py`` on a table).
Nothing is imported or read before the first sentence is embedded.

Measured in ``bench/semantic.py`` (docs/accuracy.md); neither the aligner nor the
judge uses it yet.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

PACKAGE = "wordllama"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
WEIGHTS = "weights/l2_supercat_256.safetensors"
TENSOR = "embedding.weight"
DIMS = (64, 128, 256)
"""The widths the model was trained to work at on its own (it was also trained at
512 and 1024, which the wheel does not ship)."""

SPACE = "\u2581"
WORD = re.compile(f"{SPACE}*[^{SPACE}]*")
"""A word and the spaces before it: no token of the vocabulary holds a space after
another character, so no merge crosses from one word to the next and each word is
tokenised (and cached) on its own."""


NORMALIZER = {"type": "Sequence", "normalizers": [
    {"type": "Prepend", "prepend": SPACE}, {"type": "Replace", "pattern": {"String": " "}, "content": SPACE}]}
"""All the Llama 2 tokenizer does to a text before its merges."""


class Unavailable(RuntimeError):
    """The optional model is not installed, or its files are not what this reads."""


def package_dir() -> Path | None:
    """Where the model's package is installed, found without importing it."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def available() -> bool:
    """Whether the model's files are installed (``reconcile-claims[semantic]``)."""
    found = package_dir()
    return found is not None and (found / TOKENIZER).is_file() and (found / WEIGHTS).is_file()


class Tokenizer:
    """The Llama 2 byte-pair tokenizer of the package's JSON file, without special
    tokens (as WordLlama embeds): the text with a space before it and every space
    written ``▁``, each character of the vocabulary a token and any other its UTF-8
    bytes, then the adjacent pair ranked first among the merges joined until none
    is left."""

    def __init__(self, vocab: dict[str, int], merges: Sequence[str]) -> None:
        self.vocab = vocab
        self.rank = {pair: k for k, pair in enumerate(merges)}  # "a b": tokens hold no space
        self.words: dict[str, list[int]] = {}

    @classmethod
    def from_file(cls, path: Path) -> Tokenizer:
        """The tokenizer of a ``tokenizers`` JSON file, refused unless it is laid out
        as this reads it: a package update cannot change the ids unseen."""
        data = json.loads(path.read_bytes())
        model = data.get("model", {})
        if (data.get("normalizer") != NORMALIZER or data.get("pre_tokenizer") is not None
                or model.get("type") != "BPE" or not model.get("byte_fallback")
                or not all(isinstance(m, str) for m in model.get("merges", [None])[:1])):
            raise Unavailable(f"{path}: not the Llama 2 tokenizer this reads")
        return cls(model["vocab"], model["merges"])

    def encode(self, text: str) -> list[int]:
        """The token ids of a text, as ``tokenizers`` gives them."""
        if not text:
            return []
        ids: list[int] = []
        for word in filter(None, WORD.findall(SPACE + text.replace(" ", SPACE))):
            if word not in self.words:
                self.words[word] = self._merged(word)
            ids.extend(self.words[word])
        return ids

    def _merged(self, word: str) -> list[int]:
        parts: list[str] = []
        for ch in word:
            parts.extend([ch] if ch in self.vocab else (f"<0x{b:02X}>" for b in ch.encode("utf-8")))
        while len(parts) > 1:
            ranked = [(r, k) for k, (a, b) in enumerate(zip(parts, parts[1:]))
                      if (r := self.rank.get(f"{a} {b}")) is not None]
            if not ranked:
                break
            _, k = min(ranked)  # the first-ranked merge, leftmost where it applies twice
            parts[k : k + 2] = [parts[k] + parts[k + 1]]
        return [self.vocab[p] for p in parts]


def read_matrix(path: Path, key: str = TENSOR) -> np.ndarray:
    """A float16 matrix of a safetensors file, mapped rather than read: a run
    touches the rows of the few thousand tokens its sentences hold."""
    import numpy as np

    with path.open("rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))
    entry = header.get(key, {})
    if entry.get("dtype") != "F16" or len(entry.get("shape", ())) != 2:
        raise Unavailable(f"{path}: no float16 matrix {key!r}")
    start, end = entry["data_offsets"]
    rows, cols = entry["shape"]
    if end - start != rows * cols * 2:
        raise Unavailable(f"{path}: {key!r} is not {rows} x {cols} float16 values")
    return np.memmap(path, dtype="<f2", mode="r", offset=8 + size + start, shape=(rows, cols))


class Model:
    """Token vectors and the tokenizer that indexes them."""

    def __init__(self, tokenizer: Tokenizer, matrix: np.ndarray) -> None:
        self.tokenizer = tokenizer
        self.matrix = matrix

    def embed(self, texts: Sequence[str], dims: int = 256) -> np.ndarray:
        """One unit vector a text (rows): the mean of its tokens' first ``dims``
        values, normalised; a text with no token is the zero vector, alike to none."""
        import numpy as np

        if dims not in DIMS or dims > self.matrix.shape[1]:
            raise ValueError(f"dims must be one of {DIMS}, at most {self.matrix.shape[1]}")
        encoded = [self.tokenizer.encode(t) for t in texts]
        counts = np.array([len(ids) for ids in encoded], dtype=np.int64)
        out = np.zeros((len(texts), dims), dtype=np.float32)
        if not counts.any():
            return out
        ids = np.fromiter((i for e in encoded for i in e), dtype=np.int64, count=int(counts.sum()))
        used, at = np.unique(ids, return_inverse=True)
        rows = np.asarray(self.matrix[used, :dims], dtype=np.float32)[at.reshape(-1)]
        some = counts > 0
        starts = np.concatenate(([0], np.cumsum(counts[some])[:-1]))
        sums = np.add.reduceat(rows, starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        out[some] = sums / np.maximum(norms, np.finfo(np.float32).tiny)
        return out


@lru_cache(maxsize=1)
def model() -> Model:
    """The installed model, read once a process."""
    found = package_dir()
    if found is None or not available():
        raise Unavailable(f"the {PACKAGE} package is not installed: pip install 'reconcile-claims[semantic]'")
    return Model(Tokenizer.from_file(found / TOKENIZER), read_matrix(found / WEIGHTS))


class Embeddings:
    """One run's sentence vectors: each distinct text embedded once, however many
    pairs it is in."""

    def __init__(self, dims: int = 256) -> None:
        self.dims = dims
        self.index: dict[str, int] = {}
        self.table: np.ndarray | None = None

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """The unit vector of each text (rows), new texts embedded in one batch."""
        import numpy as np

        new = list(dict.fromkeys(t for t in texts if t not in self.index))
        if new or self.table is None:
            fresh = model().embed(new, self.dims)
            self.table = fresh if self.table is None else np.concatenate([self.table, fresh])
            self.index.update({t: k for k, t in enumerate(new, start=len(self.index))})
        return self.table[[self.index[t] for t in texts]]

    def similarities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """The cosine of each pair's vectors, in [-1, 1]."""
        a = self.vectors([p[0] for p in pairs])
        b = self.vectors([p[1] for p in pairs])
        return (a * b).sum(axis=1).astype(float)


def similarities(pairs: Sequence[tuple[str, str]], dims: int = 256) -> np.ndarray:
    """How alike in meaning each pair of sentences is: the cosine of their vectors,
    each distinct text embedded once."""
    return Embeddings(dims).similarities(pairs)
