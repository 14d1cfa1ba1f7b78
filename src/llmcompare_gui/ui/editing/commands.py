"""Undoable changes to the store's models, applied through the table model."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from ...domain.model import BenchmarkDefinition, Model
from ..table.table_model import ModelTableModel


class ReplaceModelCommand(QUndoCommand):
    """A model's fields changed: a cell edited in place, or the whole form."""

    def __init__(self, table: ModelTableModel, before: Model, after: Model, text: str) -> None:
        super().__init__(text)
        self._table = table
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._table.replace_model(self._before.id, self._after)

    def undo(self) -> None:
        self._table.replace_model(self._after.id, self._before)


class AddModelCommand(QUndoCommand):
    """A new model (added or duplicated) at ``store_row`` in the file."""

    def __init__(self, table: ModelTableModel, model: Model, store_row: int, text: str) -> None:
        super().__init__(text)
        self._table = table
        self._model = model
        self._store_row = store_row
        self._row: int | None = None

    def redo(self) -> None:
        self._table.insert_model(self._store_row, self._model, self._row)

    def undo(self) -> None:
        _, self._row, _ = self._table.remove_model(self._model.id)


class DeleteModelsCommand(QUndoCommand):
    """Models removed; undo puts each back where it was, in the file and the table."""

    def __init__(self, table: ModelTableModel, model_ids: list[str], text: str) -> None:
        super().__init__(text)
        self._table = table
        self._ids = model_ids
        self._removed: list[tuple[int, int, Model]] = []

    def redo(self) -> None:
        self._removed = [self._table.remove_model(model_id) for model_id in self._ids]

    def undo(self) -> None:
        for store_row, row, model in reversed(self._removed):
            self._table.insert_model(store_row, model, row)
        self._removed = []


class ReplaceAllModelsCommand(QUndoCommand):
    """The store's whole model list replaced, as an import does."""

    def __init__(
        self,
        table: ModelTableModel,
        models: Sequence[Model],
        text: str,
        benchmarks: Sequence[BenchmarkDefinition] | None = None,
    ) -> None:
        super().__init__(text)
        self._table = table
        self._before = list(table.store.models)
        self._after = list(models)
        self._benchmarks_before = list(table.store.benchmarks)
        self._benchmarks_after = None if benchmarks is None else list(benchmarks)

    def redo(self) -> None:
        self._table.replace_all_models(self._after, self._benchmarks_after)

    def undo(self) -> None:
        self._table.replace_all_models(self._before, self._benchmarks_before)
