"""The table model and its filter proxy: sorting on raw values, filtering, model tester."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow, QTableView
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.cost import PriceTable, Scenario, compute_costs
from llmcompare_gui.domain.model import Store
from llmcompare_gui.domain.table_columns import COST
from llmcompare_gui.store.jsonstore import default_store, parse_store
from llmcompare_gui.ui.table.delegates import CellDelegate
from llmcompare_gui.ui.table.proxy import ModelFilterProxy
from llmcompare_gui.ui.table.table_model import ROW_ROLE, ModelTableModel

from ..stores import litellm_store, write_store
from .window_helpers import column, open_window, source_model, table_view

pytestmark = pytest.mark.gui

ORDERS = [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]


def big_model(count: int = 300) -> ModelTableModel:
    store, _ = parse_store(json.dumps(litellm_store(count)), Path("generated.json"))
    model = ModelTableModel(store)
    prices = PriceTable.from_models(store.models)
    scenario = Scenario(1e9, 1e8, 0.3)
    model.set_costs(compute_costs(prices, scenario).total, prices.blended(scenario.input_share))
    model.set_compared_ids({m.id for m in store.models[::3]})
    return model


def raw_column(model: Any, column_index: int) -> list[Any]:
    return [
        model.index(row, column_index).data(Qt.ItemDataRole.UserRole)
        for row in range(model.rowCount())
    ]


def check_sorted(values: list[Any], order: Qt.SortOrder) -> None:
    """Notes rank above numbers (after them ascending, before them descending); missing last."""
    descending = order == Qt.SortOrder.DescendingOrder
    text_rank = -1 if descending else 1
    kinds = [2 if v is None else text_rank if isinstance(v, str) else 0 for v in values]
    assert kinds == sorted(kinds), "notes above numbers, missing last"
    numbers = [v for v in values if v is not None and not isinstance(v, str)]
    assert numbers == sorted(numbers, reverse=descending)
    texts = [v.casefold() for v in values if isinstance(v, str)]
    assert texts == sorted(texts, reverse=descending)


@pytest.mark.parametrize("order", ORDERS)
def test_every_column_sorts_on_raw_values_with_missing_values_last(order: Qt.SortOrder) -> None:
    model = big_model()
    proxy = ModelFilterProxy(model)
    for column_index in range(model.columnCount()):
        key = model.key_at(column_index)
        proxy.sort(column_index, order)
        values = raw_column(proxy, column_index)
        if key == "compare":
            assert values == sorted(values, reverse=order == Qt.SortOrder.AscendingOrder)
            continue
        check_sorted(values, order)
        assert len(values) == model.rowCount()


def test_some_columns_really_have_missing_values_and_notes() -> None:
    model = big_model()
    for prefix in ("Total params", "Cached", "SWE-Bench", "Vendor", "Licence"):
        assert None in raw_column(model, column(model, prefix)), prefix
    notes = raw_column(model, column(model, "SWE-Bench"))
    assert any(isinstance(v, str) for v in notes)
    assert any(isinstance(v, float) for v in notes)


def test_sorting_keeps_persistent_indexes_on_their_model() -> None:
    model = big_model(50)
    name = column(model, "Name")
    marked = {row: QPersistentModelIndex(model.index(row, name)) for row in (0, 7, 49)}
    names = {row: model.index(row, name).data() for row in marked}
    layout_args: list[tuple[Any, ...]] = []
    model.layoutAboutToBeChanged.connect(lambda *args: layout_args.append(args))
    model.sort(column(model, "Cost"), Qt.SortOrder.DescendingOrder)
    model.sort(column(model, "Name"), Qt.SortOrder.AscendingOrder)
    assert layout_args  # emitted (with no arguments)
    for row, persistent in marked.items():
        assert persistent.isValid()
        assert persistent.data() == names[row]


def test_the_view_sorts_through_the_source_model(qtbot: QtBot, data_dir: Path) -> None:
    write_store(data_dir, 120)
    window = open_window(qtbot, data_dir)
    view = table_view(window)
    model = source_model(window)
    cost = column(model, "Cost")
    view.sortByColumn(cost, Qt.SortOrder.AscendingOrder)
    costs = raw_column(view.model(), cost)
    assert costs == sorted(costs)
    assert raw_column(model, cost) == costs  # the source model itself is in that order
    view.sortByColumn(cost, Qt.SortOrder.DescendingOrder)
    assert raw_column(view.model(), cost) == sorted(costs, reverse=True)


def test_cost_user_role_is_exactly_the_cost_engine_output() -> None:
    model = big_model(200)
    store = model.store
    prices = PriceTable.from_models(store.models)
    totals = compute_costs(prices, Scenario(1e9, 1e8, 0.3)).total
    expected = dict(zip((m.id for m in store.models), totals.tolist(), strict=True))
    cost = model.column_of(COST)
    for row in range(model.rowCount()):
        model_id = model.index(row, 0).data(ROW_ROLE).id
        assert model.index(row, cost).data(Qt.ItemDataRole.UserRole) == expected[model_id]


def test_the_cheapest_cost_is_marked() -> None:
    model = ModelTableModel(default_store())
    model.set_compared_ids({m.id for m in model.store.models})
    prices = PriceTable.from_models(model.store.models)
    model.set_costs(compute_costs(prices, Scenario(1e9, 1e8, 0)).total, prices.blended(0.9))
    cost = model.column_of(COST)
    marked = [
        model.index(row, 1).data()
        for row in range(model.rowCount())
        if model.index(row, cost).data(Qt.ItemDataRole.FontRole) is not None
    ]
    assert marked == ["DeepSeek V3/R1"]
    row = next(r for r in range(3) if model.index(r, 1).data() == "DeepSeek V3/R1")
    assert "cheapest" in model.index(row, cost).data(Qt.ItemDataRole.ToolTipRole)
    assert "★" in model.index(row, cost).data()


def test_missing_values_show_as_a_dash_and_notes_as_italic_text_with_a_tooltip() -> None:
    model = ModelTableModel(default_store())
    names = [model.index(row, 1).data() for row in range(3)]
    r1 = names.index("DeepSeek V3/R1")
    assert model.index(r1, column(model, "Context")).data() == "—"
    assert model.index(r1, column(model, "Context")).data(Qt.ItemDataRole.UserRole) is None
    k2 = names.index("Kimi K2")
    note = model.index(k2, column(model, "LiveCodeBench"))
    # The kind of each figure is written after it: this one is the article's own words.
    assert note.data() == "High performance · article"
    assert note.data(Qt.ItemDataRole.UserRole) == "High performance"
    assert note.data(Qt.ItemDataRole.FontRole).italic()
    assert "High performance" in note.data(Qt.ItemDataRole.ToolTipRole)
    assert "Source:" in note.data(Qt.ItemDataRole.ToolTipRole)
    assert "No cached-input price" in model.index(k2, column(model, "Cached")).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_the_row_role_returns_the_domain_model_through_the_proxy() -> None:
    model = ModelTableModel(default_store())
    proxy = ModelFilterProxy(model)
    proxy.set_filter_text("v3/r1")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 3).data(ROW_ROLE).id == "deepseek-v3-r1"


def test_the_filter_matches_name_and_vendor_case_insensitively() -> None:
    model = big_model(400)
    proxy = ModelFilterProxy(model)
    proxy.set_filter_text("GPT-4")
    expected = [
        m.name for m in model.store.models if "gpt-4" in f"{m.name}\n{m.vendor or ''}".lower()
    ]
    assert sorted(raw_column(proxy, column(model, "Name"))) == sorted(expected)
    proxy.set_filter_text("BEDROCK")
    assert proxy.rowCount() == sum(
        "bedrock" in f"{m.name}\n{m.vendor or ''}".lower() for m in model.store.models
    )
    proxy.set_filter_text("")
    assert proxy.rowCount() == model.rowCount()


def test_the_filter_box_filters_the_window(qtbot: QtBot, data_dir: Path) -> None:
    window: QMainWindow = open_window(qtbot, data_dir)
    box = window.findChild(QLineEdit, "modelFilter")
    assert box is not None
    box.setText("deepseek")
    assert table_view(window).model().rowCount() == 2
    box.setText("moonshot")
    assert table_view(window).model().rowCount() == 1
    box.setText("")
    assert table_view(window).model().rowCount() == 3


def test_a_renamed_model_is_filtered_by_its_new_name() -> None:
    model = ModelTableModel(default_store())
    proxy = ModelFilterProxy(model)
    model.modelsChanged.connect(proxy.refilter)
    proxy.set_filter_text("zebra")
    assert proxy.rowCount() == 0
    assert model.setData(model.index(0, column(model, "Name")), "Zebra", Qt.ItemDataRole.EditRole)
    assert proxy.rowCount() == 1


def test_the_source_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(big_model(60))


def test_the_proxy_passes_the_model_tester_while_filtering_and_sorting(
    qtmodeltester: Any,
) -> None:
    model = big_model(60)
    proxy = ModelFilterProxy(model)
    proxy.set_filter_text("o")
    qtmodeltester.check(proxy)
    proxy.sort(column(model, "Cost"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_the_model_tester_follows_edits_inserts_and_removals(qtmodeltester: Any) -> None:
    model = ModelTableModel(default_store())
    proxy = ModelFilterProxy(model)
    qtmodeltester.check(proxy, force_py=True)
    original = model.store.models[0]
    copy = original.model_copy(deep=True)
    copy.id = "copy"
    model.insert_model(1, copy, 0)
    model.sort(column(model, "Name"), Qt.SortOrder.DescendingOrder)
    model.replace_model("copy", copy.model_copy(update={"name": "Copy"}))
    model.remove_model("copy")
    model.set_costs(np.arange(3.0), np.arange(3.0))
    assert model.rowCount() == 3


def test_bundled_notes_sort_after_scores_ascending_and_before_them_descending() -> None:
    model = ModelTableModel(default_store())
    proxy = ModelFilterProxy(model)
    column_index = column(model, "LiveCodeBench")
    proxy.sort(column_index, Qt.SortOrder.AscendingOrder)
    assert raw_column(proxy, column_index) == [
        74.8,
        "High performance",
        "Lower than DeepSeek V3.1",
    ]
    proxy.sort(column_index, Qt.SortOrder.DescendingOrder)
    assert raw_column(proxy, column_index) == [
        "Lower than DeepSeek V3.1",
        "High performance",
        74.8,
    ]


def test_benchmark_cells_say_who_reported_them_and_list_the_runs() -> None:
    model = ModelTableModel(default_store())
    names = [model.index(row, 1).data() for row in range(3)]
    k2, v31, r1 = (names.index(n) for n in ("Kimi K2", "DeepSeek V3.1", "DeepSeek V3/R1"))
    aider = column(model, "Aider Polyglot")
    assert model.index(v31, aider).data() == "76.3 · vendor"
    assert model.index(k2, aider).data() == "59.1 · indep."
    assert model.index(k2, aider).data(Qt.ItemDataRole.UserRole) == 59.1
    tip = model.index(r1, aider).data(Qt.ItemDataRole.ToolTipRole)
    assert "Reported by: independent run" in tip
    # Both runs stay visible, the best (the score) first.
    assert tip.index("71.4 % — DeepSeek R1 (0528)") < tip.index("55.1 % — DeepSeek V3 (0324)")
    assert "github.com/Aider-AI/aider" in tip
    vendor_tip = model.index(v31, aider).data(Qt.ItemDataRole.ToolTipRole)
    assert "Reported by: vendor's claim" in vendor_tip


def test_cost_per_solved_task_column_is_there_only_with_runs() -> None:
    store = default_store()
    model = ModelTableModel(store)
    names = [model.index(row, 1).data() for row in range(3)]
    task = column(model, "Cost / solved task")
    k2 = names.index("Kimi K2")
    # By hand: (2,355,141 × 0.60 + 363,846 × 2.50) / 10^6 = 2.3226996 for 133 solved.
    assert model.index(k2, task).data(Qt.ItemDataRole.UserRole) == pytest.approx(2.3226996 / 133)
    assert model.index(k2, task).data() == "$0.0175"
    assert "solved 133 of 225" in model.index(k2, task).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(names.index("DeepSeek V3.1"), task).data() == "—"
    bare = store.model_copy(
        update={"models": [m.model_copy(update={"benchmark_runs": []}) for m in store.models]}
    )
    headers = [
        ModelTableModel(bare).headerData(c, Qt.Orientation.Horizontal)
        for c in range(ModelTableModel(bare).columnCount())
    ]
    assert not any(h.startswith("Cost / solved task") for h in headers)


def test_the_price_editor_reads_the_card_currency_of_the_filtered_row(qtbot: QtBot) -> None:
    data = default_store().model_dump(mode="json", exclude_unset=True)
    data["exchange_rates"]["rates"]["CHF"] = 0.88  # the store is in USD
    r1 = next(m for m in data["models"] if m["id"] == "deepseek-v3-r1")
    r1["pricing"]["currency"] = "CHF"
    model = ModelTableModel(Store.model_validate(data))
    proxy = ModelFilterProxy(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setItemDelegate(CellDelegate(model, view))
    view.show()
    proxy.set_filter_text("v3/r1")  # the proxy's row 0 is not the model's row 0
    index = proxy.index(0, column(model, "Input"))
    assert index.data(ROW_ROLE).id == "deepseek-v3-r1"
    view.edit(index)
    editor = view.findChild(QLineEdit, "cellEditor")
    assert editor is not None
    editor.setText("USD 0.70")  # the store's currency, but this card is priced in CHF
    assert editor.property("invalid") is True
    assert "prices here are in CHF, not USD" in editor.toolTip()
    editor.setText("CHF 0.70")
    assert editor.property("invalid") is False
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data(Qt.ItemDataRole.UserRole) == 0.7)
    assert index.data() == "0.70"
