"""name_words: one list of people written in different formats gives the same words."""

from __future__ import annotations

from claimgraph.model import Claim
from claimgraph.scoring.truth import FILLER_WORDS, discover, name_words


def _key(text: str) -> str:
    return " ".join(sorted(set(name_words(text))))


def test_formats_of_one_list_agree() -> None:
    forms = [
        "Smith, John; Doe, Jane",
        "John Smith, Jane Doe",
        "by JOHN SMITH and Jane Doe (Editor)",
        "Smith, J. John & Doe, Jane (Edt)",
    ]
    assert {_key(f) for f in forms} == {"doe jane john smith"}


def test_entities_and_wrong_code_page_are_repaired() -> None:
    assert name_words("M&uuml;ller, J&uuml;rgen") == ["muller", "jurgen"]
    assert name_words("MÃ¼ller, JÃ¼rgen") == ["muller", "jurgen"]
    assert name_words("D\u2019Hers, Thierry") == ["d'hers", "thierry"]


def test_extra_filler_words() -> None:
    assert name_words("Gen. Ali Hassan") == ["gen", "ali", "hassan"]
    assert name_words("Gen. Ali Hassan", FILLER_WORDS | {"gen"}) == ["ali", "hassan"]


def test_lists_in_other_formats_vote_together() -> None:
    # two stores write the full list in two formats, a third gives another list:
    # with name words the two formats are one value and win 2 to 1
    rows = [
        ("a", "Smith, John; Doe, Jane"),
        ("b", "Jane Doe, John Smith"),
        ("c", "John Smyth"),
    ]
    claims = [Claim(s, "book", "authors", _key(v)) for s, v in rows]
    result = discover(claims, method="vote", separator=" ", window=None)
    assert result.items[0].value == "doe jane john smith"
