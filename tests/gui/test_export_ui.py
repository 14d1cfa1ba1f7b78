"""Exporting from the window: the dialog and the controller's four actions."""

from __future__ import annotations

import csv
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.comparison import ChartKind
from llmcompare_gui.domain.table_export import model_table
from llmcompare_gui.ui.transfer.export_controller import ExportController
from llmcompare_gui.ui.transfer.export_dialog import ExportChartDialog, preset_key

from .charting import comparison

pytestmark = pytest.mark.gui

COST_HEADER = (
    "model_id,model,input_cost,cached_input_cost,cache_write_cost,output_cost,"
    "reasoning_cost,request_cost,total_cost,currency,note"
)
"""CONTRACT §4, written out."""


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def controller(window: QWidget, settings: QSettings) -> ExportController:
    comp = comparison(3, cached_share=0.2)
    return ExportController(
        window,
        settings,
        comparison=lambda: comp,
        current_kind=lambda: ChartKind.COST,
        model_table=lambda: model_table(comp.store, comp.models, comp),
    )


def accept_with(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[ExportChartDialog], object]
) -> list[ExportChartDialog]:
    """Make the dialog's exec() fill in fields and accept, without blocking."""
    shown: list[ExportChartDialog] = []

    def fake_exec(dialog: ExportChartDialog) -> int:
        shown.append(dialog)
        fill(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportChartDialog, "exec", fake_exec)
    return shown


def dialog(qtbot: QtBot, settings: QSettings) -> ExportChartDialog:
    result = ExportChartDialog(
        None, settings, title="The title", subtitle="The subtitle", base_name="chart"
    )
    qtbot.addWidget(result)
    return result


def test_dialog_prefills_and_follows_the_format(qtbot: QtBot, settings: QSettings) -> None:
    box = dialog(qtbot, settings)
    assert box.title_edit.text() == "The title"
    assert box.subtitle_edit.text() == "The subtitle"
    assert box.light_box.isChecked()
    assert box.path_edit.text().endswith("chart.png")
    assert (box.width_box.value(), box.height_box.value()) == (1280, 720)
    box.format_box.setCurrentIndex(box.format_box.findData("svg"))
    assert box.path_edit.text().endswith("chart.svg")
    assert not box.scale_box.isEnabled()
    box.size_box.setCurrentIndex(box.size_box.findData(preset_key(3840, 2160)))
    assert (box.width_box.value(), box.height_box.value()) == (3840, 2160)
    assert not box.width_box.isEnabled()
    box.size_box.setCurrentIndex(box.size_box.count() - 1)  # custom
    assert box.width_box.isEnabled()
    box.width_box.setValue(1000)
    request = box.request()
    assert request is not None
    assert (request.fmt, request.width, request.height) == ("svg", 1000, 2160)
    box.format_box.setCurrentIndex(box.format_box.findData("csv"))
    assert not box.title_edit.isEnabled()


def test_dialog_browse_uses_the_file_dialog(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "picked"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(chosen), ""))
    )
    box = dialog(qtbot, settings)
    box.browse()
    assert box.path_edit.text() == str(chosen.with_suffix(".png"))


def test_export_chart_writes_the_file_and_remembers(
    controller: ExportController,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    out = tmp_path / "out" / "cost.pdf"
    out.parent.mkdir()

    def fill(box: ExportChartDialog) -> None:
        box.format_box.setCurrentIndex(box.format_box.findData("pdf"))
        box.path_edit.setText(str(out))
        box.title_edit.setText("Quarterly budget")

    accept_with(monkeypatch, fill)
    with qtbot.waitSignal(controller.message) as signal:
        controller.export_chart_action.trigger()
    assert out.read_bytes().startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext:  # poppler-utils, installed by `make test` with pdftoppm
        text = subprocess.run(
            [pdftotext, str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Quarterly budget" in text
        assert "DeepSeek V3/R1" in text
    assert str(out) in signal.args[0]
    # The next dialog starts in the same folder and format.
    box = dialog(qtbot, settings)
    assert box.fmt() == "pdf"
    assert Path(box.path_edit.text()).parent == out.parent


def test_export_chart_png_size(
    controller: ExportController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "cost.png"

    def fill(box: ExportChartDialog) -> None:
        box.size_box.setCurrentIndex(box.size_box.count() - 1)
        box.width_box.setValue(700)
        box.height_box.setValue(400)
        box.scale_box.setValue(2.0)
        box.path_edit.setText(str(out))

    accept_with(monkeypatch, fill)
    assert controller.export_chart() == out
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 800)


def test_export_chart_csv_is_the_charts_numbers(
    controller: ExportController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "cost.csv"

    def fill(box: ExportChartDialog) -> None:
        box.format_box.setCurrentIndex(box.format_box.findData("csv"))
        box.path_edit.setText(str(out))

    accept_with(monkeypatch, fill)
    controller.export_chart()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert ",".join(rows[0]) == COST_HEADER
    # 1B input (20 % cached, no cached prices: all at the input price), 100M output:
    # DeepSeek V3/R1 300 + 120, V3.1 550 + 166, Kimi K2 600 + 250; cheapest first.
    assert [(row[0], float(row[5]), float(row[8])) for row in rows[1:]] == [
        ("deepseek-v3-r1", 120.0, 420.0),
        ("deepseek-v3.1", 166.0, 716.0),
        ("kimi-k2", 250.0, 850.0),
    ]


def test_write_failure_names_the_path(
    controller: ExportController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = blocker / "cost.png"
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a: shown.append(text))
    )
    accept_with(monkeypatch, lambda box: box.path_edit.setText(str(out)))
    assert controller.export_chart() is None
    assert len(shown) == 1
    assert str(out) in shown[0]
    assert not out.exists()


def test_cancel_writes_nothing(
    controller: ExportController, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(ExportChartDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert controller.export_chart() is None
    assert not [p for p in tmp_path.iterdir() if p.suffix != ".ini"]


def test_copy_puts_an_image_on_the_clipboard(
    controller: ExportController, settings: QSettings, qtbot: QtBot
) -> None:
    settings.setValue("export/width", 800)
    settings.setValue("export/height", 450)
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(controller.message):
        controller.copy_chart_action.trigger()
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (800, 450)


def test_export_all_uses_the_dialogs_format_size_and_background(
    controller: ExportController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "all"
    folder.mkdir()

    def fill(box: ExportChartDialog) -> None:
        assert box.windowTitle() == "Export All Charts"
        assert not box.title_edit.isVisibleTo(box)  # each chart has its own title
        box.format_box.setCurrentIndex(box.format_box.findData("png"))
        box.size_box.setCurrentIndex(box.size_box.findData("Custom"))
        box.width_box.setValue(640)
        box.height_box.setValue(360)
        box.light_box.setChecked(False)
        box.path_edit.setText(str(folder))

    accept_with(monkeypatch, fill)
    written = controller.export_all()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"llmcompare-{kind.value}.png" for kind in ChartKind
    )
    assert len(written) == len(ChartKind)
    image = QImage(str(folder / "llmcompare-cost.png"))
    assert (image.width(), image.height()) == (640, 360)
    # Dark background, as asked (the light one is near white in the corner).
    assert image.pixelColor(2, 2).lightness() < 100


def test_export_all_cancelled_writes_nothing(
    controller: ExportController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ExportChartDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert controller.export_all() == []
    # Neither where a test writes nor the dialog's starting folder (the home folder) got a file.
    assert not [p for p in tmp_path.iterdir() if p.suffix != ".ini"]
    assert not list(Path.home().rglob("llmcompare-*"))


def test_a_custom_size_below_480_by_320_is_raised_and_the_dialog_says_so(
    qtbot: QtBot, settings: QSettings
) -> None:
    box = dialog(qtbot, settings)
    box.size_box.setCurrentIndex(box.size_box.findData("Custom"))
    box.show()
    box.width_box.setValue(100)
    box.height_box.setValue(50)
    assert (box.width_box.value(), box.height_box.value()) == (480, 320)
    note = box.findChild(QLabel, "exportSizeNote")
    assert note is not None
    assert note.isVisible()
    assert "480 × 320" in note.text()
    # Typed, not set: the value is corrected to the minimum when the field is left.
    box.width_box.setValue(1280)
    box.width_box.selectAll()
    qtbot.keyClicks(box.width_box, "100")
    qtbot.keyClick(box.width_box, Qt.Key.Key_Return)
    assert box.width_box.value() == 480
    request = box.request()
    assert request is not None
    assert (request.width, request.height) == (480, 320)


def test_a_remembered_tiny_size_falls_back_to_the_default(
    qtbot: QtBot, settings: QSettings
) -> None:
    settings.setValue("export/width", 100)
    settings.setValue("export/height", 50)
    box = dialog(qtbot, settings)
    assert (box.width_box.value(), box.height_box.value()) == (1280, 720)


def test_an_existing_file_is_replaced_only_after_asking(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "chart.png"
    existing.write_bytes(b"keep me")
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: object, _title: str, text: str, *rest: object) -> object:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    box = dialog(qtbot, settings)
    box.path_edit.setText(str(existing))
    box.show()
    box.accept()
    assert len(asked) == 1
    assert str(existing) in asked[0]
    assert box.isVisible()  # still open: the user can pick another name
    assert box.result() != QDialog.DialogCode.Accepted
    answer[0] = QMessageBox.StandardButton.Yes
    box.accept()
    assert box.result() == QDialog.DialogCode.Accepted
    # A new file is saved without a question.
    other = dialog(qtbot, settings)
    other.path_edit.setText(str(tmp_path / "new.png"))
    other.accept()
    assert len(asked) == 2
    assert other.result() == QDialog.DialogCode.Accepted


def test_export_table_reads_back_as_csv(
    controller: ExportController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "models"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    path = controller.export_table()
    assert path == out.with_suffix(".csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == ["kimi-k2", "deepseek-v3.1", "deepseek-v3-r1"]
    assert rows[0]["input_per_mtok"] == "0.6"


def test_actions_and_shortcuts(controller: ExportController) -> None:
    assert controller.export_chart_action.text() == "Export Chart…"
    assert controller.export_chart_action.shortcut() == QKeySequence("Ctrl+E")
    assert controller.copy_chart_action.shortcut() == QKeySequence("Ctrl+Shift+C")
    assert controller.export_all_action.text() == "Export All Charts…"
    assert controller.export_table_action.text() == "Export Table as CSV…"
