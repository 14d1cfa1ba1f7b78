"""Properties of the cost engine on random schema-2 cards (hypothesis).

The expectations are relations between costs (monotone, unchanged, equal to
a flat card written out by hand), never numbers produced by the engine alone.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from llmcompare_gui.domain.cost import PriceTable, Scenario, compute_costs
from llmcompare_gui.domain.model import Model

prices = st.floats(min_value=0, max_value=1000, allow_subnormal=False)
fractions = st.floats(min_value=0, max_value=1, allow_subnormal=False)
volumes = st.floats(min_value=0, max_value=1e13, allow_subnormal=False)
prompts = st.floats(min_value=1, max_value=2e6, allow_subnormal=False)
tiers_names = st.sampled_from(["standard", "batch", "flex", "priority"])


@st.composite
def cards(draw: st.DrawFn) -> dict[str, Any]:
    """A card whose cached price never exceeds its input price, at any level."""
    base = draw(prices)
    card: dict[str, Any] = {
        "input_per_mtok": base,
        "output_per_mtok": draw(prices),
        "cached_input_per_mtok": base * draw(fractions),
    }
    for name in ("cache_write_per_mtok", "cache_write_1h_per_mtok", "reasoning_per_mtok"):
        card[name] = draw(st.none() | prices)
    card["per_request"] = draw(st.none() | st.floats(0, 1, allow_subnormal=False))
    thresholds = draw(st.lists(st.integers(1, 2_000_000), max_size=3, unique=True))
    tiers = []
    for threshold in thresholds:
        tier_input = base * (1 + draw(fractions))  # long context costs more
        tiers.append(
            {
                "above_prompt_tokens": threshold,
                "input_per_mtok": tier_input,
                "cached_input_per_mtok": tier_input * draw(fractions),
                "output_per_mtok": draw(st.none() | prices),
            }
        )
    if tiers:
        card["tiers"] = tiers
    services: dict[str, Any] = {}
    for name in ("batch", "flex", "priority"):
        if draw(st.booleans()):
            service_input = draw(prices)
            services[name] = {
                "input_per_mtok": service_input,
                "cached_input_per_mtok": service_input * draw(fractions),
            }
    if services:
        card["service_tiers"] = services
    if draw(st.booleans()):
        off_input = draw(prices)
        card["off_peak"] = {
            "input_per_mtok": off_input,
            "cached_input_per_mtok": off_input * draw(fractions),
            "output_per_mtok": draw(prices),
            "windows": [{"days": [6, 7], "start_utc": "00:00", "end_utc": "00:00"}],
        }
    return card


def table_of(*cards_: dict[str, Any], reasoning: bool = False) -> PriceTable:
    modes = [{"name": "thinking", "reasoning": True}] if reasoning else []
    return PriceTable.from_models(
        [
            Model.model_validate({"id": f"m{i}", "name": f"M{i}", "pricing": c, "modes": modes})
            for i, c in enumerate(cards_)
        ]
    )


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    cached = draw(fractions)
    return {
        "input_tokens": draw(volumes),
        "output_tokens": draw(volumes),
        "cached_share": cached,
        "cache_write_share": draw(fractions) * (1 - cached),
        "cache_ttl": draw(st.sampled_from(["5m", "1h"])),
        "prompt_tokens": draw(prompts),
        "service_tier": draw(tiers_names),
        "off_peak_share": draw(fractions),
        "reasoning_overhead": 1 + draw(fractions) * 3,
    }


def close_or_below(low: np.ndarray, high: np.ndarray) -> bool:
    slack = 8 * np.spacing(np.maximum(np.abs(low), np.abs(high)))
    return bool((low <= high + slack).all())


@settings(max_examples=100)
@given(
    cards(), scenarios(), volumes, st.sampled_from(["input_tokens", "output_tokens"]), st.booleans()
)
def test_cost_is_monotone_in_each_volume(
    card: dict[str, Any], knobs: dict[str, Any], extra: float, volume: str, thinking: bool
) -> None:
    table = table_of(card, reasoning=thinking)
    smaller = compute_costs(table, Scenario(**knobs)).total
    bigger = compute_costs(table, Scenario(**{**knobs, volume: knobs[volume] + extra})).total
    assert close_or_below(smaller, bigger)


@settings(max_examples=100)
@given(cards(), scenarios(), fractions)
def test_moving_input_to_cache_reads_never_raises_the_cost(
    card: dict[str, Any], knobs: dict[str, Any], moved: float
) -> None:
    table = table_of(card)
    before = compute_costs(table, Scenario(**knobs)).total
    room = 1 - knobs["cached_share"] - knobs["cache_write_share"]
    cached = knobs["cached_share"] + max(room, 0) * moved
    while cached + knobs["cache_write_share"] > 1:  # rounding may overshoot by an ulp
        cached = math.nextafter(cached, 0)
    after_knobs = {**knobs, "cached_share": cached}
    after = compute_costs(table, Scenario(**after_knobs)).total
    assert close_or_below(after, before)


@settings(max_examples=100)
@given(cards(), scenarios())
def test_a_prompt_just_above_a_threshold_is_priced_wholly_at_the_tier(
    card: dict[str, Any], knobs: dict[str, Any]
) -> None:
    card = {k: v for k, v in card.items() if k not in ("service_tiers", "off_peak")}
    tier = {
        "above_prompt_tokens": 100_000,
        "input_per_mtok": 7.0,
        "cached_input_per_mtok": 0.7,
        "output_per_mtok": 21.0,
        "cache_write_per_mtok": 9.0,
        "cache_write_1h_per_mtok": 14.0,
        "reasoning_per_mtok": 30.0,
        "per_request": 0.5,
    }
    card["tiers"] = [tier]
    # The same request on a flat card made of the tier's prices, written out.
    flat = {k: v for k, v in tier.items() if k != "above_prompt_tokens"}
    knobs = {**knobs, "service_tier": "standard", "off_peak_share": 0.0}
    tiered = table_of(card, reasoning=True)
    flat_table = table_of(flat, reasoning=True)
    base_table = table_of({k: v for k, v in card.items() if k != "tiers"}, reasoning=True)
    above = Scenario(**{**knobs, "prompt_tokens": 100_001})
    at = Scenario(**{**knobs, "prompt_tokens": 100_000})
    assert compute_costs(tiered, above).total[0] == compute_costs(flat_table, above).total[0]
    assert compute_costs(tiered, at).total[0] == compute_costs(base_table, at).total[0]


@given(
    st.lists(st.tuples(prices, prices, st.none() | prices), min_size=1, max_size=5),
    volumes,
    volumes,
    fractions,
)
def test_schema_1_cards_at_default_knobs_follow_the_schema_1_formula_bit_for_bit(
    rows: list[tuple[float, float, float | None]], i: float, o: float, c: float
) -> None:
    table = table_of(
        *(
            {"input_per_mtok": inp, "output_per_mtok": out, "cached_input_per_mtok": cached}
            for inp, out, cached in rows
        )
    )
    totals = compute_costs(table, Scenario(i, o, c)).total
    for (inp, out, cached), total in zip(rows, totals, strict=True):
        cached_price = inp if cached is None else cached
        expected = (i * (1 - c) * inp + i * c * cached_price + o * out) / 1_000_000
        assert total == expected or (math.isnan(total) and math.isnan(expected))
