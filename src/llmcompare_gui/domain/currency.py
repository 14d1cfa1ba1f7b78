"""Which exchange rates a comparison uses, said in words for the window and exported captions."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Model, Store


def display_currencies(store: Store) -> list[str]:
    """The currencies costs can be shown in: the store's, then each one it has a rate for."""
    rates = store.exchange_rates.rates if store.exchange_rates is not None else {}
    return [store.currency, *sorted(code for code in rates if code != store.currency)]


def conversion_note(store: Store, models: Sequence[Model], display: str | None) -> str | None:
    """``1 USD = 7.12 CNY (rates of 2026-11-01)`` where a price is converted; else None."""
    target = display or store.currency
    codes = {model.pricing.currency or store.currency for model in models} | {target}
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
