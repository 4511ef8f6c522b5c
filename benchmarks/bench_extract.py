"""Text extraction speed: sentences per second per language pack, on synthetic corpora.

Run by hand::

    PYTHONPATH=src python benchmarks/bench_extract.py [--lang es|en|all] [--sentences N]
        [--repeat R] [--doc-lines L]

For each language it builds a corpus from this file's own templates (invented places,
wire-style sentences), extracts it in one process (one core) ``--repeat`` times and
prints the median and the best. It then cuts the corpus into documents of
``--doc-lines`` lines, as a batch of articles, and times ``lang="auto"`` against the
explicit language over them, and language detection alone. The figures do not depend on
any external data. Target: at least 2,000 sentences per second on one core, per language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from claimgraph.text import detect_language, extract_text, split_sentences

TARGET = 2000
YEAR = 2015

PLACES = [
    "Tell Abra",
    "Kafr Lam",
    "Ain Jara",
    "al-Qanat",
    "Bab Hadid",
    "Marj Zahr",
    "Wadi Sir",
    "Deir Ula",
    "Ras Kifa",
    "Jisr Nahr",
    "Hayy Sabil",
    "Qasr Nur",
]
MONTHS = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio"],
    "en": ["January", "February", "March", "April", "May", "June"],
}
TEMPLATES = {
    "es": [
        "El {d} de {m}, el ejército capturó {p} y {q}, según el OSDH.",
        "Un día después, los rebeldes dijeron haber retomado {p}.",
        "Según el OSDH, ya no estaba claro quién controlaba el área.",
        "{p}, al sur de {q}, también fue liberada por las fuerzas leales.",
        "Un bombardeo en {p} mató al menos a {n} personas, incluyendo {k} niños.",
        "Según reportes, las fuerzas progubernamentales avanzaron hacia {q}.",
        "Una semana después, el diario Al-Watan informó que el ejército tomó la mayor"
        " parte de {p}.",
        "Entre {n} y {n2} civiles murieron en {q} a principios de {m}.",
        "Fuentes opositoras negaron tal avance en {p}.",
        "El ejército intentaba capturar {q} mientras bombardeaba {p}.",
    ],
    # Wire-style English: captures, "according to X", ", X said", withdrawals,
    # repelled attacks, tolls, shelling, denials, partial control, attempts.
    "en": [
        "On {m} {d}, the army captured {p} and {q}, according to the Syrian Observatory"
        " for Human Rights.",
        "Rebels said a day later they had recaptured {p}.",
        "Government forces withdrew from {q} overnight, the monitor said.",
        "The army fought off an assault on {p} by insurgents, state media said.",
        "Rebels repelled an attack by government forces on {q}, activists said.",
        "Government shelling of {p} killed at least {n} civilians, including {k} children,"
        " according to the Syrian Observatory.",
        "The death toll in {q} rose to {n}, the group said.",
        "A week later, the Al-Watan newspaper reported that troops had taken most of {p}.",
        "Between {n} and {n2} people were killed in {q} in early {m}, the observatory said.",
        "Opposition sources denied that the army had entered {p}.",
        "Troops were trying to take {q} while shelling {p}, residents said.",
        "Opposition fighters pulled out of {p} after heavy fighting, Reuters reported.",
    ],
}
LANGS = tuple(TEMPLATES)


def corpus(lang: str, sentences: int, seed: int = 7) -> str:
    """``sentences`` sentences of ``lang`` from the templates, three a line."""
    rng = random.Random(seed)
    templates = TEMPLATES[lang]
    months = MONTHS[lang]
    out = []
    for _ in range(sentences):
        p, q = rng.sample(PLACES, 2)
        n = rng.randint(5, 900)
        out.append(
            rng.choice(templates).format(
                d=rng.randint(1, 28),
                m=rng.choice(months),
                p=p,
                q=q,
                n=n,
                n2=n + rng.randint(1, 50),
                k=rng.randint(1, 5),
            )
        )
    # a few sentences a line, as in pasted prose
    return "\n".join(" ".join(out[i : i + 3]) for i in range(0, len(out), 3))


def documents(text: str, lines: int) -> list[str]:
    """The corpus cut into documents of ``lines`` lines each."""
    rows = text.split("\n")
    return ["\n".join(rows[i : i + lines]) for i in range(0, len(rows), lines)]


def timed(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Wall seconds of ``repeat`` calls of each of ``runs``, taken in turns, and the
    process's CPU seconds of each (under ``name + "/cpu"``).

    Taking them in turns spreads any drift of the machine's speed over all of them;
    CPU seconds tell a busy machine (wall above CPU) from a slow run.
    """
    times: dict[str, list[float]] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            start, cpu = time.perf_counter(), time.process_time()
            run()
            times.setdefault(name, []).append(time.perf_counter() - start)
            times.setdefault(name + "/cpu", []).append(time.process_time() - cpu)
    return times


def cpu_model() -> str:
    """The processor's model name (from /proc/cpuinfo on Linux)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    return (
        f"{cpu_model()}, {platform.system()} {platform.machine()},"
        f" Python {platform.python_version()}, {os.cpu_count()} CPUs"
    )


@dataclass
class Result:
    """One language's timings (wall seconds of each run)."""

    lang: str
    sentences: int
    claims: int
    whole: list[float]
    whole_cpu: list[float]
    documents: int
    explicit: list[float]
    auto: list[float]
    detect: list[float]
    detected_right: int

    def rate(self) -> float:
        """Sentences per second, median run, the corpus as one document."""
        return self.sentences / statistics.median(self.whole)


def bench(lang: str, sentences: int, repeat: int, doc_lines: int) -> Result:
    text = corpus(lang, sentences)
    docs = documents(text, doc_lines)
    claims: list[object] = []
    detected: list[str] = []

    def whole() -> None:
        claims[:] = extract_text(text, lang=lang, year=YEAR)

    def each(language: str) -> None:
        for d in docs:
            extract_text(d, lang=language, year=YEAR)

    def detect() -> None:
        detected[:] = [detect_language(d) for d in docs]

    # warm up: the pack's patterns are compiled on first use
    extract_text(docs[0], lang="auto", year=YEAR)
    whole_times = timed({"whole": whole}, repeat)
    times = timed(
        {"explicit": lambda: each(lang), "auto": lambda: each("auto"), "detect": detect}, repeat
    )
    return Result(
        lang=lang,
        sentences=len(split_sentences(text)),
        claims=len(claims),
        whole=whole_times["whole"],
        whole_cpu=whole_times["whole/cpu"],
        documents=len(docs),
        explicit=times["explicit"],
        auto=times["auto"],
        detect=times["detect"],
        detected_right=sum(d == lang for d in detected),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lang", choices=[*LANGS, "all"], default="all")
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--doc-lines", type=int, default=10, help="lines per document in the auto timing"
    )
    args = parser.parse_args()
    langs = LANGS if args.lang == "all" else (args.lang,)
    results = [bench(lang, args.sentences, args.repeat, args.doc_lines) for lang in langs]

    today = dt.date.today().isoformat()
    where = machine()
    print(f"median (and best) of {args.repeat} runs, each corpus as one document\n")
    print(
        "| date | machine | lang | sentences | claims | seconds | CPU seconds | sentences/s"
        " | best |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        median = statistics.median(r.whole)
        print(
            f"| {today} | {where} | {r.lang} | {r.sentences:,} | {r.claims:,} | {median:.2f} |"
            f" {statistics.median(r.whole_cpu):.2f} | {r.rate():,.0f} |"
            f" {r.sentences / min(r.whole):,.0f} |"
        )

    print(f'\n`lang="auto"` over documents of {args.doc_lines} lines (median seconds)\n')
    print(
        "| lang | documents | explicit lang | auto | auto overhead | detection alone"
        " | µs per document | detected right |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        n = r.sentences
        explicit = statistics.median(r.explicit)
        auto = statistics.median(r.auto)
        detect = statistics.median(r.detect)
        print(
            f"| {r.lang} | {r.documents:,} | {explicit:.2f} s ({n / explicit:,.0f}/s) |"
            f" {auto:.2f} s ({n / auto:,.0f}/s) | {100 * (auto - explicit) / explicit:+.1f} % |"
            f" {detect:.3f} s ({100 * detect / explicit:.1f} %) |"
            f" {1e6 * detect / r.documents:,.0f} | {r.detected_right}/{r.documents} |"
        )

    below = [f"{r.lang} ({r.rate():,.0f}/s)" for r in results if r.rate() < TARGET]
    if below:
        print(f"\nbelow the target of {TARGET:,} sentences/s: {', '.join(below)}")
    else:
        print(f"\ntarget of {TARGET:,} sentences/s met by every language measured")


if __name__ == "__main__":
    main()
