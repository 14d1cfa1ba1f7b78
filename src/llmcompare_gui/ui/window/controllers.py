"""What happens after the window is built: costs, edits, saving, view state.

Each controller receives only the collaborators it needs. None computes a
price itself: costs come from :func:`~llmcompare_gui.domain.cost.compute_costs`,
one call for every model per scenario change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.comparison import Comparison
from ...domain.cost import PriceTable, Scenario, compute_costs
from ...domain.currency import card_currencies, conversion_note_for
from ...domain.importers import ImportPlan
from ...domain.limits import MAX_CHARTED_MODELS
from ...domain.model import Model, Store
from ...domain.price_points import models_on
from ...services import import_service
from ...store.errors import StoreError
from ...store.jsonstore import save_store
from ...store.session import StoreSession
from ..editing.commands import (
    AddModelCommand,
    DeleteModelsCommand,
    ReplaceAllModelsCommand,
    ReplaceModelCommand,
)
from ..table.table_model import ModelTableModel
from .settings import WindowSettings
from .unsaved_dialog import UnsavedChangesDialog, UnsavedChoice

SAVED = "All changes saved"
SAVING = "Saving…"
UNSAVED = "Unsaved changes"
READ_ONLY = "Read-only: nothing is saved"

AUTOSAVE_DELAY_MS = 700
"""Autosave this long after the last change (CONTRACT §6: within two seconds)."""


class CalculatorView(Protocol):
    def scenario(self) -> Scenario: ...

    def set_scenario(self, scenario: Scenario) -> None: ...

    def show_costs(
        self,
        names: Sequence[str],
        totals: np.ndarray,
        currency: str,
        *,
        components: Mapping[str, np.ndarray] | None = None,
        notes: Sequence[str] | None = None,
    ) -> None: ...

    def show_rate_note(self, text: str | None) -> None: ...

    def set_currencies(self, store: Store) -> None: ...


class ChartView(Protocol):
    def set_comparison(self, comparison: Comparison) -> None: ...

    def set_benchmarks(self, choices: Sequence[tuple[str, str]], current: str | None) -> None: ...


class CostController(QObject):
    """Scenario → costs of every model in one call → table, calculator and charts."""

    def __init__(
        self,
        table: ModelTableModel,
        calculator: CalculatorView,
        charts: ChartView,
        scenario: Scenario,
        value_benchmark: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._table = table
        self._calculator = calculator
        self._charts = charts
        self._scenario = scenario
        self._value_benchmark = value_benchmark
        self._as_of: dt.date | None = None
        self._priced_models: list[Model] = list(table.store.models)
        self._prices = PriceTable.from_store(table.store, self._priced_models)
        # Gathered once per model change: scanning every card on each slider tick
        # cost ~3 ms at 2,500 models.
        self._card_currencies = card_currencies(table.store, self._priced_models)
        self._compared_rows = np.empty(0, dtype=np.intp)
        self._compared_models: list[Model] = []
        self._compared_prices = self._prices
        calculator.set_scenario(scenario)
        self._keep_a_known_currency()
        table.modelsChanged.connect(self.models_changed)
        table.compareChanged.connect(self.compare_changed)
        self.compare_changed(recompute=False)
        self._update_benchmarks()
        self.recompute()

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def value_benchmark(self) -> str | None:
        return self._value_benchmark

    def set_scenario(self, scenario: Scenario) -> None:
        """A new scenario from the calculator."""
        self._scenario = scenario
        self.recompute()

    @property
    def as_of(self) -> dt.date | None:
        return self._as_of

    def set_as_of(self, day: dt.date | None) -> None:
        """Price every model with its point in force on ``day`` (None: the current cards)."""
        if day == self._as_of:
            return
        self._as_of = day
        self._table.set_price_day(day)
        self.models_changed()

    def set_value_benchmark(self, bench_id: str | None) -> None:
        self._value_benchmark = bench_id
        self._charts.set_comparison(self.current_comparison())

    def models_changed(self) -> None:
        """Prices, names or rows changed: gather the prices again, then recompute."""
        self._priced_models = models_on(self._table.store.models, self._as_of)
        self._prices = PriceTable.from_store(self._table.store, self._priced_models)
        self._card_currencies = card_currencies(self._table.store, self._priced_models)
        self._keep_a_known_currency()
        self.compare_changed(recompute=False)
        self._update_benchmarks()
        self.recompute()

    def compare_changed(self, recompute: bool = True) -> None:
        rows = self._table.compared_store_rows()
        models = self._priced_models
        self._compared_rows = np.asarray(rows, dtype=np.intp)
        self._compared_models = [models[row] for row in rows]
        idx = self._compared_rows
        prices = self._prices
        self._compared_prices = prices.subset(idx)
        if recompute:
            self._update_benchmarks()
            self.recompute()

    def _update_benchmarks(self) -> None:
        """The value map's choices: benchmarks the compared models have scores for."""
        comparison = self.current_comparison()
        choices = [(d.id, d.name) for d in comparison.scored_benchmarks()]
        shown = comparison.value_benchmark_definition()
        if shown is not None and shown.id not in {bench_id for bench_id, _ in choices}:
            choices.append((shown.id, shown.name))
        self._charts.set_benchmarks(choices, shown.id if shown is not None else None)

    def _keep_a_known_currency(self) -> None:
        """A display currency the store lost its rate for falls back to the store's."""
        store = self._table.store
        self._calculator.set_currencies(store)
        code = self._scenario.currency
        if code is not None and store.rate(code) is None:
            self._scenario = dataclasses.replace(self._scenario, currency=None)
            self._calculator.set_scenario(self._scenario)

    def recompute(self) -> None:
        scenario = self._scenario
        costs = compute_costs(self._prices, scenario)
        self._table.set_cost_currency(costs.currency)
        rows = self._compared_rows
        self._table.set_costs(costs.total, self._prices.blended(scenario.input_share), rows)
        self._calculator.show_costs(
            [model.name for model in self._compared_models],
            costs.total[rows],
            costs.currency,
            components={key: part[rows] for key, part in costs.components().items()},
            notes=[costs.notes[row] for row in rows.tolist()],
        )
        self._calculator.show_rate_note(
            conversion_note_for(self._table.store, self._card_currencies, scenario.currency)
        )
        self._charts.set_comparison(self.current_comparison())

    def current_comparison(self) -> Comparison:
        return Comparison(
            store=self._table.store,
            models=self._compared_models,
            scenario=self._scenario,
            value_benchmark=self._value_benchmark,
            as_of=self._as_of,
            _prices=self._compared_prices,
        )


class SaveController(QObject):
    """Autosave shortly after each change and on close; never silent, never while refused."""

    stateChanged = Signal(str)

    def __init__(
        self,
        session: StoreSession,
        dialog_parent: QWidget | None = None,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._dialog_parent = dialog_parent
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._dirty = False
        self._last_failure: str | None = None
        self.state = ""
        if session.read_only:
            # Short: the status bar's width is the window's minimum; the banner says why.
            self._set_state(READ_ONLY)
        else:
            self._set_state(SAVED)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_state(self, text: str) -> None:
        self.state = text
        self.stateChanged.emit(text)

    def changed(self) -> None:
        """The store's content changed: save soon."""
        if self._session.read_only:
            return
        self._dirty = True
        self._set_state(UNSAVED)
        self._timer.start()

    @property
    def last_failure(self) -> str | None:
        """Why the last save failed (file and problem), or None after a success."""
        return self._last_failure

    def save_now(self, *, quiet: bool = False) -> bool:
        """Save what is unsaved; False if that failed (``quiet``: without a message box)."""
        self._timer.stop()
        if self._session.read_only or not self._dirty:
            return not self._dirty
        self._set_state(SAVING)
        try:
            self._session.save()
        except StoreError as error:
            self._failed(error, quiet=quiet)
            return False
        self._dirty = False
        self._last_failure = None
        self._set_state(SAVED)
        return True

    def _failed(self, error: StoreError, *, quiet: bool = False) -> None:
        reason = error.problem
        self._set_state(f"Save failed: {reason}")
        message = str(error)
        if quiet:
            self._last_failure = message
        elif message != self._last_failure:
            self._last_failure = message
            QMessageBox.warning(
                self._dialog_parent,
                "Changes not saved",
                f"Your changes could not be saved:\n\n{message}\n\n"
                "They are kept in the window; the app tries again with the next change "
                "and when you quit, and asks what to do if it still cannot save.",
            )

    def discard_pending(self, state: str = SAVED) -> None:
        """Forget unsaved changes (the store was replaced as a whole, or the user said so)."""
        self._timer.stop()
        self._dirty = False
        self._set_state(state)


class EditController(QObject):
    """Add, edit, duplicate and delete models as undoable commands."""

    message = Signal(str)

    def __init__(
        self,
        table: ModelTableModel,
        undo_stack: QUndoStack,
        selected_ids: Callable[[], list[str]],
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._table = table
        self._stack = undo_stack
        self._selected_ids = selected_ids
        self._dialog_parent = dialog_parent
        table.editor = self.replace

    def replace(self, before: Model, after: Model, text: str) -> None:
        self._stack.push(ReplaceModelCommand(self._table, before, after, text))

    def _ask(self, model: Model | None) -> Model | None:
        from ..editing.model_form import ModelFormDialog

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


class ImportController(QObject):
    """File → Import Models…: preview a price file, then apply it as one undoable step."""

    message = Signal(str)

    def __init__(
        self,
        session: StoreSession,
        table: ModelTableModel,
        undo_stack: QUndoStack,
        ask: Callable[[Store], ImportPlan | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._table = table
        self._stack = undo_stack
        self._ask = ask

    def import_models(self) -> None:
        plan = self._ask(self._table.store)
        if plan is None or not plan.changes_anything:
            return
        try:
            # A dated copy as the command line's import keeps; undo restores in the window.
            import_service.keep_backup(self._session.path)
        except StoreError as error:
            self.message.emit(f"Not imported: {error}")
            return
        text = f"Import: {len(plan.added)} added, {len(plan.updated)} updated"
        if plan.matched or plan.unmatched:
            text += f", {len(plan.matched)} runs matched, {len(plan.unmatched)} not"
        self._stack.push(
            ReplaceAllModelsCommand(self._table, plan.store.models, text, plan.store.benchmarks)
        )
        self.message.emit(f"{text}; the previous store was kept in backups/")


class SessionController(QObject):
    """The store's lifetime in the window: reset to defaults, and the last save on close."""

    message = Signal(str)

    def __init__(
        self,
        session: StoreSession,
        table: ModelTableModel,
        undo_stack: QUndoStack,
        saver: SaveController,
        settings: WindowSettings,
        costs: CostController,
        remember_view: Callable[[], None],
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dialog_parent = dialog_parent
        self._session = session
        self._table = table
        self._stack = undo_stack
        self._saver = saver
        self._settings = settings
        self._costs = costs
        self._remember_view = remember_view
        self._closed = False

    def reset_to_defaults(self) -> None:
        """Replace the store by the bundled data, keeping a dated copy of the old one."""
        self._saver.save_now()  # the copy kept aside then holds the latest edits
        try:
            self._session.reset_to_defaults()
        except StoreError as error:
            self.message.emit(f"Not reset: {error}")
            return
        self._table.reset_store(self._session.store)
        self._saver.discard_pending()
        self._stack.clear()
        self._settings.clear_compared_ids()
        ids = [model.id for model in self._session.store.models]
        self._table.set_compared_ids(initial_compared(self._settings, ids))
        self.message.emit("Reset to the bundled data; the previous store was kept in backups/")

    def may_close(self) -> bool:
        """Whether the window may close: unsaved changes are saved, or the user decides.

        A save that fails asks: retry, save the models to another file, or
        discard them; cancel keeps the window open.
        """
        if self._closed or self._session.read_only:
            return True
        while not self._saver.save_now(quiet=True):
            problem = self._saver.last_failure or "the store could not be written"
            choice = UnsavedChangesDialog.ask(self._dialog_parent, self._session.path, problem)
            if choice is UnsavedChoice.RETRY:
                continue
            if choice is UnsavedChoice.DISCARD:
                self._saver.discard_pending("Changes discarded")
                return True
            if choice is UnsavedChoice.SAVE_AS:
                if self._save_copy():
                    return True
                continue
            return False
        return True

    def _save_copy(self) -> bool:
        """Save As… on quit: the models to a chosen file; the window's store stays where it is."""
        suggested = Path.home() / self._session.path.name
        path = UnsavedChangesDialog.ask_path(self._dialog_parent, suggested)
        if path is None:
            return False
        try:
            save_store(self._session.store, path, backup=False)
        except StoreError as error:
            QMessageBox.warning(self._dialog_parent, "Not saved", str(error))
            return False
        self._saver.discard_pending(f"Saved to {path}; the store was not changed")
        QMessageBox.information(
            self._dialog_parent,
            "Saved elsewhere",
            f"Your models were saved to {path}.\n\n"
            f"The app's store {self._session.path} was not changed: the next start opens "
            "it as it was before these edits. To use the copy, import it (File → Import "
            "Models…) or put it in place of the store.",
        )
        return True

    def close(self) -> None:
        """Remember the view and the scenario, save what is unsaved, release the store."""
        if self._closed:
            return
        self._closed = True
        self._remember_view()
        self._settings.set_scenario(self._costs.scenario)
        self._settings.set_text("charts/value_benchmark", self._costs.value_benchmark)
        self._settings.set_compared_ids(self._table.compared_ids())
        self._settings.sync()
        self._saver.save_now()
        self._session.close()


def initial_compared(settings: WindowSettings, ids: list[str]) -> set[str]:
    """The remembered compare set, else the bundled models, else the first few."""
    remembered = settings.compared_ids()
    present = set(ids)
    if remembered is not None:
        return remembered & present
    from ...store.jsonstore import default_store

    bundled = {model.id for model in default_store().models} & present
    return bundled or set(ids[:MAX_CHARTED_MODELS])
