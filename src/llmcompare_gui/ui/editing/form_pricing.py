"""The model form's Pricing tab: the card's own prices, its currency, date and source."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ...domain.parsing import (
    DATE_HINT,
    ParseError,
    parse_currency_code,
    parse_price,
    parse_store_date,
)
from ...domain.price_edit import USER_SOURCE_TITLE
from ...domain.validation import Location
from .form_fields import Data, Line, Parse, make_line, number_text


def _sub(data: Data, key: str) -> Data:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def price_parser(currency: str) -> Parse:
    """Reads a price of a card in ``currency`` (its code or a currency sign may be written)."""
    return functools.partial(_price, currency=currency)


def _price(text: str, field: str, *, currency: str) -> float:
    return parse_price(text, field, currency=currency)


class PricingTab(QWidget):
    """The card's prices per million tokens, the schema-2 flat fields, as-of date and source."""

    def __init__(self, base: Data, store_currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pricing = _sub(base, "pricing")
        self.currency = str(pricing.get("currency") or store_currency)
        self._input = self._price_line(
            "inputPriceEdit", "Input price", pricing, "input_per_mtok", placeholder="e.g. 0.60"
        )
        self._cached = self._price_line(
            "cachedPriceEdit",
            "Cached input price",
            pricing,
            "cached_input_per_mtok",
            placeholder="empty: same as input",
            tooltip="Price of input tokens served from cache; leave empty if the model "
            "has no cache discount (the input price applies).",
        )
        self._output = self._price_line(
            "outputPriceEdit", "Output price", pricing, "output_per_mtok", placeholder="e.g. 2.50"
        )
        self._cache_write = self._price_line(
            "cacheWritePriceEdit",
            "Cache write price",
            pricing,
            "cache_write_per_mtok",
            placeholder="empty: same as input",
            tooltip="Price of writing input into the prompt cache (default lifetime).",
        )
        self._cache_write_1h = self._price_line(
            "cacheWrite1hPriceEdit",
            "Cache write 1h price",
            pricing,
            "cache_write_1h_per_mtok",
            placeholder="empty: same as cache write",
            tooltip="Price of a cache write with a one-hour lifetime.",
        )
        self._reasoning = self._price_line(
            "reasoningPriceEdit",
            "Reasoning price",
            pricing,
            "reasoning_per_mtok",
            placeholder="empty: same as output",
            tooltip="Price of reasoning (thinking) tokens, where billed apart from output.",
        )
        self._per_request = self._price_line(
            "perRequestEdit",
            "Fee per request",
            pricing,
            "per_request",
            placeholder="empty: none",
            tooltip="A fee charged per request (e.g. search-augmented models).",
        )
        self._card_currency = make_line(
            self,
            "cardCurrencyEdit",
            "Card currency",
            pricing.get("currency") or "",
            ("pricing", "currency"),
            parse_currency_code,
            placeholder=f"empty: the store's ({store_currency})",
            tooltip="ISO 4217 code of this card's prices (USD, EUR, CNY…).",
        )
        self._as_of = make_line(
            self,
            "priceAsOfEdit",
            "Prices as of",
            pricing.get("as_of") or "",
            ("pricing", "as_of"),
            parse_store_date,
            placeholder=DATE_HINT,
        )
        self._source_title = make_line(
            self,
            "priceSourceTitleEdit",
            "Price source",
            "",
            ("pricing", "source"),
            placeholder=f"empty: {USER_SOURCE_TITLE.lower()}",
            tooltip="Where the prices you enter come from (a price page, an invoice). "
            "Left empty, a changed price is credited to you.",
        )
        self._source_url = make_line(
            self,
            "priceSourceUrlEdit",
            "Price source URL",
            "",
            ("pricing", "source", "url"),
            placeholder="https://…",
        )
        unit = f"{store_currency} / 1M tokens"
        form = QFormLayout()
        form.addRow(f"&Input ({unit}):", self._input.widget)
        form.addRow(f"&Cached input ({unit}):", self._cached.widget)
        form.addRow(f"&Output ({unit}):", self._output.widget)
        form.addRow(f"Cache &write ({unit}):", self._cache_write.widget)
        form.addRow(f"Cache write, &1 hour ({unit}):", self._cache_write_1h.widget)
        form.addRow(f"&Reasoning ({unit}):", self._reasoning.widget)
        form.addRow("Fee per re&quest:", self._per_request.widget)
        form.addRow("Card c&urrency:", self._card_currency.widget)
        form.addRow("Prices &as of:", self._as_of.widget)
        form.addRow("Price so&urce:", self._source_title.widget)
        form.addRow("Source U&RL:", self._source_url.widget)
        self._warning = QLabel(self)
        self._warning.setObjectName("priceWarning")
        self._warning.setWordWrap(True)
        self._warning.setVisible(False)
        for line in (self._input, self._cached):
            line.widget.textChanged.connect(self._check_prices)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._warning)
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
                self,
            )
            info.setObjectName("pricingKeptInfo")
            info.setWordWrap(True)
            info.setEnabled(False)
            layout.addWidget(info)
        layout.addStretch(1)

    def _price_line(self, name: str, label: str, pricing: Data, key: str, **hints: str) -> Line:
        return make_line(
            self,
            name,
            label,
            number_text(pricing.get(key)),
            ("pricing", key),
            price_parser(self.currency),
            **hints,
        )

    def _lines(self) -> list[Line]:
        return [
            self._input,
            self._cached,
            self._output,
            self._cache_write,
            self._cache_write_1h,
            self._reasoning,
            self._per_request,
            self._card_currency,
            self._as_of,
            self._source_title,
            self._source_url,
        ]

    def _check_prices(self) -> None:
        """Say so when cached input would cost more than input: allowed, but rarely meant."""
        try:
            fresh = parse_price(self._input.widget.text(), currency=self.currency)
            cached = parse_price(self._cached.widget.text(), currency=self.currency)
        except ParseError:
            self._warning.setVisible(False)
            return
        self._warning.setText(
            f"Note: the cached input price ({cached:g}) is above the input price ({fresh:g}); "
            "cache reads are normally cheaper. It is accepted as entered."
        )
        self._warning.setVisible(cached > fresh)

    def price_warning(self) -> str:
        return "" if self._warning.isHidden() else self._warning.text()

    def add_edit(self, edit: dict[str, Any]) -> None:
        pricing: Data = {}
        self._input.put(pricing, "input_per_mtok", required=True)
        self._output.put(pricing, "output_per_mtok", required=True)
        self._cached.put(pricing, "cached_input_per_mtok")
        self._as_of.put(pricing, "as_of")
        for line, key in (
            (self._cache_write, "cache_write_per_mtok"),
            (self._cache_write_1h, "cache_write_1h_per_mtok"),
            (self._reasoning, "reasoning_per_mtok"),
            (self._per_request, "per_request"),
            (self._card_currency, "currency"),
        ):
            line.put(pricing, key)
        edit["pricing"] = pricing
        edit["price_source_title"] = self._source_title.widget.text()
        edit["price_source_url"] = self._source_url.widget.text()

    def targets(self) -> dict[Location, QWidget]:
        return {line.loc: line.widget for line in self._lines()}
