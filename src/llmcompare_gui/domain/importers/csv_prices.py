"""The price CSV: its delimiter, header and cells (our own export's neutralised ones too)."""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..model import PRICE_FIELDS
from ..parsing import ParseError, parse_price, parse_token_volume
from .reading import require_columns
from .records import OWN_PRICES, ImportedModel, ImportFileError

CSV_REQUIRED = ("id", "name", "input_per_mtok", "output_per_mtok")
# A leading quote that our own CSV export adds to neutralise a formula.
_NEUTRALISED_STARTS = ("'=", "'+", "'-", "'@", "'\t", "'\r")

_CARD_PRICES = tuple(name for name in PRICE_FIELDS if name not in OWN_PRICES)
_CSV_PRICES = (*OWN_PRICES, *_CARD_PRICES)
_CSV_TEXT_FIELDS = ("vendor", "family", "license", "notes")


CSV_DELIMITERS = (",", ";", "\t")
"""What spreadsheets write: a comma, or a semicolon where the comma is the decimal mark."""
CSV_PROBLEMS_SHOWN = 20
"""Bad lines named in the message; all of them are counted."""


def csv_delimiter(text: str) -> str:
    """The delimiter under which the header row holds the required columns (else ``,``)."""
    first_line = next(iter(io.StringIO(text, newline="")), "")
    for delimiter in CSV_DELIMITERS:
        try:
            header = next(csv.reader([first_line], delimiter=delimiter), [])
        except csv.Error:  # a quote or a carriage return the reader will name
            continue
        if set(CSV_REQUIRED) <= {name.strip() for name in header}:
            return delimiter
    return ","


def read_csv(text: str) -> tuple[list[ImportedModel], Counter[str]]:
    text = text.lstrip("\ufeff")
    # newline="": a lone carriage return ends a row, as in any spreadsheet's CSV,
    # instead of making the csv module fail mid-field.
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    try:
        return _csv_models(reader)
    except csv.Error as error:
        raise ImportFileError(f"not readable as CSV ({error})", f"line {reader.line_num}") from None


def _csv_models(reader: csv.DictReader[str]) -> tuple[list[ImportedModel], Counter[str]]:
    header = [name.strip() for name in reader.fieldnames or []]
    require_columns(header, CSV_REQUIRED)
    reader.fieldnames = header
    models: list[ImportedModel] = []
    skipped: Counter[str] = Counter()
    problems: list[str] = []
    # Every line is checked before refusing, so one pass over the file finds them all.
    for row in reader:
        try:
            record = _csv_record(row, f"line {reader.line_num}")
        except ImportFileError as error:
            problems.append(str(error))
            continue
        if record is not None:
            models.append(record)
    if problems:
        shown = "; ".join(problems[:CSV_PROBLEMS_SHOWN])
        more = len(problems) - CSV_PROBLEMS_SHOWN
        if more > 0:
            shown += f"; and {more} more"
        count = f"{len(problems)} bad line{'s' if len(problems) != 1 else ''}"
        raise ImportFileError(f"{count}, nothing imported: {shown}", problems=problems)
    return models, skipped


def _csv_record(row: Mapping[str | None, Any], line: str) -> ImportedModel | None:
    if None in row:  # csv.DictReader files cells beyond the header under None
        raise ImportFileError("more cells than the header has columns", line)
    cells = {key: _unneutralise((value or "").strip()) for key, value in row.items() if key}
    if not any(cells.values()):
        return None
    if not cells["id"]:
        raise ImportFileError("the id is empty", f"{line}, column id")
    # Not "currency": in the table export that column is the cost's currency.
    currency = cells.get("price_currency", "")
    if currency and not re.fullmatch(r"[A-Z]{3}", currency):
        raise ImportFileError(
            f"{currency!r} is not a currency code such as USD",
            f"{line}, column price_currency",
        )
    prices = {
        name: _csv_price(cells.get(name, ""), f"{line}, column {name}", currency or None)
        for name in _CSV_PRICES
    }
    extra = {name: cells[name] for name in _CSV_TEXT_FIELDS if cells.get(name)}
    card: dict[str, Any] = {name: prices[name] for name in _CARD_PRICES if prices[name] is not None}
    if currency:
        card["currency"] = currency
    return ImportedModel(
        id=cells["id"],
        name=cells["name"] or None,
        vendor=extra.pop("vendor", None),
        input_per_mtok=prices["input_per_mtok"],
        output_per_mtok=prices["output_per_mtok"],
        cached_input_per_mtok=prices["cached_input_per_mtok"],
        context_window=_csv_count(
            cells.get("context_window", ""), f"{line}, column context_window"
        ),
        extra=extra,
        card=card,
    )


def _csv_price(cell: str, where: str, currency: str | None) -> float | None:
    if cell in {"", "—", "-"}:
        return None
    try:
        # No editor's cap: a store takes any finite price, and the preview flags absurd ones.
        return parse_price(cell, currency=currency, maximum=math.inf)
    except ParseError as error:
        raise ImportFileError(str(error), where) from None


def _csv_count(cell: str, where: str) -> float | None:
    if cell in {"", "—", "-"}:
        return None
    try:
        return parse_token_volume(cell, positive=True)
    except ParseError as error:
        raise ImportFileError(str(error), where) from None


def _unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith(_NEUTRALISED_STARTS) else cell
