"""Forms of wire English that once went wrong, each with the claims a reader takes."""

from __future__ import annotations

import pytest

from claimgraph.text import extract_text


def control(text: str) -> list[tuple[str, str, str, str]]:
    return [
        (c.source, c.subject, c.value or "", c.stance.value)
        for c in extract_text(text, lang="en")
        if c.property == "control"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The army took the village of Tal Mashta, north of Aleppo, on Tuesday.",
            [("<text>", "Tal Mashta", "government", "asserts")],
        ),
        (
            "Kurdish fighters repelled an attack by Islamic State fighters on Tell Abra.",
            [("<text>", "Tell Abra", "kurdish", "asserts")],
        ),
        (
            "SANA said the army took Kafr Lam. But the Observatory said rebels still held it.",
            [
                ("SANA", "Kafr Lam", "government", "asserts"),
                ("Syrian Observatory for Human Rights", "Kafr Lam", "opposition", "asserts"),
            ],
        ),
        (
            'The Observatory said: "Government troops left Tell Abra. Rebels captured it."',
            [
                ("Syrian Observatory for Human Rights", "Tell Abra", "government", "denies"),
                ("Syrian Observatory for Human Rights", "Tell Abra", "opposition", "asserts"),
            ],
        ),
        (
            '"Government troops left Tell Abra. Our fighters captured Kafr Lam," '
            "a rebel commander said.",
            [
                ("Rebels", "Tell Abra", "government", "denies"),
                ("Rebels", "Kafr Lam", "opposition", "asserts"),
            ],
        ),
        (
            "It was not clear who controlled Ain Jara.",
            [("<text>", "Ain Jara", "contested", "uncertain")],
        ),
        ("The army said it may soon retake Deir Sabt.", []),
        (
            "Rebels are reported to have taken Qasr Mina.",
            [("Unnamed reports", "Qasr Mina", "opposition", "asserts")],
        ),
        (
            "Rebels took Qasr Mina, Karim Haddad, a spokesman for the SDF, said.",
            [("SDF", "Qasr Mina", "opposition", "asserts")],
        ),
    ],
)
def test_wire_forms(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert control(text) == expected


def test_a_quotation_continued_after_its_speaker_keeps_the_speaker() -> None:
    text = '"We took Tell Abra," the SDF said. "We also hold Kafr Lam."'
    assert [c.source for c in extract_text(text, lang="en") if c.property == "control"] == [
        "SDF",
        "SDF",
    ]


def test_a_monitor_saying_they_took_a_place_does_not_give_its_own_side() -> None:
    text = "Rebels attacked Tell Abra. The Observatory said they had seized it."
    claims = [c for c in extract_text(text, lang="en") if c.property == "control"]
    assert [(c.subject, c.value) for c in claims] == [("Tell Abra", "opposition")]


def test_spanish_loss_keeps_the_whole_name() -> None:
    claims = extract_text("El ejército perdió Deir Qanun.", lang="es")
    assert {c.subject for c in claims} == {"Deir Qanun"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Islamic State fighters were driven out of Manbij by the SDF on Friday.", "en"),
        ("Los yihadistas del EI fueron expulsados de Manbij por las FDS.", "es"),
    ],
)
def test_a_passive_expulsion_gives_the_place_to_the_agent(text: str, lang: str) -> None:
    claims = [c for c in extract_text(text, lang=lang) if c.property == "control"]
    assert [(c.subject, c.value, c.stance.value) for c in claims] == [
        ("Manbij", "kurdish", "asserts"),
        ("Manbij", "isis", "denies"),
    ]


def test_a_town_passing_into_the_hands_of_a_side() -> None:
    claims = extract_text("Palmira pasó a manos del Estado Islámico en mayo.", lang="es")
    assert [(c.subject, c.value) for c in claims] == [("Palmira", "isis")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Douma, a rebel stronghold, fell to the army.", [("Douma", "government")]),
        ("Kurdish forces took over Tal Abyad.", [("Tal Abyad", "kurdish")]),
        ("The rebel stronghold of Douma was shelled.", [("Douma", "opposition")]),
    ],
)
def test_strongholds_and_takeovers(text: str, expected: list[tuple[str, str]]) -> None:
    claims = [c for c in extract_text(text, lang="en") if c.property == "control"]
    assert [(c.subject, c.value) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "https://news.example/story\nTroops hold on\n"
            "Smoke rises over Tell Abra, Syria, Oct. 9, 2014. (AP Photo/A. Person)\n",
            "2014-10-09",
        ),
        (
            "https://noticias.example/nota\nLa toma\n"
            "Rebeldes celebran en Kafr Lam, Siria, 18 marzo de 2018. REUTERS/ Una Persona\n",
            "2018-03-18",
        ),
    ],
)
def test_the_document_date_from_a_photo_caption(text: str, expected: str) -> None:
    from claimgraph.text import document_date

    found = document_date(text)
    assert found is not None
    assert found.isoformat() == expected


def test_a_time_after_another_verb_is_that_verbs() -> None:
    text = (
        "La caída de Tell Abra en manos del ejército es su mayor victoria desde que "
        "capturó Kafr Lam en mayo de 2015."
    )
    times = {c.subject: c.time_text() for c in extract_text(text, lang="es", year=2016)}
    assert times["Kafr Lam"] == "2015-05-01..2015-05-31"
    assert times["Tell Abra"] != times["Kafr Lam"]


def test_a_claim_denied_by_an_agent() -> None:
    text = (
        "The Saudi-led coalition said it had captured Hodeida airport, a claim quickly "
        "denied by the Houthis."
    )
    claims = extract_text(
        text, lang="en", actors={"Houthis": "houthis", "Saudi-led coalition": "coalition"}
    )
    assert [(c.source, c.subject, c.value, c.stance.value) for c in claims] == [
        ("Saudi-led coalition", "Hodeida airport", "coalition", "asserts"),
        ("Houthis", "Hodeida airport", "coalition", "denies"),
    ]


def test_the_town_under_army_control_after_a_copula() -> None:
    text = "The army entered Tell Abra. A military source said the town was under army control."
    claims = [c for c in extract_text(text, lang="en") if c.property == "control"]
    assert ("Syrian Army", "Tell Abra", "government") in [
        (c.source, c.subject, c.value) for c in claims
    ]
