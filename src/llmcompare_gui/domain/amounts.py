"""Obsolete: large amounts are written by ``domain.formatting.compact_amount``.

Kept only while ui/table/table_model.py imports ``large_amount`` from here; delete this
module once the "table" helper has switched that file to ``domain.formatting``.
"""

from __future__ import annotations

from .formatting import COMPACT_FROM
from .formatting import compact_amount as large_amount

__all__ = ["COMPACT_FROM", "large_amount"]
