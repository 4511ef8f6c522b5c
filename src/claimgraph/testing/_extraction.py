"""Scoring extracted claims against a hand annotation of the same text, by line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..model import Claim, SourceRegistry, fold
from ..text import split_sentences

__all__ = ["DOCUMENT", "ExtractionScore", "kind_of", "load_gold", "place_key", "score_extraction"]

#: The gold's name for a text's own voice.
DOCUMENT = "<document>"

ExtractionScore = dict[str, dict[str, Any]]


def place_key(name: str) -> str:
    """A spelling-insensitive key: no case, accents, hyphens, apostrophes or spaces.

    >>> place_key("Karm al-Qasr") == place_key("karm al qasr")
    True
    """
    return re.sub(r"[\s\-'’]+", "", fold(name))


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The records of a gold file (JSON Lines)."""
    text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def kind_of(claim: Claim) -> str:
    """``control``, ``count``, ``other`` (massacre, responsibility) or ``ignored``."""
    if claim.property == "control":
        return "control"
    if claim.is_numeric:
        return "count"
    if claim.property in {"massacre", "responsible"}:
        return "other"
    return "ignored"


def _key(kind: str, line: int, record: Mapping[str, Any]) -> tuple[Any, ...]:
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


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def _same_time(record: Mapping[str, Any], claim: Claim) -> bool:
    return (record.get("start"), record.get("end")) == (_iso(claim.start), _iso(claim.end))


def score_extraction(
    gold: Iterable[Mapping[str, Any]],
    claims: Iterable[Claim],
    text: str,
    *,
    doc: str,
    registry: SourceRegistry | None = None,
    kinds: tuple[str, ...] = ("control", "count", "other"),
) -> ExtractionScore:
    """Precision, recall and agreement of source and time, per kind of claim.

    A claim matches a gold record on the same line with the same place (spelling
    aside), value and stance (several of one kind pair up one to one, those of the
    same source first); among matches, ``source_agreement`` is the share
    whose source is the gold's (both read through ``registry`` when given, and
    :data:`DOCUMENT` for the text's own voice) and ``time_agreement`` the share
    with the same start and end.

    Examples
    --------
    >>> from claimgraph.text import extract_text
    >>> text = "The army took Tell Abra on 3 March 2015, the Observatory said."
    >>> gold = [{"line": 1, "kind": "control", "source": "Syrian Observatory for Human Rights",
    ...          "subject": "Tell Abra", "value": "government", "start": "2015-03-03",
    ...          "end": "2015-03-03"}]
    >>> r = score_extraction(gold, extract_text(text, lang="en"), text, doc="<text>")
    >>> r["control"]["recall"], r["control"]["source_agreement"]
    (1.0, 1.0)
    """
    line_of = {s.number: s.line for s in split_sentences(text)}
    gold = list(gold)
    extracted = [c for c in claims if kind_of(c) != "ignored"]

    def same_source(expected: str, got: str) -> bool:
        if expected == DOCUMENT:
            return got == doc
        if registry is not None:
            return fold(registry.canonical(expected)) == fold(registry.canonical(got))
        return fold(expected) == fold(got)

    results: ExtractionScore = {}
    for kind in kinds:
        g: dict[tuple[Any, ...], list[Mapping[str, Any]]] = {}
        for record in gold:
            if record["kind"] == kind:
                g.setdefault(_key(kind, record["line"], record), []).append(record)
        e: dict[tuple[Any, ...], list[Claim]] = {}
        for claim in extracted:
            if kind_of(claim) == kind:
                key = _key(kind, line_of[claim.sentence or 0], claim.to_record())
                e.setdefault(key, []).append(claim)
        pairs: list[tuple[tuple[Any, ...], Mapping[str, Any], Claim]] = []
        missed: list[str] = []
        spurious: list[str] = []
        for key in sorted(set(g) | set(e), key=str):
            records, found = list(g.get(key, [])), list(e.get(key, []))
            # pair records and claims of one key, those with the same source first
            for record in list(records):
                same = next((c for c in found if same_source(record["source"], c.source)), None)
                if same is not None:
                    pairs.append((key, record, same))
                    records.remove(record)
                    found.remove(same)
            while records and found:
                pairs.append((key, records.pop(0), found.pop(0)))
            missed.extend(str(key) for _ in records)
            spurious.extend(str(key) for _ in found)
        n_gold = sum(map(len, g.values()))
        n_found = sum(map(len, e.values()))
        source_ok = sum(1 for _, r, c in pairs if same_source(r["source"], c.source))
        time_ok = sum(1 for _, r, c in pairs if _same_time(r, c))
        results[kind] = {
            "gold": n_gold,
            "extracted": n_found,
            "matched": len(pairs),
            "source_ok": source_ok,
            "time_ok": time_ok,
            "precision": len(pairs) / n_found if n_found else 1.0,
            "recall": len(pairs) / n_gold if n_gold else 1.0,
            "source_agreement": source_ok / len(pairs) if pairs else 1.0,
            "time_agreement": time_ok / len(pairs) if pairs else 1.0,
            "missed": missed,
            "spurious": spurious,
            "wrong_time": [
                f"{k}: {r.get('start')}..{r.get('end')} / {c.time_text()}"
                for k, r, c in pairs
                if not _same_time(r, c)
            ],
            "wrong_source": [
                f"{k}: {r['source']} / {c.source}"
                for k, r, c in pairs
                if not same_source(r["source"], c.source)
            ],
        }
    return results
