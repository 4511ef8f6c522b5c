"""The built-in registry of sources: canonical names, aliases and alignments."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..model import INDEPENDENT, Source, SourceRegistry, fold
from ._pack import Actor

__all__ = [
    "GENERIC_ALIASES",
    "REPORTERS",
    "UNNAMED",
    "WIRE_AGENCIES",
    "builtin_sources",
    "known_sources",
    "with_declared_speakers",
    "with_local_army",
]

#: Canonical name for impersonal attribution ("se reportó", "según reportes").
UNNAMED = "Unnamed reports"

_GOV, _OPP, _ISIS, _KURD = "government", "opposition", "isis", "kurdish"

#: Wire agencies relay what others say: when a cue names another source beside one
#: of them ("the Observatory told AFP"), the other is the source.
WIRE_AGENCIES = frozenset({"AFP", "AP", "Reuters", "EFE", "DPA", "Europa Press", "ANSA"})

#: Sources that report a war rather than fight it: "they took X" in their words is
#: about someone else, not their own side (whatever side they lean to).
REPORTERS = WIRE_AGENCIES | frozenset(
    {
        "Syrian Observatory for Human Rights",
        "Al-Manar",
        "Al-Watan",
        "SANA",
        "Al-Masdar News",
        "Amaq",
        "TASS",
        "Interfax",
        "Anadolu Agency",
        "Amnesty International",
        "ICRC",
        "Unnamed reports",
    }
)

#: Aliases that name a built-in war's party only because the built-in wars are Syria's
#: and Iraq's: in a text about another war ("the army said") they name nobody in
#: particular. Filled by ``_generic`` as the built-in sources are defined.
_GENERIC: set[str] = set()


def _generic(alias: str) -> str:
    """Mark ``alias`` as a generic word (see :data:`GENERIC_ALIASES`)."""
    _GENERIC.add(fold(alias))
    return alias


# The Syrian Observatory is a monitor run from abroad that documents casualties on all
# sides but is sympathetic to the opposition, and the texts we read call it an
# opposition activist group; it is registered as opposition so that its agreement with
# rebel claims is not counted as independent corroboration.  Override with --sources.
_BUILTIN: tuple[Source, ...] = (
    Source(
        "Syrian Observatory for Human Rights",
        (
            "OSDH",
            "SOHR",
            "Observatorio Sirio de Derechos Humanos",
            "Syrian Observatory",
            "Observatorio Sirio",
            "Observatorio Sirio para los Derechos Humanos",
            "Syrian Observatory for Human Rights",
            _generic("Observatory"),
            _generic("Observatorio"),
            "Britain-based Observatory",
            "Rami Abdel Rahman",
            "monitoring group",
            _generic("monitors"),
            "war monitor",
            "Britain-based monitor",
            "Britain-based war monitor",
            "UK-based monitor",
            _generic("monitor"),
            "Rami Abdulrahman",
            "Rami Abdel-Rahman",
        ),
        _OPP,
    ),
    Source("Al-Manar", ("al-Manar", "Al Manar", "Al-Manar TV", "canal Al-Manar"), _GOV),
    Source("Al-Watan", ("al-Watan", "Al Watan", "diario Al-Watan"), _GOV),
    Source("SANA", ("Agencia Árabe Siria de Noticias", "Syrian Arab News Agency"), _GOV),
    Source("Al-Masdar News", ("Al-Masdar", "Al Masdar", "Al Masdar News", "AMN"), _GOV),
    Source(
        "Russian Ministry of Defence",
        (
            "Ministerio de Defensa ruso",
            "Ministerio de Defensa de Rusia",
            "Ministerio ruso de Defensa",
            "Centro de Rusia para la Reconciliación",
            "Centro ruso para la Reconciliación",
            "Russian MoD",
            "Russian Defence Ministry",
            "Russian Ministry of Defense",
            "Russian defence ministry",
            "Russian defense ministry",
            "Defence Ministry in Moscow",
            "Igor Konashenkov",
            "Konashenkov",
            "Russia's defence ministry",
            "Russia's defense ministry",
            "Russia's Ministry of Defence",
            "Russia's Ministry of Defense",
        ),
        _GOV,
    ),
    # Russia's and Ukraine's armed forces: government-aligned in Syria (Russia's), and
    # given the side a user declares for them in a text about another war (--sides).
    Source(
        "Russian General Staff",
        (
            "Russia's general staff",
            "chief of Russia's general staff",
            "chief of the Russian general staff",
            "Valery Gerasimov",
            "Gerasimov",
            "Estado Mayor ruso",
            "Estado Mayor de Rusia",
            "jefe del Estado Mayor ruso",
        ),
        _GOV,
    ),
    Source(
        "Russian military",
        (
            "Russian army",
            "Russia's army",
            "Russia's military",
            "Russian armed forces",
            "Russia's armed forces",
            "ejército ruso",
            "Fuerzas Armadas rusas",
            "Fuerzas Armadas de Rusia",
        ),
        _GOV,
    ),
    Source(
        "Ukrainian military",
        (
            "Ukraine's military",
            "Ukraine's army",
            "Ukrainian army",
            "Ukrainian armed forces",
            "Ukraine's armed forces",
            "Ukraine's General Staff",
            "Ukrainian General Staff",
            "General Staff of Ukraine's armed forces",
            "General Staff of the Armed Forces of Ukraine",
            "ejército ucraniano",
            "Estado Mayor ucraniano",
            "Estado Mayor de Ucrania",
            "Fuerzas Armadas de Ucrania",
            "Fuerzas Armadas ucranianas",
        ),
        None,
    ),
    Source(
        "Syrian Army",
        (
            _generic("Ejército"),
            "Ejército Árabe Sirio",
            _generic("los militares"),
            _generic("militares"),
            _generic("mando militar"),
            "Syrian Arab Army",
            "Syrian government forces",
            "SAA",
            "Syrian army",
            "Syrian military",
            _generic("army"),
            _generic("military"),
            _generic("military source"),
            _generic("military sources"),
            _generic("fuente militar"),
            _generic("fuentes militares"),
            _generic("army statement"),
            _generic("army command"),
            _generic("army general command"),
            _generic("military statement"),
            "comandancia general",
            "mando general del Ejército",
            "Ministerio de Defensa sirio",
            "Ministerio sirio de Defensa",
            "Syrian Defence Ministry",
            "Syrian Defense Ministry",
            "Syrian Ministry of Defence",
            "Syrian Ministry of Defense",
        ),
        _GOV,
    ),
    Source(
        "Syrian government",
        (
            "gobierno sirio",
            _generic("el gobierno"),
            "gobierno de Damasco",
            "Damasco",
            "Syrian government",
            "Syrian officials",
            "Syrian official",
            "Assad",
            "Bashar al-Assad",
            "Bashar al Assad",
            "presidente sirio",
            "Syrian president",
            "Syrian state media",
            _generic("state media"),
            _generic("state television"),
            _generic("state TV"),
            "Syrian state television",
            "Syrian state TV",
            _generic("televisión estatal"),
            "televisión estatal siria",
            "televisión siria",
            _generic("medios estatales"),
            _generic("medios oficiales"),
        ),
        _GOV,
    ),
    Source(
        "Pro-government sources",
        (
            "fuentes progubernamentales",
            "fuentes oficialistas",
            "fuentes leales",
            "pro-government sources",
        ),
        _GOV,
    ),
    Source("Russian sources", ("fuentes rusas", "Russian sources"), _GOV),
    Source("Amaq", ("agencia Amaq", "Amaq News Agency", "Aamaq"), _ISIS),
    Source(
        "Islamic State",
        ("Estado Islámico", "Islamic State group", "ISIS", "ISIL", "Daesh", "EI"),
        _ISIS,
    ),
    Source(
        "SDF",
        (
            "Syrian Democratic Forces",
            "Fuerzas Democráticas Sirias",
            "FDS",
            "SDF spokesman",
            "portavoz de las FDS",
            "Talal Silo",
            "Mustafa Bali",
            "US-backed forces",
            "U.S.-backed forces",
            "US-backed Syrian Democratic Forces",
        ),
        _KURD,
    ),
    Source(
        "YPG",
        (
            "People's Protection Units",
            "Unidades de Protección Popular",
            "Unidades de Protección del Pueblo",
            "Unidades de la Protección del Pueblo",
            "YPG spokesman",
            "Redur Xelil",
            "Polat Can",
        ),
        _KURD,
    ),
    Source(
        "Kurdish officials",
        (
            "Kurdish official",
            "Kurdish commander",
            "Kurdish commanders",
            "Kurdish sources",
            "Kurdish leaders",
            "funcionario kurdo",
            "funcionarios kurdos",
            "fuentes kurdas",
            "comandante kurdo",
            "Idris Nassan",
            "Kobani official",
            "Kurdish activists",
            "los kurdos",
            "Kurdish forces",
            "the Kurds",
            # the spelling of some Latin American wire desks
            "comandante curdo",
            "comandantes curdos",
            "funcionario curdo",
            "funcionarios curdos",
            "fuentes curdas",
            "los curdos",
        ),
        _KURD,
    ),
    Source(
        "Kurdistan Regional Government",
        ("Massoud Barzani", "Masoud Barzani", "Barzani", "KRG", "Gobierno Regional del Kurdistán"),
        _KURD,
    ),
    Source("Rudaw", ("agencia de noticias kurda Rudaw", "Rudaw News"), _KURD),
    Source("Peshmerga", ("peshmergas", "Peshmerga ministry"), _KURD),
    Source(
        "US-led coalition",
        (
            _generic("coalition"),
            _generic("coalición"),
            "coalición internacional",
            "coalición liderada por Estados Unidos",
            "US-led coalition",
            "U.S.-led coalition",
            "coalition spokesman",
            "Operation Inherent Resolve",
            "CJTF-OIR",
        ),
        INDEPENDENT,
    ),
    Source(
        "US Central Command",
        ("Centcom", "CENTCOM", "Central Command", "Comando Central", "U.S. Central Command"),
        INDEPENDENT,
    ),
    Source(
        "Pentagon",
        ("Pentágono", "US Defense Department", "U.S. military", "US military"),
        INDEPENDENT,
    ),
    Source(
        "Turkish military",
        ("Turkish army", "Turkish armed forces", "Ejército turco", "Fuerzas Armadas turcas"),
        _OPP,
    ),
    Source(
        "Iraqi military",
        (
            "Iraqi army",
            "Joint Operations Command",
            "JOC",
            "Ejército iraquí",
            "Iraqi officials",
            "Iraqi commanders",
            "Iraqi military spokesman",
            "Iraqi government forces",
        ),
        _GOV,
    ),
    Source(
        "Turkish government",
        (
            "Turkish Defense Minister",
            "Turkish Defence Minister",
            "Turkish defense ministry",
            "Turkish defence ministry",
            "Turkish officials",
            "Turkish president",
            "Erdogan",
            "Ankara",
            "Turkey",
            "gobierno turco",
            "ministro de Defensa turco",
            "presidente turco",
            "Ministerio de Defensa turco",
        ),
        _OPP,
    ),
    Source("Anadolu Agency", ("Anadolu", "agencia Anadolu", "agencia turca Anadolu"), _OPP),
    Source("Hezbollah", ("Hezbolá", "Hizbulá", "Hizbollah"), _GOV),
    Source("Interfax", ("agencia Interfax", "Interfax news agency"), None),
    Source(
        "TASS", ("agencia TASS", "Itar-Tass", "RIA Novosti", "RIA", "agencia RIA Nóvosti"), _GOV
    ),
    Source(
        "AFP",
        ("Agence France-Presse", "Agence France Presse", "agencia AFP", "France-Presse"),
        INDEPENDENT,
    ),
    Source("AP", ("Associated Press", "agencia AP"), INDEPENDENT),
    Source("Reuters", ("agencia Reuters",), INDEPENDENT),
    Source("EFE", ("Agencia EFE", "agencia Efe", "Efe"), INDEPENDENT),
    Source("DPA", ("agencia DPA", "Deutsche Presse-Agentur"), INDEPENDENT),
    Source("Europa Press", (), INDEPENDENT),
    Source("ANSA", (), INDEPENDENT),
    Source(
        "Rebels",
        (
            "rebeldes",
            "comandante rebelde",
            "funcionario rebelde",
            "funcionarios rebeldes",
            "comandantes rebeldes",
            "portavoz rebelde",
            "rebels",
            "rebel commander",
            "rebel official",
            "rebel officials",
            "rebel commanders",
            "rebel sources",
            "rebel spokesman",
            "fuentes rebeldes",
            "Free Syrian Army",
            "Ejército Libre Sirio",
            "ELS",
            "FSA",
            "Sultan Murad",
            "Hayat Tahrir al-Sham",
            "Hayat Tahrir al Sham",
            "HTS",
            "al-Hamza",
            "Hamza Division",
            "Faylaq al-Sham",
            "Jaish al-Islam",
            "Ahrar al-Sham",
            "Nour al-Din al-Zinki",
            "Syrian National Army",
            "Ejército Nacional Sirio",
        ),
        _OPP,
    ),
    Source(
        "Opposition",
        (
            "oposición",
            "fuentes opositoras",
            "activistas opositores",
            "estación a favor de la oposición",
            "fuentes de la oposición",
            "opposition sources",
            "opposition activists",
            "activistas de la oposición",
            "opposition officials",
            "Syrian opposition",
            "oposición siria",
        ),
        _OPP,
    ),
    Source(
        "Opposition media",
        (
            "opposition news network",
            "opposition-run news network",
            "opposition media",
            "opposition news agency",
            "medios opositores",
            "medios de la oposición",
            "cadena opositora",
        ),
        _OPP,
    ),
    Source(
        "Shaam News Network",
        ("Shaam news agency", "Shaam News", "Shaam network", "red Shaam"),
        _OPP,
    ),
    Source("Amnesty International", ("Amnistía Internacional", "Amnesty"), INDEPENDENT),
    Source(
        "ICRC",
        (
            "Cruz Roja",
            "Comité Internacional de la Cruz Roja",
            "CICR",
            "Red Cross",
            "International Committee of the Red Cross",
        ),
        INDEPENDENT,
    ),
    Source(
        UNNAMED,
        (
            "unnamed",
            "unnamed sources",
            "activists",
            "activistas",
            "residents",
            "residentes",
            "officials",
            "witnesses",
            "testigos",
            "local sources",
            "fuentes locales",
        ),
        None,
    ),
)


GENERIC_ALIASES = frozenset(_GENERIC)


def builtin_sources() -> tuple[Source, ...]:
    """The sources known without configuration."""
    return _BUILTIN


def known_sources(lang: str | None = None, *, generic: bool = True) -> SourceRegistry:
    """A new registry of the built-in sources (aliases cover ``lang`` and English).

    Parameters
    ----------
    lang : str, optional
        Language whose aliases are wanted; the built-in list holds Spanish and
        English names together, so every language gets the same registry today.
    generic : bool
        Keep the aliases that are generic words ("army", "state media"), which
        name the Syrian and Iraqi parties of the built-in wars; without them
        (texts about another war) only specific names are read.

    Examples
    --------
    >>> reg = known_sources("es")
    >>> reg.canonical("OSDH"), reg.canonical("sohr"), reg.alignment("Al-Manar")
    ('Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights', 'government')
    >>> "army" in known_sources(generic=False)
    False
    """
    del lang  # one multilingual list for now; the parameter keeps the API stable
    if generic:
        return SourceRegistry(_BUILTIN)
    return SourceRegistry(
        attrs.evolve(s, aliases=tuple(a for a in s.aliases if fold(a) not in GENERIC_ALIASES))
        for s in _BUILTIN
    )


def with_declared_speakers(registry: SourceRegistry, actors: Sequence[Actor]) -> SourceRegistry:
    """``registry`` with the declared ``actors`` as sources that speak for their side.

    A declared actor the registry already knows under its name or an alias ("Russian
    army" of the Russian military) joins that source, which takes the declared side;
    any other becomes a source of its own ("Wagner said ...").

    Examples
    --------
    >>> reg = with_declared_speakers(
    ...     known_sources(generic=False), [Actor("Ukraine's army", "ukraine", ("ZSU",))]
    ... )
    >>> reg.canonical("ZSU"), reg.alignment("Ukrainian General Staff")
    ('Ukrainian military', 'ukraine')
    """
    out = SourceRegistry(registry)
    for actor in actors:
        known = next(
            (s for s in map(out.find, (actor.name, *actor.aliases)) if s is not None), None
        )
        if known is None:
            out.add(Source(actor.name, actor.aliases, actor.side))
            continue
        names = tuple(n for n in (actor.name, *actor.aliases) if fold(n) != fold(known.name))
        out.add(attrs.evolve(known, aliases=(*known.aliases, *names), alignment=actor.side))
    return out


_IRAQ = re.compile(r"\b(?:irak|iraq|iraqui|iraquies|iraqi|iraqis)\b")
_SYRIA = re.compile(r"\b(?:siria|syria|sirio|siria|sirios|sirias|syrian|syrians)\b")


def with_local_army(registry: SourceRegistry, text: str) -> SourceRegistry:
    """``registry`` with the generic words for an army ("the army", "una fuente
    militar") naming Iraq's when the text is about Iraq (names Iraq more often than
    Syria), else unchanged: the generic words name Syria's army by default.

    Examples
    --------
    >>> reg = with_local_army(known_sources(), "Iraqi troops entered Mosul, Iraq.")
    >>> reg.canonical("military source"), reg.canonical("SAA")
    ('Iraqi military', 'Syrian Army')
    """
    folded = fold(text)
    if len(_IRAQ.findall(folded)) <= len(_SYRIA.findall(folded)):
        return registry
    army, iraqi = registry.find("Syrian Army"), registry.find("Iraqi military")
    if army is None or iraqi is None:
        return registry
    generic = tuple(a for a in army.aliases if fold(a) in GENERIC_ALIASES)
    if not generic:
        return registry
    out = SourceRegistry(registry)
    out.add(attrs.evolve(army, aliases=tuple(a for a in army.aliases if a not in generic)))
    out.add(attrs.evolve(iraqi, aliases=(*iraqi.aliases, *generic)))
    return out
