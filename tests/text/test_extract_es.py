"""Spanish extraction on texts written for these tests (invented places and events)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph import InputError, Source, SourceRegistry
from claimgraph.cli import main
from claimgraph.text import extract_file, extract_text, known_sources, split_sentences


def control(text: str, **kw: object) -> list[tuple[str, str, str, str]]:
    return [
        (c.source, c.subject, c.value or "", c.stance.value)
        for c in extract_text(text, **{"lang": "es", **kw})  # type: ignore[arg-type]
        if c.property == "control"
    ]


def test_noise_citations_quotes_crlf_bom() -> None:
    text = "\ufeff[3] El 2 de abril de 2015, los rebeldes tomaron Qasr Nur.[4][5]\r\n''Fin''."
    sentences = split_sentences(text)
    assert sentences[0].text == "El 2 de abril de 2015, los rebeldes tomaron Qasr Nur."
    assert control(text) == [("<text>", "Qasr Nur", "opposition", "asserts")]


def test_two_sentences_on_one_line_are_numbered_apart() -> None:
    claims = extract_text(
        "El 1 de mayo de 2015 el ejército tomó Dar Ula. Luego los rebeldes tomaron Tal Ula."
    )
    assert [c.sentence for c in claims] == [1, 2]
    assert claims[0].id == "<text>:1:1"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Según el OSDH, el ejército capturó Beit Sami.", "Syrian Observatory for Human Rights"),
        ("El ejército capturó Beit Sami, según el OSDH.", "Syrian Observatory for Human Rights"),
        ("Un corresponsal de Al-Manar aseguró que el ejército capturó Beit Sami.", "Al-Manar"),
        ("El periódico Al-Watan informó que el ejército capturó Beit Sami.", "Al-Watan"),
        (
            "Fuentes progubernamentales dijeron que el ejército capturó Beit Sami.",
            "Pro-government sources",
        ),
        ("Un comandante rebelde declaró que el ejército capturó Beit Sami.", "Rebels"),
        (
            "El Ministerio de Defensa ruso anunció que el ejército capturó Beit Sami.",
            "Russian Ministry of Defence",
        ),
        ("Se reportó que el ejército capturó Beit Sami.", "Unnamed reports"),
        ("Según los informes, el ejército capturó Beit Sami.", "Unnamed reports"),
        ("El ejército capturó Beit Sami.", "<text>"),
    ],
)
def test_attribution(sentence: str, source: str) -> None:
    assert control(sentence, year=2015)[0][0] == source


def test_attribution_carries_to_el_medio() -> None:
    text = (
        "El diario Al-Watan afirmó que el ejército tomó Ain Tala. "
        "El medio también afirmó que los soldados tomaron Ras Kifa."
    )
    assert [s for s, *_ in control(text)] == ["Al-Watan", "Al-Watan"]


def test_user_sources_extend_the_registry() -> None:
    extra = SourceRegistry([Source("Radio Norte", ("la radio local",), "opposition")])
    claims = extract_text("La radio local afirmó que los rebeldes tomaron Umm Fara.", sources=extra)
    assert (claims[0].source, claims[0].alignment) == ("Radio Norte", "opposition")
    assert "OSDH" in known_sources()


def test_time_year_carried_relative_and_new_year() -> None:
    text = (
        "El 30 de diciembre de 2015, el ejército capturó Tell Abra. "
        "Al día siguiente, los rebeldes recapturaron Tell Abra. "
        "El 3 de enero, el ejército tomó Tell Abra. "
        "Una semana después, los rebeldes tomaron Kfar Dim. "
        "Ese mismo día, el ejército capturó Zor Hamad."
    )
    times = [c.time_text() for c in extract_text(text)]
    assert times == ["2015-12-30", "2015-12-31", "2016-01-03", "2016-01-10", "2016-01-10"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Entre los días 4 y 9 de marzo", "2016-03-04..2016-03-09"),
        ("A principios de mayo", "2016-05-01..2016-05-10"),
        ("A mediados de mayo", "2016-05-11..2016-05-20"),
        ("A finales de febrero", "2016-02-21..2016-02-29"),
        ("Durante el mes de enero", "2016-01-01..2016-01-31"),
        ("Para el 11 de enero", "by 2016-01-11"),
    ],
)
def test_time_spans(phrase: str, expected: str) -> None:
    claim = extract_text(f"{phrase}, el ejército capturó Jisr Nahr.", year=2016)[0]
    assert claim.time_text() == expected


def test_doc_date_gives_the_year_and_no_year_gives_unknown() -> None:
    text = "El 20 de diciembre, el ejército tomó Bab Hadid."
    assert extract_text(text, doc_date=dt.date(2017, 1, 5))[0].time_text() == "2016-12-20"
    assert extract_text(text)[0].precision.value == "unknown"


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Las fuerzas leales recapturaron Ard Sahl.", "government"),
        ("Ard Sahl fue recapturado por las fuerzas leales.", "government"),
        ("Las tropas gubernamentales se apoderaron de Ard Sahl.", "government"),
        ("Hezbolá aseguró Ard Sahl.", "government"),
        ("Los rebeldes liberaron Ard Sahl.", "opposition"),
        ("Ahrar al-Sham se hizo con Ard Sahl.", "opposition"),
        ("El EIIL capturó Ard Sahl.", "isis"),
        ("Las YPG tomaron Ard Sahl.", "kurdish"),
        ("Ard Sahl quedó en manos de los rebeldes.", "opposition"),
    ],
)
def test_control_verbs_and_sides(sentence: str, side: str) -> None:
    assert control(sentence) == [("<text>", "Ard Sahl", side, "asserts")]


def test_lists_of_places_with_heads_and_appositions() -> None:
    text = (
        "El ejército capturó los barrios de Hayy Sabil, al-Qanat y la colina de Tell Zahr, "
        "al sur de la ciudad, así como el distrito de Bab Amr."
    )
    assert [s for _, s, _, _ in control(text)] == ["Hayy Sabil", "al-Qanat", "Tell Zahr", "Bab Amr"]


def test_passive_without_agent_takes_the_last_side() -> None:
    text = "Las fuerzas leales tomaron Deir Ula. Qasr Ula también fue liberada."
    assert control(text)[1] == ("<text>", "Qasr Ula", "government", "asserts")


@pytest.mark.parametrize(
    "sentence",
    [
        "El ejército intentaba capturar Marj Zahr.",
        "El ejército hizo un intento de avanzar en Marj Zahr.",
        "Las fuerzas leales avanzaron hacia Marj Zahr.",
        "El ejército bombardeó Marj Zahr.",
    ],
)
def test_not_a_change_of_control(sentence: str) -> None:
    claims = extract_text(sentence)
    assert claims
    assert all(c.property in {"advance", "fighting"} for c in claims)


def test_partial_control() -> None:
    most = extract_text("El ejército capturó la mayor parte del barrio de Jabal Ward.")[0]
    share = extract_text("Los rebeldes tomaron el 40% de Jabal Ward.")[0]
    into = extract_text("Los rebeldes avanzaron en Jabal Ward.")[0]
    assert (most.partial, most.share) == (True, None)
    assert (share.partial, share.share) == (True, 0.4)
    assert (into.property, into.partial) == ("control", True)


def test_uncertainty_and_reference() -> None:
    text = (
        "El 4 de junio de 2015, los rebeldes tomaron Wadi Sir. "
        "Según el OSDH, ya no estaba claro quién controlaba el área."
    )
    assert control(text)[1] == (
        "Syrian Observatory for Human Rights",
        "Wadi Sir",
        "contested",
        "uncertain",
    )


def test_contradictory_reports() -> None:
    claims = extract_text("Hubo reportes contradictorios sobre el control de Tell Fawq.")
    assert [(c.source, c.subject, c.value, c.stance.value) for c in claims] == [
        ("Unnamed reports", "Tell Fawq", "contested", "uncertain")
    ]


def test_denial_of_previous_claim() -> None:
    text = (
        "Los rebeldes afirmaron haber capturado Kfar Sous. "
        "Fuentes opositoras negaron tal avance en Kfar Sous."
    )
    assert control(text)[1] == ("Opposition", "Kfar Sous", "opposition", "denies")


def test_concession_that_places_had_fallen() -> None:
    text = "Según un funcionario rebelde, Ain Jara y Tell Hass ya habían caído."
    assert control(text) == [
        ("Rebels", "Ain Jara", "government", "asserts"),
        ("Rebels", "Tell Hass", "government", "asserts"),
    ]


@pytest.mark.parametrize(
    ("sentence", "prop", "low", "high"),
    [
        ("Un bombardeo mató al menos a 12 personas en Kafr Ali.", "killed", 12, None),
        ("Más de 1.500 personas murieron en Kafr Ali.", "killed", 1501, None),
        ("Entre 40 y 45 civiles murieron en Kafr Ali.", "killed:civilians", 40, 45),
        ("Unas 300 personas resultaron heridas en Kafr Ali.", "wounded", 270, 330),
        ("Decenas de combatientes se rindieron en Kafr Ali.", "surrendered:fighters", 20, 99),
        ("Se evacuó a 2.000 personas de Kafr Ali.", "evacuated", 2000, 2000),
        ("Tres soldados murieron en Kafr Ali.", "killed:soldiers", 3, 3),
    ],
)
def test_counts(sentence: str, prop: str, low: float, high: float | None) -> None:
    counts = [c for c in extract_text(sentence) if c.is_numeric]
    assert [(c.property, c.low, c.high) for c in counts] == [(prop, low, high)]


def test_subcounts_are_qualified() -> None:
    claims = extract_text("Un ataque en Tell Bir mató a 30 personas, incluyendo 11 niños.")
    assert [(c.subject, c.property, c.low) for c in claims] == [
        ("Tell Bir", "killed", 30),
        ("Tell Bir", "killed:children", 11),
    ]


def test_blame_revision_and_accusation() -> None:
    text = (
        "Según la agencia SANA, inicialmente se dijo que el ESL estaba detrás de la supuesta "
        "masacre en Kafr Nabl; sin embargo, más tarde se dijo que fue el EIIL el responsable. "
        "El OSDH negó la acusación del gobierno sirio sobre los cadáveres hallados."
    )
    claims = extract_text(text)
    blame = [(c.source, c.subject, c.value) for c in claims if c.property == "responsible"]
    assert blame == [("SANA", "Kafr Nabl", "Free Syrian Army"), ("SANA", "Kafr Nabl", "ISIS")]
    massacre = [(c.source, c.stance.value) for c in claims if c.property == "massacre"]
    assert massacre == [
        ("Syrian government", "asserts"),
        ("Syrian Observatory for Human Rights", "denies"),
    ]


def test_extract_file_errors(tmp_path: Path) -> None:
    binary = tmp_path / "a.txt"
    binary.write_bytes(b"\x00\x01")
    latin = tmp_path / "b.txt"
    latin.write_bytes("línea uno\nel ejército tomó Ñ".encode("latin-1"))
    empty = tmp_path / "c.txt"
    empty.write_text("  \n")
    with pytest.raises(InputError, match="binary"):
        extract_file(binary)
    with pytest.raises(InputError, match=r"b\.txt:1: not UTF-8"):
        extract_file(latin)
    with pytest.raises(InputError, match="empty"):
        extract_file(empty)


def test_cli_extract(tmp_path: Path) -> None:
    doc = tmp_path / "informe.txt"
    doc.write_text("El 2 de marzo, los rebeldes tomaron Tell Wardi.", encoding="utf-8")
    out = tmp_path / "claims.csv"
    result = CliRunner().invoke(main, ["extract", str(doc), "--year", "2015", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,source")
    assert "Tell Wardi" in lines[1]
    assert "2015-03-02" in lines[1]
    bad = CliRunner().invoke(main, ["extract", str(tmp_path / "none.txt")])
    assert bad.exit_code == 1
    assert "no such file" in bad.output.lower() or "No such file" in bad.output
