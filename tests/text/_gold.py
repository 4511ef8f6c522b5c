"""Scoring extracted claims against the hand annotation of the seed documents."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimgraph import Claim
from claimgraph.model import fold
from claimgraph.text import split_sentences

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "gold"
SEEDS_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
DOCUMENT = "<document>"


def place_key(name: str) -> str:
    """Spelling-insensitive key: no case, accents, hyphens or apostrophes."""
    return re.sub(r"[\s\-'’]+", "", fold(name))


def load_gold(doc: str) -> list[dict[str, Any]]:
    path = GOLD_DIR / (Path(doc).stem + ".jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def kind_of(claim: Claim) -> str:
    if claim.property == "control":
        return "control"
    if claim.is_numeric:
        return "count"
    if claim.property in {"massacre", "responsible"}:
        return "other"
    return "ignored"


def _key(kind: str, line: int, record: dict[str, Any]) -> tuple[Any, ...]:
    if kind == "control":
        return (
            line,
            place_key(record["subject"]),
            record["value"],
            record.get("stance", "asserts"),
        )
    if kind == "count":
        return (line, record["property"], record.get("low"), record.get("high"))
    return (line, record["property"], fold(record["value"]), record.get("stance", "asserts"))


def score(doc: str, claims: Iterable[Claim], text: str) -> dict[str, dict[str, Any]]:
    """Precision, recall and field agreement per kind (control, count, other)."""
    line_of = {s.number: s.line for s in split_sentences(text)}
    gold = load_gold(doc)
    results: dict[str, dict[str, Any]] = {}
    extracted = [c for c in claims if kind_of(c) != "ignored"]
    for kind in ("control", "count", "other"):
        g = {}
        for record in gold:
            if record["kind"] == kind:
                g[_key(kind, record["line"], record)] = record
        e = {}
        for claim in extracted:
            if kind_of(claim) != kind:
                continue
            record = claim.to_record()
            e[_key(kind, line_of[claim.sentence or 0], record)] = claim
        matched = set(g) & set(e)
        source_ok = sum(
            1
            for k in matched
            if (g[k]["source"] == DOCUMENT and e[k].source == doc)
            or fold(g[k]["source"]) == fold(e[k].source)
        )
        time_ok = sum(
            1
            for k in matched
            if (g[k].get("start"), g[k].get("end"))
            == (
                e[k].start.isoformat() if e[k].start else None,
                e[k].end.isoformat() if e[k].end else None,
            )
        )
        results[kind] = {
            "gold": len(g),
            "extracted": len(e),
            "matched": len(matched),
            "precision": len(matched) / len(e) if e else 1.0,
            "recall": len(matched) / len(g) if g else 1.0,
            "source_agreement": source_ok / len(matched) if matched else 1.0,
            "time_agreement": time_ok / len(matched) if matched else 1.0,
            "missed": sorted(map(str, set(g) - matched)),
            "spurious": sorted(map(str, set(e) - matched)),
        }
    return results
