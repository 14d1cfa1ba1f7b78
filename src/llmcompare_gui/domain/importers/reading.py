"""Shared readers of values in a source file: its JSON, per-token prices, counts and text."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from .records import ImportFileError

PER_MILLION = Decimal(1_000_000)


def parse_json(text: str) -> Any:
    try:
        return json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"not valid JSON: {error.msg}", f"line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:  # e.g. 100,000 nested "[": no price file looks like that
        raise ImportFileError("not valid JSON: nested too deeply") from None


def json_object(text: str) -> dict[str, Any]:
    data = parse_json(text)
    if not isinstance(data, dict):
        raise ImportFileError("expected a JSON object", "$")
    return data


def per_token(entry: Mapping[str, Any], key: str, where: str) -> float | None:
    """A per-token price (a number, or a numeric string) as a price per million tokens."""
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ImportFileError(f"{value!r} is not a price", f"{where}.{key}")
    try:
        exact = Decimal(str(value).strip())
    except InvalidOperation:
        raise ImportFileError(f"{value!r} is not a price", f"{where}.{key}") from None
    if not exact.is_finite():
        raise ImportFileError(f"{value!r} is not a finite price", f"{where}.{key}")
    if exact < 0:
        raise ImportFileError(f"{value!r} is negative", f"{where}.{key}")
    # Decimal keeps 1.35e-06 × 10^6 at 1.35 instead of 1.3499999999999999.
    per_million = float(exact * PER_MILLION)
    if not math.isfinite(per_million):  # "1e400" is a finite Decimal but no float
        raise ImportFileError(f"{value!r} is too large a price", f"{where}.{key}")
    return per_million


def per_unit(entry: Mapping[str, Any], key: str, where: str) -> float | None:
    """A price per request (or other unit) as it is, not scaled."""
    per_million = per_token(entry, key, where)
    return None if per_million is None else float(Decimal(repr(per_million)) / PER_MILLION)


def positive_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)  # an integer beyond 1.8e308 has no float
    except OverflowError:
        return None
    return number if math.isfinite(number) and number > 0 else None


def stripped_text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def storable(value: Any) -> bool:
    """Whether a value can be kept in the store as it is (JSON with finite numbers)."""
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return value is not None


def require_columns(header: Sequence[str], required: Sequence[str]) -> None:
    """Refuse a CSV whose header row (already stripped) lacks a required column."""
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFileError(
            "the header row lacks the column"
            + ("s " if len(missing) > 1 else " ")
            + ", ".join(missing)
            + f" (found: {', '.join(header) or 'nothing'})",
            "line 1",
        )
