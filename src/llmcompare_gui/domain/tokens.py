"""Token volumes as people write them, read: ``2500000``, ``2.5e6``, ``10M``, ``750k``."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from .formatting import token_volume as format_token_volume  # noqa: F401

# ^ only for ui/table/table_model.py and ui/editing/model_form.py until they switch to
#   domain.formatting.token_volume (the "table" and "parse" helpers); then delete this line.

SUFFIXES = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}
MAX_TOKEN_VOLUME = 10**15
"""The largest monthly token volume accepted (1,000T): far above any real workload, and
small enough that every cost of it stays an exact, readable number."""

_VOLUME = re.compile(
    r"""^\s*
    (?P<number>(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)
    \s*(?P<suffix>[kmbt]?)
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)


_GROUPED = re.compile(r"^\s*\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:e[+-]?\d+)?\s*[kmbt]?\s*$", re.I)
"""Commas only as thousands separators: 2,500,000 or 1,000.5k."""


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


def parse_token_volume(text: str) -> float:
    """Read a non-negative token volume.

    Plain numbers and scientific notation are accepted, with an optional
    case-insensitive suffix K, M, B or T; ``_`` and ``,`` may separate digits.
    Raises :class:`TokenVolumeError` with a message that quotes the input.
    """
    if "," in text and not _GROUPED.match(text):
        # "1,5M" would be 15M or 1.5M depending on who reads it: refuse, with a hint.
        raise TokenVolumeError(f"{text!r}: write decimals with a point, e.g. 1.5M")
    cleaned = text.replace("_", "").replace(",", "")
    match = _VOLUME.match(cleaned)
    if match is None:
        raise TokenVolumeError(
            f"{text!r} is not a token volume; write a number such as "
            "2500000, 2.5e6, 750k, 10M, 2.5B or 1T"
        )
    # In decimal, then rounded once: float("16.1") * 1000 would give 16100.000000000002.
    try:
        value = float(Decimal(match["number"]) * SUFFIXES[match["suffix"].lower()])
    except ArithmeticError:  # an exponent beyond what decimal handles
        value = math.inf
    if not math.isfinite(value) or value > MAX_TOKEN_VOLUME:
        raise TokenVolumeError(
            f"{text.strip()!r} is above the limit of 10^15 (1,000T) tokens a month"
        )
    return value
