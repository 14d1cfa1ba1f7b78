"""The chart panel: one tab per chart kind, each a figure from ``charts``.

The figures are built by :meth:`ChartPanel.build_charts`, which may run after
the window's first paint (importing pyqtgraph takes longer than showing the
window). Only the visible tab is updated when the comparison changes; the
others catch up when they are shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.comparison import ChartKind, Comparison
from ...domain.limits import MAX_CHARTED_MODELS

if TYPE_CHECKING:
    from ...charts.base import ChartFigure
    from ...charts.theme import Theme

TAB_TITLES = {
    ChartKind.COST: "Cost",
    ChartKind.VOLUME: "Cost vs volume",
    ChartKind.BENCHMARKS: "Benchmarks",
    ChartKind.VALUE: "Value map",
    ChartKind.PARAMETERS: "Parameters",
    ChartKind.PRICE_HISTORY: "Price history",
    ChartKind.PROMPT_SIZE: "Cost vs prompt size",
    ChartKind.TASK_COST: "Cost / solved task",
    ChartKind.TASK_VALUE: "Task value",
}


class ChartPanel(QWidget):
    valueBenchmarkChanged = Signal(object)
    """The benchmark id the value map plots (None: the first with scores)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("chartTabs")
        self._tabs.setDocumentMode(True)
        self._tabs.setAccessibleName("Charts")
        self._tabs.setAccessibleDescription(
            "One tab per chart of the compared models under the current workload."
        )
        self._pages: dict[ChartKind, QWidget] = {}
        self._placeholders: dict[ChartKind, QLabel] = {}
        for kind in ChartKind:
            page = QWidget(self._tabs)
            page.setObjectName(f"chartPage_{kind.value}")
            page.setAccessibleName(f"{TAB_TITLES[kind]} chart")
            page.setAccessibleDescription(kind.description[0].upper() + kind.description[1:])
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            placeholder = QLabel("Drawing the chart…", page)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(placeholder)
            self._pages[kind] = page
            self._placeholders[kind] = placeholder
            index = self._tabs.addTab(page, TAB_TITLES[kind])
            self._tabs.setTabToolTip(index, kind.description[0].upper() + kind.description[1:])

        self._benchmark = QComboBox(self)
        self._benchmark.setObjectName("valueBenchmarkCombo")
        self._benchmark.setToolTip("The benchmark score the value map plots against price")
        self._benchmark.setAccessibleName("Value map benchmark")
        self._benchmark.setAccessibleDescription(self._benchmark.toolTip())
        self._benchmark.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        benchmark_label = QLabel("Value map &benchmark:", self)
        benchmark_label.setBuddy(self._benchmark)
        self._benchmark_label = benchmark_label
        self._note = QLabel(self)
        self._note.setObjectName("chartNote")

        top = QHBoxLayout()
        top.setContentsMargins(6, 0, 6, 0)
        top.addWidget(self._note, 1)
        top.addWidget(benchmark_label)
        top.addWidget(self._benchmark)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self._tabs, 1)

        self._figures: dict[ChartKind, ChartFigure] = {}
        self._enabled = False
        self._comparison: Comparison | None = None
        self._stale: set[ChartKind] = set(ChartKind)
        self._dark = False
        # Scenario changes arrive faster than frames while a slider is dragged:
        # the visible chart is redrawn once per pass of the event loop.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._refresh_current)
        self._tabs.currentChanged.connect(self._refresh_current)
        self._tabs.currentChanged.connect(self._show_benchmark_picker)
        self._benchmark.activated.connect(self._on_benchmark)
        self._show_benchmark_picker()

    def _show_benchmark_picker(self) -> None:
        """The benchmark picker belongs to the value map: shown on its tab only."""
        on_value_map = self.current_kind() is ChartKind.VALUE
        self._benchmark.setVisible(on_value_map)
        self._benchmark_label.setVisible(on_value_map)

    # -- figures ------------------------------------------------------------------

    @property
    def built(self) -> bool:
        """Whether the charts are switched on (figures are made as their tabs are shown)."""
        return self._enabled

    def build_charts(self) -> None:
        """Switch the charts on: make the visible figure (imports pyqtgraph) and draw it.

        The other figures are made when their tab is first shown.
        """
        if self._enabled:
            return
        self._enabled = True
        self._stale = set(ChartKind)
        self._refresh_current()

    def _make(self, kind: ChartKind) -> ChartFigure:
        figure = self._figures.get(kind)
        if figure is None:
            from ...charts import create_chart

            figure = create_chart(kind, self._theme())
            figure.widget.setObjectName(f"chart_{kind.value}")
            placeholder = self._placeholders.pop(kind)
            placeholder.hide()
            placeholder.deleteLater()
            layout = self._pages[kind].layout()
            assert layout is not None
            layout.addWidget(figure.widget)
            self._figures[kind] = figure
            self._stale.add(kind)
        return figure

    def figure(self, kind: ChartKind) -> ChartFigure | None:
        """The figure of ``kind``, made now if the charts are on and it was not yet."""
        return self._make(kind) if self._enabled else None

    def _theme(self) -> Theme:
        from ...charts.theme import DARK, LIGHT

        return DARK if self._dark else LIGHT

    def set_dark(self, dark: bool) -> None:
        """Chart colours for a dark (or light) window palette."""
        if dark == self._dark:
            return
        self._dark = dark
        if self._figures:
            theme = self._theme()
            for figure in self._figures.values():
                figure.set_theme(theme)

    def is_dark(self) -> bool:
        return self._dark

    # -- tabs -------------------------------------------------------------------------

    def current_kind(self) -> ChartKind:
        return list(ChartKind)[self._tabs.currentIndex()]

    def set_current_kind(self, kind: ChartKind) -> None:
        self._tabs.setCurrentIndex(list(ChartKind).index(kind))

    def set_kind_visible(self, kind: ChartKind, visible: bool) -> None:
        self._tabs.setTabVisible(list(ChartKind).index(kind), visible)

    def is_kind_visible(self, kind: ChartKind) -> bool:
        return self._tabs.isTabVisible(list(ChartKind).index(kind))

    @property
    def tabs(self) -> QTabWidget:
        return self._tabs

    # -- data ---------------------------------------------------------------------------

    def set_benchmarks(self, choices: Sequence[tuple[str, str]], current: str | None) -> None:
        """The value map's benchmark choices as (id, name); ``current`` selected."""
        self._benchmark.clear()
        for bench_id, name in choices:
            self._benchmark.addItem(name, bench_id)
        index = self._benchmark.findData(current) if current is not None else 0
        self._benchmark.setCurrentIndex(max(index, 0))
        self._benchmark.setEnabled(bool(choices))

    def _on_benchmark(self, index: int) -> None:
        self.valueBenchmarkChanged.emit(self._benchmark.itemData(index))

    def set_comparison(self, comparison: Comparison) -> None:
        """Show ``comparison``: the visible chart now, the others when shown."""
        self._comparison = comparison
        self._stale = set(ChartKind)
        count = len(comparison.models)
        if count > MAX_CHARTED_MODELS:
            note = f"{count} models compared: the charts show the {MAX_CHARTED_MODELS} cheapest."
        elif count == 0:
            note = "Tick models in the Compare column to chart them."
        else:
            note = f"{count} model{'s' if count != 1 else ''} compared."
        if note != self._note.text():
            self._note.setText(note)
        if self._enabled and not self._pending.isActive():
            self._pending.start()

    def flush(self) -> None:
        """Draw a pending update now (instead of on the next pass of the event loop)."""
        if self._pending.isActive():
            self._pending.stop()
            self._refresh_current()

    def comparison(self) -> Comparison | None:
        return self._comparison

    def _refresh_current(self) -> None:
        if self._comparison is None or not self._enabled:
            return
        kind = self.current_kind()
        figure = self._make(kind)
        if kind in self._stale:
            figure.update_comparison(self._comparison)
            self._stale.discard(kind)
