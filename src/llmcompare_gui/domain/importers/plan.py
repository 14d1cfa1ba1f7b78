"""The plan of an import: what reading a price file would add to a store and update in it."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from ..model import Model, PriceCard, Source, Store
from ..validation import describe
from .records import ImportedModel, ReadResult, SkippedEntry

CARD_FIELDS = tuple(PriceCard.model_fields)
"""What a dated price point keeps of a card (CONTRACT §2)."""


@dataclass(frozen=True)
class UnmatchedEntry:
    """A benchmark run or score that belongs to no model in the store."""

    key: str
    """The run's name (Aider: its dirname), or a CSV row's model id."""
    label: str
    """The model as the file names it (a CSV row: its benchmark)."""
    model_id: str
    """The id the file gives (Aider: ``--model``), which an assignment adds as an alias."""


@dataclass(frozen=True)
class ImportPlan:
    store: Store
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    skipped: Counter[str]
    skipped_entries: list[SkippedEntry] = field(default_factory=list)
    unmatched: list[UnmatchedEntry] = field(default_factory=list)
    """Benchmark runs or scores that belong to no model: listed, not imported."""
    matched: list[tuple[str, str]] = field(default_factory=list)
    """Benchmark runs or scores (their key) and the model id each belongs to."""

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.updated)


def plan_import(store: Store, result: ReadResult, today: str | None = None) -> ImportPlan:
    """The store after importing ``result``: new ids added, known ids updated.

    Only what the source gives is changed; a changed price card is kept in the
    model's price history. Importing the same records twice changes nothing.
    """
    today = today or date.today().isoformat()
    models = list(store.models)
    index = {model.id: row for row, model in enumerate(models)}
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    skipped = Counter(result.skipped)
    skipped_entries = list(result.skipped_entries)
    seen: set[str] = set()
    for record in result.models:
        if record.id in seen:
            skipped["repeated id in the file"] += 1
            continue
        seen.add(record.id)
        row = index.get(record.id)
        try:
            if row is None:
                new = _new_model(record, result.source, today)
                if new is None:
                    skipped["no input and output price"] += 1
                    continue
                index[record.id] = len(models)
                models.append(new)
                added.append(record.id)
                continue
            changed = _updated_model(models[row], record, result.source, today)
        except (ValidationError, ValueError) as error:
            skipped["invalid values"] += 1
            skipped_entries.append(SkippedEntry(record.id, describe(error)))
            continue
        if changed is None:
            unchanged.append(record.id)
        else:
            models[row] = changed
            updated.append(record.id)
    new_store = store.model_copy(update={"models": models}) if added or updated else store
    return ImportPlan(new_store, added, updated, unchanged, skipped, skipped_entries)


def _new_model(record: ImportedModel, source: Source, today: str) -> Model | None:
    if record.input_per_mtok is None or record.output_per_mtok is None:
        return None
    data: dict[str, Any] = {"id": record.id, "name": record.name or record.id}
    if record.vendor:
        data["vendor"] = record.vendor
    if record.context_window is not None:
        data["architecture"] = {
            "context_window": {"value": record.context_window, "source": source.model_dump()}
        }
    pricing: dict[str, Any] = {
        "input_per_mtok": record.input_per_mtok,
        "output_per_mtok": record.output_per_mtok,
    }
    if record.cached_input_per_mtok is not None:
        pricing["cached_input_per_mtok"] = record.cached_input_per_mtok
    pricing.update(record.card)
    if record.unpriced:
        pricing["unpriced"] = dict(record.unpriced)
    pricing["as_of"] = today
    pricing["source"] = source.model_dump(exclude_unset=True)
    data["pricing"] = pricing
    data.update(record.extra)
    data["sources"] = [source.model_dump(exclude_unset=True)]
    return Model.model_validate(data)


def _updated_model(model: Model, record: ImportedModel, source: Source, today: str) -> Model | None:
    data = model.model_dump(exclude_unset=True)
    before = json.dumps(data, sort_keys=True)
    pricing = data["pricing"]
    price_fields = {
        "input_per_mtok": record.input_per_mtok,
        "output_per_mtok": record.output_per_mtok,
        "cached_input_per_mtok": record.cached_input_per_mtok,
        **record.card,
    }
    new_prices = {k: v for k, v in price_fields.items() if v is not None and pricing.get(k) != v}
    if record.unpriced and pricing.get("unpriced") != dict(record.unpriced):
        pricing["unpriced"] = dict(record.unpriced)
    if new_prices:
        old_card: dict[str, Any] = {
            k: pricing[k] for k in CARD_FIELDS if pricing.get(k) is not None
        }
        if "as_of" in pricing:  # when it was checked: the file does not say when it took effect
            old_card["as_of"] = pricing["as_of"]
        if "source" in pricing:
            old_card["source"] = pricing["source"]
        old_card["note"] = "Price before an import on " + today
        pricing.setdefault("history", []).append(old_card)
        pricing.update(new_prices)
        pricing["as_of"] = today
        pricing["source"] = source.model_dump(exclude_unset=True)
    if record.name and record.name != data.get("name"):
        data["name"] = record.name
    if record.vendor and record.vendor != data.get("vendor"):
        data["vendor"] = record.vendor
    if record.context_window is not None:
        architecture = data.setdefault("architecture", {})
        window = architecture.get("context_window") or {}
        if window.get("value") != record.context_window:
            architecture["context_window"] = {
                "value": record.context_window,
                "source": source.model_dump(exclude_unset=True),
            }
    for key, value in record.extra.items():
        if data.get(key) != value:
            data[key] = value
    if json.dumps(data, sort_keys=True) == before:
        return None
    # Validated afresh, so the result carries exactly the fields set above.
    return Model.model_validate(data)
