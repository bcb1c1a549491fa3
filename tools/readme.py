"""Fill the generated sections of README.md from real runs, so it stays true.

    python tools/readme.py          # rewrite the sections
    python tools/readme.py --check  # exit 1 if README.md is out of date (a test runs this)

A section is the text between ``<!-- begin:NAME -->`` and ``<!-- end:NAME -->``.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SAMPLES = ["samples/micron/1-thaw.txt", "samples/micron/2-tensions-easing.txt"]
SECTION = re.compile(r"(<!-- begin:(?P<name>[\w-]+) -->\n).*?(<!-- end:(?P=name) -->)", re.S)


def _report():  # type: ignore[no-untyped-def]
    from reconcile import compare

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return compare(SAMPLES)
    finally:
        os.chdir(cwd)


def sample_output() -> str:
    """The text report on the samples: the summary, all contradictions, the first
    agreement, the first unsupported claims; cuts are marked."""
    from reconcile.render.text import render

    lines = render(_report(), width=100).splitlines()
    agreements = next(i for i, line in enumerate(lines) if line.startswith("Agreements ("))
    unsupported = next(i for i, line in enumerate(lines) if line.startswith("Unsupported ("))
    starts = [i for i, line in enumerate(lines) if re.match(r"  [✓?✗] ", line)]
    second_agreement = [i for i in starts if i > agreements][1]
    third_unsupported = [i for i in starts if i > unsupported][2]
    shown = lines[:second_agreement] + ["  …", ""] + lines[unsupported:third_unsupported] + ["  …"]
    command = "$ reconcile compare " + " ".join(SAMPLES)
    return "```console\n" + command + "\n" + "\n".join(shown) + "\n```\n"


def sample_json() -> str:
    """The first finding of the JSON report on the samples, whole, each sentence it
    cites joined in from ``sentences`` as the jq command shown does."""
    from reconcile.render.json import to_dict

    data = to_dict(_report())
    finding = data["findings"][0]
    finding["evidence"] = [{**data["sentences"][e["sentence"]], **e} for e in finding["evidence"]]
    return (
        "```console\n$ reconcile compare --format json "
        + " ".join(SAMPLES)
        + " \\\n    | jq '.sentences as $s | .findings[0] | .evidence[] |= $s[.sentence] + .'\n"
        + json.dumps(finding, ensure_ascii=False, indent=2)
        + "\n```\n"
    )


def rule_table() -> str:
    from reconcile.rules import RULES

    rows = ["| id | name | kind | severity | summary |", "| --- | --- | --- | --- | --- |"]
    rows += [f"| `{r.id}` | `{r.name}` | {r.kind.value} | {r.severity} | {r.summary} |" for r in RULES]
    return "\n".join(rows) + "\n"


def settings_table() -> str:
    """Each field of Settings with its default and the docstring under it."""
    source = (ROOT / "reconcile" / "settings.py").read_text(encoding="utf-8")
    (cls,) = [n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "Settings"]
    rows = ["| setting | default | why |", "| --- | --- | --- |"]
    body = cls.body
    for node, after in zip(body, body[1:] + [None]):
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)):
            continue
        default = ast.get_source_segment(source, node.value) if node.value else ""
        default = " ".join(default.split())
        doc = ""
        if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            doc = " ".join(str(after.value.value).split())
        rows.append(f"| `{node.target.id}` | `{default}` | {doc.replace('|', '/')} |")
    return "\n".join(rows) + "\n"


SECTIONS: dict[str, Callable[[], str]] = {
    "sample-output": sample_output,
    "sample-json": sample_json,
    "rule-table": rule_table,
    "settings-table": settings_table,
}


def updated(text: str) -> str:
    def fill(match: re.Match[str]) -> str:
        return match.group(1) + SECTIONS[match.group("name")]() + match.group(3)

    return SECTION.sub(fill, text)


def main(argv: list[str]) -> int:
    os.environ.setdefault("NO_COLOR", "1")
    current = README.read_text(encoding="utf-8")
    new = updated(current)
    if "--check" in argv:
        if new != current:
            print("README.md is out of date: run python tools/readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
