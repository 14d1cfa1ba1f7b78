"""Exported captions: the date the charted prices hold for, and their sources."""

from __future__ import annotations

import datetime as dt

from llmcompare_gui.domain.comparison import ChartKind, Comparison
from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.domain.price_points import models_on
from llmcompare_gui.export.captions import data_footnote, default_title, prices_as_of
from llmcompare_gui.store.jsonstore import default_store


def test_prices_are_dated_by_the_cards_effective_date_not_a_sources_reading() -> None:
    store = default_store()
    # Every current card is the article's, in force from 2026-11-29.
    comparison = Comparison(store, store.models, Scenario())
    assert prices_as_of(comparison) == "2026-11-29"
    undated = store.models[0].model_copy(
        update={"pricing": store.models[0].pricing.model_copy(update={"effective": None})}
    )
    # Its source was read on 2026-11-29, but that says nothing of when the prices applied.
    assert prices_as_of(Comparison(store, [undated], Scenario())) is None


def test_an_as_of_date_names_the_date_and_the_sources_of_the_points_in_force() -> None:
    store = default_store()
    day = dt.date(2025, 9, 4)
    comparison = Comparison(store, models_on(store.models, day), Scenario(), as_of=day)
    assert default_title(comparison, ChartKind.COST).endswith("— prices as of 2025-09-04")
    footnote = data_footnote(comparison, ChartKind.COST)
    # The points in force on the day (no model's other sources): Moonshot's card, the V3.1
    # announcement's, DeepSeek's V3 card with off-peak hours.
    assert "Moonshot AI Open Platform" in footnote
    assert "DeepSeek-V3.1 Release (api-docs.deepseek.com" in footnote
    assert "off-peak discounts" in footnote
    assert "Kimi K2 vs DeepSeek V3/R1" not in footnote


def test_the_price_history_footnote_names_every_points_source() -> None:
    store = default_store()
    v31 = [m for m in store.models if m.id == "deepseek-v3.1"]
    footnote = data_footnote(Comparison(store, v31, Scenario()), ChartKind.PRICE_HISTORY)
    # Oldest first: the 2025-08-21 point, the 2025-09-05 card, its yuan listing; the article's
    # card (2026-11-29) is the one more.
    assert footnote.startswith("Data: DeepSeek-V3.1 Release (api-docs.deepseek.com, 2026-12-02)")
    assert "DeepSeek API Docs: Models & Pricing" in footnote
    assert "; and 1 more source." in footnote
