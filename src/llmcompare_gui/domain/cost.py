"""The cost engine: what a monthly workload costs on every model at once.

For ``I`` input and ``O`` output tokens a month, of which a share ``c`` of the
input is served from cache::

    cost = (I·(1−c)·input + I·c·cached + O·output) / 1,000,000

with ``cached`` taken as ``input`` where a model has no cached price. The
optional reasoning overhead multiplies the output tokens of models that have a
reasoning (thinking) mode; at its default of 1 the formula above holds exactly.

Prices are gathered once into numpy arrays (:class:`PriceTable`); a scenario
change is then one vectorised call for all models, with no Python loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .model import Model

FloatArray = npt.NDArray[np.float64]

PER_MILLION = 1_000_000.0


class ScenarioError(ValueError):
    """A scenario value out of range."""


@dataclass(frozen=True)
class Scenario:
    """A monthly workload."""

    input_tokens: float = 100e6
    output_tokens: float = 20e6
    cached_share: float = 0.0
    reasoning_overhead: float = 1.0
    """Multiplier on output tokens for models with a reasoning mode."""

    def __post_init__(self) -> None:
        for name in ("input_tokens", "output_tokens"):
            value = getattr(self, name)
            if not (value >= 0 and np.isfinite(value)):
                raise ScenarioError(f"{name} must be a non-negative number, not {value!r}")
        if not 0.0 <= self.cached_share <= 1.0:
            raise ScenarioError(f"cached_share must be between 0 and 1, not {self.cached_share!r}")
        if not (self.reasoning_overhead >= 1.0 and np.isfinite(self.reasoning_overhead)):
            raise ScenarioError(
                f"reasoning_overhead must be at least 1, not {self.reasoning_overhead!r}"
            )

    @property
    def input_share(self) -> float:
        """Input tokens as a share of all tokens, for blended prices."""
        total = self.input_tokens + self.output_tokens
        return 0.5 if total == 0 else self.input_tokens / total


@dataclass(frozen=True)
class PriceTable:
    """Every model's prices as columns, in the order of ``models``."""

    input: FloatArray
    cached_input: FloatArray
    output: FloatArray
    reasoning: npt.NDArray[np.bool_]

    @classmethod
    def from_models(cls, models: Sequence[Model]) -> PriceTable:
        count = len(models)
        input_ = np.empty(count)
        cached = np.empty(count)
        output = np.empty(count)
        reasoning = np.zeros(count, dtype=bool)
        for row, model in enumerate(models):
            pricing = model.pricing
            input_[row] = pricing.input_per_mtok
            cached[row] = pricing.effective_cached_input_per_mtok
            output[row] = pricing.output_per_mtok
            reasoning[row] = model.has_reasoning_mode
        return cls(input_, cached, output, reasoning)

    def __len__(self) -> int:
        return len(self.input)

    def blended(self, input_share: float) -> FloatArray:
        """Price per million tokens at a given input:output mix (no cache)."""
        return input_share * self.input + (1.0 - input_share) * self.output


@dataclass(frozen=True)
class CostBreakdown:
    """Monthly cost per model, split as the stacked cost chart shows it."""

    input: FloatArray
    """Input tokens not served from cache."""
    cached_input: FloatArray
    output: FloatArray
    total: FloatArray

    def cheapest(self) -> int | None:
        """Row of the cheapest model, or None without models."""
        return int(np.argmin(self.total)) if len(self.total) else None

    def ratio_to_cheapest(self) -> FloatArray:
        """Each total over the cheapest total (1.0 for the cheapest; inf if it is free)."""
        if not len(self.total):
            return self.total.copy()
        lowest = self.total.min()
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = self.total / lowest
        return np.where(self.total == lowest, 1.0, ratio)


def cheapest_mask(total: FloatArray) -> npt.NDArray[np.bool_]:
    """Which models are the cheapest: the lowest finite total above 0 (ties all marked).

    A model whose total is 0 is free, not the cheapest: the table's ★, the
    calculator and the charts all mark these same models, and call the free
    ones "free".
    """
    total = np.asarray(total, dtype=float)
    paid = np.isfinite(total) & (total > 0)
    if not paid.any():
        return np.zeros(len(total), dtype=bool)
    marked: npt.NDArray[np.bool_] = paid & (total == total[paid].min())
    return marked


def free_mask(total: FloatArray) -> npt.NDArray[np.bool_]:
    """Which models cost nothing under the scenario."""
    free: npt.NDArray[np.bool_] = np.asarray(total, dtype=float) == 0
    return free


def compute_costs(prices: PriceTable, scenario: Scenario) -> CostBreakdown:
    """Cost of ``scenario`` on every model in ``prices``, in one vectorised pass."""
    fresh_input = scenario.input_tokens * (1.0 - scenario.cached_share)
    cached_input = scenario.input_tokens * scenario.cached_share
    output = np.where(
        prices.reasoning,
        scenario.output_tokens * scenario.reasoning_overhead,
        scenario.output_tokens,
    )
    fresh_part = fresh_input * prices.input
    cached_part = cached_input * prices.cached_input
    output_part = output * prices.output
    # Summed before dividing, in the order of the formula, so that the total
    # is bit-for-bit what the documented formula gives.
    total = (fresh_part + cached_part + output_part) / PER_MILLION
    return CostBreakdown(
        input=fresh_part / PER_MILLION,
        cached_input=cached_part / PER_MILLION,
        output=output_part / PER_MILLION,
        total=total,
    )


def input_volume_lines(prices: PriceTable, scenario: Scenario) -> tuple[FloatArray, FloatArray]:
    """Each model's cost as a line in the monthly input volume: ``slope·I + intercept``.

    The output volume and cached share stay as in ``scenario``; ``slope`` is the
    cost of one input token, ``intercept`` the cost of the output tokens.
    """
    per_input_token = (
        (1.0 - scenario.cached_share) * prices.input + scenario.cached_share * prices.cached_input
    ) / PER_MILLION
    output = np.where(
        prices.reasoning,
        scenario.output_tokens * scenario.reasoning_overhead,
        scenario.output_tokens,
    )
    return per_input_token, output * prices.output / PER_MILLION


def input_volume_costs(
    prices: PriceTable, scenario: Scenario, input_volumes: FloatArray
) -> FloatArray:
    """Cost of every model at each input volume: shape (volumes, models)."""
    slope, intercept = input_volume_lines(prices, scenario)
    return np.outer(input_volumes, slope) + intercept


@dataclass(frozen=True)
class BreakEven:
    """Two models cost the same at ``input_tokens`` a month."""

    first: int
    second: int
    input_tokens: float
    cost: float


def break_even_points(prices: PriceTable, scenario: Scenario) -> list[BreakEven]:
    """Input volumes where one model's cost line crosses another's.

    Sorted by volume. Where the cheaper model changes as input grows, that is
    the volume at which a buyer should switch.
    """
    slope, intercept = input_volume_lines(prices, scenario)
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing = (intercept[None, :] - intercept[:, None]) / (slope[:, None] - slope[None, :])
    first, second = np.nonzero(np.triu(np.isfinite(crossing) & (crossing > 0), k=1))
    points = [
        BreakEven(
            int(i), int(j), float(crossing[i, j]), float(slope[i] * crossing[i, j] + intercept[i])
        )
        for i, j in zip(first, second, strict=True)
    ]
    return sorted(points, key=lambda point: point.input_tokens)
