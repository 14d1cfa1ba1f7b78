"""Scenario → the cost of every model in one call → the table, the calculator and the charts.

None of this computes a price itself: costs come from
:func:`~llmcompare_gui.domain.cost.compute_costs`, one call for every model per
scenario change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np
from PySide6.QtCore import QObject

from ...domain.comparison import Comparison
from ...domain.cost import PriceTable, Scenario, compute_costs
from ...domain.currency import card_currencies, conversion_note_for
from ...domain.model import Model, Store
from ...domain.price_points import models_on
from ..table.table_model import ModelTableModel


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
