"""Constructions of attribution, control, sides, time and places, in English and Spanish.

Every sentence is written for these tests; the villages (Tell Abra, Kafr Lam, Ain Jara,
Deir Sabt, Qasr Mina) are invented. Expected values are what a careful reader takes
from the sentence.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.text import Actor, detect_language, extract_text

SOHR = "Syrian Observatory for Human Rights"
RMD = "Russian Ministry of Defence"
ARMY = "Syrian Army"
TEXT = "<text>"
UNNAMED = "Unnamed reports"

#: Thursday 9 March 2017: the document date of the relative-time tests.
THURSDAY = dt.date(2017, 3, 9)

Row = tuple[str, str, str, str]


def control(text: str, lang: str, **kw: object) -> list[Row]:
    """(source, subject, value, stance) of the control claims of ``text``."""
    return [
        (c.source, c.subject, c.value or "", c.stance.value)
        for c in extract_text(text, lang=lang, **kw)  # type: ignore[arg-type]
        if c.property == "control"
    ]


def control_claims(text: str, lang: str, **kw: object) -> list:  # type: ignore[type-arg]
    return [
        c
        for c in extract_text(text, lang=lang, **kw)  # type: ignore[arg-type]
        if c.property == "control"
    ]


# -- attribution -------------------------------------------------------------------------

ATTRIBUTION = [
    # sentence-initial
    pytest.param(
        "en",
        "According to the Observatory, the army took Tell Abra.",
        [(SOHR, "Tell Abra", "government", "asserts")],
        id="en-initial-observatory",
    ),
    pytest.param(
        "en",
        "According to SOHR, Islamic State fighters seized Kafr Lam on Monday.",
        [(SOHR, "Kafr Lam", "isis", "asserts")],
        id="en-initial-sohr",
    ),
    pytest.param(
        "es",
        "Según el OSDH, el ejército tomó Tell Abra.",
        [(SOHR, "Tell Abra", "government", "asserts")],
        id="es-initial-osdh",
    ),
    pytest.param(
        "es",
        "Según el Observatorio, los rebeldes capturaron Kafr Lam el lunes.",
        [(SOHR, "Kafr Lam", "opposition", "asserts")],
        id="es-initial-observatorio",
    ),
    # embedded
    pytest.param(
        "en",
        "The Observatory said that rebels had seized Kafr Lam.",
        [(SOHR, "Kafr Lam", "opposition", "asserts")],
        id="en-embedded-said-that",
    ),
    pytest.param(
        "en",
        "The war monitor reported that government forces captured Ain Jara overnight.",
        [(SOHR, "Ain Jara", "government", "asserts")],
        id="en-embedded-war-monitor",
    ),
    pytest.param(
        "es",
        "El OSDH dijo que los rebeldes habían capturado Kafr Lam.",
        [(SOHR, "Kafr Lam", "opposition", "asserts")],
        id="es-embedded-dijo-que",
    ),
    pytest.param(
        "es",
        "Rami Abdel Rahman aseguró que el Estado Islámico había tomado Ain Jara.",
        [(SOHR, "Ain Jara", "isis", "asserts")],
        id="es-embedded-rami",
    ),
    # sentence-final
    pytest.param(
        "en",
        "Government forces retook Ain Jara on Tuesday, the army said.",
        [(ARMY, "Ain Jara", "government", "asserts")],
        id="en-final-x-said",
    ),
    pytest.param(
        "en",
        "Rebels captured Tell Abra after two days of clashes, said the Observatory.",
        [(SOHR, "Tell Abra", "opposition", "asserts")],
        id="en-final-said-x",
    ),
    pytest.param(
        "es",
        "Las fuerzas gubernamentales retomaron Ain Jara, anunció el Ejército.",
        [(ARMY, "Ain Jara", "government", "asserts")],
        id="es-final-anuncio-x",
    ),
    pytest.param(
        "es",
        "Los rebeldes capturaron Tell Abra tras dos días de combates, según el OSDH.",
        [(SOHR, "Tell Abra", "opposition", "asserts")],
        id="es-final-segun-x",
    ),
    # inserted
    pytest.param(
        "en",
        "Islamic State fighters, the Observatory said, had seized Kafr Lam.",
        [(SOHR, "Kafr Lam", "isis", "asserts")],
        id="en-inserted-commas",
    ),
    pytest.param(
        "es",
        "Los rebeldes —dijo el OSDH— tomaron Kafr Lam al amanecer.",
        [(SOHR, "Kafr Lam", "opposition", "asserts")],
        id="es-inserted-dashes",
    ),
    pytest.param(
        "es",
        "El ejército, dijo el Observatorio, recuperó Ain Jara.",
        [(SOHR, "Ain Jara", "government", "asserts")],
        id="es-inserted-commas",
    ),
    # a person with their organisation
    pytest.param(
        "en",
        "Rami Abdel Rahman, head of the Observatory, said the army had taken Tell Abra.",
        [(SOHR, "Tell Abra", "government", "asserts")],
        id="en-person-head-of-observatory",
    ),
    pytest.param(
        "en",
        "A spokesman for the SDF said Kurdish fighters had captured Ain Jara.",
        [("SDF", "Ain Jara", "kurdish", "asserts")],
        id="en-person-spokesman-for-sdf",
    ),
    pytest.param(
        "en",
        "Igor Konashenkov, a spokesman for the Russian Defence Ministry, said Syrian troops "
        "had retaken Deir Sabt.",
        [(RMD, "Deir Sabt", "government", "asserts")],
        id="en-person-konashenkov",
    ),
    pytest.param(
        "es",
        "El jefe del OSDH, Rami Abdel Rahman, afirmó que el ejército había tomado Tell Abra.",
        [(SOHR, "Tell Abra", "government", "asserts")],
        id="es-person-jefe-del-osdh",
    ),
    pytest.param(
        "es",
        "Igor Konashenkov, portavoz del Ministerio de Defensa ruso, dijo que las tropas sirias "
        "habían recuperado Deir Sabt.",
        [(RMD, "Deir Sabt", "government", "asserts")],
        id="es-person-konashenkov",
    ),
    pytest.param(
        "es",
        "Un portavoz de las FDS dijo que las fuerzas kurdas habían tomado Ain Jara.",
        [("SDF", "Ain Jara", "kurdish", "asserts")],
        id="es-person-portavoz-fds",
    ),
    # wire agencies as a channel
    pytest.param(
        "en",
        "The Observatory told AFP that rebels had captured Kafr Lam.",
        [(SOHR, "Kafr Lam", "opposition", "asserts")],
        id="en-wire-told-afp",
    ),
    pytest.param(
        "en",
        "A military source told Reuters the army had recaptured Tell Abra.",
        [(ARMY, "Tell Abra", "government", "asserts")],
        id="en-wire-told-reuters",
    ),
    pytest.param(
        "es",
        "Los rebeldes tomaron Kafr Lam, informó a EFE el OSDH.",
        [(SOHR, "Kafr Lam", "opposition", "asserts")],
        id="es-wire-informo-a-efe",
    ),
    pytest.param(
        "es",
        "Una fuente militar dijo a EFE que el ejército había recuperado Tell Abra.",
        [(ARMY, "Tell Abra", "government", "asserts")],
        id="es-wire-dijo-a-efe",
    ),
    # state agencies as sources
    pytest.param(
        "en",
        "SANA said the army had taken Tell Abra.",
        [("SANA", "Tell Abra", "government", "asserts")],
        id="en-agency-sana",
    ),
    pytest.param(
        "en",
        "Amaq said Islamic State fighters had captured Ain Jara.",
        [("Amaq", "Ain Jara", "isis", "asserts")],
        id="en-agency-amaq",
    ),
    pytest.param(
        "en",
        "TASS reported that Syrian troops had recaptured Kafr Lam.",
        [("TASS", "Kafr Lam", "government", "asserts")],
        id="en-agency-tass",
    ),
    pytest.param(
        "es",
        "Según la agencia SANA, las fuerzas gubernamentales recuperaron Kafr Lam.",
        [("SANA", "Kafr Lam", "government", "asserts")],
        id="es-agency-sana",
    ),
    pytest.param(
        "es",
        "La agencia Amaq afirmó que el EI había capturado Ain Jara.",
        [("Amaq", "Ain Jara", "isis", "asserts")],
        id="es-agency-amaq",
    ),
    pytest.param(
        "es",
        "La agencia TASS informó de que las tropas sirias habían recuperado Tell Abra.",
        [("TASS", "Tell Abra", "government", "asserts")],
        id="es-agency-tass",
    ),
    # several sources in one sentence
    pytest.param(
        "en",
        "SANA said government troops had captured Tell Abra, while the Observatory denied "
        "that the army had taken Tell Abra.",
        [
            ("SANA", "Tell Abra", "government", "asserts"),
            (SOHR, "Tell Abra", "government", "denies"),
        ],
        id="en-two-sources-while-denied",
    ),
    pytest.param(
        "en",
        "The Observatory said rebels had seized Ain Jara, while the army denied that rebels "
        "had seized Ain Jara.",
        [
            (SOHR, "Ain Jara", "opposition", "asserts"),
            (ARMY, "Ain Jara", "opposition", "denies"),
        ],
        id="en-two-sources-army-denied",
    ),
    pytest.param(
        "es",
        "La agencia SANA dijo que el ejército había tomado Tell Abra, mientras que el OSDH "
        "negó que el ejército hubiera tomado Tell Abra.",
        [
            ("SANA", "Tell Abra", "government", "asserts"),
            (SOHR, "Tell Abra", "government", "denies"),
        ],
        id="es-two-sources-mientras-que-nego",
    ),
    pytest.param(
        "es",
        "El EI afirmó haber tomado Kafr Lam, mientras que las FDS negaron que los yihadistas "
        "hubieran tomado Kafr Lam.",
        [
            ("Islamic State", "Kafr Lam", "isis", "asserts"),
            ("SDF", "Kafr Lam", "isis", "denies"),
        ],
        id="es-two-sources-fds-negaron",
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), ATTRIBUTION)
def test_attribution(lang: str, sentence: str, expected: list[Row]) -> None:
    assert control(sentence, lang) == expected


# -- control vocabulary ------------------------------------------------------------------

GAINS = [
    pytest.param(
        "en", "Government forces took Tell Abra.", "Tell Abra", "government", id="en-take"
    ),
    pytest.param("en", "Rebels seized Kafr Lam at dawn.", "Kafr Lam", "opposition", id="en-seize"),
    pytest.param("en", "The army captured Ain Jara.", "Ain Jara", "government", id="en-capture"),
    pytest.param("en", "Rebels retook Tell Abra.", "Tell Abra", "opposition", id="en-retake"),
    pytest.param(
        "en",
        "Government troops recaptured Kafr Lam.",
        "Kafr Lam",
        "government",
        id="en-recapture",
    ),
    pytest.param(
        "en", "Islamic State fighters overran Ain Jara.", "Ain Jara", "isis", id="en-overrun"
    ),
    pytest.param(
        "en", "Rebels stormed and took Tell Abra.", "Tell Abra", "opposition", id="en-storm-take"
    ),
    pytest.param("en", "Kafr Lam fell to the Islamic State.", "Kafr Lam", "isis", id="en-fall-to"),
    pytest.param(
        "en",
        "Ain Jara is now in the hands of the rebels.",
        "Ain Jara",
        "opposition",
        id="en-in-the-hands-of",
    ),
    pytest.param(
        "en",
        "Tell Abra is under the control of the army.",
        "Tell Abra",
        "government",
        id="en-under-the-control-of",
    ),
    pytest.param("es", "El ejército retomó Tell Abra.", "Tell Abra", "government", id="es-retomar"),
    pytest.param(
        "es", "Los rebeldes recuperaron Kafr Lam.", "Kafr Lam", "opposition", id="es-recuperar"
    ),
    pytest.param(
        "es",
        "Las tropas gubernamentales reconquistaron Ain Jara.",
        "Ain Jara",
        "government",
        id="es-reconquistar",
    ),
    pytest.param(
        "es",
        "Ain Jara cayó en manos del Estado Islámico.",
        "Ain Jara",
        "isis",
        id="es-caer-en-manos-de",
    ),
    pytest.param(
        "es",
        "Tell Abra está bajo el control del ejército.",
        "Tell Abra",
        "government",
        id="es-bajo-el-control-de",
    ),
    pytest.param(
        "es",
        "Kafr Lam quedó en poder de los rebeldes.",
        "Kafr Lam",
        "opposition",
        id="es-en-poder-de",
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "place", "side"), GAINS)
def test_control_verbs(lang: str, sentence: str, place: str, side: str) -> None:
    assert control(sentence, lang) == [(TEXT, place, side, "asserts")]


@pytest.mark.parametrize(
    ("lang", "sentence", "place", "side"),
    [
        pytest.param(
            "en", "The army took full control of Kafr Lam.", "Kafr Lam", "government", id="en"
        ),
        pytest.param(
            "es",
            "Los rebeldes tomaron el control total de Kafr Lam.",
            "Kafr Lam",
            "opposition",
            id="es",
        ),
    ],
)
def test_full_control_is_not_partial(lang: str, sentence: str, place: str, side: str) -> None:
    claims = control_claims(sentence, lang)
    assert [(c.source, c.subject, c.value, c.stance.value) for c in claims] == [
        (TEXT, place, side, "asserts")
    ]
    assert claims[0].partial is False


@pytest.mark.parametrize(
    ("lang", "sentence", "place", "side"),
    [
        pytest.param(
            "es",
            "El EI arrebató Tell Abra a las fuerzas kurdas.",
            "Tell Abra",
            "isis",
            id="es-arrebatar",
        ),
        pytest.param(
            "es",
            "Los rebeldes arrebataron Ain Jara al ejército tras una semana de asedio.",
            "Ain Jara",
            "opposition",
            id="es-arrebatar-al-ejercito",
        ),
    ],
)
def test_arrebatar_gives_the_place_to_the_taker(
    lang: str, sentence: str, place: str, side: str
) -> None:
    rows = control(sentence, lang)
    assert (TEXT, place, side, "asserts") in rows
    # The side it was taken from does not hold it: no assertion for anyone else.
    assert [r for r in rows if r[3] == "asserts"] == [(TEXT, place, side, "asserts")]


@pytest.mark.parametrize(
    ("lang", "sentence", "place", "side"),
    [
        pytest.param(
            "en", "The rebels withdrew from Tell Abra.", "Tell Abra", "opposition", id="en-withdraw"
        ),
        pytest.param(
            "en",
            "Islamic State fighters pulled out of Kafr Lam overnight.",
            "Kafr Lam",
            "isis",
            id="en-pull-out",
        ),
        pytest.param(
            "es",
            "Los rebeldes se replegaron de Ain Jara.",
            "Ain Jara",
            "opposition",
            id="es-replegarse",
        ),
        pytest.param(
            "es",
            "Las fuerzas gubernamentales se retiraron de Tell Abra.",
            "Tell Abra",
            "government",
            id="es-retirarse",
        ),
    ],
)
def test_withdrawal_denies_the_leaver_and_gives_no_gain(
    lang: str, sentence: str, place: str, side: str
) -> None:
    assert control(sentence, lang) == [(TEXT, place, side, "denies")]


@pytest.mark.parametrize(
    ("lang", "sentence", "place", "gainer", "expelled"),
    [
        pytest.param(
            "en",
            "The army drove Islamic State fighters out of Ain Jara.",
            "Ain Jara",
            "government",
            "isis",
            id="en-drive-out-of",
        ),
        pytest.param(
            "en",
            "Kurdish fighters drove the rebels out of Tell Abra on Monday.",
            "Tell Abra",
            "kurdish",
            "opposition",
            id="en-drive-out-of-kurdish",
        ),
        pytest.param(
            "es",
            "Las FDS expulsaron al EI de Kafr Lam.",
            "Kafr Lam",
            "kurdish",
            "isis",
            id="es-expulsar-de",
        ),
        pytest.param(
            "es",
            "El ejército expulsó a los rebeldes de Tell Abra.",
            "Tell Abra",
            "government",
            "opposition",
            id="es-expulsar-de-rebeldes",
        ),
    ],
)
def test_drive_out_gives_gain_and_denial(
    lang: str, sentence: str, place: str, gainer: str, expelled: str
) -> None:
    assert sorted(control(sentence, lang)) == sorted(
        [(TEXT, place, gainer, "asserts"), (TEXT, place, expelled, "denies")]
    )


@pytest.mark.parametrize(
    ("lang", "sentence", "place", "defender", "attacker"),
    [
        pytest.param(
            "en",
            "The army repelled an Islamic State attack on Tell Abra.",
            "Tell Abra",
            "government",
            "isis",
            id="en-repel",
        ),
        pytest.param(
            "en",
            "Kurdish fighters repulsed a rebel attack on Kafr Lam.",
            "Kafr Lam",
            "kurdish",
            "opposition",
            id="en-repulse",
        ),
        pytest.param(
            "es",
            "El ejército repelió un ataque del EI contra Kafr Lam.",
            "Kafr Lam",
            "government",
            "isis",
            id="es-repeler",
        ),
        pytest.param(
            "es",
            "Los rebeldes rechazaron un ataque del ejército contra Ain Jara.",
            "Ain Jara",
            "opposition",
            "government",
            id="es-rechazar-ataque",
        ),
        pytest.param(
            "es",
            "Las YPG contrarrestaron un ataque del Estado Islámico contra Tell Abra.",
            "Tell Abra",
            "kurdish",
            "isis",
            id="es-contrarrestar-ataque",
        ),
    ],
)
def test_repelled_attack_leaves_the_defender_holding(
    lang: str, sentence: str, place: str, defender: str, attacker: str
) -> None:
    rows = control(sentence, lang)
    assert (TEXT, place, defender, "asserts") in rows
    assert not [r for r in rows if r[2] == attacker and r[3] == "asserts"]


@pytest.mark.parametrize(
    ("lang", "sentence", "place", "side", "share"),
    [
        pytest.param(
            "en",
            "Government forces captured 40 percent of Kafr Lam.",
            "Kafr Lam",
            "government",
            0.4,
            id="en-percent",
        ),
        pytest.param(
            "en",
            "Rebels seized the eastern districts of Ain Jara.",
            "Ain Jara",
            "opposition",
            None,
            id="en-eastern-districts",
        ),
        pytest.param(
            "es",
            "Los rebeldes tomaron el 40 por ciento de Kafr Lam.",
            "Kafr Lam",
            "opposition",
            0.4,
            id="es-por-ciento",
        ),
        pytest.param(
            "es",
            "El ejército tomó los barrios orientales de Ain Jara.",
            "Ain Jara",
            "government",
            None,
            id="es-barrios-orientales",
        ),
    ],
)
def test_parts_and_percentages(
    lang: str, sentence: str, place: str, side: str, share: float | None
) -> None:
    claims = control_claims(sentence, lang)
    assert [(c.source, c.subject, c.value, c.stance.value) for c in claims] == [
        (TEXT, place, side, "asserts")
    ]
    assert claims[0].partial is True
    assert claims[0].share == share


# -- actors and sides --------------------------------------------------------------------

SIDES = [
    pytest.param("en", "ISIS fighters captured Tell Abra.", "Tell Abra", "isis", id="en-isis"),
    pytest.param("en", "ISIL seized Kafr Lam.", "Kafr Lam", "isis", id="en-isil"),
    pytest.param("en", "Daesh took Ain Jara on Friday.", "Ain Jara", "isis", id="en-daesh"),
    pytest.param(
        "en",
        "The Islamic State group overran Deir Sabt.",
        "Deir Sabt",
        "isis",
        id="en-islamic-state-group",
    ),
    pytest.param("en", "The YPG captured Tell Abra.", "Tell Abra", "kurdish", id="en-ypg"),
    pytest.param("en", "The SDF took Kafr Lam.", "Kafr Lam", "kurdish", id="en-sdf"),
    pytest.param(
        "en",
        "The Syrian Democratic Forces seized Qasr Mina.",
        "Qasr Mina",
        "kurdish",
        id="en-syrian-democratic-forces",
    ),
    pytest.param(
        "en", "Peshmerga forces retook Ain Jara.", "Ain Jara", "kurdish", id="en-peshmerga"
    ),
    pytest.param(
        "en",
        "Turkish-backed factions captured Tell Abra.",
        "Tell Abra",
        "opposition",
        id="en-turkish-backed-factions",
    ),
    pytest.param(
        "en",
        "Turkish-backed rebels seized Kafr Lam.",
        "Kafr Lam",
        "opposition",
        id="en-turkish-backed-rebels",
    ),
    pytest.param("es", "El EI tomó Tell Abra.", "Tell Abra", "isis", id="es-ei"),
    pytest.param("es", "El EIIL capturó Kafr Lam.", "Kafr Lam", "isis", id="es-eiil"),
    pytest.param("es", "El ISIS se apoderó de Ain Jara.", "Ain Jara", "isis", id="es-isis"),
    pytest.param("es", "Daesh tomó Deir Sabt.", "Deir Sabt", "isis", id="es-daesh"),
    pytest.param("es", "Las FDS capturaron Kafr Lam.", "Kafr Lam", "kurdish", id="es-fds"),
    pytest.param(
        "es",
        "Las Fuerzas Democráticas Sirias tomaron Qasr Mina.",
        "Qasr Mina",
        "kurdish",
        id="es-fuerzas-democraticas-sirias",
    ),
    pytest.param("es", "Las YPG recuperaron Tell Abra.", "Tell Abra", "kurdish", id="es-ypg"),
    pytest.param(
        "es", "Los peshmergas recuperaron Ain Jara.", "Ain Jara", "kurdish", id="es-peshmergas"
    ),
    pytest.param(
        "es",
        "Las facciones apoyadas por Turquía tomaron Tell Abra.",
        "Tell Abra",
        "opposition",
        id="es-facciones-apoyadas-por-turquia",
    ),
    pytest.param(
        "es",
        "Los rebeldes respaldados por Turquía capturaron Kafr Lam.",
        "Kafr Lam",
        "opposition",
        id="es-rebeldes-respaldados-por-turquia",
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "place", "side"), SIDES)
def test_sides(lang: str, sentence: str, place: str, side: str) -> None:
    assert control(sentence, lang) == [(TEXT, place, side, "asserts")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param(
            "en",
            "The Islamic State attacked Tell Abra on Monday. The jihadists later seized Kafr Lam.",
            id="en",
        ),
        pytest.param(
            "es",
            "El Estado Islámico atacó Tell Abra el lunes. "
            "Después, los yihadistas tomaron Kafr Lam.",
            id="es",
        ),
    ],
)
def test_the_jihadists_after_islamic_state_is_named(lang: str, text: str) -> None:
    assert control(text, lang) == [(TEXT, "Kafr Lam", "isis", "asserts")]


WAR = {"Russian forces": "russia", "Ukrainian troops": "ukraine"}
GUERRA = {"fuerzas rusas": "russia", "tropas ucranianas": "ukraine"}


@pytest.mark.parametrize(
    ("lang", "actors", "sentence", "expected"),
    [
        pytest.param(
            "en",
            WAR,
            "Russian forces captured Soledar.",
            [(TEXT, "Soledar", "russia", "asserts")],
            id="en-russia-gains",
        ),
        pytest.param(
            "en",
            WAR,
            "Ukrainian troops recaptured Kherson.",
            [(TEXT, "Kherson", "ukraine", "asserts")],
            id="en-ukraine-gains",
        ),
        pytest.param(
            "en",
            WAR,
            "Russian forces withdrew from Kherson.",
            [(TEXT, "Kherson", "russia", "denies")],
            id="en-russia-withdraws",
        ),
        pytest.param(
            "es",
            GUERRA,
            "Las fuerzas rusas tomaron Soledar.",
            [(TEXT, "Soledar", "russia", "asserts")],
            id="es-russia-gains",
        ),
        pytest.param(
            "es",
            GUERRA,
            "Las tropas ucranianas recuperaron Jersón.",
            [(TEXT, "Jersón", "ukraine", "asserts")],
            id="es-ukraine-gains",
        ),
        pytest.param(
            "es",
            GUERRA,
            "Las fuerzas rusas se retiraron de Jersón.",
            [(TEXT, "Jersón", "russia", "denies")],
            id="es-russia-withdraws",
        ),
    ],
)
def test_declared_sides_of_another_war(
    lang: str, actors: dict[str, str], sentence: str, expected: list[Row]
) -> None:
    assert control(sentence, lang, actors=actors) == expected


def test_declared_actor_objects_with_aliases() -> None:
    actors = [Actor("Wagner", "russia", ("Wagner Group", "grupo Wagner"))]
    assert control("El grupo Wagner tomó Soledar.", "es", actors=actors) == [
        (TEXT, "Soledar", "russia", "asserts")
    ]
    assert control("The Wagner Group seized Soledar.", "en", actors=actors) == [
        (TEXT, "Soledar", "russia", "asserts")
    ]


# -- relative time -----------------------------------------------------------------------

RELATIVE = [
    pytest.param(
        "en", "Government forces took Tell Abra on Sunday.", "2017-03-05", id="en-on-sunday"
    ),
    pytest.param("en", "Rebels seized Kafr Lam Friday night.", "2017-03-03", id="en-friday-night"),
    pytest.param("en", "The army captured Ain Jara yesterday.", "2017-03-08", id="en-yesterday"),
    pytest.param("en", "The SDF took Tell Abra today.", "2017-03-09", id="en-today"),
    pytest.param(
        "en",
        "Islamic State fighters overran Kafr Lam last week.",
        "2017-02-27..2017-03-05",
        id="en-last-week",
    ),
    pytest.param(
        "en", "Rebels captured Ain Jara on March 20.", "2016-03-20", id="en-month-day-no-year"
    ),
    pytest.param(
        "en", "Rebels captured Ain Jara on March 3.", "2017-03-03", id="en-month-day-this-year"
    ),
    pytest.param(
        "en",
        "The army took Tell Abra in December.",
        "2016-12-01..2016-12-31",
        id="en-month-no-year",
    ),
    pytest.param(
        "es", "Este domingo, el ejército tomó Tell Abra.", "2017-03-05", id="es-este-domingo"
    ),
    pytest.param(
        "es", "El sábado, los rebeldes capturaron Kafr Lam.", "2017-03-04", id="es-el-sabado"
    ),
    pytest.param("es", "Ayer, el EI tomó Ain Jara.", "2017-03-08", id="es-ayer"),
    pytest.param("es", "Las FDS tomaron hoy Tell Abra.", "2017-03-09", id="es-hoy"),
    pytest.param(
        "es",
        "La semana pasada, el ejército recuperó Kafr Lam.",
        "2017-02-27..2017-03-05",
        id="es-semana-pasada",
    ),
    pytest.param(
        "es",
        "El 20 de marzo, los rebeldes tomaron Ain Jara.",
        "2016-03-20",
        id="es-day-month-no-year",
    ),
    pytest.param(
        "es",
        "En diciembre, el ejército tomó Tell Abra.",
        "2016-12-01..2016-12-31",
        id="es-month-no-year",
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), RELATIVE)
def test_relative_time_against_the_document_date(lang: str, sentence: str, expected: str) -> None:
    claims = control_claims(sentence, lang, doc_date=THURSDAY)
    assert len(claims) == 1
    assert claims[0].stance.value == "asserts"
    assert claims[0].time_text() == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected", "when"),
    [
        pytest.param(
            "en",
            "BEIRUT, March 2, 2016 (Reuters) - Syrian government forces captured Tell Abra on "
            "Sunday, a military source said.",
            (ARMY, "Tell Abra", "government", "asserts"),
            "2016-02-28",
            id="en-reuters-sunday",
        ),
        pytest.param(
            "en",
            "BEIRUT, March 2, 2016 (Reuters) - The Observatory said rebels seized Kafr Lam "
            "yesterday.",
            (SOHR, "Kafr Lam", "opposition", "asserts"),
            "2016-03-01",
            id="en-reuters-yesterday",
        ),
        pytest.param(
            "es",
            "Beirut, 2 de marzo de 2016 (EFE).- Las fuerzas gubernamentales tomaron ayer "
            "Kafr Lam, según el OSDH.",
            (SOHR, "Kafr Lam", "government", "asserts"),
            "2016-03-01",
            id="es-efe-ayer",
        ),
        pytest.param(
            "es",
            "Beirut, 2 de marzo de 2016 (EFE).- El Observatorio dijo que el EI tomó Ain Jara "
            "el domingo.",
            (SOHR, "Ain Jara", "isis", "asserts"),
            "2016-02-28",
            id="es-efe-domingo",
        ),
    ],
)
def test_document_date_from_the_dateline(lang: str, text: str, expected: Row, when: str) -> None:
    claims = control_claims(text, lang)
    assert [(c.source, c.subject, c.value, c.stance.value) for c in claims] == [expected]
    assert claims[0].time_text() == when


# -- places never seen before ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence", "place", "side"),
    [
        pytest.param(
            "en",
            "Syrian troops recaptured the ancient city of Palmyra.",
            "Palmyra",
            "government",
            id="en-ancient-city",
        ),
        pytest.param(
            "en",
            "Rebels captured the Syrian town of Kafr Lam.",
            "Kafr Lam",
            "opposition",
            id="en-syrian-town-of",
        ),
        pytest.param(
            "en",
            "The Islamic State seized the northern Syrian village of Ain Jara.",
            "Ain Jara",
            "isis",
            id="en-northern-syrian-village-of",
        ),
        pytest.param(
            "es",
            "Las tropas sirias recuperaron la antigua ciudad de Palmira.",
            "Palmira",
            "government",
            id="es-antigua-ciudad",
        ),
        pytest.param(
            "es",
            "Los rebeldes tomaron la localidad siria de Kafr Lam.",
            "Kafr Lam",
            "opposition",
            id="es-localidad-siria-de",
        ),
        pytest.param(
            "es",
            "El EI capturó el pueblo de Ain Jara, en el norte de Siria.",
            "Ain Jara",
            "isis",
            id="es-pueblo-de",
        ),
    ],
)
def test_places_by_their_heads(lang: str, sentence: str, place: str, side: str) -> None:
    assert control(sentence, lang) == [(TEXT, place, side, "asserts")]


# -- hedges keep the claim ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        pytest.param(
            "en",
            "Islamic State fighters reportedly seized Tell Abra.",
            (UNNAMED, "Tell Abra", "isis", "asserts"),
            id="en-reportedly",
        ),
        pytest.param(
            "en",
            "Rebels claimed to have captured Kafr Lam.",
            ("Rebels", "Kafr Lam", "opposition", "asserts"),
            id="en-claimed-to-have",
        ),
        pytest.param(
            "en",
            "The SDF claimed to have taken Ain Jara.",
            ("SDF", "Ain Jara", "kurdish", "asserts"),
            id="en-sdf-claimed-to-have",
        ),
        pytest.param(
            "es",
            "Según los informes, el EI tomó Tell Abra.",
            (UNNAMED, "Tell Abra", "isis", "asserts"),
            id="es-segun-los-informes",
        ),
        pytest.param(
            "es",
            "Los rebeldes afirmaron haber tomado Ain Jara.",
            ("Rebels", "Ain Jara", "opposition", "asserts"),
            id="es-afirmaron-haber",
        ),
        pytest.param(
            "es",
            "Las FDS afirmaron haber capturado Kafr Lam.",
            ("SDF", "Kafr Lam", "kurdish", "asserts"),
            id="es-fds-afirmaron-haber",
        ),
    ],
)
def test_hedges_keep_the_claim(lang: str, sentence: str, expected: Row) -> None:
    assert control(sentence, lang) == [expected]


@pytest.mark.parametrize(
    ("lang", "sentence", "place", "side"),
    [
        pytest.param(
            "es",
            "El ejército supuestamente tomó Kafr Lam.",
            "Kafr Lam",
            "government",
            id="es-supuestamente",
        ),
        pytest.param(
            "en",
            "The army allegedly took Kafr Lam.",
            "Kafr Lam",
            "government",
            id="en-allegedly",
        ),
    ],
)
def test_allegedly_keeps_the_claim(lang: str, sentence: str, place: str, side: str) -> None:
    rows = control(sentence, lang)
    assert [(subject, value, stance) for _, subject, value, stance in rows] == [
        (place, side, "asserts")
    ]


# -- precision: a place mentioned is not a place held ------------------------------------

NOT_CONTROL = [
    pytest.param("en", "The army shelled Tell Abra.", id="en-shelled"),
    pytest.param("en", "Russian jets bombed Kafr Lam overnight.", id="en-bombed"),
    pytest.param("en", "Rebels advanced toward Ain Jara.", id="en-advanced-toward"),
    pytest.param("en", "Government forces besieged Tell Abra.", id="en-besieged"),
    pytest.param("en", "Heavy fighting raged near Kafr Lam.", id="en-fighting-near"),
    pytest.param(
        "en", "The army launched an offensive to retake Ain Jara.", id="en-offensive-to-retake"
    ),
    pytest.param("es", "La artillería del ejército bombardeó Tell Abra.", id="es-bombardeo"),
    pytest.param("es", "La aviación rusa bombardeó Kafr Lam de madrugada.", id="es-aviacion"),
    pytest.param("es", "Los rebeldes avanzaron hacia Ain Jara.", id="es-avanzaron-hacia"),
    pytest.param("es", "Las fuerzas gubernamentales asediaron Tell Abra.", id="es-asediaron"),
    pytest.param(
        "es", "Se registraron intensos combates cerca de Kafr Lam.", id="es-combates-cerca"
    ),
    pytest.param(
        "es",
        "El ejército lanzó una ofensiva para retomar Ain Jara.",
        id="es-ofensiva-para-retomar",
    ),
]


@pytest.mark.parametrize(("lang", "sentence"), NOT_CONTROL)
def test_mentions_give_no_control_claim(lang: str, sentence: str) -> None:
    assert control(sentence, lang) == []


# -- language detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param(
            "Government forces captured Tell Abra on Sunday, the Observatory said. "
            "The rebels withdrew from the area.",
            "en",
            (SOHR, "Tell Abra", "government", "asserts"),
            id="en",
        ),
        pytest.param(
            "Las fuerzas gubernamentales tomaron Tell Abra el domingo, según el OSDH. "
            "Los rebeldes se retiraron de la zona.",
            "es",
            (SOHR, "Tell Abra", "government", "asserts"),
            id="es",
        ),
    ],
)
def test_auto_language(text: str, lang: str, expected: Row) -> None:
    assert detect_language(text) == lang
    auto = control(text, "auto")
    assert auto == control(text, lang)
    assert auto[0] == expected
