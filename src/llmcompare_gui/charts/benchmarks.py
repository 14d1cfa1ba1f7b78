"""Benchmark scores grouped by benchmark: one bar per model in each group.

Only numeric scores are bars. A model without a score for a benchmark gets a
visible "n/a" at its slot, with its qualitative note (if any) beside it and in
the tooltip: a note is data to read, never a bar height.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ..domain.comparison import ChartKind, Comparison
from ..domain.limits import MAX_CHARTED_MODELS
from ..domain.model import REPORTED_BY_LABELS, BenchmarkResult
from .binding import pg
from .labels import TextPool, elide, is_not_available
from .plot import ChartBase, charted_rows

GROUP_WIDTH = 0.8
ROTATE_VALUES_ABOVE = 4
"""With more models than this per group, values and notes are written upwards."""


class BenchmarksChart(ChartBase):
    kind = ChartKind.BENCHMARKS

    def _build(self) -> None:
        self._slots: list[tuple[float, float, str]] = []  # (centre, half width, tooltip)
        empty = np.zeros(0)
        self.bars = [
            pg.BarGraphItem(x=empty, height=empty, width=0.1) for _ in range(MAX_CHARTED_MODELS)
        ]
        # The same model's claims (the vendor's, or an article's): hatched, beside its
        # independent results, which are solid.
        self.claim_bars = [
            pg.BarGraphItem(x=empty, height=empty, width=0.1) for _ in range(MAX_CHARTED_MODELS)
        ]
        for bar in (*self.bars, *self.claim_bars):
            self.plot.addItem(bar)
        # Legend samples only (never plotted): what solid and hatched mean.
        self.independent_key = pg.BarGraphItem(x=empty, height=empty, width=0.1)
        self.claim_key = pg.BarGraphItem(x=empty, height=empty, width=0.1)
        self.values = TextPool(self.plot, small=True)
        self.values_up = TextPool(self.plot, small=True, angle=90)
        self.missing = TextPool(self.plot, small=True, angle=90)

    def _recolour(self) -> None:
        palette = len(self.theme.palette)
        for index, (bar, claim) in enumerate(zip(self.bars, self.claim_bars, strict=True)):
            colour = self.theme.colour(index)
            if index < palette:
                bar.setOpts(brush=pg.mkBrush(colour), pen=pg.mkPen(None))
            else:  # colours repeat after eight models: the repeats are dotted
                brush = QBrush(QColor(colour), Qt.BrushStyle.Dense3Pattern)
                bar.setOpts(brush=brush, pen=pg.mkPen(colour, width=1.5))
            claim.setOpts(brush=_claim_brush(colour), pen=pg.mkPen(colour, width=1.5))
        grey = self.theme.foreground
        self.independent_key.setOpts(brush=pg.mkBrush(grey), pen=pg.mkPen(grey, width=1.5))
        self.claim_key.setOpts(brush=_claim_brush(grey), pen=pg.mkPen(grey, width=1.5))

    def _show(self, comparison: Comparison) -> None:
        charted = charted_rows(comparison)
        rows = charted.rows
        models = [comparison.models[row] for row in rows]
        scored = [d for d in comparison.scored_benchmarks() if _any_score(models, d.id)]
        self.values.begin()
        self.values_up.begin()
        self.missing.begin()
        units = {definition.unit for definition in scored}
        unit = units.pop() if len(units) == 1 else ""
        self._set_title("Benchmark scores")
        self._set_axis_labels(f"Score ({unit})" if unit else "Score", "")
        notes_only = [
            d
            for d in comparison.benchmarks()
            if d not in scored and any(d.id in model.benchmarks for model in models)
        ]
        note_lines = [charted.note] if charted.note else []
        if notes_only:
            parts = []
            for definition in notes_only:
                said = [
                    f"{model.name}: {model.benchmarks[definition.id].note}"
                    for model in models
                    if definition.id in model.benchmarks
                ]
                parts.append(f"{definition.name} ({'; '.join(said)})")
            note_lines.append("Notes only, not plotted: " + " · ".join(parts))
        self._set_note("\n".join(note_lines))
        axis = self.plot.getAxis("bottom")
        if not models or not scored:
            self._slots = []
            for bar in (*self.bars, *self.claim_bars):
                bar.setOpts(x=np.zeros(0), height=np.zeros(0))
            axis.setTicks([[]])
            self._set_legend([])
            for pool in (self.values, self.values_up, self.missing):
                pool.end()
            self._show_empty("No models selected" if not models else "No benchmark scores")
            return
        self._show_empty("")
        count = len(models)
        slot = GROUP_WIDTH / count
        self._slots = []
        top = max(
            (
                report.score
                for m in models
                for result in m.benchmarks.values()
                for report in _reports(result)
                if report.score
            ),
            default=1.0,
        )
        top = max(top, 100.0) if unit == "%" else max(top, 1e-9)
        values_pool = self.values if count <= ROTATE_VALUES_ABOVE else self.values_up
        foreground = self.theme.foreground
        # Notes are written upwards from the axis: no longer than most of the plot's height.
        plot_height = self.plot.vb.height()
        note_pixels = int(min(220, plot_height * 0.8 - 30)) if plot_height > 60 else 150
        any_claim = False
        any_independent = False
        for position, (bar, claim_bar, model) in enumerate(
            zip(self.bars, self.claim_bars, models, strict=False)
        ):
            xs: list[float] = []
            heights: list[float] = []
            widths: list[float] = []
            claim_xs: list[float] = []
            claim_heights: list[float] = []
            claim_widths: list[float] = []
            for group, definition in enumerate(scored):
                x = group - GROUP_WIDTH / 2 + (position + 0.5) * slot
                result = model.benchmarks.get(definition.id)
                reports = [r for r in _reports(result) if r.score is not None]
                if reports:
                    part = slot / len(reports)
                    for index, report in enumerate(reports):
                        score = float(report.score or 0.0)
                        centre = x - slot / 2 + (index + 0.5) * part
                        kind = _kind_text(report)
                        tip = (
                            f"{model.name}\n{definition.name}: {score:g} {definition.unit}"
                            + (f" ({kind})" if kind else "")
                            + (f"\n{report.note}" if report.note else "")
                            + (f"\nsource: {_source_text(report)}" if report.source else "")
                        )
                        self._slots.append((centre, part / 2, tip))
                        if _is_claim(report):
                            any_claim = True
                            claim_xs.append(centre)
                            claim_heights.append(score)
                            claim_widths.append(part * 0.88)
                        else:
                            any_independent = any_independent or report.reported_by is not None
                            xs.append(centre)
                            heights.append(score)
                            widths.append(part * 0.88)
                        values_pool.take(
                            f"{score:g}",
                            centre,
                            score,
                            anchor=(0.5, 1.0) if values_pool is self.values else (-0.05, 0.5),
                            colour=foreground,
                            tooltip=tip,
                        )
                else:
                    note = result.note if result is not None and result.note else ""
                    if is_not_available(note):
                        note = ""  # "N/A" says what "n/a" already does: once is enough
                    self._slots.append(
                        (
                            x,
                            slot / 2,
                            f"{model.name}\n{definition.name}: no score"
                            + (f"\nnote: {note}" if note else ""),
                        )
                    )
                    text = f"n/a · {elide(note, note_pixels)}" if note else "n/a"
                    self.missing.take(
                        text,
                        x,
                        0.0,
                        anchor=(-0.02, 0.5),
                        colour=foreground,
                        tooltip=f"{model.name} — {definition.name}: no score"
                        + (f" ({note})" if note else ""),
                    )
            bar.setOpts(x=np.array(xs), height=np.array(heights), width=np.array(widths))
            claim_bar.setOpts(
                x=np.array(claim_xs), height=np.array(claim_heights), width=np.array(claim_widths)
            )
        for bar in (*self.bars[count:], *self.claim_bars[count:]):
            bar.setOpts(x=np.zeros(0), height=np.zeros(0))
        for pool in (self.values, self.values_up, self.missing):
            pool.end()
        group_pixels = max(60, int(700 / len(scored)))
        axis.setTicks([[(g, elide(d.name, group_pixels)) for g, d in enumerate(scored)]])
        keys: list[tuple[object, str]] = []
        if any_claim or any_independent:
            keys.append((self.independent_key, "independent run"))
        if any_claim:
            keys.append((self.claim_key, "claim (hatched)"))
        self._set_legend([(self.bars[i], model.name) for i, model in enumerate(models)], keys)
        self._set_range(-0.5, len(scored) - 0.5, 0.0, top * 1.12)

    def tooltip_at(self, x: float, y: float) -> str:
        for centre, half, text in self._slots:
            if abs(x - centre) <= half and y >= 0:
                return text
        return ""


def _any_score(models: list, bench_id: str) -> bool:  # type: ignore[type-arg]
    return any(
        (result := model.benchmarks.get(bench_id)) is not None and result.score is not None
        for model in models
    )


def _reports(result: BenchmarkResult | None) -> list[BenchmarkResult]:
    """A result and the other reports of the same benchmark, the model's score first."""
    return [] if result is None else [result, *result.other_reports]


def _is_claim(report: BenchmarkResult) -> bool:
    return report.reported_by in ("vendor", "article")


def _kind_text(report: BenchmarkResult) -> str:
    return REPORTED_BY_LABELS.get(report.reported_by or "", "")


def _source_text(report: BenchmarkResult) -> str:
    source = report.source
    if source is None:
        return ""
    details = [part for part in (source.url, source.note) if part]
    return source.title + (f" ({'; '.join(details)})" if details else "")


def _claim_brush(colour: str) -> QBrush:
    return QBrush(QColor(colour), Qt.BrushStyle.BDiagPattern)
