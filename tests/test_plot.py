"""Figures for papers: ``claimgraph plot timeline|agreement|map`` and the library calls."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph._errors import InputError
from claimgraph.cli import main
from claimgraph.data import example_claims
from claimgraph.graph import ClaimGraph
from claimgraph.places import Gazetteer
from claimgraph.testing import make_claim

pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")

from claimgraph.reports import (
    plot_agreement,
    plot_map,
    plot_timeline,
    save_figure,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
HOSTILE = "<script>alert(1)</script>"

#: Approximate coordinates of the bundled example's villages (south-west of Aleppo).
EXAMPLE_COORDINATES = """name,aliases,parent,lat,lon
Khan Tuman,Khan Touman,,36.12,37.00
al-Ees,Al-Eis,,36.05,36.96
Tal Hadiya,,,36.04,36.93
Kafr Naha,,,36.18,36.97
Zeitan,,,36.08,36.97
"""


def _synthetic(hostile: bool = False) -> list:
    town = HOSTILE if hostile else "Aleppo"
    outlet = HOSTILE if hostile else "Outlet C"
    return [
        make_claim("Outlet A", town, "army", on="2016-05-01", alignment="government"),
        make_claim("Outlet B", town, "rebels", on="2016-05-02", alignment="opposition"),
        make_claim("Outlet A", "Palmyra", "army", on="2016-03-27", alignment="government"),
        make_claim("Outlet B", "Palmyra", "army", on="2016-03-28", alignment="opposition"),
        make_claim(outlet, "Palmyra", "army", on="2016-03-28"),
    ]


def _example_graph(tmp_path: Path) -> ClaimGraph:
    path = tmp_path / "villages.csv"
    path.write_text(EXAMPLE_COORDINATES, encoding="utf-8")
    return ClaimGraph.build(example_claims(), gazetteer=Gazetteer.from_csv(path))


def _figures(cg: ClaimGraph) -> dict[str, object]:
    return {"timeline": plot_timeline(cg), "agreement": plot_agreement(cg), "map": plot_map(cg)}


def _check_written(path: Path) -> ET.Element | None:
    data = path.read_bytes()
    if path.suffix == ".png":
        assert data.startswith(PNG_MAGIC)
        return None
    root = ET.fromstring(data)
    assert root.tag.endswith("svg")
    return root


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_every_kind_is_written_on_the_example(tmp_path: Path, suffix: str) -> None:
    for kind, figure in _figures(_example_graph(tmp_path)).items():
        target = tmp_path / f"{kind}.{suffix}"
        save_figure(figure, target)  # type: ignore[arg-type]
        _check_written(target)


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_every_kind_is_written_on_a_synthetic_set(tmp_path: Path, suffix: str) -> None:
    for kind, figure in _figures(ClaimGraph.build(_synthetic())).items():
        target = tmp_path / f"{kind}.{suffix}"
        save_figure(figure, target)  # type: ignore[arg-type]
        _check_written(target)


def test_timeline_draws_the_most_disputed_first_and_one_place_on_request() -> None:
    cg = ClaimGraph.build(_synthetic())
    labels = [t.get_text() for t in plot_timeline(cg).axes[0].get_yticklabels()]
    assert labels == ["Aleppo", "Palmyra"]
    alone = plot_timeline(cg, "Palmira").axes[0].get_yticklabels()
    assert [t.get_text() for t in alone] == ["Palmyra"]
    # the disputed period is hatched, the held one is not
    hatches = [p.get_hatch() for p in plot_timeline(cg, "Aleppo").axes[0].collections]
    assert hatches == ["///"]


def test_agreement_cells_carry_the_rates() -> None:
    figure = plot_agreement(ClaimGraph.build(_synthetic()))
    cells = sorted(t.get_text() for t in figure.axes[0].texts)
    # A and B agree on Palmyra and disagree on Aleppo; C speaks of Palmyra only
    assert cells == ["0.50\nn=2"] * 2 + ["1.00\nn=1"] * 4


def test_map_colours_disputed_places_apart() -> None:
    figure = plot_map(ClaimGraph.build(_synthetic()))
    labels = {t.get_text() for t in figure.axes[0].get_legend().get_texts()}
    assert labels == {"disputed", "government"}
    assert "not shown" not in figure.axes[0].get_title()


def test_map_says_how_many_places_it_leaves_out() -> None:
    claims = [*_synthetic(), make_claim("Outlet A", "Nowhere Hill", "army", on="2016-05-01")]
    title = plot_map(ClaimGraph.build(claims)).axes[0].get_title()
    assert "1 place without coordinates not shown" in title


def test_an_unknown_place_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Atlantis"):
        plot_timeline(ClaimGraph.build(_synthetic()), "Atlantis")
    result = CliRunner().invoke(
        main, ["plot", "timeline", "--place", "Atlantis", "-o", str(tmp_path / "t.png")]
    )
    assert result.exit_code == 1
    assert "Atlantis" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "t.png").exists()


def test_a_map_with_no_coordinates_says_why() -> None:
    with pytest.raises(InputError, match="coordinates"):
        plot_map(ClaimGraph.build(example_claims()))


def test_names_with_markup_stay_text_in_svg(tmp_path: Path) -> None:
    places = tmp_path / "hostile.csv"
    places.write_text(f"name,aliases,parent,lat,lon\n{HOSTILE},,,36.2,37.16\n", encoding="utf-8")
    cg = ClaimGraph.build(_synthetic(hostile=True), gazetteer=Gazetteer.from_csv(places))
    for kind, figure in _figures(cg).items():
        target = tmp_path / f"{kind}.svg"
        save_figure(figure, target)  # type: ignore[arg-type]
        root = _check_written(target)
        assert root is not None
        assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "script"]
        texts = "".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
        assert HOSTILE in texts, kind


def test_a_dollar_in_a_name_is_not_mathtext(tmp_path: Path) -> None:
    claims = [
        make_claim("$A$", "Aleppo", "army", on="2016-05-01"),
        make_claim("B", "Aleppo", "army", on="2016-05-01"),
    ]
    target = tmp_path / "agreement.svg"
    save_figure(plot_agreement(ClaimGraph.build(claims)), target)
    root = _check_written(target)
    assert root is not None
    assert "$A$" in "".join(root.itertext())


def test_cli_writes_each_kind_in_the_format_its_suffix_names(tmp_path: Path) -> None:
    runner = CliRunner()
    example = Path(__file__).parent.parent / "examples"
    common = [str(example / "claims.csv"), "--gazetteer", str(tmp_path / "villages.csv")]
    (tmp_path / "villages.csv").write_text(EXAMPLE_COORDINATES, encoding="utf-8")
    for kind in ("timeline", "agreement", "map"):
        for suffix in ("png", "svg", "pdf"):
            target = tmp_path / f"{kind}.{suffix}"
            result = runner.invoke(main, ["plot", kind, *common, "-o", str(target)])
            assert result.exit_code == 0, result.output
            if suffix == "pdf":
                assert target.read_bytes().startswith(b"%PDF")
            else:
                _check_written(target)


def test_cli_refuses_other_formats_and_needs_an_output(tmp_path: Path) -> None:
    runner = CliRunner()
    refused = runner.invoke(main, ["plot", "agreement", "-o", str(tmp_path / "a.gif")])
    assert refused.exit_code == 2
    assert ".png, .svg, .pdf" in refused.output
    assert not (tmp_path / "a.gif").exists()
    missing = runner.invoke(main, ["plot", "agreement"])
    assert missing.exit_code == 2
    assert "--output" in missing.output


def test_save_figure_refuses_an_unknown_suffix(tmp_path: Path) -> None:
    figure = plot_agreement(ClaimGraph.build(_synthetic()))
    with pytest.raises(InputError, match="gif"):
        save_figure(figure, tmp_path / "a.gif")
    assert not (tmp_path / "a.gif").exists()


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimgraph._errors import MissingDependencyError

    cg = ClaimGraph.build(_synthetic())
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingDependencyError, match=r"claimgraph\[plot\]"):
        plot_agreement(cg)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _svg_texts(path: Path) -> list[str]:
    root = _check_written(path)
    assert root is not None
    return ["".join(e.itertext()) for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "text"]


def test_the_png_is_as_large_as_the_places_drawn(tmp_path: Path) -> None:
    cg = _example_graph(tmp_path)
    save_figure(plot_timeline(cg, top=2), tmp_path / "two.png")
    save_figure(plot_timeline(cg, top=5), tmp_path / "five.png")
    # 8 inches wide at 200 dpi; half an inch a row over one inch of frame
    assert _png_size(tmp_path / "two.png") == (1600, 400)
    assert _png_size(tmp_path / "five.png") == (1600, 700)


def test_the_svg_shows_the_examples_places_sources_and_method(tmp_path: Path) -> None:
    cg = _example_graph(tmp_path)
    places = {"Khan Tuman", "al-Ees", "Tal Hadiya", "Kafr Naha", "Zeitan"}
    save_figure(plot_timeline(cg), tmp_path / "timeline.svg")
    texts = _svg_texts(tmp_path / "timeline.svg")
    assert places <= set(texts)
    assert {"government", "opposition", "disputed"} <= set(texts)
    (caption,) = [t for t in texts if t.startswith("Sources weighed by truth discovery")]
    assert "accu_copy" in caption  # the default method, as in claimgraph report
    save_figure(plot_map(cg), tmp_path / "map.svg")
    assert places <= set(_svg_texts(tmp_path / "map.svg"))
    save_figure(plot_agreement(cg), tmp_path / "agreement.svg")
    texts = set(_svg_texts(tmp_path / "agreement.svg"))
    sources = {c.source_label for c in cg.claims}
    assert sources <= texts


def test_the_method_chosen_is_the_one_named(tmp_path: Path) -> None:
    from claimgraph.scoring.truth import discover_graph

    cg = _example_graph(tmp_path)
    figure = plot_timeline(cg, truth=discover_graph(cg, method="vote"))
    save_figure(figure, tmp_path / "vote.svg")
    (caption,) = [t for t in _svg_texts(tmp_path / "vote.svg") if "weighed" in t]
    assert "vote" in caption
    assert "accu_copy" not in caption
    result = CliRunner().invoke(
        main, ["plot", "timeline", "--method", "sums", "-o", str(tmp_path / "sums.svg")]
    )
    assert result.exit_code == 0, result.output
    assert any("sums" in t for t in _svg_texts(tmp_path / "sums.svg") if "weighed" in t)


def test_cli_without_matplotlib_names_the_extra_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    target = tmp_path / "t.png"
    result = CliRunner().invoke(main, ["plot", "timeline", "-o", str(target)])
    assert result.exit_code == 1
    assert "claimgraph[plot]" in result.output
    assert "Traceback" not in result.output
    assert not target.exists()


def test_bad_input_names_file_line_and_field(tmp_path: Path) -> None:
    table = tmp_path / "claims.csv"
    table.write_text(
        "source,subject,property,value,date\nA,Aleppo,control,army,2016-05-01\n"
        "B,Aleppo,control,rebels,2016-13-45\n",
        encoding="utf-8",
    )
    target = tmp_path / "t.png"
    result = CliRunner().invoke(main, ["plot", "timeline", str(table), "-o", str(target)])
    assert result.exit_code == 1
    assert "claims.csv:3: field 'date'" in result.output
    assert not target.exists()


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agreement.png"
    target.write_bytes(b"the previous figure")
    figure = plot_agreement(ClaimGraph.build(_synthetic()))

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(figure, "savefig", broken)
    with pytest.raises(OSError, match="disk full"):
        save_figure(figure, target)
    assert target.read_bytes() == b"the previous figure"
    assert [p.name for p in tmp_path.iterdir()] == ["agreement.png"]


def test_a_map_of_many_places_names_only_the_most_disputed(tmp_path: Path) -> None:
    rows = ["name,aliases,parent,lat,lon"]
    claims = []
    for i in range(40):
        rows.append(f"Village {i:02d},,,{35 + i * 0.05:.2f},{36 + i * 0.03:.2f}")
        claims.append(make_claim("A", f"Village {i:02d}", "army", on="2016-05-01"))
        # the first five are disputed
        other = "rebels" if i < 5 else "army"
        claims.append(make_claim("B", f"Village {i:02d}", other, on="2016-05-01"))
    places = tmp_path / "villages.csv"
    places.write_text("\n".join(rows) + "\n", encoding="utf-8")
    axes = plot_map(ClaimGraph.build(claims, gazetteer=Gazetteer.from_csv(places))).axes[0]
    names = {t.get_text() for t in axes.texts}
    assert len(names) == 15
    assert {f"Village {i:02d}" for i in range(5)} <= names
    # every place is drawn: one scatter a state, 40 points in all
    assert sum(len(c.get_offsets()) for c in axes.collections) == 40
    assert {t.get_text() for t in axes.get_legend().get_texts()} == {"disputed", "government"}
