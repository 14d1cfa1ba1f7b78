"""What the five figures share: the pyqtgraph set-up, axes, text, label placement.

``PYQTGRAPH_QT_LIB`` is set to PySide6 before pyqtgraph is first imported,
so that it binds to PySide6 whatever other Qt binding is installed.
"""

from __future__ import annotations

import atexit
import functools
import html
import math
import os
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import QToolTip, QWidget

from ..domain.amounts import large_amount
from ..domain.comparison import ChartKind, Comparison
from ..domain.tokens import format_token_volume
from . import MAX_CHARTED_MODELS
from .theme import LIGHT, Theme

MAX_NOTE_CHARACTERS = 480
"""A longer note under a chart is cut (the full text is in the CSV and the tooltips)."""

NAME_PIXELS = 230
"""Model names longer than this (in pixels of the chart font) are elided."""

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥"}


def money(value: float, currency: str) -> str:
    """``$1,234``, ``$12.50``, ``$0.042``; other currencies as ``1,234 CHF``."""
    if not math.isfinite(value):
        return "n/a"
    magnitude = abs(value)
    if (compact := large_amount(value)) is not None:
        number = compact
    elif magnitude >= 1000:
        number = f"{value:,.0f}"
    elif magnitude >= 1 or magnitude == 0:
        number = f"{value:,.2f}"
    else:
        number = f"{value:.2g}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def compact_number(value: float) -> str:
    """Tick text: ``1.5k``, ``20M``, ``0.05``."""
    magnitude = abs(value)
    if magnitude == 0:
        return "0"
    for suffix, scale in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("k", 1e3)):
        if magnitude >= scale * 0.9995:  # 999,600 is "1M", not "1e+03k"
            text = f"{value / scale:.3g}"
            # Beyond T: plain scientific notation, never "1e+11T".
            return f"{value:.3g}" if "e" in text else text + suffix
    if magnitude >= 1:
        return f"{value:.3g}"
    return f"{value:.2g}"


def rich(text: str) -> str:
    """Text from data, made safe for the HTML that pyqtgraph's labels and legends take."""
    return html.escape(text, quote=False)


class ChartFont:
    """The fonts of the figures: one size for ticks and labels, one for small notes."""

    @staticmethod
    def normal() -> QFont:
        font = QFont()
        font.setPointSizeF(9.0)
        return font

    @staticmethod
    def small() -> QFont:
        font = QFont()
        font.setPointSizeF(8.0)
        return font

    @staticmethod
    def bold() -> QFont:
        font = ChartFont.normal()
        font.setBold(True)
        return font


def elide(text: str, pixels: int = NAME_PIXELS, font: QFont | None = None) -> str:
    """Shorten a long name with an ellipsis so it fits ``pixels``."""
    if font is None:
        return _elide_normal(text, pixels)
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, pixels)


@functools.lru_cache(maxsize=4096)
def _elide_normal(text: str, pixels: int) -> str:
    # Names are elided on every slider tick; they rarely change.
    return QFontMetrics(ChartFont.normal()).elidedText(text, Qt.TextElideMode.ElideRight, pixels)


def text_width(text: str, font: QFont | None = None) -> int:
    return QFontMetrics(font or ChartFont.normal()).horizontalAdvance(text)


class CompactAxis(pg.AxisItem):
    """Tick labels as ``1.5k``/``20M``; in log mode the ticks are decades of the value."""

    def __init__(self, orientation: str, *, tokens: bool = False) -> None:
        super().__init__(orientation)
        self._tokens = tokens
        self.enableAutoSIPrefix(False)

    def _format(self, value: float) -> str:
        if self._tokens and value >= 0:
            return format_token_volume(value)
        return compact_number(value)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            return self.logTickStrings(values, scale, spacing)
        return [self._format(value * scale) for value in values]

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = []
        for value in values:
            exponent = value * scale
            # Label decades only: minor ticks between them stay unlabelled.
            if abs(exponent - round(exponent)) < 1e-6:
                strings.append(self._format(10.0 ** round(exponent)))
            else:
                strings.append("")
        return strings


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


def place_labels(
    xs: Sequence[float],
    ys: Sequence[float],
    texts: Sequence[str],
    x_span: tuple[float, float],
    y_span: tuple[float, float],
    *,
    plot_pixels: tuple[float, float] = (900.0, 420.0),
) -> list[tuple[float, float, tuple[float, float]]]:
    """Positions and anchors for point labels that do not overlap each other.

    Each label is tried to the right of its point, then above, below and to the
    left; the first place that overlaps no label placed before wins. Sizes are
    estimated for a plot of ``plot_pixels``: good enough to keep 15 labels apart.
    Returns ``(x, y, anchor)`` per label, in data coordinates.
    """
    x_low, x_high = x_span
    y_low, y_high = y_span
    x_scale = (x_high - x_low) or 1.0
    y_scale = (y_high - y_low) or 1.0
    width_px, height_px = plot_pixels
    placed: list[tuple[float, float, float, float]] = []
    result: list[tuple[float, float, tuple[float, float]]] = [(0.0, 0.0, (0.0, 0.0))] * len(xs)
    order = sorted(range(len(xs)), key=lambda i: (-ys[i], xs[i]))
    gap = 8.0
    for index in order:
        lines = texts[index].split("\n")
        box_w = max(text_width(line) for line in lines) + 4.0
        box_h = 15.0 * len(lines) + 2.0
        px = (xs[index] - x_low) / x_scale * width_px
        py = (y_high - ys[index]) / y_scale * height_px  # pixels downwards
        step = box_h + 2.0
        candidates = [
            (px + gap, py - box_h / 2),  # right
            (px - box_w / 2, py - gap - box_h),  # above
            (px - box_w / 2, py + gap),  # below
            (px - gap - box_w, py - box_h / 2),  # left
        ]
        for shift in range(1, 9):  # then stacked further up or down, right or left
            for side in (px + gap, px - gap - box_w):
                candidates.append((side, py - box_h / 2 - shift * step))
                candidates.append((side, py - box_h / 2 + shift * step))

        def overlap(left: float, top: float, w: float = box_w, h: float = box_h) -> float:
            return sum(
                max(0.0, min(left + w, o_l + o_w) - max(left, o_l))
                * max(0.0, min(top + h, o_t + o_h) - max(top, o_t))
                for o_l, o_t, o_w, o_h in placed
            )

        def inside(left: float, top: float, w: float = box_w, h: float = box_h) -> bool:
            return left >= 0 and top >= 0 and left + w <= width_px and top + h <= height_px

        choice = next(
            (c for c in candidates if inside(*c) and not overlap(*c)),
            min(candidates, key=lambda c: overlap(*c) + (0 if inside(*c) else 1e6)),
        )
        placed.append((choice[0], choice[1], box_w, box_h))
        # Back to data coordinates of the box's top-left corner, anchor (0, 0).
        x = x_low + choice[0] / width_px * x_scale
        y = y_high - choice[1] / height_px * y_scale
        result[index] = (x, y, (0.0, 0.0))
    return result


_LIVE_CHARTS: weakref.WeakSet[ChartBase] = weakref.WeakSet()


@atexit.register
def _delete_chart_widgets() -> None:
    """Delete chart widgets still alive at exit while the QApplication still exists.

    pyqtgraph items destroyed during interpreter shutdown, after the QApplication,
    crash the process (seen with PySide6 6.11 and pyqtgraph 0.14 when a window
    kept in a global holds a chart). atexit runs before that teardown.
    """
    import shiboken6

    for chart in list(_LIVE_CHARTS):
        widget = chart._widget
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)


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
        _LIVE_CHARTS.add(self)
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
        return self._widget

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


class TextPool:
    """Text labels on a plot, created as needed and reused (hidden when unused)."""

    def __init__(
        self, plot: pg.PlotItem, *, small: bool = False, angle: float = 0.0, reserve: int = 0
    ) -> None:
        self._plot = plot
        self._small = small
        self._angle = angle
        self.items: list[pg.TextItem] = []
        self._states: dict[int, tuple[object, ...]] = {}
        self._used = 0
        for _ in range(reserve):
            self._add()

    def _add(self) -> None:
        item = pg.TextItem("", angle=self._angle)
        item.setVisible(False)
        self._plot.addItem(item, ignoreBounds=True)
        self.items.append(item)

    def begin(self) -> None:
        self._used = 0

    def take(
        self,
        text: str,
        x: float,
        y: float,
        *,
        anchor: tuple[float, float],
        colour: str,
        tooltip: str = "",
        bold: bool = False,
        fill: str | None = None,
    ) -> pg.TextItem:
        if self._used == len(self.items):
            self._add()
        item = self.items[self._used]
        self._used += 1
        # Only what changed is set: on a slider tick usually just the text (an amount).
        before = self._states.get(id(item), (None,) * 6)
        state = (text, colour, anchor, bold, tooltip, fill)
        if before != state:
            self._states[id(item)] = state
            if before[3] != bold or before[0] is None:
                item.setFont(
                    ChartFont.small()
                    if self._small
                    else ChartFont.bold()
                    if bold
                    else ChartFont.normal()
                )
            if before[:2] != state[:2]:
                item.setText(text, colour)
            if before[2] != anchor:
                item.setAnchor(anchor)
            if before[4] != tooltip:
                item.setToolTip(tooltip)
            if before[5] != fill or before[0] is None:
                if fill is None:
                    item.fill = pg.mkBrush(None)
                else:
                    background = QColor(fill)
                    background.setAlpha(215)
                    item.fill = pg.mkBrush(background)
        item.setPos(x, y)
        if not item.isVisible():
            item.setVisible(True)
        return item

    def end(self) -> None:
        for item in self.items[self._used :]:
            if item.isVisible():
                item.setVisible(False)


_NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0)


def nice_ceiling(value: float) -> float:
    """The next round number at or above ``value`` (1, 1.2, 1.5, 2, 2.5, 3, 3.5, 4, 5 … 9 × 10^k).

    An axis that ends on one of these changes only now and then as a slider
    moves, so it neither jitters nor has to be laid out again on every tick.
    """
    if not value > 0 or not math.isfinite(value):
        return 1.0
    scale = 10.0 ** math.floor(math.log10(value))
    for step in _NICE_STEPS:
        if step * scale >= value * (1 - 1e-12):
            return step * scale
    return 10.0 * scale


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


NOT_AVAILABLE = frozenset({"n/a", "na", "not available"})


def is_not_available(note: str) -> bool:
    """A note that only says there is no score."""
    return note.strip().casefold() in NOT_AVAILABLE
