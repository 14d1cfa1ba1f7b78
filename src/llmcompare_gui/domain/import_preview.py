"""The rows of an import's preview: every model with its prices, old → new, and what to check."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .importers import ImportPlan
from .model import Model, Pricing, Store

REVIEW_ABOVE_PER_MTOK = 1000.0
"""A price above this (per million tokens) is flagged: no listed LLM costs that much."""

PRICE_FIELDS = (
    ("input", "input_per_mtok"),
    ("cached", "cached_input_per_mtok"),
    ("output", "output_per_mtok"),
)


class PreviewAction(enum.StrEnum):
    ADD = "add"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"


@dataclass(frozen=True)
class PreviewRow:
    action: PreviewAction
    model_id: str
    name: str
    prices: tuple[str, str, str]
    """Input, cached input and output per million tokens: ``0.6``, ``0.6 → 0.5``, ``—``."""
    review: str
    """Why a person should look at this row (an absurd price, a skip reason), or empty."""

    @property
    def needs_review(self) -> bool:
        return bool(self.review)


def preview_rows(before: Store, plan: ImportPlan) -> list[PreviewRow]:
    """Added, updated, unchanged, then skipped rows; every one of them, however many."""
    rows: list[PreviewRow] = []
    after = plan.store
    for action, ids in (
        (PreviewAction.ADD, plan.added),
        (PreviewAction.UPDATE, plan.updated),
        (PreviewAction.UNCHANGED, plan.unchanged),
    ):
        for model_id in ids:
            new = after.model(model_id)
            if new is None:  # an id the plan names is always in its store
                continue
            old = before.model(model_id) if action is PreviewAction.UPDATE else None
            rows.append(
                PreviewRow(action, model_id, new.name, _prices(old, new), review_note(new.pricing))
            )
    for entry in plan.skipped_entries:
        rows.append(PreviewRow(PreviewAction.SKIP, entry.id, "", ("", "", ""), entry.reason))
    return rows


def review_note(pricing: Pricing) -> str:
    """``input 135000 per million tokens is above 1000: check it``; empty when all looks sane."""
    notes = [
        f"{label} {value:g} per million tokens is above {REVIEW_ABOVE_PER_MTOK:g}"
        for label, key in PRICE_FIELDS
        if (value := getattr(pricing, key)) is not None and value > REVIEW_ABOVE_PER_MTOK
    ]
    if cached_above_input(pricing):
        notes.append("cached input costs more than input")
    return "; ".join(notes) + (": check it" if notes else "")


def cached_above_input(pricing: Pricing) -> bool:
    """Cache reads priced above fresh input: allowed, but almost always a typo."""
    cached = pricing.cached_input_per_mtok
    return cached is not None and cached > pricing.input_per_mtok


def _prices(old: Model | None, new: Model) -> tuple[str, str, str]:
    texts = []
    for _, key in PRICE_FIELDS:
        value = getattr(new.pricing, key)
        previous = getattr(old.pricing, key) if old is not None else value
        text = _price(value)
        if previous != value:
            text = f"{_price(previous)} → {text}"
        texts.append(text)
    return texts[0], texts[1], texts[2]


def _price(value: float | None) -> str:
    return "—" if value is None else f"{value:,.12g}"
