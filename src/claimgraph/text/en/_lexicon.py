"""English lexicons and patterns. All patterns match folded text (lower case, no accents)."""

from __future__ import annotations

from .._pack import Actor, LanguagePack
from ._time_lexicon import TIME_FIELDS

__all__ = ["PACK"]

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "thousand": 1000,
}


def _verb(*forms: str) -> str:
    """Alternatives of whole words."""
    return r"\b(?:" + "|".join(forms) + r")\b"


def _regular(*stems: str) -> str:
    """Regular verb forms: stem, -s, -ed, -ing (stems given without a final e)."""
    return r"\b(?:" + "|".join(stems) + r")(?:e|es|ed|ing|s)?\b"


_GOV = "government"
_OPP = "opposition"
_ISIS = "isis"
_KURD = "kurdish"

_ACTORS = (
    Actor(
        "Syrian government forces",
        _GOV,
        (
            "army",
            "syrian army",
            "syrian arab army",
            "the military",
            "syrian military",
            "syrian troops",
            "syrian forces",
            "syrian government forces",
            "syrian government troops",
            "government forces",
            "government troops",
            "government soldiers",
            "pro-government forces",
            "pro-government fighters",
            "pro-government militias",
            "pro-regime forces",
            "regime forces",
            "regime troops",
            "regime",
            "loyalist forces",
            "loyalists",
            "assad's forces",
            "assad forces",
            "forces loyal to president bashar al-assad",
            "forces loyal to assad",
            "troops loyal to assad",
            "syrian government",
            "government",
            "damascus",
            "troops",
            "soldiers",
            "tiger forces",
            "syrian and russian forces",
            "russian-backed forces",
            "russian-backed syrian forces",
            "syrian army troops",
            "syria's military",
            "syria's army",
            "syrian govt",
            "govt forces",
            "govt",
            "regime and allied fighters",
            "syrian regime",
            "army and allied fighters",
        ),
    ),
    Actor(
        "National Defence Forces",
        _GOV,
        ("ndf", "national defence forces", "national defense forces"),
    ),
    Actor("Hezbollah", _GOV, ("hezbollah", "hizbollah", "hezbollah fighters")),
    Actor("Republican Guard", _GOV, ("republican guard",)),
    Actor(
        "pro-government militias",
        _GOV,
        (
            "iranian-backed militias",
            "iran-backed militias",
            "shiite militias",
            "shi'ite militias",
            "allied militias",
            "popular mobilisation forces",
            "popular mobilization forces",
            "popular mobilization units",
            "pmf",
            "hashed al-shaabi",
            "hashd shaabi",
            "hashd al-shaabi",
            "hashd shaabi units",
            "paramilitary hashd shaabi units",
        ),
    ),
    Actor(
        "Russian forces in Syria",
        _GOV,
        ("russian forces", "russian troops", "russian special forces"),
    ),
    Actor(
        "Iraqi government forces",
        _GOV,
        (
            "iraqi forces",
            "iraqi army",
            "iraqi troops",
            "iraqi security forces",
            "iraqi soldiers",
            "iraqi government forces",
            "counter-terrorism service",
            "counterterrorism service",
            "golden division",
            "iraqi special forces",
            "iraqi military",
        ),
    ),
    Actor(
        "rebels",
        _OPP,
        (
            "rebels",
            "rebel fighters",
            "rebel forces",
            "rebel groups",
            "insurgents",
            "opposition fighters",
            "opposition forces",
            "opposition groups",
            "armed opposition",
            "opposition",
            "islamist rebels",
            "syrian rebels",
            "moderate rebels",
        ),
    ),
    Actor("Free Syrian Army", _OPP, ("fsa", "free syrian army")),
    Actor(
        "Jabhat Fateh al-Sham",
        _OPP,
        (
            "nusra front",
            "al-nusra front",
            "al nusra front",
            "al-nusra",
            "jabhat al-nusra",
            "nusra",
            "fateh al-sham",
            "jabhat fateh al-sham",
            "jabhat fatah al-sham",
            "hayat tahrir al-sham",
            "hayat tahrir al sham",
            "tahrir al-sham",
            "hts",
        ),
    ),
    Actor("Ahrar al-Sham", _OPP, ("ahrar al-sham",)),
    Actor("Jaish al-Islam", _OPP, ("jaish al-islam", "army of islam")),
    Actor(
        "Turkish-backed factions",
        _OPP,
        (
            "turkish-backed rebels",
            "turkey-backed rebels",
            "turkish-backed fighters",
            "turkey-backed fighters",
            "turkish-backed factions",
            "turkish-backed forces",
            "turkey-backed forces",
            "turkish-backed syrian rebels",
            "syrian national army",
            "turkish forces",
            "turkish troops",
            "turkish army",
            "turkish military",
            "turkey",
            "turkey-backed militants",
            "turkish-backed militants",
            "turkey-backed syrian rebels",
            "turkish-backed syrian fighters",
            "factions",
            "rebel factions",
            "opposition factions",
            "turkish-backed factions",
            "turkey-backed factions",
            "turkish-led forces",
            "turkish-led troops",
            "turkish-led fighters",
        ),
    ),
    Actor(
        "ISIS",
        _ISIS,
        (
            "islamic state",
            "islamic state group",
            "islamic state fighters",
            "islamic state militants",
            "islamic state jihadists",
            "is",
            "isis",
            "isil",
            "daesh",
            "daish",
            "is fighters",
            "is militants",
            "isis fighters",
            "isis militants",
            "isil fighters",
            "isil militants",
        ),
    ),
    Actor(
        "Kurdish forces",
        _KURD,
        (
            "kurdish forces",
            "kurdish fighters",
            "kurdish militia",
            "kurdish militias",
            "kurdish-led forces",
            "kurdish-led fighters",
            "kurdish-led syrian democratic forces",
            "kurds",
            "ypg",
            "ypj",
            "sdf",
            "syrian democratic forces",
            "us-backed forces",
            "u.s.-backed forces",
            "us-backed syrian democratic forces",
            "u.s.-backed syrian democratic forces",
            "peshmerga",
            "peshmerga forces",
            "kurdish peshmerga",
            "people's protection units",
        ),
    ),
)

# Phrases before single verbs: the first alternative that matches at a place wins.
_GAIN = (
    r"\b(?:took|take|takes|taken|taking)\s+over\b"
    r"|\b(?:regained|regain|regains|regaining|gained|gains|gaining|wrested|wrest|wresting)"
    r"\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)\b"
    r"|\b(?:took|take|takes|taken|taking|seized|seize|seizes|seizing|retook|retaken|wins|won)"
    r"\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)\b"
    r"|\b(?:pushed|drove|swept|moved|marched|stormed|advanced|broke|rolled)\s+into\b"
    r"(?=.{0,80}\b(?:and\s+took|and\s+seized|and\s+captured|taking\s+control))"
    r"|\b(?:stormed|storm|storms|storming)\b(?=.{0,60}\band\s+(?:took|seized|captured))|"
    + _verb(
        "took",
        "take",
        "takes",
        "taken",
        "taking",
        "retook",
        "retake",
        "retakes",
        "retaken",
        "retaking",
        "seize",
        "seized",
        "seizes",
        "seizing",
        "overran",
        "overrun",
        "overruns",
        "overrunning",
        "won",
        "win",
        "wins",
        "winning",
        "regained",
        "regains",
        "regaining",
    )
    # "established / restored control over X"
    + r"|\b(?:established|establish|establishes|restored|restore|restores|asserted)"
    r"\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)\b"
    + "|"
    + _regular("captur", "recaptur", "liberat", "secur", "occup", "reoccup")
    + "|"
    + _verb("freed", "frees", "freeing")
)

_HOLDERS = {
    "rebel": _OPP,
    "opposition": _OPP,
    "insurgent": _OPP,
    "government": _GOV,
    "regime": _GOV,
    "army": _GOV,
    "loyalist": _GOV,
    "is": _ISIS,
    "isis": _ISIS,
    "isil": _ISIS,
    "islamic state": _ISIS,
    "jihadist": _ISIS,
    "militant": _ISIS,
    "daesh": _ISIS,
    "kurdish": _KURD,
    "ypg": _KURD,
    "sdf": _KURD,
    "kurdish-led": _KURD,
}

_STOPWORDS = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "was",
        "that",
        "for",
        "on",
        "with",
        "by",
        "as",
        "were",
        "said",
        "from",
        "have",
        "has",
        "had",
        "which",
        "after",
        "this",
        "its",
        "their",
        "they",
        "it",
        "at",
        "been",
        "who",
    }
)

PACK = LanguagePack(
    lang="en",
    number_words=_NUMBER_WORDS,
    **TIME_FIELDS,  # type: ignore[arg-type]
    number_qualifiers=(
        (r"\bat\s+least\s+$|\ba\s+minimum\s+of\s+$|\bno\s+fewer\s+than\s+$", "min"),
        (r"\b(?:more|greater)\s+than\s+$|\bover\s+$", "more"),
        (r"\b(?:less|fewer)\s+than\s+$", "less"),
        (r"\bup\s+to\s+$|\bat\s+most\s+$", "max"),
        (
            r"\b(?:about|around|some|nearly|almost|approximately|roughly|an\s+estimated)\s+$",
            "about",
        ),
    ),
    vague_quantities=(
        (r"\bdozens\s+of\b", 24, 99),
        (r"\bscores\s+of\b", 40, 99),
        (r"\bhundreds\s+of\b", 200, 999),
        (r"\bthousands\s+of\b", 2000, 9999),
    ),
    between=r"\bbetween\s+(?P<a>\d[\d.,]*)\s+and\s+(?P<b>\d[\d.,]*)",
    person_nouns={
        "people": "",
        "persons": "",
        "civilians": "civilians",
        "children": "children",
        "women": "women",
        "men": "men",
        "rebels": "rebels",
        "insurgents": "rebels",
        "fighters": "fighters",
        "militants": "fighters",
        "jihadists": "fighters",
        "soldiers": "soldiers",
        "troops": "soldiers",
        "members": "",
        "bodies": "",
        "victims": "",
        "dead": "",
        "prisoners": "prisoners",
        "residents": "civilians",
    },
    count_events=(
        (
            r"\bkill\w*|\bdead\b|\bdied\b|\bdeaths?\b|\bdeath\s+toll\b|\bexecut\w+|\bslain\b"
            r"|\bmassacred\b|\blost\s+their\s+lives\b|\bbodies\b",
            "killed",
        ),
        (r"\bwound\w*|\binjur\w+", "wounded"),
        (r"\bsurrender\w*", "surrendered"),
        (r"\bevacuat\w+", "evacuated"),
    ),
    subcount_openers=r"\b(?:including|among\s+them|of\s+whom|of\s+which)\b",
    figure_phrases=r"\b(?:put|puts|putting|raised|raises|estimated|estimates)\s+(?:the\s+)?"
    r"(?:death\s+toll|toll|number|figure|total)\s+at\s+$",
    casualty_groups={
        "government forces": "loyalists",
        "pro-government forces": "loyalists",
        "army": "soldiers",
        "rebels": "rebels",
    },
    actors=_ACTORS,
    object_prepositions=(
        "of",
        "to",
        "against",
        "by",
        "on",
        "with",
        "for",
        "in",
        "into",
        "toward",
        "towards",
        "from",
        "at",
        "between",
        "over",
        "near",
        "inside",
        "behind",
    ),
    speech_verbs=_verb(
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "reported",
        "reports",
        "reporting",
        "announced",
        "announces",
        "announcing",
        "confirmed",
        "confirms",
        "confirming",
        "declared",
        "declares",
        "claimed",
        "announce",
        "claims",
        "claiming",
        "stated",
        "states",
        "added",
        "adds",
        "denied",
        "denies",
        "denying",
        "refuted",
        "refutes",
        "rejected",
        "dismissed",
        "insisted",
        "insists",
        "acknowledged",
        "admitted",
        "admits",
        "asserted",
        "wrote",
        "tweeted",
        "posted",
        "quoted",
        "cited",
        "showed",
        "shows",
        "broadcast",
        "indicated",
        "noted",
        "explained",
        "stressed",
        "warned",
        "specified",
    )
    + r"|\b(?:put|puts|putting|placed|raised|estimated)\s+(?:the\s+)?(?:death\s+)?(?:toll|number"
    r"|figure)\b",
    passive_speech=r"\b(?:is|are|was|were|been|being)\s+$",
    person_roles=r",\s+(?:a|an|the)\s+(?:\w+\s+)?(?:spokesman|spokeswoman|spokesperson|commander"
    r"|head|chief|leader|director|official|minister|member|officer|activist|founder|governor)\b",
    speech_needs_que=r"\b(?:showed|shows|indicated|insisted|insists)\b",
    denial_verbs=_verb(
        "denied",
        "denies",
        "deny",
        "denying",
        "rejected",
        "rejects",
        "dismissed",
        "refuted",
        "refutes",
    ),
    doubt_verbs=r"\b(?:questioned|cast\s+doubt\s+on|disputed)\b",
    unnamed_attribution=r"\b(?:is|are|was|were)\s+(?:reported|said|believed|thought)\s+to\s+have\b"
    r"|\baccording\s+to\s+(?:unconfirmed\s+|local\s+|media\s+)?(?:reports"
    r"|sources|accounts)\b(?!\s+(?:from|in|close|of))"
    r"|\b(?:it\s+was|it\s+has\s+been|it\s+is)\s+(?:reported|claimed|said)\b"
    r"|\breportedly\b|\breports\s+said\b|\breports\s+suggested\b",
    according_to=r"\b(?:according\s+to|citing|quoting|as\s+reported\s+by|in\s+the\s+words\s+of)\b",
    previous_speaker=r"\b(?:the|that|this)\s+(?:monitor|monitoring\s+group|agency|outlet"
    r"|broadcaster|network|channel|group|militia|movement|organi[sz]ation|statement|newspaper)\b",
    gain_verbs=_GAIN,
    passive_gain=r"\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are|being|been|got)"
    r"\s+(?:\w+\s+)?(?:captured|recaptured|seized|taken|retaken|overrun|liberated|stormed"
    r"|occupied|secured)\b",
    nominal_gain=r"\b(?:the\s+)?[\"“”]?(?:capture|recapture|seizure|liberation|takeover|retaking"
    r"|conquest)[\"“”]?\s+of\b",
    nominal_loss=r"\b(?:the\s+)?(?:loss|abandonment|evacuation)\s+of\b",
    nominal_withdrawal=r"\b(?:withdrawal|pullout|pull-out|retreat)\s+of\b",
    withdrawal_from=r"(?:from|out\s+of)",
    loss_verbs=_verb(
        "lost", "lose", "loses", "losing", "relinquished", "relinquish", "ceded", "cede", "cedes"
    )
    + r"(?:\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over))?",
    fall_verbs=_verb("fell", "fall", "falls", "fallen", "falling") + r"(?!\s+of\b)",
    nominal_fall=r"\b(?:the\s+)?fall\s+of\b",
    held_by=r"\b(?:under\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+)?control|in\s+the\s+hands"
    r"|(?:controlled|held|dominated|run|occupied)\s+by|(?:in\s+the\s+)?grip)\s+(?:of|by)?\b",
    stronghold=r"(?<!former\s)(?<!one-time\s)(?<!once\s)\b(?P<side>[\w-]{1,40}?)(?:-held|'s|’s)?\s+"
    r"(?:(?:most|main|last|key|largest|biggest|remaining|significant|important|major|main"
    r"|de\s+facto)\s+){0,3}(?:stronghold|strongholds|bastion|bastions|bulwark|enclave"
    r"|capital)\b",
    stronghold_sides={
        "state": _ISIS,
        "daesh": _ISIS,
        "isil": _ISIS,
        "militant": _ISIS,
        "insurgent": _OPP,
        "kurdish-held": _KURD,
        "sdf": _KURD,
        "ypg": _KURD,
        "rebel": _OPP,
        "rebels": _OPP,
        "opposition": _OPP,
        "government": _GOV,
        "regime": _GOV,
        "loyalist": _GOV,
        "jihadist": _ISIS,
        "islamic": _ISIS,
        "is": _ISIS,
        "isis": _ISIS,
        "kurdish": _KURD,
    },
    advance_into=r"\b(?:advanced|advancing|advance|pushed|pushing|pushes|moved|moving|broke"
    r"|breaking|entered|enters|entering|enter|stormed|storming|penetrated|swept|sweeping"
    r"|rolled|streamed|poured|rushed|surged)\s+(?:deeper\s+|further\s+)?(?:into|inside)\b"
    r"|\b(?:entered|enters|entering)\b",
    advance_toward=r"\b(?:advanced|advancing|advance|advances|pushed|pushing|moved|moving|closed"
    r"|closing|marched|marching|edged|edging|converged|converging)\s+(?:\w+\s+)?(?:toward"
    r"|towards|on|to\s+the\s+outskirts\s+of|closer\s+to|near)\b|\b(?:besieged|besieging|"
    r"encircled|surrounded|encircling|surrounding)\b",
    attack_verbs=r"\b(?:shell|bomb|attack|assault|strik|struck|pound|hit|target)\w*\b",
    attempt_markers=r"\b(?:try|tries|tried|trying|attempt\w*|seek\w*|sought|aim\w*|bid|battle"
    r"|fight|push|offensive|campaign|plan\w*|hop\w*|want\w*|vow\w*|threaten\w*|prepar\w*|bid)"
    r"\s+(?:\w+\s+){0,2}?to\s+(?:\w+\s+)?$|\b(?:close|poised|about)\s+to\s+$|\bto\s+$|\b(?:would|could|may|might|will|shall"
    r"|can)\s+(?:\w+\s+)?$|\bfailed\s+to\s+$"
    r"|\b(?:keep|keeps|kept|keeping|prevent\w*|stop|stops|stopped|stopping)\s+(?:[\w']+\s+){0,3}?"
    r"from\s+$",
    partial_markers=r"\b(?:almost|nearly|virtually|practically)\s+(?:all|the\s+whole|the\s+entire)"
    r"(?:\s+(?:city|town|village))?\s+(?:of\s+)?(?:the\s+)?"
    r"|\b(?:(?:about|around|nearly|almost|roughly|more\s+than|over|some)\s+)?"
    r"(?:most|much|part|parts|large\s+parts|swathes|swaths|a\s+third|one-third|two-thirds"
    r"|one\s+third|two\s+thirds|a\s+quarter|half|the\s+majority|the\s+center|the\s+centre"
    r"|the\s+(?:eastern|western|northern|southern)\s+(?:part|parts|districts|half|side)"
    r"|(?P<pct>\d{1,3})\s*(?:%|percent|per\s+cent))\s+of\s+"
    r"|\b(?:(?:two|three|four|five|six|seven|\d+|several|more|further|new|key|the)\s+){0,2}"
    r"(?:districts|neighbou?rhoods|quarters|areas|parts|sections|villages|positions|pockets)"
    r"\s+(?:in|of)\s+"
    r"(?:the\s+)?",
    uncertainty=r"\bit\s+(?:was|is|remains|remained)\s+(?:not\s+(?:immediately\s+|yet\s+)?|un)clear"
    r"\s+who\s+(?:control\w*|held|holds)"
    r"|\b(?:conflicting|contradictory)\s+(?:reports|accounts|claims)\s+(?:about|on|over)",
    place_references=r"\bit\b(?!\s*(?:was|is|has|had|would|will|'s))|\bthe\s+(?:[a-z]+-?[a-z]+\s+){0,2}?(?:town|city|village|site|settlement|locality|area|district|neighbourhood|neighborhood"
    r"|base|airport|airbase|facility|town's|city's)\b(?!\s+of\s)|\bthe\s+strategic\s+(?:town|city)\b"
    r"(?!\s+of\s)",
    event_references=r"^\s*(?:the|these)\s+(?:clashes|fighting|battles)\b",
    common_places=("old city", "industrial zone", "industrial city", "citadel"),
    facility_heads=(
        "airport",
        "military airport",
        "air base",
        "airbase",
        "headquarters",
        "border crossing",
        "dam",
        "refinery",
        "prison",
        "military academy",
    ),
    compass_words=(
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    ),
    name_connectors=("al", "el", "ad", "as", "ash", "ar", "az", "bin", "ibn", "of", "de"),
    not_places=frozenset(
        {
            # seas, rivers and gulfs: where a place is, never a place held
            "mediterranean",
            "euphrates",
            "tigris",
            "nile",
            "dnieper",
            "caspian",
            "gulf",
            # nouns of an event that name a place after "of": "Control of X"
            "control",
            "battle",
            "siege",
            "fall",
            "capture",
            "liberation",
            # words that open a sentence before its subject: "Until then, X was ..."
            "until",
            "then",
            "thanks",
            "since",
            "today",
            "yesterday",
            "now",
            "still",
            "earlier",
            "later",
            "the",
            "a",
            "an",
            "in",
            "on",
            "at",
            "by",
            "for",
            "from",
            "with",
            "after",
            "before",
            "during",
            "according",
            "syrian",
            "syria's",
            "kurdish",
            "russian",
            "turkish",
            "iraqi",
            "iranian",
            "lebanese",
            "american",
            "us",
            "u.s.",
            "islamic",
            "state",
            "is",
            "isis",
            "isil",
            "army",
            "observatory",
            "government",
            "rebels",
            "president",
            "minister",
            "he",
            "she",
            "they",
            "it",
            "we",
            "this",
            "that",
            "these",
            "those",
            "but",
            "and",
            "or",
            "meanwhile",
            "however",
            "reuters",
            "afp",
            "ap",
            "sana",
            "sohr",
            "sdf",
            "ypg",
            "fsa",
            "nusra",
            "hezbollah",
            "daesh",
            "amaq",
            "pentagon",
            "coalition",
            "western",
            "arab",
            "united",
            "nations",
            "un",
            "european",
            "britain-based",
            "kurds",
            "if",
            "when",
            "while",
            "as",
            "there",
            "his",
            "her",
            "its",
            "their",
            "our",
            "no",
            "not",
            "so",
            "also",
            "unesco",
            "roman",
            "shiite",
            "sunni",
            "jihadist",
            "jihadists",
            "islamist",
            "islamists",
            "russia",
            "ukraine",
            "syria",
            "iraq",
            "turkey",
            "iran",
            "israel",
            "lebanon",
            "jordan",
            "yemen",
            "sudan",
            "libya",
            "bashar",
            "assad",
            "putin",
            "erdogan",
            "zelensky",
            "shoigu",
            "mr",
            "gen",
            "col",
            "maj",
            *(str(m) for m in TIME_FIELDS["months"]),  # type: ignore[attr-defined]
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        }
    ),
    list_stops=frozenset(
        {
            "to",
            "in",
            "on",
            "at",
            "toward",
            "towards",
            "with",
            "by",
            "for",
            "that",
            "and",
            "or",
            "as",
            "after",
            "without",
            "from",
            "between",
            "near",
            "against",
            "while",
            "where",
            "when",
            "which",
            "who",
            "not",
            "no",
            "was",
            "were",
            "is",
            "are",
            "had",
            "has",
            "have",
            "been",
            "it",
            "they",
            "leaving",
            "around",
            "outside",
            "inside",
            "into",
            "over",
            "last",
            "this",
            "its",
            "their",
        }
    ),
    list_separators=r"\s*,\s*(?:and|as\s+well\s+as)\s+|\s*,?\s*as\s+well\s+as\s+|\s+and\s+"
    r"|\s*,\s*",
    clause_breaks=r";|,?\s+while\b|,?\s+whereas\b|,\s+but\b|,?\s+however,?|,\s+although\b",
    massacre=r"\b(?:massacres?|mass\s+killings?|summary\s+executions)\b",
    alleged=r"\b(?:alleged|reported|suspected|purported)\s+$",
    no_bodies=r"\bno\s+(?:bodies|corpses|victims|remains)\s+(?:were|had\s+been)\s+found\b",
    blame=r"\bblam\w+\s+(?P<rest>.*)",
    behind=r"\b(?:was|were|is|are)\s+behind\b",
    responsible_after=r"\b(?P<who>\w+(?:\s+\w+){0,3})\s+(?:was|were)\s+responsible\b"
    r"|\b(?P<who1>\w+(?:\s+\w+){0,3})\s+(?:is|are)\s+responsible\b",
    accusation=r"\b(?:the\s+)?(?:accusations?|allegations?|claims?)\s+(?:by|of|from)\s+(?:the\s+)?",
    revision_later=r"\binitially\b|\bat\s+first\b|\blater\s+said\b",
    apposition=r"(?:north|south|east|west|near|in|outside|an?|the)\s[^,]{0,80},\s*"
    r"(?=(?:and|as\s+well\s+as)\s)",
    verb_like=r"\w+(?:ed|ing)$",
    list_heads=r"\s*(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+"
    r"(?:other\s+|more\s+|small\s+|key\s+|nearby\s+)?\w+\s*"
    r"(?:[,:]|\s[–—-])\s*",
    expel_verbs=_verb(
        "expelled",
        "expel",
        "expels",
        "expelling",
        "ousted",
        "oust",
        "ousts",
        "evicted",
        "evict",
        "drove",
        "driven",
        "drive",
        "drives",
        "driving",
        "pushed",
        "push",
        "pushes",
        "forced",
        "kicked",
        "chased",
        "flushed",
        "routed",
    ),
    expel_from=r"(?:from|out\s+of)",
    passive_subject=r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+)?$",
    repel_verbs=r"\b(?:repelled|repel|repels|repelling|repulsed|repulse|repulses|fought\s+off"
    r"|fend(?:ed)?\s+off|beat\s+back|beaten\s+back|thwarted|foiled|held\s+off|fended\s+off"
    r"|holding\s+(?:back|off)|hold\s+(?:back|off)|held\s+back)"
    r"\s+(?:\w+\s+){0,3}?(?:attacks?|assaults?|offensives?|advances?|incursions?|push|forces"
    r"|troops|fighters|units)\s+"
    r"(?:[\w'-]+\s+){0,6}?(?:on|against|in|into|toward|towards|near)\b",
    withdraw_verbs=r"\b(?:withdrew|withdraw|withdraws|withdrawn|withdrawing|retreated|retreat"
    r"|retreats|retreating|pulled\s+out|pull\s+out|pulling\s+out|pulls\s+out|fled|flee|flees"
    r"|fleeing|evacuated|abandoned|abandon|abandons|left|leave|leaves)\s+(?:completely\s+"
    r"|fully\s+)?"
    r"(?:from|of|out\s+of)?\b",
    # "rebels held out in X", "Kurds hanging on in X": the defenders still hold it
    hold_verbs=r"\b(?:held|holding|hold|holds|hanging|hang|hangs|hung)\s+(?:out|on)\s+in\b"
    r"|(?<!-)\b(?:controls|controlled|control|holds|held|hold|holding|controlling"
    r"|dominates)\b(?!\s+by)|\b(?:is|are|was|were|remain\w*|be)\s+(?:now\s+|still\s+|firmly\s+|fully\s+)?"
    r"in\s+(?:full\s+|complete\s+|total\s+|effective\s+)?control\s+of\b"
    r"|\b(?:keep|kept|keeps|retain\w*|maintain\w*)\s+(?:full\s+)?control\s+(?:of|over)\b",
    held_adjective=r"\b{holder}[-\s](?:held|controlled|run|occupied|dominated)\b",
    control_adjective=r"\b(?:under|in)\s+(?:full\s+|complete\s+|firm\s+)?{holder}\s+"
    r"(?:control|hands)\b",
    holder_words=_HOLDERS,
    armed_nouns=frozenset(
        {"forces", "troops", "army", "military", "soldiers", "units", "militias", "fighters"}
    ),
    stronghold_possessive=r"\b(?:its|their)\s+$",
    prevention=r"\b(?:prevent\w*|stop|stops|stopped|stopping|keep|keeps|kept|keeping)\s+(?:[\w']+\s+)"
    r"{0,3}?from\s+$",
    # a thousands comma ("home to 9,000 people") does not end the description
    description_apposition=r",\s+(?:the|a|an)\s+(?:[^,]|(?<=\d),(?=\d)){3,120},\s+$",
    object_fillers=r"(?:(?:now|still|already|fully|completely|also|effectively)\s+)+",
    relative_location=r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+$",
    plural_references=r"(?:control\s+of\s+)?\b(?:these|those|both|the\s+(?:two|three|four))\s+(?:towns|villages|cities"
    r"|districts|localities|settlements)\b(?!\s+of\s)",
    failed_expulsion=r"\b(?:in\s+vain|unsuccessfully|failing|failed)\s+(?:to\s+)?(?:dislodge|oust"
    r"|expel|evict|drive\s+out|push\s+out|remove)\b",
    share_of_actor=r"\b(?:most|some|many|all|hundreds|dozens|the\s+bulk|the\s+rest|the\s+last)"
    r"\s+of\s+(?:the\s+|its\s+|their\s+)?$",
    claim_nouns=r"\b(?:claims?|statements?|assertions?|reports?)\s+(?:that|suggesting\s+that)\s+",
    enemy_words=r"\b(?:the\s+)?(?:enemy|enemy\s+forces|enemy\s+troops|the\s+occupiers?)\s+$",
    falsity=r"\b(?:this|that|it|which)\s+(?:is|was)\s+(?:not\s+true|untrue|false|a\s+lie|incorrect"
    r"|not\s+correct)\b|\b(?:does|did)\s+not\s+correspond\s+to\s+reality\b"
    # "the reports were false", "the claim 'is not true'": a report named by its noun
    r"|\b(?:claims?|reports?|statements?|assertions?|allegations?|information|announcement)"
    r"[\"'”’]?\s*(?:is|are|was|were)\s+(?:(?:completely|totally|entirely|simply)\s+)?"
    r"(?:not\s+true|untrue|false|baseless|unfounded|groundless|fabricated|incorrect|a\s+lie)\b"
    r"|\b(?:is|are|was|were)\s+out\s+of\s+(?:sync|touch)\s+with\s+reality\b",
    organisation_after=r"\s+(?:news\s+)?(?:agency|network|channel|television|tv|radio|newspaper)\b",
    contested=r"\b(?:is|was|are|were|remains?|remained)\s+(?:still\s+|now\s+)?(?:being\s+)?"
    r"(?:fought\s+over|contested|disputed|divided|a\s+battleground|a\s+front\s*line)\b"
    r"|\bcontinued\s+to\s+be\s+(?:fought\s+over|contested)\b",
    presence=r"\b(?:is|are|was|were|remain|remains|remained)\s+still\s+(?:inside|in)\b"
    r"|\b(?:still|remain|remains|remained)\s+(?:entrenched|holed\s+up|dug\s+in)\s+(?:inside|in)\b"
    r"|\b(?:entrenched|holed\s+up|deployed|stationed)\s+(?:inside|in)\b"
    r"|\b(?:patrol|patrols|patrolled|patrolling)\b(?!\s+(?:near|around|outside))",
    stronghold_of=r"\b(?:(?:last|main|key|de\s+facto|self-declared)\s+)?(?:stronghold|bastion"
    r"|capital)\s+of\s+(?:the\s+)?",
    remnants=r"\b(?:pockets|remnants|holdouts|cells)\s+of\b"
    r"|\bremaining\b(?=\s+(?:\w+\s+){0,2}(?:fighters|militants|troops|forces|soldiers)\s+in\b)",
    divided_between=r"\b(?:is|was|are|were|remains?|remained|been)\s+(?:still\s+|now\s+)?"
    r"(?:split|divided)\s+(?:\w+\s+){0,2}?between\b",
    contested_after=r"\b(?:fighting|clashes|battles|street\s+battles|urban\s+warfare)\s+"
    r"(?:\w+\s+){0,2}?(?:continued|continue|continues|raged|rage|rages|raging|were\s+continuing"
    r"|was\s+continuing|still\s+raging|are\s+continuing|is\s+continuing|went\s+on)\s+"
    r"(?:inside|in|within|for|over|across)\b|\bfierce\s+fighting\s+(?:inside|in)\b"
    r"|\b(?:facing|face|faces)\s+(?:\w+\s+){0,2}fighting\s+(?:inside|in)\b"
    r"|\b(?:were|was|are|is)\s+still\s+fighting\s+(?:[\w-]+\s+){0,3}?(?:inside|in)\b",
    negation=r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|refuted|refutes)\s+(?:\w+\s+){0,3}$"
    r"|\b(?:not|never|no\s+longer)\s+(?:(?:been|yet|fully|completely|have|has|had|be"
    r"|actually|really)\s+){0,2}$|n't\s+(?:(?:been|yet|fully|completely|have)\s+){0,2}$",
    achieved=r"\b(?:managed|manage|manages|were\s+able|was\s+able|succeeded\s+in|claimed|claims"
    r"|claim|said|says|reported|reportedly|believed|thought|continue|continues|continued|still"
    r"|appeared|appears|seemed|seems)\s+(?:to\s+)?(?:have\s+)?(?:\w+\s+)?$"
    # "seized X, only to lose it again": what happened next, no aim
    r"|\bonly\s+to\s+$",
    channel=r"\b(?:told|speaking\s+to|quoted\s+by|cited\s+by|in\s+remarks\s+to|in\s+an\s+"
    r"interview\s+with)\b",
    pronoun_subjects=r"\b(?:it|they|we|(?:its|their|his|her)\s+(?:forces|troops|fighters|men|units)"
    r"|our\s+(?:forces|troops|fighters|units|men))\s+(?:[a-z']+\s+){0,3}$",
    generic_actors={
        "jihadists": (_ISIS, _OPP),
        "the jihadists": (_ISIS, _OPP),
        "militants": (_ISIS, _OPP),
        "extremists": (_ISIS, _OPP),
        "the extremists": (_ISIS, _OPP),
        "islamists": (_ISIS, _OPP),
        "the group": (_ISIS,),
        "the militants": (_ISIS, _OPP),
        "fighters": (_ISIS, _OPP, _KURD, _GOV),
        "islamist group": (_OPP, _ISIS),
        "insurgent group": (_OPP, _ISIS),
        "jihadist group": (_ISIS, _OPP),
        "militant group": (_ISIS, _OPP),
    },
    gerund=r"\w+ing\b",
    control_phrase=r"(?:full\s+|complete\s+|total\s+|effective\s+)?control\s+(?:of|over)\s+",
    flag_raised=r"\b(?:raised|raising|raise|raises|hoisted|hoisting|hoist|planted|planting)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?P<side>[\w-]{1,40}\s+)?flags?\s+(?:\w+\s+){0,4}?"
    r"(?:in|over|on|above|at)\b"
    r"|\b(?:the\s+|a\s+)?(?P<side2>[\w-]{1,40}\s+)?flags?\s+(?:was|were|has\s+been|had\s+been|is)\s+"
    r"(?:raised|hoisted|planted|flying)\s+(?:\w+\s+){0,3}?(?:in|over|on|above|at)\b",
    flag_sides={
        "syrian": _GOV,
        "regime": _GOV,
        "iraqi": _GOV,
        "government": _GOV,
        "kurdish": _KURD,
        "ypg": _KURD,
        "black": _ISIS,
        "is": _ISIS,
        "isis": _ISIS,
        "rebel": _OPP,
        "opposition": _OPP,
        "revolutionary": _OPP,
        "turkish": _OPP,
    },
    head_after_name=r"\s+(?:suburb|suburbs|district|town|city|village|neighbou?rhood|province"
    r"|countryside|area|region|quarter|outskirts)\s+of\s+",
    determiners=r"(?:the|a|an|its|their)",
    of_words=r"of",
    in_words=r"in",
    agent_marker=r"by",
    complementizer=r"(?:that(?!\s*,)|:)",
    fall_to=r"\s+(?:back\s+)?(?:to|into\s+the\s+hands\s+of|under\s+the\s+control\s+of)\s+",
    loss_from=r"\s*(?:control\s+(?:of|over)\s+)?",
    speaker_fillers=r"\b(?:also|meanwhile|separately|later|earlier|however)\b",
    unknown_speaker=r"\b(?:a|an|the)\s+(?P<np>(?:[a-z-]+\s+)?(?:spokesman|spokeswoman|spokesperson"
    r"|official|commander|source|group|statement|monitor|agency|ministry|governor|leader"
    r"|resident|witness|activist|council|general|mayor|officer|channel|broadcaster|newspaper"
    r"|correspondent|reporter|government|army|military|forces|authorities|police|command)"
    r"(?:\s+[a-z]+)?)\s+(?:also\s+)?$",
    impersonal=r"\s*it\b",
    subject_apposition=r",\s*(?:north|south|east|west|near|in|outside|about|some)\b[^,]*(?=,)",
    denied_progress=r"\s*(?:\w+\s+){0,3}?(?:progress|advance|advances|capture|takeover|control"
    r"|gains|victory|fall|changed\s+hands|had\s+fallen)\b",
    clause_end=r"[.;]|,\s+(?:and|but|while|although|however)\b",
    person_of=r"(?:of\s+(?:its\s+|their\s+|the\s+)?)?",
    relative_pronouns=r"(?:which|that|where)",
    object_relatives=r"(?:which|that)",
    distance_before=r"\b(?:miles|km|kilomet(?:re|er)s|metres|meters)\s+$",
    adjective_compound=r"\w-(?:backed|led|held|run|controlled|linked|based|allied|supported"
    r"|occupied|dominated|aligned|majority|speaking|affiliated|style|era)$",
    coordinators=r"and",
    compass_adjectives=(
        "eastern",
        "western",
        "northern",
        "southern",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ),
    control_words=r"\b(?:control\w*|held|holds|hands|who)\b",
    possessives=r"our|their|its|his|her|my",
    copulas=r"is|was|are|were|remains|remained|remain|stays|stayed|still|now|be|been|fell",
    auxiliaries=r"\b(?:had|has|have|was|were|is|are|would|will)\b",
    setting_references=r"\bthe\s+(?:[a-z]+-?[a-z]+\s+){0,2}?(?:city|town)\b(?!\s+of\s)",
    denied_reference=r"\b(?:denied|denies|rejected|rejects|dismissed|refuted|refutes)\s+(?:it|this|that"
    r"|the\s+(?:claims?|reports?|assertions?|announcements?|statements?))\b",
    area_heads=frozenset(
        {"capital", "province", "provinces", "region", "governorate", "state", "country"}
    ),
    reported_infinitive=r"\s+to\s+(?:have|be|control|hold)\b",
    hypothetical=r"\b(?:would|could|might|may|will|away|imminent|looming|expected|feared)\b",
    name_suffixes=(
        "camp",
        "dam",
        "airport",
        "airbase",
        "air base",
        "military airport",
        "citadel",
        "headquarters",
        "hospital",
        "prison",
        "stadium",
        "crossing",
        "border crossing",
        "bridge",
        "plant",
        "refinery",
        "oil field",
        "gas field",
    ),
    first_person_verb=r"(?!x)x",
    acronyms=frozenset({"is", "is fighters", "is militants"}),
    generic_armed_words=frozenset(
        {
            "army",
            "the military",
            "troops",
            "soldiers",
            "government",
            "government forces",
            "government troops",
            "government soldiers",
            "pro-government forces",
            "regime",
            "regime forces",
            "loyalists",
            "rebels",
            "rebel fighters",
            "rebel forces",
            "insurgents",
            "opposition",
            "opposition fighters",
            "opposition forces",
            "factions",
        }
    ),
    stopwords=_STOPWORDS,
)
