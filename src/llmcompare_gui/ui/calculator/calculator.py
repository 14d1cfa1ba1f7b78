"""The cost calculator: a monthly workload as sliders, and what it costs per model.

The widget holds a domain :class:`Scenario` and edits it; it never computes a
price. The window feeds it the costs the cost engine computed
(:meth:`CostCalculator.show_costs`) and listens to :attr:`scenarioChanged`.

Binding both ways without loops: :meth:`CostCalculator.set_scenario` updates
every control inside a :class:`QSignalBlocker` and emits nothing; a user's
change to a control replaces the scenario and emits it once.

The editor beside a token slider accepts any volume in the token syntax and
keeps it exactly, even between two positions or beyond the slider's range (the
slider then shows the nearest position or pins at its end); see
:mod:`.slider_scale` for the log scale.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.cost import Scenario, ScenarioError
from ...domain.model import BenchmarkRun, Model, Store
from ...domain.parsing import parse_token_volume
from ...domain.presets import PRESETS, apply_preset, matching_preset
from ...domain.task_cost import run_workload
from ...domain.tokens import TokenVolumeError
from ..table.price_date import PriceDateControl
from .advanced import AdvancedSection
from .controls import TokenVolumeControl, share_label, share_slider, show_share
from .cost_list import CostList
from .currency import CurrencyControl
from .run_workload import RunChoice, RunWorkloadDialog, run_choices
from .slider_scale import fitting_share, slider_value

CUSTOM = "Custom"
LIKE_A_RUN = "Like an Aider run…"


class CostCalculator(QWidget):
    """Sliders for a monthly workload and the resulting cost of each compared model."""

    scenarioChanged = Signal(object)
    """Emitted with the new :class:`Scenario` on every change a user makes."""
    advancedToggled = Signal(bool)
    """The Advanced section was opened (True) or closed by the user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("costCalculator")
        self._scenario = Scenario()

        self._preset = QComboBox(self)
        self._preset.setObjectName("workloadPreset")
        self._preset.addItem(CUSTOM)
        self._preset.setItemData(0, "Your own figures.", Qt.ItemDataRole.ToolTipRole)
        for index, preset in enumerate(PRESETS, start=1):
            self._preset.addItem(preset.name)
            self._preset.setItemData(index, preset.description, Qt.ItemDataRole.ToolTipRole)
        self._runs: list[RunChoice] = []
        self._preset.addItem(LIKE_A_RUN)
        self._run_index = self._preset.count() - 1
        self._preset.setItemData(
            self._run_index,
            "A chosen benchmark run's input and output tokens per task, times the tasks "
            "a month you type (needs a model with an imported Aider run).",
            Qt.ItemDataRole.ToolTipRole,
        )
        self._enable_run_preset()
        self._preset.setToolTip(
            "Typical monthly workloads; choosing one sets the input, output and cached "
            "share. Changing any figure switches back to Custom."
        )
        self._preset.setAccessibleName("Workload preset")
        self._preset.setAccessibleDescription(self._preset.toolTip())
        preset_label = QLabel("&Workload:", self)
        preset_label.setBuddy(self._preset)

        self._input = TokenVolumeControl(self, "inputTokens", "&Input tokens / month")
        self._output = TokenVolumeControl(self, "outputTokens", "O&utput tokens / month")

        self._cached = share_slider(
            self,
            "cachedShare",
            "Cached share of input",
            "Share of the input tokens served from the provider's prompt cache, billed "
            "at the cached-input price (the input price where a model has none).",
        )
        self._cached.setAccessibleDescription(
            "0 to 100 percent of the input tokens, billed at the cached-input price."
        )
        self._cached_label = share_label(self, "cachedShareLabel")
        cached_caption = QLabel("&Cached share of input", self)
        cached_caption.setBuddy(self._cached)

        self._advanced = AdvancedSection(self)

        self.price_date = PriceDateControl(self)
        self.currency_control = CurrencyControl(self)
        self._rate_label = QLabel(self)
        self._rate_label.setObjectName("exchangeRateLabel")
        self._rate_label.setWordWrap(True)
        self._rate_label.setVisible(False)

        self._costs = CostList(self)
        self._empty = QLabel("Select models to compare their monthly cost.", self)
        self._empty.setObjectName("costListEmpty")
        self._empty.setWordWrap(True)
        self._empty.setEnabled(False)
        costs_caption = QLabel("Monthly cost", self)
        bold = costs_caption.font()
        bold.setBold(True)
        costs_caption.setFont(bold)

        self._build_layout(preset_label, cached_caption, costs_caption)
        self._connect()
        self.set_scenario(self._scenario)
        self.show_costs([], np.empty(0), "USD")

    def _build_layout(
        self,
        preset_label: QLabel,
        cached_caption: QLabel,
        costs_caption: QLabel,
    ) -> None:
        layout = QVBoxLayout(self)
        preset_row = QHBoxLayout()
        preset_row.addWidget(preset_label)
        preset_row.addWidget(self._preset, 1)
        layout.addLayout(preset_row)

        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(2)
        row = 0
        for control in (self._input, self._output):
            assert control.slider is not None
            if row:
                grid.setRowMinimumHeight(row, 6)
                row += 1
            grid.addWidget(control.caption, row, 0, 1, 2)
            grid.addWidget(control.slider, row + 1, 0)
            grid.addWidget(control.edit, row + 1, 1)
            grid.addWidget(control.error, row + 2, 0, 1, 2)
            row += 3
        grid.setRowMinimumHeight(row, 6)
        grid.addWidget(cached_caption, row + 1, 0, 1, 2)
        grid.addWidget(self._cached, row + 2, 0)
        grid.addWidget(self._cached_label, row + 2, 1)
        layout.addLayout(grid)

        layout.addWidget(self._advanced.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._advanced.widget)
        # One row for both: the calculator must fit the window's smallest height.
        dated_row = QHBoxLayout()
        dated_row.addWidget(self.price_date, 1)
        dated_row.addWidget(self.currency_control)
        layout.addLayout(dated_row)

        layout.addSpacing(6)
        layout.addWidget(costs_caption)
        layout.addWidget(self._costs, 100)
        layout.addWidget(self._rate_label)
        layout.addWidget(self._empty)
        layout.addStretch(1)

    def _connect(self) -> None:
        advanced = self._advanced
        self._preset.activated.connect(self._on_preset)
        for control in (self._input, self._output):
            assert control.slider is not None
            control.slider.valueChanged.connect(
                lambda position, c=control: self._on_slider(c, position)
            )
        for control in (self._input, self._output, advanced.prompt):
            control.edit.editingFinished.connect(lambda c=control: self._on_edit(c))
        self._cached.valueChanged.connect(self._on_cached)
        advanced.cache_write.valueChanged.connect(self._on_cache_write)
        advanced.off_peak.valueChanged.connect(self._on_off_peak)
        advanced.ttl.activated.connect(
            lambda index: self._change(cache_ttl=advanced.ttl.itemData(index))
        )
        advanced.tier.activated.connect(
            lambda index: self._change(service_tier=advanced.tier.itemData(index))
        )
        advanced.reasoning.valueChanged.connect(self._on_reasoning)
        self.currency_control.currencyChanged.connect(lambda code: self._change(currency=code))
        advanced.toggle.toggled.connect(self._on_advanced_toggled)

    # --- the Advanced section ------------------------------------------------------------

    def advanced_open(self) -> bool:
        return self._advanced.is_open()

    def set_advanced_open(self, open_: bool) -> None:
        """Open or close the Advanced section; emits nothing (for restoring settings)."""
        self._advanced.set_open(open_)

    def _on_advanced_toggled(self, open_: bool) -> None:
        self._advanced.show_open(open_)
        self.advancedToggled.emit(open_)

    # --- the scenario ------------------------------------------------------------------

    def scenario(self) -> Scenario:
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        """Show ``scenario`` in every control; emits nothing."""
        self._scenario = scenario
        self._input.show_volume(scenario.input_tokens)
        self._output.show_volume(scenario.output_tokens)
        show_share(self._cached, self._cached_label, scenario.cached_share)
        self._advanced.show_scenario(scenario)
        with QSignalBlocker(self._preset):
            self._preset.setCurrentIndex(_preset_index(scenario))
        self.currency_control.set_currency(scenario.currency)

    def _change(self, **changes: Any) -> None:
        """Apply a user's change: back to the Custom preset, and emit the new scenario."""
        try:
            scenario = dataclasses.replace(self._scenario, **changes)
        except ScenarioError:
            self.set_scenario(self._scenario)  # the controls show what still holds
            return
        if scenario == self._scenario:
            return
        self._scenario = scenario
        with QSignalBlocker(self._preset):
            self._preset.setCurrentIndex(0)
        self.scenarioChanged.emit(scenario)

    def _field(self, control: TokenVolumeControl) -> str:
        if control is self._input:
            return "input_tokens"
        if control is self._output:
            return "output_tokens"
        return "prompt_tokens"

    # --- user changes ------------------------------------------------------------------

    def _on_slider(self, control: TokenVolumeControl, position: int) -> None:
        volume = slider_value(position)
        control.show_volume(volume, move_slider=False)
        self._change(**{self._field(control): volume})

    def _on_edit(self, control: TokenVolumeControl) -> None:
        text = control.edit.text()
        if text == control.shown_text:
            control.clear_error()
            return  # unchanged: keep the exact value behind the shown text
        try:
            if text.strip().startswith("-"):
                raise TokenVolumeError(f"{text.strip()!r}: a token volume cannot be negative")
            volume = parse_token_volume(text)
            if control is self._advanced.prompt and not volume > 0:
                raise TokenVolumeError(f"{text.strip()!r}: a prompt needs at least one token")
        except TokenVolumeError as error:
            control.show_error(f"Not applied: {error}")
            return
        control.show_volume(volume)
        self._change(**{self._field(control): volume})

    def _on_cached(self, percent: int) -> None:
        share = fitting_share(percent, self._scenario.cache_write_share)
        show_share(self._cached, self._cached_label, share)
        self._change(cached_share=share)

    def _on_cache_write(self, percent: int) -> None:
        advanced = self._advanced
        share = fitting_share(percent, self._scenario.cached_share)
        show_share(advanced.cache_write, advanced.cache_write_label, share)
        self._change(cache_write_share=share)

    def _on_off_peak(self, percent: int) -> None:
        share = percent / 100
        show_share(self._advanced.off_peak, self._advanced.off_peak_label, share)
        self._change(off_peak_share=share)

    def _on_reasoning(self, value: float) -> None:
        self._change(reasoning_overhead=max(value, 1.0))

    def set_models(self, models: Sequence[Model]) -> None:
        """The models whose runs the "like an Aider run" workload offers."""
        self._runs = run_choices(models)
        self._enable_run_preset()

    def _enable_run_preset(self) -> None:
        items = self._preset.model()
        assert isinstance(items, QStandardItemModel)  # a combo box's own model
        items.item(self._run_index).setEnabled(bool(self._runs))

    def apply_run_workload(self, run: BenchmarkRun, tasks_per_month: float) -> None:
        """Volumes of ``tasks_per_month`` tasks like ``run``'s; cache and the rest unchanged."""
        input_tokens, output_tokens = run_workload(run, tasks_per_month)
        scenario = dataclasses.replace(
            self._scenario, input_tokens=input_tokens, output_tokens=output_tokens
        )
        changed = scenario != self._scenario
        self.set_scenario(scenario)
        with QSignalBlocker(self._preset):
            self._preset.setCurrentIndex(self._run_index)
        if changed:
            self.scenarioChanged.emit(scenario)

    def _on_preset(self, index: int) -> None:
        if index <= 0:
            return
        if index == self._run_index:
            chosen = RunWorkloadDialog.ask(self, self._runs)
            if chosen is None:
                with QSignalBlocker(self._preset):
                    self._preset.setCurrentIndex(_preset_index(self._scenario))
                return
            self.apply_run_workload(*chosen)
            return
        scenario = apply_preset(self._scenario, PRESETS[index - 1])
        changed = scenario != self._scenario
        self.set_scenario(scenario)
        with QSignalBlocker(self._preset):
            self._preset.setCurrentIndex(index)
        if changed:
            self.scenarioChanged.emit(scenario)

    # --- costs -------------------------------------------------------------------------

    def show_costs(
        self,
        names: Sequence[str],
        totals: np.ndarray,
        currency: str,
        *,
        components: Mapping[str, np.ndarray] | None = None,
        notes: Sequence[str] | None = None,
    ) -> None:
        """Show each model's monthly cost, the cheapest marked, and ratios to it.

        ``components`` maps the keys of :data:`.cost_list.COMPONENTS` to each model's
        part of the cost (a column per part that is not zero for every model);
        ``notes`` says per model which rule priced it (its rows' tooltips). Rows are
        reused when ``names`` did not change, so this is cheap enough for every slider tick.
        """
        advanced = self._advanced
        dragging = any(
            slider is not None and slider.isSliderDown()
            for slider in (
                self._input.slider,
                self._output.slider,
                advanced.cache_write,
                advanced.off_peak,
            )
        )
        self._costs.show_costs(
            names, totals, currency, components=components, notes=notes, dragging=dragging
        )
        self._empty.setVisible(not names)

    def set_currencies(self, store: Store) -> None:
        """The display currencies the store has rates for."""
        self.currency_control.set_store(store, self._scenario.currency)

    def show_rate_note(self, text: str | None) -> None:
        """The exchange rates the costs were converted with, and their date (hidden: none)."""
        self._rate_label.setText(f"Converted at {text}" if text else "")
        self._rate_label.setVisible(bool(text))

    def rate_note(self) -> str:
        return self._rate_label.text()

    def cost_rows(self) -> list[tuple[str, str, str]]:
        """The cost list as shown: (model, cost, ratio) texts, for tests and copying."""
        return self._costs.cost_rows()

    def component_rows(self) -> list[dict[str, str]]:
        """Each row's shown cost components by column title (only the visible columns)."""
        return self._costs.component_rows()

    def row_rules(self) -> list[str]:
        """Each row's tooltip line saying which price rule priced it."""
        return self._costs.row_rules()


def _preset_index(scenario: Scenario) -> int:
    """The preset combo's index for ``scenario``: its preset's, else Custom's (0)."""
    preset = matching_preset(scenario)
    return 0 if preset is None else PRESETS.index(preset) + 1
