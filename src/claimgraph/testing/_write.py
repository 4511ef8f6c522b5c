"""Writing synthetic claim sets: the claims as CSV or JSONL, the truth as JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .._errors import InputError
from ..io import atomic_write
from ..model import RECORD_FIELDS
from ._synthetic import SyntheticClaimSet, synthetic_claims

__all__ = ["truth_path_for", "write_claim_set", "write_synthetic"]

_CHUNK = 50_000


def truth_path_for(path: str | Path) -> Path:
    """Where :func:`write_synthetic` puts the truth of claims written to ``path``.

    >>> truth_path_for("out/claims-10k.csv").as_posix()
    'out/claims-10k.truth.json'
    """
    path = Path(path)
    return path.with_name(path.stem + ".truth.json")


def write_synthetic(
    path: str | Path,
    n_claims: int,
    seed: int = 0,
    *,
    fmt: str | None = None,
    truth_path: str | Path | None = None,
    **options: Any,
) -> SyntheticClaimSet:
    """Generate a synthetic claim set and write its claims and its truth.

    The claims file has the columns of :func:`claimgraph.io.write_claims` and
    reads back with :func:`claimgraph.read_claims` into the set's
    :attr:`~SyntheticClaimSet.claims`; it is written straight from the
    generated columns, without building claim objects. The truth file (JSON)
    holds :meth:`SyntheticTruth.to_json` under ``"truth"``, the generator's
    ``"options"``, and per claim id: ``"copies"`` (copy -> original),
    ``"wrong"`` (the false claims) and ``"items"`` (count -> event index);
    read it with :func:`claimgraph.testing.read_truth`.

    Parameters
    ----------
    path : path
        The claims file; ``.csv`` or ``.jsonl``.
    n_claims, seed, **options
        As for :func:`synthetic_claims`.
    fmt : {"csv", "jsonl"}, optional
        Defaults to the suffix of ``path``.
    truth_path : path, optional
        Defaults to :func:`truth_path_for` ``(path)``.

    Returns
    -------
    SyntheticClaimSet
        The set that was written.

    Examples
    --------
    >>> import tempfile, pathlib, claimgraph
    >>> from claimgraph.testing import read_truth
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> data = write_synthetic(folder / "claims.csv", 500, seed=3)
    >>> claimgraph.read_claims(folder / "claims.csv") == data.claims
    True
    >>> truth, per_claim = read_truth(folder / "claims.truth.json")
    >>> truth == data.truth, len(per_claim["wrong"]) == int((~data.is_correct).sum())
    (True, True)
    """
    data = synthetic_claims(n_claims, seed=seed, **options)
    write_claim_set(data, path, fmt=fmt, truth_path=truth_path)
    return data


def write_claim_set(
    data: SyntheticClaimSet,
    path: str | Path,
    *,
    fmt: str | None = None,
    truth_path: str | Path | None = None,
) -> Path:
    """Write ``data``'s claims to ``path`` and its truth beside it; return the truth's path."""
    path = Path(path)
    if fmt is None:
        fmt = path.suffix.lower().lstrip(".")
    if fmt not in {"csv", "jsonl"}:
        raise InputError(
            f"cannot write synthetic claims as {fmt!r}; use csv or jsonl", path=str(path)
        )
    rows = _rows(data)
    n = len(data)
    with atomic_write(path) as handle:
        if fmt == "csv":
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(RECORD_FIELDS)
            for start in range(0, n, _CHUNK):
                writer.writerows(
                    zip(*(column[start : start + _CHUNK] for column in rows), strict=True)
                )
        else:
            dumps = json.JSONEncoder(ensure_ascii=False).encode
            for start in range(0, n, _CHUNK):
                handle.writelines(
                    dumps(
                        {
                            key: cell
                            for key, cell in zip(RECORD_FIELDS, row, strict=True)
                            if cell != ""
                        }
                    )
                    + "\n"
                    for row in zip(
                        *(column[start : start + _CHUNK] for column in rows), strict=True
                    )
                )
    target = Path(truth_path) if truth_path is not None else truth_path_for(path)
    _write_truth(data, target)
    return target


def _rows(data: SyntheticClaimSet) -> list[list[Any]]:
    """The columns of :data:`RECORD_FIELDS`, as cells ("" when empty)."""
    cells = data._string_columns()
    n = len(data)
    days = data._day_texts(max(cells["published"], default=0) + 1)
    start_text = [days[d] for d in cells["start"]]
    end_text = [days[d] for d in cells["end"]]
    precision = [
        "day" if a == b else "range" for a, b in zip(cells["start"], cells["end"], strict=True)
    ]
    empty = [""] * n
    by_field: dict[str, list[Any]] = {
        "id": cells["id"],
        "source": cells["source"],
        "subject": cells["subject"],
        "property": cells["property"],
        "value": ["" if v is None else v for v in cells["value"]],
        "low": ["" if v is None else v for v in cells["low"]],
        "high": ["" if v is None else v for v in cells["high"]],
        "start": start_text,
        "end": end_text,
        "precision": precision,
        "stance": [stance.value for stance in cells["stance"]],
        "alignment": cells["alignment"],
        "doc": data._doc_names(cells["published"]),
    }
    return [by_field.get(name, empty) for name in RECORD_FIELDS]


def _write_truth(data: SyntheticClaimSet, path: Path) -> None:
    ids = data.ids
    copies = {ids[i]: ids[j] for i, j in enumerate(data.copy_of.tolist()) if j >= 0}
    wrong = [ids[i] for i in (~data.is_correct).nonzero()[0].tolist()]
    items = {ids[i]: j for i, j in enumerate(data.item_of.tolist()) if j >= 0}
    options = {
        name: (value.isoformat() if hasattr(value, "isoformat") else value)
        for name, value in _options(data).items()
    }
    document = {
        "options": options,
        "truth": data.truth.to_json(),
        "copies": copies,
        "wrong": wrong,
        "items": items,
    }
    with atomic_write(path) as handle:
        json.dump(document, handle, ensure_ascii=False)


def _options(data: SyntheticClaimSet) -> dict[str, Any]:
    import attrs

    out = attrs.asdict(data.options)
    out["n_places"] = data.options.places
    return out
