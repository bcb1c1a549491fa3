"""Article text from saved pages: reconcile's own reader against trafilatura.

    .venv/bin/python bench/html_extraction.py
    /tmp/venv-tf/bin/python bench/html_extraction.py   # a venv with trafilatura too

For each page of tests/fixtures/html/ (NAME.html, its article text in
NAME.expected.txt) prints the share of the article's words each extractor keeps
(recall), the share of its words that are the article's (precision), and its
time per page; then trafilatura's import time. Words are compared as multisets,
case folded; "reconcile" is the plain view as the sentence splitter sees it.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reconcile.read.files import read_path  # noqa: E402
from reconcile.settings import Settings  # noqa: E402

PAGES = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
_WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def ours(path: Path) -> str:
    return read_path(path, Settings()).plain


def trafilatura_text(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_bytes(), include_comments=False, include_tables=False) or ""


def score(extract: Callable[[Path], str], path: Path) -> tuple[float, float, float]:
    gold = words(path.with_suffix(".expected.txt").read_text(encoding="utf-8"))
    extract(path)  # warm up: imports, compiled patterns
    start = time.perf_counter()
    runs = 20
    for _ in range(runs):
        got = words(extract(path))
    seconds = (time.perf_counter() - start) / runs
    shared = sum((gold & got).values())
    return shared / sum(gold.values()), shared / max(1, sum(got.values())), seconds


def main() -> None:
    extractors: dict[str, Callable[[Path], str]] = {"reconcile": ours}
    start = time.perf_counter()
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura not installed: reconcile only")
    else:
        print(f"import trafilatura: {(time.perf_counter() - start) * 1000:.0f} ms")
        extractors["trafilatura"] = trafilatura_text
    print(f"{'page':<22} {'extractor':<12} {'recall':>7} {'precision':>9} {'ms/page':>8}")
    totals: dict[str, list[float]] = {name: [0.0, 0.0] for name in extractors}
    for page in PAGES:
        for name, extract in extractors.items():
            recall, precision, seconds = score(extract, page)
            totals[name][0] += recall
            totals[name][1] += precision
            print(f"{page.stem:<22} {name:<12} {recall:>7.1%} {precision:>9.1%} {seconds * 1000:>8.2f}")
    for name, (recall, precision) in totals.items():
        print(f"{'mean':<22} {name:<12} {recall / len(PAGES):>7.1%} {precision / len(PAGES):>9.1%}")


if __name__ == "__main__":
    main()
