"""One way in for every import: guess the format, read the file, plan the change.

Price files (:mod:`.importers`) and benchmark files (:mod:`.benchmark_import`)
go through the same two steps, so the command line and the window's preview
treat them alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from .benchmark_import import (
    BenchmarkReadResult,
    looks_like_aider,
    looks_like_benchmark_csv,
    plan_benchmark_import,
    read_aider_leaderboard,
    read_benchmark_csv,
)
from .importers import ImportFormat, ImportPlan, ReadResult, detect_format, plan_import
from .importers import read_price_file as _read_price_file
from .model import Store

AnyReadResult = ReadResult | BenchmarkReadResult


def guess_format(text: str) -> ImportFormat:
    """The format of ``text``: JSON price lists by shape, YAML runs, then CSV by its header."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("{", "[")):
        if looks_like_aider(stripped):
            return ImportFormat.AIDER
        if looks_like_benchmark_csv(stripped):
            return ImportFormat.BENCHMARK_CSV
    return detect_format(text)


def read_import_file(
    text: str, fmt: ImportFormat | None = None, source_name: str = "imported file"
) -> AnyReadResult:
    fmt = fmt or guess_format(text)
    if fmt is ImportFormat.AIDER:
        return read_aider_leaderboard(text, source_name)
    if fmt is ImportFormat.BENCHMARK_CSV:
        return read_benchmark_csv(text, source_name)
    return _read_price_file(text, fmt, source_name)


def plan_any_import(
    store: Store, result: AnyReadResult, assignments: Mapping[str, str] | None = None
) -> ImportPlan:
    if isinstance(result, BenchmarkReadResult):
        return plan_benchmark_import(store, result, assignments)
    return plan_import(store, result)
