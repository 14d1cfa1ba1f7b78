"""Text on the charts: fonts, eliding, safe rich text, label placement and reusable labels."""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics

from .binding import pg

NAME_PIXELS = 230
"""Model names longer than this (in pixels of the chart font) are elided."""


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


NOT_AVAILABLE = frozenset({"n/a", "na", "not available"})


def is_not_available(note: str) -> bool:
    """A note that only says there is no score."""
    return note.strip().casefold() in NOT_AVAILABLE
