"""The table's columns without Qt: what a cell reads, shows, explains and writes back."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest

from llmcompare_gui.domain.model import Model, Store
from llmcompare_gui.domain.table_columns import (
    CACHE_WRITE,
    CACHED,
    CONTEXT,
    COST,
    FREE,
    INPUT,
    MISSING,
    NAME,
    OFF_PEAK,
    OUTPUT,
    PER_REQUEST,
    SERVICE_TIERS,
    SPARSITY,
    TIERS,
    TOTAL_PARAMS,
    VENDOR,
    cell_text,
    cell_tip_lines,
    columns_for,
    cost_text,
    describe_source,
    edited_model,
    empty_card_columns,
    format_blended,
    format_price,
    parse_price,
    price_date_text,
    price_point_in_force,
    raw_value,
    sorted_rows,
    source_of,
)

CARD_SOURCE = {"title": "Vendor price page", "url": "https://example.test/prices"}


def rich_model() -> Model:
    """A model with a schema-2 card, an architecture with a qualifier, and sources."""
    return Model.model_validate(
        {
            "id": "m",
            "name": "Model M",
            "vendor": "Acme",
            "architecture": {
                "total_params_b": {"value": 1000},
                "active_params_b": {"value": 32, "source": {"title": "Paper"}},
                "context_window": {"value": 262144, "note": "heavy mode"},
            },
            "pricing": {
                "input_per_mtok": 1.25,
                "output_per_mtok": 10.0,
                "cache_write_per_mtok": 1.5625,
                "per_request": 0.0,
                "source": CARD_SOURCE,
                "tiers": [
                    {"above_prompt_tokens": 1_000_000, "input_per_mtok": 5.0},
                    {"above_prompt_tokens": 200_000, "input_per_mtok": 2.5, "output_per_mtok": 15},
                ],
                "service_tiers": {"priority": {"input_per_mtok": 2.5}, "batch": {}},
                "off_peak": {
                    "input_per_mtok": 0.135,
                    "output_per_mtok": 0.55,
                    "windows": [
                        {"days": [1, 2, 3, 4, 5, 6, 7], "start_utc": "16:30", "end_utc": "00:30"},
                        {"days": [6, 7], "start_utc": "08:00", "end_utc": "12:00"},
                    ],
                },
            },
            "sources": [{"title": "Model card"}],
        }
    )


def plain_model() -> Model:
    return Model.model_validate(
        {"id": "p", "name": "Plain", "pricing": {"input_per_mtok": 0.6, "output_per_mtok": 2.5}}
    )


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


def test_cells_show_prices_quantities_and_qualifiers() -> None:
    model = rich_model()
    assert cell_text(model, INPUT) == "1.25"
    assert cell_text(model, CACHE_WRITE) == "1.5625"
    assert cell_text(model, CACHED) == MISSING
    assert cell_text(model, CONTEXT) == "262,144 (heavy mode)"
    assert cell_text(model, TOTAL_PARAMS) == "1,000"
    assert cell_text(model, SPARSITY) == "3.2 %"
    assert cell_text(model, VENDOR) == "Acme"


def test_card_summaries_list_tiers_by_threshold_service_tiers_and_windows() -> None:
    model = rich_model()
    # Sorted by threshold; a price the tier does not give shows as "…".
    assert cell_text(model, TIERS) == "> 200K: 2.50 / 15.00; > 1M: 5.00 / …"
    assert cell_text(model, SERVICE_TIERS) == "batch, priority"
    assert cell_text(model, OFF_PEAK) == "0.135 / 0.55, 16:30–00:30, 08:00–12:00 (Sat Sun) UTC"


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


def test_a_source_is_described_line_by_line() -> None:
    source = rich_model().pricing.source
    assert source is not None
    assert describe_source(source) == "Source: Vendor price page\nhttps://example.test/prices"


def test_tips_explain_fallbacks_qualifiers_and_sources() -> None:
    model = rich_model()
    assert cell_tip_lines(model, CACHED, "USD") == [
        "No cached-input price: cached input costs the input price",
        "Source: Vendor price page\nhttps://example.test/prices",
    ]
    assert cell_tip_lines(model, CONTEXT, "USD") == ["heavy mode", "Source: Model card"]
    assert cell_tip_lines(plain_model(), NAME, "USD") == ["Plain"]
    assert cell_tip_lines(plain_model(), OFF_PEAK, "USD") == ["No off-peak prices"]


@pytest.mark.parametrize(
    ("value", "currency", "text"),
    [
        (88.2, "USD", "$88.20"),
        (12_345.678, "EUR", "€12,346"),
        (0.004, "USD", "$0.004"),
        (1.5, "CHF", "CHF 1.50"),
        (0.0, "USD", FREE),
        (math.nan, "USD", MISSING),
    ],
)
def test_cost_cells(value: float, currency: str, text: str) -> None:
    assert cost_text(value, currency) == text


def test_the_price_date_is_marked_when_stale() -> None:
    model = Model.model_validate(
        {
            "id": "d",
            "name": "D",
            "pricing": {"input_per_mtok": 1, "output_per_mtok": 2, "effective": "2025-01-01"},
        }
    )
    point = price_point_in_force(model, None)
    assert price_date_text(point, dt.date(2025, 3, 1)) == "2025-01-01"
    assert price_date_text(point, dt.date(2026, 1, 1)) == "2025-01-01 ⚠ stale"
    assert price_date_text(price_point_in_force(plain_model(), None), dt.date(2026, 1, 1)) == "—"


def test_sorting_puts_numbers_then_notes_and_missing_last_both_ways() -> None:
    raws: list[float | str | None] = [3.0, "high", None, 1.0, "Above K2", 3.0]
    # Ascending: 1, 3, 3 (stored order kept), notes a→z ignoring case, missing.
    assert sorted_rows(raws, descending=False) == [3, 0, 5, 4, 1, 2]
    # Descending: notes z→a, then 3, 3 (stored order kept), 1, missing still last.
    assert sorted_rows(raws, descending=True) == [1, 4, 0, 5, 3, 2]


def test_an_edited_price_is_written_back_into_a_copy() -> None:
    model = plain_model()
    edited = edited_model(model, INPUT, "0.75")
    assert edited is not None
    assert edited.pricing.input_per_mtok == 0.75
    assert model.pricing.input_per_mtok == 0.6  # the original is untouched


def test_an_unchanged_value_edits_nothing() -> None:
    assert edited_model(plain_model(), INPUT, "0.60") is None
    assert edited_model(plain_model(), NAME, " Plain ") is None


def test_an_optional_price_can_be_cleared_and_a_name_cannot() -> None:
    model = Model.model_validate(
        {
            "id": "c",
            "name": "C",
            "pricing": {"input_per_mtok": 1, "output_per_mtok": 2, "cached_input_per_mtok": 0.1},
        }
    )
    cleared = edited_model(model, CACHED, "")
    assert cleared is not None
    assert cleared.pricing.cached_input_per_mtok is None
    with pytest.raises(ValueError, match="a model needs a name"):
        edited_model(model, NAME, "  ")
    with pytest.raises(ValueError, match="a price is needed here"):
        edited_model(model, INPUT, "")
    vendor = edited_model(model, VENDOR, "")
    assert vendor is None  # no vendor before, none after
    renamed = edited_model(model, VENDOR, " Acme ")
    assert renamed is not None
    assert renamed.vendor == "Acme"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.60", 0.6),
        (" 2 ", 2.0),
        ("$0.60", 0.6),
        (3, 3.0),
        (0, 0.0),
        ("1,000", 1000.0),
        ("12,345.5", 12345.5),
        ("1e-3", 0.001),
    ],
)
def test_parse_price_accepts_numbers(text: Any, expected: float) -> None:
    assert parse_price(text, allow_empty=False) == expected


@pytest.mark.parametrize(
    "text", ["-1", "nan", "inf", "x", "", None, True, math.nan, "1,5", "0,60", "1,00,0"]
)
def test_parse_price_refuses_what_the_store_would_not_take(text: Any) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_price(text, allow_empty=False)


def test_prices_show_two_to_four_decimals() -> None:
    assert [format_price(v) for v in (0.6, 2.5, 0.07, 0.0375, 15.0, 0.0)] == [
        "0.60",
        "2.50",
        "0.07",
        "0.0375",
        "15.00",
        "0.00",
    ]


def test_blended_prices_line_up_with_three_decimals() -> None:
    values = (0.9166666666666666, 0.735, 0.45, 12.5, 0.0004)
    assert [format_blended(v) for v in values] == ["0.917", "0.735", "0.450", "12.500", "0.0004"]
