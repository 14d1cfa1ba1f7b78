"""The base of every chart: a pyqtgraph plot with a title, a note, a legend and an empty state.

It also chooses the rows a chart shows (:func:`charted_rows`) and re-fits a
chart when its widget is resized.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import QToolTip, QWidget

from ..domain.comparison import ChartKind, Comparison
from ..domain.limits import MAX_CHARTED_MODELS
from .axes import CompactAxis
from .binding import pg
from .labels import ChartFont, elide, rich, text_width
from .lifecycle import track
from .theme import LIGHT, Theme

MAX_NOTE_CHARACTERS = 480
"""A longer note under a chart is cut (the full text is in the CSV and the tooltips)."""


@dataclass(frozen=True)
class Charted:
    """The rows of a comparison a chart shows, and a note when some are left out."""

    rows: list[int]
    note: str


def charted_rows(comparison: Comparison, *, cheapest_order: bool = False) -> Charted:
    """At most :data:`MAX_CHARTED_MODELS` rows: the cheapest ones when there are more.

    Rows are in the comparison's order, or cheapest first with ``cheapest_order``.
    """
    count = len(comparison.models)
    order = comparison.cheapest_first()
    if count <= MAX_CHARTED_MODELS:
        rows = order if cheapest_order else list(range(count))
        return Charted(rows, "")
    kept = order[:MAX_CHARTED_MODELS]
    rows = kept if cheapest_order else sorted(kept)
    return Charted(rows, f"{MAX_CHARTED_MODELS} of {count} models, cheapest shown")


class ChartBase:
    """A pyqtgraph plot with a title, a note line under it, a legend and an empty state.

    Subclasses create their plot items once in ``_build`` and feed them in
    ``_show``; ``update_comparison`` never creates plot items (text labels come
    from pools that only grow when more labels than ever before are needed).
    """

    kind: ChartKind
    title_text = ""

    def __init__(self, theme: Theme = LIGHT) -> None:
        self.theme = theme
        self._comparison: Comparison | None = None
        self._widget = pg.GraphicsLayoutWidget()
        self._widget.setObjectName(f"{self.kind.value}Chart")
        track(self)
        self._widget.setMinimumSize(320, 240)
        self._widget.ci.setContentsMargins(6, 6, 14, 6)
        layout = self._widget.ci
        layout.setSpacing(2)
        self.title = layout.addLabel(text="", row=0, col=0)
        self.legend = pg.LegendItem(labelTextSize="9pt", colCount=5, frame=False)
        layout.addItem(self.legend, row=1, col=0)
        layout.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignHCenter)
        self.plot: pg.PlotItem = layout.addPlot(row=2, col=0, axisItems=self._axes())
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.vb.setDefaultPadding(0.0)
        self.note = layout.addLabel(text="", row=3, col=0, justify="left")
        self._legend_key: tuple[object, ...] = ()
        self._legend_entry_width = 100
        self._resize_watcher = _ResizeWatcher(self)
        self._widget.installEventFilter(self._resize_watcher)
        self._widget.scene().sigMouseMoved.connect(self._hover)
        self.empty_text = pg.TextItem("", anchor=(0.5, 0.5))
        self.empty_text.setFont(ChartFont.bold())
        self.plot.addItem(self.empty_text, ignoreBounds=True)
        self._note_text = ""
        self._note_themed = False
        self._themed_title = False
        self._axis_texts: tuple[str, str] | None = None
        self._range: tuple[float, float, float, float] | None = None
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setStyle(tickFont=ChartFont.normal(), tickTextOffset=4)
        self._build()
        self._apply_theme()

    # -- the ChartFigure protocol ------------------------------------------------------------

    @property
    def widget(self) -> QWidget:
        widget: QWidget = self._widget  # a pg.GraphicsLayoutWidget (untyped)
        return widget

    def update_comparison(self, comparison: Comparison) -> None:
        self._comparison = comparison
        self._show(comparison)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._apply_theme()
        if self._comparison is not None:
            self._show(self._comparison)

    # -- for subclasses ----------------------------------------------------------------------

    def _axes(self) -> dict[str, pg.AxisItem]:
        return {"left": CompactAxis("left"), "bottom": CompactAxis("bottom")}

    def _build(self) -> None:
        raise NotImplementedError

    def _show(self, comparison: Comparison) -> None:
        raise NotImplementedError

    def _recolour(self) -> None:
        """Theme colours of the subclass's own items."""

    def _apply_theme(self) -> None:
        theme = self.theme
        self._widget.setBackground(theme.background)
        foreground = QColor(theme.foreground)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(theme.foreground, width=1))
            axis.setTextPen(pg.mkPen(foreground))
        self.legend.setLabelTextColor(foreground)
        for _sample, label in self.legend.items:
            label.setText(label.text, color=theme.foreground)
        self.empty_text.setColor(foreground)
        self._themed_title = False
        self._set_title(self.title_text)
        self._note_themed = False
        self._set_note(self._note_text)
        if self._axis_texts is not None:
            left, bottom = self._axis_texts
            self._axis_texts = None
            self._set_axis_labels(left, bottom)
        self._range = None
        self._recolour()

    def set_title_visible(self, visible: bool) -> None:
        """Show or hide the chart's own title (an exported page has its own)."""
        self.title.setVisible(visible)
        self.title.setMaximumHeight(10_000 if visible else 0)

    def _set_title(self, text: str) -> None:
        if text == self.title_text and self._themed_title:
            return
        self.title_text = text
        self._themed_title = True
        self.title.setText(rich(text), color=self.theme.foreground, size="11pt", bold=True)

    @property
    def note_text(self) -> str:
        """The note under the plot in full (the drawn one is cut at MAX_NOTE_CHARACTERS)."""
        return self._note_text

    def _set_note(self, text: str) -> None:
        """A line (or a few) of small text under the plot: left-out models, n/a lists."""
        if text == self._note_text and self._note_themed:
            return
        self._note_text = text
        self._note_themed = True
        if len(text) > MAX_NOTE_CHARACTERS:
            text = text[: MAX_NOTE_CHARACTERS - 1] + "…"
        body = "<br>".join(rich(line) for line in text.split("\n")) if text else ""
        self.note.setText(body, color=self.theme.foreground, size="8pt")
        self._fit_note()

    def _fit_note(self) -> None:
        """Wrap the note to the chart's width (it would otherwise widen the whole chart)."""
        item = self.note.item
        item.setTextWidth(max(self._widget.width() - 30, 100))
        self.note.updateMin()
        height = item.boundingRect().height() if self._note_text else 0
        self.note.setMinimumHeight(height)
        self.note.setMaximumHeight(height)

    def _set_axis_labels(self, left: str, bottom: str) -> None:
        if (left, bottom) == self._axis_texts:
            return
        self._axis_texts = (left, bottom)
        colour = self.theme.foreground
        style = {"color": colour, "font-size": "9pt"}
        self.plot.setLabel("left", rich(left), **style)
        self.plot.setLabel("bottom", rich(bottom), **style)

    def _set_legend(
        self, entries: Sequence[tuple[object, str]], keys: Sequence[tuple[object, str]] = ()
    ) -> None:
        """Legend entries ``(plot item, name)``, then ``keys`` explaining the bars' styles
        (which do not make the names shorter); rebuilt only when they change."""
        key = tuple((id(item), name) for item, name in (*entries, *keys))
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        pixels = 200 if len(entries) <= 5 else 150
        widest = 0
        for item, name in (*entries, *keys):
            short = elide(name, pixels)
            widest = max(widest, text_width(short))
            self.legend.addItem(item, rich(short))
        self._legend_entry_width = widest + 20 + 5 + 14
        self.legend.setVisible(bool(entries))
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As many legend columns as the width allows (at most 5)."""
        count = len(self.legend.items)
        if not count:
            self.legend.setMaximumHeight(0)
            self.legend.setMaximumWidth(0)
            return
        available = max(self._widget.width() - 40, self._legend_entry_width)
        columns = max(1, min(count, 5, available // self._legend_entry_width))
        self.legend.setColumnCount(columns)
        hint = self.legend.layout.preferredSize()
        while columns > 1 and hint.width() > available:
            columns -= 1
            self.legend.setColumnCount(columns)
            hint = self.legend.layout.preferredSize()
        self.legend.setMaximumHeight(hint.height())
        self.legend.setMaximumWidth(hint.width())

    def _set_range(self, x_low: float, x_high: float, y_low: float, y_high: float) -> None:
        """Both axes' ranges in one view update (and none when they did not change)."""
        wanted = (x_low, x_high, y_low, y_high)
        if wanted == self._range:
            return
        self._range = wanted
        self.plot.setRange(xRange=(x_low, x_high), yRange=(y_low, y_high), padding=0)

    def label_texts(self) -> list[str]:
        """The texts drawn on the plot now (values, names, notes), in the order drawn."""
        return [
            item.toPlainText()
            for item in self.plot.items
            if isinstance(item, pg.TextItem) and item.isVisible()
        ]

    def tooltip_at(self, x: float, y: float) -> str:
        """The exact values under a point of the plot (view coordinates), or ""."""
        return ""

    def _hover(self, scene_pos: object) -> None:
        view = self.plot.vb
        if self._comparison is None or not view.sceneBoundingRect().contains(scene_pos):
            return
        point = view.mapSceneToView(scene_pos)
        text = self.tooltip_at(point.x(), point.y())
        if text:
            QToolTip.showText(QCursor.pos(), text, self._widget)
        else:
            QToolTip.hideText()

    def _show_empty(self, message: str) -> None:
        self.empty_text.setText(message)
        self.empty_text.setVisible(bool(message))
        if message:
            self._set_range(0.0, 1.0, 0.0, 1.0)
            self.empty_text.setPos(0.5, 0.5)


class _ResizeWatcher(QObject):
    """Re-fits a chart's legend and note when its widget changes size, and then its labels.

    Label placement depends on the plot's size in pixels; it is redone once the
    resizing has settled (a zero-time timer, so a drag costs one update per frame).
    """

    def __init__(self, chart: ChartBase) -> None:
        super().__init__(chart.widget)
        # Weakly: a strong reference from the widget's child back to the chart would keep
        # chart and widget alive until interpreter shutdown, after the QApplication is
        # gone, and destroying pyqtgraph items then crashes the process.
        self._chart = weakref.ref(chart)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._reshow)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        chart = self._chart()
        if chart is not None and event.type() == QEvent.Type.Resize:
            chart._fit_legend()
            chart._fit_note()
            self._timer.start()
        return False

    def _reshow(self) -> None:
        chart = self._chart()
        if chart is not None and chart._comparison is not None:
            chart._show(chart._comparison)
