"""Options shared by several commands, as decorators, and the error boundary."""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from .._errors import ClaimgraphError, ClaimgraphWarning
from .._gc import collector_paused
from ._feedback import clear_status, info, quiet_option, warn
from ._output import echo_or_write, format_option, output_option, pick_format

F = TypeVar("F", bound=Callable[..., Any])

__all__ = [
    "analysis_options",
    "db_option",
    "documents_option",
    "echo_or_write",
    "echoes_option",
    "fail_cleanly",
    "format_option",
    "info",
    "input_options",
    "output_option",
    "pick_format",
    "quiet_option",
    "sources_option",
    "text_options",
    "warn",
]


def _compose(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


def _parse_iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


def _check_lang(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """``auto`` or a language there is a pack for (packs are imported on first use)."""
    from .._errors import InputError
    from ..text import AUTO, get_pack

    value = value.strip().lower()
    if value != AUTO:
        try:
            get_pack(value)
        except InputError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


def _lang_choices() -> tuple[str, ...]:
    from ..text import AUTO, available_packs

    return (AUTO, *available_packs())


def _lang_help() -> str:
    auto, *packs = _lang_choices()
    return (
        f"Language of .txt input: {auto} tells it per document from its function "
        f"words, so files in different languages mix; {', '.join(packs)} read every "
        "file with that language pack."
    )


def text_options(func: F) -> F:
    """``--lang``, ``--year``, ``--doc-date`` and ``--sides``: how narrative ``.txt``
    input is read."""
    return _compose(
        click.option(
            "--lang",
            default="auto",
            show_default=True,
            metavar="[" + "|".join(_lang_choices()) + "]",
            callback=_check_lang,
            help=_lang_help(),
        ),
        click.option(
            "--year",
            type=click.IntRange(1900, 2100),
            default=None,
            help="Year for dates in .txt input that give none.",
        ),
        click.option(
            "--doc-date",
            callback=_parse_iso_date,
            default=None,
            metavar="YYYY-MM-DD",
            help="Date of the .txt document: anchors relative dates and missing years "
            "(default: read from each document's dateline, address or heading).",
        ),
        click.option(
            "--sides",
            "sides_file",
            type=click.Path(dir_okay=False, exists=True, path_type=Path),
            default=None,
            metavar="FILE",
            help="CSV (name, side, aliases) or JSON of armed actors of other wars and "
            "their sides: .txt input reads them as actors and sources, and their sides "
            "are valid control values in every input.",
        ),
    )(func)


def db_option(*, required: bool = False, help: str | None = None) -> Callable[[F], F]:
    """``--db PATH``: a claim ledger (``claimgraph ingest``) read instead of INPUT files."""
    # no default at all when required: click 8.4 takes an explicit None for a given value
    defaults: dict[str, Any] = {"required": True} if required else {"default": None}
    return click.option(
        "--db",
        type=click.Path(path_type=Path),
        metavar="PATH",
        help=help
        or "Read the claims of this ledger (made by claimgraph ingest) instead of INPUT "
        "files; its --sources registry and --sides are used too.",
        **defaults,
    )


def input_options(func: F) -> F:
    """``INPUT...`` or ``--db``, plus ``--map`` and ``--ignore-extra-columns`` and the
    text options."""
    return _compose(
        click.argument(
            "inputs",
            nargs=-1,
            type=click.Path(dir_okay=False, path_type=Path),
            metavar="INPUT...",
        ),
        db_option(),
        click.option(
            "--map",
            "mapping",
            multiple=True,
            metavar="FIELD=COLUMN,...",
            help="Read claim fields from differently named columns, "
            "e.g. source=SourceID,subject=ObjectID.",
        ),
        click.option(
            "--ignore-extra-columns",
            is_flag=True,
            help="Ignore table columns that are not claim fields instead of failing.",
        ),
        text_options,
    )(func)


def sources_option(func: F) -> F:
    """``--sources FILE``: canonical source names, aliases and alignments to add."""
    return click.option(
        "--sources",
        "sources_file",
        type=click.Path(dir_okay=False, exists=True, path_type=Path),
        default=None,
        help="CSV or JSON of sources (name, aliases, alignment).",
    )(func)


def analysis_options(func: F) -> F:
    """``--window``, ``--change-rate``, ``--gazetteer``, ``--no-builtin-gazetteer``,
    ``--exact-subjects`` and ``--sources``: how claims are linked."""
    return _compose(
        click.option(
            "--window",
            type=click.IntRange(0, 3650),
            default=None,
            metavar="DAYS",
            help="Claims at most this many days apart are about the same time "
            "(default 3); further apart, a different holder is a change of hands.",
        ),
        click.option(
            "--change-rate",
            type=click.FloatRange(0, 1),
            default=None,
            metavar="PER_DAY",
            help="Expected changes of hands per day (default 1/90, about one a "
            "quarter). Reports of control that chain within --window are split "
            "where the holder they give changes, when a change of hands explains "
            "them better than a dispute; 0 never splits.",
        ),
        click.option(
            "--gazetteer",
            type=click.Path(dir_okay=False, exists=True, path_type=Path),
            default=None,
            help="CSV of places (name, aliases, parent, lat, lon) that overrides "
            "learned spellings; it extends the bundled gazetteer and wins where "
            "the two share a spelling.",
        ),
        click.option(
            "--no-builtin-gazetteer",
            is_flag=True,
            help="Leave out the bundled gazetteer of exonyms (Alepo, Halab: Aleppo); "
            "only learned spellings and --gazetteer join places.",
        ),
        click.option(
            "--exact-subjects",
            is_flag=True,
            help="Compare subjects exactly as written: no place spelling resolution "
            "(for item ids such as ISBNs, or Western names).",
        ),
        sources_option,
    )(func)


def echoes_option(func: F) -> F:
    """``--echoes/--no-echoes`` and ``--false-values``: the truth-discovery options
    every command that shows trust takes, with :class:`TruthOptions`' defaults."""
    from ..scoring.truth import TruthOptions

    defaults = TruthOptions()
    return _compose(
        click.option(
            "--echoes/--no-echoes",
            default=defaults.echoes,
            show_default=True,
            help="Truth discovery: count sources that repeat one another (near-identical "
            "output) about once; accu_copy takes them as its first judgement of who "
            "copies whom.",
        ),
        click.option(
            "--false-values",
            callback=_false_values,
            default=str(defaults.false_values),
            show_default=True,
            metavar="observed|N",
            help="Accu/AccuCopy: a wrong source gives one of the item's other observed "
            "values (observed), or one of N values.",
        ),
    )(func)


def documents_option(func: F) -> F:
    """``--score-documents``: score a document's own voice as one more source."""
    return click.option(
        "--score-documents",
        "documents",
        is_flag=True,
        help="Score a .txt document that makes claims in its own voice (no "
        "attribution) as one more source, in agreement and trust; by default its "
        "claims are evidence, shown as the document's, and it is not scored.",
    )(func)


def _false_values(_ctx: click.Context, _param: click.Parameter, value: str) -> str | float:
    if value.strip().lower() == "observed":
        return "observed"
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number >= 1 or number == float("inf"):
        raise click.BadParameter(f"expected 'observed' or a number >= 1, got {value!r}")
    return number


@contextmanager
def _error_boundary() -> Iterator[None]:
    try:
        yield
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    except BrokenPipeError:
        raise  # the reader of standard output left; click exits quietly
    except OSError as exc:
        # A file that went away or a disk that filled up after the checks.
        where = f"{exc.filename}: " if exc.filename is not None else ""
        raise click.ClickException(f"{where}{exc.strerror or exc}") from exc
    finally:
        clear_status()


def fail_cleanly(func: F) -> F:
    """Turn library errors, and failures to read or write a named file, into a
    one-line message and exit status 1, and the library's warnings into one line
    each on standard error (``warning: ...``)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ClaimgraphWarning)
            try:
                # a command builds its structures once and exits: the cyclic
                # collector would only re-walk the millions of live claims, which
                # hold no cycles (docs/benchmarks.md, "speed on one machine")
                with _error_boundary(), collector_paused():
                    return func(*args, **kwargs)
            finally:
                _report_warnings(caught)

    return wrapper  # type: ignore[return-value]


def _report_warnings(caught: list[warnings.WarningMessage]) -> None:
    """Print claimgraph's warnings, once each; hand any other back to Python."""
    shown: set[str] = set()
    for warning in caught:
        if issubclass(warning.category, ClaimgraphWarning):
            text = str(warning.message)
            if text not in shown:
                shown.add(text)
                warn(text)
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
