"""Which exchange rates a comparison uses, said in words for the window and exported captions."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from .model import Model, Store
from .parsing import ParseError, parse_currency_code, parse_rate


def display_currencies(store: Store) -> list[str]:
    """The currencies costs can be shown in: the store's, then each one it has a rate for."""
    rates = store.exchange_rates.rates if store.exchange_rates is not None else {}
    return [store.currency, *sorted(code for code in rates if code != store.currency)]


def card_currencies(store: Store, models: Sequence[Model]) -> frozenset[str]:
    """The currencies the models' cards are priced in."""
    return frozenset(model.pricing.currency or store.currency for model in models)


def conversion_note(store: Store, models: Sequence[Model], display: str | None) -> str | None:
    """``1 USD = 7.12 CNY (rates of 2026-11-01)`` where a price is converted; else None."""
    return conversion_note_for(store, card_currencies(store, models), display)


def conversion_note_for(store: Store, cards: frozenset[str], display: str | None) -> str | None:
    """:func:`conversion_note` for cards priced in ``cards`` (see :func:`card_currencies`)."""
    target = display or store.currency
    codes = cards | {target}
    foreign = sorted(code for code in codes if code != store.currency)
    if not foreign:
        return None
    rates = store.exchange_rates
    pairs = [
        f"1 {store.currency} = {rate:g} {code}"
        for code in foreign
        if (rate := store.rate(code)) is not None
    ]
    if not pairs:
        return None
    when = f"rates of {rates.as_of}" if rates is not None and rates.as_of else "rates undated"
    return f"{', '.join(pairs)} ({when})"


class RatesFileError(ValueError):
    """A rates CSV that cannot be read: the message says what and on which line."""


def parse_rates_csv(text: str, store_currency: str) -> dict[str, float]:
    """``currency,rate`` lines (a header row optional): units of each currency per one of the
    store's currency. A line naming the store's own currency must say 1."""
    rates: dict[str, float] = {}
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    for number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if number == 1 and [c.casefold() for c in cells[:2]] == ["currency", "rate"]:
            continue
        if len(cells) != 2:
            raise RatesFileError(f"line {number}: expected two columns, currency,rate")
        try:
            code = parse_currency_code(cells[0], f"line {number}")
            rate = parse_rate(cells[1], f"line {number}")
        except ParseError as error:
            raise RatesFileError(str(error)) from None
        if code in rates:
            raise RatesFileError(f"line {number}: {code} is given twice")
        if code == store_currency:
            if rate != 1:
                raise RatesFileError(
                    f"line {number}: the store's own currency {code} is 1 by definition"
                )
            continue
        rates[code] = rate
    if not rates:
        raise RatesFileError("no rates found (expected lines such as EUR,0.86)")
    return rates
