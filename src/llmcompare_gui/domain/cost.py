"""The cost engine: what a monthly workload costs on every model at once.

For ``I`` input and ``O`` output tokens a month, of which a share ``c`` of the
input is read from cache and a share ``w`` written to it, with ``P`` input
tokens per request (so ``R = I / P`` requests) and a reasoning overhead ``r``
(models with a reasoning mode produce ``O·(r−1)`` reasoning tokens)::

    C = ( I·(1−c−w)·input + I·c·cached_input + I·w·cache_write
          + O·output + O·(r−1)·reasoning ) / 1,000,000  +  R·per_request

    cost = (1−s)·C(card) + s·C(card at its off-peak prices)

after the card's service tier and then its long-context tier (by ``P``) are
chosen (CONTRACT §3). With the three prices of schema 1 and every knob at its
default this is exactly ``(I·(1−c)·input + I·c·cached + O·output) / 1e6``.

The cards are gathered once into numpy arrays (:class:`PriceTable`). The knobs
that choose prices (service tier, prompt size, display currency) are resolved
into one column per price, cached by those knobs (:class:`EffectivePrices`);
a volume or share change is then pure array arithmetic for all models.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from .formatting import percent, token_volume
from .model import PRICE_FIELDS, LongContextTier, Model, PriceCard, PriceOverrides, Store
from .tokens import MAX_TOKEN_VOLUME, TokenVolumeError, check_token_volume

FloatArray = npt.NDArray[np.float64]

PER_MILLION = 1_000_000.0

ServiceTierName = Literal["standard", "batch", "flex", "priority"]
CacheTtl = Literal["5m", "1h"]
SERVICE_TIER_NAMES: tuple[ServiceTierName, ...] = get_args(ServiceTierName)
CACHE_TTLS: tuple[CacheTtl, ...] = get_args(CacheTtl)

# Column order of the resolved price arrays.
_INPUT, _CACHED, _WRITE_5M, _WRITE_1H, _OUTPUT, _REASONING, _REQUEST = range(7)
_FIELD_COUNT = 7
_FIELD_INDEX = {name: index for index, name in enumerate(PRICE_FIELDS)}
_FALLBACKS = ((_CACHED, _INPUT), (_WRITE_5M, _INPUT), (_WRITE_1H, _WRITE_5M), (_REASONING, _OUTPUT))
"""CONTRACT §2's "when absent": (column, the column it falls back to). The 1h write comes
after the 5m write so that it falls back to the 5m price once that one is filled."""


class ScenarioError(ValueError):
    """A scenario value out of range; ``field`` names the value."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


class CurrencyError(ValueError):
    """A currency the store has no exchange rate for."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Scenario:
    """A monthly workload and the knobs that choose its prices."""

    input_tokens: float = 100e6
    output_tokens: float = 20e6
    cached_share: float = 0.0
    reasoning_overhead: float = 1.0
    """Models with a reasoning mode produce ``O·(r−1)`` reasoning tokens."""
    cache_write_share: float = 0.0
    cache_ttl: CacheTtl = "5m"
    prompt_tokens: float = 10_000
    """Input tokens per request (the prompt size): chooses long-context tiers."""
    service_tier: ServiceTierName = "standard"
    off_peak_share: float = 0.0
    currency: str | None = None
    """Display currency; None: the store's."""

    def __post_init__(self) -> None:
        for name in ("input_tokens", "output_tokens"):
            try:
                check_token_volume(getattr(self, name), name)
            except TokenVolumeError as error:
                raise ScenarioError(name, str(error)) from None
        prompt = self.prompt_tokens
        if not (_is_number(prompt) and 0 < prompt <= MAX_TOKEN_VOLUME):
            raise ScenarioError(
                "prompt_tokens",
                f"prompt_tokens must be a number above 0 and at most 10^15, not {prompt!r}",
            )
        for name in ("cached_share", "cache_write_share", "off_peak_share"):
            value = getattr(self, name)
            if not (_is_number(value) and 0.0 <= value <= 1.0):
                raise ScenarioError(name, f"{name} must be between 0 and 1, not {value!r}")
        if self.cached_share + self.cache_write_share > 1.0:
            raise ScenarioError(
                "cache_write_share",
                f"cached_share + cache_write_share must be at most 1, not "
                f"{self.cached_share!r} + {self.cache_write_share!r}",
            )
        overhead = self.reasoning_overhead
        if not (_is_number(overhead) and 1.0 <= overhead <= 1e6):
            raise ScenarioError(
                "reasoning_overhead", f"reasoning_overhead must be at least 1, not {overhead!r}"
            )
        if self.cache_ttl not in CACHE_TTLS:
            raise ScenarioError(
                "cache_ttl",
                f"cache_ttl must be one of {', '.join(CACHE_TTLS)}, not {self.cache_ttl!r}",
            )
        if self.service_tier not in SERVICE_TIER_NAMES:
            raise ScenarioError(
                "service_tier",
                f"service_tier must be one of {', '.join(SERVICE_TIER_NAMES)}, "
                f"not {self.service_tier!r}",
            )
        if self.currency is not None and not (
            isinstance(self.currency, str)
            and len(self.currency) == 3
            and self.currency.isascii()
            and self.currency.isupper()
            and self.currency.isalpha()
        ):
            raise ScenarioError(
                "currency",
                f"currency must be a three-letter code such as EUR, not {self.currency!r}",
            )

    @property
    def input_share(self) -> float:
        """Input tokens as a share of all tokens, for blended prices."""
        total = self.input_tokens + self.output_tokens
        return 0.5 if total == 0 else self.input_tokens / total

    @property
    def requests(self) -> float:
        """Requests a month: ``I / P``."""
        return self.input_tokens / self.prompt_tokens

    def with_changes(self, **changes: Any) -> Scenario:
        """A copy with some values changed (validated again)."""
        return dataclasses.replace(self, **changes)


def _is_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and bool(np.isfinite(float(value)))
    )


@dataclass(frozen=True)
class _ServiceTierColumns:
    """One service tier's cards for every model, long-context tiers resolved."""

    offered: npt.NDArray[np.bool_]
    levels: FloatArray
    """Shape (models, tiers + 1, fields): level 0 the card, level k its k-th tier."""
    thresholds: FloatArray
    """Shape (models, tiers): ascending ``above_prompt_tokens``, +inf where a model has fewer."""


@dataclass(frozen=True)
class EffectivePrices:
    """Every model's prices for one (service tier, prompt size, display currency).

    Columns are per million tokens (``per_request`` per request) in the
    display currency, every fallback of CONTRACT §2 applied.
    """

    input: FloatArray
    cached_input: FloatArray
    cache_write_5m: FloatArray
    cache_write_1h: FloatArray
    output: FloatArray
    reasoning: FloatArray
    per_request: FloatArray
    off_peak: FloatArray
    """Shape (models, fields): the off-peak prices, in the order of ``PRICE_FIELDS``."""
    has_off_peak: npt.NDArray[np.bool_]
    """Models whose off-peak prices apply (a card with ``off_peak``, standard service tier)."""
    notes: list[str]
    """The rule that chose each model's prices, "" for the plain card."""
    currency: str

    def cache_write(self, ttl: CacheTtl) -> FloatArray:
        return self.cache_write_1h if ttl == "1h" else self.cache_write_5m


@dataclass(frozen=True)
class PriceTable:
    """Every model's price cards as columns, in the order of the models."""

    input: FloatArray
    """The standard card's own input price (for tables and blends)."""
    cached_input: FloatArray
    output: FloatArray
    reasoning: npt.NDArray[np.bool_]
    """Whether each model has a reasoning mode."""
    service_tiers: dict[str, _ServiceTierColumns] | None = field(default=None, repr=False)
    off_peak_overrides: FloatArray | None = field(default=None, repr=False)
    """Shape (models, fields): off-peak prices, NaN where the card gives none."""
    has_off_peak: npt.NDArray[np.bool_] | None = field(default=None, repr=False)
    card_currencies: tuple[str | None, ...] | None = field(default=None, repr=False)
    store_currency: str = "USD"
    rates: dict[str, float] = field(default_factory=dict, repr=False)
    """Units of each currency per one unit of ``store_currency``."""
    _resolved: dict[tuple[str, float, str], EffectivePrices] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def from_models(
        cls,
        models: Sequence[Model],
        currency: str = "USD",
        rates: dict[str, float] | None = None,
    ) -> PriceTable:
        """Gather the cards of ``models`` (in a store of ``currency`` with ``rates``)."""
        count = len(models)
        reasoning = np.fromiter((m.has_reasoning_mode for m in models), dtype=bool, count=count)
        cards = [m.pricing for m in models]
        tiers = _all_service_tiers(cards)
        off_peak = np.full((count, _FIELD_COUNT), np.nan)
        has_off_peak = np.zeros(count, dtype=bool)
        for row, card in enumerate(cards):
            if card.off_peak is not None:
                has_off_peak[row] = True
                off_peak[row] = _off_peak_fields(card, card.off_peak)
        standard = tiers["standard"].levels[:, 0, :] if count else np.empty((0, _FIELD_COUNT))
        return cls(
            input=standard[:, _INPUT].copy(),
            cached_input=standard[:, _CACHED].copy(),
            output=standard[:, _OUTPUT].copy(),
            reasoning=reasoning,
            service_tiers=tiers,
            off_peak_overrides=off_peak,
            has_off_peak=has_off_peak,
            card_currencies=tuple(card.currency for card in cards),
            store_currency=currency,
            rates=dict(rates or {}),
        )

    @classmethod
    def from_store(cls, store: Store, models: Sequence[Model] | None = None) -> PriceTable:
        """The cards of ``models`` (default: all of the store's) with the store's currency."""
        rates = store.exchange_rates.rates if store.exchange_rates is not None else {}
        return cls.from_models(store.models if models is None else models, store.currency, rates)

    def __len__(self) -> int:
        return len(self.input)

    def subset(self, rows: npt.NDArray[np.intp]) -> PriceTable:
        """The table of some models only, in the order of ``rows``."""
        tiers = self._tiers()
        return PriceTable(
            input=self.input[rows],
            cached_input=self.cached_input[rows],
            output=self.output[rows],
            reasoning=self.reasoning[rows],
            service_tiers={
                name: _ServiceTierColumns(
                    columns.offered[rows], columns.levels[rows], columns.thresholds[rows]
                )
                for name, columns in tiers.items()
            },
            off_peak_overrides=self._off_peak()[0][rows],
            has_off_peak=self._off_peak()[1][rows],
            card_currencies=tuple(self._currencies()[int(row)] for row in rows),
            store_currency=self.store_currency,
            rates=self.rates,
        )

    def blended(self, input_share: float) -> FloatArray:
        """Price per million tokens at a given input:output mix (no cache)."""
        return input_share * self.input + (1.0 - input_share) * self.output

    def rate(self, code: str) -> float | None:
        return 1.0 if code == self.store_currency else self.rates.get(code)

    def resolve(self, scenario: Scenario) -> EffectivePrices:
        """The prices the scenario's service tier, prompt size and currency choose (cached)."""
        currency = scenario.currency or self.store_currency
        key = (scenario.service_tier, float(scenario.prompt_tokens), currency)
        found = self._resolved.get(key)
        if found is None:
            if len(self._resolved) > 64:  # prompt-size sweeps would otherwise pile up
                self._resolved.clear()
            found = self._resolve(*key)
            self._resolved[key] = found
        return found

    def _tiers(self) -> dict[str, _ServiceTierColumns]:
        if self.service_tiers is not None:
            return self.service_tiers
        # A table built from bare columns: the three prices of schema 1.
        count = len(self.input)
        levels = np.empty((count, 1, _FIELD_COUNT))
        levels[:, 0, _INPUT] = self.input
        levels[:, 0, _CACHED] = self.cached_input
        levels[:, 0, _WRITE_5M] = self.input
        levels[:, 0, _WRITE_1H] = self.input
        levels[:, 0, _OUTPUT] = self.output
        levels[:, 0, _REASONING] = self.output
        levels[:, 0, _REQUEST] = 0.0
        standard = _ServiceTierColumns(np.ones(count, dtype=bool), levels, np.empty((count, 0)))
        unoffered = _ServiceTierColumns(np.zeros(count, dtype=bool), levels, standard.thresholds)
        return {"standard": standard, "batch": unoffered, "flex": unoffered, "priority": unoffered}

    def _off_peak(self) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
        if self.off_peak_overrides is None or self.has_off_peak is None:
            count = len(self.input)
            return np.full((count, _FIELD_COUNT), np.nan), np.zeros(count, dtype=bool)
        return self.off_peak_overrides, self.has_off_peak

    def _currencies(self) -> tuple[str | None, ...]:
        if self.card_currencies is None:
            return (None,) * len(self.input)
        return self.card_currencies

    def _resolve(self, tier_name: str, prompt_tokens: float, currency: str) -> EffectivePrices:
        tiers = self._tiers()
        count = len(self.input)
        chosen = tiers[tier_name]
        standard = tiers["standard"]
        offered = chosen.offered
        rows = np.arange(count)
        # Not offered: standard prices, noted.
        levels = np.where(offered[:, None, None], chosen.levels, standard.levels)
        thresholds = np.where(offered[:, None], chosen.thresholds, standard.thresholds)
        level = (
            (thresholds < prompt_tokens).sum(axis=1)
            if thresholds.shape[1]
            else np.zeros(count, dtype=np.intp)
        )
        prices = levels[rows, level, :] if count else np.empty((0, _FIELD_COUNT))
        overrides, has_off_peak = self._off_peak()
        if tier_name != "standard":
            has_off_peak = np.zeros(count, dtype=bool)
        off_peak = np.where(np.isnan(overrides), prices, overrides)
        factor = self._conversion(currency)
        if factor is not None:
            prices = prices * factor[:, None]
            off_peak = off_peak * factor[:, None]
        notes = [""] * count
        for row in np.flatnonzero(~offered):
            notes[row] = f"no {tier_name} price: standard prices"
        for row in np.flatnonzero(level):
            threshold = thresholds[row, level[row] - 1]
            tier_note = (
                f"prompt {token_volume(prompt_tokens)} > "
                f"{token_volume(float(threshold))}: whole request at the long-context rates"
            )
            notes[row] = f"{notes[row]}; {tier_note}" if notes[row] else tier_note
        return EffectivePrices(
            input=prices[:, _INPUT],
            cached_input=prices[:, _CACHED],
            cache_write_5m=prices[:, _WRITE_5M],
            cache_write_1h=prices[:, _WRITE_1H],
            output=prices[:, _OUTPUT],
            reasoning=prices[:, _REASONING],
            per_request=prices[:, _REQUEST],
            off_peak=off_peak,
            has_off_peak=has_off_peak,
            notes=notes,
            currency=currency,
        )

    def _conversion(self, currency: str) -> FloatArray | None:
        """Per model, the factor from its card's currency to ``currency``; None: all 1."""
        cards = self._currencies()
        if currency == self.store_currency and all(
            code is None or code == currency for code in cards
        ):
            return None
        target = self.rate(currency)
        if target is None:
            raise CurrencyError(
                currency,
                f"no exchange rate for {currency}: the store has rates for "
                f"{', '.join(sorted({self.store_currency, *self.rates})) or 'none'}",
            )
        factors = np.empty(len(cards))
        for row, code in enumerate(cards):
            source = 1.0 if code is None else self.rate(code)
            if source is None:
                raise CurrencyError(code or "", f"no exchange rate for {code}")
            factors[row] = target / source
        return factors


def _card_fields(overrides: PriceOverrides | PriceCard) -> FloatArray:
    return np.array(_raw_prices(overrides), dtype=float)


def _raw_prices(overrides: PriceOverrides | PriceCard) -> list[float]:
    """The prices an object gives, in the order of ``PRICE_FIELDS``; NaN where it gives none."""
    return [
        np.nan if (value := getattr(overrides, name)) is None else value for name in PRICE_FIELDS
    ]


def _off_peak_fields(card: PriceCard, off_peak: PriceOverrides) -> FloatArray:
    """Off-peak prices; where the card derives a price, it follows the off-peak one."""
    card_raw = _card_fields(card)
    values = _card_fields(off_peak)
    for derived, origin in _FALLBACKS:
        if np.isnan(values[derived]) and np.isnan(card_raw[derived]):
            values[derived] = values[origin]
    return values


def _with_fallbacks(raw: FloatArray) -> FloatArray:
    """Fill what a level leaves open (CONTRACT §2's 'when absent'); works on (..., fields)."""
    out = raw.copy()
    for derived, origin in _FALLBACKS:
        column = out[..., derived]
        out[..., derived] = np.where(np.isnan(column), out[..., origin], column)
    out[..., _REQUEST] = np.nan_to_num(out[..., _REQUEST], nan=0.0)
    return out


def _filled(raw: list[float]) -> list[float]:
    """:func:`_with_fallbacks` for one level, in plain Python (faster on seven numbers)."""
    out = list(raw)
    for derived, origin in _FALLBACKS:
        if math.isnan(out[derived]):
            out[derived] = out[origin]
    if math.isnan(out[_REQUEST]):
        out[_REQUEST] = 0.0
    return out


def _card_levels(
    base: list[float], tiers: Sequence[LongContextTier]
) -> tuple[list[list[float]], list[float]]:
    """The card and each tier (ascending), a tier's missing prices from the tier below."""
    levels = [_filled(base)]
    thresholds: list[float] = []
    below = base
    for tier in sorted(tiers, key=lambda t: t.above_prompt_tokens):
        # A price the tier leaves open is the one the level below gives; one
        # nobody gives follows the tier's own input or output price.
        raw = [b if math.isnan(t) else t for t, b in zip(_raw_prices(tier), below, strict=True)]
        levels.append(_filled(raw))
        thresholds.append(float(tier.above_prompt_tokens))
        below = raw
    return levels, thresholds


def _all_service_tiers(cards: Sequence[PriceCard]) -> dict[str, _ServiceTierColumns]:
    """Every service tier's columns, built with one pass over the cards.

    Most cards are flat: their levels are filled for all rows at once; only
    cards with long-context tiers or service tiers are walked one by one.
    """
    count = len(cards)
    raw = np.array([_raw_prices(card) for card in cards], dtype=float).reshape(count, _FIELD_COUNT)
    bases = dict.fromkeys(SERVICE_TIER_NAMES, raw)
    offered = {name: np.zeros(count, dtype=bool) for name in SERVICE_TIER_NAMES}
    offered["standard"][:] = True
    tiered: dict[str, dict[int, Sequence[LongContextTier]]] = {n: {} for n in SERVICE_TIER_NAMES}
    for row, card in enumerate(cards):
        if card.tiers:
            for name in SERVICE_TIER_NAMES:
                tiered[name][row] = card.tiers
        services = card.service_tiers
        if services is None:
            continue
        for name in SERVICE_TIER_NAMES[1:]:
            service = getattr(services, name)
            if service is None:
                continue
            offered[name][row] = True
            if bases[name] is raw:
                bases[name] = raw.copy()
            own = _card_fields(service)
            bases[name][row] = np.where(np.isnan(own), raw[row], own)
            if service.tiers is not None:
                tiered[name][row] = service.tiers
                if not service.tiers:
                    del tiered[name][row]
    depth = max(
        (len(tiers) for per_row in tiered.values() for tiers in per_row.values()), default=0
    )
    result: dict[str, _ServiceTierColumns] = {}
    for name in SERVICE_TIER_NAMES:
        levels = np.empty((count, depth + 1, _FIELD_COUNT))
        levels[:] = _with_fallbacks(bases[name])[:, None, :]
        thresholds = np.full((count, depth), np.inf)
        for row, tiers in tiered[name].items():
            card_levels, card_thresholds = _card_levels(bases[name][row].tolist(), tiers)
            levels[row, : len(card_levels)] = card_levels
            levels[row, len(card_levels) :] = card_levels[-1]
            thresholds[row, : len(card_thresholds)] = card_thresholds
        result[name] = _ServiceTierColumns(offered[name], levels, thresholds)
    return result


@dataclass(frozen=True)
class CostBreakdown:
    """Monthly cost per model, split into the terms of the formula."""

    input: FloatArray
    """Fresh input: neither read from nor written to cache."""
    cached_input: FloatArray
    cache_write: FloatArray
    output: FloatArray
    reasoning: FloatArray
    """The ``O·(r−1)`` reasoning tokens of models with a reasoning mode."""
    request: FloatArray
    """Per-request fees."""
    total: FloatArray
    notes: list[str] = field(default_factory=list)
    """Per model, the rule that priced it; "" for the plain card."""
    currency: str = "USD"

    COMPONENTS = ("input", "cached_input", "cache_write", "output", "reasoning", "request")

    def components(self) -> dict[str, FloatArray]:
        """The terms by name, in the order of the formula."""
        return {name: getattr(self, name) for name in self.COMPONENTS}


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


def ratio_to_cheapest(total: FloatArray) -> FloatArray:
    """Each total over the cheapest paid one (as :func:`cheapest_mask` marks it).

    1.0 for the cheapest, 0.0 for a free model; NaN where it has no meaning: a
    total that is not finite, or no paid model at all.
    """
    total = np.asarray(total, dtype=float)
    cheapest = cheapest_mask(total)
    if not cheapest.any():
        return np.full(len(total), np.nan)
    ratio: FloatArray = np.where(np.isfinite(total), total / total[cheapest][0], np.nan)
    return ratio


def free_mask(total: FloatArray) -> npt.NDArray[np.bool_]:
    """Which models cost nothing under the scenario."""
    free: npt.NDArray[np.bool_] = np.asarray(total, dtype=float) == 0
    return free


def compute_costs(prices: PriceTable, scenario: Scenario) -> CostBreakdown:
    """Cost of ``scenario`` on every model in ``prices``, in one vectorised pass."""
    effective = prices.resolve(scenario)
    tokens = _token_volumes(prices, scenario)
    peak = _terms(effective_columns(effective), tokens)
    total = _total(peak)
    share = scenario.off_peak_share
    notes = effective.notes
    if share and effective.has_off_peak.any():
        off = _terms(_off_peak_columns(effective), tokens)
        weight = np.where(effective.has_off_peak, share, 0.0)
        peak = tuple((1.0 - weight) * p + weight * o for p, o in zip(peak, off, strict=True))
        total = (1.0 - weight) * total + weight * _total(off)
        label = f"{percent(share)} off-peak"
        notes = [
            (f"{note}; {label}" if note else label) if has else note
            for note, has in zip(notes, effective.has_off_peak.tolist(), strict=True)
        ]
    fresh, cached, write, output, reasoning, request = peak
    return CostBreakdown(
        input=fresh / PER_MILLION,
        cached_input=cached / PER_MILLION,
        cache_write=write / PER_MILLION,
        output=output / PER_MILLION,
        reasoning=reasoning / PER_MILLION,
        request=request,
        total=total,
        notes=list(notes),
        currency=effective.currency,
    )


@dataclass(frozen=True)
class _Tokens:
    fresh: float
    cached: float
    written: float
    output: float
    reasoning: FloatArray | float
    requests: float
    cache_ttl: CacheTtl


def _token_volumes(prices: PriceTable, scenario: Scenario) -> _Tokens:
    extra = scenario.output_tokens * (scenario.reasoning_overhead - 1.0)
    reasoning: FloatArray | float = np.where(prices.reasoning, extra, 0.0) if extra else 0.0
    # 1 − c − w computed as (1 − c) − w, so that with w = 0 it is exactly 1 − c.
    return _Tokens(
        fresh=scenario.input_tokens * (1.0 - scenario.cached_share - scenario.cache_write_share),
        cached=scenario.input_tokens * scenario.cached_share,
        written=scenario.input_tokens * scenario.cache_write_share,
        output=scenario.output_tokens,
        reasoning=reasoning,
        requests=scenario.requests,
        cache_ttl=scenario.cache_ttl,
    )


_Columns = tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]
_Terms = tuple[FloatArray, ...]
"""Fresh input, cached input, cache write, output, reasoning, request fees."""


def effective_columns(effective: EffectivePrices) -> _Columns:
    return (
        effective.input,
        effective.cached_input,
        effective.cache_write_5m,
        effective.cache_write_1h,
        effective.output,
        effective.reasoning,
        effective.per_request,
    )


def _off_peak_columns(effective: EffectivePrices) -> _Columns:
    op = effective.off_peak
    return (op[:, 0], op[:, 1], op[:, 2], op[:, 3], op[:, 4], op[:, 5], op[:, 6])


def _terms(columns: _Columns, tokens: _Tokens) -> _Terms:
    """The terms before division by a million (the request fees already per month)."""
    input_, cached, write_5m, write_1h, output, reasoning, per_request = columns
    write = write_1h if tokens.cache_ttl == "1h" else write_5m
    return (
        tokens.fresh * input_,
        tokens.cached * cached,
        tokens.written * write,
        tokens.output * output,
        tokens.reasoning * reasoning,
        tokens.requests * per_request,
    )


def _total(
    terms: _Terms,
) -> FloatArray:
    fresh, cached, write, output, reasoning, request = terms
    # Summed before dividing, in the order of the formula, so that with the
    # terms schema 1 lacks at zero the total is bit-for-bit the schema-1 one
    # (adding 0.0 changes no float).
    return (fresh + cached + write + output + reasoning) / PER_MILLION + request


def input_volume_lines(prices: PriceTable, scenario: Scenario) -> tuple[FloatArray, FloatArray]:
    """Each model's cost as a line in the monthly input volume: ``slope·I + intercept``.

    Everything but ``I`` stays as in ``scenario`` (the prompt size too, so the
    request fees ``I/P·per_request`` are linear in ``I``); ``slope`` is the cost
    of one input token, ``intercept`` the cost of the output tokens.
    """
    # The cost is a sum of an input part and an output part, with no cross terms.
    no_input = compute_costs(prices, scenario.with_changes(input_tokens=0.0))
    input_only = compute_costs(
        prices, scenario.with_changes(input_tokens=PER_MILLION, output_tokens=0.0)
    )
    return input_only.total / PER_MILLION, no_input.total


def input_volume_costs(
    prices: PriceTable, scenario: Scenario, input_volumes: FloatArray
) -> FloatArray:
    """Cost of every model at each input volume: shape (volumes, models)."""
    slope, intercept = input_volume_lines(prices, scenario)
    return np.outer(input_volumes, slope) + intercept


def prompt_size_costs(
    prices: PriceTable, scenario: Scenario, prompt_sizes: FloatArray
) -> FloatArray:
    """Cost of ``scenario`` on every model at each prompt size: shape (sizes, models).

    The monthly volumes stay as in ``scenario``; a bigger prompt means fewer
    requests (fewer request fees) and, past a tier's threshold, the whole
    request at the tier's prices: the cliffs are in the result.
    """
    sizes = np.asarray(prompt_sizes, dtype=float)
    result = np.empty((len(sizes), len(prices)))
    for index, size in enumerate(sizes):
        result[index] = compute_costs(
            prices, scenario.with_changes(prompt_tokens=float(size))
        ).total
    return result


def tier_thresholds(prices: PriceTable, scenario: Scenario) -> list[list[float]]:
    """Per model, the prompt sizes where its price changes under the scenario's service tier."""
    tiers = prices._tiers()
    chosen = tiers[scenario.service_tier]
    standard = tiers["standard"]
    thresholds = np.where(chosen.offered[:, None], chosen.thresholds, standard.thresholds)
    return [[float(t) for t in row if np.isfinite(t)] for row in thresholds]


def price_per_mtok(costs: CostBreakdown, scenario: Scenario) -> FloatArray:
    """The effective price of the workload: total cost per million tokens of input and output."""
    tokens = scenario.input_tokens + scenario.output_tokens
    if tokens == 0:
        return np.zeros_like(costs.total)
    return costs.total / (tokens / PER_MILLION)


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
