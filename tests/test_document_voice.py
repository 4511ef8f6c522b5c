"""A document's own voice is the document's, not an outlet to score; one source,
one alignment, with a warning naming the files that disagree."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimgraph as cg
from claimgraph.cli import main
from claimgraph.data import example_path
from claimgraph.io import read_claims, write_claims
from claimgraph.model import Claim, SourceKind
from claimgraph.scoring.truth import discover, discover_graph
from claimgraph.testing import make_claim

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SPANISH = EXAMPLES / "frente_sur.es.txt"


# -- the document's own voice ------------------------------------------------------


def test_unattributed_text_is_the_documents_and_attributed_text_is_not() -> None:
    claims = cg.extract_file(SPANISH)
    own = [c for c in claims if c.is_document]
    assert {(c.sentence, c.source) for c in own} == {(1, SPANISH.name), (4, SPANISH.name)}
    assert all(c.source_kind is SourceKind.DOCUMENT for c in own)
    assert {c.source for c in claims if not c.is_document} >= {"SANA", "Al-Manar"}
    assert own[0].source_label == f"{SPANISH.name} (document)"


def test_the_kind_survives_jsonl_and_csv(tmp_path: Path) -> None:
    claims = cg.extract_file(SPANISH)
    for suffix in ("jsonl", "csv"):
        path = tmp_path / f"claims.{suffix}"
        write_claims(claims, path)
        again = read_claims(path)
        assert [c.source_kind for c in again] == [c.source_kind for c in claims]
    assert Claim.from_record(claims[0].to_record()) == claims[0]
    named = make_claim("SANA", "Hilan", "army")
    assert "source_kind" not in named.to_record()
    with pytest.raises(cg.InvalidClaimError, match="source_kind"):
        Claim.from_record({**named.to_record(), "source_kind": "author"})


def test_a_named_source_keeps_the_id_it_had_before_claims_had_a_kind() -> None:
    record = {"source": "SANA", "subject": "Hilan", "property": "control", "value": "army"}
    # the id is a digest of the fields; the default kind must not change it
    assert Claim.from_record(record).id == "c83a4f5fa8282"


def test_agreement_and_trust_leave_the_document_out_unless_asked() -> None:
    graph = cg.ClaimGraph.build(cg.extract_file(SPANISH))
    # its claims still weigh: the document and SANA against the Observatory
    [hamra] = [i for i in discover_graph(graph).items if i.subject == "Tal Hamra"]
    assert hamra.leading == "government"
    assert len(hamra.supporting) == 2
    names = {s.source for s in cg.source_agreement(graph).sources}
    assert SPANISH.name not in names
    assert "SANA" in names
    assert all(
        SPANISH.name not in (p.source_a, p.source_b) for p in cg.source_agreement(graph).pairs
    )
    with_document = cg.source_agreement(graph, documents=True)
    assert SPANISH.name in {s.source for s in with_document.sources}
    assert SPANISH.name not in discover_graph(graph).trust
    assert SPANISH.name in discover_graph(graph, documents=True).trust
    assert SPANISH.name not in discover(graph.claims).trust
    assert SPANISH.name in discover(graph.claims, documents=True).trust


def test_disputes_show_the_document_as_the_document() -> None:
    out = CliRunner().invoke(main, ["disputes", str(SPANISH), "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert f"government: {SPANISH.name} (document), SANA" in out.output
    records = json.loads(
        CliRunner().invoke(main, ["disputes", str(SPANISH), "--format", "json"]).output
    )
    kinds = {e["source"]: e["source_kind"] for r in records for e in r["evidence"]}
    assert kinds[SPANISH.name] == "document"
    assert kinds["SANA"] == "source"


@pytest.mark.parametrize("command", ["sources", "resolve", "report"])
def test_commands_score_the_document_only_with_score_documents(command: str) -> None:
    args = [command, str(SPANISH)] + ([] if command == "report" else ["--format", "json"])
    plain = CliRunner().invoke(main, args)
    assert plain.exit_code == 0, plain.output
    scored = CliRunner().invoke(main, [*args, "--score-documents"])
    assert scored.exit_code == 0, scored.output
    if command == "report":
        # evidence shows the document either way; only --score-documents scores it
        assert f"**{SPANISH.name} (document)**" in plain.output
        assert f"| {SPANISH.name} |" not in plain.output
        assert f"| {SPANISH.name} |" in scored.output
        return
    listed = {s["source"] for s in json.loads(plain.output)["sources"]}
    assert SPANISH.name not in listed
    assert SPANISH.name in {s["source"] for s in json.loads(scored.output)["sources"]}


# -- one source, one alignment ------------------------------------------------------


def test_two_alignments_in_two_inputs_warn_naming_both_files() -> None:
    with pytest.warns(cg.AlignmentWarning) as caught:
        claims = read_claims([example_path(), SPANISH])
    [warning] = [w.message for w in caught]
    assert isinstance(warning, cg.AlignmentWarning)
    assert warning.source == "Syrian Observatory for Human Rights"
    assert [a for a, _ in warning.places] == ["independent", "opposition"]
    text = str(warning)
    assert f"{example_path()} line 4" in text  # claim ex03, below the header and two rows
    assert f"{SPANISH} sentence 2" in text
    assert "'independent', is used" in text
    graph = cg.ClaimGraph.build(claims)
    observatory = "Syrian Observatory for Human Rights"
    assert graph.alignments[observatory] == "independent"
    assert {c.alignment for c in graph.claims if c.source == observatory} == {"independent"}


def test_a_table_row_is_named_by_its_line(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("source,subject,property,value,alignment\nX,Hilan,control,army,government\n")
    b.write_text(
        "source,subject,property,value,alignment\n"
        "Y,Hilan,control,army,government\n"
        "X,Hilan,control,army,opposition\n"
    )
    with pytest.warns(cg.AlignmentWarning, match=rf"{a} line 2\).*{b} line 3\)"):
        read_claims([a, b])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_claims([a])  # one alignment each: no warning


def test_the_registry_wins_over_the_inputs(tmp_path: Path) -> None:
    registry_file = tmp_path / "sources.csv"
    registry_file.write_text("name,aliases,alignment\nReuters,,opposition\n")
    registry = cg.SourceRegistry.from_file(registry_file)
    table = tmp_path / "t.csv"
    table.write_text(
        "source,subject,property,value,alignment\n"
        "Reuters,Hilan,control,army,independent\n"
        "Reuters,Hanano,control,army,government\n"
    )
    with pytest.warns(cg.AlignmentWarning, match="the source registry's 'opposition' is used"):
        claims = read_claims([table], text_options={"sources": registry})
    graph = cg.ClaimGraph.build(claims, sources=registry)
    assert graph.alignments["Reuters"] == "opposition"
    assert {c.alignment for c in graph.claims} == {"opposition"}
    assert discover_graph(graph).items  # runs on the settled alignments


def test_the_cli_prints_the_warning_as_one_line_and_the_registry_silences_it(
    tmp_path: Path,
) -> None:
    args = ["disputes", str(example_path()), str(SPANISH), "--format", "csv"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(lines) == 1
    assert "Syrian Observatory for Human Rights" in lines[0]
    assert "Traceback" not in result.output
    registry = tmp_path / "sources.csv"
    registry.write_text(
        "name,aliases,alignment\nSyrian Observatory for Human Rights,SOHR;OSDH,independent\n"
    )
    settled = CliRunner().invoke(main, [*args, "--sources", str(registry)])
    assert settled.exit_code == 0, settled.output
    assert "warning:" not in settled.output


def test_outputs_say_which_documents_were_not_scored() -> None:
    graph = cg.ClaimGraph.build(cg.extract_file(SPANISH))
    assert discover_graph(graph).documents_not_scored == {SPANISH.name: 2}
    assert discover_graph(graph, documents=True).documents_not_scored == {}
    assert cg.source_agreement(graph).documents_not_scored == {SPANISH.name: 2}
    md = CliRunner().invoke(main, ["resolve", str(SPANISH), "--format", "md"])
    assert f"--score-documents lists them): {SPANISH.name}, 2 claims." in md.output
    document = json.loads(
        CliRunner().invoke(main, ["resolve", str(SPANISH), "--format", "json"]).output
    )
    assert document["documents_not_scored"] == {SPANISH.name: 2}
    listed = json.loads(
        CliRunner().invoke(main, ["sources", str(SPANISH), "--format", "json"]).output
    )
    assert listed["documents_not_scored"] == {SPANISH.name: 2}


def test_a_text_in_its_own_voice_only_is_evidence_with_no_scored_source(
    tmp_path: Path,
) -> None:
    text = tmp_path / "own.en.txt"
    text.write_text("On 3 March 2015 the army captured the village of Tal Hamra.\n")
    assert all(c.is_document for c in cg.extract_file(text))
    result = CliRunner().invoke(main, ["resolve", str(text), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert [(i["subject"], i["leading"]) for i in document["items"]] == [
        ("Tal Hamra", "government")
    ]
    assert document["sources"] == []
    assert document["documents_not_scored"] == {text.name: 1}


def test_no_claims_give_an_empty_result() -> None:
    empty = discover([])
    assert (len(empty.items), empty.sources, empty.trust) == (0, (), {})


def test_lines_are_physical_lines_even_after_a_cell_over_two_lines(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.jsonl"
    a.write_text(
        "id,source,subject,property,value,alignment,text\n"
        'r1,X,Hilan,control,army,government,"one line\nand another"\n'
        "\n"
        "r2,X,Hanano,control,army,opposition,short\n"
    )
    b.write_text(
        '\n{"source": "X", "subject": "Hilan", "property": "control", '
        '"value": "army", "alignment": "independent"}\n'
    )
    with pytest.warns(cg.AlignmentWarning) as caught:
        read_claims([a, b])
    [warning] = [w.message for w in caught]
    assert isinstance(warning, cg.AlignmentWarning)
    assert warning.places == [
        ("government", f"{a} line 2"),
        ("opposition", f"{a} line 5"),
        ("independent", f"{b} line 2"),
    ]
    assert "has 3 alignments" in str(warning)
