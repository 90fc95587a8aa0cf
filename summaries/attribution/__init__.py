"""The chain of attribution: wire agencies, cited outlets, dateline; the outlet tables."""

from __future__ import annotations

from summaries.attribution._chain import find_attribution
from summaries.attribution._outlets import canonical_outlet

__all__ = [
    "canonical_outlet",
    "find_attribution",
]
