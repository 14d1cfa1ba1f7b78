"""Token volumes: the range every volume keeps.

Reading typed volumes (``2.5e6``, ``10M``) is :func:`.parsing.parse_token_volume`;
writing one (``2.5B``) is :func:`.formatting.token_volume`.
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
