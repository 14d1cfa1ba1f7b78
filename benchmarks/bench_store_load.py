"""How long loading a large store takes, against the floor of a bare JSON parse.

Builds a 2,500-model store from the chat models of LiteLLM's price file (the
copy in tests/fixtures), padded with variants and with benchmarks, sources
and price history on some models, writes it to a temporary file, then times
``json.load`` of that file (the floor: nothing can read it faster without
giving up the standard library parser) and ``load_store`` (read, parse,
migrate, validate every field). Prints a table; never asserts.

Run: ``.venv/bin/python benchmarks/bench_store_load.py`` (or ``make bench``).
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from llmcompare_gui.store.jsonstore import dump_store, load_store, parse_store

REPO = Path(__file__).resolve().parents[1]
LITELLM = REPO / "tests" / "fixtures" / "litellm_model_prices-2025-11-01.json"
MODEL_COUNT = 2_500
WARM_UP = 3
RUNS = 21
TARGET_RATIO = 3.0

BENCHMARKS = [
    {"id": "swe_bench_verified", "name": "SWE-Bench Verified", "unit": "%"},
    {"id": "livecodebench", "name": "LiveCodeBench", "unit": "%"},
    {"id": "aider_polyglot", "name": "Aider Polyglot", "unit": "%"},
    {"id": "gpqa", "name": "GPQA", "unit": "%"},
]
VARIANTS = ("batch", "eu", "priority", "fine-tuned")


def _source(title: str, url: str | None = None) -> dict[str, Any]:
    source: dict[str, Any] = {"title": title, "retrieved": "2025-11-01"}
    if url:
        source["url"] = url
    return source


def _model(key: str, entry: dict[str, Any], index: int) -> dict[str, Any]:
    pricing: dict[str, Any] = {
        "input_per_mtok": round(entry["input_cost_per_token"] * 1e6, 6),
        "output_per_mtok": round(entry["output_cost_per_token"] * 1e6, 6),
        "as_of": "2025-11-01",
        "source": _source(
            "LiteLLM model_prices_and_context_window.json",
            "https://github.com/BerriAI/litellm",
        ),
    }
    cached = entry.get("cache_read_input_token_cost")
    if isinstance(cached, int | float):
        pricing["cached_input_per_mtok"] = round(cached * 1e6, 6)
    if index % 5 == 0:
        pricing["history"] = [
            {
                "effective": "2025-01-01",
                "input_per_mtok": pricing["input_per_mtok"] * 1.25,
                "output_per_mtok": pricing["output_per_mtok"] * 1.25,
                "source": _source("Earlier price card"),
            }
        ]
    model: dict[str, Any] = {
        "id": key,
        "name": key.rsplit("/", 1)[-1],
        "vendor": str(entry.get("litellm_provider", "")) or None,
        "pricing": pricing,
    }
    context = entry.get("max_input_tokens")
    if isinstance(context, int) and context > 0:
        model["architecture"] = {"context_window": {"value": context}}
    if entry.get("supports_reasoning"):
        model["modes"] = [{"name": "thinking", "reasoning": True}, {"name": "non-thinking"}]
    if index % 4 == 0:
        model["benchmarks"] = {
            bench["id"]: {
                "score": round(40 + (index * 7 + n * 13) % 50 + 0.1 * n, 1),
                "source": _source(f"{bench['name']} leaderboard"),
            }
            for n, bench in enumerate(BENCHMARKS)
        }
        model["benchmarks"]["gpqa"] = {"note": "higher than its predecessor"}
        model["sources"] = [_source("Vendor model card", f"https://example.com/{index}")]
    if index % 10 == 0:
        model["x_imported_from"] = {"tool": "litellm", "key": key}
    return {k: v for k, v in model.items() if v is not None}


def build_store_data(count: int = MODEL_COUNT) -> dict[str, Any]:
    entries = json.loads(LITELLM.read_text(encoding="utf-8"))
    chat = [
        (key, entry)
        for key, entry in entries.items()
        if isinstance(entry, dict)
        and entry.get("mode") == "chat"
        and isinstance(entry.get("input_cost_per_token"), int | float)
        and isinstance(entry.get("output_cost_per_token"), int | float)
    ]
    models: list[dict[str, Any]] = []
    variant = 0
    while len(models) < count:
        suffix = "" if variant == 0 else f"@{VARIANTS[(variant - 1) % len(VARIANTS)]}-{variant}"
        for key, entry in chat:
            if len(models) == count:
                break
            models.append(_model(key + suffix, entry, len(models)))
        variant += 1
    return {"schema_version": 1, "currency": "USD", "benchmarks": BENCHMARKS, "models": models}


def median_seconds(*functions: Callable[[], object]) -> list[float]:
    """Median time of each function, run in turn so that a busy machine slows all alike."""
    for _ in range(WARM_UP):
        for function in functions:
            function()
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(RUNS):
        for function, samples in zip(functions, times, strict=True):
            gc.collect()
            start = time.perf_counter()
            result = function()
            samples.append(time.perf_counter() - start)
            del result  # freeing it is not part of loading it
    return [statistics.median(samples) for samples in times]


def main() -> int:
    data = build_store_data()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "models.json"
        # Written the way the app writes it, so both readers see the same bytes.
        store, _ = parse_store(json.dumps(data), path)
        path.write_text(dump_store(store), encoding="utf-8")
        size = path.stat().st_size

        def bare_json() -> object:
            with path.open("rb") as handle:
                return json.load(handle)

        def ours() -> object:
            return load_store(path)

        # The careful path (json.loads, checks, validation) is the one older
        # files take to be migrated, and files whose text holds "NaN" or
        # "Infinity", even in a note: here one model's note does.
        careful_path = Path(folder) / "careful.json"
        store.models[0].notes = "Handles NaN inputs"
        careful_path.write_text(dump_store(store), encoding="utf-8")

        def careful() -> object:
            return load_store(careful_path)

        assert len(load_store(path).models) == MODEL_COUNT
        floor, ours_s, careful_s = median_seconds(bare_json, ours, careful)

    ratio = ours_s / floor
    print(f"store: {MODEL_COUNT} models, {size / 1e6:.2f} MB; median of {RUNS} interleaved runs")
    print(f"{'measure':<38} {'time':>10} {'ratio':>7}")
    print(f"{'floor: json.load':<38} {floor * 1e3:>7.1f} ms {1:>6.2f}x")
    print(f"{'ours: load_store (validated)':<38} {ours_s * 1e3:>7.1f} ms {ratio:>6.2f}x")
    label = "a file that takes the careful path"
    print(f"{label:<38} {careful_s * 1e3:>7.1f} ms {careful_s / floor:>6.2f}x")
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"target for ours: <= {TARGET_RATIO:.0f}x ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
