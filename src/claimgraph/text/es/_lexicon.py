"""Spanish lexicons and patterns. All patterns match folded text (lower case, no accents)."""

from __future__ import annotations

from .._pack import Actor, LanguagePack

__all__ = ["PACK"]

_MONTHS = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
_M = "(?P<month>" + "|".join(_MONTHS) + ")"
_Y = r"(?:\s+(?:de|del)\s+(?P<year>\d{4}))?"
_MONTH_ABBREVIATIONS = {
    "ene": 1,
    "feb": 2,
    "mar": 3,
    "abr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "sep": 9,
    "sept": 9,
    "set": 9,
    "oct": 10,
    "nov": 11,
    "dic": 12,
}
_WEEKDAYS = {
    "lunes": 0,
    "martes": 1,
    "miercoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sabado": 5,
    "domingo": 6,
}
_WD = "(?P<weekday>" + "|".join(_WEEKDAYS) + ")"
# "el sábado por la noche", "el domingo de madrugada"; a weekday followed by a day
# number ("el domingo 3 de marzo") is left to the date.
_DAYPART = r"(?:\s+(?:por|en|durante)\s+la\s+(?:manana|tarde|noche|madrugada)|\s+de\s+madrugada)?"
_NOT_DATE = r"(?!\s*,?\s*\d)(?!\s+(?:siguiente|anterior|posterior)\b)"
_COUNTS = {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8}
_COUNTS |= {"nueve": 9, "diez": 10}


def _count(n: int) -> str:
    """``n`` as a word or in digits: ``(?:dos|2)``."""
    return "(?:" + "|".join([w for w, v in _COUNTS.items() if v == n] + [str(n)]) + ")"


_DOC_RELATIVE = (
    (r"\bel\s+pasado\s+" + _WD + r"\b" + _DAYPART + _NOT_DATE, "weekday", -1),
    (r"\bel\s+" + _WD + r"\s+pasado\b" + _DAYPART, "weekday", -1),
    (
        r"\b(?:en\s+|durante\s+)?la\s+(?:manana|tarde|noche|madrugada)\s+del\s+pasado\s+"
        + _WD
        + r"\b"
        + _NOT_DATE,
        "weekday",
        -1,
    ),
    (
        r"\b(?:en\s+|durante\s+)?la\s+(?:manana|tarde|noche|madrugada)\s+(?:del|de\s+este)\s+"
        + _WD
        + r"\b"
        + _NOT_DATE,
        "weekday",
        0,
    ),
    (r"\b(?:el|este|del)\s+" + _WD + r"\b" + _DAYPART + _NOT_DATE, "weekday", 0),
    (r"\banteayer\b|\bantier\b|\bantes\s+de\s+ayer\b", "day", -2),
    (
        r"\banoche\b|\bayer\b(?:\s+(?:por|en)\s+la\s+(?:manana|tarde|noche)|\s+de\s+madrugada)?",
        "day",
        -1,
    ),
    (r"\bhoy\b(?!\s+en\s+dia)|\besta\s+(?:manana|tarde|noche|madrugada)\b", "day", 0),
    *((r"\bhace\s+" + _count(n) + r"\s+dias\b", "day", -n) for n in range(2, 11)),
    (r"\bla\s+(?:semana\s+pasada|pasada\s+semana)\b|\bhace\s+una\s+semana\b", "week", -1),
    (r"\bhace\s+" + _count(2) + r"\s+semanas\b", "week", -2),
    (r"\besta\s+semana\b|\ben\s+lo\s+que\s+va\s+de\s+semana\b", "week", 0),
    (r"\bel\s+pasado\s+(?:mes\s+de\s+)?" + _M + r"\b(?!\s+(?:de|del)\s+\d)", "month_name", -1),
    (r"\ben\s+(?:el\s+mes\s+de\s+)?" + _M + r"\s+pasado\b", "month_name", -1),
    (r"\bel\s+(?:mes\s+pasado|pasado\s+mes)\b|\bhace\s+un\s+mes\b", "month", -1),
    (r"\beste\s+mes\b|\ben\s+lo\s+que\s+va\s+de(?:l)?\s+mes\b", "month", 0),
)

_NUMBER_WORDS = {
    "un": 1,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "veinte": 20,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "cien": 100,
    "ciento": 100,
    "doscientos": 200,
    "trescientos": 300,
    "quinientos": 500,
    "mil": 1000,
}


def _forms(*stems: str) -> str:
    """Regular -ar verb forms of each stem: past, imperfect, present, gerund, participle."""
    endings = r"(?:o|aron|aba|aban|a|an|ando|ado|ada|ados|adas|ar|e|en|ara|aran|aria|arian|amos)"
    return r"\b(?:" + "|".join(stems) + ")" + endings + r"\b"


_GOV = "government"
_OPP = "opposition"
_ACTORS = (
    Actor(
        "Syrian government forces",
        _GOV,
        (
            "ejercito",
            "ejercito arabe sirio",
            "ejercito sirio",
            "fuerzas leales",
            "fuerzas legales",
            "fuerzas progubernamentales",
            "fuerzas gubernamentales",
            "fuerzas del gobierno",
            "fuerzas del gobierno sirio",
            "fuerzas del regimen",
            "tropas gubernamentales",
            "tropas leales",
            "tropas del gobierno",
            "tropas sirias",
            "bando gubernamental",
            "bando leal",
            "soldados",
            "militares",
            "gobierno",
            "gobierno sirio",
            "regimen",
            "fuerza aerea",
            "tanques del gobierno",
            "fuerzas leales al gobierno",
            "fuerzas sirias",
            "fuerzas armadas sirias",
            "tropas",
            "ejercito de bashar al asad",
            "ejercito de bashar al-assad",
            "regimen sirio",
            "regimen de al asad",
            "fuerzas oficialistas",
            "fuerzas del regimen sirio",
            "ejercito de irak",
            "ejercito iraqui",
            "fuerzas iraquies",
            "tropas iraquies",
            "fuerzas de seguridad iraquies",
            "fuerzas de seguridad",
            "fuerzas rusas",
        ),
    ),
    Actor("National Defence Forces", _GOV, ("fdn", "fuerzas de defensa nacional")),
    Actor("Hezbollah", _GOV, ("hezbola", "hezbolah", "hizbula")),
    Actor("Republican Guard", _GOV, ("guardia republicana",)),
    Actor(
        "pro-government militias",
        _GOV,
        (
            "milicias progubernamentales",
            "milicias chiitas progubernamentales",
            "milicias chiitas",
            "milicias leales",
        ),
    ),
    Actor(
        "rebels",
        _OPP,
        (
            "rebeldes",
            "insurgentes",
            "oposicion",
            "oposicion armada",
            "opositores",
            "combatientes rebeldes",
            "grupos rebeldes",
            "rebeldes sirios",
            "milicias rebeldes",
            "rebeldes apoyados por turquia",
            "rebeldes respaldados por turquia",
            "fuerzas apoyadas por turquia",
            "grupos apoyados por turquia",
            "grupo islamista",
            "grupos islamistas",
            "insurgencia",
            "ejercito turco",
            "fuerzas turcas",
            "tropas turcas",
            "turquia",
            "facciones",
            "facciones rebeldes",
            "facciones opositoras",
            "facciones armadas",
            "facciones apoyadas por turquia",
            "facciones respaldadas por turquia",
            "facciones proturcas",
            "grupos rebeldes sirios proturcos",
            "rebeldes proturcos",
        ),
    ),
    Actor("Free Syrian Army", _OPP, ("esl", "ejercito libre sirio", "ejercito sirio libre")),
    Actor(
        "Jabhat Fateh al-Sham",
        _OPP,
        (
            "jabhat fateh al-sham",
            "jabhat fatah al-sham",
            "fatah al-sham",
            "fateh al-sham",
            "frente al-nusra",
            "jabhat al-nusra",
            "al-nusra",
            "frente fatah al-sham",
            "hayat tahrir al sham",
            "hayat tahrir al-sham",
        ),
    ),
    Actor("Ahrar al-Sham", _OPP, ("ahrar al-sham",)),
    Actor(
        "Harakat Nour al-Din al-Zinki",
        _OPP,
        (
            "harakat nouriddeen al-zinki",
            "nouriddeen al-zinki",
            "nour al-din al-zinki",
            "harakat nour al-din al-zinki",
            "al-zinki",
        ),
    ),
    Actor(
        "ISIS",
        "isis",
        (
            "eiil",
            "ei",
            "isis",
            "isil",
            "daesh",
            "estado islamico",
            "grupo estado islamico",
            "combatientes del ei",
            "combatientes del estado islamico",
            "milicianos del ei",
            "milicianos del estado islamico",
            "yihadistas del ei",
            "yihadistas del estado islamico",
            "militantes del ei",
            "militantes del estado islamico",
            "combatientes del grupo estado islamico",
        ),
    ),
    Actor(
        "Kurdish forces",
        "kurdish",
        (
            "ypg",
            "ypj",
            "kurdos",
            "milicias kurdas",
            "fds",
            "fuerzas democraticas sirias",
            "fsd",
            "fuerzas de siria democratica",
            "fuerzas kurdas",
            "combatientes kurdos",
            "combatientes curdos",
            "curdos",
            "fuerzas curdas",
            "milicia curda",
            "milicias curdas",
            "unidades curdas",
            "upp",
            "unidades de proteccion del pueblo",
            "unidades de la proteccion del pueblo",
            "milicianos kurdos",
            "milicias kurdo-arabes",
            "milicia kurda",
            "milicia kurda siria",
            "alianza kurdo-arabe",
            "peshmerga",
            "peshmergas",
            "ejercito del kurdistan",
            "ejercito de la region del kurdistan",
            "unidades de proteccion popular",
            "fuerzas apoyadas por eeuu",
            "fuerzas apoyadas por estados unidos",
        ),
    ),
)

_GAIN = (
    _forms(
        "captur",
        "recaptur",
        "tom",
        "retom",
        "conquist",
        "reconquist",
        "liber",
        "recuper",
        "arrebat",
        "ocup",
        "arranc",
        "recobr",
    )
    # "lograron / obtuvieron / asumieron el control de X", "se adueñaron de X"
    + r"|\b(?:logr|obtuv|obtien|gan|asum|consigu)\w*\s+(?:el\s+)?(?:pleno\s+|total\s+)?control"
    r"\s+(?:total\s+)?(?:de|del|sobre)\b|\badue\w+\s+(?:de|del)\b"
    # ', aseguró el Observatorio': a speech verb after what was said, not a capture
    r"|(?<![,\"'”»]\s)\basegur(?:o|aron|ado|ada|ados|adas|ar)\b(?!\s+que)"
    r"|\basegurando\b(?!\s+que)|\bapoder\w+\s+(?:de|del)\b"
    r"|\b(?:hecho|hecha|hizo|hicieron|hacerse|hacer|haciendose|hace|hacen)\s+(?:\w+\s+){0,3}?con\b"
    r"|\b(?:area|zona|territorio)\s+(?:re)?capturad[oa]s?\s+inclu\w+"
)

_HOLDERS = {
    "rebelde": _OPP,
    "opositor": _OPP,
    "insurgente": _OPP,
    "gubernamental": _GOV,
    "del gobierno": _GOV,
    "del regimen": _GOV,
    "leal": _GOV,
    "oficialista": _GOV,
    "del ejercito": _GOV,
    "yihadista": "isis",
    "del ei": "isis",
    "del estado islamico": "isis",
    "del isis": "isis",
    "kurdo": "kurdish",
    "kurda": "kurdish",
    "curdo": "kurdish",
    "curda": "kurdish",
    "de las upp": "kurdish",
    "de upp": "kurdish",
    "de las fds": "kurdish",
    "de las fsd": "kurdish",
}

PACK = LanguagePack(
    lang="es",
    months=_MONTHS,
    number_words=_NUMBER_WORDS,
    time_patterns=(
        (
            "range",
            r"\b(?:entre\s+el|del|desde\s+el)\s+(?P<day>\d{1,2})\s+de\s+"
            + _M
            + r"\s+(?:y\s+el|al|hasta\s+el)\s+(?P<day2>\d{1,2})\s+de\s+"
            + _M.replace("<month>", "<month2>")
            + _Y,
        ),
        (
            "range",
            r"\bentre\s+(?:los\s+dias\s+|el\s+)?(?P<day>\d{1,2})\s+y\s+(?:el\s+)?"
            r"(?P<day2>\d{1,2})\s+de\s+" + _M + _Y,
        ),
        (
            "range",
            r"\b(?:del|desde\s+el)\s+(?P<day>\d{1,2})\s+(?:al|hasta\s+el)\s+"
            r"(?P<day2>\d{1,2})\s+de\s+" + _M + _Y,
        ),
        (
            "part",
            r"\b(?:a|hacia)\s+(?P<part>principios|comienzos|inicios|mediados|finales|fines)"
            r"\s+de(?:l\s+mes\s+de)?\s+" + _M + _Y,
        ),
        ("date", r"\b(?P<day>\d{1,2}|primero)\s+de\s+" + _M + _Y),
        ("month", r"\b(?:durante\s+(?:el\s+mes\s+de\s+)?|en\s+(?:el\s+mes\s+de\s+)?)" + _M + _Y),
        ("year", r"\b(?:en|durante)\s+(?:el\s+ano\s+)?(?P<year>(?:19|20)\d{2})\b"),
    ),
    deadline_prefix=r"\b(?:para|hasta|antes\s+d)\s*(?:el|del|e)?\s*$",
    month_parts={
        "principios": (1, 10),
        "comienzos": (1, 10),
        "inicios": (1, 10),
        "mediados": (11, 20),
        "finales": (21, 0),
        "fines": (21, 0),
    },
    relative_times=(
        (r"\bmas\s+tarde\s+(?:ese\s+mismo\s+dia|durante\s+el\s+dia|ese\s+dia)\b", 0, 0, "same"),
        (
            r"\b(?:al|el)\s+dia\s+siguiente\b|\bun\s+dia\s+despues\b|\bal\s+otro\s+dia\b",
            1,
            1,
            "after",
        ),
        *(
            (r"\b" + _count(n) + r"\s+dias\s+(?:despues|mas\s+tarde)\b", n, n, "after")
            for n in range(2, 11)
        ),
        (r"\buna\s+semana\s+(?:despues|mas\s+tarde)\b", 7, 7, "shift"),
        (r"\bdos\s+semanas\s+(?:despues|mas\s+tarde)\b", 14, 14, "shift"),
        (r"\b(?:pocos|unos|algunos)\s+dias\s+(?:despues|mas\s+tarde)\b", 2, 7, "after"),
        (
            r"\b(?:ese|el|aquel)\s+mismo\s+dia\b|\bal\s+mismo\s+tiempo\b|\bmientras\s+tanto\b"
            r"|\bpara\s+este\s+momento\b|\ben\s+ese\s+momento\b|\bpoco\s+despues\b"
            r"|\bmas\s+tarde\b|\bposteriormente\b",
            0,
            0,
            "same",
        ),
        (r"\b(?:el|solo\s+el)\s+primer\s+dia\b", 0, 0, "first"),
    ),
    year_start=r"\bdesde\s+(?:el\s+comienzo|el\s+inicio|principios|comienzos)\s+del?\s+ano\b"
    r"|\ben\s+lo\s+que\s+va\s+del?\s+ano\b",
    number_qualifiers=(
        (r"\b(?:al|por\s+lo)\s+menos\s+(?:a\s+)?$|\bcomo\s+minimo\s+$", "min"),
        (r"\bmas\s+de\s+$", "more"),
        (r"\bmenos\s+de\s+$", "less"),
        (r"\bhasta\s+$|\bcomo\s+maximo\s+$", "max"),
        (r"\b(?:unos|unas|alrededor\s+de|cerca\s+de|aproximadamente|casi|aprox\.)\s+$", "about"),
    ),
    vague_quantities=(
        (r"\bdecenas\s+de\b", 20, 99),
        (r"\b(?:cientos|centenares)\s+de\b", 200, 999),
        (r"\bmiles\s+de\b", 2000, 9999),
        (r"\bdocenas\s+de\b", 24, 99),
    ),
    between=r"\bentre\s+(?P<a>\d[\d.,]*)\s+y\s+(?P<b>\d[\d.,]*)",
    person_nouns={
        "personas": "",
        "civiles": "civilians",
        "ninos": "children",
        "ninas": "children",
        "mujeres": "women",
        "hombres": "men",
        "rebeldes": "rebels",
        "insurgentes": "rebels",
        "combatientes": "fighters",
        "milicianos": "fighters",
        "soldados": "soldiers",
        "militares": "soldiers",
        "heridos": "wounded",
        "bajas": "",
        "cadaveres": "",
        "cuerpos": "",
        "victimas": "",
        "muertos": "",
        "prisioneros": "prisoners",
    },
    count_events=(
        (
            r"\bmat\w*\b|\bmuert[eo]s?\b|\bmuri\w*\b|\bmuerto\b|\bperecie\w*|\bfalleci\w*"
            r"|\bbajas\b|\ba\s+expensas\s+de\b|\ba\s+costa\s+de\b|\bcadaveres\b|\basesinad\w+"
            r"|\bejecutad\w+",
            "killed",
        ),
        (r"\bherid\w+", "wounded"),
        (r"\brindi\w+|\brendicion\b|\bentregaron\b", "surrendered"),
        (r"\bevacu\w+", "evacuated"),
    ),
    subcount_openers=r"\b(?:incluyendo|incluidos|incluidas|incluido|incluida|entre\s+ellos"
    r"|entre\s+ellas|de\s+los\s+cuales|de\s+las\s+cuales)\b",
    figure_phrases=r"\b(?:puso|pusieron|situo|situaron|cifro|cifraron|elevo|elevaron)\s+"
    r"(?:el\s+numero|la\s+cifra|el\s+total|el\s+balance)\s+en\s+$",
    casualty_groups={
        "bando leal": "loyalists",
        "fuerzas leales": "loyalists",
        "bando gubernamental": "loyalists",
        "ejercito": "soldiers",
        "rebeldes": "rebels",
        "bando rebelde": "rebels",
    },
    actors=_ACTORS,
    object_prepositions=(
        "de",
        "del",
        "a",
        "al",
        "contra",
        "por",
        "sobre",
        "con",
        "para",
        "en",
        "hacia",
        "tras",
        "entre",
    ),
    speech_verbs=_forms(
        "afirm",
        "inform",
        "anunci",
        "report",
        "confirm",
        "declar",
        "senal",  # señaló: patterns match folded text
        "indic",
        "asever",
        "denunci",
        "aleg",
        "reconoc",
        "admit",
        "agreg",
        "asegur",
        "sostuv",
        "nieg",
        "neg",
        "desment",
        "culp",
        "acus",
        # the verbs of wire copy: "precisó la fuente", "detalló el OSDH"
        "precis",
        "explic",
        "detall",
        "apunt",
        "subray",
        "comunic",
        "manifest",
        "destac",
        "expres",
    )
    + r"|\b(?:dijo|dijeron|decia|decian|dice|dicen|sostuvo|sostienen|añadio|anadio"
    r"|advirtio|advirtieron|advierte|advierten"
    r"|añadieron|anadieron|desmintio|desmintieron|admitio|reconocio|reconocieron"
    r"|afirmaban|aseguraban|considera\w*)\b"
    r"|\b(?:puso|pusieron|cifro|cifraron)\s+(?:el\s+numero|la\s+cifra|el\s+total)\b",
    speech_needs_que=r"\basegur\w+|\breconoc\w+|\bconsidera\w*",
    denial_verbs=r"\b(?:nego|negaron|negaba|negaban|niega|niegan|negamos|desmintio|desmintieron"
    r"|desmiente|rechazo|rechazaron)\b",
    doubt_verbs=r"\bpuest[oa]s?\s+en\s+duda\b|\bpus\w+\s+en\s+duda\b|\bcuestion\w+",
    unnamed_attribution=r"\bsegun\s+(?:los\s+|las\s+|algunos\s+|varios\s+)?(?:reportes|informes"
    r"|informaciones|fuentes)\b(?!\s+(?:de|del|rusas|opositoras|"
    r"progubernamentales|oficiales|locales))"
    r"|\bse\s+(?:reporto|informo|confirmo|afirmo|dijo|aseguro|anuncio|"
    r"senalo|afirma|informa|reporta|dice|cree|creia|penso)\b"
    r"|\bhubo\s+(?:reportes|informes)\b|\bse\s+ha\s+(?:informado|reportado)",
    according_to=r"\b(?:segun|de\s+acuerdo\s+(?:a|al|con|con\s+el|con\s+la)|citando\s+a)\b",
    previous_speaker=r"\b(?:el|dicho|este|ese)\s+(?:medio|diario|periodico|canal)\b"
    r"|\b(?:la|dicha|esta)\s+(?:agencia|cadena|fuente|milicia|organizacion)\b"
    r"|\b(?:el|dicho|este)\s+(?:grupo|movimiento)\b",
    gain_verbs=_GAIN,
    passive_gain=r"\b(?:(?:fue|fueron|ha\s+sido|han\s+sido|habia\s+sido|habian\s+sido|seria|serian"
    r"|habria\s+sido|habrian\s+sido|esta|estan|estaba|estaban)"
    r"\s+(?:tambien\s+|finalmente\s+|nuevamente\s+)?(?:re)?(?:captur|tom|liber|"
    r"asegur|conquist|recuper|ocup)ad[oa]s?\b"
    r"|(?:re)?(?:captur|tom|conquist|recuper|ocup)ad[oa]s?(?=\s+por\b))",
    nominal_gain=r"\b(?:la\s+)?[\"“”]?(?:re)?(?:captura|toma|conquista|liberacion|recuperacion)"
    r"[\"“”]?\s+(?:de\s+la|del|de)\b",
    nominal_loss=r"\b(?:la\s+)?(?:perdida|evacuacion)\s+(?:de\s+la|del|de)\b",
    nominal_withdrawal=r"\b(?:retirada|repliegue|salida)\s+(?:de\s+las|de\s+los|de\s+la|del|de)\b",
    loss_verbs=r"\b(?:perdi[oe]\w*|perdido|perder|cedi[oe]\w*)\b(?:\s+el\s+control\s+(?:de|del))?",
    fall_verbs=r"\b(?:cayo|cayeron|caido|caida|caer|cae|caen)\b(?!\s+(?:de|del)\b)"
    r"|\b(?:paso|pasaron|pasado|pasar|pasa|pasan|volvio|volvieron|regreso|regresaron)\b"
    r"(?=\s+a\s+(?:manos|poder|(?:el\s+)?control)\s+(?:de|del)\b)",
    fall_to=r"\s+(?:en|a)\s+(?:manos|poder|(?:el\s+)?control)\s+(?:de|del)\s+",
    nominal_fall=r"\b(?:la\s+)?caida\s+(?:de|del)\b",
    held_by=r"\b(?:bajo\s+(?:el\s+)?(?:poder|control|dominio)|en\s+manos|en\s+poder"
    r"|controlad[oa]s?)\s+"
    r"(?:de|del|de\s+las|de\s+los|por|por\s+el|por\s+la|por\s+los|por\s+las)\b",
    stronghold=r"\b(?:bastion|bastiones|feudo|feudos|reducto|reductos|capital(?:\s+de\s+facto)?)"
    r"\s+(?:urbano\s+)?(?P<side>\w+)",
    stronghold_sides={
        "rebelde": _OPP,
        "rebeldes": _OPP,
        "opositor": _OPP,
        "opositores": _OPP,
        "insurgente": _OPP,
        "insurgentes": _OPP,
        "gubernamental": _GOV,
        "gubernamentales": _GOV,
        "leal": _GOV,
        "leales": _GOV,
        "del": "",
        "yihadista": "isis",
    },
    advance_into=r"\b(?:avanz|penetr|irrump|ingres|entr)\w*\s+(?:aun\s+mas\s+|(?:el|este)\s+\w+\s+|ayer"
    r"\s+|hoy\s+)?(?:en|dentro\s+de)\b|\b(?:entr|ingres)\w*\s+(?:(?:el|este)\s+\w+\s+|ayer\s+|hoy\s+)?"
    r"a(?=\s+(?:la|las|los|el)\s)"
    r"|\b(?:alcanz\w+|lleg\w+\s+a)l?\s+(?=(?:el\s+)?centro\s+(?:de|del)\b)",
    advance_toward=r"\b(?:avanz\w*|se\s+acerc\w+|acercaban|acercandose|llegad[oa]s?|llegaron"
    r"|llego|marcharon|progres\w+)\s+(?:aun\s+mas\s+)?(?:hacia|hasta|a\s+las"
    r"\s+afueras\s+de|a)\b",
    attack_verbs=r"\b(?:bombarde|atac|asalt|ataque)\w*\b",
    attempt_markers=r"\b(?:cerca|a\s+punto)\s+de\s+$|\b(?:intent\w*|trat\w*|esperab\w*|buscab\w*|pretend\w*|procur\w*|"
    r"quer\w*|tem\w*)\s+(?:de\s+|por\s+)?(?:\w+\s+){0,2}$|\bintento\s+(?:de|por)\s+$"
    r"|\besforz\w*\s+(?:por|en)\s+(?:\w+\s+){0,1}$|\b(?:imp[ei]d\w*|evit\w*)\s+que\s+(?:\w+\s+){0,3}$"
    r"|\bde\s+ser\s+$|\bpara\s+$|\bpoder\s+$|\ba\s+(?=\w+r\b)$",
    partial_markers=r"\b(?:casi|practicamente)\s+(?:la\s+totalidad|todo|toda)\s+(?:de|del)\s+"
    r"|\b(?:(?:cerca\s+de|casi|mas\s+de|alrededor\s+de|al\s+menos|apenas|solo)\s+)?"
    # "más del 75 %": "de" and the article merged
    r"(?:(?:mas|menos|cerca|alrededor)\s+d(?=el\s+\d))?"
    r"(?:la\s+mayor\s+parte"
    r"|(?:una\s+)?(?:gran|buena|amplia|importante)\s+parte|parte|partes|la\s+mitad|un\s+tercio|dos\s+tercios|la\s+mayoria"
    r"|el\s+centro|(?:los\s+)?barrios\s+(?:orientales|occidentales|septentrionales|meridionales)"
    r"|(?:los\s+)?barrios\s+del\s+(?:norte|sur|este|oeste)(?:\s+y\s+(?:el\s+)?(?:norte|sur|este|oeste))?"
    r"|(?:la\s+)?(?:parte|zona|mitad)\s+(?:oriental|occidental|norte|sur|este|oeste)"
    r"|(?:el\s+)?(?P<pct>\d{1,3})\s*(?:%|por\s+ciento))\s+(?:de|del)\s+"
    r"(?:(?:los|las)\s+(?:barrios|distritos|sectores|zonas)\s+(?:de|del)\s+)?"
    r"|\b(?:(?:dos|tres|cuatro|cinco|seis|varios|\d+)\s+)(?:barrios|distritos|sectores)"
    r"\s+(?:de\s+la|del|de|en)\s+",
    uncertainty=r"\bno\s+(?:estaba|esta|estaban|quedaba|queda|era|es)\s+claro\s+quien\s+"
    r"(?:control\w+|tenia|tiene|domin\w+)"
    r"|\b(?:reportes|informes|noticias|versiones)\s+contradictori[oa]s\s+sobre"
    r"|\bse\s+desconoce\s+quien\s+control\w+",
    place_references=r"\b(?:la|dicha|esa|esta)\s+(?:zona|urbe|area|localidad|poblacion|"
    r"posicion|aldea|villa|ciudad)\b(?!\s+(?:de|del)\s)|\bla\s+misma\b|\bel\s+mismo\b"
    r"|area\b(?!\s+(?:de|del)\s)|\b(?:el|dicho|este|ese)\s+aeropuerto\b(?!\s+(?:de|del)\s)"
    r"|\b(?:dicho|ese|este)\s+(?:barrio|distrito|pueblo|lugar|sector)\b",
    event_references=r"^\s*(?:los|estos|dichos)\s+(?:combates|enfrentamientos)\b"
    r"|\b(?:los|estos|dichos)\s+(?:combates|enfrentamientos)\s+se\s+saldaron",
    common_places=(
        "zona industrial",
        "sector industrial",
        "complejo industrial",
        "ciudad vieja",
        "casco antiguo",
    ),
    facility_heads=(
        "aeropuerto",
        "aeropuerto militar",
        "aeropuerto internacional",
        "aerodromo",
        "base",
        "base aerea",
        "base militar",
        "sede",
        "sede central",
        "cuartel",
        "cuartel general",
        "puesto fronterizo",
        "puesto de frontera",
        "paso fronterizo",
        "presa",
        "represa",
        "refineria",
        "hospital",
        "carcel",
        "prision",
        "academia militar",
        "estadio",
        "campo de refugiados",
        "campamento",
    ),
    compass_words=(
        "norte",
        "sur",
        "este",
        "oeste",
        "noreste",
        "nordeste",
        "noroeste",
        "sureste",
        "sudeste",
        "suroeste",
        "sudoeste",
    ),
    name_connectors=("de la", "de los", "de las", "del", "de", "al", "el", "bin", "ibn"),
    not_places=frozenset(
        {
            "el",
            "la",
            "los",
            "las",
            "un",
            "una",
            "unos",
            "unas",
            "al",
            "del",
            "de",
            "en",
            "según",
            "segun",
            "tras",
            "durante",
            "para",
            "esto",
            "sin",
            "por",
            "con",
            "mientras",
            "ejército",
            "ejercito",
            "hezbolá",
            "fdn",
            "eiil",
            "ei",
            "isis",
            "esl",
            "ypg",
            "estado",
            "guardia",
            "fuerza",
            "gobierno",
            "osdh",
            "sohr",
            "no",
            "su",
            "sus",
            "este",
            "esta",
            "ese",
            "esa",
            "aun",
            "así",
            "también",
            "ya",
            "y",
            "e",
            "o",
            "islámico",
            "islamico",
            "rusia",
            "ucrania",
            "siria",
            "irak",
            "turquía",
            "turquia",
            "irán",
            "iran",
            "israel",
            "líbano",
            "libano",
            "jordania",
            "yemen",
            "sudán",
            "sudan",
            "libia",
            "estados",
            "eeuu",
            "bashar",
            "assad",
            "asad",
            "putin",
            "erdogan",
            "zelenski",
            "shoigu",
            "shoigú",
            "sirio",
            "kurdo",
            "kurda",
            "turco",
            "turca",
            "ruso",
            "rusa",
            "iraquí",
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
            # words that open a sentence before its subject: "Aún quedan ..."
            "aún",
            "ahora",
            "hoy",
            "ayer",
            "entonces",
            "luego",
            "después",
            "hasta",
            "desde",
            "gracias",
            # seas, rivers and gulfs: where a place is, never a place held
            "mediterráneo",
            "mediterraneo",
            "éufrates",
            "eufrates",
            "tigris",
            "nilo",
            "dniéper",
            "dnieper",
            "golfo",
            # nouns of an event that name a place after "de": "Control de X"
            "control",
            "batalla",
            "asedio",
            "caída",
            "liberación",
            *(m.capitalize() for m in _MONTHS),
            *_MONTHS,
        }
    ),
    list_stops=frozenset(
        {
            "a",
            "al",
            "en",
            "hacia",
            "hasta",
            "con",
            "por",
            "para",
            "sobre",
            "que",
            "y",
            "e",
            "o",
            "u",
            "como",
            "tras",
            "sin",
            "desde",
            "entre",
            "cerca",
            "contra",
            "según",
            "segun",
            "mientras",
            "donde",
            "cuando",
            "se",
            "no",
            "ni",
            "lo",
            "le",
            "les",
            "ya",
            "fue",
            "fueron",
            "era",
            "eran",
            "estaba",
            "estaban",
            "había",
            "habían",
            "habia",
            "habian",
            "dejando",
            "llegando",
            "poniendo",
            "asegurando",
            "así",
            "alrededor",
            "junto",
        }
    ),
    list_separators=r"\s*,\s*(?:y|e)\s+|\s*,?\s*asi\s+como(?:\s+tambien)?\s+|\s+(?:y|e)\s+"
    r"|\s*,?\s*como\s+|\s*,\s*",
    clause_breaks=r";|,?\s+mientras\s+que\b|,\s+al\s+tiempo\s+que\b|,?\s+sin\s+embargo,?"
    r"|,?\s+pero\b",
    massacre=r"\b(?:masacr\w+|matanza\w*|ejecuciones\s+sumarias)\b",
    alleged=r"\b(?:supuest[oa]s?|presunt[oa]s?)\s+$",
    no_bodies=r"\bno\s+(?:se\s+)?(?:encontr\w+|hall\w+|habia|hay|vieron)\s+(?:ningun\s+)?"
    r"(?:cadaveres|cuerpos|victimas|restos)\b",
    blame=r"\bculp\w+\s+(?:a\s+)?(?P<rest>.*)",
    behind=r"\b(?:estaba|estaban|esta|estan|estuvo|estuvieron)\s+detras\s+de\b",
    responsible_after=r"\bfueron\s+(?P<who>.+?)\s+l[oa]s\s+responsables\b"
    r"|\bfue\s+(?P<who1>.+?)\s+el\s+responsable\b",
    accusation=r"\b(?:la|las)\s+acusacion(?:es)?\s+(?:del|de\s+la|de\s+los|de)\s+",
    revision_later=r"\binicialmente\b|\ben\s+un\s+principio\b|\bmas\s+tarde\s+se\s+dijo\b",
    apposition=r"(?:al|a|cerca|en|junto|dentro|frente|justo)\s[^,]*,\s*(?=(?:y|e|asi\s+como|como)\s)",
    verb_like=r"\w+(?:aron|ieron|aba|aban|ando|iendo|ó|ió)$",
    passive_speech=r"\bse\s+$",
    person_roles=r",\s+(?:el\s+|la\s+|un\s+|una\s+)?(?:\w+\s+)?(?:portavoz|comandante|jefe|jefa|lider"
    r"|director|directora|responsable|ministro|ministra|miembro|activista|funcionario|oficial"
    r"|fundador|gobernador)\b",
    setting_references=r"\b(?:la|dicha|esta|esa)\s+ciudad\b(?!\s+(?:de|del)\s)",
    denied_reference=r"\blo\s+(?:nieg|neg|desmint|desmient)\w*",
    area_heads=frozenset(
        {"capital", "provincia", "region", "región", "gobernacion", "gobernación", "pais", "país"}
    ),
    reported_infinitive=r"\s+(?:haber|tener|estar|controlar|mantener)\b",
    relative_pronouns=r"(?:que|donde)",
    object_relatives=r"que",
    distance_before=r"\b(?:km|kilometros|kilómetros|millas|metros)\s+(?:al\s+)?$",
    hypothetical=r"\b(?:supondria|significaria|permitiria|podria|seria|sera|supondra|inminente"
    r"|se\s+espera|se\s+teme)\b",
    expel_verbs=r"\b(?:expuls|desaloj|ech|sac|arroj)\w*\s+(?:\w+mente\s+)?(?:a|al)\b"
    r"|\b(?:expulsad|desalojad)[oa]s?\b",
    passive_subject=r"\b(?:fue|fueron|ha\s+sido|han\s+sido|habia\s+sido|habian\s+sido|sido|siendo)"
    r"\s+(?:\w+\s+)?$",
    expel_from=r"(?:de|del)",
    repel_verbs=r"\b(?:repel|rechaz|contrarrest|frustr|resist|repel|neutraliz)\w*\s+"
    r"(?:\w+\s+){0,3}?(?:ataques?|ofensivas?|asaltos?|embestidas?|incursion\w*|avances?)\s+"
    r"(?:\w+\s+){0,4}?(?:contra|sobre|en|a)\b",
    withdraw_verbs=r"\b(?:se\s+)?(?:retir|repleg)\w*(?:se)?\s+(?:completamente\s+|totalmente\s+)?"
    r"(?=de\b|del\b)(?:de|del)\b|\b(?:huy\w+|escap\w+)\s+(?:de|del)\b"
    r"|\babandon\w+(?:\s+sus\s+posiciones\s+(?:en|de))?(?:\s+(?:de|del))?\b",
    hold_verbs=r"\b(?:control(?:a|an|aba|aban|aria|arian)|domin(?:a|an|aba|aban|o|aron))\b"
    r"|\b(?:mantien\w*|manten\w*|tien\w*|ten\w*|conserv\w+|ejerc\w+|retien\w*)\s+(?:el\s+)?"
    r"(?:pleno\s+|total\s+)?control\s+(?:total\s+)?(?:de|del|sobre)\b"
    # "los rebeldes resistían en X": the defenders still hold it
    r"|\bresist(?:e|en|ia|ian|ieron|io|iendo)\s+(?:todavia\s+|aun\s+)?en\b"
    r"|\batrincherad[oa]s?\s+en\b"
    r"|\b(?:tener|tiene|tienen|tenia|tenian|mantener|mantiene|mantienen)\s+bajo\s+(?:su\s+)?"
    r"(?:pleno\s+|total\s+)?control\b"
    # "tienen en su poder X": a hold, said the way EFE's desks say it
    r"|\b(?:tener|tiene|tienen|tenia|tenian|mantiene|mantienen|conserva|conservan)\s+en\s+su"
    r"\s+poder\b",
    held_adjective=r"(?!x)x",
    control_adjective=r"\b(?:bajo\s+(?:el\s+)?(?:control|dominio|poder)|en\s+(?:poder|manos))\s+"
    r"{holder}\b",
    holder_words=_HOLDERS,
    stronghold_possessive=r"\b(?:su|sus)\s+(?:(?:principal|ultimo|gran|mayor|ultimo\s+gran)\s+)?$",
    prevention=r"\b(?:imp[ei]d\w*|evit\w*)\s+que\s+(?:\w+\s+){0,3}$",
    description_apposition=r",\s+(?:el|la|los|las|un|una)\s+[^,]{3,120},\s+$",
    contested_where=r"\bdonde\s+(?:se\s+)?(?:libran|libraban|registran|registraban|continuan|siguen"
    r"|hay|habia|se\s+producen)\s+(?:\w+\s+){0,2}?(?:combates|enfrentamientos|choques)\b",
    object_fillers=r"(?:(?:ya|aun|todavia|ahora|actualmente|hoy|ayer|por\s+completo|totalmente"
    r"|completamente|plenamente|finalmente|tambien)\s+|(?:a|al)\s+(?:las\s+|los\s+)?(?:\w+\s+){1,3}?"
    r"(?=el\s+control\s+(?:de|del)\b))+",
    relative_location=r"\bal\s+(?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste|sudeste"
    r"|sudoeste)\s+(?:de|del)\s+$",
    plural_references=r"(?:(?:el\s+)?(?:control|dominio|mando)\s+(?:de|sobre)\s+)?\b(?:esas|estas|dichas|ambas)\s+(?:localidades|poblaciones|aldeas|ciudades|zonas)\b"
    r"|(?:(?:el\s+)?(?:control|dominio|mando)\s+(?:de|sobre)\s+)?\b(?:esos|estos|dichos|ambos)"
    r"\s+(?:pueblos|barrios|municipios|enclaves|distritos)\b"
    r"|(?:(?:el\s+)?(?:control|dominio|mando)\s+(?:de|sobre)\s+)?\b(?:esos|estos|dichos|ambos)\s+"
    r"(?:pueblos|barrios|distritos|lugares)\b",
    failed_expulsion=r"\b(?:en\s+vano|sin\s+exito|sin\s+lograr|infructuosamente)\s+(?:\w+\s+){0,2}?"
    r"(?:desaloj|expuls|sac|echar)\w*",
    share_of_actor=r"\b(?:la\s+mayor\s+parte|la\s+mayoria|parte|muchos|algunos|todos|cientos"
    r"|decenas|el\s+resto|los\s+ultimos)\s+(?:de(?:\s+(?:los|las|sus))?|del)\s+$",
    claim_nouns=r"\b(?:afirmaci\w+|declaraci\w+|informaci\w+|anuncios?|version(?:es)?)"
    r"\s+(?:\w+\s+){0,2}?(?:de\s+que|segun\s+(?:la|las)\s+cuales?)\s+",
    enemy_words=r"\b(?:el\s+)?(?:enemigo|fuerzas\s+enemigas|tropas\s+enemigas|ocupantes?)\s+$",
    falsity=r"\b(?:esto|eso|ello)\s+(?:no\s+es\s+(?:cierto|verdad)|es\s+falso|es\s+mentira)\b"
    r"|\bno\s+(?:se\s+)?correspond\w+\s+con\s+la\s+realidad\b"
    # "los informes eran falsos", "esa afirmación no es cierta": lo dicho, por su nombre
    r"|\b(?:informes?|informaciones?|noticias?|reportes?|afirmaci\w+|declaraci\w+|version(?:es)?"
    r"|anuncios?)\s+(?:\w+\s+){0,2}?(?:(?:es|son|era|eran|fue|fueron)\s+"
    r"(?:(?:totalmente|completamente)\s+)?(?:falsos?|falsas?|infundad[oa]s?|mentira)"
    r"|no\s+(?:es|son|era|eran)\s+(?:ciert[oa]s?|verdad)|carec\w+\s+de\s+fundamento)\b",
    contested=r"\b(?:sigue|seguia|siguen|permanece|continua|esta|estaba)\s+(?:siendo\s+)?"
    r"(?:en\s+disputa|disputad[oa]|dividid[oa]|fluid[oa]\s+y\s+disputad[oa])\b"
    r"|\bse\s+(?:disputa|disputan|disputaba|disputaban)\b",
    presence=r"\b(?:sigue|siguen|seguia|seguian|permanece|permanecen|permanecia|permanecian)\s+"
    r"(?:atrincherad[oa]s?\s+|desplegad[oa]s?\s+)?(?:dentro\s+de|en)\b"
    r"(?!\s+(?:manos|poder|disputa|control|pie|combate|guerra|alerta|pie))"
    r"|\b(?:atrincherad[oa]s?|desplegad[oa]s?|apostad[oa]s?)\s+(?:dentro\s+de|en)\b"
    r"|\bpatrull(?:a|an|aba|aban|aron|ando|ar)\b"
    r"|\bya\s+(?:estan|estaban)\s+en\b|\b(?:estan|estaban)\s+ya\s+en\b",
    remnants=r"\bqued(?:an|aban|a|aba)\s+(?:\w+\s+){0,2}?(?:reductos|focos|bolsas|grupos"
    r"|celulas|combatientes|milicianos|efectivos)\s+(?:\w+\s+){0,2}?(?:de|del)\b",
    divided_between=r"\b(?:se\s+)?divid(?:e|en|ia|ian|io|ieron|ida|idas|ido|idos)\s+"
    r"(?:\w+\s+){0,2}?entre\b",
    contested_after=r"\b(?:los\s+)?(?:combates|enfrentamientos|choques)\s+(?:\w+\s+){0,2}?"
    r"(?:contin\w+|segu\w+|persist\w+|prosigu\w+)\s+(?:en|dentro\s+de)\b"
    r"|\bluchan?\s+(?:\w+\s+){0,4}?por\s+el\s+control\s+(?:de|del)\b"
    r"|\b(?:contin\w+|prosigu\w+|persist\w+|sigu\w+)\s+(?:los\s+)?(?:combates|enfrentamientos|choques)"
    r"\s+(?:\w+\s+){0,2}?(?:en|dentro\s+de)\b"
    r"|\b(?:quedan|persisten|hay|resisten)\s+(?:\w+\s+){0,2}?focos\s+de\s+resistencia\s+"
    r"(?:\w+\s+){0,4}?en\b",
    negation=r"\b(?:rechaz\w+|neg(?:o|aron|amos|ando|aba|aban)|niega\w*|desmint\w+|desmient\w+)\s+"
    r"(?:\w+\s+){0,3}$|\b(?:no|nunca|jamas)\s+(?:(?:se|lo|la|han|ha|habia|habian|hayan|haya|habrian|aun"
    r"|ha\s+sido|han\s+sido|fue|fueron)\s+){0,2}$",
    achieved=r"\b(?:logr\w+|consigu\w+|dijeron|dijo|afirm\w+|asegur\w+|aleg\w+|reivindic\w+)"
    r"\s+(?:haber\s+)?$|\bhaber\s+$",
    channel=r"\b(?:dijo|declaro|afirmo|aseguro|explico|indico|informo|confirmo|senalo)\s+a\s+"
    r"|\bcitad[oa]s?\s+por\b|\ba\s+la\s+agencia\b|\ben\s+declaraciones\s+a\b",
    pronoun_subjects=r"\b(?:nuestras\s+(?:fuerzas|tropas|unidades)|sus\s+(?:fuerzas|tropas|unidades"
    r"|combatientes|hombres|milicianos)"
    r"|hemos|habiamos)\s+(?:\w+\s+){0,2}$|\bque\s+(?:ya\s+)?(?:habia|habian|ha|han)?\s*$",
    control_phrase=r"(?:el\s+)?(?:control|dominio|mando)\s+(?:total\s+|pleno\s+|absoluto\s+)?"
    r"(?:del|de|sobre)\s+",
    flag_raised=r"\b(?:iz\w+|enarbol\w+|coloc\w+|alz\w+|plant\w+)\s+(?:la|su|una)\s+"
    r"bandera\s+(?P<side>\w+\s+)?(?:\w+\s+){0,3}?(?:en|sobre)\b"
    r"|\b(?:la|una)\s+bandera\s+(?P<side2>\w+\s+)?(?:\w+\s+){0,2}?(?:ondea|ondeaba|ondeo|fue\s+izada"
    r"|ha\s+sido\s+izada)\s+(?:de\s+nuevo\s+)?(?:en|sobre)\b",
    flag_sides={
        "siria": "government",
        "iraqui": "government",
        "del": "",
        "kurda": "kurdish",
        "negra": "isis",
        "rebelde": "opposition",
        "opositora": "opposition",
        "turca": "opposition",
    },
    generic_actors={
        "yihadistas": ("isis", _OPP),
        "los yihadistas": ("isis", _OPP),
        "extremistas": ("isis", _OPP),
        "islamistas": ("isis", _OPP),
        "terroristas": ("isis", _OPP),
        "milicianos": ("isis", _OPP),
        "radicales": ("isis", _OPP),
        "los radicales": ("isis", _OPP),
        "el grupo": ("isis",),
        "la organizacion": ("isis",),
        "el grupo yihadista": ("isis",),
        "la organizacion yihadista": ("isis",),
    },
    generic_armed_words=frozenset(
        {
            "ejercito",
            "soldados",
            "militares",
            "tropas",
            "gobierno",
            "regimen",
            "fuerza aerea",
            "fuerzas gubernamentales",
            "tropas gubernamentales",
            "fuerzas del gobierno",
            "tropas del gobierno",
            "bando gubernamental",
            "fuerzas leales",
            "tropas leales",
            "fuerzas oficialistas",
            "rebeldes",
            "insurgentes",
            "oposicion",
            "opositores",
            "facciones",
        }
    ),
    stopwords=frozenset(
        {
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "que",
            "y",
            "en",
            "un",
            "una",
            "por",
            "con",
            "para",
            "se",
            "su",
            "al",
            "es",
            "fue",
            "segun",
            "como",
            "mas",
            "pero",
            "sus",
            "este",
            "tras",
            "entre",
            "ha",
            "han",
            "sido",
        }
    ),
    list_heads=r"\s*(?:(?:el\s+)?(?:control|dominio|mando)\s+(?:de|del)\s+)?(?:las\s+|los\s+)?"
    r"(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+\w+\s*[,:\-–—]\s*",
    weekdays=_WEEKDAYS,
    doc_relative_times=_DOC_RELATIVE,
    month_abbreviations=_MONTH_ABBREVIATIONS,
    date_connectors=("de", "del"),
)
