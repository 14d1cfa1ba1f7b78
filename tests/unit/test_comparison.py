"""What the charts show, as the tables their CSV writes (CONTRACT §4)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from llmcompare_gui.domain.comparison import ChartKind, Comparison
from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.domain.model import Store
from llmcompare_gui.domain.price_points import models_on
from llmcompare_gui.export.csv_export import csv_text, format_cell
from llmcompare_gui.store.jsonstore import default_store

COST_HEADER = (
    "model_id",
    "model",
    "input_cost",
    "cached_input_cost",
    "cache_write_cost",
    "output_cost",
    "reasoning_cost",
    "request_cost",
    "total_cost",
    "currency",
    "note",
)
BENCHMARK_HEADER = ("model_id", "model", "benchmark", "score", "unit", "note")


@pytest.fixture(scope="module")
def store() -> Store:
    return default_store()


def compare(store: Store, scenario: Scenario, ids: list[str] | None = None) -> Comparison:
    models = store.models if ids is None else [m for i in ids for m in store.models if m.id == i]
    return Comparison(store=store, models=models, scenario=scenario)


def test_cost_table_of_the_article_cheapest_first(store: Store) -> None:
    table = compare(store, Scenario(1e9, 100e6, 0.0)).table(ChartKind.COST)
    assert table.header == COST_HEADER
    assert table.rows == [
        ("deepseek-v3-r1", "DeepSeek V3/R1", 300.0, 0.0, 0.0, 120.0, 0.0, 0.0, 420.0, "USD", ""),
        ("deepseek-v3.1", "DeepSeek V3.1", 550.0, 0.0, 0.0, 166.0, 0.0, 0.0, 716.0, "USD", ""),
        ("kimi-k2", "Kimi K2", 600.0, 0.0, 0.0, 250.0, 0.0, 0.0, 850.0, "USD", ""),
    ]


def test_cost_table_splits_cached_input(store: Store) -> None:
    chosen = [m for m in store.models if m.id in ("kimi-k2", "deepseek-v3-r1")]
    # On 2025-08-01 Kimi K2's vendor card ($0.60 in, $0.15 cached) was in force.
    models = models_on(chosen, dt.date(2025, 8, 1))
    models = [models[0], chosen[1]]
    table = Comparison(store=store, models=models, scenario=Scenario(1e9, 0, 0.4)).table(
        ChartKind.COST
    )
    rows = {row[0]: row[2:9] for row in table.rows}
    # Kimi K2's cache-hit price ($0.15/M) applies to the 400M cached tokens.
    assert rows["kimi-k2"] == pytest.approx((360.0, 60.0, 0.0, 0.0, 0.0, 0.0, 420.0))
    # The article's card for DeepSeek V3/R1 has no cached price: cached input costs the input price.
    assert rows["deepseek-v3-r1"] == pytest.approx((180.0, 120.0, 0.0, 0.0, 0.0, 0.0, 300.0))


def test_cost_table_breaks_ties_by_name() -> None:
    pricing = {"input_per_mtok": 1.0, "output_per_mtok": 1.0}
    tied = Store.model_validate(
        {
            "currency": "EUR",
            "models": [
                {"id": "z", "name": "Zeta", "pricing": pricing},
                {"id": "a", "name": "Alpha", "pricing": pricing},
            ],
        }
    )
    rows = compare(tied, Scenario(1e6, 1e6)).table(ChartKind.COST).rows
    assert [(row[0], row[-2]) for row in rows] == [("a", "EUR"), ("z", "EUR")]


def test_benchmark_table_holds_the_article_scores_and_claims(store: Store) -> None:
    table = compare(store, Scenario()).table(ChartKind.BENCHMARKS)
    assert table.header == BENCHMARK_HEADER
    scores = {(row[0], row[2]): row[3] for row in table.rows if row[3] is not None}
    assert scores == {
        ("kimi-k2", "SWE-Bench Verified"): 65.8,
        ("deepseek-v3.1", "LiveCodeBench"): 74.8,
        ("deepseek-v3.1", "Aider Polyglot"): 76.3,
        # Aider's own runs (its leaderboard), bundled beside the article's figures.
        ("kimi-k2", "Aider Polyglot"): 59.1,
        ("deepseek-v3-r1", "Aider Polyglot"): 71.4,
    }
    notes = {(row[0], row[2]): row[5] for row in table.rows if row[3] is None}
    # Qualitative claims are data: kept as notes, never dropped, never plotted.
    assert notes[("deepseek-v3.1", "SWE-Bench Verified")] == "N/A"
    assert notes[("kimi-k2", "AIME")] == "Higher than DeepSeek V3"
    assert notes[("deepseek-v3-r1", "GPQA")] == "Lower than Kimi K2 (stated for V3)"
    assert all(row[4] == "%" for row in table.rows)


def test_benchmark_table_follows_the_chosen_models(store: Store) -> None:
    table = compare(store, Scenario(), ["deepseek-v3.1"]).table(ChartKind.BENCHMARKS)
    assert {row[0] for row in table.rows} == {"deepseek-v3.1"}


def test_every_chart_kind_has_a_table(store: Store) -> None:
    comparison = compare(store, Scenario())
    for kind in ChartKind:
        table = comparison.table(kind)
        assert table.header[:2] == ("model_id", "model")
        assert all(len(row) == len(table.header) for row in table.rows)
        assert kind.description


def test_parameter_table_keeps_the_article_figures(store: Store) -> None:
    rows = {row[0]: row for row in compare(store, Scenario()).table(ChartKind.PARAMETERS).rows}
    assert rows["kimi-k2"][2:4] == (1000, 32)
    assert rows["deepseek-v3.1"][2:4] == (671, 37)


# --- CSV cells ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (None, ""),
        (420.0, "420"),
        (0.0, "0"),
        (1e-05, "0.00001"),
        (2.5e-07, "0.00000025"),
        (1e21, "1000000000000000000000"),
        (0.1 + 0.2, "0.3"),
        (329.99999999999994, "330"),
        (1059.9999999999998, "1060"),
        (0.30000000000000004e-6, "0.0000003"),
        (123456.789012345678, "123456.789012"),
        (3e20 + 8388608, "300000000000000000000"),
        (-0.0, "0"),
        (float("inf"), ""),
        (float("nan"), ""),
        (7, "7"),
        (True, "true"),
        ("Kimi K2", "Kimi K2"),
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ],
)
def test_csv_cells(cell: str | float | None, text: str) -> None:
    assert format_cell(cell) == text


def test_csv_text_reads_back(store: Store) -> None:
    table = compare(store, Scenario(1e9, 100e6)).table(ChartKind.COST)
    rows = list(csv.reader(io.StringIO(csv_text(table.header, table.rows))))
    assert tuple(rows[0]) == COST_HEADER
    assert [row[8] for row in rows[1:]] == ["420", "716", "850"]
