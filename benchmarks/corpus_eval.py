"""Extraction measured on real articles against their hand annotation.

Run by hand: ``python benchmarks/corpus_eval.py [--corpus DIR] [--split test]``.
The articles are not in the repository: they are read from ``--corpus`` (default
``$CLAIMGRAPH_CORPUS`` or ``../shared/corpus``), one ``.txt`` file each whose first
line is the page's address; the gold (``tests/data/corpus-gold/``) is matched to a
file by that address. Texts are read as a user would run ``claimgraph disputes
article.txt``: language detected, no ``--doc-date`` (the extractor finds the date
itself), the manifest's declared sides of other wars given as ``--sides``.
Disputes count when sources disagree (the dispute's reasons include a
contradiction or a denial), as the gold's ``disputed`` lists them; a place a
source only calls contested is not one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from claimgraph.disputes import find_disputes
from claimgraph.graph import ClaimGraph
from claimgraph.testing import load_gold, place_key, score_extraction
from claimgraph.text import detect_language, extract_text, known_sources

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "corpus-gold"


def default_corpus() -> Path:
    return Path(os.environ.get("CLAIMGRAPH_CORPUS") or ROOT.parent / "shared" / "corpus")


def corpus_files(corpus: Path) -> dict[str, Path]:
    """Corpus files by the address on their first line."""
    out = {}
    for path in sorted(corpus.rglob("*.txt")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0].strip()
        out[first] = path
    return out


def manifest() -> list[dict[str, Any]]:
    return load_gold(GOLD / "manifest.jsonl")


def evaluate(corpus: Path, split: str | None = None) -> list[dict[str, Any]]:
    """One row per document of the manifest found in ``corpus``."""
    files = corpus_files(corpus)
    registry = known_sources()
    rows = []
    for entry in manifest():
        if split and entry["split"] != split:
            continue
        path = files.get(entry["url"])
        if path is None:
            continue
        text = path.read_text(encoding="utf-8")
        doc = entry["doc"]
        claims = extract_text(text, doc=doc, actors=entry.get("sides") or {})
        scores = score_extraction(
            load_gold(GOLD / f"{doc}.jsonl"), claims, text, doc=doc, registry=registry
        )
        control = [c for c in claims if c.property == "control"]
        found: list[set[str]] = []
        if control:
            graph = ClaimGraph.build(control)
            # each disputed place with every spelling of it
            found = [
                {place_key(d.name)} | {place_key(v) for v in graph.places.place_of(d.name).variants}
                for d in find_disputes(graph, property="control")
                # sources disagreeing; a place one source calls contested is not that
                if {r.value for r in d.reasons} & {"contradiction", "denial"}
            ]
        gold_disputed = {place_key(p) for p in entry.get("disputed", [])}
        invented = [keys for keys in found if not keys & gold_disputed]
        rows.append(
            {
                "doc": doc,
                "lang": entry["lang"],
                "detected": detect_language(text),
                "split": entry["split"],
                "batch": entry.get("batch", 1),
                "scores": scores,
                "disputes_gold": len(gold_disputed),
                "disputes_found": sum(1 for g in gold_disputed if any(g in k for k in found)),
                "invented_names": sorted(min(keys) for keys in invented),
            }
        )
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, float]]:
    sums: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in rows:
        for key in ((row["lang"], row["split"]), (row["lang"], "all")):
            s = sums[key]
            c = row["scores"]["control"]
            for name in ("gold", "extracted", "matched", "source_ok", "time_ok"):
                s[name] += c[name]
            s["docs"] += 1
            s["lang_ok"] += row["detected"] == row["lang"]
            for name in ("disputes_gold", "disputes_found"):
                s[name] += row[name]
            s["disputes_invented"] += len(row["invented_names"])
    return sums


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--split", choices=("tune", "test"), default=None)
    parser.add_argument("--batch", type=int, default=None, help="only this batch of the gold")
    parser.add_argument("--errors", action="store_true", help="list misses and spurious claims")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    rows = [
        row
        for row in evaluate(args.corpus, args.split)
        if args.batch is None or row["batch"] == args.batch
    ]
    if not rows:
        print(f"no annotated article found in {args.corpus}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(rows, indent=1, default=str))
        return 0
    if args.errors:
        for row in rows:
            c = row["scores"]["control"]
            print(f"== {row['doc']} ({row['split']})")
            for m in c["missed"]:
                print("  missed  ", m)
            for m in c["spurious"]:
                print("  spurious", m)
            for m in c["wrong_source"]:
                print("  source  ", m)
            for m in c["wrong_time"]:
                print("  time    ", m)
            if row["invented_names"] or row["disputes_found"] < row["disputes_gold"]:
                print(
                    f"  disputes found {row['disputes_found']}/{row['disputes_gold']},"
                    f" invented {row['invented_names']}"
                )
    print(
        "lang split  docs  gold extracted  P      R      source time   disputes found/gold invented"
    )
    for (lang, split), s in sorted(summary(rows).items()):
        p = s["matched"] / s["extracted"] if s["extracted"] else 1.0
        r = s["matched"] / s["gold"] if s["gold"] else 1.0
        src = s["source_ok"] / s["matched"] if s["matched"] else 1.0
        tm = s["time_ok"] / s["matched"] if s["matched"] else 1.0
        print(
            f"{lang:4} {split:5} {int(s['docs']):4} {int(s['gold']):5} {int(s['extracted']):9}"
            f"  {p:.3f}  {r:.3f}  {src:.3f}  {tm:.3f}  "
            f"{int(s['disputes_found'])}/{int(s['disputes_gold'])} {int(s['disputes_invented'])}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
