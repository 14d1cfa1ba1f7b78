"""The calculator's cost list: each compared model's monthly cost, its ratio to the cheapest
and the parts of its cost, one row per model, cheapest in bold."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...domain.cost import cheapest_mask, free_mask, ratio_to_cheapest
from ...domain.formatting import exact_amount, money, ratio

VISIBLE_COST_ROWS = 15
"""The cost list grows with its rows up to this many, then scrolls."""

COMPONENTS = (
    ("input", "Input"),
    ("cached_input", "Cached read"),
    ("cache_write", "Cache write"),
    ("output", "Output"),
    ("reasoning", "Reasoning"),
    ("request", "Requests"),
)
"""The parts of a cost the list shows as columns (hidden while zero for every row)."""
FIRST_COMPONENT_COLUMN = 3
NAME_COLUMN_MAX = 170
"""Pixels the model names may take in the cost list while component columns are shown."""

RATIO_HELP = (
    "This model's monthly cost divided by the cheapest one's; a model that costs nothing "
    "is called free, and the cheapest is the lowest cost above zero"
)
PLAIN_CARD_NOTE = "Priced at the model's own card"


def ratio_texts(totals: np.ndarray) -> list[str]:
    """The "vs cheapest" column: ``cheapest``, ``free``, or the cost engine's ratio (``×1.70``)."""
    ratios = ratio_to_cheapest(totals).tolist()
    return [
        "cheapest" if cheapest else "free" if free else ratio(to_cheapest)
        for to_cheapest, cheapest, free in zip(
            ratios, cheapest_mask(totals).tolist(), free_mask(totals).tolist(), strict=True
        )
    ]


class CostList(QTreeWidget):
    """Rows are reused while the names stay the same, so an update is cheap enough for every
    slider tick; the columns are fitted to their texts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("costList")
        self.setAccessibleName("Monthly cost per compared model")
        self.setAccessibleDescription(
            "Each compared model's cost for the workload above, cheapest first, and its "
            "ratio to the cheapest, then a column for each part of the cost that is not zero."
        )
        self._names: tuple[str, ...] = ()
        self._items: list[QTreeWidgetItem] = []
        self._notes: list[str] = []
        self._hidden_components: list[bool] = [True] * len(COMPONENTS)
        self.setColumnCount(FIRST_COMPONENT_COLUMN + len(COMPONENTS))
        self.setHeaderLabels(
            ["Model", "Cost / month", "vs cheapest", *(label for _key, label in COMPONENTS)]
        )
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths fitted by _fit_columns: ResizeToContents re-measures every row
        # on every setText and made an update 30 times slower.
        for column in range(1, self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        header.setSectionsMovable(False)
        for offset, (_key, label) in enumerate(COMPONENTS):
            column = FIRST_COMPONENT_COLUMN + offset
            self.headerItem().setToolTip(
                column, f"{label}: this part of the monthly cost (shown where not zero)"
            )
            self.setColumnHidden(column, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def show_costs(
        self,
        names: Sequence[str],
        totals: np.ndarray,
        currency: str,
        *,
        components: Mapping[str, np.ndarray] | None = None,
        notes: Sequence[str] | None = None,
        dragging: bool = False,
    ) -> None:
        """Each model's cost and ratio; ``dragging``: a slider is held, columns only widen."""
        totals = np.asarray(totals, dtype=float)
        if len(totals) != len(names):
            raise ValueError(f"{len(names)} names but {len(totals)} totals")
        names = tuple(names)
        if names != self._names:
            self._rebuild_rows(names)
        cheapest_rows = cheapest_mask(totals).tolist()
        for item, total, ratio_text, cheapest in zip(
            self._items, totals.tolist(), ratio_texts(totals), cheapest_rows, strict=True
        ):
            _set_text(item, 1, money(total, currency))
            _set_text(item, 2, ratio_text)
            item.setToolTip(1, f"{exact_amount(total, currency)} a month")
            if item.font(0).bold() != cheapest:
                font = QFont(item.font(0))
                font.setBold(cheapest)
                for column in range(self.columnCount()):
                    item.setFont(column, font)
        self._show_components(components or {}, currency)
        self._show_notes(list(notes) if notes is not None else [""] * len(names))
        self._fit_columns(dragging)

    def _show_components(self, components: Mapping[str, np.ndarray], currency: str) -> None:
        for offset, (key, _label) in enumerate(COMPONENTS):
            column = FIRST_COMPONENT_COLUMN + offset
            values = components.get(key)
            hidden = values is None or not len(self._items) or not np.any(values)
            if hidden != self._hidden_components[offset]:
                self._hidden_components[offset] = hidden
                self.setColumnHidden(column, hidden)
                self._fit_name_column()
            if hidden or values is None:
                continue
            if len(values) != len(self._items):
                raise ValueError(f"{len(self._items)} names but {len(values)} {key} costs")
            for item, value in zip(
                self._items, np.asarray(values, dtype=float).tolist(), strict=True
            ):
                _set_text(item, column, money(value, currency))

    def _show_notes(self, notes: list[str]) -> None:
        if len(notes) != len(self._items):
            raise ValueError(f"{len(self._items)} names but {len(notes)} notes")
        if notes == self._notes:
            return
        self._notes = notes
        for item, name, note in zip(self._items, self._names, notes, strict=True):
            rule = note or PLAIN_CARD_NOTE
            item.setToolTip(0, f"{name}\n{rule}")
            item.setToolTip(2, f"{RATIO_HELP}\n{rule}")
            for column in range(FIRST_COMPONENT_COLUMN, self.columnCount()):
                item.setToolTip(column, rule)

    def _fit_columns(self, dragging: bool) -> None:
        """Fit the cost and ratio columns to their texts.

        While a slider is dragged they only widen, so the list does not jitter;
        any other change fits them exactly, so a huge value typed once does not
        leave the columns stretched after a normal one returns.
        """
        header = self.header()
        font = QFont(self.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        padding = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        for column in range(1, self.columnCount()):
            if self.isColumnHidden(column):
                continue
            texts = [item.text(column) for item in self._items]
            texts.append(self.headerItem().text(column))
            width = max(metrics.horizontalAdvance(text) for text in texts) + padding
            if width > header.sectionSize(column) or (
                not dragging and width != header.sectionSize(column)
            ):
                header.resizeSection(column, width)

    def _fit_name_column(self) -> None:
        """Names take the spare width, unless component columns are shown: then they keep
        their own width (up to :data:`NAME_COLUMN_MAX` pixels) and the parts scroll."""
        header = self.header()
        self._fit_height()
        if all(self._hidden_components):
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            return
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        font = QFont(self.font())
        font.setBold(True)  # the cheapest row is bold, and any row may become the cheapest
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(name) for name in self._names), default=0)
        header.resizeSection(0, min(max(widest, 60) + 16, NAME_COLUMN_MAX))

    def _rebuild_rows(self, names: tuple[str, ...]) -> None:
        self._names = names
        self._notes = []
        self.clear()
        items = []
        columns = self.columnCount()
        for name in names:
            item = QTreeWidgetItem([name] + [""] * (columns - 1))
            item.setToolTip(0, name)
            item.setToolTip(2, RATIO_HELP)
            for column in range(1, columns):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            items.append(item)
        self._items = items
        for column in range(1, columns):
            self.header().resizeSection(column, 0)  # refitted by show_costs
        self.addTopLevelItems(items)
        self.setVisible(bool(names))
        self._fit_name_column()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as its rows (up to :data:`VISIBLE_COST_ROWS`), no taller."""
        rows = min(max(self.topLevelItemCount(), 1), VISIBLE_COST_ROWS)
        row_height = self.sizeHintForRow(0)
        if row_height <= 0:
            row_height = self.fontMetrics().height() + 4
        height = self.header().sizeHint().height() + rows * row_height + 2 * self.frameWidth() + 2
        if not all(self._hidden_components):  # the parts' columns may scroll sideways
            height += self.horizontalScrollBar().sizeHint().height()
        self.setMaximumHeight(height)
        self.setMinimumHeight(min(height, 3 * row_height + 40))

    def cost_rows(self) -> list[tuple[str, str, str]]:
        """The list as shown: (model, cost, ratio) texts."""
        return [(item.text(0), item.text(1), item.text(2)) for item in self._items]

    def component_rows(self) -> list[dict[str, str]]:
        """Each row's shown cost components by column title (only the visible columns)."""
        shown = [
            (FIRST_COMPONENT_COLUMN + offset, label)
            for offset, (_key, label) in enumerate(COMPONENTS)
            if not self.isColumnHidden(FIRST_COMPONENT_COLUMN + offset)
        ]
        return [{label: item.text(column) for column, label in shown} for item in self._items]

    def row_rules(self) -> list[str]:
        """Each row's tooltip line saying which price rule priced it."""
        return [item.toolTip(FIRST_COMPONENT_COLUMN) for item in self._items]


def _set_text(item: QTreeWidgetItem, column: int, text: str) -> None:
    if item.text(column) != text:
        item.setText(column, text)
