"""Dask, imported on first use, and the client a scheduler argument stands for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .._errors import import_optional

__all__ = ["LOCAL", "dask_client", "distributed"]

#: The scheduler argument that starts a cluster on this machine.
LOCAL = "local"

_FEATURE = "the Dask path (claimgraph.scale, --dask)"


def distributed() -> Any:
    """The ``distributed`` module, or MissingDependencyError naming the ``dask`` extra."""
    return import_optional("distributed", "dask", _FEATURE)


@contextmanager
def dask_client(
    scheduler: Any = None, *, processes: bool = True, workers: int | None = None
) -> Iterator[Any]:
    """A ``distributed.Client`` for ``scheduler``, closed on leaving (unless given).

    Parameters
    ----------
    scheduler : None, str or distributed.Client
        ``None`` or ``"local"`` start a ``LocalCluster`` on this machine for the
        duration (no dashboard); an address such as ``tcp://10.0.0.5:8786``
        connects to a running scheduler; a client is used as it is and left open.
    processes, workers : bool, int or None
        For a local cluster: worker processes (``False``: threads of this
        process) and how many (default: Dask's, one per core or so).

    Raises
    ------
    MissingDependencyError
        Dask is not installed (``pip install 'claimgraph[dask]'``).
    """
    dist = distributed()
    if isinstance(scheduler, dist.Client):
        yield scheduler
        return
    if scheduler is None or scheduler == LOCAL:
        cluster = dist.LocalCluster(
            n_workers=workers,
            processes=processes,
            dashboard_address=None,
            threads_per_worker=1 if processes else None,
        )
        try:
            with dist.Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    with dist.Client(str(scheduler)) as client:
        yield client
