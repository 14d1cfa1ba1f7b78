"""LiteLLM's price file: entries by mode, and its per-token keys mapped onto a price card.

The card gets the flat prices, long-context tiers (``_above_200k_tokens`` or
``tiered_pricing``), service tiers (batch, flex, priority) and off-peak windows.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .reading import json_object, per_token, per_unit, positive_number, storable, stripped_text
from .records import ImportedModel, ImportFileError, SkipTally

LITELLM_MODES = frozenset({"chat", "completion", "responses"})


def read_litellm(text: str) -> tuple[list[ImportedModel], Counter[str]]:
    data = json_object(text)
    models: list[ImportedModel] = []
    skipped = SkipTally()
    for key, entry in data.items():
        if key == "sample_spec":
            continue
        if not isinstance(entry, dict):
            raise ImportFileError("expected an object describing a model", f"$[{key!r}]")
        mode = entry.get("mode")
        if not isinstance(mode, str) or mode not in LITELLM_MODES:  # a list is not hashable
            skipped[
                f"mode {mode}" if isinstance(mode, str) and len(mode) < 40 else "no or unknown mode"
            ] += 1
            continue
        where = f"$[{key!r}]"
        # One bad entry among thousands is skipped with its reason, not the whole file.
        try:
            card, unpriced = _litellm_card(entry, where)
            models.append(
                ImportedModel(
                    id=key,
                    vendor=stripped_text(entry.get("litellm_provider")),
                    input_per_mtok=card.pop("input_per_mtok", None),
                    output_per_mtok=card.pop("output_per_mtok", None),
                    cached_input_per_mtok=card.pop("cached_input_per_mtok", None),
                    context_window=positive_number(entry.get("max_input_tokens")),
                    card=card,
                    unpriced=unpriced,
                )
            )
        except ImportFileError as error:
            skipped.skip_entry(key, str(error))
    return models, skipped


# LiteLLM's per-token keys and the card fields they fill. A key may carry a
# long-context suffix (_above_200k_tokens) and a service-tier suffix
# (_batches, _flex, _priority), in either order.
_LITELLM_STEMS = {
    "input_cost_per_token": "input_per_mtok",
    "output_cost_per_token": "output_per_mtok",
    "cache_read_input_token_cost": "cached_input_per_mtok",
    "input_cost_per_token_cache_hit": "cached_input_per_mtok",
    "cache_creation_input_token_cost": "cache_write_per_mtok",
    "cache_creation_input_token_cost_above_1hr": "cache_write_1h_per_mtok",
    "output_cost_per_reasoning_token": "reasoning_per_mtok",
    "input_cost_per_request": "per_request",
}
_FALLBACK_STEMS = {"input_cost_per_token_cache_hit"}
"""Used only where the preferred key for the same field is absent."""
_LITELLM_KEY = re.compile(
    r"^(?P<stem>" + "|".join(sorted(map(re.escape, _LITELLM_STEMS), key=len, reverse=True)) + r")"
    r"(?:_above_(?P<tier>\d+(?:\.\d+)?)k_tokens)?"
    r"(?:_(?P<service>batches|flex|priority))?"
    r"(?:_above_(?P<tier_after>\d+(?:\.\d+)?)k_tokens)?$"
)
_LITELLM_SERVICES = {"batches": "batch", "flex": "flex", "priority": "priority"}
_LITELLM_STRUCTURED = {"tiered_pricing", "off_peak_pricing"}
_PRICE_WORDS = re.compile(r"cost|pric", re.IGNORECASE)


def _litellm_card(entry: Mapping[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The price card an entry describes, and the prices it has that §2 cannot hold."""
    # (service tier or "", tier threshold or 0) -> field -> price
    prices: dict[tuple[str, int], dict[str, float]] = {}
    fallbacks: dict[tuple[str, int], dict[str, float]] = {}
    unpriced: dict[str, Any] = {}
    for key, value in entry.items():
        match = _LITELLM_KEY.match(key)
        if match is None:
            if key not in _LITELLM_STRUCTURED and _PRICE_WORDS.search(key) and storable(value):
                unpriced[key] = value
            continue
        if match["tier"] and match["tier_after"]:
            continue  # two thresholds in one key: not a shape LiteLLM uses
        stem = match["stem"]
        threshold_text = match["tier"] or match["tier_after"]
        threshold = int(Decimal(threshold_text) * 1000) if threshold_text else 0
        slot = (_LITELLM_SERVICES.get(match["service"] or "", ""), threshold)
        price = _price(entry, key, stem, where)
        if price is None:
            continue
        target = fallbacks if stem in _FALLBACK_STEMS else prices
        target.setdefault(slot, {})[_LITELLM_STEMS[stem]] = price
    for slot, fields in fallbacks.items():
        for name, price in fields.items():
            prices.setdefault(slot, {}).setdefault(name, price)
    tiered = entry.get("tiered_pricing")
    if isinstance(tiered, list):
        _add_tiered_pricing(tiered, prices, f"{where}.tiered_pricing")
    card: dict[str, Any] = dict(prices.get(("", 0), {}))
    tiers = _tier_list(prices, "")
    if tiers:
        card["tiers"] = tiers
    services: dict[str, Any] = {}
    for service in ("batch", "flex", "priority"):
        own = prices.get((service, 0))
        service_tiers = _tier_list(prices, service)
        if own is None and not service_tiers:
            continue
        services[service] = dict(own or {})
        if service_tiers:
            services[service]["tiers"] = service_tiers
    if services:
        card["service_tiers"] = services
    off_peak = entry.get("off_peak_pricing")
    if isinstance(off_peak, dict):
        card["off_peak"] = _litellm_off_peak(off_peak, f"{where}.off_peak_pricing")
    return card, unpriced


def _tier_list(
    prices: dict[tuple[str, int], dict[str, float]], service: str
) -> list[dict[str, Any]]:
    return [
        {"above_prompt_tokens": threshold, **fields}
        for (owner, threshold), fields in sorted(prices.items(), key=lambda item: item[0][1])
        if owner == service and threshold > 0 and fields
    ]


def _add_tiered_pricing(
    ranges: list[Any], prices: dict[tuple[str, int], dict[str, float]], where: str
) -> None:
    """LiteLLM's ``tiered_pricing``: ``range: [from, to]`` of prompt tokens with their prices."""
    for position, tier in enumerate(ranges):
        here = f"{where}[{position}]"
        if not isinstance(tier, dict):
            raise ImportFileError("expected an object with a range and prices", here)
        bounds = tier.get("range")
        if (
            not isinstance(bounds, list)
            or not bounds
            or isinstance(bounds[0], bool)
            or not isinstance(bounds[0], int | float)
            or not math.isfinite(bounds[0])
            or bounds[0] < 0
        ):
            raise ImportFileError("expected range: [from, to] in prompt tokens", f"{here}.range")
        threshold = int(bounds[0])
        fields = _flat_prices(tier, here)
        # The first range (from 0) is the card itself where the entry gives no flat price.
        slot = ("", threshold)
        existing = prices.setdefault(slot, {})
        for name, price in fields.items():
            existing.setdefault(name, price)


def _price(entry: Mapping[str, Any], key: str, stem: str, where: str) -> float | None:
    """The price a key gives: per request as it is, per token as per million tokens."""
    if stem == "input_cost_per_request":
        return per_unit(entry, key, where)
    return per_token(entry, key, where)


def _flat_prices(data: Mapping[str, Any], where: str) -> dict[str, float]:
    """The prices of a block without tiers of its own (a tiered range, off-peak hours)."""
    fields: dict[str, float] = {}
    for key in data:
        match = _LITELLM_KEY.match(key)
        if match is None or match["tier"] or match["service"] or match["tier_after"]:
            continue
        price = _price(data, key, match["stem"], where)
        if price is not None:
            name = _LITELLM_STEMS[match["stem"]]
            if match["stem"] not in _FALLBACK_STEMS or name not in fields:
                fields[name] = price
    return fields


def _litellm_off_peak(data: Mapping[str, Any], where: str) -> dict[str, Any]:
    card: dict[str, Any] = dict(_flat_prices(data, where))
    windows: list[dict[str, Any]] = []
    raw_windows = data.get("windows", [])
    if not isinstance(raw_windows, list):
        raise ImportFileError("expected a list of windows", f"{where}.windows")
    for position, window in enumerate(raw_windows):
        here = f"{where}.windows[{position}]"
        if not isinstance(window, dict):
            raise ImportFileError("expected {hours_utc, weekdays}", here)
        days = window.get("weekdays", [1, 2, 3, 4, 5, 6, 7])
        if (
            not isinstance(days, list)
            or not days
            or not all(type(day) is int and 1 <= day <= 7 for day in days)
        ):
            raise ImportFileError("weekdays must be ISO weekdays 1 to 7", f"{here}.weekdays")
        hours = window.get("hours_utc", "00:00-00:00")
        spans = [hours] if isinstance(hours, str) else hours
        if not isinstance(spans, list):
            raise ImportFileError('expected "HH:MM-HH:MM" or a list of them', f"{here}.hours_utc")
        for span in spans:
            found = _HOURS.match(span) if isinstance(span, str) else None
            if found is None:
                raise ImportFileError(
                    f'{span!r} is not a span of hours such as "16:30-00:30"', f"{here}.hours_utc"
                )
            windows.append(
                {"days": sorted(set(days)), "start_utc": found["start"], "end_utc": found["end"]}
            )
    card["windows"] = windows
    return card


_HOURS = re.compile(
    r"^\s*(?P<start>(?:[01]\d|2[0-3]):[0-5]\d)\s*-\s*(?P<end>(?:[01]\d|2[0-3]):[0-5]\d)\s*$"
)
