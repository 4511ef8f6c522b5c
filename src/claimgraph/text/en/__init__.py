"""The English language pack (``lang="en"``)."""

from .._pack import register_pack
from ._lexicon import PACK

__all__ = ["PACK"]

register_pack(PACK)
