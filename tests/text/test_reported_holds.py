"""Holds stated by negation, prevention, failed attempts and descriptions; denials of
what was just said; sides named as adjectives of declared actors. Sentences of our own."""

from __future__ import annotations

import pytest

from claimgraph.text import extract_text

UKRAINE = {
    "Russian forces": "russia",
    "Russian troops": "russia",
    "Russia": "russia",
    "Ukrainian forces": "ukraine",
    "Ukrainian military": "ukraine",
    "Kyiv": "ukraine",
    "tropas rusas": "russia",
    "fuerzas ucranianas": "ukraine",
}


def control(
    text: str, lang: str, actors: dict[str, str] | None = None
) -> list[tuple[str, str, str, str]]:
    return [
        (c.source, c.subject, c.value or "", c.stance.value)
        for c in extract_text(text, lang=lang, actors=actors or {})
        if c.property == "control"
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The rebels said they had not been pushed out of Tell Hamra.",
            "en",
            [("Rebels", "Tell Hamra", "opposition", "asserts")],
        ),
        (
            "Los rebeldes dijeron que no se habían retirado de Tell Hamra.",
            "es",
            [("Rebels", "Tell Hamra", "opposition", "asserts")],
        ),
        (
            "The army said the rebels did not take Tell Hamra.",
            "en",
            [("Syrian Army", "Tell Hamra", "opposition", "denies")],
        ),
    ],
)
def test_a_negated_loss_is_a_hold(
    text: str, lang: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert control(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The army kept the jihadists from taking the centre of Tadif.", "en"),
        ("El ejército está impidiendo que los yihadistas tomen el centro de Tadif.", "es"),
    ],
)
def test_who_prevents_a_capture_holds_the_place(text: str, lang: str) -> None:
    claims = control("Islamic State fighters attacked Tadif. " + text, lang)
    assert ("<text>", "Tadif", "government", "asserts") in claims
    assert all(value != "isis" for _, _, value, _ in claims)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Kyiv said Russian forces were trying in vain to dislodge Ukrainian forces "
            "in the localities of Nova Hora and Stara Hora.",
            "en",
        ),
        (
            "Kiev dijo que las tropas rusas intentaban sin éxito desalojar a las fuerzas "
            "ucranianas de Nova Hora y Stara Hora.",
            "es",
        ),
    ],
)
def test_a_failed_attempt_to_dislodge_leaves_the_defender_holding(text: str, lang: str) -> None:
    held = {(s, v) for _, s, v, st in control(text, lang, UKRAINE) if st == "asserts"}
    assert held == {("Nova Hora", "ukraine"), ("Stara Hora", "ukraine")}


def test_holding_back_enemy_forces_in_a_place_is_holding_it() -> None:
    text = "Kyiv said its troops were holding back enemy forces in Nova Hora."
    assert control(text, "en", UKRAINE) == [("Kyiv", "Nova Hora", "ukraine", "asserts")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Moscow says its troops took Nova Hora. Kyiv said the town was back under "
            "Ukrainian control.",
            "en",
            ("Kyiv", "Nova Hora", "ukraine", "asserts"),
        ),
        (
            "Kiev dijo que Nova Hora sigue bajo control ucraniano.",
            "es",
            ("Kiev", "Nova Hora", "ukraine", "asserts"),
        ),
    ],
)
def test_a_declared_actors_adjective_names_its_side(
    text: str, lang: str, expected: tuple[str, str, str, str]
) -> None:
    actors = {**UKRAINE, "Moscow": "russia", "Kiev": "ukraine"}
    assert expected in control(text, lang, actors)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            'Russia said its forces had captured Nova Hora. "This is not true," a '
            "spokesman for the Ukrainian military said.",
            "en",
        ),
        (
            "Russia said its forces had captured Nova Hora. The Ukrainian military "
            "refuted the claim.",
            "en",
        ),
        (
            "Russian forces said they had taken Nova Hora, but the Ukrainian military "
            "denied the town had changed hands.",
            "en",
        ),
    ],
)
def test_a_denial_of_what_was_just_said(text: str, lang: str) -> None:
    claims = control(text, lang, UKRAINE)
    assert ("Ukrainian military", "Nova Hora", "russia", "denies") in claims
    assert all(value != "ukraine" for _, _, value, _ in claims)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Tadif, the small town that once had a sugar plant, was captured by "
            "Islamic State fighters in 2014.",
            "en",
            [("<text>", "Tadif", "isis", "asserts")],
        ),
        (
            "Tell Hamra, la segunda ciudad de la región y el último feudo urbano del EI, "
            "cayó en manos de los radicales en junio de 2014.",
            "es",
            [("<text>", "Tell Hamra", "isis", "asserts")],
        ),
        (
            "Rebels have kept the road shut since 2012, and Tadif is the last major "
            "rebel-held town in their way.",
            "en",
            [("<text>", "Tadif", "opposition", "asserts")],
        ),
    ],
)
def test_a_place_described_before_its_verb(
    text: str, lang: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert control(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Islamic State lost fighters near its stronghold of Tadif.", "en"),
        ("El grupo Estado Islámico difundió un video desde su bastión de Tadif.", "es"),
    ],
)
def test_a_possessed_stronghold_is_its_owners(text: str, lang: str) -> None:
    assert ("<text>", "Tadif", "isis", "asserts") in control(text, lang)


def test_fighting_where_places_were_entered_makes_them_contested() -> None:
    text = (
        "Las tropas iraquíes irrumpieron en el barrio de Tell Amir, donde se libran "
        "intensos combates."
    )
    assert ("<text>", "Tell Amir", "contested", "asserts") in control(text, "es")


def test_an_outlet_named_with_its_kind_is_no_place() -> None:
    claims = control("The army took Tell Hamra, the Shaam news agency said.", "en")
    assert all(subject != "Shaam" for _, subject, _, _ in claims)


def test_a_compass_area_of_a_country_is_no_place() -> None:
    text = "El EI recuperó una ciudad del norte de Siria y el ejército tomó el este de Alepo."
    subjects = {subject for _, subject, _, _ in control(text, "es")}
    assert subjects == {"este de Alepo"}


def test_an_aim_to_keep_a_town_from_falling_is_no_fall() -> None:
    text = (
        "Ankara set up posts around Tadif in an attempt to keep it from falling into "
        "government hands."
    )
    assert control(text, "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Las milicias kurdas se hicieron ayer con el dominio de las tres poblaciones "
            "-Tell Abra, Tadif y Tell Amir-, además de campos.",
            {("Tell Abra", "kurdish"), ("Tadif", "kurdish"), ("Tell Amir", "kurdish")},
        ),
        (
            "Combatientes curdos tomaron el control total de Tadif.",
            {("Tadif", "kurdish")},
        ),
        ("Continúan los combates en la localidad de Tadif.", {("Tadif", "contested")}),
        (
            "Quedan focos de resistencia de los extremistas en las poblaciones de Tadif y "
            "Tell Abra.",
            {("Tadif", "contested"), ("Tell Abra", "contested")},
        ),
        ("El EI llevaba un año atrincherado en Tadif.", {("Tadif", "isis")}),
        (
            "El ejército controla por completo la ciudad de Tadif.",
            {("Tadif", "government")},
        ),
        (
            "Los yihadistas del EI arrebataron hoy a milicianos kurdos el control de las "
            "localidades de Tadif y de Tell Abra.",
            {("Tadif", "isis"), ("Tell Abra", "isis")},
        ),
    ],
)
def test_spanish_wire_forms(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(s, v) for _, s, v, st in control(text, "es") if st == "asserts"} == expected


def test_a_share_after_an_adverb_is_partial() -> None:
    (claim,) = extract_text("Las fuerzas kurdas controlan ya el 80 % de Tadif.", lang="es")
    assert (claim.subject, claim.value, claim.partial, claim.share) == (
        "Tadif",
        "kurdish",
        True,
        0.8,
    )


def test_an_expulsion_with_an_adverb_and_fields_west_of_a_town() -> None:
    assert control("Las UPP lograron desalojar completamente al EI de Tadif.", "es") == [
        ("<text>", "Tadif", "kurdish", "asserts"),
        ("<text>", "Tadif", "isis", "denies"),
    ]
    near = "Las UPP desalojaron a los milicianos del EI de la zona de campos al oeste de Tadif."
    assert control(near, "es") == []


def test_a_generic_word_before_any_actor_is_named_is_the_one_named_later() -> None:
    text = (
        "Combatientes yihadistas arrebataron hoy a milicianos kurdos el control de Tadif. "
        "Según el Observatorio, militantes del Estado Islámico tomaron la localidad."
    )
    assert ("<text>", "Tadif", "isis", "asserts") in control(text, "es")


@pytest.mark.parametrize(
    ("text", "lang", "side"),
    [
        (
            "The army took Tadif and Tell Abra on Monday. Rebels retook both towns on Tuesday.",
            "en",
            "opposition",
        ),
        (
            "El ejército tomó Tadif y Tell Abra. Después los kurdos se hicieron con el "
            "dominio de esos pueblos.",
            "es",
            "kurdish",
        ),
    ],
)
def test_a_plural_reference_is_every_place_just_named(text: str, lang: str, side: str) -> None:
    later = {(s, v) for _, s, v, _ in control(text, lang)} - {
        ("Tadif", "government"),
        ("Tell Abra", "government"),
    }
    assert later == {("Tadif", side), ("Tell Abra", side)}


def test_a_date_after_a_place_is_not_part_of_its_name() -> None:
    text = "El ejército tomó Tadif el 3 de marzo de 2015. Después tomó la Colina 402."
    claims = control(text, "es")
    assert {s for _, s, _, _ in claims} == {"Tadif", "Colina 402"}


@pytest.mark.parametrize(
    ("text", "lang", "denier"),
    [
        (
            "The rebels said on Tuesday they had captured Kafr Safra. The Syrian Defense "
            "Ministry said the reports were false.",
            "en",
            "Syrian Army",
        ),
        (
            "The rebels said they had captured Kafr Safra. An army spokesman said the claim "
            '"is not true."',
            "en",
            "Syrian Army",
        ),
        (
            "Los rebeldes dijeron el martes que habían tomado Kafr Safra. El Ministerio de "
            "Defensa sirio dijo que los informes eran falsos.",
            "es",
            "Syrian Army",
        ),
        (
            "Los rebeldes anunciaron que tomaron Kafr Safra. El ejército dijo que esas "
            "afirmaciones no son ciertas.",
            "es",
            "Syrian Army",
        ),
    ],
)
def test_a_report_called_false_by_its_noun_is_denied(text: str, lang: str, denier: str) -> None:
    claims = control(text, lang)
    assert ("Rebels", "Kafr Safra", "opposition", "asserts") in claims
    assert (denier, "Kafr Safra", "opposition", "denies") in claims


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The reports about the fighting near Kafr Safra were false, the rebels said.", "en"),
        (
            "Los informes sobre los combates cerca de Kafr Safra eran falsos, dijeron "
            "los rebeldes.",
            "es",
        ),
    ],
)
def test_a_false_report_with_no_claim_before_denies_nothing(text: str, lang: str) -> None:
    assert control(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The rebel commander said his forces had taken full control of Kafr Safra.", "en"),
        ("The rebel spokesman said his men had captured Kafr Safra on Monday.", "en"),
        ("Un comandante rebelde dijo que sus combatientes habían tomado Kafr Safra.", "es"),
    ],
)
def test_a_speakers_own_forces_take_the_speakers_side(text: str, lang: str) -> None:
    assert ("Rebels", "Kafr Safra", "opposition", "asserts") in control(text, lang)
