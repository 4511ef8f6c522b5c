"""Reading place names and lists of places from a stretch of text."""

from __future__ import annotations

import re

from ..model import fold
from ._finding import PLACES_BEFORE, SETTING
from ._pack import LanguagePack

__all__ = ["PlaceReader"]

_UP = "A-ZÁÉÍÓÚÑÜ"
_WORD_CAP = rf"[{_UP}][\w'\-]*"
_WORD_PREFIXED = r"(?:[Aa][lsdrzt]|[Aa]sh|[Ee][lsdrzt])-[\w'\-]+"


class PlaceReader:
    """Find place names as a pack describes them.

    A name starts with a capital (or an Arabic article written ``al-``) and runs
    over capitalized words, numbers and connectors ("de", "al"); the pack adds
    lower-case area names ("zona industrial") and compass areas ("noreste de X").
    """

    def __init__(self, pack: LanguagePack) -> None:
        self.pack = pack
        common = "|".join(re.escape(c) for c in pack.common_places)
        connectors = "|".join(r"\s+".join(map(re.escape, c.split())) for c in pack.name_connectors)
        first = rf"(?:{_WORD_PREFIXED}|{_WORD_CAP}|(?:{common})\b)"
        nxt = rf"(?:{_WORD_PREFIXED}|{_WORD_CAP}|\d+\b|(?:{common})\b)"
        compass = "|".join(pack.compass_words)
        of = pack.of_words
        suffix = "|".join(r"\s+".join(map(re.escape, x.split())) for x in pack.name_suffixes)
        tail = rf"(?:\s+(?:{suffix})\b)?" if suffix else ""
        sides = "|".join(pack.compass_adjectives)
        facility = "|".join(
            _accent_free(h) for h in sorted(pack.facility_heads, key=len, reverse=True)
        )
        heads = [rf"(?:{compass})\s+{of}\s+"]
        if sides:
            heads.append(rf"(?:{sides})\s+(?=[{_UP}])")
        if facility:
            heads.append(rf"(?:{facility})\s+{of}\s+(?:{pack.determiners}\s+)?(?=[{_UP}])")
        prefix = rf"(?:{'|'.join(heads)})?"
        # a number continues a name ("Hill 402") but never after a connector: in
        # "Tadif el 3 de marzo" the name is Tadif
        self.name = re.compile(
            rf"{prefix}{first}(?:\s+(?:(?:{connectors})\s+{first}|{nxt}))*{tail}"
        )
        # "Hit al Ejército", "la Octava Brigada del Ejército": an actor after a
        # connector ends the name
        self._connected = re.compile(rf"\s+(?:{connectors})\s+([\w'\-]+)")
        self._lead_connected = re.compile(rf"([\w'\-]+)\s+(?:{connectors})\s+")
        self._common_head = re.compile(rf"^(?:{common})\s+{of}\s+(?=\S)")
        self._of = re.compile(rf"{of}$")
        self.separators = re.compile(pack.list_separators)
        self.references = re.compile(pack.place_references)
        self.setting_refs = re.compile(pack.setting_references or r"(?!x)x")
        self.heads = re.compile(pack.list_heads)
        self.skip_word = re.compile(r"[a-záéíóúñü0-9%][a-záéíóúñü0-9%'’\-]*\s+")
        self._after_name = re.compile(r"(?:'s|’s)?\s+")
        self._not_folded = frozenset(w.casefold() for w in pack.not_places)
        self._articles = frozenset({"al", "el", "ad", "as", "ar", "az", "ash"})
        self._compass = frozenset(pack.compass_words)
        self._compass_adjectives = frozenset(a.casefold() for a in pack.compass_adjectives)
        self._distance_before = re.compile(pack.distance_before or r"(?!x)x", re.IGNORECASE)
        self._adjective_compound = re.compile(pack.adjective_compound or r"(?!x)x")
        # read on the text as written: a quotation mark closing after a name ('X," a
        # commander said') is no apposition
        self.person_role = re.compile(pack.person_roles or r"(?!x)x", re.IGNORECASE)
        self.speech_after = re.compile(rf"\s+(?:{pack.speech_verbs})")
        # matched on the text as written, whatever its case: lower-casing the whole
        # text for each name took time growing with the square of a long list's length
        self.head_after = re.compile(pack.head_after_name or r"(?!x)x", re.IGNORECASE)
        self.determiner = re.compile(pack.determiners)
        self.verb_like = re.compile(pack.verb_like)
        self.apposition = re.compile(pack.apposition)
        self.organisation_after = re.compile(pack.organisation_after or r"(?!x)x", re.IGNORECASE)
        self.relative_location = re.compile(pack.relative_location or r"(?!x)x")
        self.plural_references = re.compile(pack.plural_references or r"(?!x)x")

    def clean(self, name: str) -> str:
        """Tidy a matched name: drop a leading area head ("zona industrial de") and
        trailing punctuation."""
        name = self._common_head.sub("", name.strip())
        for m in self._connected.finditer(name):
            if m.group(1).casefold() in self._not_folded:
                name = name[: m.start()]
                break
        name = re.sub(r"(?:'s|’s)(?=\s|$)", "", name.strip(' .,;:"'))  # "Hodeida's airport"
        return name.strip(" .,;:'\"-–—")  # "-A, B y C-": a list set off by dashes

    def _in_area(self, text: str, start: int) -> bool:
        """Whether the name at ``start`` follows an area head ("la capital de X")."""
        words = text[max(0, start - 40) : start].split()
        return len(words) >= 2 and words[-2].casefold() in self.pack.area_heads

    def _not_place(self, word: str) -> bool:
        folded = word.casefold().strip(",.;:")
        return folded in self._not_folded or bool(self._adjective_compound.search(folded))

    def is_place(self, name: str) -> bool:
        words = name.split()
        first = words[0] if words else ""
        if len(words) > 1 and first[:1].isupper() and first.casefold() in self._articles:
            return True  # "Al Raqa", "El Bab": an article inside the name
        if len(words) > 2 and first in self.pack.compass_words and self._of.match(words[1]):
            # "noreste de Alepo" is an area; "norte de Siria" a country's, not annotated
            return words[2].casefold() not in self._not_folded
        if len(words) > 1 and first.casefold() in self._compass_adjectives:
            # "northern Iraq" is a country's part, "eastern Aleppo" a city's
            return not self._not_place(words[1])
        return bool(first) and first not in self.pack.not_places and not self._not_place(first)

    def name_at(self, text: str, pos: int, skip: int = 12) -> tuple[str, int] | None:
        """A place name starting at ``pos`` (after skipping up to ``skip`` head words
        such as "el barrio de" or "el cercano"), with the position after it. A head
        that names a larger area ("la capital de", "the province of") gives none."""
        i = pos
        previous = ""
        for _ in range(skip + 1):
            m = self.name.match(text, i)
            if m and self.relative_location.search(text[max(0, i - 30) : i].lower()):
                return None  # "los campos al oeste de X": near X, not X
            if (
                m
                and m.group().split()[0].casefold() in self._compass
                and self._distance_before.search(text, max(0, i - 20), i)
            ):
                return None  # "40 miles west of X", "a 10 km al norte de X": near X
            if m and self.organisation_after.match(text, m.end()):
                return None  # "the Shaam news agency": an outlet, not a place
            if m and self.is_place(m.group()):
                larger = self.head_after.match(text, m.end())
                if larger is not None:  # "the Damascus suburb of Eastern Ghouta"
                    i = larger.end()
                    continue
                return self.clean(m.group()), m.end()
            if m:
                # Capitalized words that are no place ("the Syrian town of X", "the
                # Islamic State group's stronghold X") are skipped like head words.
                words = m.group().split()
                lead = self._lead_connected.match(text, m.start())
                if lead is not None and self._not_place(lead.group(1)):
                    i = lead.end()  # "Control of X", "Battle of X": the place follows
                    continue
                if not all(
                    self._not_place(w) or w.casefold() in self._compass_adjectives for w in words
                ):
                    return None
                after = self._after_name.match(text, m.end())
                if after is None:
                    return None
                i = after.end()
                continue
            w = self.skip_word.match(text, i)
            word = w.group().strip().casefold() if w else ""
            after_determiner = self.determiner.fullmatch(previous)
            if (
                w is None
                or word in self.pack.list_stops
                # a participle after a determiner is an adjective ("the besieged town")
                or (self.verb_like.fullmatch(word) and not after_determiner)
            ):
                return None
            previous = word
            if word in self.pack.area_heads:
                return None
            i = w.end()
        return None

    def reference_at(self, folded: str, pos: int) -> int | None:
        """End of a reference to an earlier place ("la zona") starting at ``pos``."""
        m = self.references.match(folded, pos)
        return m.end() if m else None

    def list_after(self, text: str, folded: str, pos: int) -> list[tuple[str | None, int, int]]:
        """Places listed from ``pos``: ``(name or None for a reference, start, end)``."""
        out: list[tuple[str | None, int, int]] = []
        head = self.heads.match(folded, pos)
        i = head.end() if head else pos
        sep_start = i
        while True:
            while i < len(text) and text[i] == " ":
                i += 1
            # After a bare comma only a name itself continues the list: "X, capital
            # de Y" and "X, south of Y" are appositions.
            bare = bool(out) and folded[sep_start:i].strip() == ","
            found = self.name_at(text, i, skip=0 if bare else 12)
            if found is not None and bare and found[0].split()[0].casefold() in self._compass:
                break  # "X, north of Y": where X is, not another place
            if found is not None and self.person_role.match(text, found[1]):
                break  # "X, a spokesman for ...": a person, and the list has ended
            if found is not None and bare and self.speech_after.match(folded, found[1]):
                break  # "controla X, Kiev dice que ...": a new clause's subject
            if found is not None:
                out.append((found[0], i, found[1]))
                i = found[1]
            else:
                plural = self.plural_references.match(folded, i)
                if plural is not None:
                    out.append((PLACES_BEFORE, i, plural.end()))
                    i = plural.end()
                    break
                ref = self.reference_at(folded, i)
                if ref is None:
                    break
                # "the city" is the one the text is about; "the area" the last named
                out.append((SETTING if self.setting_refs.match(folded, i) else None, i, ref))
                i = ref
            sep = self.separators.match(folded, i)
            if sep is None:
                break
            sep_start, i = sep.start(), sep.end()
            skip = self.apposition.match(folded, i)
            if skip is not None:
                sep = self.separators.match(folded, skip.end() - 1)
                i = sep.end() if sep is not None else skip.end()
        return out

    def last_list_before(self, text: str, folded: str, end: int) -> list[str]:
        """The list of names that ends closest before ``end`` (for "X, un bastión rebelde",
        "X en manos de", "X bajo control de")."""
        best: list[str] = []
        i = 0
        while True:
            m = self.name.search(text, i, end)
            if m is None:
                break
            if not self.is_place(m.group()) or self._in_area(text, m.start()):
                # past its first word only: "EI de Sirte" still holds "Sirte"
                i = m.start() + len(m.group().split()[0])
                continue
            items = self.list_after(text, folded, m.start())
            names = [n for n, _, stop in items if n is not None and stop <= end + 1]
            if names:
                best = names
            i = max(m.end(), max((stop for _, _, stop in items), default=m.end()))
        return best


_ACCENTS = {"a": "aá", "e": "eé", "i": "ií", "o": "oó", "u": "uúü"}


def _accent_free(phrase: str) -> str:
    """A pattern for ``phrase`` (plain letters) that also takes its accented
    spellings and any run of spaces: "base aerea" matches "base aérea"."""
    out = []
    for ch in phrase.casefold():
        plain = fold(ch)
        if plain in _ACCENTS:
            out.append(f"[{_ACCENTS[plain]}]")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_READERS: dict[int, tuple[LanguagePack, PlaceReader]] = {}


def reader_for(pack: LanguagePack) -> PlaceReader:
    """The (cached) reader for ``pack``."""
    cached = _READERS.get(id(pack))
    if cached is None or cached[0] is not pack:
        cached = _READERS[id(pack)] = (pack, PlaceReader(pack))
    return cached[1]
