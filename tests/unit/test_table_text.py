"""The table's cells as a person reads them, without Qt: texts and tooltips."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from llmcompare_gui.domain.model import Model
from llmcompare_gui.domain.table_columns import (
    CACHE_WRITE,
    CACHED,
    CONTEXT,
    INPUT,
    NAME,
    OFF_PEAK,
    SERVICE_TIERS,
    SPARSITY,
    TASK_COST,
    TIERS,
    TOTAL_PARAMS,
    VENDOR,
    price_point_in_force,
)
from llmcompare_gui.domain.table_text import (
    FREE,
    MISSING,
    cell_text,
    cell_tip_lines,
    cost_text,
    describe_source,
    price_date_text,
)
from llmcompare_gui.store.jsonstore import default_store

from .table_models import plain_model, rich_model


def test_cells_show_prices_quantities_and_qualifiers() -> None:
    model = rich_model()
    assert cell_text(model, INPUT, "USD") == "1.25"
    assert cell_text(model, CACHE_WRITE, "USD") == "1.5625"
    assert cell_text(model, CACHED, "USD") == MISSING
    assert cell_text(model, CONTEXT, "USD") == "262,144 (heavy mode)"
    assert cell_text(model, TOTAL_PARAMS, "USD") == "1,000"
    assert cell_text(model, SPARSITY, "USD") == "3.2 %"
    assert cell_text(model, VENDOR, "USD") == "Acme"


def test_a_whole_share_shows_without_decimals() -> None:
    model = Model.model_validate(
        {
            "id": "s",
            "name": "S",
            "architecture": {"total_params_b": {"value": 100}, "active_params_b": {"value": 20}},
            "pricing": {"input_per_mtok": 1, "output_per_mtok": 2},
        }
    )
    assert cell_text(model, SPARSITY, "USD") == "20 %"  # the one percent rule, not "20.0 %"


def test_the_cost_of_a_solved_task_is_money_in_the_store_currency() -> None:
    kimi = next(m for m in default_store().models if m.name == "Kimi K2")
    # By hand: (2,355,141 × 0.60 + 363,846 × 2.50) / 10^6 = 2.3226996 for 133 solved = 0.017464.
    assert cell_text(kimi, TASK_COST, "EUR") == "€0.0175"
    assert cell_tip_lines(kimi, TASK_COST, "EUR")[0] == (
        "€0.0175 per solved task: solved 133 of 225, run cost €2.32"
    )


def test_card_summaries_list_tiers_by_threshold_service_tiers_and_windows() -> None:
    model = rich_model()
    # Sorted by threshold; a price the tier does not give shows as "…".
    assert cell_text(model, TIERS, "USD") == "> 200K: 2.50 / 15.00; > 1M: 5.00 / …"
    assert cell_text(model, SERVICE_TIERS, "USD") == "batch, priority"
    assert (
        cell_text(model, OFF_PEAK, "USD") == "0.135 / 0.55, 16:30–00:30, 08:00–12:00 (Sat Sun) UTC"
    )


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
        (0.004, "USD", "$0.00400"),  # under a cent: three significant digits
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
