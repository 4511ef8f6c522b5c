"""The bundled gazetteer of exonyms: its data, its use by default, extension and opt-out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph import ClaimGraph
from claimgraph.cli import main
from claimgraph.data import gazetteer_path
from claimgraph.places import (
    RULES,
    Gazetteer,
    GazetteerEntry,
    Merge,
    builtin_gazetteer,
    normalize_place,
    resolve_places,
)
from claimgraph.testing import make_claim

# Spellings that must lead to one bundled place, the display name first.
SAME_PLACE = [
    ("Aleppo", "Alepo", "Halab", "Alep", "حلب"),
    ("Palmyra", "Palmira", "Tadmur", "Tadmor", "Palmyre"),
    ("Kobani", "Kobane", "Kobanî", "Ain al-Arab", "Ayn al-Arab", "Ain el-Arab"),
    (
        "Deir ez-Zor",
        "Deir al-Zor",
        "Deir el-Zor",
        "Deir Ezzor",
        "Dayr az-Zawr",
        "Deir Ez Zor",
    ),
    ("Raqqa", "Raqa", "Al-Raqqa", "Ar-Raqqah", "Rakka"),
    ("Damascus", "Damasco", "Damas", "Damaskus"),
    ("Homs", "Hims"),
    ("Hama", "Hamah"),
    ("Idlib", "Idleb"),
    ("Daraa", "Deraa", "Dara'a"),
    ("Latakia", "Latakía", "Lattakia", "Lattaquié"),
    ("Tartus", "Tartous"),
    ("Qusayr", "Al-Qusayr", "Qusair"),
    ("Manbij", "Minbej", "Manbiŷ", "Manbidsch"),
    ("Jarablus", "Yarábulus", "Jarabulus", "Djerablous"),
    ("al-Bab", "Al Bab"),
    ("Tabqa", "Al-Tabqa", "Al Thawrah"),
    ("Hasakah", "Al-Hasakah", "Hasaka"),
    ("Qamishli", "Qamishlo", "Kamichli"),
    ("Afrin", "Afrín", "Efrîn"),
    ("Azaz", "A'zaz"),
    ("Douma", "Duma"),
    ("Ghouta", "Ghuta"),
    ("Eastern Ghouta", "Ghouta Oriental", "Ghouta orientale", "Ost-Ghuta"),
    ("Zabadani", "Al-Zabadani"),
    ("Yabroud", "Yabrud"),
    ("Maaloula", "Ma'loula", "Maalula"),
    ("Khan Shaykhun", "Khan Sheikhoun", "Jan Sheijun"),
    ("Maarat al-Numan", "Maarat al-Nu'man", "Ma'arrat al-Nu'man"),
    ("Saraqib", "Saraqeb"),
    ("Abu Kamal", "Albu Kamal", "Al-Bukamal"),
    ("Mayadin", "Al-Mayadeen"),
    ("Qaryatayn", "Al-Qaryatayn"),
    ("Kuweires Airbase", "Kuweires Military Airport", "aeropuerto militar de Kuweires"),
    ("Mosul", "Al-Mawsil", "Mossoul"),
    ("Ramadi", "Ar-Ramadi"),
    ("Fallujah", "Faluya", "Falluja", "Fallouja"),
    ("Tikrit", "Takrit"),
    ("Kirkuk", "Kirkouk"),
    ("Sinjar", "Shingal"),
    ("Baiji", "Bayji"),
    ("Tal Afar", "Tel Afar", "Tall Afar"),
    ("Baghdad", "Bagdad"),
    ("Erbil", "Arbil", "Irbil"),
    ("Bakhmut", "Bajmut", "Artemivsk", "Бахмут"),
    ("Soledar", "Соледар"),
    ("Avdiivka", "Avdéyevka", "Авдіївка"),
    ("Mariupol", "Mariúpol"),
    ("Kherson", "Jersón"),
    ("Kharkiv", "Járkov", "Kharkov", "Charkiw"),
    ("Kyiv", "Kiev", "Kiew", "Київ"),
    ("Donetsk", "Donezk"),
    ("Luhansk", "Lugansk"),
    ("Sievierodonetsk", "Severodonetsk"),
    ("Lysychansk", "Lisichansk"),
    ("Izium", "Izyum"),
    ("Vuhledar", "Ugledar"),
    ("Marinka", "Maryinka"),
    ("Khartoum", "Jartum"),
    ("Omdurman", "Umm Durman"),
    ("El Fasher", "Al-Fashir", "El Fashir"),
    ("Wad Madani", "Wad Medani"),
    ("Nyala", "نيالا"),
    ("El Geneina", "Geneina", "Al-Junaynah"),
    ("Sanaa", "Saná", "Sana'a"),
    ("Aden", "Adén"),
    ("Hodeidah", "Hudaydah", "Al Hudaydah"),
    ("Marib", "Ma'rib"),
    ("Sirte", "Sirt"),
    ("Tripoli", "Trípoli"),
    ("Benghazi", "Bengasi"),
    ("Misrata", "Misurata"),
]

ALEPPO_DISTRICTS = [
    "Karm al-Qasr",
    "Karam al Qasr",
    "Karm al-Jabal",
    "Aziza",
    "Aziziyeh",
    "Sheikh Najjar",
    "Sheikh Yusuf",
    "Sheikh Maqsoud",
    "Halab al-Jadida",
    "Ciudad Vieja de Alepo",
    "noreste de Alepo",
]


def _one_place(index: object, a: str, b: str) -> bool:
    return index.key_of(a) == index.key_of(b)  # type: ignore[attr-defined]


# -- the data ----------------------------------------------------------------------------


def test_the_bundled_file_loads_once() -> None:
    gaz = builtin_gazetteer()
    assert gazetteer_path().is_file()
    assert builtin_gazetteer() is gaz
    assert len(gaz) >= 70
    assert gaz.entries == Gazetteer.from_csv(gazetteer_path()).entries


@pytest.mark.parametrize("spellings", SAME_PLACE, ids=[group[0] for group in SAME_PLACE])
def test_exonyms_lead_to_one_entry(spellings: tuple[str, ...]) -> None:
    gaz = builtin_gazetteer()
    for spelling in spellings:
        entry = gaz.find(spelling)
        assert entry is not None, spelling
        assert entry.name == spellings[0], spelling


def test_every_entry_has_a_country_and_coordinates_in_its_region() -> None:
    # Rough boxes around the countries of the bundled wars (lat, lon).
    boxes = {
        "Syria": ((32.0, 37.5), (35.5, 42.5)),
        "Iraq": ((29.0, 37.5), (38.5, 48.8)),
        "Ukraine": ((44.0, 52.5), (22.0, 40.5)),
        "Sudan": ((8.5, 22.5), (21.5, 39.0)),
        "Yemen": ((12.0, 19.0), (42.0, 54.0)),
        "Libya": ((19.0, 33.5), (9.0, 25.5)),
    }
    for entry in builtin_gazetteer():
        assert entry.parent in boxes, entry.name
        assert entry.lat is not None, entry.name
        assert entry.lon is not None, entry.name
        (south, north), (west, east) = boxes[entry.parent]
        assert south <= entry.lat <= north, entry.name
        assert west <= entry.lon <= east, entry.name


def test_bundled_spellings_do_not_name_aleppo_districts() -> None:
    gaz = builtin_gazetteer()
    for district in ALEPPO_DISTRICTS:
        assert gaz.find(district) is None, district
    # Nor do districts reach a bundled place by vowels alone (skeletons differ).
    keys = {normalize_place(s) for entry in gaz for s in entry.names}
    assert not keys & {normalize_place(d) for d in ALEPPO_DISTRICTS}


# -- resolution uses it by default -------------------------------------------------------


def test_palmyra_in_three_languages_is_one_place_of_one_claim_set() -> None:
    claims = [
        make_claim("SANA", "Palmyra", "army", on="2016-03-27"),
        make_claim("EFE", "Palmira", "army", on="2016-03-27"),
        make_claim("SOHR", "Tadmur", "army", on="2016-03-28"),
    ]
    cg = ClaimGraph.build(claims)
    assert cg.places is not None
    (place,) = cg.places.places
    assert place.name == "Palmyra"
    assert set(place.variants) == {"Palmyra", "Palmira", "Tadmur"}
    assert (place.parent, place.lat, place.lon) == ("Syria", 34.56, 38.28)
    assert len({cg.place_key(c) for c in claims}) == 1
    assert {r.kind.value for r in cg.relations} == {"corroborates"}


def test_kobani_and_ain_al_arab() -> None:
    index = resolve_places(["Kobane", "Kobani", "Ain al-Arab", "Kobanî", "Ayn al-Arab"])
    (place,) = index.places
    assert place.name == "Kobani"
    assert place.id == "kobani"
    assert index.explain("Ain al-Arab", "Kobane") == (
        Merge("Ain al-Arab", "Kobani", "builtin-gazetteer", 100.0),
        Merge("Kobani", "Kobane", "builtin-gazetteer", 100.0),
    )


def test_merges_say_the_bundled_gazetteer_made_them() -> None:
    assert "builtin-gazetteer" in RULES
    index = resolve_places(["Halab", "Alepo", "Alepo"])
    (place,) = index.places
    assert place.name == "Aleppo"
    assert {m.rule for m in place.merges} == {"builtin-gazetteer"}
    record = index.to_records()[0]
    assert {m["rule"] for m in record["merges"]} == {"builtin-gazetteer"}


def test_learned_spellings_join_a_bundled_place() -> None:
    # Neither spelling is in the file; the romanization rule finds the entry.
    names = ["Deir al-Zoor", "Dair al-Zur"]
    assert all(builtin_gazetteer().find(name) is None for name in names)
    index = resolve_places(names)
    (place,) = index.places
    assert place.name == "Deir ez-Zor"
    assert place.lat == 35.3333
    assert "romanization" in {m.rule for m in index.explain("Dair al-Zur", "Deir al-Zoor")}


def test_districts_of_aleppo_are_not_merged_into_aleppo() -> None:
    index = resolve_places(["Aleppo", "Alepo", "Halab", *ALEPPO_DISTRICTS])
    assert set(index.place_of("Aleppo").variants) == {"Aleppo", "Alepo", "Halab"}
    for district in ALEPPO_DISTRICTS:
        assert not _one_place(index, "Aleppo", district), district
        assert index.place_of(district).parent is None
    for a, b in [
        ("Aziza", "Aziziyeh"),
        ("Sheikh Najjar", "Sheikh Yusuf"),
        ("Karm al-Qasr", "Karm al-Jabal"),
    ]:
        assert not _one_place(index, a, b), (a, b)
    assert _one_place(index, "Karm al-Qasr", "Karam al Qasr")


def test_a_bundled_name_is_not_the_short_form_of_a_longer_one() -> None:
    names = ["Raqqa", "Raqqa al-Samra"]
    assert len(resolve_places(names)) == 2
    # Without the bundle the short-form rule joins them, as before.
    assert len(resolve_places(names, builtin_gazetteer=False)) == 1


# -- a gazetteer of one's own extends it ---------------------------------------------------


def test_a_user_entry_extends_a_bundled_one_with_an_alias(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("name,aliases,parent,lat,lon\nAleppo,Halep,,,\n", encoding="utf-8")
    index = resolve_places(["Halep", "Halab", "Aleppo"], gazetteer=Gazetteer.from_csv(path))
    (place,) = index.places
    assert place.name == "Aleppo"
    # What the user left empty comes from the bundled entry.
    assert (place.parent, place.lat, place.lon) == ("Syria", 36.2, 37.16)
    assert index.explain("Halep", "Aleppo") == (Merge("Halep", "Aleppo", "gazetteer", 100.0),)
    assert index.explain("Halab", "Aleppo") == (
        Merge("Halab", "Aleppo", "builtin-gazetteer", 100.0),
    )


def test_the_user_entry_wins_on_name_and_coordinates() -> None:
    mine = Gazetteer(
        [GazetteerEntry("Alepo", aliases="Haleb", parent="Siria", lat=36.21, lon=37.15)]
    )
    index = resolve_places(["Aleppo", "Halab", "Alepo"], gazetteer=mine)
    (place,) = index.places
    assert (place.id, place.name, place.parent, place.lat, place.lon) == (
        "alepo",
        "Alepo",
        "Siria",
        36.21,
        37.15,
    )
    # Without the bundle the user entry knows only its own spellings.
    alone = resolve_places(["Aleppo", "Halab", "Alepo"], gazetteer=mine, builtin_gazetteer=False)
    assert len(alone) == 3


def test_user_entries_keep_the_spellings_they_claim() -> None:
    base = Gazetteer([GazetteerEntry("Ghouta", aliases="Ghuta;Guta;al-Ghouta", lat=33.5, lon=36.4)])
    mine = Gazetteer([GazetteerEntry("Ghouta"), GazetteerEntry("Guta", aliases="Gouta")])
    merged = base.extended_by(mine)
    assert [(e.name, e.aliases, e.lat) for e in merged] == [
        ("Ghouta", ("Ghuta",), 33.5),
        ("Guta", ("Gouta",), None),
    ]


def test_extended_by_keeps_untouched_entries_and_refuses_other_types() -> None:
    base = Gazetteer([GazetteerEntry("Homs", aliases="Hims"), GazetteerEntry("Hama")])
    merged = base.extended_by(Gazetteer([GazetteerEntry("Hims", aliases="Emesa")]))
    assert [(e.name, e.aliases) for e in merged] == [
        ("Hims", ("Emesa", "Homs")),
        ("Hama", ()),
    ]
    assert len(base) == 2  # unchanged
    with pytest.raises(ValueError, match="gazetteer"):
        base.extended_by(["Homs"])  # type: ignore[arg-type]


# -- turning it off ------------------------------------------------------------------------


def test_turning_it_off_keeps_translations_apart() -> None:
    names = ["Tadmur", "Palmyra", "Kobani", "Ain al-Arab", "Halab", "Aleppo"]
    off = resolve_places(names, builtin_gazetteer=False)
    assert len(off) == len(names)
    assert all(place.lat is None for place in off.places)
    claims = [make_claim("A", "Halab", "army", on="2016-12-22")]
    claims.append(make_claim("B", "Aleppo", "army", on="2016-12-22"))
    assert ClaimGraph.build(claims).places is not None
    graph_off = ClaimGraph.build(claims, builtin_gazetteer=False)
    assert len({graph_off.place_key(c) for c in claims}) == 2


def test_the_switch_is_a_boolean() -> None:
    with pytest.raises(ValueError, match="builtin_gazetteer"):
        resolve_places(["Homs"], builtin_gazetteer=builtin_gazetteer())  # type: ignore[arg-type]


def _palmyra_table(tmp_path: Path) -> Path:
    table = tmp_path / "palmyra.csv"
    table.write_text(
        "source,subject,property,value,date\n"
        "SANA,Palmyra,control,army,2016-03-27\n"
        "EFE,Palmira,control,army,2016-03-27\n"
        "SOHR,Tadmur,control,ISIL,2016-03-27\n",
        encoding="utf-8",
    )
    return table


def test_cli_uses_it_and_says_so(tmp_path: Path) -> None:
    runner = CliRunner()
    table = str(_palmyra_table(tmp_path))
    result = runner.invoke(main, ["places", table, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.output)
    assert record["name"] == "Palmyra"
    assert {m["rule"] for m in record["merges"]} == {"builtin-gazetteer"}
    md = runner.invoke(main, ["places", table], catch_exceptions=False).output
    assert "builtin-gazetteer" in md
    disputes = runner.invoke(main, ["disputes", table, "--format", "json"]).output
    assert [d["name"] for d in json.loads(disputes)] == ["Palmyra"]


def test_cli_no_builtin_gazetteer_on_every_analysis_command(tmp_path: Path) -> None:
    runner = CliRunner()
    table = str(_palmyra_table(tmp_path))
    off = runner.invoke(
        main,
        ["places", table, "--format", "json", "--no-builtin-gazetteer"],
        catch_exceptions=False,
    )
    assert off.exit_code == 0, off.output
    assert sorted(r["name"] for r in json.loads(off.output)) == ["Palmira", "Tadmur"]
    # Apart, Tadmur's ISIL claim no longer contradicts the others.
    disputes = runner.invoke(
        main, ["disputes", table, "--format", "json", "--no-builtin-gazetteer"]
    )
    assert json.loads(disputes.stdout) == []
    for command in ("sources", "report", "resolve"):
        result = runner.invoke(main, [command, table, "--no-builtin-gazetteer"])
        assert result.exit_code == 0, (command, result.output)
    graph = tmp_path / "g.json"
    result = runner.invoke(main, ["graph", table, "-o", str(graph), "--no-builtin-gazetteer"])
    assert result.exit_code == 0, result.output


def test_cli_gazetteer_extends_the_bundled_one(tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    # "Bride of the desert": a byname no rule could tie to Palmyra.
    mine.write_text("name,aliases,parent,lat,lon\nPalmyra,Arus al-Badiya,,,\n", encoding="utf-8")
    table = _palmyra_table(tmp_path)
    with table.open("a", encoding="utf-8") as handle:
        handle.write("AFP,Arus al-Badiya,control,army,2016-03-27\n")
    result = CliRunner().invoke(
        main,
        ["places", str(table), "--format", "json", "--gazetteer", str(mine)],
        catch_exceptions=False,
    )
    (record,) = json.loads(result.output)
    assert set(record["variants"]) == {"Palmyra", "Palmira", "Tadmur", "Arus al-Badiya"}
    assert record["lat"] == 34.56
    rules = {(m["a"], m["b"]): m["rule"] for m in record["merges"]}
    assert rules[("Palmyra", "Arus al-Badiya")] == "gazetteer"
    assert rules[("Palmyra", "Tadmur")] == "builtin-gazetteer"
