"""The calculator's Advanced section: prompt size, cache writes, tier, off-peak, reasoning."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QLabel, QToolButton, QWidget

from ...domain.cost import Scenario
from .controls import TokenVolumeControl, choice_combo, share_label, share_slider, show_share

MAX_REASONING_OVERHEAD = 10.0

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


class AdvancedSection:
    """The Advanced toggle and the section it opens; the calculator lays out and connects them."""

    def __init__(self, parent: QWidget) -> None:
        self.toggle = QToolButton(parent)
        self.toggle.setObjectName("advancedToggle")
        self.toggle.setText("&Advanced")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleName("Advanced workload settings")
        self.toggle.setToolTip(
            "Prompt size per request, cache writes, service tier, off-peak share and "
            "reasoning overhead"
        )
        self.widget = QWidget(parent)
        self.widget.setObjectName("advancedSection")
        self.widget.setVisible(False)
        section = self.widget

        self.prompt = TokenVolumeControl(
            section,
            "promptTokens",
            "&Prompt tokens / request",
            with_slider=False,
            help_text=PROMPT_HELP,
            placeholder="e.g. 10K",
        )
        self.cache_write = share_slider(
            section, "cacheWriteShare", "Cache-write share of input", CACHE_WRITE_HELP
        )
        self.cache_write_label = share_label(section, "cacheWriteShareLabel")
        self.cache_write_caption = QLabel("Cache-&write share of input", section)
        self.cache_write_caption.setBuddy(self.cache_write)

        self.ttl = choice_combo(
            section, "cacheTtlCombo", "Cache lifetime", CACHE_TTLS, CACHE_TTL_HELP
        )
        self.ttl_label = QLabel("Cache &lifetime:", section)
        self.ttl_label.setBuddy(self.ttl)

        self.tier = choice_combo(
            section, "serviceTierCombo", "Service tier", SERVICE_TIERS, SERVICE_TIER_HELP
        )
        self.tier_label = QLabel("&Service tier:", section)
        self.tier_label.setBuddy(self.tier)

        self.off_peak = share_slider(
            section, "offPeakShare", "Off-peak share of traffic", OFF_PEAK_HELP
        )
        self.off_peak_label = share_label(section, "offPeakShareLabel")
        self.off_peak_caption = QLabel("O&ff-peak share of traffic", section)
        self.off_peak_caption.setBuddy(self.off_peak)

        self.reasoning = QDoubleSpinBox(section)
        self.reasoning.setObjectName("reasoningOverheadSpin")
        self.reasoning.setRange(1.0, MAX_REASONING_OVERHEAD)
        self.reasoning.setDecimals(2)
        self.reasoning.setSingleStep(0.25)
        self.reasoning.setSuffix("×")
        self.reasoning.setSpecialValueText("none")
        self.reasoning.setToolTip(REASONING_HELP)
        self.reasoning.setAccessibleName("Reasoning overhead")
        self.reasoning.setAccessibleDescription(REASONING_HELP)
        self.reasoning.setKeyboardTracking(False)
        self.reasoning_label = QLabel("&Reasoning overhead:", section)
        self.reasoning_label.setBuddy(self.reasoning)
        self.reasoning_label.setToolTip(REASONING_HELP)

        grid = QGridLayout(section)
        grid.setContentsMargins(12, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.prompt.caption, 0, 0)
        grid.addWidget(self.prompt.edit, 0, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.prompt.error, 1, 0, 1, 3)
        grid.addWidget(self.cache_write_caption, 2, 0, 1, 3)
        grid.addWidget(self.cache_write, 3, 0, 1, 2)
        grid.addWidget(self.cache_write_label, 3, 2)
        grid.addWidget(self.ttl_label, 4, 0)
        grid.addWidget(self.ttl, 4, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.tier_label, 5, 0)
        grid.addWidget(self.tier, 5, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.off_peak_caption, 6, 0, 1, 3)
        grid.addWidget(self.off_peak, 7, 0, 1, 2)
        grid.addWidget(self.off_peak_label, 7, 2)
        grid.addWidget(self.reasoning_label, 8, 0)
        grid.addWidget(self.reasoning, 8, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def set_open(self, open_: bool) -> None:
        """Open or close the section; emits nothing (for restoring settings)."""
        with QSignalBlocker(self.toggle):
            self.toggle.setChecked(open_)
        self.show_open(open_)

    def show_open(self, open_: bool) -> None:
        self.widget.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    def show_scenario(self, scenario: Scenario) -> None:
        """Show the scenario's advanced knobs in every control; emits nothing."""
        self.prompt.show_volume(scenario.prompt_tokens)
        show_share(self.cache_write, self.cache_write_label, scenario.cache_write_share)
        show_share(self.off_peak, self.off_peak_label, scenario.off_peak_share)
        for combo, value in ((self.ttl, scenario.cache_ttl), (self.tier, scenario.service_tier)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(combo.findData(value), 0))
        with QSignalBlocker(self.reasoning):
            if scenario.reasoning_overhead > self.reasoning.maximum():
                self.reasoning.setMaximum(scenario.reasoning_overhead)
            self.reasoning.setValue(scenario.reasoning_overhead)
