"""Sentences and noise: the text a claim is read from."""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = ["Sentence", "clean_text", "fold_aligned", "split_sentences"]

_CITATION = re.compile(r"\[\s*(?:\d+|[a-z]|nota \d+|cita requerida)\s*\]", re.IGNORECASE)
# A closing quote right before a citation marker and a capital ends a sentence in
# encyclopedia prose even when no full stop survived the copy.
_QUOTE_BREAK = re.compile(r"([\"»”])\s*(?:\[\s*\d+\s*\])+\s*(?=[A-ZÁÉÍÓÚÑ¿¡])")
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
_WIKI_QUOTES = re.compile(r"'{2,}")
# Every kind of white space, and the control characters (NUL, escape, ...) that are no
# text, read as one space: patterns read "\s" of any kind, and a run of odd ones is
# no sentence's business.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:)])")
# End of a sentence: . ! ? or an ellipsis, maybe a closing quote, white space, then a
# capital, an opening quote or a digit.  Decimal points and thousands ("1.000") have no
# space after them and so never match.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"')\]”’»]*\s+(?=[\"'(¿¡“‘«]?[A-ZÁÉÍÓÚÑ0-9])")
#: The longest stretch read as one sentence. A line running longer without a sentence
#: end (text pasted without punctuation, a table flattened into one line) is read in
#: pieces cut at the last clause or word break before this length: several readers
#: look around each statement in its sentence, so one sentence of a hundred
#: kilobytes took minutes, while real sentences, lists of a thousand places
#: included, stay far below it (a list of 4,500 places would not).
MAX_SENTENCE = 50_000
_PIECE_BREAKS = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s"))
_ABBREVIATIONS = frozenset(
    {"sr", "sra", "dr", "dra", "núm", "art", "pág", "etc", "ej", "aprox", "gral", "tte", "cap"}
)


@attrs.frozen(slots=True)
class Sentence:
    """One sentence of a document.

    Parameters
    ----------
    number : int
        1-based position of the sentence in the document.
    line : int
        1-based line of the document the sentence starts on.
    text : str
        The sentence, cleaned of citation markers and stray quotes and spaces.
    """

    number: int
    line: int
    text: str


def clean_text(text: str) -> str:
    """Remove citation markers, wiki quote marks and stray spaces; normalize quotes.

    >>> clean_text("[12] Las tropas  tomaron Foo,[3][4] según ''X''. ")
    'Las tropas tomaron Foo, según X.'
    """
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = _CITATION.sub(" ", text)
    text = _WIKI_QUOTES.sub("", text)
    text = _SPACES.sub(" ", _CONTROLS.sub(" ", text))
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return text.strip()


def _split_line(line: str) -> list[str]:
    line = _CITATION.sub(" ", _QUOTE_BREAK.sub(r"\1. ", line))
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        before = line[start : match.start()].rstrip("\"')]")
        last_word = re.findall(r"(\w+)\.$", before)
        if last_word and last_word[0].casefold() in _ABBREVIATIONS:
            continue
        pieces.append(line[start : match.start()])
        start = match.end()
    pieces.append(line[start:])
    return [part for piece in pieces for part in _bounded(piece)]


def _bounded(piece: str) -> list[str]:
    """``piece`` cut into parts of at most :data:`MAX_SENTENCE` characters, each cut
    at the last clause break, else comma, else white space in its second half."""
    if len(piece) <= MAX_SENTENCE:
        return [piece]
    parts: list[str] = []
    start = 0
    while len(piece) - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = limit
        for pattern in _PIECE_BREAKS:
            found = [m.end() for m in pattern.finditer(piece, start + MAX_SENTENCE // 2, limit)]
            if found:
                cut = found[-1]
                break
        parts.append(piece[start:cut])
        start = cut
    parts.append(piece[start:])
    return parts


def split_sentences(text: str) -> list[Sentence]:
    """Split a document into cleaned sentences, numbering them and noting their line.

    Line breaks always end a sentence (pasted encyclopedia text holds one paragraph a
    line); inside a line, sentence-final punctuation followed by a capital does.
    A byte-order mark and CRLF line ends are accepted.

    >>> [(s.number, s.line, s.text) for s in split_sentences(
    ...     "\\ufeffEl 3 de mayo cayó Foo.[1] Luego Bar.\\r\\n\\r\\n''Baz'' resistió.")]
    [(1, 1, 'El 3 de mayo cayó Foo.'), (2, 1, 'Luego Bar.'), (3, 3, 'Baz resistió.')]
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    sentences: list[Sentence] = []
    for line_number, raw in enumerate(text.split("\n"), start=1):
        for piece in _split_line(raw):
            cleaned = clean_text(piece)
            if cleaned.strip(" .,;:\"'") and re.search(r"\w", cleaned):
                sentences.append(Sentence(len(sentences) + 1, line_number, cleaned))
    return sentences


def fold_aligned(text: str) -> str:
    """Lower-case ``text``, strip accents and write digits of every script as ASCII
    ones ("٣", "３": "3"), keeping every character's position.

    >>> fold_aligned("Ejército Árabe, ٢٠١٥")
    'ejercito arabe, 2015'
    """
    if text.isascii():
        return text.lower()  # the same, character for character, and far faster
    out = []
    for char in text:
        if char.isdecimal():
            out.append(_ASCII_DIGITS[unicodedata.decimal(char)])
            continue
        base = unicodedata.normalize("NFD", char)[0].lower()
        out.append(base if len(base) == 1 else char)
    return "".join(out)


_ASCII_DIGITS = "0123456789"
