"""Large numbers written compactly (``1.35B``, ``300T``) instead of digits that are float noise."""

from __future__ import annotations

import math

COMPACT_FROM = 1e9
"""Amounts from here up are written with a suffix; below, callers keep their own style."""

_SCALES = (("B", 1e9), ("T", 1e12))
_SIGNIFICANT = 4


def large_amount(value: float) -> str | None:
    """``1.35B``, ``999.9B``, ``1T``, ``300T``, ``3e+29``; None below :data:`COMPACT_FROM`.

    Four significant digits at most: a float has no more than sixteen, and the
    last of a fifteen-digit sum is noise (``300,000,000,000,000,008,388,608``).
    """
    magnitude = abs(value)
    if not math.isfinite(value) or magnitude < COMPACT_FROM:
        return None
    for suffix, scale in _SCALES:
        mantissa = f"{value / scale:.{_SIGNIFICANT}g}"
        if abs(float(mantissa)) < 1000 and "e" not in mantissa:
            return mantissa + suffix
    if magnitude < 1e15:
        return f"{value / 1e12:.0f}T"  # 999.96T rounds to 1000T
    return f"{value:.3g}"
