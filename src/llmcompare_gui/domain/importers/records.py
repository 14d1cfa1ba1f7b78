"""What a price-file reader hands on: the formats, the records, the skipped entries, the error."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import Source


class ImportFormat(enum.StrEnum):
    LITELLM = "litellm"
    OPENROUTER = "openrouter"
    CSV = "csv"
    AIDER = "aider"
    BENCHMARK_CSV = "benchmark-csv"


class ImportFileError(ValueError):
    """The file cannot be understood; ``where`` locates the problem in it.

    ``problems`` lists every place found wrong (``"line 3, column id: …"``) when
    a reader checks the whole file before refusing it.
    """

    def __init__(
        self, problem: str, where: str | None = None, problems: Iterable[str] = ()
    ) -> None:
        self.problem = problem
        self.where = where
        self.problems = list(problems)
        super().__init__(f"{where}: {problem}" if where else problem)


@dataclass(frozen=True)
class SkippedEntry:
    """One entry of a file left out, and why (a bad price, say)."""

    id: str
    reason: str


class SkipTally(Counter[str]):
    """Entries not imported counted by reason, plus the ones worth naming one by one."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[SkippedEntry] = []

    def skip_entry(self, entry_id: str, reason: str) -> None:
        self.entries.append(SkippedEntry(entry_id, reason))
        self["invalid price"] += 1


OWN_PRICES = ("input_per_mtok", "output_per_mtok", "cached_input_per_mtok")
"""The prices an :class:`ImportedModel` holds in fields of its own; the others go in its card."""


@dataclass(frozen=True)
class ImportedModel:
    """What a source says about one model; None means the source does not say."""

    id: str
    name: str | None = None
    vendor: str | None = None
    input_per_mtok: float | None = None
    output_per_mtok: float | None = None
    cached_input_per_mtok: float | None = None
    context_window: float | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Other store fields (CSV columns named like them)."""
    card: Mapping[str, Any] = field(default_factory=dict)
    """Further price-card fields of CONTRACT §2 the source gives (cache writes, tiers…)."""
    unpriced: Mapping[str, Any] = field(default_factory=dict)
    """Prices only the source can interpret (per image, per second…), as it gives them."""


@dataclass(frozen=True)
class ReadResult:
    format: ImportFormat
    models: list[ImportedModel]
    skipped: Counter[str]
    """Entries not imported, counted by reason."""
    source: Source
    skipped_entries: list[SkippedEntry] = field(default_factory=list)
    """The skipped entries named one by one, with their reason."""
