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


LEADERBOARD = FIXTURES / "aider_polyglot_leaderboard.yml"


def test_leaderboard_preview_lists_matched_and_unmatched_runs_and_assigns_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QComboBox

    store = default_store()
    dialog = ImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.set_path(LEADERBOARD)
    plan = dialog.plan()
    assert plan is not None
    assert "Aider leaderboard" in dialog.summary.text()
    titles = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert "Matched (3)" in titles
    unmatched = next(
        dialog.tree.topLevelItem(i)
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
    picker = dialog.tree.itemWidget(unmatched.child(row), 1)
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
    assert "r1" not in store.model("deepseek-v3-r1").aliases  # type: ignore[union-attr]
