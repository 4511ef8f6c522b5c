"""The analysis on a Dask cluster: claims partitioned by resolved place.

Needs the ``dask`` extra (``pip install 'claimgraph[dask]'``), imported on
first use. :class:`DaskClaimGraph` cuts the claims by resolved place and builds
one claim graph per partition on the workers; its disputes, source agreement
and truth discovery equal those of the single-process
:class:`~claimgraph.graph.ClaimGraph` of the same claims. See docs/scale.md.
"""

from ._client import LOCAL, dask_client
from ._graph import (
    DaskClaimGraph,
    PartitionFigures,
    find_disputes_dask,
    partition_places,
    source_agreement_dask,
)

__all__ = [
    "LOCAL",
    "DaskClaimGraph",
    "PartitionFigures",
    "dask_client",
    "find_disputes_dask",
    "partition_places",
    "source_agreement_dask",
]
