"""OpenRouter's models list (/api/v1/models): per-token prices, "0" for none, -1 for variable."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import Any

from .reading import json_object, per_token, per_unit, positive_number, storable, stripped_text
from .records import ImportedModel, ImportFileError, SkipTally


def read_openrouter(text: str) -> tuple[list[ImportedModel], Counter[str]]:
    data = json_object(text)
    entries = data.get("data")
    if not isinstance(entries, list):
        raise ImportFileError('expected {"data": [...]}, the shape of /api/v1/models', "$.data")
    models: list[ImportedModel] = []
    skipped = SkipTally()
    for position, entry in enumerate(entries):
        where = f"$.data[{position}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
            raise ImportFileError("expected a model object with an id", where)
        pricing = entry.get("pricing") or {}
        if not isinstance(pricing, dict):
            raise ImportFileError("pricing must be an object", f"{where}.pricing")
        try:
            prices = {
                name: per_token(pricing, key, f"{where}.pricing")
                for name, key in (
                    ("input", "prompt"),
                    ("output", "completion"),
                    ("cached", "input_cache_read"),
                    ("cache_write_per_mtok", "input_cache_write"),
                    ("reasoning_per_mtok", "internal_reasoning"),
                )
            }
            prices["per_request"] = per_unit(pricing, "request", f"{where}.pricing")
        except ImportFileError as error:
            if "negative" in error.problem:  # OpenRouter marks variable prices with -1
                skipped["variable price"] += 1
            else:
                skipped.skip_entry(entry["id"], str(error))
            continue
        model_id = entry["id"]
        # OpenRouter writes "0" for a price a model does not have; a zero reasoning
        # price would make reasoning free where it is billed as output.
        card = {
            name: prices[name]
            for name in ("cache_write_per_mtok", "reasoning_per_mtok", "per_request")
            if prices[name]
        }
        unpriced = {
            key: value
            for key, value in pricing.items()
            if key not in _OPENROUTER_PRICED and storable(value) and not _is_zero(value)
        }
        models.append(
            ImportedModel(
                id=model_id,
                name=stripped_text(entry.get("name")),
                vendor=model_id.split("/", 1)[0] if "/" in model_id else None,
                input_per_mtok=prices["input"],
                output_per_mtok=prices["output"],
                cached_input_per_mtok=prices["cached"],
                context_window=positive_number(entry.get("context_length")),
                card=card,
                unpriced=unpriced,
            )
        )
    return models, skipped


_OPENROUTER_PRICED = frozenset(
    {
        "prompt",
        "completion",
        "input_cache_read",
        "input_cache_write",
        "internal_reasoning",
        "request",
    }
)


def _is_zero(value: Any) -> bool:
    try:
        return Decimal(str(value).strip()) == 0
    except (InvalidOperation, ValueError):
        return False
