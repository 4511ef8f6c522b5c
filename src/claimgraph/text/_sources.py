"""The built-in registry of sources: canonical names, aliases and alignments."""

from __future__ import annotations

from ..model import INDEPENDENT, Source, SourceRegistry

__all__ = ["UNNAMED", "builtin_sources", "known_sources"]

#: Canonical name for impersonal attribution ("se reportó", "según reportes").
UNNAMED = "Unnamed reports"

_GOV, _OPP = "government", "opposition"

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
            "Syrian Observatory for Human Rights",
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
        ),
        _GOV,
    ),
    Source(
        "Syrian Army",
        (
            "Ejército",
            "Ejército Árabe Sirio",
            "los militares",
            "militares",
            "mando militar",
            "Syrian Arab Army",
            "SAA",
        ),
        _GOV,
    ),
    Source(
        "Syrian government",
        ("gobierno sirio", "el gobierno", "gobierno de Damasco", "Damasco", "Syrian government"),
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
    Source("Amaq", ("agencia Amaq", "Amaq News Agency"), "isis"),
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
        ),
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
    Source(UNNAMED, ("unnamed", "unnamed sources"), None),
)


def builtin_sources() -> tuple[Source, ...]:
    """The sources known without configuration."""
    return _BUILTIN


def known_sources(lang: str | None = None) -> SourceRegistry:
    """A new registry of the built-in sources (aliases cover ``lang`` and English).

    Parameters
    ----------
    lang : str, optional
        Language whose aliases are wanted; the built-in list holds Spanish and
        English names together, so every language gets the same registry today.

    Examples
    --------
    >>> reg = known_sources("es")
    >>> reg.canonical("OSDH"), reg.canonical("sohr"), reg.alignment("Al-Manar")
    ('Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights', 'government')
    """
    del lang  # one multilingual list for now; the parameter keeps the API stable
    return SourceRegistry(_BUILTIN)
