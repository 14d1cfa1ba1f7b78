"""Large, realistic stores for tests and benchmarks, built from LiteLLM's price file.

Chat models with both prices become store models (prices per token × 10^6,
the cache-read price as the cached price, the input limit as context window);
variants pad the list to the size asked for. Some models get parameters and
benchmark scores or qualitative notes, so that columns have missing values.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "litellm_model_prices-2025-11-01.json"

BENCHMARKS = [
    {"id": "swe_bench_verified", "name": "SWE-Bench Verified", "unit": "%"},
    {"id": "livecodebench", "name": "LiveCodeBench", "unit": "%"},
]


def _chat_entries() -> list[tuple[str, dict[str, Any]]]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    entries = []
    for key, entry in data.items():
        if key == "sample_spec" or not isinstance(entry, dict) or entry.get("mode") != "chat":
            continue
        if not isinstance(entry.get("input_cost_per_token"), int | float):
            continue
        if not isinstance(entry.get("output_cost_per_token"), int | float):
            continue
        entries.append((key, entry))
    return entries


def _hash(text: str) -> int:
    return zlib.crc32(text.encode())


def _model(model_id: str, name: str, entry: dict[str, Any], scale: float) -> dict[str, Any]:
    pricing: dict[str, Any] = {
        "input_per_mtok": entry["input_cost_per_token"] * 1e6 * scale,
        "output_per_mtok": entry["output_cost_per_token"] * 1e6 * scale,
    }
    cached = entry.get("cache_read_input_token_cost")
    if isinstance(cached, int | float):
        pricing["cached_input_per_mtok"] = cached * 1e6 * scale
    model: dict[str, Any] = {
        "id": model_id,
        "name": name,
        "pricing": pricing,
    }
    provider = entry.get("litellm_provider")
    if isinstance(provider, str) and _hash(model_id) % 7:
        model["vendor"] = provider
    h = _hash(name)
    architecture: dict[str, Any] = {}
    context = entry.get("max_input_tokens")
    if isinstance(context, int) and context > 0:
        architecture["context_window"] = {"value": float(context)}
    if h % 3 == 0:
        total = float(10 + h % 990)
        architecture["total_params_b"] = {"value": total}
        architecture["active_params_b"] = {
            "value": max(1.0, float(round(total * (h % 50 + 1) / 100)))
        }
    if architecture:
        model["architecture"] = architecture
    benchmarks: dict[str, Any] = {}
    if h % 4 == 0:
        benchmarks["swe_bench_verified"] = {"score": float(h % 800) / 10}
    elif h % 4 == 1:
        benchmarks["swe_bench_verified"] = {"note": ["High", "Low", "N/A"][h % 3]}
    if h % 5 == 0:
        benchmarks["livecodebench"] = {"score": float(h % 900) / 10}
    if benchmarks:
        model["benchmarks"] = benchmarks
    if h % 2:
        model["license"] = ["Proprietary", "Apache-2.0", "MIT"][h % 3]
    return model


def litellm_store(count: int) -> dict[str, Any]:
    """A store (as JSON data) of exactly ``count`` chat models."""
    entries = _chat_entries()
    models: list[dict[str, Any]] = []
    variant = 0
    while len(models) < count:
        for key, entry in entries:
            if len(models) >= count:
                break
            if variant == 0:
                models.append(_model(key, key, entry, 1.0))
            else:
                models.append(
                    _model(
                        f"{key}~v{variant}", f"{key} (variant {variant})", entry, 1 + variant / 100
                    )
                )
        variant += 1
    return {"schema_version": 1, "currency": "USD", "benchmarks": BENCHMARKS, "models": models}


def write_store(data_dir: Path, count: int) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "models.json"
    path.write_text(json.dumps(litellm_store(count), indent=2), encoding="utf-8")
    return path
