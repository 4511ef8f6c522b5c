"""Named facilities as places of their own, names that end before an actor, and a
town's control divided between sides. Sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.text import extract_text

DOC_DATE = dt.date(2015, 6, 17)  # a Wednesday


def control(text: str, lang: str) -> set[tuple[str, str, str, bool]]:
    return {
        (c.subject, c.value or "", c.stance.value, c.partial)
        for c in extract_text(text, lang=lang)
        if c.property == "control"
    }


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "El Ejército controla la base aérea de Kuweires desde el martes.",
            "es",
            {("base aérea de Kuweires", "government", "asserts", False)},
        ),
        (
            "Las FDS tomaron el puesto fronterizo de Tal Abyad.",
            "es",
            {("puesto fronterizo de Tal Abyad", "kurdish", "asserts", False)},
        ),
        (
            "El EI asaltó y tomó la sede de la Novena División en Ramadi.",
            "es",
            {("sede de la Novena División", "isis", "asserts", False)},
        ),
        (
            # written without its accent, as wire copy often is
            "El Ejercito repelio un ataque del EI contra el aeropuerto militar de Kuweires.",
            "es",
            {("aeropuerto militar de Kuweires", "government", "asserts", False)},
        ),
        (
            "Troops repelled every attack on the military airport of Kuweires.",
            "en",
            {("military airport of Kuweires", "government", "asserts", False)},
        ),
        (
            "Kurdish fighters captured the border crossing of Tal Abyad.",
            "en",
            {("border crossing of Tal Abyad", "kurdish", "asserts", False)},
        ),
    ],
)
def test_named_facility_is_its_own_place(
    text: str, lang: str, expected: set[tuple[str, str, str, bool]]
) -> None:
    assert control(text, lang) == expected


def test_facility_head_without_a_name_is_no_place() -> None:
    # "la base de operaciones" names nothing: the town after it is the place
    assert control("El EI tomó la base de operaciones en Hit.", "es") == set()
    assert control("El EI tomó Hit, su base de operaciones.", "es") == {
        ("Hit", "isis", "asserts", False)
    }


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("El EI afirmó haber arrebatado la ciudad de Hit al Ejército iraquí.", "es", "Hit"),
        (
            "El EI tomó la sede de la Novena División del Ejército.",
            "es",
            "sede de la Novena División",
        ),
        ("Las tropas del EI tomaron Mayadin al Ejército.", "es", "Mayadin"),
    ],
)
def test_name_ends_before_an_actor_after_a_connector(text: str, lang: str, place: str) -> None:
    assert {subject for subject, *_ in control(text, lang)} == {place}


def test_connector_inside_a_name_is_kept() -> None:
    assert {s for s, *_ in control("El Ejército tomó Ras al Ain.", "es")} == {"Ras al Ain"}


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Control of Hasakah was divided between Kurdish militias and the army until June.",
            "en",
            "Hasakah",
        ),
        ("Qamishli is split between the YPG and government troops.", "en", "Qamishli"),
        (
            "El control de Hasaka se dividía entre las milicias kurdas y el Ejército hasta junio.",
            "es",
            "Hasaka",
        ),
        ("Qamishli está dividida entre las YPG y las tropas del régimen.", "es", "Qamishli"),
    ],
)
def test_divided_between_gives_each_side_a_part(text: str, lang: str, place: str) -> None:
    assert control(text, lang) == {
        (place, "kurdish", "asserts", True),
        (place, "government", "asserts", True),
    }


def test_divided_without_sides_stays_contested() -> None:
    assert control("Qamishli remains divided, a resident said.", "en") == {
        ("Qamishli", "contested", "asserts", False)
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Most of Kafr Zita is under army control.", "en"),
        ("Until then, the northern half of Kafr Zita was in regime hands.", "en"),
        ("Parts of Kafr Zita were captured by the army.", "en"),
        ("La mitad norte de Kafr Zita estaba en manos del régimen.", "es"),
        ("Gran parte de Kafr Zita está bajo control del Ejército.", "es"),
        ("La mayor parte de Kafr Zita cayó en manos del Ejército.", "es"),
    ],
)
def test_share_opening_the_subject_makes_the_claim_partial(text: str, lang: str) -> None:
    assert control(text, lang) == {("Kafr Zita", "government", "asserts", True)}


def sources(text: str, lang: str) -> set[tuple[str, str]]:
    return {(c.source, c.subject) for c in extract_text(text, lang=lang) if c.property == "control"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The YPG took Tal Tamr, the group said.", "en"),
        ("The YPG took Tal Tamr, said the militia.", "en"),
        ("Las YPG tomaron Tal Tamr, informó el grupo.", "es"),
        ("Las YPG tomaron Tal Tamr, según informó la milicia.", "es"),
    ],
)
def test_the_group_said_is_the_group_named_before(text: str, lang: str) -> None:
    assert sources(text, lang) == {("YPG", "Tal Tamr")}


def test_aseguro_after_what_was_said_is_speech_not_a_capture() -> None:
    # "asegurar" also means to secure a place; after a comma or quotation it is speech
    assert sources('"Hemos tomado Tal Tamr", aseguró el Ejército.', "es") == {
        ("Syrian Army", "Tal Tamr")
    }
    assert control("Los rebeldes siguen, aseguró el Observatorio Sirio.", "es") == set()
    assert control("Los rebeldes aseguraron Tal Tamr tras dos días.", "es") == {
        ("Tal Tamr", "opposition", "asserts", False)
    }


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Las fuerzas kurdas tomaron, este lunes, el pueblo de Suluk.", "es", "Suluk"),
        ("Kurdish forces took, late on Monday, the town of Suluk.", "en", "Suluk"),
    ],
)
def test_time_set_off_by_commas_between_verb_and_object(text: str, lang: str, place: str) -> None:
    (claim,) = [c for c in extract_text(text, lang=lang, doc_date=DOC_DATE) if c.subject]
    assert (claim.subject, claim.value, claim.time_text()) == (place, "kurdish", "2015-06-15")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("After the withdrawal of Islamic State fighters from Suluk, the town was quiet.", "en"),
        ("The pullout of IS militants from the town of Suluk ended on Friday.", "en"),
        ("Tras la retirada del EI de Suluk, la ciudad quedó en calma.", "es"),
        ("La salida de los yihadistas del Estado Islámico de Suluk terminó el viernes.", "es"),
    ],
)
def test_nominal_withdrawal_denies_the_leaver(text: str, lang: str) -> None:
    assert control(text, lang) == {("Suluk", "isis", "denies", False)}


def test_una_amplia_parte_is_partial() -> None:
    assert control("El EI todavía controla una amplia parte de Suluk.", "es") == {
        ("Suluk", "isis", "asserts", True)
    }


@pytest.mark.parametrize(
    "text",
    [
        "Russian-backed troops shelled the outskirts before Turkish-led forces took Suluk.",
        "Turkish-led forces took the Kurdish-majority town of Suluk.",
    ],
)
def test_hyphenated_adjectives_are_no_places(text: str) -> None:
    assert {s for s, *_ in control(text, "en")} == {"Suluk"}


def test_a_countrys_part_is_no_place_but_a_citys_is() -> None:
    assert control("The Islamic State group had held the town in northern Iraq.", "en") == set()
    assert {s for s, *_ in control("Government forces took eastern Aleppo.", "en")} == {
        "eastern Aleppo"
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rebels drove IS fighters out of an area 40 miles west of Suluk.", "en"),
        ("Los rebeldes expulsaron al EI de una zona a 30 kilómetros al oeste de Suluk.", "es"),
    ],
)
def test_a_distance_from_a_place_is_not_the_place(text: str, lang: str) -> None:
    assert control(text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "side"),
    [
        ("Kurds hanging on in Suluk as IS presses its offensive.", "en", "kurdish"),
        ("The rebels held out in Suluk for two more weeks.", "en", "opposition"),
        ("Los rebeldes resistían en Suluk pese al asedio.", "es", "opposition"),
    ],
)
def test_holding_out_in_a_place_holds_it(text: str, lang: str, side: str) -> None:
    assert control(text, lang) == {("Suluk", side, "asserts", False)}


@pytest.mark.parametrize(
    ("text", "lang", "side"),
    [
        ("Some opposition fighters were still in the town of Suluk.", "en", "opposition"),
        ("IS fighters remained entrenched in Suluk.", "en", "isis"),
        ("Russian troops began patrolling Suluk on Tuesday.", "en", "government"),
        ("Las tropas del régimen ya están en la ciudad de Suluk.", "es", "government"),
        ("Los rebeldes permanecen desplegados en Suluk.", "es", "opposition"),
    ],
)
def test_armed_presence_is_part_control(text: str, lang: str, side: str) -> None:
    assert control(text, lang) == {("Suluk", side, "asserts", True)}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Civilians were still in Suluk.", "en"),
        ("Aid convoys are patrolling near Suluk.", "en"),
        ("Los civiles siguen en Suluk.", "es"),
        ("Aún quedan civiles en Suluk.", "es"),
    ],
)
def test_presence_of_no_armed_actor_says_nothing(text: str, lang: str) -> None:
    assert control(text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pockets of IS resistance remain in Suluk.", "en"),
        ("The remaining IS fighters in Suluk surrendered on Monday.", "en"),
        ("Aún quedan reductos del EI en Suluk.", "es"),
        ("Quedan algunos combatientes del Estado Islámico en el barrio de Suluk.", "es"),
    ],
)
def test_remnants_of_an_actor_hold_part(text: str, lang: str) -> None:
    assert control(text, lang) == {("Suluk", "isis", "asserts", True)}


def test_remnants_of_no_actor_are_no_hold() -> None:
    assert control("Pockets of civilians remain in Suluk.", "en") == set()


def test_capital_of_an_actor_is_its_stronghold() -> None:
    assert control("Al Raqa, capital de facto del EI en Siria, está sitiada.", "es") == {
        ("Al Raqa", "isis", "asserts", False)
    }
    assert control("Damasco, la capital de Siria, sufrió bombardeos.", "es") == set()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Los rebeldes atacaron Suluk. Los rebeldes se hicieron con el control de esta ciudad.",
            "es",
        ),
        ("Los rebeldes atacaron Suluk. Los rebeldes se hicieron con el mando de la ciudad.", "es"),
        ("Rebels attacked Suluk. They later took control of the city.", "en"),
    ],
)
def test_control_of_a_place_named_before(text: str, lang: str) -> None:
    assert ("Suluk", "opposition", "asserts", False) in control(text, lang)


def test_the_actors_own_de_is_not_where_it_was_expelled_from() -> None:
    text = (
        "Los peshmerga lograron expulsar a las milicias del Estado Islámico"
        " de la localidad de Suluk."
    )
    assert control(text, "es") == {
        ("Suluk", "kurdish", "asserts", False),
        ("Suluk", "isis", "denies", False),
    }


def test_ypg_by_its_spanish_name_is_the_ypg() -> None:
    text = "Las Unidades de Protección del Pueblo informaron de que habían recuperado Suluk."
    assert sources(text, "es") == {("YPG", "Suluk")}


@pytest.mark.parametrize(
    ("text", "lang", "partial"),
    [
        ("Kurdish forces controlled almost all of Suluk.", "en", True),
        ("Kurdish forces controlled nearly the entire city of Suluk.", "en", True),
        ("Kurdish forces controlled all of Suluk.", "en", False),
        ("Las fuerzas kurdas controlaban casi la totalidad de la ciudad de Suluk.", "es", True),
        ('Las fuerzas kurdas controlaban "casi la totalidad" de Suluk.', "es", True),
    ],
)
def test_almost_all_is_still_a_part(text: str, lang: str, partial: bool) -> None:
    assert control(text, lang) == {("Suluk", "kurdish", "asserts", partial)}


def test_asegurando_after_a_comma_is_securing_not_speech() -> None:
    text = "A principios de mayo, el Ejército retomó Suluk, asegurando la carretera del norte."
    assert sources(text, "es") == {("<text>", "Suluk")}


def test_only_to_lose_it_is_a_loss_to_the_side_named_with_it() -> None:
    text = "The army seized Suluk from IS militants in March, only to lose it again in May."
    assert control(text, "en") == {
        ("Suluk", "government", "asserts", False),
        ("Suluk", "government", "denies", False),
        ("Suluk", "isis", "asserts", False),
    }
    # with no other side named, a loss in a war of two sides is the opponent's gain
    assert ("Suluk", "opposition", "asserts", False) in control("The army lost Suluk.", "en")


def test_a_sea_in_an_apposition_is_no_place() -> None:
    text = "Suluk, on the Mediterranean coast, is the Islamic State's main stronghold."
    assert control(text, "en") == {("Suluk", "isis", "asserts", False)}


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "The SDF neared Suluk, the capital of the Islamic State's self-declared caliphate.",
            "isis",
        ),
        ("Suluk, the de facto capital of IS in Syria, is under siege.", "isis"),
        ("Suluk, a stronghold of the rebels, was bombed again.", "opposition"),
    ],
)
def test_a_stronghold_named_by_its_owner_after_it(text: str, side: str) -> None:
    assert sources(text, "en") == {("<text>", "Suluk")}
    assert {v for _, v, *_ in control(text, "en")} == {side}


def test_the_capital_of_a_country_is_no_stronghold() -> None:
    assert control("Damascus, the capital of Syria, was shelled.", "en") == set()


@pytest.mark.parametrize(
    ("text", "lang", "side"),
    [
        ("Clashes broke out around Suluk, which the Kurds later captured.", "en", "kurdish"),
        ("Los kurdos atacaron Suluk, que el EI tomó en septiembre.", "es", "isis"),
    ],
)
def test_a_relative_pronoun_as_the_object_is_the_place_before(
    text: str, lang: str, side: str
) -> None:
    assert control(text, lang) == {("Suluk", side, "asserts", False)}


def test_where_is_no_object() -> None:
    assert control("They fought in Suluk, where the army took positions.", "en") == set()
