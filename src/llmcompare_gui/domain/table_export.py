"""The model table as rows for a CSV file that the CSV import reads back.

The first columns are exactly the ones the import needs (``id``, ``name``,
``vendor``, ``input_per_mtok``, ``cached_input_per_mtok``, ``output_per_mtok``);
the others carry what the table shows, named after the store's fields
(``price_currency`` is the card's own currency, empty for the store's;
``currency`` that of ``monthly_cost``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .comparison import Cell, Comparison, Table
from .cost import CostBreakdown
from .model import Model, Store

MODEL_TABLE_HEADER = (
    "id",
    "name",
    "vendor",
    "input_per_mtok",
    "cached_input_per_mtok",
    "output_per_mtok",
    "cache_write_per_mtok",
    "cache_write_1h_per_mtok",
    "reasoning_per_mtok",
    "per_request",
    "price_currency",
    "context_window",
    "total_params_b",
    "active_params_b",
    "architecture",
    "license",
    "open_weights",
    "primary_focus",
    "key_capability",
    "target_use_case",
    "price_as_of",
    "monthly_cost",
    "currency",
)


def model_table(
    store: Store,
    models: Sequence[Model],
    costs_or_comparison: CostBreakdown | Comparison | None = None,
) -> Table:
    """One row per model, in the order given; ``monthly_cost`` empty without costs.

    ``costs_or_comparison`` gives each model's cost for the scenario: a
    :class:`CostBreakdown` in the order of ``models``, or a :class:`Comparison`
    over the same models.
    """
    if isinstance(costs_or_comparison, Comparison):
        costs: CostBreakdown | None = costs_or_comparison.costs
    else:
        costs = costs_or_comparison
    if costs is not None and len(costs.total) != len(models):
        raise ValueError(f"{len(costs.total)} costs for {len(models)} models")
    rows: list[tuple[Cell, ...]] = []
    for row, model in enumerate(models):
        pricing = model.pricing
        arch = model.architecture
        positioning = model.positioning
        rows.append(
            (
                model.id,
                model.name,
                model.vendor,
                pricing.input_per_mtok,
                pricing.cached_input_per_mtok,
                pricing.output_per_mtok,
                pricing.cache_write_per_mtok,
                pricing.cache_write_1h_per_mtok,
                pricing.reasoning_per_mtok,
                pricing.per_request,
                pricing.currency,
                arch.context_window.value if arch and arch.context_window else None,
                arch.total_params_b.value if arch and arch.total_params_b else None,
                arch.active_params_b.value if arch and arch.active_params_b else None,
                arch.kind if arch else None,
                model.license,
                None if model.open_weights is None else ("true" if model.open_weights else "false"),
                positioning.primary_focus if positioning else None,
                positioning.key_capability if positioning else None,
                positioning.target_use_case if positioning else None,
                pricing.as_of,
                None if costs is None else float(costs.total[row]),
                store.currency,
            )
        )
    return Table(MODEL_TABLE_HEADER, rows)
