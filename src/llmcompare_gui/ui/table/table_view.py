"""The model table's view: repaints only the cells a change touches on screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QTableView

Index = QModelIndex | QPersistentModelIndex


class ModelTableView(QTableView):
    """A QTableView whose whole-column updates repaint the visible rows only.

    A cost update is one ``dataChanged`` over every row of two columns; for a
    range that reaches past the viewport QTableView repaints the whole viewport
    (every column). Clipping the range to the rows on screen first keeps the
    repaint to the two changed columns.
    """

    def dataChanged(self, topLeft: Index, bottomRight: Index, roles: Sequence[int] = ()) -> None:
        model = self.model()
        if (
            model is not None
            and topLeft.isValid()
            and bottomRight.isValid()
            and bottomRight.row() - topLeft.row() > 1
        ):
            first = self.rowAt(0)
            last = self.rowAt(self.viewport().height() - 1)
            first = topLeft.row() if first < 0 else max(first, topLeft.row())
            last = bottomRight.row() if last < 0 else min(last, bottomRight.row())
            if first > last:
                return  # nothing of it on screen
            topLeft = model.index(first, topLeft.column())
            bottomRight = model.index(last, bottomRight.column())
        super().dataChanged(topLeft, bottomRight, list(roles))
