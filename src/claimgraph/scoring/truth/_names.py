"""Lists of person names as sets of name words, for multi-valued truth discovery.

Sources write one list of people in many ways: "Knuth, Donald E." or
"Donald E. Knuth (Editor)", with HTML entities left in ("Gagn&eacute;"),
text decoded with the wrong code page ("GagnÃ©"), roles, titles and
initials. :func:`name_words` keeps what identifies the people: the lower-case
words of their names, accents folded. Joined with a space and fused with
``separator=" "``, two lists naming the same people in a different order or
format are one value, and a list naming only some of them overlaps it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ...model import fold

__all__ = ["FILLER_WORDS", "name_words"]

#: Words that are not names: roles, titles, suffixes, joining words and
#: "not available" markers.
FILLER_WORDS: frozenset[str] = frozenset(
    {
        "by", "and", "with", "et", "al", "etc",
        "edited", "editor", "editors", "ed", "eds", "edt",
        "author", "authors", "contributor", "foreword", "introduction",
        "translated", "translator",
        "dr", "phd", "prof", "mr", "mrs", "ms", "jr", "sr", "ii", "iii",
        "not", "available",
    }
)  # fmt: skip

_WORD = re.compile(r"[^\W\d_][\w'\-]*")
# typographic apostrophes and the grave accent used as one
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


def _repair(text: str) -> str:
    """Undo HTML escapes and UTF-8 text decoded as Windows-1252 or Latin-1."""
    text = html.unescape(html.unescape(text))
    if "Ã" in text or "Â" in text:
        for code_page in ("cp1252", "latin-1"):
            try:
                return text.encode(code_page).decode("utf-8")
            except UnicodeError:
                continue
    return text


def name_words(text: str, filler: Iterable[str] = FILLER_WORDS) -> list[str]:
    """Lower-case name words of a list of person names, in order, without
    initials (one letter), accents and ``filler`` words.

    Parameters
    ----------
    text : str
        Free text naming one or more people, in any order or format.
    filler : iterable of str
        Lower-case words to drop (default :data:`FILLER_WORDS`); add ranks or
        titles for other lists, e.g. ``FILLER_WORDS | {"gen", "col"}``.

    Returns
    -------
    list of str
        May repeat a word when two people share it.

    Examples
    --------
    >>> sorted(name_words("Knuth, Donald E.")) == sorted(name_words("by Donald E. Knuth (Editor)"))
    True
    >>> name_words("Gagn&eacute;, Marcel"), name_words("GagnÃ©, Marcel")
    (['gagne', 'marcel'], ['gagne', 'marcel'])
    >>> name_words("O\u2019Leary, Timothy J. &amp; Linda I. (Edt)")
    ["o'leary", 'timothy', 'linda']
    """
    drop = filler if isinstance(filler, frozenset | set) else frozenset(filler)
    words = _WORD.findall(fold(_repair(text).translate(_APOSTROPHES)))
    return [w for w in words if len(w) > 1 and w not in drop]
