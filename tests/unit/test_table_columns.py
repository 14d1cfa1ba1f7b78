"""The table's columns without Qt: what a cell reads, how it sorts, what it writes back."""

from __future__ import annotations

import math

import pytest

from llmcompare_gui.domain.model import Model, Store
from llmcompare_gui.domain.table_columns import (
    CACHE_WRITE,
    CACHED,
    CONTEXT,
    COST,
    INPUT,
    NAME,
    OUTPUT,
    PER_REQUEST,
    SPARSITY,
    TOTAL_PARAMS,
    VENDOR,
    columns_for,
    edited_model,
    empty_card_columns,
    raw_value,
    sorted_rows,
    source_of,
    typed_price,
)

from .table_models import plain_model, rich_model


def test_headers_carry_the_store_currency() -> None:
    store = Store(currency="EUR", models=[plain_model()])
    headers = {column.key: column.header for column in columns_for(store)}
    assert headers[INPUT] == "Input €/M"
    assert headers[COST] == "Cost / month (EUR)"
    assert headers[PER_REQUEST] == "Per request (€)"
    chf = {column.key: column.header for column in columns_for(Store(currency="CHF", models=[]))}
    assert chf[OUTPUT] == "Output CHF /M"


def test_raw_values_are_the_model_figures_unformatted() -> None:
    model = rich_model()
    assert raw_value(model, NAME) == "Model M"
    assert raw_value(model, TOTAL_PARAMS) == 1000
    assert raw_value(model, CONTEXT) == 262144
    assert raw_value(model, SPARSITY) == 0.032  # 32 / 1000
    assert raw_value(model, INPUT) == 1.25
    assert raw_value(model, CACHED) is None
    assert raw_value(model, CACHE_WRITE) == 1.5625
    assert raw_value(model, "bench:nothing") is None


def test_the_card_columns_no_model_fills_are_the_empty_ones() -> None:
    store = Store(models=[plain_model(), rich_model()])
    # rich_model has no 1h cache-write or reasoning price; it has the rest.
    assert empty_card_columns(store) == {"cache_write_1h", "reasoning_price"}


def test_a_cell_source_is_its_own_else_the_model_one() -> None:
    model = rich_model()
    price = source_of(model, INPUT)
    assert price is not None
    assert price.title == "Vendor price page"
    active = source_of(model, "active_params")
    assert active is not None
    assert active.title == "Paper"
    total = source_of(model, TOTAL_PARAMS)
    assert total is not None
    assert total.title == "Model card"
    assert source_of(plain_model(), INPUT) is None


def test_sorting_puts_numbers_then_notes_and_missing_last_both_ways() -> None:
    raws: list[float | str | None] = [3.0, "high", None, 1.0, "Above K2", 3.0]
    # Ascending: 1, 3, 3 (stored order kept), notes a→z ignoring case, missing.
    assert sorted_rows(raws, descending=False) == [3, 0, 5, 4, 1, 2]
    # Descending: notes z→a, then 3, 3 (stored order kept), 1, missing still last.
    assert sorted_rows(raws, descending=True) == [1, 4, 0, 5, 3, 2]


def test_an_edited_price_is_written_back_into_a_copy() -> None:
    model = plain_model()
    edited = edited_model(model, INPUT, "0.75", "USD")
    assert edited is not None
    assert edited.pricing.input_per_mtok == 0.75
    assert model.pricing.input_per_mtok == 0.6  # the original is untouched


def test_an_unchanged_value_edits_nothing() -> None:
    assert edited_model(plain_model(), INPUT, "0.60", "USD") is None
    assert edited_model(plain_model(), NAME, " Plain ", "USD") is None


def test_an_optional_price_can_be_cleared_and_a_name_cannot() -> None:
    model = Model.model_validate(
        {
            "id": "c",
            "name": "C",
            "pricing": {"input_per_mtok": 1, "output_per_mtok": 2, "cached_input_per_mtok": 0.1},
        }
    )
    cleared = edited_model(model, CACHED, "", "USD")
    assert cleared is not None
    assert cleared.pricing.cached_input_per_mtok is None
    with pytest.raises(ValueError, match="a model needs a name"):
        edited_model(model, NAME, "  ", "USD")
    with pytest.raises(ValueError, match="a price is needed here"):
        edited_model(model, INPUT, "", "USD")
    vendor = edited_model(model, VENDOR, "", "USD")
    assert vendor is None  # no vendor before, none after
    renamed = edited_model(model, VENDOR, " Acme ", "USD")
    assert renamed is not None
    assert renamed.vendor == "Acme"


def chf_card() -> Model:
    """A card priced in CHF in a USD store."""
    return Model.model_validate(
        {
            "id": "chf",
            "name": "Swiss",
            "pricing": {"input_per_mtok": 1, "output_per_mtok": 2, "currency": "CHF"},
        }
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.60", 0.6),
        (" 2 ", 2.0),
        ("$0.60", 0.6),  # a currency sign is decoration
        ("CHF 0.60", 0.6),  # the card's own currency code
        ("0.60 chf", 0.6),
        (3, 3.0),
        (0, 0.0),
        ("1,000", 1000.0),
        ("12,345.5", 12345.5),
        ("1e-3", 0.001),
    ],
)
def test_a_typed_price_is_read_by_the_one_price_rule(text: object, expected: float) -> None:
    assert typed_price(chf_card(), INPUT, text, "USD") == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("-1", "negative"),
        ("nan", "not a finite number"),
        ("inf", "not a finite number"),
        ("x", "not a price"),
        ("", "a price is needed here"),
        (None, "a price is needed here"),
        (True, "not a price"),
        (math.nan, "not a finite number"),
        ("1,5", "write decimals with a point"),
        ("0,60", "write decimals with a point"),
        ("1,00,0", "group the digits in threes"),
        ("USD 0.60", "prices here are in CHF, not USD"),
        ([0.6], "not a price"),
    ],
)
def test_a_typed_price_the_store_would_not_take_is_refused_with_why(text: object, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        typed_price(chf_card(), INPUT, text, "USD")


def test_an_optional_price_may_be_left_empty_and_is_in_the_store_currency() -> None:
    assert typed_price(plain_model(), CACHED, "", "EUR") is None
    assert typed_price(plain_model(), CACHED, None, "EUR") is None
    assert typed_price(plain_model(), CACHED, "EUR 0.1", "EUR") == 0.1
    with pytest.raises(ValueError, match="prices here are in EUR, not CHF"):
        typed_price(plain_model(), CACHED, "CHF 0.1", "EUR")
