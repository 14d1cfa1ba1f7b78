"""The price-history chart: input, cached-input and output prices per model as steps in time."""

from __future__ import annotations

import calendar
import datetime as dt
import math

import numpy as np
from PySide6.QtCore import Qt

from ..domain.comparison import PRICE_FIELDS, ChartKind, Comparison
from ..domain.formatting import price_with_unit
from ..domain.limits import MAX_CHARTED_MODELS
from ..domain.price_points import PriceOption, parse_date, price_options
from .binding import pg
from .plot import ChartBase, charted_rows

FIELD_STYLES = {
    "input": Qt.PenStyle.SolidLine,
    "output": Qt.PenStyle.DashLine,
    "cached_input": Qt.PenStyle.DotLine,
}
FIELD_NAMES = {"input": "input", "output": "output", "cached_input": "cached input"}
TAIL_DAYS = 60
"""How far the last step runs past the newest point (or the as-of date)."""


def timestamp(day: dt.date) -> float:
    """Seconds since the epoch at midnight UTC: the date axis's unit."""
    return float(calendar.timegm(day.timetuple()))


def _factor(comparison: Comparison, option: PriceOption) -> float | None:
    """From the point's currency to the display currency; None without a rate."""
    store = comparison.store
    source = store.rate(option.currency or store.currency)
    target = store.rate(comparison.currency)
    if source is None or target is None:
        return None
    return target / source


class PriceHistoryChart(ChartBase):
    kind = ChartKind.PRICE_HISTORY

    def _axes(self) -> dict[str, pg.AxisItem]:
        axes = super()._axes()
        axes["bottom"] = pg.DateAxisItem(orientation="bottom", utcOffset=0)
        return axes

    def _build(self) -> None:
        self.lines: list[pg.PlotDataItem] = []
        for _ in range(MAX_CHARTED_MODELS * len(PRICE_FIELDS)):
            line = pg.PlotDataItem(connect="finite")
            self.plot.addItem(line)
            self.lines.append(line)
        self.marker = pg.InfiniteLine(angle=90, movable=False)
        self.marker_label = pg.InfLineLabel(self.marker, text="", position=0.95, anchor=(-0.05, 0))
        self.marker.setVisible(False)
        self.plot.addItem(self.marker, ignoreBounds=True)
        self._steps: list[tuple[float, float, float, str]] = []
        """(start, end, price, tooltip) of every step drawn, for hovering."""

    def _recolour(self) -> None:
        self.marker.setPen(pg.mkPen(self.theme.foreground, width=1, style=Qt.PenStyle.DashDotLine))
        self.marker_label.setColor(self.theme.foreground)

    def _show(self, comparison: Comparison) -> None:
        charted = charted_rows(comparison)
        currency = comparison.currency
        self._set_title(f"Prices per million tokens over time ({currency})")
        self._set_axis_labels(f"Price per million tokens ({currency})", "Price in force from")
        histories: list[tuple[int, str, list[PriceOption]]] = []
        for position, row in enumerate(charted.rows):
            charted_model = comparison.models[row]
            model = comparison.store.model(charted_model.id) or charted_model
            options = [
                option
                for option in price_options(model)
                if option.effective
                and not option.alternative
                and _factor(comparison, option) is not None
            ]
            if options:
                histories.append((position, model.name, options))
        starts = [parse_date(o.effective or "") for _, _, opts in histories for o in opts]
        dated = {position for position, _, _ in histories}
        undated = [
            comparison.models[row].name
            for position, row in enumerate(charted.rows)
            if position not in dated
        ]
        notes = ["Solid: input · dashed: output · dotted: cached input (where a card has one)"]
        if charted.note:
            notes.append(charted.note)
        if undated:
            notes.append("n/a — no dated price point: " + "; ".join(undated))
        self._set_note("\n".join(notes))
        self._steps = []
        if not starts:
            for line in self.lines:
                line.setData([], [])
            self.marker.setVisible(False)
            self._set_legend([])
            self._show_empty("No models selected" if not charted.rows else "No dated prices")
            return
        self._show_empty("")
        end_day = max(starts) + dt.timedelta(days=TAIL_DAYS)
        if comparison.as_of is not None:
            end_day = max(end_day, comparison.as_of + dt.timedelta(days=TAIL_DAYS))
        end = timestamp(end_day)
        used = 0
        legend: list[tuple[object, str]] = []
        high = 0.0
        for position, name, options in histories:
            colour = self.theme.colour(position)
            for field_name, attribute in PRICE_FIELDS:
                xs, ys = self._step_line(name, field_name, attribute, options, end, currency)
                if not xs:
                    continue
                line = self.lines[used]
                used += 1
                line.setData(np.array(xs), np.array(ys), connect="finite")
                line.setPen(pg.mkPen(colour, width=2, style=FIELD_STYLES[field_name]))
                high = max(high, float(np.nanmax(ys)))
                if field_name == "input":
                    legend.append((line, name))
        for line in self.lines[used:]:
            line.setData([], [])
        self._set_legend(legend)
        if comparison.as_of is not None:
            self.marker.setPos(timestamp(comparison.as_of))
            self.marker_label.setText(f"as of {comparison.as_of.isoformat()}")
            self.marker.setVisible(True)
        else:
            self.marker.setVisible(False)
        start = timestamp(min(starts) - dt.timedelta(days=TAIL_DAYS))
        self._set_range(start, end, 0.0, (high or 1.0) * 1.15)

    def _step_line(
        self,
        name: str,
        field_name: str,
        attribute: str,
        options: list[PriceOption],
        end: float,
        currency: str,
    ) -> tuple[list[float], list[float]]:
        """x, y of a step line; a point without this price breaks the line (NaN)."""
        xs: list[float] = []
        ys: list[float] = []
        for index, option in enumerate(options):
            start = timestamp(parse_date(option.effective or ""))
            stop = (
                timestamp(parse_date(options[index + 1].effective or ""))
                if index + 1 < len(options)
                else end
            )
            price = getattr(option, attribute)
            factor = (_factor(self._comparison, option) if self._comparison else None) or 1.0
            if price is not None:
                price = float(price) * factor
            if price is None:
                xs.append(start)
                ys.append(math.nan)
                continue
            xs.extend((start, stop))
            ys.extend((float(price), float(price)))
            label = f" ({option.label})" if option.label else ""
            self._steps.append(
                (
                    start,
                    stop,
                    float(price),
                    f"{name}{label} — {FIELD_NAMES[field_name]} "
                    f"{price_with_unit(float(price), currency)} from {option.effective}\n"
                    f"Source: {option.source_title}",
                )
            )
        return xs, ys

    def tooltip_at(self, x: float, y: float) -> str:
        """Every step under (x, y), within 6 pixels vertically."""
        view = self.plot.vb
        (_x_low, _x_high), (y_low, y_high) = view.viewRange()
        per_pixel = (y_high - y_low) / max(view.height(), 1.0)
        hits = [
            text
            for start, stop, price, text in self._steps
            if start <= x < stop and abs(price - y) <= 6 * per_pixel
        ]
        return "\n".join(hits)
