"""The cost calculator: a monthly workload as sliders, and what it costs per model.

The widget holds a domain :class:`Scenario` and edits it; it never computes a
price. The window feeds it the costs the cost engine computed
(:meth:`CostCalculator.show_costs`) and listens to :attr:`scenarioChanged`.

Binding both ways without loops: :meth:`CostCalculator.set_scenario` updates
every control inside a :class:`QSignalBlocker` and emits nothing; a user's
change to a control replaces the scenario and emits it once.

Token sliders are logarithmic: integer positions over 10^3 … 10^11 tokens in
:data:`STEPS_PER_DECADE` steps a decade, each position worth a round number
(two significant digits). The editor beside a slider accepts any volume in the
token syntax and keeps it exactly, even between two positions or beyond the
slider's range (the slider then shows the nearest position or pins at its end).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.amounts import large_amount
from ..domain.cost import Scenario, cheapest_mask, free_mask
from ..domain.model import BenchmarkRun, Model, Store
from ..domain.task_cost import run_workload
from ..domain.tokens import TokenVolumeError, format_token_volume, parse_token_volume
from .currency import CurrencyControl
from .price_date import PriceDateControl
from .run_workload import RunChoice, RunWorkloadDialog, run_choices

MIN_DECADE = 3
"""The token sliders start at 10^3 (1K) tokens a month."""
MAX_DECADE = 11
"""… and end at 10^11 (100B)."""
STEPS_PER_DECADE = 24
SLIDER_MAX = (MAX_DECADE - MIN_DECADE) * STEPS_PER_DECADE

# Each step of a decade as a round mantissa in tenths (10 = 1.0, 11 = 1.1, … 91 = 9.1).
_MANTISSAS = tuple(round(10 ** (step / STEPS_PER_DECADE) * 10) for step in range(STEPS_PER_DECADE))

MAX_REASONING_OVERHEAD = 10.0
VISIBLE_COST_ROWS = 15
"""The cost list grows with its rows up to this many, then scrolls."""

ERROR_STYLE = "QLineEdit { border: 2px solid #d32f2f; border-radius: 3px; padding: 1px 2px; }"

TOKEN_SYNTAX_HELP = (
    "Tokens per month: a number (2500000, 2.5e6) or with a suffix K, M, B or T "
    "(750k, 10M, 2.5B); _ and , may separate digits. Applied on Enter or when "
    "you leave the field."
)

REASONING_HELP = (
    "Reasoning (thinking) overhead: multiplies the output tokens of models that have "
    "a reasoning mode, for the hidden thinking tokens they bill as output. "
    "“none” (1×) leaves every model's output as entered."
)

RATIO_HELP = (
    "This model's monthly cost divided by the cheapest one's; a model that costs nothing "
    "is called free, and the cheapest is the lowest cost above zero"
)

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹"}


@dataclass(frozen=True)
class Preset:
    """A named monthly workload; the reasoning overhead stays as the user set it."""

    name: str
    input_tokens: float
    output_tokens: float
    cached_share: float
    description: str


PRESETS: tuple[Preset, ...] = (
    Preset(
        "Chatbot",
        50e6,
        10e6,
        0.20,
        "A customer-facing chat assistant: about 50M input and 10M output tokens "
        "a month, 20 % of the input (system prompt, history) served from cache.",
    ),
    Preset(
        "Retrieval app (RAG)",
        500e6,
        20e6,
        0.50,
        "Question answering over documents: long retrieved contexts (500M input "
        "tokens), short answers (20M output), half of the input cached.",
    ),
    Preset(
        "Coding agent",
        2e9,
        100e6,
        0.80,
        "An agent that rereads a repository on every step: 2B input and 100M output "
        "tokens a month, 80 % of the input served from cache.",
    ),
    Preset(
        "Batch summarisation",
        1e9,
        50e6,
        0.0,
        "Offline summaries of documents: 1B input and 50M output tokens a month, "
        "nothing repeated, so nothing cached.",
    ),
)
CUSTOM = "Custom"
LIKE_A_RUN = "Like an Aider run…"


# --- slider mapping -------------------------------------------------------------------


def slider_value(position: int) -> float:
    """The token volume at a slider position: a round number, exact as an integer."""
    position = min(max(position, 0), SLIDER_MAX)
    decade, step = divmod(position, STEPS_PER_DECADE)
    return float(_MANTISSAS[step] * 10 ** (MIN_DECADE + decade - 1))


def slider_position(volume: float) -> int:
    """The slider position nearest to ``volume`` (on the log scale), pinned at the ends."""
    if not volume > 0:
        return 0
    position = round((math.log10(volume) - MIN_DECADE) * STEPS_PER_DECADE)
    position = min(max(position, 0), SLIDER_MAX)
    # Round numbers between two steps: pick the position whose value is nearest in log.
    best = position
    for candidate in (position - 1, position + 1):
        if 0 <= candidate <= SLIDER_MAX and abs(math.log10(slider_value(candidate) / volume)) < abs(
            math.log10(slider_value(best) / volume)
        ):
            best = candidate
    return best


# --- text -----------------------------------------------------------------------------


def volume_text(volume: float) -> str:
    """The shortest compact text that reads back as ``volume`` (to float noise)."""
    for digits in range(3, 16):
        text = format_token_volume(volume, digits)
        if math.isclose(parse_token_volume(text), volume, rel_tol=1e-12, abs_tol=0.0):
            return text
    return repr(volume)


def percent_text(share: float) -> str:
    percent = share * 100
    if math.isclose(percent, round(percent), abs_tol=1e-9):
        return f"{round(percent)} %"
    return f"{percent:.3g} %"


def money_text(value: float, currency: str) -> str:
    """``$1,234.56``; small amounts keep three significant digits (``$0.000420``)."""
    if not math.isfinite(value):
        return "—"
    symbol = CURRENCY_SYMBOLS.get(currency)
    if (compact := large_amount(value)) is not None:
        number = compact
    elif value == 0 or abs(value) >= 0.01:
        number = f"{value:,.2f}"
    else:
        decimals = min(2 - math.floor(math.log10(abs(value))), 12)
        number = f"{value:.{decimals}f}"
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def ratio_text(ratio: float) -> str:
    if not math.isfinite(ratio):
        return "—"
    if (compact := large_amount(ratio)) is not None:
        return f"×{compact}"
    if ratio >= 100:
        return f"×{ratio:,.0f}"
    return f"×{ratio:.2f}"


# --- widgets --------------------------------------------------------------------------


class TokenVolumeControl:
    """A log slider with an exact-value editor and an error line, for one volume."""

    def __init__(self, parent: QWidget, name: str, caption: str) -> None:
        self.caption = QLabel(caption, parent)
        caption = caption.replace("&", "")  # the mnemonic is for the label only
        self.slider = QSlider(Qt.Orientation.Horizontal, parent)
        self.slider.setObjectName(f"{name}Slider")
        self.slider.setRange(0, SLIDER_MAX)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(STEPS_PER_DECADE // 4)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(STEPS_PER_DECADE)
        self.slider.setToolTip(
            f"{caption}, on a logarithmic scale from {format_token_volume(slider_value(0))} "
            f"to {format_token_volume(slider_value(SLIDER_MAX))}; one tick per factor of ten."
        )
        self.slider.setAccessibleName(caption)
        self.slider.setAccessibleDescription(
            f"Logarithmic, {format_token_volume(slider_value(0))} to "
            f"{format_token_volume(slider_value(SLIDER_MAX))}; the exact value is in the "
            "editor beside it. Every model's monthly cost follows it."
        )
        self.edit = QLineEdit(parent)
        self.edit.setObjectName(f"{name}Edit")
        self.edit.setPlaceholderText("e.g. 10M")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 13)
        self.edit.setToolTip(TOKEN_SYNTAX_HELP)
        self.edit.setAccessibleName(f"{caption}, exact value")
        self.edit.setAccessibleDescription(TOKEN_SYNTAX_HELP)
        self.edit.setProperty("invalid", False)
        self.caption.setBuddy(self.edit)
        self.error = QLabel(parent)
        self.error.setObjectName(f"{name}Error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f;")
        self.error.setVisible(False)
        self.shown_text = ""

    def show_volume(self, volume: float, *, move_slider: bool = True) -> None:
        """Show ``volume`` in the editor (and the slider) without emitting anything."""
        if move_slider:
            with QSignalBlocker(self.slider):
                self.slider.setValue(slider_position(volume))
        self.shown_text = volume_text(volume)
        with QSignalBlocker(self.edit):
            self.edit.setText(self.shown_text)
        self.clear_error()

    def show_error(self, message: str) -> None:
        self.edit.setProperty("invalid", True)
        self.edit.setStyleSheet(ERROR_STYLE)
        self.edit.setToolTip(message)
        self.error.setText(message)
        self.error.setVisible(True)

    def clear_error(self) -> None:
        if not self.edit.property("invalid"):
            return
        self.edit.setProperty("invalid", False)
        self.edit.setStyleSheet("")
        self.edit.setToolTip(TOKEN_SYNTAX_HELP)
        self.error.clear()
        self.error.setVisible(False)


class CostCalculator(QWidget):
    """Sliders for a monthly workload and the resulting cost of each compared model."""

    scenarioChanged = Signal(object)
    """Emitted with the new :class:`Scenario` on every change a user makes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("costCalculator")
        self._scenario = Scenario()
        self._names: tuple[str, ...] = ()
        self._items: list[QTreeWidgetItem] = []

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

        self._cached = QSlider(Qt.Orientation.Horizontal, self)
        self._cached.setObjectName("cachedShareSlider")
        self._cached.setRange(0, 100)
        self._cached.setPageStep(10)
        self._cached.setTickPosition(QSlider.TickPosition.TicksBelow)
        self._cached.setTickInterval(10)
        self._cached.setToolTip(
            "Share of the input tokens served from the provider's prompt cache, billed "
            "at the cached-input price (the input price where a model has none)."
        )
        self._cached.setAccessibleName("Cached share of input")
        self._cached.setAccessibleDescription(
            "0 to 100 percent of the input tokens, billed at the cached-input price."
        )
        self._cached_label = QLabel(self)
        self._cached_label.setObjectName("cachedShareLabel")
        self._cached_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._cached_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("100.0 %") + 4)
        cached_caption = QLabel("&Cached share of input", self)
        cached_caption.setBuddy(self._cached)

        self._reasoning = QDoubleSpinBox(self)
        self._reasoning.setObjectName("reasoningOverheadSpin")
        self._reasoning.setRange(1.0, MAX_REASONING_OVERHEAD)
        self._reasoning.setDecimals(2)
        self._reasoning.setSingleStep(0.25)
        self._reasoning.setSuffix("×")
        self._reasoning.setSpecialValueText("none")
        self._reasoning.setToolTip(REASONING_HELP)
        self._reasoning.setAccessibleName("Reasoning overhead")
        self._reasoning.setAccessibleDescription(REASONING_HELP)
        self._reasoning.setKeyboardTracking(False)
        reasoning_label = QLabel("&Reasoning overhead:", self)
        reasoning_label.setBuddy(self._reasoning)
        reasoning_label.setToolTip(REASONING_HELP)

        self.price_date = PriceDateControl(self)
        self.currency_control = CurrencyControl(self)
        self._rate_label = QLabel(self)
        self._rate_label.setObjectName("exchangeRateLabel")
        self._rate_label.setWordWrap(True)
        self._rate_label.setVisible(False)

        self._costs = QTreeWidget(self)
        self._costs.setObjectName("costList")
        self._costs.setColumnCount(3)
        self._costs.setHeaderLabels(["Model", "Cost / month", "vs cheapest"])
        self._costs.setAccessibleName("Monthly cost per compared model")
        self._costs.setAccessibleDescription(
            "Each compared model's cost for the workload above, cheapest first, and its "
            "ratio to the cheapest."
        )
        self._costs.setRootIsDecorated(False)
        self._costs.setUniformRowHeights(True)
        self._costs.setAlternatingRowColors(True)
        self._costs.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._costs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._costs.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self._costs.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths fitted by _fit_columns: ResizeToContents re-measures every row
        # on every setText and made an update 30 times slower.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionsMovable(False)
        self._costs.headerItem().setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        self._costs.headerItem().setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
        self._costs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._empty = QLabel("Select models to compare their monthly cost.", self)
        self._empty.setObjectName("costListEmpty")
        self._empty.setWordWrap(True)
        self._empty.setEnabled(False)
        costs_caption = QLabel("Monthly cost", self)
        bold = costs_caption.font()
        bold.setBold(True)
        costs_caption.setFont(bold)

        self._build_layout(preset_label, cached_caption, reasoning_label, costs_caption)
        self._connect()
        self.set_scenario(self._scenario)
        self.show_costs([], np.empty(0), "USD")

    def _build_layout(
        self,
        preset_label: QLabel,
        cached_caption: QLabel,
        reasoning_label: QLabel,
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

        reasoning_row = QHBoxLayout()
        reasoning_row.addWidget(reasoning_label)
        reasoning_row.addWidget(self._reasoning)
        reasoning_row.addStretch(1)
        layout.addLayout(reasoning_row)
        layout.addWidget(self.price_date)
        layout.addWidget(self.currency_control)

        layout.addSpacing(6)
        layout.addWidget(costs_caption)
        layout.addWidget(self._costs, 100)
        layout.addWidget(self._rate_label)
        layout.addWidget(self._empty)
        layout.addStretch(1)

    def _connect(self) -> None:
        self._preset.activated.connect(self._on_preset)
        for control in (self._input, self._output):
            control.slider.valueChanged.connect(
                lambda position, c=control: self._on_slider(c, position)
            )
            control.edit.editingFinished.connect(lambda c=control: self._on_edit(c))
        self._cached.valueChanged.connect(self._on_cached)
        self._reasoning.valueChanged.connect(self._on_reasoning)
        self.currency_control.currencyChanged.connect(lambda code: self._change(currency=code))

    # --- the scenario ------------------------------------------------------------------

    def scenario(self) -> Scenario:
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        """Show ``scenario`` in every control; emits nothing."""
        self._scenario = scenario
        self._input.show_volume(scenario.input_tokens)
        self._output.show_volume(scenario.output_tokens)
        self._show_cached_share(scenario.cached_share)
        with QSignalBlocker(self._reasoning):
            if scenario.reasoning_overhead > self._reasoning.maximum():
                self._reasoning.setMaximum(scenario.reasoning_overhead)
            self._reasoning.setValue(scenario.reasoning_overhead)
        with QSignalBlocker(self._preset):
            self._preset.setCurrentIndex(_preset_index(scenario))
        self.currency_control.set_currency(scenario.currency)

    def _show_cached_share(self, share: float) -> None:
        with QSignalBlocker(self._cached):
            self._cached.setValue(round(share * 100))
        self._cached_label.setText(percent_text(share))

    def _change(self, **changes: Any) -> None:
        """Apply a user's change: back to the Custom preset, and emit the new scenario."""
        scenario = dataclasses.replace(self._scenario, **changes)
        if scenario == self._scenario:
            return
        self._scenario = scenario
        with QSignalBlocker(self._preset):
            self._preset.setCurrentIndex(0)
        self.scenarioChanged.emit(scenario)

    def _field(self, control: TokenVolumeControl) -> str:
        return "input_tokens" if control is self._input else "output_tokens"

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
        except TokenVolumeError as error:
            control.show_error(f"Not applied: {error}")
            return
        control.show_volume(volume)
        self._change(**{self._field(control): volume})

    def _on_cached(self, percent: int) -> None:
        share = percent / 100
        self._cached_label.setText(percent_text(share))
        self._change(cached_share=share)

    def _on_reasoning(self, value: float) -> None:
        self._change(reasoning_overhead=max(value, 1.0))

    def set_models(self, models: Sequence[Model]) -> None:
        """The models whose runs the "like an Aider run" workload offers."""
        self._runs = run_choices(models)
        self._enable_run_preset()

    def _enable_run_preset(self) -> None:
        item = self._preset.model().item(self._run_index)  # type: ignore[attr-defined]
        item.setEnabled(bool(self._runs))

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
        preset = PRESETS[index - 1]
        scenario = dataclasses.replace(
            self._scenario,
            input_tokens=preset.input_tokens,
            output_tokens=preset.output_tokens,
            cached_share=preset.cached_share,
        )
        changed = scenario != self._scenario
        self.set_scenario(scenario)
        with QSignalBlocker(self._preset):
            self._preset.setCurrentIndex(index)
        if changed:
            self.scenarioChanged.emit(scenario)

    # --- costs -------------------------------------------------------------------------

    def show_costs(self, names: Sequence[str], totals: np.ndarray, currency: str) -> None:
        """Show each model's monthly cost, the cheapest marked, and ratios to it.

        Rows are reused when ``names`` did not change, so this is cheap enough
        for every slider tick.
        """
        totals = np.asarray(totals, dtype=float)
        if len(totals) != len(names):
            raise ValueError(f"{len(names)} names but {len(totals)} totals")
        names = tuple(names)
        if names != self._names:
            self._rebuild_rows(names)
        cheapest_rows = cheapest_mask(totals)
        free_rows = free_mask(totals)
        lowest = float(totals[cheapest_rows][0]) if cheapest_rows.any() else math.nan
        for item, total, cheapest, free in zip(
            self._items, totals.tolist(), cheapest_rows.tolist(), free_rows.tolist(), strict=True
        ):
            if cheapest:
                ratio = "cheapest"
            elif free:
                ratio = "free"
            elif math.isfinite(lowest) and math.isfinite(total):
                ratio = ratio_text(total / lowest)
            else:
                ratio = "—"
            _set_text(item, 1, money_text(total, currency))
            _set_text(item, 2, ratio)
            exact = f"{total:,.6f}" if abs(total) < 1e9 else f"{total:,.12g}"  # no float noise
            item.setToolTip(1, f"{exact} {currency} a month")
            if item.font(0).bold() != cheapest:
                font = QFont(item.font(0))
                font.setBold(cheapest)
                for column in range(3):
                    item.setFont(column, font)
        self._fit_columns()

    def set_currencies(self, store: Store) -> None:
        """The display currencies the store has rates for."""
        self.currency_control.set_store(store, self._scenario.currency)

    def show_rate_note(self, text: str | None) -> None:
        """The exchange rates the costs were converted with, and their date (hidden: none)."""
        self._rate_label.setText(f"Converted at {text}" if text else "")
        self._rate_label.setVisible(bool(text))

    def rate_note(self) -> str:
        return self._rate_label.text()

    def _fit_columns(self) -> None:
        """Fit the cost and ratio columns to their texts.

        While a slider is dragged they only widen, so the list does not jitter;
        any other change fits them exactly, so a huge value typed once does not
        leave the columns stretched after a normal one returns.
        """
        dragging = any(
            slider.isSliderDown() for slider in (self._input.slider, self._output.slider)
        )
        header = self._costs.header()
        font = QFont(self._costs.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        padding = 2 * self._costs.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        for column in (1, 2):
            texts = [item.text(column) for item in self._items]
            texts.append(self._costs.headerItem().text(column))
            width = max(metrics.horizontalAdvance(text) for text in texts) + padding
            if width > header.sectionSize(column) or (
                not dragging and width != header.sectionSize(column)
            ):
                header.resizeSection(column, width)

    def _rebuild_rows(self, names: tuple[str, ...]) -> None:
        self._names = names
        self._costs.clear()
        items = []
        for name in names:
            item = QTreeWidgetItem([name, "", ""])
            item.setToolTip(0, name)
            item.setToolTip(2, RATIO_HELP)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        self._items = items
        for column in (1, 2):
            self._costs.header().resizeSection(column, 0)  # refitted by show_costs
        self._costs.addTopLevelItems(items)
        self._costs.setVisible(bool(names))
        self._empty.setVisible(not names)
        self._fit_cost_list()

    def _fit_cost_list(self) -> None:
        """Make the list as tall as its rows (up to :data:`VISIBLE_COST_ROWS`), no taller."""
        rows = min(max(self._costs.topLevelItemCount(), 1), VISIBLE_COST_ROWS)
        row_height = self._costs.sizeHintForRow(0)
        if row_height <= 0:
            row_height = self._costs.fontMetrics().height() + 4
        height = (
            self._costs.header().sizeHint().height()
            + rows * row_height
            + 2 * self._costs.frameWidth()
            + 2
        )
        self._costs.setMaximumHeight(height)
        self._costs.setMinimumHeight(min(height, 3 * row_height + 40))

    def cost_rows(self) -> list[tuple[str, str, str]]:
        """The cost list as shown: (model, cost, ratio) texts, for tests and copying."""
        return [(item.text(0), item.text(1), item.text(2)) for item in self._items]


def _set_text(item: QTreeWidgetItem, column: int, text: str) -> None:
    if item.text(column) != text:
        item.setText(column, text)


def _preset_index(scenario: Scenario) -> int:
    for index, preset in enumerate(PRESETS, start=1):
        if (preset.input_tokens, preset.output_tokens, preset.cached_share) == (
            scenario.input_tokens,
            scenario.output_tokens,
            scenario.cached_share,
        ):
            return index
    return 0
