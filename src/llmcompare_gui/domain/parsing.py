"""The one place that turns typed text into numbers, prices, token volumes, shares and dates.

Every editor (table, form, calculator, dialogs), the CSV imports and the command
line read user text through these functions, so the same text means the same
value everywhere. The rules:

- **Spaces** around the text are ignored.
- **The decimal point is ``.``.** A comma is a thousands separator, never a
  decimal comma: ``1,5`` is refused (it is 1.5 to some readers and 15 to
  others) with a message saying to write ``1.5``.
- **Thousands separators** ``,``, ``_``, a thin space (U+2009) or a narrow
  no-break space (U+202F) may group the digits before the point, in groups of
  three, one kind per number: ``1,000.50``, ``2_500_000``. ``1,00`` is refused.
- **Numbers and prices** may use an exponent (``1e-3``); a leading ``+``/``-`` is
  read, then the range decides (a price cannot be negative). ``inf`` and ``nan``
  are refused: every value is finite.
- **Prices** may carry a currency sign (any Unicode currency symbol, ``$``,
  ``€``, ``£``, ``¥``, ``₹``…) before or after the number, or the code of the
  currency they are in (``CHF 0.60``, ``0.60 chf``); the sign is decoration, the
  price is always in the card's currency, and another currency's code is
  refused. At most :data:`~.limits.MAX_PRICE_PER_MTOK`.
- **Token volumes** (CONTRACT §3) are not negative, may use an exponent
  (``2.5e6``) and a case-insensitive suffix ``K`` (10^3), ``M``, ``B``, ``T``
  (10^12), at most :data:`~.tokens.MAX_TOKEN_VOLUME`.
- **Exchange rates** are plain numbers above 0.
- **Shares** are a fraction from 0 to 1 (``0.25``) or a percentage with ``%``
  (``25%``, ``25 %``); a bare ``25`` is a fraction, so it is refused as above 1.
- **Currency codes** are three letters, any case (``usd`` is USD).
- **Weekdays** are ISO numbers or names: ``1-5``, ``1,3,5``, ``Mon-Fri``, ``sat, sun``;
  **times of day** are ``HH:MM`` in 24 hours (``9:00`` is ``09:00``).
- **Dates** are ISO: a store date is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``
  and must be a real day or month (``2025-02-30`` and ``2025-13`` are refused),
  the same check the store applies when it loads a file; a day (``--as-of``) is
  ``YYYY-MM-DD`` only.

Every refusal is a :class:`ParseError` whose message names the field (where the
caller gives one) and quotes the text.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal

from .limits import MAX_PRICE_PER_MTOK
from .tokens import MAX_TOKEN_VOLUME, TokenVolumeError

__all__ = [
    "DATE_HINT",
    "ParseError",
    "TokenVolumeParseError",
    "check_store_date",
    "date_start",
    "parse_currency_code",
    "parse_day",
    "parse_number",
    "parse_optional_price",
    "parse_price",
    "parse_rate",
    "parse_share",
    "parse_store_date",
    "parse_token_volume",
    "parse_utc_time",
    "parse_weekdays",
]

SEPARATORS = ",_\u2009\u202f"
"""Characters that may group digits by thousands: comma, underscore, thin space, narrow nbsp."""

TOKEN_SUFFIXES = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}

DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD"

_NUMBER = re.compile(
    r"""^(?P<sign>[+-]?)
    (?P<whole>\d+(?:[,_\u2009\u202f]\d+)*)?
    (?:\.(?P<fraction>\d*))?
    (?:[eE](?P<exponent>[+-]?\d+))?$""",
    re.VERBOSE,
)
_GROUPS = re.compile(r"^\d{1,3}(?P<sep>[,_\u2009\u202f])\d{3}(?:(?P=sep)\d{3})*$")
_VOLUME_SUFFIX = re.compile(r"^(?P<number>.*?)\s*(?P<suffix>[kmbt]?)$", re.IGNORECASE)
_CODE_BEFORE = re.compile(r"^(?P<code>[A-Za-z]{3})\s*(?P<number>[-+.\d].*)$")
_CODE_AFTER = re.compile(r"^(?P<number>.*[.\d])\s*(?P<code>[A-Za-z]{3})$")
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
_UTC_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_STORE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ParseError(ValueError):
    """Text that does not say what its field needs; the message names the field and the text."""

    def __init__(self, field: str | None, text: str, problem: str) -> None:
        self.field = field
        self.text = text.strip()
        self.problem = problem
        where = f"{field}: " if field else ""
        super().__init__(f"{where}{self.text!r}{problem}")


class TokenVolumeParseError(ParseError, TokenVolumeError):
    """A token volume that cannot be read: both a :class:`ParseError` and a
    :class:`~.tokens.TokenVolumeError`, so code that catches either keeps working."""


# --- numbers --------------------------------------------------------------------------


def _decimal(
    number: str, text: str, field: str | None, kind: str, error: type[ParseError]
) -> Decimal:
    """``number`` (``text`` without its unit) as an exact decimal; errors quote ``text``."""
    match = _NUMBER.match(number.strip())
    if match is None or not (match["whole"] or match["fraction"]):
        raise error(field, text, f" is not {kind}")
    whole = match["whole"] or "0"
    if any(separator in whole for separator in SEPARATORS):
        if not _GROUPS.match(whole):
            if re.fullmatch(r"\d+,\d{1,2}", whole) and match["fraction"] is None:
                # "1,5" would be 15 or 1.5 depending on who reads it: refuse, with a hint.
                raise error(field, text, ": write decimals with a point, e.g. 1.5")
            raise error(field, text, ": group the digits in threes (1,000,000), one separator")
        whole = re.sub(f"[{SEPARATORS}]", "", whole)
    exponent = match["exponent"] or "0"
    try:
        # Applying the context (the unary plus) rounds once, exactly as float() would.
        return +Decimal(f"{match['sign']}{whole}.{match['fraction'] or '0'}e{exponent}")
    except ArithmeticError:  # an exponent beyond what decimal holds
        raise error(field, text, " is too large") from None


def _finite(value: Decimal, field: str | None, text: str) -> float:
    number = float(value)  # inf where the decimal is beyond a float
    if not math.isfinite(number):
        raise ParseError(field, text, " is too large")
    return number


def _not_finite(text: str) -> bool:
    return text.strip().lstrip("+-").lower() in {"inf", "infinity", "nan"}


def parse_number(
    text: str,
    field: str | None = None,
    *,
    minimum: float | None = None,
    positive: bool = False,
    maximum: float | None = None,
) -> float:
    """A plain finite number (a parameter count, a score, a rate).

    ``minimum=0`` refuses negatives, ``positive`` refuses 0 too, ``maximum`` caps it.
    """
    if not text.strip():
        raise ParseError(field, text, " is empty; a number is needed")
    if _not_finite(text):
        raise ParseError(field, text, " is not a finite number")
    value = _finite(_decimal(text, text, field, "a number", ParseError), field, text)
    if maximum is not None and value > maximum:
        raise ParseError(field, text, f" is too large (at most {maximum:,.0f})")
    if positive and value <= 0:
        raise ParseError(field, text, " must be greater than 0")
    if minimum is not None and value < minimum:
        raise ParseError(
            field, text, " cannot be negative" if minimum == 0 else f" is below {minimum:g}"
        )
    return value


def parse_rate(text: str, field: str | None = None) -> float:
    """An exchange rate: units of a currency per one of the store's, a positive number."""
    try:
        return parse_number(text, field, positive=True)
    except ParseError as error:
        if error.problem != " must be greater than 0":
            raise
        raise ParseError(field, text, ": a rate must be a positive number") from None


# --- prices ---------------------------------------------------------------------------


def _without_currency(text: str, field: str | None, currency: str | None) -> str:
    """``text`` without a currency sign or code; another currency's code is refused."""
    bare = text.strip()
    if bare and unicodedata.category(bare[0]) == "Sc":
        return bare[1:].strip()
    if bare and unicodedata.category(bare[-1]) == "Sc":
        return bare[:-1].strip()
    match = _CODE_BEFORE.match(bare) or _CODE_AFTER.match(bare)
    if match is None:
        return bare
    code = match["code"].upper()
    if code != (currency or "").upper():
        if currency is None:
            raise ParseError(field, text, ": write the number without a currency code")
        raise ParseError(field, text, f": prices here are in {currency.upper()}, not {code}")
    return match["number"]


def parse_price(
    value: str | float,
    field: str | None = None,
    *,
    currency: str | None = None,
    maximum: float = MAX_PRICE_PER_MTOK,
) -> float:
    """A price (per million tokens, or per request): finite, 0 or more, at most ``maximum``.

    ``value`` may already be a number (a script's ``setData``): then only its range is checked.
    ``currency`` is the code the price is in: it may be written before or after the number.
    """
    if isinstance(value, bool):
        raise ParseError(field, repr(value), " is not a price")
    if isinstance(value, int | float):
        text = repr(value)
        number = float(value)
        if not math.isfinite(number):
            raise ParseError(field, text, " is not a finite number")
    else:
        text = value
        if not text.strip():
            raise ParseError(field, text, " is empty; a price is needed here")
        bare = _without_currency(text, field, currency)
        if _not_finite(bare):
            raise ParseError(field, text, " is not a finite number")
        number = _finite(_decimal(bare, text, field, "a price", ParseError), field, text)
    if number < 0:
        raise ParseError(field, text, " is negative; a price must be 0 or more")
    if number > maximum:
        raise ParseError(field, text, f" is too large; a price is at most {maximum:,.0f}")
    return number


def parse_optional_price(
    value: str | float | None,
    field: str | None = None,
    *,
    currency: str | None = None,
    maximum: float = MAX_PRICE_PER_MTOK,
) -> float | None:
    """:func:`parse_price`, where an empty text (or None) means "no price": None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_price(value, field, currency=currency, maximum=maximum)


# --- token volumes and shares ---------------------------------------------------------


_VOLUME_KIND = "a token volume; write a number such as 2500000, 2.5e6, 750k, 10M, 2.5B or 1T"
_VOLUME_HINT = f" is not {_VOLUME_KIND}"
_ABOVE_LIMIT = " is above the limit of 10^15 (1,000T) tokens a month"


def parse_token_volume(text: str, field: str | None = None, *, positive: bool = False) -> float:
    """A monthly (or per-request) token volume: ``2500000``, ``2.5e6``, ``750k``, ``10M``, ``1T``.

    ``positive`` refuses 0 (a prompt size, a tier threshold, a context window).
    Raises :class:`TokenVolumeParseError` quoting the text.
    """
    error = TokenVolumeParseError
    stripped = text.strip()
    match = _VOLUME_SUFFIX.match(stripped)
    number, suffix = (match["number"], match["suffix"]) if match else (stripped, "")
    if not number.strip() or number.strip()[0] == "+" or _not_finite(number):
        raise error(field, text, _VOLUME_HINT)
    if number.strip().startswith("-"):
        raise error(field, text, " is not a token volume: a volume cannot be negative")
    try:
        exact = _decimal(number, text, field, _VOLUME_KIND, error)
        exact *= TOKEN_SUFFIXES[suffix.lower()]
    except ArithmeticError:  # 1e999999k: beyond what decimal holds
        raise error(field, text, _ABOVE_LIMIT) from None
    except ParseError as problem:
        if problem.problem != " is too large":
            raise
        raise error(field, text, _ABOVE_LIMIT) from None
    # In decimal, then rounded once: float("16.1") * 1000 would give 16100.000000000002.
    value = float(exact)
    if not math.isfinite(value) or value > MAX_TOKEN_VOLUME:
        raise error(field, text, _ABOVE_LIMIT)
    if positive and value <= 0:
        raise error(field, text, " must be greater than 0")
    return value


def parse_share(text: str, field: str | None = None) -> float:
    """A share from 0 to 1: a fraction (``0.4``) or a percentage (``40%``, ``40 %``)."""
    stripped = text.strip()
    percent = stripped.endswith("%")
    number = stripped.removesuffix("%")
    try:
        if not number.strip() or _not_finite(number):
            raise ParseError(field, text, "")
        value = _finite(_decimal(number, text, field, "a share", ParseError), field, text)
    except ParseError:
        raise ParseError(
            field,
            text,
            " is not a share; write a fraction such as 0.4 or a percentage such as 40%",
        ) from None
    if percent:
        value /= 100
    if not 0.0 <= value <= 1.0:
        raise ParseError(field, text, " is outside 0 to 1 (0 % to 100 %)")
    return value


# --- dates ----------------------------------------------------------------------------


def date_start(text: str) -> dt.date:
    """The first day a store date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) covers.

    Raises ValueError for anything else, including a day or month that does not exist.
    """
    if not _STORE_DATE.match(text):
        raise ValueError(f"{text!r} is not a date; write {DATE_HINT}")
    parts = [int(part) for part in text.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(parts[0], parts[1], parts[2])


def check_store_date(text: str) -> str:
    """``text`` if it is a real store date; else ValueError (the store's validator calls this)."""
    try:
        date_start(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date; write {DATE_HINT}") from None
    return text


def parse_store_date(text: str, field: str | None = None) -> str:
    """A date as the store keeps it (``2025``, ``2025-07``, ``2025-07-11``), spaces removed."""
    value = text.strip()
    try:
        return check_store_date(value)
    except ValueError:
        raise ParseError(field, text, f" is not a date; write {DATE_HINT}") from None


def parse_day(text: str, field: str | None = None) -> dt.date:
    """A whole day written ``YYYY-MM-DD`` (a real one)."""
    value = text.strip()
    try:
        if _DAY.match(value):
            return date_start(value)
    except ValueError:
        pass
    raise ParseError(field, text, " is not a date written YYYY-MM-DD")


# --- codes, weekdays and times --------------------------------------------------------


def parse_currency_code(text: str, field: str | None = None) -> str:
    """An ISO 4217 code as three letters (``usd`` → ``USD``)."""
    code = text.strip().upper()
    if not (_CURRENCY_CODE.match(code) and code.isascii()):
        raise ParseError(field, text, " is not a currency code; write e.g. USD")
    return code


def _weekday(part: str, field: str | None) -> int:
    word = part.strip().lower()
    if len(word) >= 3 and word[:3] in _DAY_NAMES:
        return _DAY_NAMES.index(word[:3]) + 1
    if word.isascii() and word.isdigit() and 1 <= int(word) <= 7:
        return int(word)
    raise ParseError(field, part, " is not a day; write 1-7 or Mon…Sun")


def parse_weekdays(text: str, field: str | None = None) -> list[int]:
    """``1-5``, ``1,3,5``, ``Mon-Fri``, ``sat, sun`` as sorted ISO weekdays (1 = Monday)."""
    days: set[int] = set()
    for part in re.split(r"[,\s]+", text.strip()):
        if not part:
            continue
        first, dash, last = part.partition("-")
        start = _weekday(first, field)
        end = _weekday(last, field) if dash else start
        if end < start:
            raise ParseError(field, part, " runs backwards; write e.g. 1-5")
        days.update(range(start, end + 1))
    if not days:
        raise ParseError(field, text, " has no day; write 1-7 or Mon…Sun")
    return sorted(days)


def parse_utc_time(text: str, field: str | None = None) -> str:
    """A time of day ``HH:MM`` (``9:00`` becomes ``09:00``)."""
    value = text.strip()
    if len(value) == 4 and value[1] == ":":
        value = "0" + value  # 9:00 → 09:00
    if not _UTC_TIME.match(value):
        raise ParseError(field, text, " is not a time; write HH:MM (00:00–23:59)")
    return value
