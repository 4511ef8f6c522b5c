"""Text extraction speed: sentences per second on a synthetic Spanish corpus.

Run by hand: ``PYTHONPATH=src python benchmarks/bench_extract.py [--sentences N]``.
The corpus comes from this file's own templates (invented places), so the figure does
not depend on any external data. Target: at least 2,000 sentences per second on one core.
"""

from __future__ import annotations

import argparse
import platform
import random
import time

from claimgraph.text import extract_text, split_sentences

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
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio"]
TEMPLATES = [
    "El {d} de {m}, el ejército capturó {p} y {q}, según el OSDH.",
    "Un día después, los rebeldes dijeron haber retomado {p}.",
    "Según el OSDH, ya no estaba claro quién controlaba el área.",
    "{p}, al sur de {q}, también fue liberada por las fuerzas leales.",
    "Un bombardeo en {p} mató al menos a {n} personas, incluyendo {k} niños.",
    "Según reportes, las fuerzas progubernamentales avanzaron hacia {q}.",
    "Una semana después, el diario Al-Watan informó que el ejército tomó la mayor parte de {p}.",
    "Entre {n} y {n2} civiles murieron en {q} a principios de {m}.",
    "Fuentes opositoras negaron tal avance en {p}.",
    "El ejército intentaba capturar {q} mientras bombardeaba {p}.",
]


def corpus(sentences: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(sentences):
        p, q = rng.sample(PLACES, 2)
        n = rng.randint(5, 900)
        out.append(
            rng.choice(TEMPLATES).format(
                d=rng.randint(1, 28),
                m=rng.choice(MONTHS),
                p=p,
                q=q,
                n=n,
                n2=n + rng.randint(1, 50),
                k=rng.randint(1, 5),
            )
        )
    # a few sentences a line, as in pasted prose
    return "\n".join(" ".join(out[i : i + 3]) for i in range(0, len(out), 3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = corpus(args.sentences)
    count = len(split_sentences(text))
    best = float("inf")
    claims = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        claims = len(extract_text(text, year=2015))
        best = min(best, time.perf_counter() - start)
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(f"{count} sentences, {claims} claims, best of {args.repeat}: {best:.2f} s")
    print(f"{count / best:,.0f} sentences/s")


if __name__ == "__main__":
    main()
