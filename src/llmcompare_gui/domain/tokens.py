"""Token volumes: the range every volume keeps, and the compact way to write one (``2.5B``).

Reading typed volumes (``2.5e6``, ``10M``) is :func:`.parsing.parse_token_volume`.
"""

from __future__ import annotations

import math

MAX_TOKEN_VOLUME = 10**15
"""The largest monthly token volume accepted (1,000T): far above any real workload, and
small enough that every cost of it stays an exact, readable number."""


class TokenVolumeError(ValueError):
    """A token volume that cannot be read, or is outside 0 … :data:`MAX_TOKEN_VOLUME`."""


def check_token_volume(value: float, what: str = "a token volume") -> float:
    """``value`` if it is a volume the app accepts; else :class:`TokenVolumeError` naming the range.

    The one place the range is enforced: the parser and the :class:`Scenario` both call it.
    """
    if not (math.isfinite(value) and 0 <= value <= MAX_TOKEN_VOLUME):
        raise TokenVolumeError(
            f"{_plain(value)} is outside the range of {what}: 0 to 10^15 (1,000T) tokens a month"
        )
    return value


def _plain(value: float) -> str:
    return f"{value:,.0f}" if math.isfinite(value) and abs(value) < 1e18 else f"{value:g}"


def format_token_volume(value: float, digits: int = 3) -> str:
    """Write a volume compactly (``2.5B``); :func:`.parsing.parse_token_volume` reads it back.

    At most ``digits`` significant digits are kept, so the round trip is exact
    for values that have no more than that many.
    """
    if value < 0 or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a token volume")
    for suffix, scale in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if value >= scale:
            return _compact(value / scale, digits) + suffix
    return _compact(value, digits)


def _compact(number: float, digits: int) -> str:
    text = f"{number:.{digits}g}"
    if "e" in text:  # only for numbers ≥ 10**digits, e.g. 5000T
        return f"{number:.0f}"
    return text
