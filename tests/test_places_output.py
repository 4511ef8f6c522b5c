"""Coordinates reach the outputs of places: ``places`` as CSV, JSON, Markdown, graph files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from claimgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]

CLAIMS = """source,subject,property,value,date
Outlet A,Halab,control,army,2016-05-01
Outlet B,Alepo,control,rebels,2016-05-01
Outlet A,Zitan,control,army,2016-05-02
Outlet A,Nowhere Hill,control,army,2016-05-02
"""

PLACES = "name,aliases,parent,lat,lon\nZeitan,Zitan,Aleppo,36.08,36.97\n"


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "claims.csv").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "places.csv").write_text(PLACES, encoding="utf-8")
    return str(tmp_path / "claims.csv"), str(tmp_path / "places.csv")


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_carries_coordinates_from_both_gazetteers(inputs: tuple[str, str]) -> None:
    claims, places = inputs
    rows = {
        r["place"]: r
        for r in csv.DictReader(
            io.StringIO(_run("places", claims, "--gazetteer", places, "--format", "csv"))
        )
    }
    # Aleppo from the bundled gazetteer, Zeitan from the user's, Nowhere Hill from neither
    assert (rows["Aleppo"]["lat"], rows["Aleppo"]["lon"]) == ("36.2", "37.16")
    assert (rows["Zeitan"]["lat"], rows["Zeitan"]["lon"]) == ("36.08", "36.97")
    assert (rows["Nowhere Hill"]["lat"], rows["Nowhere Hill"]["lon"]) == ("", "")


def test_json_and_markdown_carry_coordinates(inputs: tuple[str, str]) -> None:
    claims, places = inputs
    records = json.loads(_run("places", claims, "--gazetteer", places, "--format", "json"))
    located = {r["name"]: (r["lat"], r["lon"]) for r in records}
    assert located == {
        "Aleppo": (36.2, 37.16),
        "Zeitan": (36.08, 36.97),
        "Nowhere Hill": (None, None),
    }
    header = _run("places", claims).splitlines()[0]
    assert header.endswith("| parent | lat | lon |")


def test_without_the_bundled_gazetteer_aleppo_has_no_coordinates(inputs: tuple[str, str]) -> None:
    claims, _ = inputs
    records = json.loads(_run("places", claims, "--no-builtin-gazetteer", "--format", "json"))
    assert all(r["lat"] is None and r["lon"] is None for r in records)


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_graph_files_carry_coordinates(
    inputs: tuple[str, str], tmp_path: Path, suffix: str
) -> None:
    claims, places = inputs
    target = tmp_path / f"g.{suffix}"
    _run("graph", claims, "--gazetteer", places, "-o", str(target))
    read = nx.read_graphml if suffix == "graphml" else nx.read_gexf
    nodes = {d.get("name", d.get("label")): d for _, d in read(target).nodes(data=True)}
    assert (float(nodes["Aleppo"]["lat"]), float(nodes["Aleppo"]["lon"])) == (36.2, 37.16)
    assert (float(nodes["Zeitan"]["lat"]), float(nodes["Zeitan"]["lon"])) == (36.08, 36.97)
    assert "lat" not in nodes["Nowhere Hill"]
