"""What the format, check and suppression tests share: evidence located in its
document, a story whose sources disagree in every way a report shows, and the
report schema closed, to hold reconcile's own output to."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from reconcile.model import Document, Evidence, Finding, Kind, Report, Side, SourceInfo
from reconcile.rules import BY_ID

REPORT_SCHEMA = json.loads((Path(__file__).parents[1] / "reconcile" / "schema" / "report.schema.json").read_text())


def closed(schema: object) -> object:
    """The schema with every object closed: what reconcile writes must have no field
    the schema does not name (the shipped schema is open to later 2.x fields)."""
    if isinstance(schema, dict):
        out = {key: closed(value) for key, value in schema.items()}
        if "properties" in schema and "object" in schema.get("type", ()):
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [closed(value) for value in schema]
    return schema


STRICT = closed(REPORT_SCHEMA)


def validate(data: dict, schema: object = STRICT) -> None:
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def cited(data: dict, finding: dict) -> list[dict]:
    """A JSON report's finding's evidence with each sentence's place and text joined
    in, as a script reading the report would: file, line, span, text, detail..."""
    return [{**data["sentences"][e["sentence"]], **e} for e in finding["evidence"]]


def ev(doc: Document, source: int, sentence: str, *facts: str, detail: str = "") -> Evidence:
    """Evidence for ``sentence`` (a substring of the document) with ``facts`` highlighted."""
    start = doc.text.index(sentence)
    end = start + len(sentence)
    line, column = doc.locate(start)
    end_line, end_column = doc.locate(end)
    at = [start + sentence.index(f) for f in facts]
    highlights = tuple((s, s + len(f)) for s, f in zip(at, facts))
    return Evidence(source, doc.path, sentence, start, end, line, column, end_line, end_column,
                    highlights, detail)


STORIES = (
    ("stories/sentinel.txt", "Two patients were treated at the clinic, the sentinel said.\nEight people died.\n"),
    ("stories/tvn6.txt", "Three patients were treated at the clinic.\nThe quake measured 6.1, the USGS said.\n"),
    ("stories/wire.txt", "The toll rose to 12 on Tuesday.\nIt was 5.9, according to the Iranian centre.\n"
                         "Three patients were treated at the clinic, officials said.\n"),
)


def side(value: str, *evidence: Evidence) -> Side:
    return Side(value, value.replace(",", ""), evidence)


def disagreement(kind: Kind, rule: str, reason: str, slot: str, *sides: Side, score: float = 0.9) -> Finding:
    cited = tuple(sorted((e for s in sides for e in s.evidence), key=lambda e: (e.source, e.start)))
    ordered = tuple(sorted(sides, key=lambda s: s.sources))  # as the judge gives them: by first source
    return Finding(kind, BY_ID[rule].type, rule, reason, score, cited, slot=slot, sides=ordered)


def disputed(mode: str = "compare", order: tuple[int, ...] = (0, 1, 2)) -> Report:
    """Three sources (in ``order``) that disagree on a figure two of them give alike,
    update a toll and attribute a magnitude each to another authority."""
    docs = [Document(path, text, text) for path, text in (STORIES[i] for i in order)]
    at = {STORIES[i][0]: n for n, i in enumerate(order)}

    def e(path: str, sentence: str, fact: str) -> Evidence:
        return ev(docs[at[path]], at[path], sentence, fact)

    sentinel, tvn6, wire = (path for path, _ in STORIES)
    patients = disagreement(
        Kind.CONTRADICTION, "RC101", "the sources count the patients differently", "number of patients",
        side("2", e(sentinel, "Two patients were treated at the clinic, the sentinel said.", "Two")),
        side("3", e(tvn6, "Three patients were treated at the clinic.", "Three"),
             e(wire, "Three patients were treated at the clinic, officials said.", "Three")),
    )
    toll = disagreement(
        Kind.UPDATE, "RC107", "a later report raises the toll", "death toll",
        side("8", e(sentinel, "Eight people died.", "Eight")), side("12", e(wire, "The toll rose to 12 on Tuesday.", "12")),
        score=0.7,
    )
    magnitude = disagreement(
        Kind.ATTRIBUTED, "RC108", "each gives another agency's magnitude", "magnitude",
        side("6.1", e(tvn6, "The quake measured 6.1, the USGS said.", "6.1")),
        side("5.9", e(wire, "It was 5.9, according to the Iranian centre.", "5.9")),
        score=0.6,
    )
    sources = tuple(SourceInfo(d.path, "utf-8", d.text.count("\n"), d.text.count("\n"), None, (), text=d.text)
                    for d in docs)
    return Report(sources, (patients, toll, magnitude), mode)


def crowded(mode: str = "compare") -> Report:
    """Eight sources: six say 7,000 homes burned (the third twice), two say 6,000;
    and the damage in five figures, 10 million from three sources, 20 from two, the
    others from one each. More sources and values than a short report lists."""
    texts = []
    for n in range(8):
        homes = "7,000" if n < 6 else "6,000"
        again = "Some 7,000 homes burned, officials said.\n" if n == 2 else ""
        damage = (10, 10, 10, 20, 20, 30, 40, 50)[n]
        texts.append((f"stories/s{n}.txt", f"The fire destroyed {homes} homes.\n{again}Damage reached {damage} million.\n"))
    docs = [Document(path, text, text) for path, text in texts]

    def said(n: int, sentence: str, fact: str) -> Evidence:
        return ev(docs[n], n, sentence, fact)

    homes = disagreement(
        Kind.CONTRADICTION, "RC101", "7,000: 6 sources; 6,000: 2 sources", "number of homes",
        side("7,000", *(e for n in range(6) for e in (
            said(n, "The fire destroyed 7,000 homes.", "7,000"),
            *([said(n, "Some 7,000 homes burned, officials said.", "7,000")] if n == 2 else [])))),
        side("6,000", *(said(n, "The fire destroyed 6,000 homes.", "6,000") for n in (6, 7))),
    )
    by_value: dict[str, list[Evidence]] = {}
    for n, (_, text) in enumerate(texts):
        figure = text.rsplit("reached ", 1)[1].split(" ")[0]
        by_value.setdefault(figure, []).append(said(n, f"Damage reached {figure} million.", figure))
    damage = disagreement(
        Kind.CONTRADICTION, "RC101", "the damage differs", "damage",
        *(side(value, *cited) for value, cited in by_value.items()), score=0.8,
    )
    sources = tuple(SourceInfo(d.path, "utf-8", d.text.count("\n"), d.text.count("\n"), None, (), text=d.text)
                    for d in docs)
    return Report(sources, (homes, damage), mode)
