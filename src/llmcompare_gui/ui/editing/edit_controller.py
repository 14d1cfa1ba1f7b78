"""Add, edit, duplicate and delete models as undoable commands."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from ...domain.model import Model
from ..table.table_model import ModelTableModel
from .commands import AddModelCommand, DeleteModelsCommand, ReplaceModelCommand
from .selection_controller import SelectionController


class EditController(SelectionController):
    """Add, edit, duplicate and delete models as undoable commands."""

    def __init__(
        self,
        table: ModelTableModel,
        undo_stack: QUndoStack,
        selected_ids: Callable[[], list[str]],
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(table, undo_stack, selected_ids, dialog_parent, parent)
        table.editor = self.replace

    def replace(self, before: Model, after: Model, text: str) -> None:
        self._stack.push(ReplaceModelCommand(self._table, before, after, text))

    def _ask(self, model: Model | None) -> Model | None:
        from .model_form import ModelFormDialog

        return ModelFormDialog.ask(self._dialog_parent, self._table.store, model)

    def add(self) -> None:
        model = self._ask(None)
        if model is None:
            return
        if self._table.store.model(model.id) is not None:
            self.message.emit(f"Not added: a model with id {model.id!r} already exists")
            return
        store_row = len(self._table.store.models)
        self._stack.push(AddModelCommand(self._table, model, store_row, f"Add {model.name}"))
        self._table.set_compared_ids(self._table.compared_ids() | {model.id})

    def edit(self) -> None:
        ids = self._selected_ids()
        if not ids:
            self.message.emit("Select a model to edit")
            return
        before = self._table.store.model(ids[0])
        assert before is not None
        after = self._ask(before)
        if after is None or after == before:
            return
        if after.id != before.id and self._table.store.model(after.id) is not None:
            self.message.emit(f"Not changed: a model with id {after.id!r} already exists")
            return
        self.replace(before, after, f"Edit {before.name}")

    def duplicate(self) -> None:
        ids = self._selected_ids()
        if not ids:
            self.message.emit("Select a model to duplicate")
            return
        self._stack.beginMacro("Duplicate" if len(ids) > 1 else f"Duplicate {ids[0]}")
        added = set()
        for model_id in ids:
            original = self._table.store.model(model_id)
            assert original is not None
            copy = original.model_copy(deep=True)
            copy.id = self._free_id(original.id)
            copy.name = f"{original.name} (copy)"
            store_row = self._table.store.models.index(original) + 1
            self._stack.push(
                AddModelCommand(self._table, copy, store_row, f"Duplicate {original.name}")
            )
            added.add(copy.id)
        self._stack.endMacro()
        self._table.set_compared_ids(self._table.compared_ids() | added)

    def delete(self) -> None:
        ids = self._selected_ids()
        if not ids:
            self.message.emit("Select the models to delete")
            return
        text = f"Delete {len(ids)} models" if len(ids) > 1 else f"Delete {ids[0]}"
        first = self._table.store.model(ids[0])
        what = f"{len(ids)} models" if len(ids) > 1 or first is None else first.name
        self._stack.push(DeleteModelsCommand(self._table, ids, text))
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.message.emit(f"Deleted {what} — {undo} to undo")

    def _free_id(self, model_id: str) -> str:
        base = re.sub(r"-copy(-\d+)?$", "", model_id) + "-copy"
        candidate, number = base, 2
        while self._table.store.model(candidate) is not None:
            candidate = f"{base}-{number}"
            number += 1
        return candidate
