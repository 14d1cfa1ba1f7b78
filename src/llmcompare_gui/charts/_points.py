"""Labelled scatter charts: the value map and the parameter map."""

from __future__ import annotations

import math

import numpy as np

from ..domain.comparison import Comparison
from ..domain.limits import MAX_CHARTED_MODELS
from ..domain.model import Model
from .binding import pg
from .labels import TextPool, elide, place_labels
from .plot import ChartBase, charted_rows


class PointChart(ChartBase):
    """Points per model with labels placed apart; models without data listed as n/a."""

    empty_data_text = "No data to plot"

    def _build(self) -> None:
        self.points = pg.ScatterPlotItem(size=13)
        self.plot.addItem(self.points)
        self.labels = TextPool(self.plot, reserve=MAX_CHARTED_MODELS)
        self._hover_points: list[tuple[float, float, str]] = []
        self._brushes: list[object] = []

    def _recolour(self) -> None:
        self._brushes = [pg.mkBrush(self.theme.colour(i)) for i in range(MAX_CHARTED_MODELS)]
        self.points.setPen(pg.mkPen(self.theme.background, width=1.2))

    def _values(self, comparison: Comparison, model: Model, row: int) -> tuple[float, float] | None:
        raise NotImplementedError

    def _label(self, comparison: Comparison, model: Model, row: int) -> str:
        return elide(model.name, 200)

    def _missing(self, comparison: Comparison, model: Model) -> str:
        return model.name

    def _texts(self, comparison: Comparison) -> tuple[str, str, str, str]:
        """Title, y label, x label and the heading of the n/a list."""
        raise NotImplementedError

    def _show(self, comparison: Comparison) -> None:
        charted = charted_rows(comparison)
        title, left, bottom, missing_heading = self._texts(comparison)
        self._set_title(title)
        self._set_axis_labels(left, bottom)
        self.labels.begin()
        xs: list[float] = []
        ys: list[float] = []
        brushes: list[object] = []
        groups: dict[tuple[float, float], list[str]] = {}
        tips: dict[tuple[float, float], list[str]] = {}
        missing: list[str] = []
        for position, row in enumerate(charted.rows):
            model = comparison.models[row]
            values = self._values(comparison, model, row)
            if values is None:
                missing.append(self._missing(comparison, model))
                continue
            xs.append(values[0])
            ys.append(values[1])
            brushes.append(self._brushes[position])
            key = (round(values[0], 9), round(values[1], 9))
            groups.setdefault(key, []).append(self._label(comparison, model, row))
            tips.setdefault(key, []).append(self._tooltip(comparison, model, values))
        notes = [charted.note] if charted.note else []
        if missing:
            notes.append(f"{missing_heading}: " + "; ".join(missing))
        self._set_note("\n".join(notes))
        self.points.setData(x=np.array(xs), y=np.array(ys), brush=brushes)
        self._hover_points = [(key[0], key[1], "\n".join(tips[key])) for key in groups]
        if not xs:
            self.labels.end()
            self._show_empty("No models selected" if not charted.rows else self.empty_data_text)
            return
        self._show_empty("")
        x_range = _span(xs, low_zero=True)
        y_range = _span(ys, low_zero=True, head=0.18)
        keys = list(groups)
        texts = ["\n".join(groups[key]) for key in keys]
        view = self.plot.vb
        size = (view.width(), view.height())
        places = place_labels(
            [key[0] for key in keys],
            [key[1] for key in keys],
            texts,
            x_range,
            y_range,
            plot_pixels=size if min(size) > 80 else (900.0, 420.0),
        )
        for key, text, (x, y, anchor) in zip(keys, texts, places, strict=True):
            self.labels.take(
                text,
                x,
                y,
                anchor=anchor,
                colour=self.theme.foreground,
                tooltip="\n".join(tips[key]),
            )
        self.labels.end()
        self._set_range(*x_range, *y_range)

    def _tooltip(self, comparison: Comparison, model: Model, values: tuple[float, float]) -> str:
        return f"{model.name}: {values[0]:g}, {values[1]:g}"

    def tooltip_at(self, x: float, y: float) -> str:
        """The point within 10 pixels of (x, y)."""
        view = self.plot.vb
        (x_low, x_high), (y_low, y_high) = view.viewRange()
        width, height = max(view.width(), 1.0), max(view.height(), 1.0)
        best = ""
        nearest = 10.0
        for px, py, text in self._hover_points:
            distance = math.hypot(
                (px - x) / (x_high - x_low) * width, (py - y) / (y_high - y_low) * height
            )
            if distance <= nearest:
                best, nearest = text, distance
        return best


def _span(values: list[float], *, low_zero: bool, head: float = 0.25) -> tuple[float, float]:
    """A range from 0 (or a little under the lowest value) to a margin over the highest."""
    high = max(values)
    low = min(values)
    if low_zero and low >= 0:
        low = 0.0
    if high == low:
        high = low + (abs(low) or 1.0)
    return low, high + (high - low) * head
