"""The add / edit model form: every field of a model, validated on OK.

Editing never loses what the form does not show. The result is built from a
copy of the original model's own fields (``model_dump(exclude_unset=True)``:
unknown extra fields, price history, per-figure sources…), and a field of it
is only touched where the user changed what the form showed. A field the
original did not have is only added when the user fills it in, so a store
saved with ``exclude_unset=True`` gains no empty defaults.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import math
import re
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.limits import MAX_PARAMS_B, MAX_PRICE_PER_MTOK, MAX_SCORE
from ...domain.model import Model, Source, Store
from ...domain.parsing import parse_token_volume
from ...domain.price_edit import USER_SOURCE_TITLE, user_priced
from ...domain.tokens import TokenVolumeError, format_token_volume

Data = dict[str, Any]

ORIGINAL_ROLE = Qt.ItemDataRole.UserRole
"""Column 0 of a list row: the index of the original entry (or -1), or a benchmark id."""
INITIAL_ROLE = Qt.ItemDataRole.UserRole + 1
"""Every list cell: the text (or check state) it was opened with."""

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD"

KINDS = (("unknown", None), ("MoE (Mixture of Experts)", "moe"), ("dense", "dense"))
OPEN_WEIGHTS = (("unknown", None), ("yes", True), ("no", False))


# --- text ↔ value ---------------------------------------------------------------------


def number_text(value: float | None) -> str:
    """A number as the shortest text that reads back as exactly the same float."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def parse_number(
    text: str,
    field: str,
    *,
    minimum: float | None = None,
    positive: bool = False,
    maximum: float | None = None,
) -> float:
    cleaned = text.strip().replace("_", "")
    try:
        value = float(cleaned)
    except ValueError:
        if _DECIMAL_COMMA.match(cleaned):
            # "1,5" would be 15 or 1.5 depending on who reads it: refuse, with a hint.
            raise ValueError(
                f"{field}: {text.strip()!r}: write decimals with a point, e.g. 1.5"
            ) from None
        raise ValueError(f"{field}: {text.strip()!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{field}: {text.strip()!r} is not a finite number")
    if maximum is not None and value > maximum:
        raise ValueError(f"{field}: {text.strip()!r} is too large (at most {maximum:,.0f})")
    if positive and value <= 0:
        raise ValueError(f"{field}: must be greater than 0, not {number_text(value)}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{field}: cannot be negative ({number_text(value)})")
    return value


def parse_date(text: str, field: str) -> str:
    """Check an ISO date of the store's kinds (YYYY, YYYY-MM, YYYY-MM-DD) and return it."""
    value = text.strip()
    problem = f"{field}: {value!r} is not a date; write {DATE_HINT}"
    if not _DATE.match(value):
        raise ValueError(problem)
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(problem) from None
    return value


def parse_text(text: str, field: str) -> str:
    return text.strip()


# --- small helpers for the merge ------------------------------------------------------


def _sub(data: Data, key: str) -> Data:
    """A copy of ``data[key]`` if it is an object, else a new empty one."""
    value = data.get(key)
    return dict(value) if isinstance(value, dict) else {}


def _put_sub(data: Data, key: str, sub: Data) -> None:
    """Store ``sub`` under ``key`` where it holds something or was an object before.

    An empty ``sub`` leaves the key as it was: absent, or an explicit ``null``.
    """
    if sub or isinstance(data.get(key), dict):
        data[key] = sub


class _Line:
    """A line edit bound to one key: touched only when its text changed."""

    def __init__(
        self,
        widget: QLineEdit,
        label: str,
        parse: Callable[[str, str], Any],
        initial: str,
    ) -> None:
        self.widget = widget
        self.label = label
        self.parse = parse
        self.initial = initial
        widget.setText(initial)
        widget.setCursorPosition(0)  # long texts show their beginning

    @property
    def changed(self) -> bool:
        return self.widget.text() != self.initial

    @property
    def empty(self) -> bool:
        return not self.widget.text().strip()

    def value(self) -> Any:
        return self.parse(self.widget.text(), self.label)

    def apply(self, data: Data, key: str, *, required: bool = False) -> None:
        """Write the parsed value into ``data[key]``, or remove the key when cleared."""
        if not self.changed:
            return
        if self.empty:
            if required:
                raise ValueError(f"{self.label}: required")
            data.pop(key, None)
            return
        data[key] = self.value()

    def apply_quantity(self, data: Data, key: str) -> None:
        """Like :meth:`apply` for a Quantity: only its ``value``; note and source stay."""
        if not self.changed:
            return
        if self.empty:
            data.pop(key, None)
            return
        quantity = _sub(data, key)
        quantity["value"] = self.value()
        data[key] = quantity


class ModelFormDialog(QDialog):
    """Add a model to ``store``, or edit ``model`` (one of the store's) keeping what it holds."""

    def __init__(
        self, store: Store, model: Model | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("modelFormDialog")
        self._store = store
        self._original = model
        self._base: Data = model.model_dump(exclude_unset=True) if model is not None else {}
        self._accepted: Model | None = None
        self.setWindowTitle(f"Edit {model.name}" if model is not None else "Add a model")
        self.setMinimumSize(620, 540)
        self.setSizeGripEnabled(True)

        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("modelFormTabs")
        self._tabs.addTab(self._general_tab(), "&General")
        self._tabs.addTab(self._architecture_tab(), "&Architecture && modes")
        self._tabs.addTab(self._pricing_tab(), "&Pricing")
        self._tabs.addTab(self._tiers_tab(), "&Tiers && off-peak")
        self._tabs.addTab(self._benchmarks_tab(), "&Benchmarks")
        self._tabs.addTab(self._sources_tab(), "&Sources && notes")

        self._error = QLabel(self)
        self._error.setObjectName("formError")
        self._error.setWordWrap(True)
        self._error.setStyleSheet("color: #d32f2f;")
        self._error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error.setVisible(False)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        (self._id if model is None else self._name).widget.setFocus()

        layout = QVBoxLayout(self)
        layout.addWidget(self._tabs, 1)
        layout.addWidget(self._error)
        layout.addWidget(buttons)

    # --- building the tabs -------------------------------------------------------------

    def _line(
        self,
        name: str,
        label: str,
        initial: str,
        parse: Callable[[str, str], Any] = parse_text,
        *,
        placeholder: str = "",
        tooltip: str = "",
    ) -> _Line:
        widget = QLineEdit(self)
        widget.setObjectName(name)
        widget.setPlaceholderText(placeholder)
        if tooltip:
            widget.setToolTip(tooltip)
        widget.setAccessibleName(label)
        return _Line(widget, label, parse, initial)

    def _combo(self, name: str, choices: tuple[tuple[str, Any], ...], current: Any) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, value in choices:
            combo.addItem(text, value)
        index = 0
        if current is not None:
            index = next(
                (
                    i
                    for i, (_, value) in enumerate(choices)
                    if value is not None and value == current
                ),
                0,
            )
        combo.setCurrentIndex(index)
        combo.setProperty("initialIndex", index)
        return combo

    def _general_tab(self) -> QWidget:
        base = self._base
        page = QWidget(self)
        form = QFormLayout()
        self._id = self._line(
            "idEdit",
            "Id",
            base.get("id", ""),
            placeholder="e.g. kimi-k2",
            tooltip="Unique key of the model in the store, used by the command line.",
        )
        self._name = self._line("nameEdit", "Name", base.get("name", ""), placeholder="Kimi K2")
        self._vendor = self._line("vendorEdit", "Vendor", base.get("vendor") or "")
        self._family = self._line("familyEdit", "Family", base.get("family") or "")
        self._release = self._line(
            "releaseEdit", "Release", base.get("release") or "", parse_date, placeholder=DATE_HINT
        )
        self._license = self._line("licenseEdit", "Licence", base.get("license") or "")
        self._open_weights = self._combo("openWeightsCombo", OPEN_WEIGHTS, base.get("open_weights"))
        form.addRow("&Id:", self._id.widget)
        form.addRow("&Name:", self._name.widget)
        form.addRow("&Vendor:", self._vendor.widget)
        form.addRow("&Family:", self._family.widget)
        form.addRow("&Release:", self._release.widget)
        form.addRow("&Licence:", self._license.widget)
        form.addRow("Open &weights:", self._open_weights)

        positioning = _sub(base, "positioning")
        group = QGroupBox("Positioning", page)
        group_form = QFormLayout(group)
        self._focus = self._line(
            "primaryFocusEdit", "Primary focus", positioning.get("primary_focus") or ""
        )
        self._capability = self._line(
            "keyCapabilityEdit", "Key capability", positioning.get("key_capability") or ""
        )
        self._use_case = self._line(
            "targetUseCaseEdit", "Target use case", positioning.get("target_use_case") or ""
        )
        group_form.addRow("Primary f&ocus:", self._focus.widget)
        group_form.addRow("Key &capability:", self._capability.widget)
        group_form.addRow("&Target use case:", self._use_case.widget)

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addStretch(1)
        return page

    def _architecture_tab(self) -> QWidget:
        arch = _sub(self._base, "architecture")
        page = QWidget(self)
        form = QFormLayout()
        self._kind = self._combo("kindCombo", KINDS, arch.get("kind"))
        self._attention = self._line(
            "attentionEdit",
            "Attention",
            arch.get("attention") or "",
            placeholder="e.g. MLA (Multi-head Latent Attention)",
        )
        self._total = self._line(
            "totalParamsEdit",
            "Total parameters",
            number_text(_quantity(arch, "total_params_b")),
            _positive,
            placeholder="billions, e.g. 671",
        )
        self._active = self._line(
            "activeParamsEdit",
            "Active parameters",
            number_text(_quantity(arch, "active_params_b")),
            _positive,
            placeholder="billions, e.g. 37",
        )
        context = _quantity(arch, "context_window")
        self._context = self._line(
            "contextWindowEdit",
            "Context window",
            _volume_text(context) if context is not None else "",
            _context_window,
            placeholder="tokens, e.g. 128K or 131072",
            tooltip="Tokens: a number (131072) or with a suffix K, M (128K, 1M).",
        )
        self._arch_notes = self._line(
            "architectureNotesEdit", "Architecture notes", arch.get("notes") or ""
        )
        for line, key in ((self._total, "total_params_b"), (self._context, "context_window")):
            note = _sub(arch, key).get("note")
            if note:
                line.widget.setToolTip(f"Note kept with this figure: {note}")
        form.addRow("&Kind:", self._kind)
        form.addRow("A&ttention:", self._attention.widget)
        form.addRow("T&otal parameters (B):", self._total.widget)
        form.addRow("A&ctive parameters (B):", self._active.widget)
        form.addRow("Conte&xt window (tokens):", self._context.widget)
        form.addRow("&Notes:", self._arch_notes.widget)

        group = QGroupBox("Modes", page)
        self._modes = self._list_table(
            "modesTable",
            ["Name", "Reasoning", "Description"],
            [
                [m.get("name", ""), bool(m.get("reasoning", False)), m.get("description") or ""]
                for m in self._base.get("modes") or []
            ],
            stretch=2,
            check_columns={1},
        )
        self._modes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self._modes.setColumnWidth(0, 130)
        self._modes.setToolTip(
            "Operating modes, e.g. thinking / non-thinking. Tick Reasoning for a mode that "
            "spends extra output tokens on thinking (the calculator's reasoning overhead)."
        )
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self._modes)
        group_layout.addLayout(self._row_buttons(self._modes, "mode", {1}))

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(group, 1)
        return page

    def _pricing_tab(self) -> QWidget:
        pricing = _sub(self._base, "pricing")
        currency = self._store.currency
        page = QWidget(self)
        form = QFormLayout()
        self._input = self._line(
            "inputPriceEdit",
            "Input price",
            number_text(pricing.get("input_per_mtok")),
            _price,
            placeholder="e.g. 0.60",
        )
        self._cached = self._line(
            "cachedPriceEdit",
            "Cached input price",
            number_text(pricing.get("cached_input_per_mtok")),
            _price,
            placeholder="empty: same as input",
            tooltip="Price of input tokens served from cache; leave empty if the model "
            "has no cache discount (the input price applies).",
        )
        self._output = self._line(
            "outputPriceEdit",
            "Output price",
            number_text(pricing.get("output_per_mtok")),
            _price,
            placeholder="e.g. 2.50",
        )
        self._as_of = self._line(
            "priceAsOfEdit",
            "Prices as of",
            pricing.get("as_of") or "",
            parse_date,
            placeholder=DATE_HINT,
        )
        self._price_source_title = self._line(
            "priceSourceTitleEdit",
            "Price source",
            "",
            placeholder=f"empty: {USER_SOURCE_TITLE.lower()}",
            tooltip="Where the prices you enter come from (a price page, an invoice). "
            "Left empty, a changed price is credited to you.",
        )
        self._price_source_url = self._line(
            "priceSourceUrlEdit",
            "Price source URL",
            "",
            placeholder="https://…",
        )
        unit = f"{currency} / 1M tokens"
        form.addRow(f"&Input ({unit}):", self._input.widget)
        form.addRow(f"&Cached input ({unit}):", self._cached.widget)
        form.addRow(f"&Output ({unit}):", self._output.widget)
        self._card_lines(pricing, form, unit)
        form.addRow("Prices &as of:", self._as_of.widget)
        form.addRow("Price so&urce:", self._price_source_title.widget)
        form.addRow("Source U&RL:", self._price_source_url.widget)
        self._price_warning = QLabel(page)
        self._price_warning.setObjectName("priceWarning")
        self._price_warning.setWordWrap(True)
        self._price_warning.setVisible(False)
        for line in (self._input, self._cached):
            line.widget.textChanged.connect(self._check_prices)

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self._price_warning)
        history = pricing.get("history") or []
        kept = []
        if history:
            kept.append(f"{len(history)} earlier price card(s) in the price history")
        if pricing.get("source") or pricing.get("cached_input_source"):
            kept.append("the sources of these prices")
        if kept:
            info = QLabel(
                "Kept as they are: "
                + " and ".join(kept)
                + ". A changed price becomes your own price point, credited to the source "
                "above (or to you) and dated today; the current card moves to the history.",
                page,
            )
            info.setObjectName("pricingKeptInfo")
            info.setWordWrap(True)
            info.setEnabled(False)
            layout.addWidget(info)
        layout.addStretch(1)
        return page

    def _card_lines(self, pricing: Data, form: QFormLayout, unit: str) -> None:
        """The schema-2 flat fields of the card, under the three prices."""
        self._cache_write = self._line(
            "cacheWritePriceEdit",
            "Cache write price",
            number_text(pricing.get("cache_write_per_mtok")),
            _price,
            placeholder="empty: same as input",
            tooltip="Price of writing input into the prompt cache (default lifetime).",
        )
        self._cache_write_1h = self._line(
            "cacheWrite1hPriceEdit",
            "Cache write 1h price",
            number_text(pricing.get("cache_write_1h_per_mtok")),
            _price,
            placeholder="empty: same as cache write",
            tooltip="Price of a cache write with a one-hour lifetime.",
        )
        self._reasoning_price = self._line(
            "reasoningPriceEdit",
            "Reasoning price",
            number_text(pricing.get("reasoning_per_mtok")),
            _price,
            placeholder="empty: same as output",
            tooltip="Price of reasoning (thinking) tokens, where billed apart from output.",
        )
        self._per_request = self._line(
            "perRequestEdit",
            "Fee per request",
            number_text(pricing.get("per_request")),
            _price,
            placeholder="empty: none",
            tooltip="A fee charged per request (e.g. search-augmented models).",
        )
        self._card_currency = self._line(
            "cardCurrencyEdit",
            "Card currency",
            pricing.get("currency") or "",
            _currency,
            placeholder=f"empty: the store's ({self._store.currency})",
            tooltip="ISO 4217 code of this card's prices (USD, EUR, CNY…).",
        )
        form.addRow(f"Cache &write ({unit}):", self._cache_write.widget)
        form.addRow(f"Cache write, &1 hour ({unit}):", self._cache_write_1h.widget)
        form.addRow(f"&Reasoning ({unit}):", self._reasoning_price.widget)
        form.addRow("Fee per re&quest:", self._per_request.widget)
        form.addRow("Card c&urrency:", self._card_currency.widget)

    def _tiers_tab(self) -> QWidget:
        pricing = _sub(self._base, "pricing")
        page = QWidget(self)

        tiers_group = QGroupBox("Long-context tiers", page)
        tiers = [tier for tier in pricing.get("tiers") or [] if isinstance(tier, dict)]
        self._tiers = self._tiers_table("tiersTable", tiers)
        tiers_layout = QVBoxLayout(tiers_group)
        tiers_layout.addWidget(self._tiers)
        tiers_layout.addLayout(self._row_buttons(self._tiers, "tier"))

        service_group = QGroupBox("Service tiers", page)
        service = _sub(pricing, "service_tiers")
        rows = []
        for name in SERVICE_TIER_NAMES:
            entry = service.get(name)
            offered = isinstance(entry, dict)
            prices = entry if isinstance(entry, dict) else {}
            rows.append(
                [name.capitalize(), offered, *(number_text(prices.get(k)) for k in TIER_PRICE_KEYS)]
            )
        self._service = QTableWidget(0, 6, service_group)
        self._service.setObjectName("serviceTiersTable")
        self._service.setHorizontalHeaderLabels(
            ["Tier", "Offered", "Input", "Cached input", "Output", "Long-context tiers"]
        )
        _setup_table(self._service, stretch=0)
        # A service tier's own long-context tiers, as edited in its Tiers… dialog.
        self._service_tiers: dict[str, list[Data]] = {}
        self._service_tier_buttons: dict[str, QPushButton] = {}
        for index, values in enumerate(rows):
            _append_row(self._service, [*values, ""], index, {1})
            _item(self._service, index, 0).setFlags(Qt.ItemFlag.ItemIsEnabled)
            _item(self._service, index, 5).setFlags(Qt.ItemFlag.ItemIsEnabled)
            name = SERVICE_TIER_NAMES[index]
            entry = service.get(name)
            own = entry.get("tiers") if isinstance(entry, dict) else None
            self._service_tiers[name] = [t for t in own or [] if isinstance(t, dict)]
            tiers_button = QPushButton(self._service)
            tiers_button.setObjectName(f"{name}TiersButton")
            tiers_button.setToolTip(f"The {name} tier's own long-context tiers")
            tiers_button.clicked.connect(
                lambda _checked=False, n=name: self.edit_service_tier_tiers(n)
            )
            self._service.setCellWidget(index, 5, tiers_button)
            self._service_tier_buttons[name] = tiers_button
            self._label_tiers_button(name)
        self._service_tiers_edited: set[str] = set()
        self._service.setToolTip(
            "Tick the tiers the model offers; an empty price is the card's own. "
            "Tiers… edits a service tier's own long-context tiers (none: the card's)."
        )
        service_layout = QVBoxLayout(service_group)
        service_layout.addWidget(self._service)

        off_group = QGroupBox("Off-peak hours (standard tier)", page)
        off_peak = _sub(pricing, "off_peak")
        self._off_input = self._line(
            "offPeakInputEdit",
            "Off-peak input price",
            number_text(off_peak.get("input_per_mtok")),
            _price,
            placeholder="empty: the card's",
        )
        self._off_cached = self._line(
            "offPeakCachedEdit",
            "Off-peak cached input price",
            number_text(off_peak.get("cached_input_per_mtok")),
            _price,
            placeholder="empty: the card's",
        )
        self._off_output = self._line(
            "offPeakOutputEdit",
            "Off-peak output price",
            number_text(off_peak.get("output_per_mtok")),
            _price,
            placeholder="empty: the card's",
        )
        windows = [w for w in off_peak.get("windows") or [] if isinstance(w, dict)]
        self._windows = self._list_table(
            "offPeakWindowsTable",
            ["Days (1 = Monday … 7)", "Start (UTC)", "End (UTC)"],
            [
                [_days_text(w.get("days")), w.get("start_utc") or "", w.get("end_utc") or ""]
                for w in windows
            ],
            stretch=0,
        )
        self._windows.setToolTip(
            "Weekly windows in UTC: days as 1-7, 1-5 or Mon-Fri; times as HH:MM. "
            "A window may pass midnight (16:30 to 00:30)."
        )
        off_form = QFormLayout()
        off_form.addRow("Input:", self._off_input.widget)
        off_form.addRow("Cached input:", self._off_cached.widget)
        off_form.addRow("Output:", self._off_output.widget)
        off_layout = QVBoxLayout(off_group)
        off_layout.addLayout(off_form)
        off_layout.addWidget(self._windows)
        off_layout.addLayout(self._row_buttons(self._windows, "window"))

        layout = QVBoxLayout(page)
        layout.addWidget(tiers_group, 2)
        layout.addWidget(service_group, 2)
        layout.addWidget(off_group, 3)
        return page

    def _apply_card(self, pricing: Data) -> None:
        for line, key in (
            (self._cache_write, "cache_write_per_mtok"),
            (self._cache_write_1h, "cache_write_1h_per_mtok"),
            (self._reasoning_price, "reasoning_per_mtok"),
            (self._per_request, "per_request"),
            (self._card_currency, "currency"),
        ):
            line.apply(pricing, key)
        self._apply_tiers(pricing)
        self._apply_service_tiers(pricing)
        self._apply_off_peak(pricing)

    def _apply_tiers(self, pricing: Data) -> None:
        originals = [t for t in pricing.get("tiers") or [] if isinstance(t, dict)]
        tiers = read_tiers(self._tiers, originals, "Long-context tiers")
        if tiers or "tiers" in pricing:
            pricing["tiers"] = tiers

    def _label_tiers_button(self, name: str) -> None:
        count = len(self._service_tiers[name])
        self._service_tier_buttons[name].setText(f"Tiers ({count})…" if count else "Tiers…")

    def edit_service_tier_tiers(self, name: str) -> QDialog:
        """Open (not blocking) the editor of a service tier's own long-context tiers."""
        dialog = QDialog(self)
        dialog.setObjectName("serviceTierTiersDialog")
        dialog.setWindowTitle(f"{name.capitalize()} tier: long-context tiers")
        table = self._tiers_table("serviceTierTiersTable", self._service_tiers[name], dialog)
        error = QLabel(dialog)
        error.setObjectName("serviceTierTiersError")
        error.setWordWrap(True)
        error.setStyleSheet("color: #c0392b;")
        error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )

        def accept() -> None:
            try:
                tiers = read_tiers(
                    table, self._service_tiers[name], f"Service tiers, {name}, long-context tiers"
                )
            except ValueError as problem:
                error.setText(str(problem))
                error.setVisible(True)
                table.setFocus()
                return
            self._service_tiers[name] = tiers
            self._service_tiers_edited.add(name)
            self._label_tiers_button(name)
            dialog.accept()

        buttons.accepted.connect(accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(
            QLabel(
                f"Requests on the {name} tier whose prompt passes a threshold are priced at "
                "that row; an empty price falls back to the lower row, then the service "
                "tier's own price, then the card's. No rows: the card's long-context "
                "tiers apply.",
                dialog,
                wordWrap=True,
            )
        )
        layout.addWidget(table)
        layout.addLayout(self._row_buttons(table, "tier", parent=dialog))
        layout.addWidget(error)
        layout.addWidget(buttons)
        dialog.resize(760, 300)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _apply_service_tiers(self, pricing: Data) -> None:
        service = _sub(pricing, "service_tiers")
        for row, name in enumerate(SERVICE_TIER_NAMES):
            offered = _item(self._service, row, 1).checkState() == Qt.CheckState.Checked
            where = f"Service tiers, {name}"
            if not offered:
                prices = [_cell(self._service, row, column) for column in (2, 3, 4)]
                if any(text.strip() for text in prices) and not _item(self._service, row, 1).data(
                    INITIAL_ROLE
                ):
                    raise ValueError(f"{where}: tick Offered to give it prices")
                service.pop(name, None)
                continue
            entry = _sub(service, name)
            for column, (key, label) in enumerate(
                zip(TIER_PRICE_KEYS, TIER_PRICE_LABELS, strict=True), 2
            ):
                _apply_cell(
                    self._service,
                    row,
                    column,
                    entry,
                    key,
                    functools.partial(_price, field=f"{where}, {label}"),
                )
            if name in self._service_tiers_edited:
                own = self._service_tiers[name]
                if own:
                    entry["tiers"] = own
                elif entry.get("tiers"):
                    # Every row removed: the card's tiers apply again. (An explicit [] in
                    # the store, "no tiers on this service tier", is left as it was.)
                    entry.pop("tiers")
            service[name] = entry
        _put_sub(pricing, "service_tiers", service)
        if pricing.get("service_tiers") == {} and "service_tiers" not in self._base.get(
            "pricing", {}
        ):
            pricing.pop("service_tiers")

    def _apply_off_peak(self, pricing: Data) -> None:
        off_peak = _sub(pricing, "off_peak")
        self._off_input.apply(off_peak, "input_per_mtok")
        self._off_cached.apply(off_peak, "cached_input_per_mtok")
        self._off_output.apply(off_peak, "output_per_mtok")
        originals = [w for w in off_peak.get("windows") or [] if isinstance(w, dict)]
        windows = []
        for row in range(self._windows.rowCount()):
            texts = [_cell(self._windows, row, column) for column in range(3)]
            if not any(text.strip() for text in texts):
                continue
            where = f"Off-peak windows, row {row + 1}"
            index = _item(self._windows, row, 0).data(ORIGINAL_ROLE)
            window = copy.deepcopy(originals[index]) if 0 <= index < len(originals) else {}
            _apply_cell(
                self._windows,
                row,
                0,
                window,
                "days",
                functools.partial(_days, field=f"{where}, days"),
            )
            for column, key, label in ((1, "start_utc", "start"), (2, "end_utc", "end")):
                _apply_cell(
                    self._windows,
                    row,
                    column,
                    window,
                    key,
                    functools.partial(_utc_time, field=f"{where}, {label}"),
                )
            for key, label in (("days", "days"), ("start_utc", "start"), ("end_utc", "end")):
                if not window.get(key):
                    raise ValueError(f"{where}, {label}: required")
            windows.append(window)
        has_prices = any(off_peak.get(key) is not None for key in TIER_PRICE_KEYS)
        if not has_prices and not windows:
            if "off_peak" in pricing:
                pricing.pop("off_peak")  # every off-peak field cleared
            return
        if not windows:
            raise ValueError("Off-peak windows: off-peak prices need at least one window")
        if not has_prices:
            raise ValueError("Off-peak input price: off-peak windows need at least one price")
        off_peak["windows"] = windows
        pricing["off_peak"] = off_peak

    def _check_prices(self) -> None:
        """Say so when cached input would cost more than input: allowed, but rarely meant."""
        try:
            fresh = _price(self._input.widget.text(), "")
            cached = _price(self._cached.widget.text(), "")
        except ValueError:
            self._price_warning.setVisible(False)
            return
        self._price_warning.setText(
            f"Note: the cached input price ({cached:g}) is above the input price ({fresh:g}); "
            "cache reads are normally cheaper. It is accepted as entered."
        )
        self._price_warning.setVisible(cached > fresh)

    def price_warning(self) -> str:
        return "" if self._price_warning.isHidden() else self._price_warning.text()

    def _benchmarks_tab(self) -> QWidget:
        page = QWidget(self)
        results = _sub(self._base, "benchmarks")
        table = QTableWidget(0, 3, page)
        table.setObjectName("benchmarksTable")
        table.setHorizontalHeaderLabels(["Benchmark", "Score", "Note"])
        _setup_table(table, stretch=2)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(0, 180)
        table.setColumnWidth(1, 80)
        ids = [b.id for b in self._store.benchmarks]
        ids += [bench_id for bench_id in results if bench_id not in ids]
        for bench_id in ids:
            result = results.get(bench_id) if isinstance(results.get(bench_id), dict) else {}
            self._add_benchmark_row(table, bench_id, result or {})
        self._benchmarks = table
        table.setToolTip(
            "A score (a number) and/or a note (a qualitative statement such as "
            "“lower than Kimi K2”). A row with neither is left out."
        )
        add = QPushButton("&Add benchmark", page)
        add.setObjectName("addBenchmarkButton")
        add.clicked.connect(lambda: self._add_benchmark_row(table, None, {}, edit=True))
        remove = QPushButton("&Remove result", page)
        remove.setToolTip("Clear the selected row's score and note (a new row is removed).")
        remove.clicked.connect(self._remove_benchmark_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        return page

    def _add_benchmark_row(
        self, table: QTableWidget, bench_id: str | None, result: Data, *, edit: bool = False
    ) -> None:
        row = table.rowCount()
        table.insertRow(row)
        if bench_id is None:
            head = QTableWidgetItem("")
            head.setToolTip("Benchmark id, e.g. mmlu_pro")
        else:
            definition = self._store.benchmark_definition(bench_id)
            unit = f" ({definition.unit})" if definition.unit else ""
            head = QTableWidgetItem(definition.name + unit)
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsEditable)
            head.setToolTip(
                f"{bench_id}: {definition.description}" if definition.description else bench_id
            )
        head.setData(ORIGINAL_ROLE, bench_id)
        table.setItem(row, 0, head)
        score = number_text(result.get("score"))
        note = result.get("note") or ""
        for column, text in ((1, score), (2, note)):
            item = QTableWidgetItem(text)
            item.setData(INITIAL_ROLE, text)
            if column == 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)
        if edit:
            table.setCurrentCell(row, 0)
            table.editItem(head)

    def _remove_benchmark_row(self) -> None:
        row = self._benchmarks.currentRow()
        if row < 0:
            return
        if _item(self._benchmarks, row, 0).data(ORIGINAL_ROLE) is None:
            self._benchmarks.removeRow(row)
            return
        for column in (1, 2):
            _item(self._benchmarks, row, column).setText("")

    def _sources_tab(self) -> QWidget:
        page = QWidget(self)
        group = QGroupBox("Sources for the model as a whole", page)
        self._sources = self._list_table(
            "sourcesTable",
            ["Title", "URL", "Retrieved"],
            [
                [s.get("title", ""), s.get("url") or "", s.get("retrieved") or ""]
                for s in self._base.get("sources") or []
            ],
            stretch=0,
        )
        self._sources.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self._sources.setColumnWidth(1, 200)
        self._sources.setToolTip(f"Retrieved: the date the source was read ({DATE_HINT}).")
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self._sources)
        group_layout.addLayout(self._row_buttons(self._sources, "source"))

        notes_group = QGroupBox("Notes", page)
        self._notes = QPlainTextEdit(notes_group)
        self._notes.setObjectName("notesEdit")
        self._notes_initial = self._base.get("notes") or ""
        self._notes.setPlainText(self._notes_initial)
        notes_layout = QVBoxLayout(notes_group)
        notes_layout.addWidget(self._notes)

        layout = QVBoxLayout(page)
        layout.addWidget(group, 3)
        layout.addWidget(notes_group, 2)
        return page

    def _list_table(
        self,
        name: str,
        headers: list[str],
        rows: list[list[Any]],
        *,
        stretch: int,
        check_columns: frozenset[int] | set[int] = frozenset(),
    ) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        _setup_table(table, stretch=stretch)
        for index, values in enumerate(rows):
            _append_row(table, values, index, check_columns)
        return table

    def _tiers_table(
        self, name: str, tiers: list[Data], parent: QWidget | None = None
    ) -> QTableWidget:
        table = self._list_table(
            name,
            ["Above prompt tokens", *(label.capitalize() for label in LONG_TIER_LABELS)],
            [
                [
                    _threshold_text(tier.get("above_prompt_tokens")),
                    *(number_text(tier.get(key)) for key in LONG_TIER_KEYS),
                ]
                for tier in tiers
            ],
            stretch=0,
        )
        if parent is not None:
            table.setParent(parent)
        table.setToolTip(
            "A request whose prompt has more tokens than the threshold (200K, 1M…) is "
            "priced wholly at that row's prices; an empty price falls back to the next "
            "lower tier, then the card (cache write 1h: this tier's cache write first)."
        )
        return table

    def _row_buttons(
        self,
        table: QTableWidget,
        what: str,
        checks: frozenset[int] | set[int] = frozenset(),
        parent: QWidget | None = None,
    ) -> QHBoxLayout:
        add = QPushButton(f"Add {what}", parent or self)
        add.setObjectName(f"add{what.capitalize()}Button")
        remove = QPushButton(f"Remove {what}", parent or self)
        remove.setObjectName(f"remove{what.capitalize()}Button")

        def add_row() -> None:
            blank: list[Any] = [
                False if column in checks else "" for column in range(table.columnCount())
            ]
            _append_row(table, blank, -1, checks)
            table.setCurrentCell(table.rowCount() - 1, 0)
            table.editItem(_item(table, table.rowCount() - 1, 0))

        def remove_row() -> None:
            if table.currentRow() >= 0:
                table.removeRow(table.currentRow())

        add.clicked.connect(add_row)
        remove.clicked.connect(remove_row)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        return row

    # --- the result --------------------------------------------------------------------

    def result_model(self) -> Model:
        """The model the form describes; raises ValueError naming the field if invalid."""
        data = copy.deepcopy(self._base)

        self._id.apply(data, "id", required=True)
        model_id = data.get("id", "")
        if not isinstance(model_id, str) or not model_id:
            raise ValueError("Id: required")
        own_id = self._original.id if self._original is not None else None
        if model_id != own_id and self._store.model(model_id) is not None:
            raise ValueError(f"Id: {model_id!r} is already used by another model")
        self._name.apply(data, "name", required=True)
        if not data.get("name"):
            raise ValueError("Name: required")
        for line, key in (
            (self._vendor, "vendor"),
            (self._family, "family"),
            (self._release, "release"),
            (self._license, "license"),
        ):
            line.apply(data, key)
        _apply_combo(self._open_weights, data, "open_weights")

        positioning = _sub(data, "positioning")
        self._focus.apply(positioning, "primary_focus")
        self._capability.apply(positioning, "key_capability")
        self._use_case.apply(positioning, "target_use_case")
        _put_sub(data, "positioning", positioning)

        arch = _sub(data, "architecture")
        _apply_combo(self._kind, arch, "kind")
        self._attention.apply(arch, "attention")
        self._total.apply_quantity(arch, "total_params_b")
        self._active.apply_quantity(arch, "active_params_b")
        self._context.apply_quantity(arch, "context_window")
        self._arch_notes.apply(arch, "notes")
        _put_sub(data, "architecture", arch)
        self._apply_modes(data)

        pricing = _sub(data, "pricing")
        self._input.apply(pricing, "input_per_mtok", required=True)
        self._output.apply(pricing, "output_per_mtok", required=True)
        if self._cached.changed and self._cached.empty and "cached_input_per_mtok" in pricing:
            pricing["cached_input_per_mtok"] = None  # same as input
        else:
            self._cached.apply(pricing, "cached_input_per_mtok")
        self._as_of.apply(pricing, "as_of")
        self._apply_card(pricing)
        for key, line in (("input_per_mtok", self._input), ("output_per_mtok", self._output)):
            if key not in pricing:
                raise ValueError(f"{line.label}: required")
        data["pricing"] = pricing

        self._apply_benchmarks(data)
        self._apply_sources(data)
        notes = self._notes.toPlainText()
        if notes != self._notes_initial:
            if notes.strip():
                data["notes"] = notes.strip()
            else:
                data.pop("notes", None)

        try:
            model = Model.model_validate(data)
        except ValidationError as error:
            raise ValueError(_validation_message(error)) from None
        return self._with_provenance(model)

    def _with_provenance(self, model: Model) -> Model:
        """Credit entered prices to the source given (or the user); see :func:`user_priced`."""
        source = None
        if not self._price_source_title.empty:
            title = self._price_source_title.value()
            url = self._price_source_url.widget.text().strip() or None
            source = Source(title=title, url=url, retrieved=dt.date.today().isoformat())
        elif not self._price_source_url.empty:
            raise ValueError(f"{self._price_source_title.label}: a source with a URL needs a title")
        if self._original is None:
            if source is None:
                return model
            data = model.model_dump(exclude_unset=True)
            data["pricing"]["source"] = source.model_dump(exclude_unset=True)
            return Model.model_validate(data)
        return user_priced(self._original, model, dt.date.today().isoformat(), source)

    def _apply_modes(self, data: Data) -> None:
        originals = data.get("modes") or []
        modes = []
        for row in range(self._modes.rowCount()):
            name, description = _cell(self._modes, row, 0), _cell(self._modes, row, 2)
            reasoning = _item(self._modes, row, 1).checkState() == Qt.CheckState.Checked
            index = _item(self._modes, row, 0).data(ORIGINAL_ROLE)
            mode = copy.deepcopy(originals[index]) if index >= 0 else {}
            if not name.strip() and not description.strip() and not reasoning:
                continue  # a blank row: left out
            where = f"Modes, row {row + 1}"
            _apply_cell(self._modes, row, 0, mode, "name", lambda t: t.strip())
            if not mode.get("name"):
                raise ValueError(f"{where}: a mode needs a name")
            initial = _item(self._modes, row, 1).data(INITIAL_ROLE)
            if reasoning != initial:
                mode["reasoning"] = reasoning
            _apply_cell(self._modes, row, 2, mode, "description", lambda t: t.strip())
            modes.append(mode)
        if modes or "modes" in data:
            data["modes"] = modes

    def _apply_benchmarks(self, data: Data) -> None:
        results = _sub(data, "benchmarks")
        seen: set[str] = set()
        for row in range(self._benchmarks.rowCount()):
            head = _item(self._benchmarks, row, 0)
            original_id = head.data(ORIGINAL_ROLE)
            bench_id = original_id if original_id is not None else head.text().strip()
            score_text = _cell(self._benchmarks, row, 1)
            note_text = _cell(self._benchmarks, row, 2)
            label = self._store.benchmark_definition(bench_id).name if bench_id else "new row"
            where = f"Benchmarks, {label}"
            if not bench_id:
                if score_text.strip() or note_text.strip():
                    raise ValueError(f"Benchmarks, row {row + 1}: a result needs a benchmark id")
                continue
            if bench_id in seen:
                raise ValueError(f"Benchmarks, row {row + 1}: {bench_id!r} appears twice")
            seen.add(bench_id)
            if not score_text.strip() and not note_text.strip():
                results.pop(bench_id, None)
                continue
            result = _sub(results, bench_id)
            _apply_cell(
                self._benchmarks,
                row,
                1,
                result,
                "score",
                functools.partial(_parse_score, field=f"{where}, score"),
            )
            _apply_cell(self._benchmarks, row, 2, result, "note", lambda t: t.strip())
            results[bench_id] = result
        _put_sub(data, "benchmarks", results)

    def _apply_sources(self, data: Data) -> None:
        originals = data.get("sources") or []
        sources = []
        for row in range(self._sources.rowCount()):
            index = _item(self._sources, row, 0).data(ORIGINAL_ROLE)
            texts = [_cell(self._sources, row, column) for column in range(3)]
            if not any(text.strip() for text in texts):
                continue
            where = f"Sources, row {row + 1}"
            source = copy.deepcopy(originals[index]) if index >= 0 else {}
            _apply_cell(self._sources, row, 0, source, "title", lambda t: t.strip())
            if not source.get("title"):
                raise ValueError(f"{where}: a source needs a title")
            _apply_cell(self._sources, row, 1, source, "url", lambda t: t.strip())
            _apply_cell(
                self._sources,
                row,
                2,
                source,
                "retrieved",
                functools.partial(parse_date, field=f"{where}, retrieved"),
            )
            sources.append(source)
        if sources or "sources" in data:
            data["sources"] = sources

    # --- dialog ------------------------------------------------------------------------

    def accept(self) -> None:
        """Close only with a valid model; otherwise say what is wrong and stay open."""
        try:
            self._accepted = self.result_model()
        except ValueError as error:
            self.show_error(str(error))
            return
        self._error.setVisible(False)
        super().accept()

    def show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.setVisible(True)
        field = message.split(":", 1)[0]
        widget: QWidget | None = None
        for line in self._lines():
            if line.label == field:
                widget = line.widget
                line.widget.selectAll()
        for prefix, table in (
            ("Long-context tiers", self._tiers),
            ("Service tiers", self._service),
            ("Off-peak windows", self._windows),
            ("Modes", self._modes),
            ("Benchmarks", self._benchmarks),
            ("Sources", self._sources),
        ):
            if field.startswith(prefix):
                widget = table
        if widget is None:
            return
        page = widget.parentWidget()
        while page is not None and self._tabs.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self._tabs.setCurrentWidget(page)
        widget.setFocus()

    def error_text(self) -> str:
        return self._error.text() if self._error.isVisibleTo(self) else ""

    def accepted_model(self) -> Model | None:
        return self._accepted

    def _lines(self) -> list[_Line]:
        return [value for value in vars(self).values() if isinstance(value, _Line)]

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store, model: Model | None = None) -> Model | None:
        """Show the form modally; the validated model on OK, None on Cancel."""
        dialog = cls(store, model, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.accepted_model()
            return None
        finally:
            dialog.deleteLater()


# --- module helpers -------------------------------------------------------------------


SERVICE_TIER_NAMES = ("batch", "flex", "priority")
TIER_PRICE_KEYS = ("input_per_mtok", "cached_input_per_mtok", "output_per_mtok")
TIER_PRICE_LABELS = ("input", "cached input", "output")
LONG_TIER_KEYS = (
    *TIER_PRICE_KEYS,
    "cache_write_per_mtok",
    "cache_write_1h_per_mtok",
    "reasoning_per_mtok",
    "per_request",
)
"""A long-context tier's prices, in the tiers table's column order after the threshold."""
LONG_TIER_LABELS = (*TIER_PRICE_LABELS, "cache write", "cache write 1h", "reasoning", "per request")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_UTC_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def read_tiers(table: QTableWidget, originals: list[Data], what: str) -> list[Data]:
    """The long-context tiers a tiers table describes, sorted; ValueError naming row and field."""
    tiers = []
    seen: dict[float, int] = {}
    for row in range(table.rowCount()):
        texts = [_cell(table, row, column) for column in range(table.columnCount())]
        if not any(text.strip() for text in texts):
            continue  # a blank row: left out
        where = f"{what}, row {row + 1}"
        index = _item(table, row, 0).data(ORIGINAL_ROLE)
        tier = copy.deepcopy(originals[index]) if 0 <= index < len(originals) else {}
        _apply_cell(
            table,
            row,
            0,
            tier,
            "above_prompt_tokens",
            functools.partial(_threshold, field=f"{where}, above prompt tokens"),
        )
        threshold = tier.get("above_prompt_tokens")
        if threshold is None:
            raise ValueError(f"{where}, above prompt tokens: required")
        if threshold in seen:
            raise ValueError(
                f"{where}, above prompt tokens: {_threshold_text(threshold)} is also "
                f"row {seen[threshold] + 1}'s threshold"
            )
        seen[threshold] = row
        for column, (key, label) in enumerate(
            zip(LONG_TIER_KEYS, LONG_TIER_LABELS, strict=True), 1
        ):
            _apply_cell(
                table, row, column, tier, key, functools.partial(_price, field=f"{where}, {label}")
            )
        if not any(tier.get(key) is not None for key in LONG_TIER_KEYS):
            raise ValueError(f"{where}: a tier needs at least one price")
        tiers.append(tier)
    return sorted(tiers, key=lambda tier: tier["above_prompt_tokens"])


def _currency(text: str, field: str) -> str:
    code = text.strip().upper()
    if not _CURRENCY.match(code):
        raise ValueError(f"{field}: {text.strip()!r} is not a currency code; write e.g. USD")
    return code


def _threshold(text: str, field: str) -> int | float:
    try:
        value = parse_token_volume(text)
    except TokenVolumeError as error:
        raise ValueError(f"{field}: {error}") from None
    if value <= 0:
        raise ValueError(f"{field}: must be greater than 0")
    return int(value) if float(value).is_integer() else value


def _threshold_text(value: object) -> str:
    return _volume_text(float(value)) if isinstance(value, int | float) else ""


def _day(text: str, field: str) -> int:
    word = text.strip().lower()
    if word[:3] in _DAY_NAMES and len(word) >= 3:
        return _DAY_NAMES.index(word[:3]) + 1
    if word.isdigit() and 1 <= int(word) <= 7:
        return int(word)
    raise ValueError(f"{field}: {text.strip()!r} is not a day; write 1-7 or Mon…Sun")


def _days(text: str, field: str) -> list[int]:
    """``1-5``, ``1,3,5``, ``Mon-Fri``, ``sat, sun`` as sorted ISO weekdays."""
    days: set[int] = set()
    for part in re.split(r"[,\s]+", text.strip()):
        if not part:
            continue
        first, dash, last = part.partition("-")
        start = _day(first, field)
        end = _day(last, field) if dash else start
        if end < start:
            raise ValueError(f"{field}: {part!r} runs backwards; write e.g. 1-5")
        days.update(range(start, end + 1))
    if not days:
        raise ValueError(f"{field}: required")
    return sorted(days)


def _days_text(days: object) -> str:
    """Sorted weekdays as ranges: ``1-5``, ``1-3,6``."""
    if not isinstance(days, list) or not all(isinstance(day, int) for day in days):
        return ""
    values = sorted(set(days))
    parts: list[str] = []
    start = previous = None
    for day in [*values, None]:
        if start is not None and (day is None or day != previous + 1):  # type: ignore[operator]
            parts.append(str(start) if start == previous else f"{start}-{previous}")
            start = None
        if day is not None and start is None:
            start = day
        previous = day
    return ",".join(parts)


def _utc_time(text: str, field: str) -> str:
    value = text.strip()
    if len(value) == 4 and value[1] == ":":
        value = "0" + value  # 9:00 → 09:00
    if not _UTC_TIME.match(value):
        raise ValueError(f"{field}: {text.strip()!r} is not a time; write HH:MM (00:00–23:59)")
    return value


def _parse_score(text: str, field: str) -> float:
    value = parse_number(text, field)
    if abs(value) > MAX_SCORE:
        raise ValueError(f"{field}: {text.strip()!r} is too large (at most {MAX_SCORE:,.0f})")
    return value


def _price(text: str, field: str) -> float:
    return parse_number(text, field, minimum=0.0, maximum=MAX_PRICE_PER_MTOK)


def _positive(text: str, field: str) -> float:
    return parse_number(text, field, positive=True, maximum=MAX_PARAMS_B)


def _context_window(text: str, field: str) -> float:
    try:
        value = parse_token_volume(text)
    except TokenVolumeError as error:
        raise ValueError(f"{field}: {error}") from None
    if value <= 0:
        raise ValueError(f"{field}: must be greater than 0")
    return value


def _volume_text(value: float) -> str:
    """Context windows as an exact plain number (131072), compact when that is exact."""
    compact = format_token_volume(value)
    return compact if parse_token_volume(compact) == value else number_text(value)


def _quantity(arch: Data, key: str) -> float | None:
    value = _sub(arch, key).get("value")
    return float(value) if isinstance(value, int | float) else None


def _apply_combo(combo: QComboBox, data: Data, key: str) -> None:
    if combo.currentIndex() == combo.property("initialIndex"):
        return
    value = combo.currentData()
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value


def _setup_table(table: QTableWidget, *, stretch: int) -> None:
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)


def _append_row(
    table: QTableWidget, values: list[Any], original: int, check_columns: set[int] | frozenset[int]
) -> None:
    row = table.rowCount()
    table.insertRow(row)
    for column, value in enumerate(values):
        item = QTableWidgetItem()
        if column in check_columns:
            item.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            item.setData(INITIAL_ROLE, bool(value))
        else:
            item.setText(str(value))
            item.setData(INITIAL_ROLE, str(value))
            if value:
                item.setToolTip(str(value))
        if column == 0:
            item.setData(ORIGINAL_ROLE, original)
        table.setItem(row, column, item)


def _item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    if item is None:  # every cell gets an item when its row is added
        item = QTableWidgetItem()
        table.setItem(row, column, item)
    return item


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def _apply_cell(
    table: QTableWidget,
    row: int,
    column: int,
    data: Data,
    key: str,
    parse: Callable[[str], Any],
) -> None:
    """Write a cell into ``data[key]`` where it changed; a cleared cell removes the key."""
    item = table.item(row, column)
    text = item.text() if item is not None else ""
    initial = item.data(INITIAL_ROLE) if item is not None else None
    if text == (initial or ""):
        return
    if not text.strip():
        data.pop(key, None)
        return
    data[key] = parse(text)


def _validation_message(error: ValidationError) -> str:
    first = error.errors()[0]
    where = " › ".join(str(part) for part in first["loc"]) or "model"
    return f"{where}: {first['msg']}"
