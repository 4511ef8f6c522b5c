"""Claims from narrative text: one engine over language packs of data.

>>> claims = extract_text(
...     "El 3 de marzo de 2015, las tropas gubernamentales tomaron Kafr Lam. "
...     "Al día siguiente, según el OSDH, los rebeldes recapturaron Kafr Lam.")
>>> for c in claims:
...     print(c.source, "|", c.subject, "|", c.value, "|", c.start)
<text> | Kafr Lam | government | 2015-03-03
Syrian Observatory for Human Rights | Kafr Lam | opposition | 2015-03-04
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from .._errors import InputError
from ..io._text import read_text
from ..model import Claim, SourceRegistry
from ._dateline import document_date
from ._declared import actors_from_mapping, read_actors
from ._detect import AUTO, detect_language
from ._engine import Engine
from ._pack import Actor, LanguagePack, available_packs, get_pack, register_pack
from ._sentences import Sentence, clean_text, fold_aligned, split_sentences
from ._sources import UNNAMED, known_sources, with_declared_speakers, with_local_army

__all__ = [
    "AUTO",
    "UNNAMED",
    "Actor",
    "LanguagePack",
    "Sentence",
    "actors_from_mapping",
    "available_packs",
    "clean_text",
    "detect_language",
    "document_date",
    "extract_file",
    "extract_text",
    "fold_aligned",
    "get_pack",
    "known_sources",
    "read_actors",
    "register_pack",
    "split_sentences",
]


def extract_text(
    text: str,
    *,
    doc: str = "<text>",
    lang: str = AUTO,
    year: int | None = None,
    doc_date: dt.date | None = None,
    sources: SourceRegistry | None = None,
    actors: Sequence[Actor] | Mapping[str, str] = (),
) -> list[Claim]:
    """Extract claims from narrative ``text``.

    Parameters
    ----------
    text : str
        The document.
    doc : str
        Its name: the ``doc`` of every claim, the start of every ``id``, and the
        source of statements the text makes in its own voice.
    lang : str
        Language pack to use (``"en"``, ``"es"``), or ``"auto"`` (the default) to
        tell it from the text's function words.
    year : int, optional
        Year of dates that give none, until the text states one.
    doc_date : datetime.date, optional
        Date of the document: gives the year when ``year`` is not given (a date
        without a year is the latest such date not after it), and anchors
        weekdays, "ayer", "last week". When neither ``year`` nor ``doc_date`` is
        given, it is read from the text's dateline, the address on its first line
        or a dated heading (:func:`document_date`).
    sources : SourceRegistry, optional
        Sources to know besides the built-in ones (they take precedence).
    actors : sequence of Actor or mapping of str to str, optional
        Armed actors of other wars and their sides (``{"Wagner": "russia"}``);
        their sides become valid control values (:func:`claimgraph.declare_side`).

    Returns
    -------
    list of Claim
        In text order; ``id`` is ``f"{doc}:{sentence}:{k}"``.

    Examples
    --------
    >>> c = extract_text("Para el 9 de mayo, las tropas del gobierno habían tomado la mayor "
    ...                  "parte del barrio de Bab Sharqi.", year=2016)[0]
    >>> c.subject, c.value, c.partial, c.time_text()
    ('Bab Sharqi', 'government', True, 'by 2016-05-09')
    """
    if year is not None and doc_date is not None:
        raise InputError("give either year or doc_date, not both")
    if year is not None and not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InputError(f"year must be between {dt.MINYEAR} and {dt.MAXYEAR}, got {year}")
    if lang == AUTO:
        lang = detect_language(text)
    pack = get_pack(lang)
    if year is None and doc_date is None:
        doc_date = document_date(text, pack)
    declared = actors_from_mapping(actors) if isinstance(actors, Mapping) else tuple(actors)
    registry = known_sources(lang, generic=not declared)
    if not declared:
        registry = with_local_army(registry, text)
    if declared:
        registry = with_declared_speakers(registry, declared)
    if sources is not None:
        registry = registry.merged(sources)
    engine = Engine(pack, registry, declared)
    return engine.extract(split_sentences(text), doc=doc, year=year, doc_date=doc_date)


def extract_file(
    path: str | Path,
    *,
    lang: str = AUTO,
    year: int | None = None,
    doc_date: dt.date | None = None,
    sources: SourceRegistry | None = None,
    actors: Sequence[Actor] | Mapping[str, str] = (),
) -> list[Claim]:
    """Extract claims from a UTF-8 text file; ``doc`` is the file's name.

    Raises
    ------
    InputError
        Naming the file (and line) when it is missing, binary, not UTF-8 or empty.
    """
    path = Path(path)
    text = read_text(path, kind="narrative text", empty="empty file: no text to read claims from")
    nul = text.find("\x00")
    if nul >= 0:  # read_text looks for binary data at the start of the file only
        raise InputError(
            "NUL character: binary data, not narrative text",
            path=str(path),
            line=text.count("\n", 0, nul) + 1,
        )
    try:
        if lang == AUTO:
            lang = detect_language(text)
        return extract_text(
            text,
            doc=path.name,
            lang=lang,
            year=year,
            doc_date=doc_date,
            sources=sources,
            actors=actors,
        )
    except InputError as exc:
        if exc.path not in (None, path.name):
            raise
        # the file as the user named it, and the line when one is known
        raise InputError(exc.reason, path=str(path), line=exc.line, field=exc.field) from None
