from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from llmcompare_gui.store.jsonstore import default_store
from llmcompare_gui.ui.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LITELLM = FIXTURES / "litellm_model_prices-2025-11-01.json"


def make_dialog(qtbot: QtBot) -> ImportDialog:
    dialog = ImportDialog(default_store())
    qtbot.addWidget(dialog)
    return dialog


def import_button(dialog: ImportDialog) -> QDialogButtonBox:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_preview_lists_what_will_change_and_enables_import(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert not import_button(dialog).isEnabled()
    dialog.set_path(LITELLM)
    plan = dialog.plan()
    assert plan is not None
    assert len(plan.added) > 1000
    assert f"{len(plan.added)} to add" in dialog.summary.text()
    assert dialog.tree.topLevelItem(0).text(0) == f"Added ({len(plan.added)})"
    assert import_button(dialog).isEnabled()


def test_broken_file_is_named_and_nothing_can_be_imported(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "prices.json"
    bad.write_text('{"m": {"mode": "chat", "input_cost_per_token": "abc"}}', encoding="utf-8")
    dialog = make_dialog(qtbot)
    dialog.set_path(bad)
    assert dialog.plan() is None
    assert str(bad) in dialog.summary.text()
    assert "input_cost_per_token" in dialog.summary.text()
    assert not import_button(dialog).isEnabled()


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
    updated = dialog.tree.topLevelItem(1)
    assert updated.text(0) == "Updated (1)"
    assert updated.child(0).text(1) == "input 0.6 → 0.5"
