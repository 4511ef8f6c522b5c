"""Who says it: speakers named together, a speaker after the agency told, a headline's
bracketed source, and the armed forces of other wars as sources. Sentences of our own
(villages invented)."""

from __future__ import annotations

import pytest

from claimgraph.text import extract_text, known_sources
from claimgraph.text._pack import Actor
from claimgraph.text._sources import with_declared_speakers

UKRAINE = {
    "Russian army": "russia",
    "Russian forces": "russia",
    "Russia": "russia",
    "Ukraine's army": "ukraine",
    "Ukrainian forces": "ukraine",
    "Ukraine": "ukraine",
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
    ("text", "lang", "sources"),
    [
        (
            "Los combatientes kurdos se hicieron con Tell Hamra, dijeron activistas y un"
            " comandante kurdo.",
            "es",
            {"Kurdish officials", "Unnamed reports"},
        ),
        (
            "Según el OSDH y la agencia SANA, el ejército tomó Tell Hamra.",
            "es",
            {"Syrian Observatory for Human Rights", "SANA"},
        ),
        (
            "The Observatory and an opposition news network said the army captured Tell Hamra"
            " on Monday.",
            "en",
            {"Syrian Observatory for Human Rights", "Opposition media"},
        ),
        (
            "Rebels overran Tell Hamra at dawn, SANA and the Observatory said.",
            "en",
            {"Syrian Observatory for Human Rights", "SANA"},
        ),
    ],
)
def test_speakers_named_together_each_state_the_claim(
    text: str, lang: str, sources: set[str]
) -> None:
    found = control(text, lang)
    assert sorted(source for source, *_ in found) == sorted(sources)
    assert len({claim[1:] for claim in found}) == 1  # the same claim from each


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # two words for unnamed speakers are one source
        (
            "Según activistas y residentes, el ejército tomó Tell Hamra.",
            "es",
            [("Unnamed reports", "Tell Hamra", "government", "asserts")],
        ),
        # a speaker of the next clause is not joined to the actor of the first
        (
            "The army took Tell Hamra and the Observatory said rebels fled Khirbet Sawa.",
            "en",
            [
                ("<text>", "Tell Hamra", "government", "asserts"),
                ("Syrian Observatory for Human Rights", "Khirbet Sawa", "opposition", "denies"),
            ],
        ),
        (
            "SANA dijo que el ejército tomó Tell Hamra y el OSDH dijo que los rebeldes huyeron"
            " de Khirbet Sawa.",
            "es",
            [
                ("SANA", "Tell Hamra", "government", "asserts"),
                ("Syrian Observatory for Human Rights", "Khirbet Sawa", "opposition", "denies"),
            ],
        ),
    ],
)
def test_no_second_speaker_where_none_is_joined(
    text: str, lang: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert control(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Las tropas del régimen recuperaron el lunes el control del pueblo de Tell Hamra tras"
            " desalojar a los combatientes del Estado Islámico (EI), que lo ocupaban desde hacía"
            " dos años, dijo a la AFP una fuente militar desplegada allí.",
            "es",
        ),
        (
            "Rebels captured the village of Tell Hamra after a week of clashes in which dozens"
            " died on both sides of the front line, told AFP a military source stationed nearby.",
            "en",
        ),
    ],
)
def test_the_speaker_named_after_the_agency_told(text: str, lang: str) -> None:
    assert {source for source, *_ in control(text, lang)} == {"Syrian Army"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Los rebeldes arrebatan Tell Hamra al ejército (OSDH)",
            "es",
            [("Syrian Observatory for Human Rights", "Tell Hamra", "opposition", "asserts")],
        ),
        (
            "Army retakes Tell Hamra from rebels (military source)",
            "en",
            [("Syrian Army", "Tell Hamra", "government", "asserts")],
        ),
        # an acronym glossing the name before it is no source
        (
            "El ejército tomó Tell Hamra de manos del Estado Islámico (EI).",
            "es",
            [("<text>", "Tell Hamra", "government", "asserts")],
        ),
    ],
)
def test_a_bracketed_source_closing_a_headline(
    text: str, lang: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert control(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "source", "value"),
    [
        (
            "Ukraine's General Staff said on Tuesday that Ukrainian forces still held Pisky Nove.",
            "en",
            "Ukrainian military",
            "ukraine",
        ),
        (
            "The chief of Russia's general staff told reporters that Russian forces had taken"
            " Pisky Nove.",
            "en",
            "Russian General Staff",
            "russia",
        ),
        (
            "Russia's defence ministry said its troops had captured Pisky Nove.",
            "en",
            "Russian Ministry of Defence",
            "russia",
        ),
        (
            "El Estado Mayor ucraniano aseguró que las fuerzas ucranianas controlan Pisky Nove.",
            "es",
            "Ukrainian military",
            "ukraine",
        ),
    ],
)
def test_the_armed_forces_of_another_war_as_sources(
    text: str, lang: str, source: str, value: str
) -> None:
    actors = {**UKRAINE, "fuerzas ucranianas": "ukraine"}
    found = control(text, lang, actors)
    assert [(s, v) for s, _, v, _ in found] == [(source, value)]


def test_a_declared_actor_joins_the_source_it_names_and_gives_it_its_side() -> None:
    registry = with_declared_speakers(
        known_sources(generic=False),
        [Actor("Ukraine's army", "ukraine", ("ZSU",)), Actor("Vessan Guard", "vessa")],
    )
    assert registry.canonical("Ukraine's army") == "Ukrainian military"
    assert registry.canonical("ZSU") == "Ukrainian military"
    assert registry.alignment("Ukrainian armed forces") == "ukraine"
    assert registry.alignment("Vessan Guard") == "vessa"
    # a source not declared keeps its own side
    assert registry.alignment("Russian army") == "government"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Russian forces said they had taken Pisky Nove. Ukraine's army denied it."
            ' "The enemy claims that it has captured Pisky Nove. This is a lie,"'
            " Ukraine's army said.",
            "en",
        ),
        (
            "Las tropas rusas dijeron haber tomado Pisky Nove. El ejército ucraniano lo negó."
            ' "El enemigo afirma que ha capturado Pisky Nove. Esto no es cierto", dijo el'
            " ejército ucraniano.",
            "es",
        ),
    ],
)
def test_the_enemys_claim_in_a_speakers_words_is_the_enemys(text: str, lang: str) -> None:
    actors = {**UKRAINE, "tropas rusas": "russia", "ejército ucraniano": "ukraine"}
    found = control(text, lang, actors)
    # the quoted claim is the enemy's (Russia's), and the speaker denies it
    assert found[-2:] == [
        ("Russian military", "Pisky Nove", "russia", "asserts"),
        ("Ukrainian military", "Pisky Nove", "russia", "denies"),
    ]
    assert all(value == "russia" for _, _, value, _ in found)


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Las milicias kurdas tienen en su poder más del 60 % de Tell Hamra.", 0.6),
        ("Los rebeldes conservan en su poder Tell Hamra.", None),
        ("El ejército controla cerca del 30 por ciento de Tell Hamra.", 0.3),
    ],
)
def test_spanish_holds_in_ones_power_and_shares_after_del(text: str, share: float | None) -> None:
    [claim] = [c for c in extract_text(text, lang="es") if c.property == "control"]
    assert (claim.subject, claim.share, claim.partial) == ("Tell Hamra", share, share is not None)


def test_spanish_masculine_plural_references_to_places_just_named() -> None:
    text = (
        "Según el OSDH, los yihadistas del EI entraron el lunes en Tell Hamra y Khirbet Sawa."
        " Los kurdos resistieron poco, y los yihadistas se hicieron con el dominio de esos"
        " pueblos."
    )
    second = [
        (c.subject, c.value, c.partial)
        for c in extract_text(text, lang="es")
        if c.property == "control" and c.sentence == 2
    ]
    assert second == [("Tell Hamra", "isis", False), ("Khirbet Sawa", "isis", False)]


@pytest.mark.parametrize(
    ("text", "lang", "owner", "denier"),
    [
        (
            "Ukraine dismissed Russian statements that its forces had taken Pisky Nove.",
            "en",
            "Russian military",
            "Ukraine",
        ),
        (
            "Ukraine's army rejected Moscow's claim that it had captured Pisky Nove.",
            "en",
            "Moscow",
            "Ukrainian military",
        ),
        (
            "El ejército ucraniano negó las afirmaciones rusas de que sus tropas habían tomado"
            " Pisky Nove.",
            "es",
            "Russian military",
            "Ukrainian military",
        ),
    ],
)
def test_someones_claim_that_is_theirs_and_the_denier_denies_it(
    text: str, lang: str, owner: str, denier: str
) -> None:
    actors = {**UKRAINE, "Moscow": "russia", "tropas rusas": "russia"}
    assert control(text, lang, actors) == [
        (owner, "Pisky Nove", "russia", "asserts"),
        (denier, "Pisky Nove", "russia", "denies"),
    ]


def test_a_claim_with_no_owner_named_is_only_the_deniers() -> None:
    text = "Ukraine rejected the claim that Russian forces had captured Pisky Nove."
    assert control(text, "en", UKRAINE) == [("Ukraine", "Pisky Nove", "russia", "denies")]


def test_a_counted_list_after_a_dash_with_a_long_apposition() -> None:
    text = (
        "Rebels said they had taken large parts of two other towns – Tell Hamra, a crossroads"
        " the army had held for years, and Khirbet Sawa, near the river."
    )
    found = [
        (c.subject, c.value, c.partial)
        for c in extract_text(text, lang="en")
        if c.property == "control"
    ]
    assert found == [("Tell Hamra", "opposition", True), ("Khirbet Sawa", "opposition", True)]


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        (
            "Las tropas iraquíes tomaron el barrio de Tell Hamra en el norte de Irak, dijo una"
            " fuente militar iraquí a la agencia.",
            "es",
            "Iraqi military",
        ),
        (
            "Iraqi troops took the Tell Hamra district, north of Baghdad, a military source said.",
            "en",
            "Iraqi military",
        ),
        (
            "Syrian troops took Tell Hamra, a military source said.",
            "en",
            "Syrian Army",
        ),
    ],
)
def test_the_generic_army_is_the_army_of_the_country_the_text_is_about(
    text: str, lang: str, source: str
) -> None:
    assert [s for s, *_ in control(text, lang)] == [source]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "El EI tomó Suluk en mayo. El OSDH señaló que la mayor parte de los yihadistas ya"
            " se había retirado de Tell Hamra.",
            "es",
            ("Syrian Observatory for Human Rights", "Tell Hamra", "isis", "denies"),
        ),
        (
            "Most of the rebels withdrew from Tell Hamra overnight, the monitor said.",
            "en",
            ("Syrian Observatory for Human Rights", "Tell Hamra", "opposition", "denies"),
        ),
    ],
)
def test_a_share_of_a_group_withdrawing_is_the_group(
    text: str, lang: str, expected: tuple[str, str, str, str]
) -> None:
    assert control(text, lang)[-1] == expected


def test_senalo_is_a_speech_verb() -> None:
    text = "La agencia SANA señaló que el ejército controla Tell Hamra."
    assert control(text, "es") == [("SANA", "Tell Hamra", "government", "asserts")]


def test_a_thousands_comma_inside_a_description_before_the_verb() -> None:
    text = (
        "Tell Hamra, the small town that was home to some 4,500 people before the war, was"
        " captured by rebels in June."
    )
    assert control(text, "en") == [("<text>", "Tell Hamra", "opposition", "asserts")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El ejército controla Tell Hamra, según Interfax.", "es"),
        ("The army holds Tell Hamra, the Interfax news agency reported.", "en"),
    ],
)
def test_interfax_is_a_source(text: str, lang: str) -> None:
    assert [s for s, *_ in control(text, lang)] == ["Interfax"]


@pytest.mark.parametrize(
    "verb", ["precisó", "explicó", "detalló", "subrayó", "advirtió", "destacó", "señaló"]
)
def test_spanish_wire_speech_verbs(verb: str) -> None:
    after = f"Los rebeldes se hicieron con Tell Hamra, {verb} el OSDH."
    before = f"El OSDH {verb} que los rebeldes se hicieron con Tell Hamra."
    for text in (after, before):
        assert [s for s, *_ in control(text, "es")] == ["Syrian Observatory for Human Rights"]


@pytest.mark.parametrize("verb", ["noted", "explained", "stressed", "warned"])
def test_english_wire_speech_verbs(verb: str) -> None:
    after = f"Rebels overran Tell Hamra, the Observatory {verb}."
    before = f"The Observatory {verb} that rebels had overrun Tell Hamra."
    for text in (after, before):
        assert [s for s, *_ in control(text, "en")] == ["Syrian Observatory for Human Rights"]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Los rebeldes lograron el control de Tell Hamra.", "es", "opposition"),
        ("Los rebeldes asumieron el pleno control de Tell Hamra.", "es", "opposition"),
        ("Los rebeldes se adueñaron de Tell Hamra.", "es", "opposition"),
        ("El ejército recobró Tell Hamra.", "es", "government"),
        ("Tell Hamra volvió a manos del ejército.", "es", "government"),
        ("Tell Hamra pasó a control de los rebeldes.", "es", "opposition"),
        ("Rebels regained Tell Hamra.", "en", "opposition"),
        ("The army established full control over Tell Hamra.", "en", "government"),
    ],
)
def test_more_ways_to_take_a_place(text: str, lang: str, value: str) -> None:
    assert control(text, lang) == [("<text>", "Tell Hamra", value, "asserts")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Los rebeldes intentaron ganar el control de Tell Hamra.", "es"),
        ("El ejército ganó terreno cerca de Tell Hamra.", "es"),
        ("The army tried to regain Tell Hamra.", "en"),
    ],
)
def test_an_aim_or_ground_near_a_place_is_no_control(text: str, lang: str) -> None:
    assert control(text, lang) == []
