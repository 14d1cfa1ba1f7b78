"""Every numeric editor refuses hostile values with a message, and the store stays as it was.

The values: negative, NaN, infinite, text, 1e308 (finite, but a month's cost of
it would overflow), empty and a decimal comma ("1,5", which could mean 15 or
1.5). The editors: the table's price cells (through the cell editor, as a
person types), the model form's numeric fields and benchmark score (opened
from Edit → Edit Model…), and the calculator's exact token editors. Empty is
left out where it is a meaningful answer: it clears the cached price, the
parameters, the context window and a score; so is a negative score, which the
store format allows (a rating scale or a difference can go below zero).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from llmcompare_gui.ui.calculator.calculator import CostCalculator
from llmcompare_gui.ui.editing.model_form import ModelFormDialog
from llmcompare_gui.ui.window.main_window import MainWindow

from .window_helpers import column, open_window, source_model, table_view, type_into

pytestmark = pytest.mark.gui

HOSTILE = {
    "negative": "-1",
    "NaN": "nan",
    "infinite": "inf",
    "text": "abc",
    "1e308": "1e308",
    "empty": "",
    "decimal comma": "1,5",
}
OPTIONAL = {"Cached", "cachedPriceEdit", "totalParamsEdit", "activeParamsEdit"}
OPTIONAL |= {"contextWindowEdit", "score"}


def cases(editors: list[str]) -> list[tuple[str, str]]:
    return [
        (editor, kind)
        for editor in editors
        for kind in HOSTILE
        if not (kind == "empty" and editor in OPTIONAL)
        and not (kind == "negative" and editor == "score")
    ]


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = open_window(qtbot, data_dir)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def store_bytes(data_dir: Path) -> bytes:
    return (data_dir / "models.json").read_bytes()


def assert_nothing_saved(window: MainWindow, data_dir: Path, before: bytes) -> None:
    assert not window.parts.saver.dirty
    window.parts.saver.save_now()
    assert store_bytes(data_dir) == before


@pytest.mark.parametrize(("header", "kind"), cases(["Input", "Cached", "Output"]))
def test_table_price_cells_refuse(
    qtbot: QtBot, window: MainWindow, data_dir: Path, header: str, kind: str
) -> None:
    before = store_bytes(data_dir)
    view = table_view(window)
    model = source_model(window)
    proxy_index = view.model().index(0, column(model, header))
    value_before = proxy_index.data(Qt.ItemDataRole.UserRole)
    view.setCurrentIndex(proxy_index)
    view.edit(proxy_index)
    editor = view.findChild(QLineEdit, "cellEditor")
    assert editor is not None
    editor.setText(HOSTILE[kind])
    assert editor.property("invalid") is True  # marked while typing
    with qtbot.waitSignal(view.itemDelegate().refused) as refused:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert refused.args is not None
    assert refused.args[0].startswith("Not changed:"), refused.args
    assert repr(HOSTILE[kind]) in refused.args[0] or "needed" in refused.args[0]
    assert proxy_index.data(Qt.ItemDataRole.UserRole) == value_before
    assert_nothing_saved(window, data_dir, before)


FORM_FIELDS = [
    "inputPriceEdit",
    "cachedPriceEdit",
    "outputPriceEdit",
    "totalParamsEdit",
    "activeParamsEdit",
    "contextWindowEdit",
    "score",
]


@pytest.mark.parametrize(("field", "kind"), cases(FORM_FIELDS))
def test_model_form_fields_refuse(
    qtbot: QtBot, window: MainWindow, data_dir: Path, field: str, kind: str
) -> None:
    before = store_bytes(data_dir)
    view = table_view(window)
    view.selectionModel().select(
        view.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    seen: dict[str, str] = {}

    def fill_in_and_press_ok() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ModelFormDialog):
            QTimer.singleShot(10, fill_in_and_press_ok)
            return
        if field == "score":
            scores = dialog.findChild(QTableWidget, "benchmarksTable")
            assert scores is not None
            scores.item(0, 1).setText(HOSTILE[kind])
        else:
            edit = dialog.findChild(QLineEdit, field)
            assert edit is not None, field
            edit.setText(HOSTILE[kind])
        dialog.accept()  # OK: refused, the dialog stays open and says why
        seen["error"] = dialog.error_text()
        seen["visible"] = str(dialog.isVisible())
        label = dialog.findChild(QLabel, "formError")
        seen["label"] = label.text() if label is not None and label.isVisible() else ""
        dialog.reject()

    QTimer.singleShot(0, fill_in_and_press_ok)
    window.edit_action.trigger()
    assert seen["visible"] == "True", "OK closed the form with a refused value"
    assert seen["error"], "no message"
    assert seen["label"] == seen["error"]
    assert not window.parts.undo_stack.canUndo()
    assert_nothing_saved(window, data_dir, before)


@pytest.mark.parametrize(("name", "kind"), cases(["inputTokensEdit", "outputTokensEdit"]))
def test_calculator_token_editors_refuse(
    qtbot: QtBot, window: MainWindow, data_dir: Path, name: str, kind: str
) -> None:
    before = store_bytes(data_dir)
    calculator = window.findChild(QLineEdit, name)
    assert calculator is not None
    scenario = window.parts.costs.scenario
    costs = window.findChild(CostCalculator, "costCalculator")
    assert costs is not None
    with qtbot.assertNotEmitted(costs.scenarioChanged):
        calculator.clear()  # typing over a selection cannot type "nothing"
        type_into(qtbot, calculator, HOSTILE[kind])
    assert calculator.text() == HOSTILE[kind]
    error = window.findChild(QLabel, name.replace("Edit", "Error"))
    assert error is not None
    assert not error.isHidden()
    assert error.text()
    assert window.parts.costs.scenario == scenario
    assert_nothing_saved(window, data_dir, before)
