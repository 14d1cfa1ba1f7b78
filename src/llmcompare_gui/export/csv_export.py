"""CSV that spreadsheets read safely.

Numbers are written by :func:`~llmcompare_gui.domain.formatting.plain_number`:
plain decimals (never ``1e-05``), rounded so float noise (``329.99999999999994``)
never reaches a file; text that a spreadsheet would run as a formula is prefixed
with ``'``. Every CSV the app writes goes through :func:`format_cell`.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..atomicfile import write_text_atomically
from ..domain.comparison import Cell
from ..domain.formatting import plain_number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def format_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return plain_number(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([format_cell(cell) for cell in row])
    return buffer.getvalue()


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """Write atomically; raises :class:`~llmcompare_gui.atomicfile.FileWriteError`."""
    write_text_atomically(path, csv_text(header, rows))
