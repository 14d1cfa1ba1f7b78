"""A model's dated price points, and the one in force on a given date.

A model's current card (``pricing``) and each card of its price history
(``pricing.history``) are price points. A point applies from its ``effective``
date until the next point's; the point in force on a date is the last one that
started on or before it. Each point is one source's card: choosing a point never
mixes fields from two of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .model import Model, PricePoint, Pricing, Source
from .parsing import date_start as parse_date  # the name the charts and tests know

__all__ = [
    "STALE_AFTER_DAYS",
    "PriceOption",
    "is_stale",
    "models_on",
    "option_on",
    "parse_date",
    "price_options",
    "priced_on",
    "priced_with",
]

STALE_AFTER_DAYS = 183
"""A price point older than about six months is marked stale."""

_POINT_ONLY_FIELDS = frozenset({"effective", "note", "source", "label", "alternative"})
"""Fields of a history point that describe it rather than price anything."""


@dataclass(frozen=True)
class PriceOption:
    """One price point of a model, as the calculator's picker and the history chart list it."""

    position: int
    """Index in ``pricing.history``, or ``-1`` for the current card."""
    effective: str | None
    source: Source | None
    label: str | None
    input_per_mtok: float
    output_per_mtok: float
    cached_input_per_mtok: float | None
    note: str | None
    currency: str | None = None
    """The card's own currency; None: the store's."""
    alternative: bool = False
    """Another listing of prices in force: shown, never chosen by date."""

    @property
    def is_current(self) -> bool:
        return self.position == -1

    @property
    def source_title(self) -> str:
        return self.source.title if self.source else "no source given"

    def describe(self) -> str:
        """``2025-09-05 · DeepSeek API docs: Models & Pricing`` (label first where there is one)."""
        parts = [self.effective or "undated"]
        if self.label:
            parts.append(self.label)
        parts.append(self.source_title)
        return " · ".join(parts)


def price_options(model: Model) -> list[PriceOption]:
    """Every price point of ``model``, oldest first; an undated current card comes last."""
    pricing = model.pricing
    options = [
        _option(index, point, point.note, bool(point.alternative))
        for index, point in enumerate(pricing.history)
    ]
    current = _option(-1, pricing)
    dated = sorted(
        (option for option in options if option.effective),
        key=lambda option: parse_date(option.effective or ""),
    )
    undated = [option for option in options if not option.effective]
    if current.effective:
        dated.append(current)
        dated.sort(key=lambda option: parse_date(option.effective or ""))
        return undated + dated
    return undated + dated + [current]


def _option(
    position: int, card: PricePoint | Pricing, note: str | None = None, alternative: bool = False
) -> PriceOption:
    return PriceOption(
        position=position,
        effective=card.effective,
        source=card.source,
        label=card.label,
        input_per_mtok=card.input_per_mtok,
        output_per_mtok=card.output_per_mtok,
        cached_input_per_mtok=card.cached_input_per_mtok,
        note=note,
        currency=card.currency,
        alternative=alternative,
    )


def option_on(model: Model, day: dt.date) -> PriceOption:
    """The price point in force on ``day``: the last to start on or before it.

    An undated point counts as starting with the one before it; a day before every
    dated point gets the earliest point (the best the store knows).
    """
    options = [option for option in price_options(model) if not option.alternative]
    chosen = options[0]
    start: dt.date | None = None
    for option in options:
        if option.effective:
            start = parse_date(option.effective)
        if start is None or start <= day:
            chosen = option
    return chosen


def priced_with(model: Model, position: int) -> Model:
    """``model`` with the price point at ``position`` as its card (``-1``: as it is)."""
    if position == -1:
        return model
    point = model.pricing.history[position]
    card: dict[str, Any] = {
        key: value
        for key, value in point.model_dump(exclude_unset=True).items()
        if key not in _POINT_ONLY_FIELDS
    }
    card["effective"] = point.effective
    card["label"] = point.label
    card["source"] = point.source.model_dump(exclude_unset=True) if point.source else None
    # The history travels along (the history chart needs it); the current card's own
    # source, cached-input source and check date do not: they describe another card.
    card.update(model.pricing.model_dump(exclude_unset=True, include={"history"}))
    pricing = Pricing.model_validate({k: v for k, v in card.items() if v is not None})
    return model.model_copy(update={"pricing": pricing})


def priced_on(model: Model, day: dt.date | None) -> Model:
    """``model`` priced with the point in force on ``day`` (``None``: its current card)."""
    if day is None:
        return model
    return priced_with(model, option_on(model, day).position)


def models_on(models: Sequence[Model], day: dt.date | None) -> list[Model]:
    """Each model priced as of ``day``; the same objects when ``day`` is ``None``."""
    if day is None:
        return list(models)
    return [priced_on(model, day) for model in models]


def is_stale(effective: str | None, today: dt.date) -> bool:
    """A price point that took effect more than :data:`STALE_AFTER_DAYS` before ``today``."""
    if not effective:
        return False
    return (today - parse_date(effective)).days > STALE_AFTER_DAYS
