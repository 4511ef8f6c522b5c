"""Reading and writing claims: CSV, JSONL, narrative text and DataFrames."""

from ._atomic import atomic_write
from ._load import TABLE_SUFFIXES, TEXT_SUFFIXES, read_claims
from ._pandas import claims_from_dataframe, records_to_dataframe, to_dataframe
from ._tables import parse_mapping, read_csv, read_jsonl, write_claims

__all__ = [
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "atomic_write",
    "claims_from_dataframe",
    "parse_mapping",
    "read_claims",
    "read_csv",
    "read_jsonl",
    "records_to_dataframe",
    "to_dataframe",
    "write_claims",
]
