"""Cell editors: prices accept non-negative numbers only, and say why they refuse."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.table_columns import (
    CACHED,
    CARD_PRICE_FIELDS,
    PER_REQUEST,
    PRICE_FIELDS,
    typed_price,
)
from .table_model import ROW_ROLE, ModelTableModel

INVALID_STYLE = "QLineEdit { border: 2px solid #d32f2f; background: #fdecea; color: #611a15; }"

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """Edits text and price cells; a refused price leaves the cell unchanged."""

    refused = Signal(str)

    def __init__(self, source: ModelTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source

    def _key(self, index: Index) -> str:
        return self._source.key_at(index.column())

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("cellEditor")
        key = self._key(index)
        if key in PRICE_FIELDS:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            hint = (
                "A fee per request: a number, 0 or more"
                if key == PER_REQUEST
                else "A price per million tokens: a number, 0 or more"
            )
            if key == CACHED:
                hint += "; empty means the input price"
            elif key in CARD_PRICE_FIELDS:
                hint += "; empty clears it"
            editor.setToolTip(hint)
            # A persistent index: the row may move (a sort, an autosave reload) while editing.
            cell = QPersistentModelIndex(index)
            editor.textChanged.connect(lambda text, e=editor, i=cell: self._check(e, i, text))
        return editor

    def _price(self, index: Index, text: str) -> float | None:
        """The price ``text`` stands for in the cell at ``index``; ValueError says why not."""
        model = index.data(ROW_ROLE)
        return typed_price(model, self._key(index), text, self._source.store.currency)

    def _problem(self, index: Index, text: str) -> str | None:
        try:
            self._price(index, text)
        except ValueError as error:
            return str(error)
        return None

    def _check(self, editor: QLineEdit, index: Index, text: str) -> None:
        problem = self._problem(index, text)
        editor.setStyleSheet(INVALID_STYLE if problem else "")
        editor.setProperty("invalid", problem is not None)
        if problem:
            editor.setToolTip(f"Not accepted: {problem}")

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        key = self._key(index)
        text = editor.text()
        if key in PRICE_FIELDS:
            problem = self._problem(index, text)
            if problem:
                self.refused.emit(f"Not changed: {problem}")
                return
            value: object = self._price(index, text)
        else:
            value = text
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class CompareDelegate(QStyledItemDelegate):
    """The Compare column's check boxes, visible on dark palettes too.

    Only this column paints in Python: the other cells keep Qt's own painting,
    which matters on every slider tick.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        # Fusion outlines check boxes in a shade of the window colour, which all
        # but vanishes on a dark palette: outline them in the text colour too.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        rect = style.subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, opt.widget
        )
        colour = QColor(opt.palette.color(QPalette.ColorRole.Text))
        colour.setAlpha(110)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()
