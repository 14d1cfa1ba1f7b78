"""How fast the cost engine is on real schema-2 cards: a volume tick and a knob change.

Builds 2,500 models from LiteLLM's price file through the real importer (so
with its long-context tiers, service tiers and cache-write prices), then
times ``compute_costs`` for a slider tick (volumes change; the tier choice is
cached) and for an advanced-knob change (a new prompt size: the tiers are
resolved again), beside a floor measured in the same run: the schema-1
formula written directly in numpy on the same columns. Never asserts.

    .venv/bin/python benchmarks/bench_cost.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from llmcompare_gui.domain.cost import PriceTable, Scenario, compute_costs  # noqa: E402
from llmcompare_gui.domain.importers import plan_import, read_price_file  # noqa: E402
from llmcompare_gui.domain.model import Store  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "litellm_model_prices-2025-11-01.json"
MODELS = 2500


def store_of(count: int) -> Store:
    imported = plan_import(
        Store.model_validate({"models": []}),
        read_price_file(FIXTURE.read_text(encoding="utf-8")),
        today="2026-12-01",
    ).store
    models = list(imported.models)
    base = list(models)
    variant = 1
    while len(models) < count:
        models += [m.model_copy(update={"id": f"{m.id}~v{variant}"}) for m in base]
        variant += 1
    return imported.model_copy(update={"models": models[:count]})


def schema_1_columns(store: Store) -> tuple[np.ndarray, ...]:
    """The three columns schema 1 needed, gathered as the engine of schema 1 did."""
    count = len(store.models)
    input_, cached, output = np.empty(count), np.empty(count), np.empty(count)
    reasoning = np.zeros(count, dtype=bool)
    for row, model in enumerate(store.models):
        input_[row] = model.pricing.input_per_mtok
        cached[row] = model.pricing.effective_cached_input_per_mtok
        output[row] = model.pricing.output_per_mtok
        reasoning[row] = model.has_reasoning_mode
    return input_, cached, output, reasoning


def median_ms(action: object, runs: int) -> float:
    times = []
    for index in range(runs):
        start = time.perf_counter()
        action(index)  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    store = store_of(MODELS)
    tiered = sum(1 for m in store.models if m.pricing.tiers)
    served = sum(1 for m in store.models if m.pricing.service_tiers)
    prices = PriceTable.from_store(store)
    build_ms = median_ms(lambda _: PriceTable.from_store(store), 5)
    build_floor_ms = median_ms(lambda _: schema_1_columns(store), 5)
    scenario = Scenario(1e8, 2e7, 0.3, cache_write_share=0.1, prompt_tokens=250e3)
    compute_costs(prices, scenario)  # warm up, and resolve the tiers once

    def floor(index: int) -> None:
        i, o, c = 1e8 * (1 + index % 50), 2e7, 0.3
        (i * (1 - c) * prices.input + i * c * prices.cached_input + o * prices.output) / 1e6

    def tick(index: int) -> None:
        compute_costs(prices, scenario.with_changes(input_tokens=1e8 * (1 + index % 50)))

    def knob(index: int) -> None:
        compute_costs(prices, scenario.with_changes(prompt_tokens=1e3 + index))

    runs = 2000
    floor_ms = median_ms(floor, runs)
    tick_ms = median_ms(tick, runs)
    knob_ms = median_ms(knob, 300)
    print(f"{MODELS:,} models ({tiered} with long-context tiers, {served} with service tiers)")
    print(f"{'':46}{'median ms':>10}{'× floor':>9}")
    for label, value, base in (
        ("floor: schema-1 formula in numpy", floor_ms, floor_ms),
        ("volume tick: compute_costs (tiers cached)", tick_ms, floor_ms),
        ("knob change: new prompt size (re-resolved)", knob_ms, floor_ms),
        ("floor: schema-1 columns gathered (per edit)", build_floor_ms, build_floor_ms),
        ("price table built from the store (per edit)", build_ms, build_floor_ms),
    ):
        print(f"{label:46}{value:>10.3f}{value / base:>9.1f}")


if __name__ == "__main__":
    main()
