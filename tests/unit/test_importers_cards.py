"""Importing what real price lists say beyond three prices (CONTRACT §5), from real entries.

The expected prices are the LiteLLM and OpenRouter figures written out per
million tokens by hand; the cost checks multiply the vendors' published
rates by the tokens, also by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from llmcompare_gui.domain.cost import PriceTable, Scenario, compute_costs
from llmcompare_gui.domain.importers import ImportFileError, plan_import, read_price_file
from llmcompare_gui.domain.model import SCHEMA_VERSION, Model, Store
from llmcompare_gui.store import jsonstore
from llmcompare_gui.store.jsonstore import dump_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LITELLM = (FIXTURES / "litellm_model_prices-2025-11-01.json").read_text(encoding="utf-8")
OFF_PEAK = (FIXTURES / "litellm_off_peak_excerpt-1.110.2.json").read_text(encoding="utf-8")
EMPTY = Store.model_validate({"models": []})


@pytest.fixture(scope="module")
def imported() -> dict[str, Model]:
    plan = plan_import(EMPTY, read_price_file(LITELLM), today="2026-12-01")
    return {model.id: model for model in plan.store.models}


def cost(model: Model, **scenario: Any) -> float:
    return float(compute_costs(PriceTable.from_models([model]), Scenario(**scenario)).total[0])


def test_gemini_25_pro_long_context_tier_from_the_flat_keys(imported: dict[str, Model]) -> None:
    pricing = imported["gemini-2.5-pro"].pricing
    assert (pricing.input_per_mtok, pricing.output_per_mtok) == (1.25, 10.0)
    assert pricing.tiers is not None
    assert len(pricing.tiers) == 1
    tier = pricing.tiers[0]
    # input_cost_per_token_above_200k_tokens 2.5e-06, output_…_above_200k_tokens 1.5e-05
    assert (tier.above_prompt_tokens, tier.input_per_mtok, tier.output_per_mtok) == (
        200_000,
        2.5,
        15.0,
    )


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        # Google: $1.25/M input, $10/M output up to 200K: 100M × 1.25 + 10M × 10
        (150e3, 225.0),
        # above 200K the whole request at $2.50 / $15: 100M × 2.5 + 10M × 15
        (250e3, 400.0),
    ],
)
def test_gemini_25_pro_costs_the_published_rates(
    imported: dict[str, Model], prompt: float, expected: float
) -> None:
    model = imported["gemini-2.5-pro"]
    assert cost(model, input_tokens=100e6, output_tokens=10e6, prompt_tokens=prompt) == (
        pytest.approx(expected)
    )


def test_sonnet_45_cache_writes_cost_the_published_rates(imported: dict[str, Model]) -> None:
    model = imported["claude-sonnet-4-5"]
    # Anthropic: $3 input, $0.30 cache read, $3.75 5-minute cache write, $15 output.
    # 100M input: 30M fresh, 50M read, 20M written; 10M output.
    expected = 30 * 3.0 + 50 * 0.3 + 20 * 3.75 + 10 * 15.0
    assert cost(
        model, input_tokens=100e6, output_tokens=10e6, cached_share=0.5, cache_write_share=0.2
    ) == pytest.approx(expected)
    # Above 200K: $6 input, $0.60 read, $7.50 write, $22.50 output.
    long = 30 * 6.0 + 50 * 0.6 + 20 * 7.5 + 10 * 22.5
    assert cost(
        model,
        input_tokens=100e6,
        output_tokens=10e6,
        cached_share=0.5,
        cache_write_share=0.2,
        prompt_tokens=300e3,
    ) == pytest.approx(long)


def test_one_hour_cache_writes_from_the_above_1hr_key(imported: dict[str, Model]) -> None:
    # This LiteLLM copy gives claude-sonnet-4-5 no 1-hour key; claude-sonnet-4 has one:
    # Anthropic's 1-hour write is 2 × $3 input = $6.
    pricing = imported["claude-sonnet-4-20250514"].pricing
    assert (pricing.cache_write_per_mtok, pricing.cache_write_1h_per_mtok) == (3.75, 6.0)
    model = imported["claude-sonnet-4-20250514"]
    # 100M input all written to a 1-hour cache, no output: 100 × $6
    assert cost(
        model, input_tokens=100e6, output_tokens=0, cache_write_share=1.0, cache_ttl="1h"
    ) == pytest.approx(600.0)
    # Without its own 1-hour price a card writes at the 5-minute price (CONTRACT §2).
    assert imported["claude-sonnet-4-5"].pricing.cache_write_1h_per_mtok is None
    assert cost(
        imported["claude-sonnet-4-5"],
        input_tokens=100e6,
        output_tokens=0,
        cache_write_share=1.0,
        cache_ttl="1h",
    ) == pytest.approx(375.0)


@pytest.mark.parametrize(
    ("tier", "expected"),
    [
        # OpenAI gpt-5: flex $0.625 / $5, priority $2.50 / $20, cached flex $0.0625, priority $0.25
        ("flex", 60 * 0.625 + 40 * 0.0625 + 10 * 5.0),
        ("priority", 60 * 2.5 + 40 * 0.25 + 10 * 20.0),
        ("standard", 60 * 1.25 + 40 * 0.125 + 10 * 10.0),
        ("batch", 60 * 1.25 + 40 * 0.125 + 10 * 10.0),  # not offered in this file: standard
    ],
)
def test_gpt_5_flex_and_priority(imported: dict[str, Model], tier: str, expected: float) -> None:
    model = imported["gpt-5"]
    assert cost(
        model, input_tokens=100e6, output_tokens=10e6, cached_share=0.4, service_tier=tier
    ) == pytest.approx(expected)


def test_batch_prices_from_the_batches_keys(imported: dict[str, Model]) -> None:
    raw = json.loads(LITELLM)
    model_id = next(
        k for k, v in raw.items() if "input_cost_per_token_batches" in v and v.get("mode") == "chat"
    )
    batch = imported[model_id].pricing.service_tiers
    assert batch is not None
    assert batch.batch is not None
    assert batch.batch.input_per_mtok == pytest.approx(
        raw[model_id]["input_cost_per_token_batches"] * 1e6, rel=1e-12
    )


def test_tiered_pricing_ranges_become_tiers(imported: dict[str, Model]) -> None:
    pricing = imported["dashscope/qwen-flash"].pricing
    # range [0, 256000]: $0.05 / $0.40; range [256000, 1000000]: $0.25 / $2.00
    assert (pricing.input_per_mtok, pricing.output_per_mtok) == (0.05, 0.4)
    assert pricing.tiers is not None
    assert [
        (t.above_prompt_tokens, t.input_per_mtok, t.output_per_mtok) for t in pricing.tiers
    ] == [(256_000, 0.25, 2.0)]


def test_prices_the_app_cannot_interpret_are_kept_not_priced(imported: dict[str, Model]) -> None:
    pricing = imported["claude-sonnet-4-5"].pricing
    assert pricing.unpriced == {
        "search_context_cost_per_query": {
            "search_context_size_high": 0.01,
            "search_context_size_low": 0.01,
            "search_context_size_medium": 0.01,
        }
    }


def test_off_peak_windows_and_prices() -> None:
    plan = plan_import(EMPTY, read_price_file(OFF_PEAK), today="2026-12-01")
    model = plan.store.models[0]
    off_peak = model.pricing.off_peak
    assert off_peak is not None
    assert (off_peak.input_per_mtok, off_peak.output_per_mtok, off_peak.cached_input_per_mtok) == (
        0.15,
        0.6,
        0.003,
    )
    # "00:00-01:00", "04:00-06:00", "10:00-00:00" on weekdays 1-5; the whole day 6-7
    assert [(w.days, w.start_utc, w.end_utc) for w in off_peak.windows] == [
        ([1, 2, 3, 4, 5], "00:00", "01:00"),
        ([1, 2, 3, 4, 5], "04:00", "06:00"),
        ([1, 2, 3, 4, 5], "10:00", "00:00"),
        ([6, 7], "00:00", "00:00"),
    ]
    # 40 % off-peak, 100M input, 10M output: peak 100 × 0.30 + 10 × 1.20 = 42,
    # off-peak 100 × 0.15 + 10 × 0.60 = 21
    assert cost(model, input_tokens=100e6, output_tokens=10e6, off_peak_share=0.4) == (
        pytest.approx(0.6 * 42 + 0.4 * 21)
    )


def test_reasoning_and_request_keys() -> None:
    text = json.dumps(
        {
            "search-model": {
                "mode": "chat",
                "input_cost_per_token": 1e-6,
                "output_cost_per_token": 4e-6,
                "output_cost_per_reasoning_token": 8e-6,
                "input_cost_per_request": 0.005,
                "input_cost_per_token_above_128k_tokens_priority": 3e-6,
                "input_cost_per_token_priority": 2e-6,
            }
        }
    )
    record = read_price_file(text).models[0]
    assert dict(record.card) == {
        "reasoning_per_mtok": 8.0,
        "per_request": 0.005,
        "service_tiers": {
            "priority": {
                "input_per_mtok": 2.0,
                "tiers": [{"above_prompt_tokens": 128_000, "input_per_mtok": 3.0}],
            }
        },
    }


def test_openrouter_cache_write_reasoning_and_request() -> None:
    text = json.dumps(
        {
            "data": [
                {
                    "id": "anthropic/claude-sonnet-4.5",
                    "name": "Claude Sonnet 4.5",
                    "pricing": {
                        "prompt": "0.000003",
                        "completion": "0.000015",
                        "input_cache_read": "0.0000003",
                        "input_cache_write": "0.00000375",
                        "internal_reasoning": "0",
                        "request": "0.002",
                        "image": "0.0048",
                        "web_search": "0",
                    },
                }
            ]
        }
    )
    plan = plan_import(EMPTY, read_price_file(text), today="2026-12-01")
    pricing = plan.store.models[0].pricing
    assert (pricing.cache_write_per_mtok, pricing.per_request) == (3.75, 0.002)
    assert pricing.reasoning_per_mtok is None  # "0": billed as output, not free
    assert pricing.unpriced == {"image": "0.0048"}


def test_csv_columns_for_the_flat_card_fields() -> None:
    text = (
        "id,name,input_per_mtok,output_per_mtok,cache_write_per_mtok,cache_write_1h_per_mtok,"
        "reasoning_per_mtok,per_request,price_currency,currency\n"
        "m,M,1,2,1.25,2,3,0.01,USD,EUR\n"
    )
    record = read_price_file(text).models[0]
    assert dict(record.card) == {
        "cache_write_per_mtok": 1.25,
        "cache_write_1h_per_mtok": 2.0,
        "reasoning_per_mtok": 3.0,
        "per_request": 0.01,
        "currency": "USD",
    }
    with pytest.raises(ImportFileError, match="line 2, column price_currency"):
        read_price_file(text.replace(",USD", ",dollars"))


def test_reimport_is_idempotent_and_a_changed_card_becomes_history() -> None:
    first = plan_import(EMPTY, read_price_file(OFF_PEAK), today="2026-12-01")
    again = plan_import(first.store, read_price_file(OFF_PEAK), today="2026-12-02")
    assert (again.added, again.updated) == ([], [])
    assert dump_store(again.store) == dump_store(first.store)
    cheaper = OFF_PEAK.replace('"input_cost_per_token": 1.5e-07', '"input_cost_per_token": 1e-07')
    changed = plan_import(first.store, read_price_file(cheaper), today="2026-12-03")
    assert len(changed.updated) == 3
    pricing = changed.store.models[0].pricing
    assert pricing.off_peak is not None
    assert pricing.off_peak.input_per_mtok == 0.1
    old = pricing.history[-1]
    # The old card, complete with its off-peak prices, dated to when it was read.
    # The old card's import day is when it was checked, not when it took effect.
    assert (old.as_of, old.effective, old.input_per_mtok) == ("2026-12-01", None, 0.3)
    assert old.off_peak is not None
    assert old.off_peak.input_per_mtok == 0.15


def test_imported_store_round_trips_through_both_load_paths(imported: dict[str, Model]) -> None:
    models = [m.model_dump(exclude_unset=True) for m in imported.values()]
    text = dump_store(
        Store.model_validate({"schema_version": 2, "currency": "USD", "models": models})
    )
    quick = jsonstore._parse_current(text, SCHEMA_VERSION)
    careful, version = jsonstore._parse_carefully(text, Path("x.json"), {}, SCHEMA_VERSION)
    assert quick is not None
    assert version == SCHEMA_VERSION
    assert dump_store(quick) == dump_store(careful) == text


def test_bad_off_peak_hours_say_where() -> None:
    text = json.dumps(
        {
            "m": {
                "mode": "chat",
                "input_cost_per_token": 1e-6,
                "output_cost_per_token": 1e-6,
                "off_peak_pricing": {"windows": [{"hours_utc": ["25:00-01:00"], "weekdays": [1]}]},
            }
        }
    )
    result = read_price_file(text)
    # One bad entry is skipped with its reason and place; the rest would be imported.
    assert result.models == []
    (skipped,) = result.skipped.entries
    assert skipped.id == "m"
    assert "$['m'].off_peak_pricing.windows[0].hours_utc" in skipped.reason


def test_the_table_export_of_schema_2_cards_reads_back_unchanged() -> None:
    from llmcompare_gui.domain.table_export import model_table
    from llmcompare_gui.export.csv_export import csv_text

    store = Store.model_validate(
        {
            "exchange_rates": {"rates": {"CNY": 7.1}},
            "models": [
                {
                    "id": "m",
                    "name": "M",
                    "pricing": {
                        "input_per_mtok": 1.0,
                        "output_per_mtok": 2.0,
                        "cache_write_per_mtok": 1.25,
                        "cache_write_1h_per_mtok": 2.0,
                        "reasoning_per_mtok": 3.0,
                        "per_request": 0.01,
                        "currency": "CNY",
                    },
                }
            ],
        }
    )
    table = model_table(store, store.models)
    plan = plan_import(store, read_price_file(csv_text(table.header, table.rows)))
    assert (plan.added, plan.updated, plan.unchanged) == ([], [], ["m"])
