"""Chart axes: compact tick labels (``1.5k``, ``20M``) and round axis ends."""

from __future__ import annotations

import math

from ..domain.formatting import axis_number, token_volume
from .binding import pg


class CompactAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no stubs: AxisItem is Any
    """Tick labels as ``1.5k``/``20M``; in log mode the ticks are decades of the value."""

    def __init__(self, orientation: str, *, tokens: bool = False) -> None:
        super().__init__(orientation)
        self._tokens = tokens
        self.enableAutoSIPrefix(False)

    def _format(self, value: float) -> str:
        if self._tokens and value >= 0:
            return token_volume(value)
        return axis_number(value)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            return self.logTickStrings(values, scale, spacing)
        return [self._format(value * scale) for value in values]

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = []
        for value in values:
            exponent = value * scale
            # Label decades only: minor ticks between them stay unlabelled.
            if abs(exponent - round(exponent)) < 1e-6:
                strings.append(self._format(10.0 ** round(exponent)))
            else:
                strings.append("")
        return strings


_NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0)


def nice_ceiling(value: float) -> float:
    """The next round number at or above ``value`` (1, 1.2, 1.5, 2, 2.5, 3, 3.5, 4, 5 … 9 × 10^k).

    An axis that ends on one of these changes only now and then as a slider
    moves, so it neither jitters nor has to be laid out again on every tick.
    """
    if not value > 0 or not math.isfinite(value):
        return 1.0
    scale = 10.0 ** math.floor(math.log10(value))
    for step in _NICE_STEPS:
        if step * scale >= value * (1 - 1e-12):
            return step * scale
    return 10.0 * scale
