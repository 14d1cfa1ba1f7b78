"""The model table's proxy: filters rows on name and vendor and hands sorting to the model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from .table_model import ModelTableModel

Index = QModelIndex | QPersistentModelIndex


class ModelFilterProxy(QSortFilterProxyModel):
    """Filters rows on name and vendor; sorting is forwarded to the source model.

    Why each lives where it does, with the measurement: the comments above
    ``ModelTableModel.sort`` and ``ModelTableModel.set_filter``.
    """

    def __init__(self, source: ModelTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self.setDynamicSortFilter(False)
        self._text = ""

    def set_filter_text(self, text: str) -> None:
        self._text = text
        self.beginFilterChange()
        self._source.set_filter(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Re-read the filter after names or vendors changed."""
        self.set_filter_text(self._text)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self._source.row_matches(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def source_rows(self, rows: Sequence[int]) -> list[int]:
        return [self.mapToSource(self.index(row, 0)).row() for row in rows]
