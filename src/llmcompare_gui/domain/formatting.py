"""The one place that turns numbers into text: money, prices, token volumes, shares, ratios.

The table, the calculator, the charts, the captions and the CSV all write
numbers through these functions, so the same value reads the same everywhere.
The rules, once:

- **Money** (:func:`money`): the currency's symbol in front (``$1,234.56``,
  ``€1,234.56``), or its ISO code and a space where it has no symbol in
  :data:`CURRENCY_SYMBOLS` (``CHF 1,234.56``). Cents below 10,000, whole units
  from 10,000 (``$12,346``), a suffix from a billion (``$1.35B``, ``$283.3T``);
  amounts under a cent keep three significant digits (``$0.00420``). Never
  scientific notation below 10^15. A minus sign goes before the symbol
  (``-$5.00``); negative zero is ``$0.00``; an amount that is not finite is
  :data:`NOT_A_NUMBER` (``—``).
- **Fine money** (:func:`fine_money`): what one task or one request costs, three
  significant digits below 10 (``$0.0175``, ``$1.50``), else as :func:`money`.
- **Prices per million tokens** (:func:`price`): two to four decimals
  (``0.60``, ``0.0375``), with their unit in :func:`price_with_unit` (``$0.60/M``).
- **Token volumes** (:func:`token_volume`): a suffix K, M, B, T (``2.5M``), three
  significant digits; :func:`exact_token_volume` the shortest such text that
  reads back as the value.
- **Shares** (:func:`percent`): ``20 %``, ``12.5 %``, ``5.5 %``; **ratios** (:func:`ratio`):
  ``×1.70``, ``×2,939,447``, ``×283.3T``.
- **Axis ticks** (:func:`axis_number`): ``1.5k``, ``20M``, ``0.05``.
- **CSV** (:func:`plain_number`): a plain decimal, twelve significant digits,
  no symbol, no separator, never ``1e-05``.
"""

from __future__ import annotations

import math
from decimal import Decimal

NOT_A_NUMBER = "—"
"""What an amount that is not finite (no price, an overflow) shows."""

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹"}
"""Currencies written with a symbol; every other one with its ISO code and a space."""

COMPACT_FROM = 1e9
"""Amounts from here up are written with a suffix (``1.35B``)."""

WHOLE_UNITS_FROM = 10_000.0
"""Amounts from here up drop their cents (``$12,346``)."""

CSV_SIGNIFICANT_DIGITS = 12
"""Enough for any price or cost; few enough to drop binary rounding residue."""

_SCALES = (("B", 1e9), ("T", 1e12))
_COMPACT_SIGNIFICANT = 4
_TOKEN_SCALES = (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3))
_AXIS_SCALES = (("T", 1e12), ("B", 1e9), ("M", 1e6), ("k", 1e3))


def currency_prefix(code: str) -> str:
    """What goes before an amount: ``$``, ``€``, or the code and a space (``CHF ``)."""
    symbol = CURRENCY_SYMBOLS.get(code)
    return symbol if symbol else f"{code} "


def compact_amount(value: float) -> str | None:
    """``1.35B``, ``999.9B``, ``1T``, ``300T``, ``3e+29``; None below :data:`COMPACT_FROM`.

    Four significant digits at most: a float has no more than sixteen, and the
    last of a fifteen-digit sum is noise (``300,000,000,000,000,008,388,608``).
    """
    magnitude = abs(value)
    if not math.isfinite(value) or magnitude < COMPACT_FROM:
        return None
    for suffix, scale in _SCALES:
        mantissa = f"{value / scale:.{_COMPACT_SIGNIFICANT}g}"
        if abs(float(mantissa)) < 1000 and "e" not in mantissa:
            return mantissa + suffix
    if magnitude < 1e15:
        return f"{value / 1e12:.0f}T"  # 999.96T rounds to 1000T
    return f"{value:.3g}"


def _significant(magnitude: float, digits: int) -> str:
    """``magnitude`` (> 0) in fixed notation with ``digits`` significant digits."""
    rounded = float(f"{magnitude:.{digits}g}")  # 0.0099999 is 0.0100, not 0.01000
    decimals = min(max(digits - 1 - math.floor(math.log10(rounded)), 0), 12)
    return f"{magnitude:,.{decimals}f}"


def _amount(magnitude: float) -> str:
    if (compact := compact_amount(magnitude)) is not None:
        return compact
    if magnitude >= WHOLE_UNITS_FROM:
        return f"{magnitude:,.0f}"
    if magnitude == 0 or magnitude >= 0.01:
        return f"{magnitude:,.2f}"
    return _significant(magnitude, 3)


def _with_currency(value: float, number: str, currency: str) -> str:
    sign = "-" if value < 0 and number.strip("0.,") else ""
    return f"{sign}{currency_prefix(currency)}{number}"


def money(value: float, currency: str) -> str:
    """``$1,234.56``, ``CHF 1,234.56``, ``$12,346``, ``$1.35T``, ``$0.00420``; else ``—``."""
    if not math.isfinite(value):
        return NOT_A_NUMBER
    return _with_currency(value, _amount(abs(value)), currency)


def fine_money(value: float, currency: str) -> str:
    """A unit cost (one task, one request): ``$0.0175``, ``$1.50``; from 10 as :func:`money`."""
    if not math.isfinite(value):
        return NOT_A_NUMBER
    magnitude = abs(value)
    if magnitude >= 10 or magnitude == 0:
        return money(value, currency)
    return _with_currency(value, _significant(magnitude, 3), currency)


def exact_amount(value: float, currency: str) -> str:
    """An amount to the millionth, for tooltips: ``CHF 1,234.567891`` (no float noise).

    Written like :func:`money` (the currency in front, the sign before it), only
    with more decimals: to the cent from a billion, where millionths are noise.
    """
    if not math.isfinite(value):
        return NOT_A_NUMBER
    magnitude = abs(value)
    number = f"{magnitude:,.6f}" if magnitude < COMPACT_FROM else f"{magnitude:,.2f}"
    return _with_currency(value, number, currency)


def price(value: float) -> str:
    """A price per million tokens: at least two decimals, at most four (``0.60``, ``0.0375``).

    Prices under 0.0001 keep two significant digits (``0.000050``).
    """
    if not math.isfinite(value):
        return NOT_A_NUMBER
    if 0 < abs(value) < 0.0001:
        number = _significant(abs(value), 2)
        return f"-{number}" if value < 0 else number
    whole, _, decimals = f"{value:.4f}".partition(".")
    if whole == "-0" and not decimals.strip("0"):
        whole = "0"
    return f"{whole}.{decimals.rstrip('0').ljust(2, '0')}"


def price_with_unit(value: float, currency: str) -> str:
    """A price with its unit: ``$0.60/M``, ``CHF 2.50/M``."""
    if not math.isfinite(value):
        return NOT_A_NUMBER
    number = price(abs(value))
    sign = "-" if value < 0 and number.strip("0.,") else ""
    return f"{sign}{currency_prefix(currency)}{number}/M"


def blended_price(value: float) -> str:
    """A computed mix of prices: three decimals for every row so a column lines up (``0.450``)."""
    if not math.isfinite(value):
        return NOT_A_NUMBER
    if 0 < abs(value) < 0.001:
        return f"{value:.2g}"
    return f"{value:,.3f}"


def figure(value: float) -> str:
    """A plain quantity (parameters, context window, a score): ``262,144``, ``1.5``, ``0.042``."""
    if not math.isfinite(value):
        return NOT_A_NUMBER
    if value == int(value) or abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.4g}"
    return f"{value:.3g}"


def token_volume(value: float, digits: int = 3) -> str:
    """A volume compactly (``2.5B``, ``750K``, ``5000T``), ``digits`` significant digits at most.

    The token parser reads it back; the round trip is exact for values that
    have no more than ``digits`` significant digits.
    """
    if value < 0 or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a token volume")
    for suffix, scale in _TOKEN_SCALES:
        if value >= scale:
            return _mantissa(value / scale, digits) + suffix
    return _mantissa(value, digits)


def _mantissa(number: float, digits: int) -> str:
    text = f"{number:.{digits}g}"
    if "e" in text:  # only for numbers ≥ 10**digits, e.g. 5000T
        return f"{number:.0f}"
    return text


def _read_volume(text: str) -> float:
    """The volume a :func:`token_volume` text stands for (this module's own output only)."""
    scales = dict(_TOKEN_SCALES)
    scale = scales.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in scales else text
    return float(Decimal(number) * scale)


def exact_token_volume(volume: float) -> str:
    """The shortest :func:`token_volume` text that reads back as ``volume`` (to float noise)."""
    for digits in range(3, 16):
        text = token_volume(volume, digits)
        if math.isclose(_read_volume(text), volume, rel_tol=1e-12, abs_tol=0.0):
            return text
    return repr(volume)


def percent(share: float) -> str:
    """A share as a percentage: ``20 %``, ``12.5 %``, ``5.5 %`` (a whole number when the
    tenth rounds away: ``19.96 %`` is ``20 %``); under 1 % two significant digits
    (``0.33 %``); ``—`` if not finite."""
    if not math.isfinite(share):
        return NOT_A_NUMBER
    value = share * 100
    if 0 < value < 0.95:
        return f"{_significant(value, 2)} %"
    if abs(value - round(value)) < 0.05:
        return f"{round(value)} %"
    return f"{value:.1f} %"


def ratio(value: float) -> str:
    """How many times the cheapest: ``×1.70``, ``×2,939,447``, ``×283.3T``; ``—`` if not finite."""
    if not math.isfinite(value):
        return NOT_A_NUMBER
    if (compact := compact_amount(value)) is not None:
        return f"×{compact}"
    if value >= 100:
        return f"×{value:,.0f}"
    return f"×{value:.2f}"


def axis_number(value: float) -> str:
    """Tick text: ``1.5k``, ``20M``, ``0.05``; beyond T plain scientific (``1e+23``)."""
    magnitude = abs(value)
    if magnitude == 0:
        return "0"
    for suffix, scale in _AXIS_SCALES:
        if magnitude >= scale * 0.9995:  # 999,600 is "1M", not "1e+03k"
            text = f"{value / scale:.3g}"
            return f"{value:.3g}" if "e" in text else text + suffix
    if magnitude >= 1:
        return f"{value:.3g}"
    return f"{value:.2g}"


def plain_number(value: float) -> str:
    """For CSV: ``329.99999999999994`` → ``330``, ``1e-05`` → ``0.00001``, ``-0.0`` → ``0``."""
    text = format(Decimal(f"{value:.{CSV_SIGNIFICANT_DIGITS}g}").normalize(), "f")
    return "0" if text == "-0" else text
