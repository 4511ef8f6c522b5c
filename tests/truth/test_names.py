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


def _list_claims(rows: list[tuple[str, str]]) -> list[Claim]:
    return [Claim(s, "book", "authors", v) for s, v in rows]


def test_containment_lets_an_incomplete_list_support_its_completion() -> None:
    from claimgraph.scoring.truth._core import similarity
    from claimgraph.scoring.truth._items import build_problem

    problem = build_problem(_list_claims([("a", "x"), ("b", "x y z")]), separator=" ")
    jaccard = similarity(problem).toarray()  # type: ignore[union-attr]
    contain = similarity(problem, "containment").toarray()  # type: ignore[union-attr]
    # facts: 0 = {x}, 1 = {x, y, z}; entry [f, g] is support of g's votes for f
    assert jaccard[0, 1] == jaccard[1, 0] == 1 / 3
    assert contain[1, 0] == 1.0  # "x" is entirely inside "x y z"
    assert contain[0, 1] == 1 / 3  # one of the three parts of "x y z" is "x"


def test_containment_breaks_a_tie_towards_the_complete_list() -> None:
    # two stores list only the first author, two list both: with Jaccard the
    # two lists support each other equally and the tie goes to the value seen
    # first; with containment the short lists vouch fully for the long one
    claims = _list_claims([("a", "x"), ("b", "x"), ("c", "x y"), ("d", "x y")])
    for method in ("accu", "truthfinder"):
        tied = discover(claims, method=method, separator=" ", window=None)
        assert tied.items[0].leading == "x"
        completed = discover(
            claims, method=method, separator=" ", window=None, part_similarity="containment"
        )
        assert completed.items[0].value == "x y"
