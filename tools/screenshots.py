"""Take the screenshots of the example report in docs/ with headless Chromium,
and draw the example's timeline figure (``claimgraph plot timeline``).

Run ``PYTHONPATH=src python tools/screenshots.py`` from the repository root
after changing the report's look. The report is that of the bundled example
(``examples/claims.csv``) with the approximate coordinates of its villages
(``examples/villages.csv``). Each picture shows one part of the page: the
others are hidden by a style added to a copy of the page, so no scrolling is
needed; the picture is cut to its content and must stay under 300 KB.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

from claimgraph.graph import ClaimGraph
from claimgraph.io import read_claims
from claimgraph.places import Gazetteer
from claimgraph.reports import build_report, plot_timeline, report_html, save_figure
from claimgraph.scoring.truth import discover_graph

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LIMIT = 300_000

#: file name -> (what stays visible, window width, window height)
SHOTS = {
    "report-example.png": ("body > header, #summary", 1000, 1100),
    "report-map.png": ("#map", 1000, 900),
    "report-place.png": ("#places > article:first-of-type", 1000, 1300),
}


def _graph() -> ClaimGraph:
    claims = read_claims(ROOT / "examples" / "claims.csv")
    gazetteer = Gazetteer.from_csv(ROOT / "examples" / "villages.csv")
    return ClaimGraph.build(claims, gazetteer=gazetteer)


def _page(graph: ClaimGraph) -> str:
    report = build_report(
        graph,
        truth=discover_graph(graph),
        inputs=["examples/claims.csv"],
        options={"gazetteer": "examples/villages.csv"},
    )
    return report_html(report)


def _only(page: str, visible: str) -> str:
    style = (
        "<style>body > *, #places > * { display: none !important; } "
        f"{visible} {{ display: block !important; }}</style>"
    )
    if "#places >" in visible:
        style += "<style>#places { display: block !important; }</style>"
    return page.replace("</head>", style + "</head>", 1)


def _trim(path: Path) -> None:
    image = Image.open(path).convert("RGB")
    blank = Image.new("RGB", image.size, (255, 255, 255))
    box = ImageChops.difference(image, blank).getbbox()
    if box is not None:
        left, top, right, bottom = box
        image = image.crop((max(left - 16, 0), max(top - 16, 0), right + 16, bottom + 16))
    image.quantize(colors=128).save(path, optimize=True)


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("no chromium on PATH (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    graph = _graph()
    figure = DOCS / "plot-timeline.png"
    save_figure(plot_timeline(graph), figure)
    _trim(figure)
    print(f"wrote {figure.relative_to(ROOT)} ({figure.stat().st_size // 1000} KB)")
    page = _page(graph)
    with tempfile.TemporaryDirectory() as folder:
        for name, (visible, width, height) in SHOTS.items():
            source = Path(folder) / f"{name}.html"
            source.write_text(_only(page, visible), encoding="utf-8")
            target = DOCS / name
            subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    f"--user-data-dir={Path(folder) / 'profile'}",
                    f"--window-size={width},{height}",
                    f"--screenshot={target}",
                    source.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
            _trim(target)
            size = target.stat().st_size
            print(f"wrote {target.relative_to(ROOT)} ({size // 1000} KB)")
            if size > LIMIT:
                print(f"{name} is over {LIMIT // 1000} KB", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
