from __future__ import annotations

import numpy as np
import pytest

from llmcompare_gui.domain.cost import PriceTable, Scenario, ScenarioError, compute_costs
from llmcompare_gui.store.jsonstore import default_store


def contract_cost(
    i: float, o: float, c: float, inp: float, cached: float | None, out: float
) -> float:
    cached_price = inp if cached is None else cached
    return (i * (1 - c) * inp + i * c * cached_price + o * out) / 1_000_000


def test_reference_models_cost_exactly_the_article_prices() -> None:
    store = default_store()
    costs = compute_costs(PriceTable.from_models(store.models), Scenario(1e9, 100e6, 0.0))
    by_id = dict(zip((m.id for m in store.models), costs.total, strict=True))
    assert by_id == {"kimi-k2": 850.0, "deepseek-v3.1": 716.0, "deepseek-v3-r1": 420.0}


@pytest.mark.parametrize("share", [0.0, 0.25, 0.4, 1.0])
def test_total_is_the_contract_formula_bit_for_bit(share: float) -> None:
    store = default_store()
    scenario = Scenario(123_456_789, 9_876_543, share)
    costs = compute_costs(PriceTable.from_models(store.models), scenario)
    for model, total in zip(store.models, costs.total, strict=True):
        p = model.pricing
        expected = contract_cost(
            scenario.input_tokens,
            scenario.output_tokens,
            share,
            p.input_per_mtok,
            p.cached_input_per_mtok,
            p.output_per_mtok,
        )
        assert total == expected
    np.testing.assert_allclose(costs.input + costs.cached_input + costs.output, costs.total)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"input_tokens": -1},
        {"output_tokens": float("nan")},
        {"cached_share": 1.5},
        {"reasoning_overhead": 0.5},
    ],
)
def test_scenario_refuses_values_out_of_range(kwargs: dict[str, float]) -> None:
    with pytest.raises(ScenarioError):
        Scenario(**kwargs)


def test_the_cheapest_is_the_lowest_cost_above_zero_and_zero_is_free() -> None:
    from llmcompare_gui.domain.cost import cheapest_mask, free_mask

    totals = np.array([3.0, 0.0, 1.5, 1.5, np.nan])
    assert cheapest_mask(totals).tolist() == [False, False, True, True, False]
    assert free_mask(totals).tolist() == [False, True, False, False, False]
    assert cheapest_mask(np.array([0.0, 0.0])).tolist() == [False, False]
    assert cheapest_mask(np.empty(0)).tolist() == []
