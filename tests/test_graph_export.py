"""Graph files: well-formed XML whatever the names, typed attributes, the same
graph as networkx's own writers give, written whole or not at all."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from claimgraph import InputError
from claimgraph.graph import ClaimGraph, export_graph, flat_graph
from claimgraph.graph import _export as export_module
from claimgraph.graph._xml import XmlText
from claimgraph.places import Gazetteer, GazetteerEntry
from claimgraph.testing import make_claim

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"

#: Characters that XML 1.0 cannot carry, one of each kind.
FORBIDDEN = "\x00\x01\x08\x0b\x0c\x0e\x1f\ufffe\uffff\ud800"
#: Markup, quotes and whitespace XML can carry once escaped, and U+2028.
AWKWARD = "<script>alert(\"x\")</script> & 'q' \t tab \n line \r cr \u2028 ls"


def small_graph() -> ClaimGraph:
    """Two places (one with coordinates), counts, a denial, a revision, dates,
    and names with markup, quotes and U+2028, but nothing XML cannot carry."""
    gazetteer = Gazetteer([GazetteerEntry("Zitan", aliases="Zaytan", lat=36.1, lon=37.05)])
    return ClaimGraph.build(
        [
            make_claim("SANA & co", "Zitan", "army", on="2016-06-10", alignment="government"),
            make_claim(
                '"Reuters"', "Zaytan", "rebels", on="2016-06-11", text="Rebels <b>hold</b> it."
            ),
            make_claim('"Reuters"', "Zitan", "army", on="2016-06-12", sentence=3, doc="d\u2028x"),
            make_claim("<script>", "Zitan", "army", on="2016-06-11", stance="denies"),
            make_claim("SANA & co", "Tal Alam", 517, property="killed", on="2016-06-10"),
            make_claim('"Reuters"', "Tal Alam", ">1000", property="killed", on="2016-06-10"),
            make_claim("SOHR", "Tal Alam", "rebels", partial=True, share=0.6),
        ],
        gazetteer=gazetteer,
    )


def hostile_graph() -> ClaimGraph:
    return ClaimGraph.build(
        [
            make_claim(
                f"src{FORBIDDEN}{AWKWARD}",
                f"Place{FORBIDDEN}&<>",
                "army",
                on="2016-06-10",
                text=f"said{FORBIDDEN}{AWKWARD}",
                doc=AWKWARD,
                id="one",
            ),
            make_claim(
                "plain", f"Place{FORBIDDEN}&<>", "rebels", on="2016-06-10", id=f"two{AWKWARD}"
            ),
        ]
    )


def read_back(path: Path) -> nx.DiGraph:
    if path.suffix == ".graphml":
        return nx.read_graphml(path)
    if path.suffix == ".gexf":
        return nx.read_gexf(path)
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


def edge_set(g: nx.DiGraph, drop: tuple[str, ...] = ()) -> dict[tuple[str, str], dict[str, Any]]:
    return {(u, v): {k: x for k, x in d.items() if k not in drop} for u, v, d in g.edges(data=True)}


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_hostile_names_give_well_formed_xml(tmp_path: Path, suffix: str) -> None:
    cg = hostile_graph()
    path = tmp_path / f"g{suffix}"
    done = export_graph(cg, path)
    ET.parse(path)  # expat: raises on anything that is not well-formed XML 1.0
    # one replacement per forbidden character, wherever it is written
    flat = flat_graph(cg)
    written = [*flat.nodes, *(v for _, d in flat.nodes(data=True) for v in d.values())]
    written += [end for edge in flat.edges for end in edge]
    assert done.replaced == sum(ch in FORBIDDEN for x in written for ch in str(x)) > 0
    back = read_back(path)
    assert back.number_of_nodes() == done.nodes == cg.graph.number_of_nodes()
    assert back.number_of_edges() == done.edges == cg.graph.number_of_edges()
    text = "".join("\ufffd" if ch in FORBIDDEN else ch for ch in f"said{FORBIDDEN}{AWKWARD}")
    claim = back.nodes[f"claim:two{AWKWARD}"]
    assert claim["claim_id"] == f"two{AWKWARD}"  # CR, tab, newline kept exactly
    first = back.nodes["claim:one"]
    assert first["text"] == text
    assert first["doc"] == AWKWARD


def test_hostile_names_give_valid_json(tmp_path: Path) -> None:
    cg = hostile_graph()
    path = tmp_path / "g.json"
    done = export_graph(cg, path)
    raw = path.read_text(encoding="utf-8")
    assert "\u2028" not in raw  # escaped: a raw one ends a line in JavaScript
    back = read_back(path)
    # JSON escapes controls and U+FFFE/U+FFFF; lone surrogates, wherever written, become U+FFFD
    flat = flat_graph(cg)
    written = [*flat.nodes, *(v for _, d in flat.nodes(data=True) for v in d.values())]
    written += [end for edge in flat.edges for end in edge]
    assert done.replaced == sum(str(x).count("\ud800") for x in written) > 0
    first = back.nodes["claim:one"]
    assert first["text"] == f"said{FORBIDDEN[:-1]}\ufffd{AWKWARD}"
    assert back.number_of_edges() == cg.graph.number_of_edges()


@pytest.mark.parametrize(
    ("suffix", "write", "read"),
    [
        (".graphml", nx.write_graphml, nx.read_graphml),
        (".gexf", nx.write_gexf, nx.read_gexf),
    ],
)
def test_the_same_graph_as_networkx_writes(
    tmp_path: Path, suffix: str, write: Any, read: Any
) -> None:
    cg = small_graph()
    theirs = tmp_path / f"theirs{suffix}"
    write(flat_graph(cg), theirs)
    ours = tmp_path / f"ours{suffix}"
    export_graph(cg, ours)
    a, b = read(theirs), read(ours)
    assert dict(b.nodes(data=True)) == dict(a.nodes(data=True))
    # GEXF edge ids are numbers in writing order, which differs
    assert edge_set(b, drop=("id",)) == edge_set(a, drop=("id",))
    assert b.graph.get("mode") == a.graph.get("mode")


def test_the_flat_graph_has_the_graphs_nodes_and_edges() -> None:
    cg = small_graph()
    flat, graph = flat_graph(cg), cg.graph
    assert set(flat.nodes) == set(graph.nodes)
    assert edge_set(flat) == edge_set(graph)
    for node, data in flat.nodes(data=True):
        assert data["kind"] == graph.nodes[node]["kind"]
        if data["kind"] == "claim":
            record = graph.nodes[node]["claim"].to_record()
            assert data["claim_id"] == record.pop("id")
            assert {k: data[k] for k in record} == record


def test_attributes_are_declared_once_each_with_their_type(tmp_path: Path) -> None:
    cg = small_graph()
    path = tmp_path / "g.graphml"
    export_graph(cg, path)
    keys = ET.parse(path).getroot().findall(f"{GRAPHML}key")
    declared = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(declared) == len(set(declared))
    types = {k.get("attr.name"): k.get("attr.type") for k in keys if k.get("for") == "node"}
    assert types["low"] == types["lat"] == types["share"] == "double"
    assert types["sentence"] == "long"
    assert types["partial"] == "boolean"
    assert types["text"] == "string"
    back = nx.read_graphml(path)
    count = next(d for _, d in back.nodes(data=True) if d.get("low") == 517)
    assert isinstance(count["low"], float)
    assert back.nodes["place:zitan"]["lat"] == 36.1


def test_gexf_declares_types_and_dates_the_claims(tmp_path: Path) -> None:
    cg = small_graph()
    path = tmp_path / "g.gexf"
    export_graph(cg, path)
    graph = ET.parse(path).getroot().find(f"{GEXF}graph")
    assert graph is not None
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    attributes = {
        a.get("title"): a.get("type")
        for group in graph.findall(f"{GEXF}attributes")
        if group.get("class") == "node"
        for a in group.findall(f"{GEXF}attribute")
    }
    assert attributes["low"] == "double"
    assert attributes["sentence"] == "long"
    assert "start" not in attributes
    assert "label" not in attributes
    dated = [n for n in graph.iter(f"{GEXF}node") if n.get("start") == "2016-06-10"]
    assert dated
    assert all(n.get("end") == "2016-06-10" for n in dated)


def test_places_carry_the_gazetteers_coordinates(tmp_path: Path) -> None:
    cg = small_graph()
    assert cg.graph.nodes["place:zitan"]["lat"] == 36.1
    for suffix in (".graphml", ".gexf", ".json"):
        path = tmp_path / f"g{suffix}"
        export_graph(cg, path)
        back = read_back(path)
        assert (back.nodes["place:zitan"]["lat"], back.nodes["place:zitan"]["lon"]) == (
            36.1,
            37.05,
        )
        unknown = back.nodes["place:tal-alam"]
        assert "lat" not in unknown
        assert "lon" not in unknown


def test_export_does_not_build_the_networkx_graph(tmp_path: Path) -> None:
    cg = small_graph()
    export_graph(cg, tmp_path / "g.graphml")
    assert cg._graph is None


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_a_failed_export_leaves_the_old_file(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cg = small_graph()
    path = tmp_path / f"g{suffix}"
    path.write_text("old", encoding="utf-8")

    def broken(_cg: ClaimGraph) -> Any:
        yield "source:a", "claim:b", {"kind": "asserts"}
        raise RuntimeError("disk gone")

    monkeypatch.setattr(export_module, "_edges", broken)
    with pytest.raises(RuntimeError, match="disk gone"):
        export_graph(cg, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_two_claims_with_one_id_are_refused(tmp_path: Path) -> None:
    cg = ClaimGraph.build(
        [make_claim("A", "X", "army", id="same"), make_claim("B", "X", "rebels", id="same")]
    )
    with pytest.raises(InputError, match="'same' is used by two claims"):
        export_graph(cg, tmp_path / "g.graphml")
    assert not (tmp_path / "g.graphml").exists()


def test_xml_text_escapes_and_counts() -> None:
    text = XmlText()
    assert text.escape("plain") == "plain"
    assert text.escape('<a href="x">&\t\n\r') == "&lt;a href=&quot;x&quot;&gt;&amp;&#9;&#10;&#13;"
    assert text.replaced == 0
    assert text.escape("a\x00b\ud800\uffff") == "a\ufffdb\ufffd\ufffd"
    assert text.replaced == 3


def test_undeclared_attribute_is_a_clear_error() -> None:
    from claimgraph.graph._xml import Column, write_graphml_stream

    with pytest.raises(KeyError, match="'colour' is not declared"):
        write_graphml_stream(
            io.StringIO(), [Column("kind", "string")], [], [("a", {"colour": "red"})], []
        )
