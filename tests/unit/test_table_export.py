"""The model table CSV: the columns the CSV import needs, and the cost engine's numbers."""

from __future__ import annotations

import csv
import io

from llmcompare_gui.domain.comparison import Comparison
from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.domain.table_export import model_table
from llmcompare_gui.export.csv_export import csv_text
from llmcompare_gui.store.jsonstore import default_store


def test_columns_start_with_what_the_import_reads() -> None:
    store = default_store()
    table = model_table(store, store.models)
    assert table.header[:6] == (
        "id",
        "name",
        "vendor",
        "input_per_mtok",
        "cached_input_per_mtok",
        "output_per_mtok",
    )
    assert [row[0] for row in table.rows] == [m.id for m in store.models]
    assert all(row[-2] is None for row in table.rows)  # no scenario: no cost


def test_costs_and_round_trip_through_csv() -> None:
    store = default_store()
    comparison = Comparison(store, store.models, Scenario(1e9, 1e8, 0.25))
    table = model_table(store, store.models, comparison)
    text = csv_text(table.header, table.rows)
    rows = list(csv.DictReader(io.StringIO(text)))
    for model, row, total in zip(store.models, rows, comparison.costs.total, strict=True):
        assert row["id"] == model.id
        assert row["name"] == model.name
        assert float(row["input_per_mtok"]) == model.pricing.input_per_mtok
        assert float(row["output_per_mtok"]) == model.pricing.output_per_mtok
        cached = model.pricing.cached_input_per_mtok
        assert row["cached_input_per_mtok"] == ("" if cached is None else format(cached, "g"))
        assert float(row["monthly_cost"]) == total
        assert row["currency"] == "USD"
    assert rows[0]["total_params_b"] == "1000"
    assert rows[0]["open_weights"] == "true"
