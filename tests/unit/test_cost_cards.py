"""Schema-2 price cards in the cost engine (CONTRACT §2, §3), worked out by hand.

Each expected figure below is the vendor's published rate times the tokens,
written out; none is computed by the code under test.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from llmcompare_gui.domain.cost import (
    CurrencyError,
    PriceTable,
    Scenario,
    ScenarioError,
    compute_costs,
    input_volume_costs,
    prompt_size_costs,
)
from llmcompare_gui.domain.model import Model, Store


def card_model(model_id: str, reasoning: bool = False, **pricing: Any) -> Model:
    return Model.model_validate(
        {
            "id": model_id,
            "name": model_id,
            "pricing": pricing,
            "modes": [{"name": "thinking", "reasoning": True}] if reasoning else [],
        }
    )


# Google's published Gemini 2.5 Pro rates: $1.25 / $10 per M up to 200K prompt
# tokens, $2.50 / $15 above, cache reads $0.125 / $0.25.
GEMINI_25_PRO = card_model(
    "gemini-2.5-pro",
    input_per_mtok=1.25,
    output_per_mtok=10.0,
    cached_input_per_mtok=0.125,
    tiers=[
        {
            "above_prompt_tokens": 200_000,
            "input_per_mtok": 2.5,
            "output_per_mtok": 15.0,
            "cached_input_per_mtok": 0.25,
        }
    ],
)
# Anthropic's Claude Sonnet 4.5: $3 input, $15 output, cache reads $0.30,
# 5-minute cache writes $3.75 (1.25×), 1-hour writes $6 (2×).
SONNET_45 = card_model(
    "claude-sonnet-4-5",
    input_per_mtok=3.0,
    output_per_mtok=15.0,
    cached_input_per_mtok=0.3,
    cache_write_per_mtok=3.75,
    cache_write_1h_per_mtok=6.0,
)
GPT_5 = card_model(
    "gpt-5",
    input_per_mtok=1.25,
    output_per_mtok=10.0,
    cached_input_per_mtok=0.125,
    service_tiers={
        "flex": {"input_per_mtok": 0.625, "output_per_mtok": 5.0, "cached_input_per_mtok": 0.0625},
        "priority": {"input_per_mtok": 2.5, "output_per_mtok": 20.0, "cached_input_per_mtok": 0.25},
    },
)
DEEPSEEK = card_model(
    "deepseek-flash",
    input_per_mtok=0.3,
    output_per_mtok=1.2,
    cached_input_per_mtok=0.006,
    off_peak={
        "input_per_mtok": 0.15,
        "output_per_mtok": 0.6,
        "cached_input_per_mtok": 0.003,
        "windows": [{"days": [6, 7], "start_utc": "00:00", "end_utc": "00:00"}],
    },
)


def costs_of(model: Model, **scenario: Any) -> Any:
    return compute_costs(PriceTable.from_models([model]), Scenario(**scenario))


def test_gemini_25_pro_below_and_above_its_200k_tier() -> None:
    below = costs_of(GEMINI_25_PRO, input_tokens=100e6, output_tokens=10e6, prompt_tokens=150e3)
    # 100M × $1.25 + 10M × $10
    assert below.total[0] == pytest.approx(125.0 + 100.0)
    assert below.notes == [""]
    above = costs_of(GEMINI_25_PRO, input_tokens=100e6, output_tokens=10e6, prompt_tokens=250e3)
    # The whole request at the tier: 100M × $2.50 + 10M × $15
    assert above.total[0] == pytest.approx(250.0 + 150.0)
    assert above.notes == ["prompt 250K > 200K: whole request at the long-context rates"]


def test_a_prompt_of_exactly_the_threshold_is_not_above_it() -> None:
    at = costs_of(GEMINI_25_PRO, input_tokens=1e6, output_tokens=0, prompt_tokens=200_000)
    over = costs_of(GEMINI_25_PRO, input_tokens=1e6, output_tokens=0, prompt_tokens=200_001)
    assert (at.total[0], over.total[0]) == pytest.approx((1.25, 2.5))


def test_cached_input_inside_the_long_context_tier() -> None:
    costs = costs_of(
        GEMINI_25_PRO, input_tokens=100e6, output_tokens=0, cached_share=0.4, prompt_tokens=300e3
    )
    # 60M fresh × $2.50 + 40M cached × $0.25
    assert costs.input[0] == pytest.approx(150.0)
    assert costs.cached_input[0] == pytest.approx(10.0)
    assert costs.total[0] == pytest.approx(160.0)


def test_a_tier_without_a_price_falls_back_to_the_card() -> None:
    model = card_model(
        "m",
        input_per_mtok=1.0,
        output_per_mtok=4.0,
        cached_input_per_mtok=0.1,
        tiers=[
            {"above_prompt_tokens": 100_000, "input_per_mtok": 2.0},
            {"above_prompt_tokens": 500_000, "output_per_mtok": 8.0},
        ],
    )
    scenario = {"input_tokens": 1e6, "output_tokens": 1e6, "cached_share": 0.5}
    # Above 100K: input $2, output still the card's $4, cached the card's $0.10.
    mid = costs_of(model, prompt_tokens=200e3, **scenario)
    assert mid.total[0] == pytest.approx(0.5 * 2.0 + 0.5 * 0.1 + 4.0)
    # Above 500K: output $8, input from the tier below ($2).
    top = costs_of(model, prompt_tokens=600e3, **scenario)
    assert top.total[0] == pytest.approx(0.5 * 2.0 + 0.5 * 0.1 + 8.0)
    assert top.notes == ["prompt 600K > 500K: whole request at the long-context rates"]


@pytest.mark.parametrize(("ttl", "write_price"), [("5m", 3.75), ("1h", 6.0)])
def test_sonnet_45_cache_writes_at_the_published_rates(ttl: str, write_price: float) -> None:
    costs = costs_of(
        SONNET_45,
        input_tokens=100e6,
        output_tokens=10e6,
        cached_share=0.5,
        cache_write_share=0.2,
        cache_ttl=ttl,
    )
    # 30M fresh × $3, 50M read × $0.30, 20M written × the write price, 10M out × $15
    assert costs.input[0] == pytest.approx(90.0)
    assert costs.cached_input[0] == pytest.approx(15.0)
    assert costs.cache_write[0] == pytest.approx(20.0 * write_price)
    assert costs.output[0] == pytest.approx(150.0)
    assert costs.total[0] == pytest.approx(90.0 + 15.0 + 20.0 * write_price + 150.0)


def test_cache_writes_without_a_write_price_cost_the_input_price() -> None:
    plain = card_model("plain", input_per_mtok=2.0, output_per_mtok=1.0)
    costs = costs_of(
        plain, input_tokens=1e6, output_tokens=0, cache_write_share=0.5, cache_ttl="1h"
    )
    assert costs.total[0] == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("tier", "expected", "note"),
    [
        # 100M × $1.25 + 10M × $10 at standard
        ("standard", 225.0, ""),
        # flex: 100M × $0.625 + 10M × $5
        ("flex", 112.5, ""),
        # priority: 100M × $2.50 + 10M × $20
        ("priority", 450.0, ""),
        ("batch", 225.0, "no batch price: standard prices"),
    ],
)
def test_gpt_5_service_tiers(tier: str, expected: float, note: str) -> None:
    costs = costs_of(GPT_5, input_tokens=100e6, output_tokens=10e6, service_tier=tier)
    assert costs.total[0] == pytest.approx(expected)
    assert costs.notes == [note]


def test_an_empty_service_tier_is_offered_at_standard_prices() -> None:
    model = card_model("m", input_per_mtok=1.0, output_per_mtok=2.0, service_tiers={"batch": {}})
    costs = costs_of(model, input_tokens=1e6, output_tokens=1e6, service_tier="batch")
    assert (costs.total[0], costs.notes) == (pytest.approx(3.0), [""])


def test_off_peak_share_mixes_the_two_cards() -> None:
    costs = costs_of(DEEPSEEK, input_tokens=100e6, output_tokens=10e6, off_peak_share=0.3)
    # peak: 100M × $0.30 + 10M × $1.20 = 42; off-peak: 100M × $0.15 + 10M × $0.60 = 21
    assert costs.total[0] == pytest.approx(0.7 * 42.0 + 0.3 * 21.0)
    assert costs.notes == ["30 % off-peak"]
    parts = sum(costs.components().values())
    np.testing.assert_allclose(parts, costs.total)


def test_off_peak_applies_only_at_the_standard_service_tier() -> None:
    costs = costs_of(
        DEEPSEEK, input_tokens=100e6, output_tokens=10e6, off_peak_share=0.3, service_tier="flex"
    )
    assert costs.total[0] == pytest.approx(42.0)
    assert costs.notes == ["no flex price: standard prices"]


def test_reasoning_tokens_at_their_own_rate_and_request_fees() -> None:
    model = card_model(
        "search",
        reasoning=True,
        input_per_mtok=1.0,
        output_per_mtok=4.0,
        reasoning_per_mtok=8.0,
        per_request=0.005,
    )
    costs = costs_of(
        model, input_tokens=100e6, output_tokens=10e6, reasoning_overhead=1.5, prompt_tokens=10e3
    )
    # 10M × $4 output, 5M reasoning × $8, 10,000 requests × $0.005
    assert costs.output[0] == pytest.approx(40.0)
    assert costs.reasoning[0] == pytest.approx(40.0)
    assert costs.request[0] == pytest.approx(50.0)
    assert costs.total[0] == pytest.approx(100.0 + 40.0 + 40.0 + 50.0)


def test_reasoning_tokens_without_their_own_rate_are_billed_at_the_output_price() -> None:
    model = card_model("thinker", reasoning=True, input_per_mtok=1.0, output_per_mtok=4.0)
    costs = costs_of(model, input_tokens=0, output_tokens=10e6, reasoning_overhead=2.0)
    # CONTRACT: no reasoning price, so the 10M extra reasoning tokens cost the output $4/M.
    assert costs.reasoning[0] == pytest.approx(40.0)
    assert costs.total[0] == pytest.approx(80.0)


def test_models_without_a_reasoning_mode_produce_no_reasoning_tokens() -> None:
    model = card_model("plain", input_per_mtok=1.0, output_per_mtok=4.0, reasoning_per_mtok=8.0)
    costs = costs_of(model, input_tokens=0, output_tokens=1e6, reasoning_overhead=3.0)
    assert (costs.reasoning[0], costs.total[0]) == (0.0, pytest.approx(4.0))


def test_cost_is_linear_in_input_volume_with_the_prompt_size_fixed() -> None:
    models = [
        GEMINI_25_PRO,
        SONNET_45,
        card_model("fee", input_per_mtok=1.0, output_per_mtok=1.0, per_request=0.01),
    ]
    prices = PriceTable.from_models(models)
    scenario = Scenario(5e6, 1e6, 0.1, cache_write_share=0.2, prompt_tokens=250e3)
    volumes = np.array([1e6, 3e7, 2e9])
    lines = input_volume_costs(prices, scenario, volumes)
    for row, volume in enumerate(volumes):
        direct = compute_costs(prices, scenario.with_changes(input_tokens=float(volume))).total
        np.testing.assert_allclose(lines[row], direct, rtol=1e-12)


def test_cost_against_prompt_size_has_the_cliff() -> None:
    prices = PriceTable.from_models([GEMINI_25_PRO])
    sizes = np.array([100e3, 200e3, 200_001, 400e3])
    costs = prompt_size_costs(prices, Scenario(10e6, 1e6), sizes)
    assert costs.shape == (4, 1)
    # 10M × $1.25 + 1M × $10 below, 10M × $2.50 + 1M × $15 above
    np.testing.assert_allclose(costs[:, 0], [22.5, 22.5, 40.0, 40.0])


def test_costs_convert_to_the_display_currency() -> None:
    store = Store.model_validate(
        {
            "currency": "USD",
            "exchange_rates": {"as_of": "2026-11-01", "rates": {"CNY": 8.0, "EUR": 0.5}},
            "models": [
                {
                    "id": "usd",
                    "name": "usd",
                    "pricing": {"input_per_mtok": 2.0, "output_per_mtok": 0},
                },
                {
                    "id": "cny",
                    "name": "cny",
                    "pricing": {"input_per_mtok": 8.0, "output_per_mtok": 0, "currency": "CNY"},
                },
            ],
        }
    )
    prices = PriceTable.from_store(store)
    in_usd = compute_costs(prices, Scenario(1e6, 0))
    # CNY 8 = USD 1 at 8 CNY per USD
    assert (list(in_usd.total), in_usd.currency) == ([2.0, 1.0], "USD")
    in_eur = compute_costs(prices, Scenario(1e6, 0, currency="EUR"))
    assert (list(in_eur.total), in_eur.currency) == ([1.0, 0.5], "EUR")
    with pytest.raises(CurrencyError, match="GBP"):
        compute_costs(prices, Scenario(1e6, 0, currency="GBP"))


def test_a_card_currency_without_a_rate_is_refused_by_the_store() -> None:
    with pytest.raises(ValueError, match="no exchange rate for CNY"):
        Store.model_validate(
            {
                "models": [
                    {
                        "id": "m",
                        "name": "m",
                        "pricing": {"input_per_mtok": 1, "output_per_mtok": 1, "currency": "CNY"},
                    }
                ]
            }
        )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"cached_share": 0.7, "cache_write_share": 0.4}, "cache_write_share"),
        ({"prompt_tokens": 0}, "prompt_tokens"),
        ({"service_tier": "turbo"}, "service_tier"),
        ({"cache_ttl": "2h"}, "cache_ttl"),
        ({"off_peak_share": 1.5}, "off_peak_share"),
        ({"cache_write_share": -0.1}, "cache_write_share"),
        ({"reasoning_overhead": 0.9}, "reasoning_overhead"),
        ({"input_tokens": 2e15}, "input_tokens"),
        ({"currency": "euro"}, "currency"),
    ],
)
def test_scenario_names_the_bad_field(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ScenarioError, match=field) as caught:
        Scenario(**kwargs)
    assert caught.value.field == field


def test_resolved_prices_are_cached_by_the_tier_knobs() -> None:
    prices = PriceTable.from_models([GEMINI_25_PRO])
    first = prices.resolve(Scenario(prompt_tokens=250e3))
    assert prices.resolve(Scenario(1.0, 2.0, 0.5, prompt_tokens=250e3)) is first
    assert prices.resolve(Scenario(prompt_tokens=150e3)) is not first
