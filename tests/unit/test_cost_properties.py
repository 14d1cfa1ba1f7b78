"""The cost engine against CONTRACT §3, as properties over any prices and volumes."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from llmcompare_gui.domain.cost import (
    PriceTable,
    Scenario,
    break_even_points,
    compute_costs,
    input_volume_costs,
)
from llmcompare_gui.domain.model import Model

# Zero, or at least a millionth of a currency unit per million tokens, and no
# fewer than one token: what a real card and a real workload look like. (Far
# below that, the costs would fall among the subnormal floats, where doubling
# is no longer exact.)
prices = st.just(0.0) | st.floats(min_value=1e-6, max_value=1_000)
volumes = st.just(0.0) | st.floats(min_value=1.0, max_value=1e13)
# Subnormal shares make products lose relative precision in every formula; not a price.
shares = st.floats(min_value=0, max_value=1, allow_nan=False, allow_subnormal=False)
cached_prices = st.none() | prices


def make_model(
    model_id: str,
    input_price: float,
    output_price: float,
    cached: float | None = None,
    reasoning: bool = False,
) -> Model:
    return Model.model_validate(
        {
            "id": model_id,
            "name": model_id.upper(),
            "pricing": {
                "input_per_mtok": input_price,
                "output_per_mtok": output_price,
                "cached_input_per_mtok": cached,
            },
            "modes": [{"name": "thinking", "reasoning": True}] if reasoning else [],
        }
    )


@st.composite
def price_tables(draw: st.DrawFn) -> tuple[list[Model], PriceTable]:
    count = draw(st.integers(min_value=1, max_value=6))
    models = [
        make_model(
            f"m{row}",
            draw(prices),
            draw(prices),
            draw(cached_prices),
            draw(st.booleans()),
        )
        for row in range(count)
    ]
    return models, PriceTable.from_models(models)


def formula(i: float, o: float, c: float, inp: float, cached: float | None, out: float) -> float:
    """CONTRACT §3, written as it is there."""
    cached_price = inp if cached is None else cached
    return (i * (1 - c) * inp + i * c * cached_price + o * out) / 1_000_000


@given(price_tables(), volumes, volumes, shares)
def test_total_is_the_contract_formula_bit_for_bit(
    table: tuple[list[Model], PriceTable], i: float, o: float, c: float
) -> None:
    models, prices_ = table
    costs = compute_costs(prices_, Scenario(i, o, c))
    for model, total in zip(models, costs.total, strict=True):
        p = model.pricing
        expected = formula(i, o, c, p.input_per_mtok, p.cached_input_per_mtok, p.output_per_mtok)
        assert float(total) == expected


@given(price_tables(), volumes, volumes, shares)
def test_parts_add_up_to_the_total(
    table: tuple[list[Model], PriceTable], i: float, o: float, c: float
) -> None:
    costs = compute_costs(table[1], Scenario(i, o, c))
    np.testing.assert_allclose(
        costs.input + costs.cached_input + costs.output, costs.total, rtol=1e-12, atol=1e-300
    )
    assert (costs.input >= 0).all()
    assert (costs.cached_input >= 0).all()
    assert (costs.output >= 0).all()


@given(price_tables(), volumes, volumes, shares)
def test_doubling_both_volumes_doubles_the_cost_exactly(
    table: tuple[list[Model], PriceTable], i: float, o: float, c: float
) -> None:
    prices_ = table[1]
    once = compute_costs(prices_, Scenario(i, o, c)).total
    twice = compute_costs(prices_, Scenario(2 * i, 2 * o, c)).total
    assert (twice == 2 * once).all()


@given(price_tables(), volumes, volumes, volumes, volumes, shares)
def test_cost_is_linear_in_each_volume(
    table: tuple[list[Model], PriceTable], i1: float, i2: float, o1: float, o2: float, c: float
) -> None:
    prices_ = table[1]

    def total(i: float, o: float) -> np.ndarray:
        return compute_costs(prices_, Scenario(i, o, c)).total

    np.testing.assert_allclose(total(i1 + i2, o1), total(i1, o1) + total(i2, 0), rtol=1e-12)
    np.testing.assert_allclose(total(i1, o1 + o2), total(i1, o1) + total(0, o2), rtol=1e-12)
    assert (total(0, 0) == 0).all()


@given(prices, prices, prices, volumes, volumes, shares, shares)
def test_cost_does_not_fall_as_less_input_comes_from_cache(
    inp: float, cached: float, out: float, i: float, o: float, c1: float, c2: float
) -> None:
    assume(cached <= inp)
    low, high = sorted((c1, c2))
    table = PriceTable.from_models([make_model("m", inp, out, cached)])
    less_cached = float(compute_costs(table, Scenario(i, o, low)).total[0])
    more_cached = float(compute_costs(table, Scenario(i, o, high)).total[0])
    # Exactly, the difference is I·(high−low)·(input−cached)/10⁶ ≥ 0; allow the
    # few units in the last place that three roundings can cost.
    assert less_cached >= more_cached - 8 * math.ulp(max(less_cached, more_cached))


@given(prices, prices, volumes, volumes, shares)
def test_null_cached_price_costs_the_input_price(
    inp: float, out: float, i: float, o: float, c: float
) -> None:
    table = PriceTable.from_models(
        [make_model("null", inp, out), make_model("same", inp, out, inp)]
    )
    assert table.cached_input[0] == inp
    total = compute_costs(table, Scenario(i, o, c)).total
    assert total[0] == total[1]


def test_cached_share_moves_input_cost_to_the_cached_price() -> None:
    table = PriceTable.from_models([make_model("m", 1.0, 2.0, 0.25)])
    costs = compute_costs(table, Scenario(1e6, 0, 0.4))
    assert float(costs.input[0]) == pytest.approx(0.6)
    assert float(costs.cached_input[0]) == pytest.approx(0.1)
    assert float(costs.total[0]) == pytest.approx(0.7)


def test_reasoning_overhead_only_multiplies_reasoning_models_output() -> None:
    table = PriceTable.from_models(
        [make_model("plain", 1.0, 2.0), make_model("thinker", 1.0, 2.0, reasoning=True)]
    )
    base = compute_costs(table, Scenario(1e6, 1e6, 0.0))
    assert base.total[0] == base.total[1] == 3.0
    heavy = compute_costs(table, Scenario(1e6, 1e6, 0.0, reasoning_overhead=1.5))
    # The thinker's 0.5M reasoning tokens are billed at its output price ($2/M).
    assert list(heavy.output) == [2.0, 2.0]
    assert list(heavy.reasoning) == [0.0, 1.0]
    assert list(heavy.total) == [3.0, 4.0]


def test_cheapest_and_ratio() -> None:
    table = PriceTable.from_models(
        [make_model("a", 2.0, 2.0), make_model("b", 1.0, 1.0), make_model("c", 4.0, 4.0)]
    )
    costs = compute_costs(table, Scenario(1e6, 1e6, 0.0))
    assert costs.cheapest() == 1
    assert list(costs.ratio_to_cheapest()) == [2.0, 1.0, 4.0]
    empty = compute_costs(PriceTable.from_models([]), Scenario())
    assert empty.cheapest() is None
    assert len(empty.ratio_to_cheapest()) == 0


# --- break-even ---------------------------------------------------------------------------


def test_break_even_of_two_crossing_lines() -> None:
    # With 1M output tokens: A costs I/10⁶·1 + 10 and B costs I/10⁶·2 + 1.
    # They cost the same at I = 9M tokens, where both cost 19.
    table = PriceTable.from_models([make_model("a", 1.0, 10.0), make_model("b", 2.0, 1.0)])
    scenario = Scenario(input_tokens=1e6, output_tokens=1e6)
    points = break_even_points(table, scenario)
    assert len(points) == 1
    point = points[0]
    assert (point.first, point.second) == (0, 1)
    assert point.input_tokens == pytest.approx(9e6)
    assert point.cost == pytest.approx(19.0)
    at_point = compute_costs(table, Scenario(point.input_tokens, 1e6)).total
    np.testing.assert_allclose(at_point, [19.0, 19.0])
    # The cheaper model changes there: B below, A above.
    assert list(np.argmin(input_volume_costs(table, scenario, np.array([1e6, 1e8])), axis=1)) == [
        1,
        0,
    ]


def test_break_even_uses_the_cached_share() -> None:
    # A: input 2, cached 0, output 10; B: input 1, no cached price, output 1.
    # At half the input cached, A's input costs 1 per M like B's: the lines
    # never cross. With nothing cached they cross where 2x + 10 = x + 1: never
    # for x > 0. With 90 % cached A costs 0.2x + 10 against x + 1: x = 11.25M.
    table = PriceTable.from_models([make_model("a", 2.0, 10.0, 0.0), make_model("b", 1.0, 1.0)])
    assert break_even_points(table, Scenario(1e6, 1e6, 0.5)) == []
    assert break_even_points(table, Scenario(1e6, 1e6, 0.0)) == []
    (point,) = break_even_points(table, Scenario(1e6, 1e6, 0.9))
    assert point.input_tokens == pytest.approx(11.25e6)
    assert point.cost == pytest.approx(0.2 * 11.25 + 10)


def test_break_even_points_are_sorted_and_skip_parallel_lines() -> None:
    table = PriceTable.from_models(
        [
            make_model("a", 1.0, 10.0),
            make_model("b", 2.0, 1.0),
            make_model("c", 3.0, 0.0),
            make_model("d", 1.0, 5.0),  # parallel to a: never crosses it
        ]
    )
    points = break_even_points(table, Scenario(1e6, 1e6))
    volumes_ = [p.input_tokens for p in points]
    assert volumes_ == sorted(volumes_)
    assert all({p.first, p.second} != {0, 3} for p in points)
    for point in points:
        costs = compute_costs(table, Scenario(point.input_tokens, 1e6)).total
        assert costs[point.first] == pytest.approx(costs[point.second])
        assert costs[point.first] == pytest.approx(point.cost)
