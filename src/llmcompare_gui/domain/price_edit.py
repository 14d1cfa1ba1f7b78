"""Provenance of a price the user changed: it becomes their own price point, the old one history."""

from __future__ import annotations

from typing import Any

from .model import Model, Source

USER_SOURCE_TITLE = "Edited by the user"
"""The source of a price the user typed without naming where it comes from."""
PRICE_KEYS = ("input_per_mtok", "output_per_mtok", "cached_input_per_mtok")
_CURRENT_CARD_ONLY = frozenset({"history", "cached_input_source", "unpriced"})
"""Fields of the current card that do not belong to a history point."""


def prices_differ(before: Model, after: Model) -> bool:
    return any(getattr(before.pricing, key) != getattr(after.pricing, key) for key in PRICE_KEYS)


def user_priced(before: Model, after: Model, today: str, source: Source | None = None) -> Model:
    """``after`` with the provenance of an edit of ``before``'s prices.

    When a price changed: the previous card (prices, date checked, source) is
    appended to the price history; the new card is credited to ``source``, or
    to "Edited by the user" retrieved ``today``; it is dated ``today`` unless
    the edit itself set another date. A cached price the edit left alone keeps
    crediting where it came from. When no price changed, ``after`` is returned
    as it is, except that a given ``source`` becomes the card's source.
    """
    if not prices_differ(before, after):
        if source is None:
            return after
        data = after.model_dump(exclude_unset=True)
        data["pricing"]["source"] = source.model_dump(exclude_unset=True)
        return Model.model_validate(data)
    data = after.model_dump(exclude_unset=True)
    pricing: dict[str, Any] = data["pricing"]
    old = before.pricing
    # The whole previous card (schema-2 fields, its date, what it prices) becomes history.
    old_card: dict[str, Any] = {
        key: value
        for key, value in old.model_dump(exclude_unset=True).items()
        if key not in _CURRENT_CARD_ONLY and value is not None
    }
    old_card["note"] = f"Price before an edit on {today}"
    # The user's card is in force from today; the old card's date, label and note were its own.
    for key in ("effective", "label", "note"):
        if getattr(after.pricing, key) == getattr(old, key):
            pricing.pop(key, None)
    pricing.setdefault("effective", today)
    pricing["history"] = [
        point.model_dump(exclude_unset=True) for point in before.pricing.history
    ] + [old_card]
    credited = source or Source(title=USER_SOURCE_TITLE, retrieved=today)
    pricing["source"] = credited.model_dump(exclude_unset=True)
    cached_kept = old.cached_input_per_mtok == after.pricing.cached_input_per_mtok
    if not cached_kept:
        pricing.pop("cached_input_source", None)
    elif old.cached_input_per_mtok is not None and old.cached_input_source is None and old.source:
        pricing["cached_input_source"] = old.source.model_dump(exclude_unset=True)
    if after.pricing.as_of == old.as_of:
        pricing["as_of"] = today
    return Model.model_validate(data)
