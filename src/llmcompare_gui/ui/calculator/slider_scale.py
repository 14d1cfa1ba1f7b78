"""Slider maths, Qt-free: log-scale positions ↔ round token volumes, and shares that fit.

Token sliders are logarithmic: integer positions over 10^3 … 10^11 tokens in
:data:`STEPS_PER_DECADE` steps a decade, each position worth a round number
(two significant digits).
"""

from __future__ import annotations

import math

MIN_DECADE = 3
"""The token sliders start at 10^3 (1K) tokens a month."""
MAX_DECADE = 11
"""… and end at 10^11 (100B)."""
STEPS_PER_DECADE = 24
SLIDER_MAX = (MAX_DECADE - MIN_DECADE) * STEPS_PER_DECADE

# Each step of a decade as a round mantissa in tenths (10 = 1.0, 11 = 1.1, … 91 = 9.1).
_MANTISSAS = tuple(round(10 ** (step / STEPS_PER_DECADE) * 10) for step in range(STEPS_PER_DECADE))


def slider_value(position: int) -> float:
    """The token volume at a slider position: a round number, exact as an integer."""
    position = min(max(position, 0), SLIDER_MAX)
    decade, step = divmod(position, STEPS_PER_DECADE)
    return float(_MANTISSAS[step] * 10 ** (MIN_DECADE + decade - 1))


def slider_position(volume: float) -> int:
    """The slider position nearest to ``volume`` (on the log scale), pinned at the ends."""
    if not volume > 0:
        return 0
    position = round((math.log10(volume) - MIN_DECADE) * STEPS_PER_DECADE)
    position = min(max(position, 0), SLIDER_MAX)
    # Round numbers between two steps: pick the position whose value is nearest in log.
    best = position
    for candidate in (position - 1, position + 1):
        if 0 <= candidate <= SLIDER_MAX and abs(math.log10(slider_value(candidate) / volume)) < abs(
            math.log10(slider_value(best) / volume)
        ):
            best = candidate
    return best


def fitting_share(percent: int, other: float) -> float:
    """``percent`` as a share, cut so that it and ``other`` add up to at most 1."""
    share = min(percent / 100, 1.0 - other)
    while share + other > 1.0:  # float rounding of 1 − other
        share = math.nextafter(share, 0.0)
    return max(share, 0.0)
