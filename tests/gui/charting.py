"""Comparisons for chart and export tests: the reference models plus made-up ones."""

from __future__ import annotations

from llmcompare_gui.domain.comparison import Comparison
from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.domain.model import Model, Store
from llmcompare_gui.store.jsonstore import default_store

HOSTILE = "<script>alert(1)</script>"
LONG = "An extraordinarily verbose model name that goes on and on, version 2026-11-29 preview"


def made_up(store: Store, count: int) -> list[Model]:
    """``count`` extra models with distinct prices, some hostile or very long names."""
    models = []
    for index in range(count):
        model = store.models[index % len(store.models)].model_copy(deep=True)
        model.id = f"made-up-{index}"
        model.name = HOSTILE if index == 0 else LONG if index == 1 else f"Made-up model {index}"
        model.pricing.input_per_mtok = 0.05 * (index + 1)
        model.pricing.output_per_mtok = 0.2 * (index % 7 + 1)
        models.append(model)
    return models


def comparison(
    count: int = 3,
    *,
    input_tokens: float = 1e9,
    output_tokens: float = 1e8,
    cached_share: float = 0.0,
    benchmark: str | None = None,
) -> Comparison:
    """The reference models first, then made-up ones, ``count`` in all."""
    store = default_store()
    models = [*store.models, *made_up(store, max(0, count - len(store.models)))][:count]
    store = store.model_copy(update={"models": models})
    return Comparison(store, models, Scenario(input_tokens, output_tokens, cached_share), benchmark)
