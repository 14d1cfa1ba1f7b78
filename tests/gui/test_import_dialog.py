from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from llmcompare_gui.store.jsonstore import default_store
from llmcompare_gui.ui.transfer.import_dialog import REFUSED, ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LITELLM = FIXTURES / "litellm_model_prices-2025-11-01.json"


def make_dialog(qtbot: QtBot) -> ImportDialog:
    dialog = ImportDialog(default_store())
    qtbot.addWidget(dialog)
    return dialog


def import_button(dialog: ImportDialog) -> QPushButton:
    return dialog.import_button()


def cell(dialog: ImportDialog, row: int, column: int) -> str:
    model = dialog.preview_model
    return str(model.data(model.index(row, column)))


def column_texts(dialog: ImportDialog, column: int) -> list[str]:
    return [cell(dialog, row, column) for row in range(dialog.preview_model.rowCount())]


def test_preview_lists_what_will_change_and_enables_import(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert not import_button(dialog).isEnabled()
    dialog.set_path(LITELLM)
    plan = dialog.plan()
    assert plan is not None
    assert len(plan.added) > 1000
    assert f"{len(plan.added)} to add" in dialog.summary.text()
    assert import_button(dialog).isEnabled()


def test_the_preview_holds_every_row_with_its_prices(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_path(LITELLM)
    plan = dialog.plan()
    assert plan is not None
    rows = len(plan.added) + len(plan.updated) + len(plan.unchanged)
    assert rows > 1000  # more than the 500 the old preview stopped at
    assert dialog.preview_model.rowCount() == rows
    ids = column_texts(dialog, 1)
    assert ids[: len(plan.added)] == plan.added
    # azure_ai/deepseek-r1: 1.35e-06 and 5.4e-06 USD per token in the file.
    row = ids.index("azure_ai/deepseek-r1")
    assert [cell(dialog, row, column) for column in (0, 3, 5)] == ["add", "1.35", "5.4"]
    scroll_bar = dialog.preview_view.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll_bar.maximum() > 0)
    dialog.preview_view.scrollTo(dialog.preview_model.index(rows - 1, 1))
    assert scroll_bar.value() == scroll_bar.maximum()


def test_enter_in_the_file_field_previews_and_does_not_import(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(LITELLM))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.plan() is not None
    assert dialog.preview_model.rowCount() > 1000
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Enter)  # a second Enter still does not apply
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(import_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_editing_the_path_forgets_the_previewed_plan(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.set_path(LITELLM)
    assert import_button(dialog).isEnabled()
    qtbot.keyClicks(dialog.path_edit, "x")
    assert dialog.plan() is None
    assert not import_button(dialog).isEnabled()
    assert "Enter" in dialog.summary.text()


def test_no_button_of_the_dialog_is_a_default_one(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    buttons = dialog.findChildren(QPushButton)
    assert buttons
    assert not any(button.isDefault() or button.autoDefault() for button in buttons)


def test_broken_file_is_named_and_nothing_can_be_imported(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "prices.json"
    bad.write_text("[" * 100_000, encoding="utf-8")
    dialog = make_dialog(qtbot)
    dialog.set_path(bad)
    assert dialog.plan() is None
    assert str(bad) in dialog.summary.text()
    assert "nested too deeply" in dialog.summary.text()
    assert not import_button(dialog).isEnabled()


def test_every_bad_csv_line_is_listed_and_nothing_can_be_imported(
    qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "prices.csv"
    bad.write_text(
        "id;name;input_per_mtok;output_per_mtok\nx;X;cheap;1\nok;OK;1;2\ny;Y;1;-3\n",
        encoding="utf-8",
    )
    dialog = make_dialog(qtbot)
    dialog.set_path(bad)
    assert dialog.plan() is None
    assert "2 bad lines" in dialog.summary.text()
    assert column_texts(dialog, 0) == [REFUSED, REFUSED]
    assert column_texts(dialog, 1) == [
        "line 2, column input_per_mtok",
        "line 4, column output_per_mtok",
    ]
    assert column_texts(dialog, 6) == [
        "'cheap' is not a price",
        "'-3' is negative; a price must be 0 or more",
    ]
    assert not import_button(dialog).isEnabled()


def test_skipped_entries_and_absurd_prices_are_listed_for_review(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "prices.json"
    source.write_text(
        json.dumps(
            {
                "sane": {
                    "mode": "chat",
                    "input_cost_per_token": 1e-6,
                    "output_cost_per_token": 2e-6,
                },
                "absurd": {
                    "mode": "chat",
                    "input_cost_per_token": 0.135,
                    "output_cost_per_token": 1e-6,
                },
                "broken": {"mode": "chat", "input_cost_per_token": float("nan")},
            }
        ),
        encoding="utf-8",
    )
    dialog = make_dialog(qtbot)
    dialog.set_path(source)
    assert column_texts(dialog, 1) == ["sane", "absurd", "broken"]
    assert column_texts(dialog, 0) == ["add", "add", "skip"]
    assert cell(dialog, 0, 6) == ""
    assert cell(dialog, 1, 3) == "135,000"
    assert cell(dialog, 1, 6) == "⚠ input 135000 per million tokens is above 1000: check it"
    assert "nan is not a finite price" in cell(dialog, 2, 6)
    assert "1 to check" in dialog.summary.text()


def test_a_file_that_changes_nothing_cannot_be_imported(qtbot: QtBot, tmp_path: Path) -> None:
    same = tmp_path / "same.csv"
    same.write_text(
        "id,name,input_per_mtok,output_per_mtok\nkimi-k2,Kimi K2,0.6,2.5\n", encoding="utf-8"
    )
    dialog = make_dialog(qtbot)
    dialog.set_path(same)
    plan = dialog.plan()
    assert plan is not None
    assert plan.unchanged == ["kimi-k2"]
    assert not import_button(dialog).isEnabled()


def test_updates_show_the_price_change(qtbot: QtBot, tmp_path: Path) -> None:
    cheaper = tmp_path / "cheaper.csv"
    cheaper.write_text(
        "id,name,input_per_mtok,output_per_mtok\nkimi-k2,Kimi K2,0.5,2.5\n", encoding="utf-8"
    )
    dialog = make_dialog(qtbot)
    dialog.set_path(cheaper)
    assert column_texts(dialog, 0) == ["update"]
    assert [cell(dialog, 0, column) for column in (3, 4, 5)] == ["0.6 → 0.5", "—", "2.5"]


LEADERBOARD = FIXTURES / "aider_polyglot_leaderboard.yml"


def test_leaderboard_preview_lists_matched_and_unmatched_runs_and_assigns_one(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QComboBox

    store = default_store()
    dialog = ImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.set_path(LEADERBOARD)
    plan = dialog.plan()
    assert plan is not None
    assert "Aider leaderboard" in dialog.summary.text()
    tree = dialog.runs_tree
    assert not tree.isHidden()
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Matched (3)" in titles
    unmatched = next(
        tree.topLevelItem(i)
        for i, title in enumerate(titles)
        if title.startswith("Matching no model (66)")
    )
    # The bundled store already holds the runs: nothing to import yet.
    assert not import_button(dialog).isEnabled()
    # Assign the R1 architect run, listed with its --model id (r1), to the V3/R1 row.
    row = next(
        r
        for r in range(unmatched.childCount())
        if unmatched.child(r).text(0).startswith("DeepSeek R1 + claude-3-5-sonnet")
    )
    picker = tree.itemWidget(unmatched.child(row), 1)
    assert isinstance(picker, QComboBox)
    assert picker.currentData() is None
    picker.setCurrentIndex(picker.findData("deepseek-v3-r1"))
    plan = dialog.plan()
    assert plan is not None
    assert plan.updated == ["deepseek-v3-r1"]
    assert len(plan.unmatched) == 65
    r1 = plan.store.model("deepseek-v3-r1")
    assert r1 is not None
    assert "r1" in r1.aliases
    assert "2025-01-23-19-14-48--r1-architect-sonnet" in {run.run for run in r1.benchmark_runs}
    assert import_button(dialog).isEnabled()
    # Nothing was written into the store the dialog was given.
    untouched = store.model("deepseek-v3-r1")
    assert untouched is not None
    assert "r1" not in untouched.aliases


def test_price_imports_show_no_run_list(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.set_path(FIXTURES / "litellm_model_prices-2025-11-01.json")
    assert dialog.runs_tree.isHidden()
