"""One value, one text: a franc cost reads the same in the table, calculator, chart and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMainWindow, QTreeWidget
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.comparison import ChartKind
from llmcompare_gui.export.csv_export import csv_text
from llmcompare_gui.ui.calculator.calculator import CostCalculator
from llmcompare_gui.ui.window.chart_panel import ChartPanel

from .window_helpers import column, open_window, row_of, source_model, type_into

pytestmark = pytest.mark.gui

FRANCS_PER_DOLLAR = 0.8
T = TypeVar("T", bound=QObject)


def store_in_dollars_with_a_franc_rate(data_dir: Path) -> None:
    data = {
        "schema_version": 1,
        "currency": "USD",
        "exchange_rates": {
            "as_of": "2026-11-01",
            "source": "test",
            "rates": {"CHF": FRANCS_PER_DOLLAR},
        },
        "models": [
            {
                "id": "dear",
                "name": "Dear model",
                "pricing": {"input_per_mtok": 1.2, "output_per_mtok": 3.432},
            },
            {
                "id": "cheap",
                "name": "Cheap model",
                "pricing": {"input_per_mtok": 0.1, "output_per_mtok": 0.2},
            },
        ],
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "models.json").write_text(json.dumps(data), encoding="utf-8")


def find(window: QMainWindow, kind: type[T], name: str) -> T:
    found = window.findChild(kind, name)
    assert isinstance(found, kind)
    return found


def test_a_franc_cost_reads_the_same_in_table_calculator_chart_and_csv(
    qtbot: QtBot, data_dir: Path
) -> None:
    store_in_dollars_with_a_franc_rate(data_dir)
    window = open_window(qtbot, data_dir)
    type_into(qtbot, find(window, QLineEdit, "inputTokensEdit"), "1B")
    type_into(qtbot, find(window, QLineEdit, "outputTokensEdit"), "100M")
    combo = find(window, QComboBox, "displayCurrencyCombo")
    combo.setCurrentIndex(combo.findText("CHF"))
    combo.activated.emit(combo.currentIndex())
    # CONTRACT §3 by hand: 1B input at $1.20 and 100M output at $3.432 per million
    # = 1,200 + 343.20 = $1,543.20 a month; at 0.8 francs to the dollar, CHF 1,234.56.
    expected = "CHF 1,234.56"

    calculator = find(window, CostCalculator, "costCalculator")
    qtbot.waitUntil(lambda: ("Dear model", expected, "×12.86") in calculator.cost_rows())
    # Its tooltip gives the exact amount the same way, currency first (0.8 × 1,543.20).
    cost_list = find(window, QTreeWidget, "costList")
    dear_item = cost_list.findItems("Dear model", Qt.MatchFlag.MatchExactly, 0)[0]
    assert dear_item.toolTip(1) == "CHF 1,234.560000 a month"

    panel = find(window, ChartPanel, "chartPanel")
    panel.build_charts()
    panel.set_current_kind(ChartKind.COST)
    panel.flush()
    chart = panel.figure(ChartKind.COST)
    assert chart is not None
    qtbot.waitUntil(lambda: expected in chart.label_texts())

    comparison = panel.comparison()
    assert comparison is not None
    table = comparison.table(ChartKind.COST)
    rows = list(csv.DictReader(io.StringIO(csv_text(table.header, table.rows))))
    dear = next(row for row in rows if row["model"] == "Dear model")
    # The CSV holds the same value as a plain number, its currency in its own column.
    assert (dear["total_cost"], dear["currency"]) == ("1234.56", "CHF")

    # Last: the table's cost cell (the "table" helper switches the table to the same rule).
    model = source_model(window)
    index = model.index(row_of(model, "Dear model"), column(model, "Cost"))
    assert index.data(Qt.ItemDataRole.DisplayRole) == expected
