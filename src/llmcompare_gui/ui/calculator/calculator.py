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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.amounts import large_amount
from ...domain.cost import Scenario, ScenarioError, cheapest_mask, free_mask, ratio_to_cheapest
from ...domain.model import BenchmarkRun, Model, Store
from ...domain.parsing import parse_token_volume
from ...domain.task_cost import run_workload
from ...domain.tokens import TokenVolumeError, format_token_volume
from ..table.price_date import PriceDateControl
from .currency import CurrencyControl
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

PROMPT_HELP = (
    "Input tokens in each request (the prompt, cached tokens included): the number of "
    "requests is the monthly input divided by it, and a prompt above a model's "
    "long-context threshold is priced wholly at that tier. Same syntax as the volumes "
    "(10k, 250K, 1M); applied on Enter or when you leave the field."
)

CACHE_WRITE_HELP = (
    "Share of the input tokens written into the provider's prompt cache, billed at the "
    "cache-write price (the input price where a model has none). The cached share and "
    "the cache-write share together cannot exceed 100 %."
)

CACHE_TTL_HELP = (
    "How long written cache entries live: 5 minutes (the default price) or 1 hour "
    "(a higher cache-write price where a model has one)."
)

SERVICE_TIER_HELP = (
    "Service tier: batch, flex and priority have their own prices; a model that does "
    "not offer the tier is priced at standard, and its tooltip says so."
)

OFF_PEAK_HELP = (
    "Share of the traffic sent in a model's off-peak hours, billed at its off-peak "
    "prices (standard tier only; models without off-peak prices are unaffected)."
)

SERVICE_TIERS = (
    ("standard", "Standard"),
    ("batch", "Batch"),
    ("flex", "Flex"),
    ("priority", "Priority"),
)
CACHE_TTLS = (("5m", "5 minutes"), ("1h", "1 hour"))

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
    """An exact-value editor and an error line for one volume, with a log slider or without."""

    def __init__(
        self,
        parent: QWidget,
        name: str,
        caption: str,
        *,
        with_slider: bool = True,
        help_text: str = TOKEN_SYNTAX_HELP,
        placeholder: str = "e.g. 10M",
    ) -> None:
        self.caption = QLabel(caption, parent)
        caption = caption.replace("&", "")  # the mnemonic is for the label only
        self.help_text = help_text
        self.slider: QSlider | None = None
        if with_slider:
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
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 13)
        self.edit.setToolTip(help_text)
        self.edit.setAccessibleName(f"{caption}, exact value" if with_slider else caption)
        self.edit.setAccessibleDescription(help_text)
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
        if move_slider and self.slider is not None:
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
        self.edit.setToolTip(self.help_text)
        self.error.clear()
        self.error.setVisible(False)


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
        self._names: tuple[str, ...] = ()
        self._items: list[QTreeWidgetItem] = []
        self._notes: list[str] = []
        self._hidden_components: list[bool] = [True] * len(COMPONENTS)

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

        self._cached = _share_slider(
            self,
            "cachedShare",
            "Cached share of input",
            "Share of the input tokens served from the provider's prompt cache, billed "
            "at the cached-input price (the input price where a model has none).",
        )
        self._cached.setAccessibleDescription(
            "0 to 100 percent of the input tokens, billed at the cached-input price."
        )
        self._cached_label = _share_label(self, "cachedShareLabel")
        cached_caption = QLabel("&Cached share of input", self)
        cached_caption.setBuddy(self._cached)

        self._build_advanced()

        self.price_date = PriceDateControl(self)
        self.currency_control = CurrencyControl(self)
        self._rate_label = QLabel(self)
        self._rate_label.setObjectName("exchangeRateLabel")
        self._rate_label.setWordWrap(True)
        self._rate_label.setVisible(False)

        self._costs = QTreeWidget(self)
        self._costs.setObjectName("costList")
        self._costs.setAccessibleName("Monthly cost per compared model")
        self._costs.setAccessibleDescription(
            "Each compared model's cost for the workload above, cheapest first, and its "
            "ratio to the cheapest, then a column for each part of the cost that is not zero."
        )
        self._costs.setColumnCount(FIRST_COMPONENT_COLUMN + len(COMPONENTS))
        self._costs.setHeaderLabels(
            ["Model", "Cost / month", "vs cheapest", *(label for _key, label in COMPONENTS)]
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
        for column in range(1, self._costs.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self._costs.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        header.setSectionsMovable(False)
        for offset, (_key, label) in enumerate(COMPONENTS):
            column = FIRST_COMPONENT_COLUMN + offset
            self._costs.headerItem().setToolTip(
                column, f"{label}: this part of the monthly cost (shown where not zero)"
            )
            self._costs.setColumnHidden(column, True)
        self._costs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
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

    def _build_advanced(self) -> None:
        """The collapsed section: prompt size, cache writes, service tier, off-peak, reasoning."""
        self._advanced_toggle = QToolButton(self)
        self._advanced_toggle.setObjectName("advancedToggle")
        self._advanced_toggle.setText("&Advanced")
        self._advanced_toggle.setCheckable(True)
        self._advanced_toggle.setAutoRaise(True)
        self._advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self._advanced_toggle.setAccessibleName("Advanced workload settings")
        self._advanced_toggle.setToolTip(
            "Prompt size per request, cache writes, service tier, off-peak share and "
            "reasoning overhead"
        )
        self._advanced = QWidget(self)
        self._advanced.setObjectName("advancedSection")
        self._advanced.setVisible(False)
        section = self._advanced

        self._prompt = TokenVolumeControl(
            section,
            "promptTokens",
            "&Prompt tokens / request",
            with_slider=False,
            help_text=PROMPT_HELP,
            placeholder="e.g. 10K",
        )
        self._cache_write = _share_slider(
            section, "cacheWriteShare", "Cache-write share of input", CACHE_WRITE_HELP
        )
        self._cache_write_label = _share_label(section, "cacheWriteShareLabel")
        self._cache_write_caption = QLabel("Cache-&write share of input", section)
        self._cache_write_caption.setBuddy(self._cache_write)

        self._ttl = _combo(section, "cacheTtlCombo", "Cache lifetime", CACHE_TTLS, CACHE_TTL_HELP)
        self._ttl_label = QLabel("Cache &lifetime:", section)
        self._ttl_label.setBuddy(self._ttl)

        self._tier = _combo(
            section, "serviceTierCombo", "Service tier", SERVICE_TIERS, SERVICE_TIER_HELP
        )
        self._tier_label = QLabel("&Service tier:", section)
        self._tier_label.setBuddy(self._tier)

        self._off_peak = _share_slider(
            section, "offPeakShare", "Off-peak share of traffic", OFF_PEAK_HELP
        )
        self._off_peak_label = _share_label(section, "offPeakShareLabel")
        self._off_peak_caption = QLabel("O&ff-peak share of traffic", section)
        self._off_peak_caption.setBuddy(self._off_peak)

        self._reasoning = QDoubleSpinBox(section)
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
        self._reasoning_label = QLabel("&Reasoning overhead:", section)
        self._reasoning_label.setBuddy(self._reasoning)
        self._reasoning_label.setToolTip(REASONING_HELP)

        grid = QGridLayout(section)
        grid.setContentsMargins(12, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(3)
        grid.addWidget(self._prompt.caption, 0, 0)
        grid.addWidget(self._prompt.edit, 0, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._prompt.error, 1, 0, 1, 3)
        grid.addWidget(self._cache_write_caption, 2, 0, 1, 3)
        grid.addWidget(self._cache_write, 3, 0, 1, 2)
        grid.addWidget(self._cache_write_label, 3, 2)
        grid.addWidget(self._ttl_label, 4, 0)
        grid.addWidget(self._ttl, 4, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._tier_label, 5, 0)
        grid.addWidget(self._tier, 5, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._off_peak_caption, 6, 0, 1, 3)
        grid.addWidget(self._off_peak, 7, 0, 1, 2)
        grid.addWidget(self._off_peak_label, 7, 2)
        grid.addWidget(self._reasoning_label, 8, 0)
        grid.addWidget(self._reasoning, 8, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)

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

        layout.addWidget(self._advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._advanced)
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
        self._preset.activated.connect(self._on_preset)
        for control in (self._input, self._output):
            assert control.slider is not None
            control.slider.valueChanged.connect(
                lambda position, c=control: self._on_slider(c, position)
            )
        for control in (self._input, self._output, self._prompt):
            control.edit.editingFinished.connect(lambda c=control: self._on_edit(c))
        self._cached.valueChanged.connect(self._on_cached)
        self._cache_write.valueChanged.connect(self._on_cache_write)
        self._off_peak.valueChanged.connect(self._on_off_peak)
        self._ttl.activated.connect(lambda index: self._change(cache_ttl=self._ttl.itemData(index)))
        self._tier.activated.connect(
            lambda index: self._change(service_tier=self._tier.itemData(index))
        )
        self._reasoning.valueChanged.connect(self._on_reasoning)
        self.currency_control.currencyChanged.connect(lambda code: self._change(currency=code))
        self._advanced_toggle.toggled.connect(self._on_advanced_toggled)

    # --- the Advanced section ------------------------------------------------------------

    def advanced_open(self) -> bool:
        return self._advanced_toggle.isChecked()

    def set_advanced_open(self, open_: bool) -> None:
        """Open or close the Advanced section; emits nothing (for restoring settings)."""
        with QSignalBlocker(self._advanced_toggle):
            self._advanced_toggle.setChecked(open_)
        self._show_advanced(open_)

    def _show_advanced(self, open_: bool) -> None:
        self._advanced.setVisible(open_)
        self._advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow
        )

    def _on_advanced_toggled(self, open_: bool) -> None:
        self._show_advanced(open_)
        self.advancedToggled.emit(open_)

    # --- the scenario ------------------------------------------------------------------

    def scenario(self) -> Scenario:
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        """Show ``scenario`` in every control; emits nothing."""
        self._scenario = scenario
        self._input.show_volume(scenario.input_tokens)
        self._output.show_volume(scenario.output_tokens)
        self._prompt.show_volume(scenario.prompt_tokens)
        _show_share(self._cached, self._cached_label, scenario.cached_share)
        _show_share(self._cache_write, self._cache_write_label, scenario.cache_write_share)
        _show_share(self._off_peak, self._off_peak_label, scenario.off_peak_share)
        for combo, value in ((self._ttl, scenario.cache_ttl), (self._tier, scenario.service_tier)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(combo.findData(value), 0))
        with QSignalBlocker(self._reasoning):
            if scenario.reasoning_overhead > self._reasoning.maximum():
                self._reasoning.setMaximum(scenario.reasoning_overhead)
            self._reasoning.setValue(scenario.reasoning_overhead)
        with QSignalBlocker(self._preset):
            self._preset.setCurrentIndex(_preset_index(scenario))
        self.currency_control.set_currency(scenario.currency)

    def _change(self, **changes: object) -> None:
        """Apply a user's change: back to the Custom preset, and emit the new scenario."""
        try:
            scenario = dataclasses.replace(self._scenario, **changes)  # type: ignore[arg-type]
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
            if control is self._prompt and not volume > 0:
                raise TokenVolumeError(f"{text.strip()!r}: a prompt needs at least one token")
        except TokenVolumeError as error:
            control.show_error(f"Not applied: {error}")
            return
        control.show_volume(volume)
        self._change(**{self._field(control): volume})

    def _on_cached(self, percent: int) -> None:
        share = _fitting_share(percent, self._scenario.cache_write_share)
        _show_share(self._cached, self._cached_label, share)
        self._change(cached_share=share)

    def _on_cache_write(self, percent: int) -> None:
        share = _fitting_share(percent, self._scenario.cached_share)
        _show_share(self._cache_write, self._cache_write_label, share)
        self._change(cache_write_share=share)

    def _on_off_peak(self, percent: int) -> None:
        share = percent / 100
        _show_share(self._off_peak, self._off_peak_label, share)
        self._change(off_peak_share=share)

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
            cache_write_share=min(self._scenario.cache_write_share, 1.0 - preset.cached_share),
        )
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

        ``components`` maps the keys of :data:`COMPONENTS` to each model's part of
        the cost (a column per part that is not zero for every model); ``notes``
        says per model which rule priced it (its rows' tooltips). Rows are reused
        when ``names`` did not change, so this is cheap enough for every slider tick.
        """
        totals = np.asarray(totals, dtype=float)
        if len(totals) != len(names):
            raise ValueError(f"{len(names)} names but {len(totals)} totals")
        names = tuple(names)
        if names != self._names:
            self._rebuild_rows(names)
        cheapest_rows = cheapest_mask(totals)
        free_rows = free_mask(totals)
        ratios = ratio_to_cheapest(totals).tolist()
        for item, total, to_cheapest, cheapest, free in zip(
            self._items,
            totals.tolist(),
            ratios,
            cheapest_rows.tolist(),
            free_rows.tolist(),
            strict=True,
        ):
            if cheapest:
                ratio = "cheapest"
            elif free:
                ratio = "free"
            elif math.isfinite(to_cheapest):
                ratio = ratio_text(to_cheapest)
            else:
                ratio = "—"
            _set_text(item, 1, money_text(total, currency))
            _set_text(item, 2, ratio)
            exact = f"{total:,.6f}" if abs(total) < 1e9 else f"{total:,.12g}"  # no float noise
            item.setToolTip(1, f"{exact} {currency} a month")
            if item.font(0).bold() != cheapest:
                font = QFont(item.font(0))
                font.setBold(cheapest)
                for column in range(self._costs.columnCount()):
                    item.setFont(column, font)
        self._show_components(components or {}, currency)
        self._show_notes(list(notes) if notes is not None else [""] * len(names))
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

    def _show_components(self, components: Mapping[str, np.ndarray], currency: str) -> None:
        for offset, (key, _label) in enumerate(COMPONENTS):
            column = FIRST_COMPONENT_COLUMN + offset
            values = components.get(key)
            hidden = values is None or not len(self._items) or not np.any(values)
            if hidden != self._hidden_components[offset]:
                self._hidden_components[offset] = hidden
                self._costs.setColumnHidden(column, hidden)
                self._fit_name_column()
            if hidden or values is None:
                continue
            if len(values) != len(self._items):
                raise ValueError(f"{len(self._items)} names but {len(values)} {key} costs")
            for item, value in zip(
                self._items, np.asarray(values, dtype=float).tolist(), strict=True
            ):
                _set_text(item, column, money_text(value, currency))

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
            for column in range(FIRST_COMPONENT_COLUMN, self._costs.columnCount()):
                item.setToolTip(column, rule)

    def _fit_columns(self) -> None:
        """Fit the cost and ratio columns to their texts.

        While a slider is dragged they only widen, so the list does not jitter;
        any other change fits them exactly, so a huge value typed once does not
        leave the columns stretched after a normal one returns.
        """
        dragging = any(
            slider is not None and slider.isSliderDown()
            for slider in (
                self._input.slider,
                self._output.slider,
                self._cache_write,
                self._off_peak,
            )
        )
        header = self._costs.header()
        font = QFont(self._costs.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        padding = 2 * self._costs.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        for column in range(1, self._costs.columnCount()):
            if self._costs.isColumnHidden(column):
                continue
            texts = [item.text(column) for item in self._items]
            texts.append(self._costs.headerItem().text(column))
            width = max(metrics.horizontalAdvance(text) for text in texts) + padding
            if width > header.sectionSize(column) or (
                not dragging and width != header.sectionSize(column)
            ):
                header.resizeSection(column, width)

    def _fit_name_column(self) -> None:
        """Names take the spare width, unless component columns are shown: then they keep
        their own width (up to :data:`NAME_COLUMN_MAX` pixels) and the parts scroll."""
        header = self._costs.header()
        self._fit_cost_list()
        if all(self._hidden_components):
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            return
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        font = QFont(self._costs.font())
        font.setBold(True)  # the cheapest row is bold, and any row may become the cheapest
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(name) for name in self._names), default=0)
        header.resizeSection(0, min(max(widest, 60) + 16, NAME_COLUMN_MAX))

    def _rebuild_rows(self, names: tuple[str, ...]) -> None:
        self._names = names
        self._notes = []
        self._costs.clear()
        items = []
        columns = self._costs.columnCount()
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
            self._costs.header().resizeSection(column, 0)  # refitted by show_costs
        self._costs.addTopLevelItems(items)
        self._costs.setVisible(bool(names))
        self._empty.setVisible(not names)
        self._fit_name_column()
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
        if not all(self._hidden_components):  # the parts' columns may scroll sideways
            height += self._costs.horizontalScrollBar().sizeHint().height()
        self._costs.setMaximumHeight(height)
        self._costs.setMinimumHeight(min(height, 3 * row_height + 40))

    def cost_rows(self) -> list[tuple[str, str, str]]:
        """The cost list as shown: (model, cost, ratio) texts, for tests and copying."""
        return [(item.text(0), item.text(1), item.text(2)) for item in self._items]

    def component_rows(self) -> list[dict[str, str]]:
        """Each row's shown cost components by column title (only the visible columns)."""
        shown = [
            (FIRST_COMPONENT_COLUMN + offset, label)
            for offset, (_key, label) in enumerate(COMPONENTS)
            if not self._costs.isColumnHidden(FIRST_COMPONENT_COLUMN + offset)
        ]
        return [{label: item.text(column) for column, label in shown} for item in self._items]

    def row_rules(self) -> list[str]:
        """Each row's tooltip line saying which price rule priced it."""
        return [item.toolTip(FIRST_COMPONENT_COLUMN) for item in self._items]


PLAIN_CARD_NOTE = "Priced at the model's own card"


def _share_slider(parent: QWidget, name: str, accessible: str, tip: str) -> QSlider:
    """A 0–100 % slider with its names for assistive technology."""
    slider = QSlider(Qt.Orientation.Horizontal, parent)
    slider.setObjectName(f"{name}Slider")
    slider.setRange(0, 100)
    slider.setPageStep(10)
    slider.setTickPosition(QSlider.TickPosition.TicksBelow)
    slider.setTickInterval(10)
    slider.setToolTip(tip)
    slider.setAccessibleName(accessible)
    slider.setAccessibleDescription(tip)
    return slider


def _share_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance("100.0 %") + 4)
    return label


def _combo(
    parent: QWidget, name: str, accessible: str, choices: Sequence[tuple[str, str]], tip: str
) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for value, text in choices:
        combo.addItem(text, value)
    combo.setToolTip(tip)
    combo.setAccessibleName(accessible)
    combo.setAccessibleDescription(tip)
    return combo


def _show_share(slider: QSlider, label: QLabel, share: float) -> None:
    with QSignalBlocker(slider):
        slider.setValue(round(share * 100))
    label.setText(percent_text(share))


def _fitting_share(percent: int, other: float) -> float:
    """``percent`` as a share, cut so that it and ``other`` add up to at most 1."""
    share = min(percent / 100, 1.0 - other)
    while share + other > 1.0:  # float rounding of 1 − other
        share = math.nextafter(share, 0.0)
    return max(share, 0.0)


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
