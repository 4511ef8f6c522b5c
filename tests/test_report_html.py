"""The HTML report: content, ranking, timelines, map, escaping, and (with Chromium) the page."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import http.server
import json
import math
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from claimgraph import __version__
from claimgraph._errors import InputError, MissingDependencyError
from claimgraph.cli import main
from claimgraph.data import example_claims
from claimgraph.graph import ClaimGraph
from claimgraph.model import Claim
from claimgraph.reports import TileSource, build_report, report_html, report_markdown
from claimgraph.scoring.truth import discover_graph
from claimgraph.testing import make_claim

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = "<script>window.pwned = 1; document.title = 'pwned'</script>"
IMAGE = '<img src=x onerror="window.pwned = 2">'


class _Page(HTMLParser):
    """Tags, attributes, ids and text of a page, as a browser's parser would see them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    def all(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.tags
            if t == tag and all((a.get(k) or "").split()[:1] == [v] for k, v in wanted.items())
        ]

    @property
    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}


def _hostile_claims() -> list[Claim]:
    """A disputed place and sources whose names, documents and sentences carry markup."""
    subject = f'Tal "Hamra" | {IMAGE}\nsecond line'
    return [
        make_claim(
            SCRIPT,
            subject,
            "army",
            on="2015-03-03",
            doc='bulletin" onmouseover="window.pwned = 3',
            sentence=2,
            text=f"</q>{SCRIPT} troops entered the town",
        ),
        make_claim("Monitor | B", subject, "rebels", on="2015-03-04", text="<b>rebels</b> hold it"),
        Claim.from_record(
            {
                "source": "Wire",
                "subject": subject,
                "property": "control",
                "value": "rebels",
                "date": "2015-03-04",
                "url": "javascript:window.pwned = 4",
            }
        ),
        Claim.from_record(
            {
                "source": "Wire",
                "subject": "Kafr Safra",
                "property": "control",
                "value": "army",
                "date": "2015-03-10",
                "doc": "wire-0310",
                "url": "https://example.org/wire/0310?a=1&b=2",
            }
        ),
    ]


def test_injected_markup_stays_text() -> None:
    page_text = report_html(build_report(ClaimGraph.build(_hostile_claims())))
    page = _Page(page_text)
    # the page's own script is the only script; no injected tag or handler exists
    assert len(page.all("script")) == 1
    assert "pwned" not in "".join(page.scripts)
    assert not page.all("img")
    assert all(not k.startswith("on") for _, attrs in page.tags for k in attrs)
    # the names arrive as text, whole: quotes, pipes and newlines included
    text = "".join(page.text)
    assert SCRIPT in text
    assert 'Tal "Hamra" | ' + IMAGE in text
    assert "<b>rebels</b> hold it" in text
    # javascript: addresses are shown, never linked; web addresses are linked
    hrefs = [a.get("href") or "" for _, a in page.tags if "href" in a]
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript")]
    assert "https://example.org/wire/0310?a=1&b=2" in hrefs
    assert "address not linked: javascript:window.pwned = 4" in text
    # the <title> is escaped too
    assert re.search(r"<title>Disputed control report</title>", page_text)


def test_the_page_needs_no_network_and_runs_only_its_own_script() -> None:
    page_text = report_html(ClaimGraph.build(example_claims()))
    page = _Page(page_text)
    (policy,) = [
        a["content"] or ""
        for a in page.all("meta")
        if (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert "default-src 'none'" in policy
    (script,) = page.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    # nothing is fetched: no external sources, stylesheets or scripts
    assert not [a for t, a in page.tags if t in ("link", "img", "iframe")]
    assert not [a for t, a in page.tags if t == "script" and a.get("src")]
    assert "http://" not in page_text.replace("http://www.w3.org/2000/svg", "")


def test_provenance_ranking_and_counts() -> None:
    claims = [
        # Hilan: two disputes (May and July), held by the army in June between them
        make_claim("A", "Hilan", "army", on="2014-05-01"),
        make_claim("B", "Hilan", "rebels", on="2014-05-01"),
        make_claim("B", "Hilan", "army", on="2014-06-01"),
        make_claim("A", "Hilan", "army", on="2014-07-01"),
        make_claim("B", "Hilan", "rebels", on="2014-07-01"),
        # Zor: one dispute; Aziza: none, and A revises itself there
        make_claim("A", "Zor", "army", on="2014-06-01"),
        make_claim("C", "Zor", "rebels", on="2014-06-01"),
        make_claim("A", "Aziza", "army", on="2014-06-10"),
        make_claim("A", "Aziza", "rebels", on="2014-06-11"),
    ]
    when = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
    graph = ClaimGraph.build(claims)
    report = build_report(
        graph,
        truth=discover_graph(graph, method="vote"),
        inputs=["mine.csv", "theirs.jsonl"],
        options={"gazetteer": "places.csv"},
        generated=when,
    )
    assert [p.name for p in report.places] == ["Hilan", "Zor", "Aziza"]
    assert [len(p.disputes) for p in report.places] == [2, 1, 0]
    assert report.revisions == 1
    assert report.places[2].revisions == 1
    page = _Page(report_html(report))
    text = " ".join(page.text)
    for shown in ("mine.csv, theirs.jsonl", f"claimgraph {__version__}", "2026-01-02 03:04 UTC"):
        assert shown in text
    assert "vote" in text
    assert "gazetteer: places.csv" in text
    assert "window: 3 days" in text
    # the summary lists the disputed places in rank order, with their counts
    leaders = re.findall(
        r"<li><a href=\"#(place-\d)\">(\w+)</a>: (\d) dispute", report_html(report)
    )
    assert leaders == [("place-0", "Hilan", "2"), ("place-1", "Zor", "1")]
    markdown = report_markdown(report)
    assert "mine.csv, theirs.jsonl" in markdown
    assert "- Places with disputed control: Hilan, Zor." in markdown
    assert "most disputed first: Hilan 2, Zor 1." in markdown
    assert "Revisions (a source changing its own claim): 1." in markdown


def test_timeline_bands_link_to_their_claims() -> None:
    page_text = report_html(ClaimGraph.build(example_claims()))
    page = _Page(page_text)
    timelines = re.findall(r'<svg class="timeline".*?</svg>', page_text, re.S)
    assert timelines
    report = build_report(ClaimGraph.build(example_claims()))
    dated = [
        [p for p in s.timeline.periods if p.start is not None]
        for s in report.places
        if any(p.start for p in s.timeline.periods)
    ]
    assert len(timelines) == len(dated)
    for svg, periods in zip(timelines, dated, strict=True):
        bands = re.findall(r'<a href="#([\w-]+)" class="band"><rect[^>]*fill="([^"]+)"', svg)
        assert len(bands) == len(periods)
        for (target, fill), period in zip(bands, periods, strict=True):
            assert target in page.ids  # a <details> holding the period's claims
            assert (fill == "url(#hatch)") == (period.status.value == "disputed")
    # changes of hands are listed under their place
    changes = [(s.name, c) for s in report.places for c in s.timeline.changes]
    assert changes
    for _name, change in changes:
        assert f"Changed hands {change.date}: {change.before} → {change.after}" in page_text
    # each disputed period lists every one of its claims' sentences
    first = report.places[0]
    disputed = next(p for p in first.timeline.periods if p.status.value == "disputed")
    text = "".join(page.text)
    for claim in disputed.claims:
        assert claim.text is not None
        assert claim.text.strip() in text


def test_top_places_in_full_and_every_place_in_the_table() -> None:
    cg = ClaimGraph.build(example_claims())
    page = _Page(report_html(cg, top=2))
    assert len(page.all("article")) == 2
    (table,) = re.findall(
        r'<table class="sortable" id="places-table">.*?</table>', report_html(cg, top=2), re.S
    )
    assert table.count("<tr>") == 1 + len(build_report(cg).places)
    with pytest.raises(ValueError, match="top"):
        report_html(cg, top=-1)


def test_map_of_places_with_coordinates() -> None:
    """Aleppo, Palmyra and Raqqa have coordinates in the bundled gazetteer."""
    claims = [
        make_claim("A", "Alepo", "army", on="2016-01-01"),
        make_claim("B", "Halab", "rebels", on="2016-01-01"),
        make_claim("A", "Palmira", "isis", on="2016-01-05"),
        make_claim("A", "Raqqa", "isis", on="2016-01-05"),
        make_claim("A", "Qasr Nowhere", "army", on="2016-01-05"),
    ]
    page_text = report_html(ClaimGraph.build(claims))
    (svg,) = re.findall(r'<svg id="map-svg".*?</svg>', page_text, re.S)
    points = {
        name: (float(x), float(y))
        for x, y, name in re.findall(
            r'<circle cx="([\d.]+)" cy="([\d.]+)".*?<title>(\w+):', svg, re.S
        )
    }
    assert set(points) == {"Aleppo", "Palmyra", "Raqqa"}
    # north is up, east is right: Aleppo (36.2 N, 37.2 E) is north-west of Palmyra
    # (34.6 N, 38.3 E); Raqqa (35.9 N, 39.0 E) lies east of both
    assert points["Aleppo"][1] < points["Raqqa"][1] < points["Palmyra"][1]
    assert points["Aleppo"][0] < points["Palmyra"][0] < points["Raqqa"][0]
    assert "1 place has no coordinates" in page_text
    # disputed Aleppo: contested colour and a dark ring
    assert re.search(r'fill="#8e44ad" stroke="#222"[^>]*><title>Aleppo', svg)


def test_no_map_without_coordinates_and_says_so() -> None:
    page_text = report_html(ClaimGraph.build(example_claims()))
    assert 'id="map-svg"' not in page_text
    assert "No place has coordinates" in page_text


def test_a_missing_jinja2_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(MissingDependencyError, match=r"claimgraph\[html\]|'html'|html"):
        report_html(ClaimGraph.build(example_claims()))


def test_cli_writes_html_from_the_extension_or_the_format(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["report", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = _Page(out.read_text(encoding="utf-8"))
    assert {"summary", "all-places", "agreement", "trust"} <= page.ids
    assert "the bundled example claims (claimgraph/data/example_claims.csv)" in "".join(page.text)
    result = runner.invoke(main, ["report", "--format", "html", "--top", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("<!DOCTYPE html>")
    assert result.output.count("<article") == 1
    short = tmp_path / "report.htm"
    result = runner.invoke(main, ["report", "-o", str(short)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert short.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # Markdown stays the default
    result = runner.invoke(main, ["report"])
    assert result.output.startswith("# Disputed control report")


TILES = "https://tiles.example.org/base/{z}/{x}/{y}.png"


def _syrian_claims() -> list[Claim]:
    """Aleppo (36.2 N, 37.16 E), Palmyra and Raqqa: coordinates from the bundled gazetteer."""
    return [
        make_claim("A", "Alepo", "army", on="2016-01-01"),
        make_claim("B", "Halab", "rebels", on="2016-01-01"),
        make_claim("A", "Palmira", "isis", on="2016-01-05"),
        make_claim("A", "Raqqa", "isis", on="2016-01-05"),
    ]


def _policy(page: _Page) -> str:
    (policy,) = [
        a["content"] or ""
        for a in page.all("meta")
        if (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    return policy


def test_without_tiles_the_map_loads_nothing_and_says_so() -> None:
    page_text = report_html(ClaimGraph.build(_syrian_claims()))
    page = _Page(page_text)
    assert 'id="map-svg"' in page_text
    assert not page.all("image")
    assert "img-src data:;" in _policy(page)
    assert "Map tilesnone: the map has a plain background" in "".join(page.text)


def test_tiles_come_from_the_one_host_named_in_the_header() -> None:
    page_text = report_html(ClaimGraph.build(_syrian_claims()), tiles=TILES)
    page = _Page(page_text)
    policy = _policy(page)
    assert "img-src data: https://tiles.example.org;" in policy
    assert "default-src 'none'" in policy
    hrefs = [a["href"] or "" for a in page.all("image")]
    assert hrefs
    assert all(h.startswith("https://tiles.example.org/base/") for h in hrefs)
    tiles = {tuple(int(n) for n in h.removesuffix(".png").split("/")[-3:]) for h in hrefs}
    (zoom,) = {z for z, _, _ in tiles}
    # the tile holding Aleppo at that zoom (Web Mercator, as tile servers number them)
    count = 2**zoom
    lat = math.radians(36.2)
    column = math.floor((37.16 + 180) / 360 * count)
    row = math.floor((1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * count)
    assert (zoom, column, row) in tiles
    # a whole box of tiles, no more than the map needs
    columns = sorted({x for _, x, _ in tiles})
    rows = sorted({y for _, _, y in tiles})
    assert len(tiles) == len(columns) * len(rows) <= 25
    assert TILES in "".join(page.text)  # the provenance header names the template
    assert "Tiles: tiles.example.org" in "".join(page.text)  # the credit, by default the host


def test_the_tile_servers_credit_is_on_the_map_and_escaped(tmp_path: Path) -> None:
    credit = "© Tile People <script>window.pwned = 5</script>"
    target = tmp_path / "r.html"
    result = CliRunner().invoke(
        main,
        ["report", "--tiles", TILES, "--tiles-attribution", credit, "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    page_text = target.read_text(encoding="utf-8")
    (svg,) = re.findall(r'<svg id="map-svg".*?</svg>', page_text, re.S) or [""]
    # the bundled example has no coordinates: no map, but the header names tiles and credit
    assert svg == ""
    page = _Page(page_text)
    assert credit in "".join(page.text)
    assert len(page.all("script")) == 1
    svg_page = report_html(
        ClaimGraph.build(_syrian_claims()), tiles=TileSource.parse(TILES, attribution=credit)
    )
    (svg,) = re.findall(r'<svg id="map-svg".*?</svg>', svg_page, re.S)
    assert html.escape(credit, quote=False) in svg
    alone = CliRunner().invoke(main, ["report", "--tiles-attribution", "x", "-o", "r.html"])
    assert alone.exit_code == 2
    assert "goes with --tiles" in alone.output


@pytest.mark.parametrize(
    ("template", "complaint"),
    [
        ("https://{s}.tiles.example/{z}/{x}/{y}.png", "one host"),
        ("ftp://tiles.example/{z}/{x}/{y}.png", "http or https"),
        ("https://tiles.example/{z}/{x}.png", "{y}"),
        ("https://tiles.example/{z}/{x}/{y}.png?key={key}", "only {z}, {x} and {y}"),
        ("https://tiles.example/{z}/{x}/{y}.png' 'unsafe-inline", "quotes"),
        ("https://tiles.example;script-src *//{z}/{x}/{y}", "one host"),
    ],
)
def test_a_bad_tile_template_is_refused(template: str, complaint: str) -> None:
    with pytest.raises(InputError, match=re.escape(complaint)):
        report_html(ClaimGraph.build(_syrian_claims()), tiles=template)
    result = CliRunner().invoke(main, ["report", "--tiles", template, "-o", "r.html"])
    assert result.exit_code == 2
    assert "--tiles" in result.output
    assert complaint in result.output


def test_tiles_are_for_the_html_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--tiles", TILES, "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 2
    assert "HTML" in result.output
    assert not (tmp_path / "r.md").exists()


# -- in a real browser --------------------------------------------------------------------

_PROBE = """
(function () {
  var out = {};
  function size(selector) {
    var found = document.querySelector(selector);
    if (!found) { return 0; }
    var box = found.getBoundingClientRect();
    return Math.round(box.width) + "x" + Math.round(box.height);
  }
  out.timeline = size("svg.timeline");
  out.band = size("svg.timeline a.band rect");
  out.map = size("#map-svg");
  out.point = size("#map-svg circle");
  out.table = size("#places-table");
  out.matrix = size("#agreement-matrix");
  var table = document.getElementById("places-table");
  var heading = table.tHead.rows[0].cells[0];
  heading.click();
  out.sorted = Array.prototype.map.call(table.tBodies[0].rows, function (r) {
    return r.cells[0].textContent; }).join("/");
  var filter = document.querySelector('input[data-table="places-table"]');
  filter.value = "aleppo";
  filter.dispatchEvent(new Event("input"));
  out.visible = Array.prototype.filter.call(table.tBodies[0].rows, function (r) {
    return !r.hidden; }).length;
  out.pwned = String(window.pwned);
  out.title = document.title;
  out.ready = document.body.getAttribute("data-ready");
  document.body.setAttribute("data-probe", JSON.stringify(out));
})();
"""


_NO_BROWSER = (
    "no chromium or chromium-browser on PATH (Debian: apt-get install chromium; .ci/run "
    "installs it where it can)"
)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _with_probe(page_text: str) -> str:
    """The page with a test probe appended, its hash added to the page's own policy."""
    digest = base64.b64encode(hashlib.sha256(_PROBE.encode()).digest()).decode()
    page_text = page_text.replace("script-src '", f"script-src 'sha256-{digest}' '", 1)
    return page_text.replace("</body>", f"<script>{_PROBE}</script></body>", 1)


def _run_chromium(browser: str, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={page.parent / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _browser_claims() -> list[Claim]:
    return [
        *_hostile_claims(),
        make_claim("A", "Alepo", "army", on="2015-03-01", text="Troops held the citadel."),
        make_claim("B", "Halab", "rebels", on="2015-03-01", text="Rebels held the old city."),
        make_claim("A", "Palmira", "isis", on="2015-03-08"),
        make_claim("B", "Palmyra", "isis", on="2015-03-08"),
    ]


@pytest.mark.skipif(_chromium() is None, reason=_NO_BROWSER)
def test_the_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    """Timeline, map and tables lay out, the page's script sorts and filters, the
    console stays silent, and no injected markup runs."""
    browser = _chromium()
    assert browser is not None
    page = tmp_path / "report.html"
    page.write_text(_with_probe(report_html(ClaimGraph.build(_browser_claims()))), "utf-8")
    result = _run_chromium(browser, page, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    found = re.search(r'data-probe="([^"]*)"', result.stdout)
    assert found is not None, result.stdout[:2000]
    probe = json.loads(html.unescape(found.group(1)))
    assert probe["ready"] == "yes"  # the page's own script ran to its end
    assert probe["pwned"] == "undefined"
    assert probe["title"] == "Disputed control report"
    for part in ("timeline", "band", "map", "point", "table", "matrix"):
        width, height = (int(n) for n in str(probe[part]).split("x"))
        assert width > 0, part
        assert height > 0, part
    names = probe["sorted"].split("/")
    assert names == sorted(names, key=str.lower)
    assert probe["visible"] == 1


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A proxy that fetches nothing: it notes each request the browser sends and refuses it."""

    seen: ClassVar[list[str]] = []

    def _refuse(self) -> None:  # one handler for every method
        type(self).seen.append(f"{self.command} {self.path}")
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD = do_POST = do_CONNECT = _refuse  # noqa: N815 (http.server's names)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


def _requests_of(browser: str, page: Path) -> list[str]:
    """Every request the page makes to the network, seen through a recording proxy."""
    _Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = _run_chromium(
            browser,
            page,
            f"--proxy-server=http://127.0.0.1:{server.server_address[1]}",
            # loopback through the proxy too, and no requests of the browser's own
            "--proxy-bypass-list=<-loopback>",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-sync",
            "--no-pings",
            "--dump-dom",
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr[-2000:]
    assert 'id="map-svg"' in result.stdout
    return [s for s in _Recorder.seen if not _BROWSER_OWN.search(s)]


#: Chromium's own calls (component updates, clock, sign-in) that its flags do not all
#: silence; they come from the browser, not from the page, and are left out.
_BROWSER_OWN = re.compile(r"^\w+ (https?://)?[\w.-]*\.(google\.com|googleapis\.com|gvt1\.com)[:/]")


@pytest.mark.skipif(_chromium() is None, reason=_NO_BROWSER)
def test_the_page_makes_no_network_request_unless_tiles_are_asked_for(tmp_path: Path) -> None:
    browser = _chromium()
    assert browser is not None
    cg = ClaimGraph.build(_browser_claims())
    plain = tmp_path / "plain.html"
    plain.write_text(report_html(cg), encoding="utf-8")
    assert _requests_of(browser, plain) == []
    # the same watch sees the tiles when they are asked for, and only the tiles
    tiled = tmp_path / "tiled.html"
    tiled.write_text(report_html(cg, tiles="http://tiles.test/{z}/{x}/{y}.png"), "utf-8")
    seen = _requests_of(browser, tiled)
    assert seen
    assert all(re.fullmatch(r"GET http://tiles\.test/\d+/\d+/\d+\.png", s) for s in seen), seen
