"""How text extraction time grows with the input: realistic and adversarial prose.

Run by hand::

    PYTHONPATH=src python benchmarks/bench_text_scaling.py [--sizes 1k 10k 100k 1M]
        [--kinds prose,run-on,places,capitals] [--lang es|en|all] [--timeout 300]

Each case runs in a fresh process (one core) with ``--timeout`` seconds, so a case
that hangs is reported as such rather than stopping the run; once a kind times out,
its larger sizes are not tried. Kinds:

``prose``
    news-like sentences from ``bench_extract.py``'s templates, three a line;
``run-on``
    the same prose with every full stop removed and all on one line: one "sentence"
    as long as the input;
``places``
    one sentence naming as many places as fit in the size ("Kafr Ba, Kafr Ca, ...
    and Kafr Zu fell to the army."): 1k is about 90 places, 10k about 900;
``capitals``
    one line of capitalized words and commas, no verbs: every word may start a name.

For each case it prints the wall and CPU seconds, the claims found, CPU
microseconds per kilobyte, and the growth of CPU time per kilobyte from the
previous size (1.0 is linear). Figures go to docs/benchmarks.md with the date and
the machine; CPU seconds are the ones to compare on a loaded machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import corpus, machine

from claimgraph.text import extract_text

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}
KINDS = ("prose", "run-on", "places", "capitals")
YEAR = 2015


def prose(lang: str, size: int) -> str:
    """``size`` characters of template prose (cut at a line end)."""
    text = corpus(lang, size // 60 + 10)
    while len(text) < size:
        text += "\n" + corpus(lang, size // 60 + 10, seed=len(text))
    cut = text.rfind("\n", 0, size)
    return text[: cut if cut > 0 else size]


def run_on(lang: str, size: int) -> str:
    """Prose of ``size`` characters with no full stop and no line break."""
    return prose(lang, size + size // 10).replace(".", "").replace("\n", " ")[:size]


def place_name(i: int) -> str:
    """A distinct made-up place name for each ``i``."""
    word = ""
    while True:
        word = "bcdfghjklmnpqrstvz"[i % 18] + "aeiou"[i // 18 % 5] + word
        i //= 90
        if not i:
            return "Kafr " + word.capitalize()


def places(lang: str, size: int) -> str:
    """One sentence listing places until it is ``size`` characters long."""
    names: list[str] = []
    length = 40
    while length < size:
        names.append(place_name(len(names)))
        length += len(names[-1]) + 2
    listed = ", ".join(names[:-1]) + (" and " if lang == "en" else " y ") + names[-1]
    if lang == "en":
        return listed + " fell to the army."
    return listed + " cayeron en manos del ejército."


def capitals(lang: str, size: int) -> str:
    """One line of capitalized words, a comma every few: names with nothing to do."""
    words = []
    length = 0
    i = 0
    while length < size:
        word = place_name(i).split()[1] + ("," if i % 5 == 4 else "")
        words.append(word)
        length += len(word) + 1
        i += 1
    return " ".join(words)[:size]


MAKERS = {"prose": prose, "run-on": run_on, "places": places, "capitals": capitals}


def measure(kind: str, lang: str, size: int) -> dict[str, object]:
    """Extract one case in this process; its timings and counts."""
    text = MAKERS[kind](lang, size)
    extract_text("Las tropas tomaron Kafr Ba. The army took Kafr Ba.", lang=lang, year=YEAR)
    start, cpu = time.perf_counter(), time.process_time()
    claims = extract_text(text, lang=lang, year=YEAR)
    return {
        "chars": len(text),
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "claims": len(claims),
    }


def run_case(kind: str, lang: str, size: int, timeout: float) -> dict[str, object] | None:
    """One case in a fresh process; ``None`` when it ran past ``timeout`` seconds."""
    command = [sys.executable, __file__, "--case", f"{kind}:{lang}:{size}"]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=True, env=os.environ
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--lang", choices=["es", "en", "all"], default="all")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        kind, lang, size = args.case.split(":")
        print(json.dumps(measure(kind, lang, int(size))))
        return
    langs = ("es", "en") if args.lang == "all" else (args.lang,)
    kinds = [k for k in args.kinds.split(",") if k]
    print(f"{dt.date.today().isoformat()}, {machine()}, timeout {args.timeout:.0f} s a case\n")
    print("| kind | lang | size | chars | claims | seconds | CPU seconds | CPU µs/KB | growth |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind in kinds:
        for lang in langs:
            previous: float | None = None
            for label in args.sizes:
                result = run_case(kind, lang, SIZES[label], args.timeout)
                if result is None:
                    print(f"| {kind} | {lang} | {label} | | | > {args.timeout:.0f} | | | |")
                    break
                chars, cpu = float(result["chars"]), float(result["cpu"])  # type: ignore[arg-type]
                per_kb = 1e6 * cpu / (chars / 1000)
                growth = f"{per_kb / previous:.2f}" if previous else ""
                previous = per_kb
                print(
                    f"| {kind} | {lang} | {label} | {int(chars):,} | {result['claims']:,} |"
                    f" {float(result['seconds']):.2f} | {cpu:.2f} | {per_kb:,.0f} | {growth} |",  # type: ignore[arg-type]
                    flush=True,
                )


if __name__ == "__main__":
    main()
