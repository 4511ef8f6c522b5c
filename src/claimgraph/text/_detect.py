"""Telling the language of a document from its function words."""

from __future__ import annotations

import re
from collections import Counter

from .._errors import InputError
from ._pack import LanguagePack, available_packs, get_pack

__all__ = ["AUTO", "detect_language"]

#: The ``lang`` value that asks for detection per document.
AUTO = "auto"

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def detect_language(text: str) -> str:
    """The language pack whose function words are most frequent in ``text``.

    Raises
    ------
    InputError
        When no pack's function words occur, or two packs' occur equally often.

    Examples
    --------
    >>> detect_language("The army said it had retaken the town on Sunday.")
    'en'
    >>> detect_language("El ejército dijo que había retomado la ciudad el domingo.")
    'es'
    """
    from ._sentences import fold_aligned

    words = Counter(_WORD.findall(fold_aligned(text[:20000])))
    scores: dict[str, int] = {}
    for lang in available_packs():
        pack: LanguagePack = get_pack(lang)
        scores[lang] = sum(words[w] for w in pack.stopwords)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        known = ", ".join(sorted(scores))
        raise InputError(
            f"cannot tell the language of the text (known: {known}); give --lang / lang="
        )
    best = ranked[0][0]
    return best
