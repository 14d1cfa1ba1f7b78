"""The data model: what a store may hold (CONTRACT §2)."""

from __future__ import annotations

import math
from typing import Any

import pytest
from pydantic import ValidationError

from llmcompare_gui.domain.model import (
    BenchmarkResult,
    Model,
    Pricing,
    Quantity,
    Source,
    Store,
)


def pricing(**changes: Any) -> dict[str, Any]:
    return {"input_per_mtok": 0.6, "output_per_mtok": 2.5, **changes}


def model(model_id: str = "kimi-k2", **changes: Any) -> dict[str, Any]:
    return {"id": model_id, "name": "Kimi K2", "pricing": pricing(), **changes}


def test_minimal_contract_file_is_valid() -> None:
    store = Store.model_validate(
        {
            "schema_version": 1,
            "currency": "USD",
            "models": [model(pricing=pricing(cached_input_per_mtok=None))],
        }
    )
    only = store.models[0]
    assert (only.id, only.name) == ("kimi-k2", "Kimi K2")
    assert only.pricing.cached_input_per_mtok is None
    assert only.pricing.effective_cached_input_per_mtok == 0.6


def test_currency_defaults_to_usd_and_everything_else_is_optional() -> None:
    store = Store.model_validate({"models": [model()]})
    assert store.currency == "USD"
    assert store.schema_version == 2
    assert store.benchmarks == []
    only = store.models[0]
    assert (only.benchmarks, only.modes, only.architecture) == ({}, [], None)
    assert store.model_fields_set == {"models"}


def test_cached_price_absent_means_the_input_price() -> None:
    assert Pricing.model_validate(pricing()).effective_cached_input_per_mtok == 0.6
    assert (
        Pricing.model_validate(pricing(cached_input_per_mtok=0.15)).effective_cached_input_per_mtok
        == 0.15
    )


def test_duplicate_ids_are_refused_with_their_indexes() -> None:
    with pytest.raises(ValidationError, match=r"models\[2\]: duplicate model id 'a' .*models\[0\]"):
        Store.model_validate({"models": [model("a"), model("b"), model("a")]})
    with pytest.raises(ValidationError, match=r"benchmarks\[1\]: duplicate benchmark id 'x'"):
        Store.model_validate(
            {"models": [], "benchmarks": [{"id": "x", "name": "X"}, {"id": "x", "name": "Y"}]}
        )


@pytest.mark.parametrize(
    "value",
    ["0.5", True, False, -0.01, math.nan, math.inf, -math.inf, None, [1], {"usd": 1}],
    ids=repr,
)
@pytest.mark.parametrize("field", ["input_per_mtok", "output_per_mtok"])
def test_price_must_be_a_non_negative_finite_number(field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        Pricing.model_validate(pricing(**{field: value}))
    assert caught.value.errors()[0]["loc"][0] == field


@pytest.mark.parametrize("value", ["0.5", True, -1.0, math.nan, math.inf], ids=repr)
def test_cached_price_is_checked_like_the_others(value: Any) -> None:
    with pytest.raises(ValidationError):
        Pricing.model_validate(pricing(cached_input_per_mtok=value))


@pytest.mark.parametrize("value", [0, 0.0, 1, 1e-9, 1e6])
def test_zero_and_whole_prices_are_fine(value: float) -> None:
    assert Pricing.model_validate(pricing(input_per_mtok=value)).input_per_mtok == value


def test_assignment_is_validated_too() -> None:
    price = Pricing.model_validate(pricing())
    with pytest.raises(ValidationError):
        price.input_per_mtok = -1
    assert price.input_per_mtok == 0.6


@pytest.mark.parametrize("missing", ["id", "name", "pricing"])
def test_model_needs_id_name_and_pricing(missing: str) -> None:
    data = model()
    del data[missing]
    with pytest.raises(ValidationError) as caught:
        Model.model_validate(data)
    assert caught.value.errors()[0]["loc"] == (missing,)


@pytest.mark.parametrize("field", ["id", "name"])
def test_id_and_name_must_not_be_empty(field: str) -> None:
    with pytest.raises(ValidationError):
        Model.model_validate(model(**{field: ""}))


def test_benchmark_result_needs_a_score_or_a_note() -> None:
    with pytest.raises(ValidationError, match="needs a score or a note"):
        BenchmarkResult.model_validate({})
    with pytest.raises(ValidationError, match="needs a score or a note"):
        BenchmarkResult.model_validate({"note": ""})
    assert BenchmarkResult.model_validate({"score": 0.0}).score == 0.0
    assert BenchmarkResult.model_validate({"note": "lower than K2"}).note == "lower than K2"
    for bad in (math.nan, math.inf, "65.8", True):
        with pytest.raises(ValidationError):
            BenchmarkResult.model_validate({"score": bad})


def test_quantities_keep_whole_numbers_whole_and_must_be_positive() -> None:
    assert type(Quantity.model_validate({"value": 262144}).value) is int
    assert type(Quantity.model_validate({"value": 1.5}).value) is float
    for bad in (0, -1, math.nan, math.inf, "1T", True):
        with pytest.raises(ValidationError):
            Quantity.model_validate({"value": bad})


@pytest.mark.parametrize("date", ["2025", "2025-11", "2025-11-01"])
def test_dates_are_iso_prefixes(date: str) -> None:
    assert Source.model_validate({"title": "t", "retrieved": date}).retrieved == date


@pytest.mark.parametrize("date", ["01/11/2025", "2025-1-1", "November 2025", "2025-11-01T00:00"])
def test_other_date_forms_are_refused(date: str) -> None:
    with pytest.raises(ValidationError):
        Source.model_validate({"title": "t", "retrieved": date})


@pytest.mark.parametrize("date", ["2025-02-30", "2025-13", "2025-00-01", "0000"])
def test_dates_that_do_not_exist_are_refused_as_the_editors_refuse_them(date: str) -> None:
    with pytest.raises(ValidationError, match="is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"):
        Source.model_validate({"title": "t", "retrieved": date})


@pytest.mark.parametrize("currency", ["usd", "US", "EURO", ""])
def test_currency_is_a_three_letter_code(currency: str) -> None:
    with pytest.raises(ValidationError):
        Store.model_validate({"models": [], "currency": currency})


def test_unknown_fields_are_kept() -> None:
    store = Store.model_validate({"models": [model(x_mine={"a": [1]})], "x_top": 1})
    assert store.model_extra == {"x_top": 1}
    assert store.models[0].model_extra == {"x_mine": {"a": [1]}}


def test_reasoning_mode_and_sparsity() -> None:
    thinking = Model.model_validate(
        model(
            modes=[{"name": "non-thinking"}, {"name": "thinking", "reasoning": True}],
            architecture={"total_params_b": {"value": 1000}, "active_params_b": {"value": 32}},
        )
    )
    assert thinking.has_reasoning_mode
    assert thinking.sparsity == pytest.approx(0.032)
    plain = Model.model_validate(model())
    assert not plain.has_reasoning_mode
    assert plain.sparsity is None


def test_store_lookups() -> None:
    store = Store.model_validate(
        {
            "benchmarks": [{"id": "swe", "name": "SWE-Bench Verified"}],
            "models": [
                model("a", benchmarks={"swe": {"score": 65.8}, "extra": {"note": "n/a"}}),
                model("b"),
            ],
        }
    )
    assert store.model("b") is store.models[1]
    assert store.model("nope") is None
    assert store.benchmark_ids() == ["swe", "extra"]
    assert store.benchmark_definition("swe").name == "SWE-Bench Verified"
    undefined = store.benchmark_definition("extra")
    assert (undefined.id, undefined.name, undefined.unit) == ("extra", "extra", "%")
