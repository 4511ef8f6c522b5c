"""pandas DataFrames in and out (optional extra ``claimgraph[pandas]``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from .._errors import InputError, import_optional
from ..model import RECORD_FIELDS, Claim
from ._tables import KNOWN_COLUMNS, REQUIRED, ColumnMapping, claims_from_records

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["claims_from_dataframe", "records_to_dataframe", "to_dataframe"]


def _pandas() -> Any:
    return import_optional("pandas", "pandas", "DataFrame conversion")


def to_dataframe(claims: Iterable[Claim]) -> pd.DataFrame:
    """A DataFrame with one row a claim and one column a claim field."""
    pandas = _pandas()
    rows = [claim.to_record() for claim in claims]
    frame = pandas.DataFrame.from_records(rows, columns=list(RECORD_FIELDS))
    for column in ("start", "end"):
        frame[column] = pandas.to_datetime(frame[column]).dt.date
    return cast("pd.DataFrame", frame)


def records_to_dataframe(records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame from result records (disputes, agreement rows ...)."""
    return cast("pd.DataFrame", _pandas().DataFrame.from_records(list(records)))


def claims_from_dataframe(
    frame: pd.DataFrame, *, mapping: ColumnMapping | None = None, name: str = "<DataFrame>"
) -> list[Claim]:
    """Claims from a DataFrame whose columns are claim fields (or mapped to them).

    Errors name the row by its position (1-based) as ``line``.
    """
    mapping = dict(mapping or {})
    by_column = {column: field for field, column in mapping.items()}
    columns = {}
    unknown = []
    for column in frame.columns:
        field = by_column.get(column, column)
        if field in KNOWN_COLUMNS:
            columns[column] = field
        else:
            unknown.append(column)
    if unknown:
        raise InputError(f"unknown column(s) {unknown}", path=name)
    absent = [f for f in REQUIRED if f not in columns.values()]
    if absent:
        raise InputError(f"missing required column(s): {', '.join(absent)}", path=name)
    pandas = _pandas()
    renamed = frame.rename(columns=columns)

    def records() -> Any:
        for number, row in enumerate(renamed.to_dict(orient="records"), start=1):
            yield number, {k: _plain(pandas, v) for k, v in row.items()}

    return list(claims_from_records(records(), name, id_prefix="row"))


def _plain(pandas: Any, value: Any) -> Any:
    """Missing cells become ``None`` and NumPy scalars Python ones."""
    try:
        if bool(pandas.isna(value)):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") and not hasattr(value, "date") else value
