"""Reading a price file: which format its text is in, and the reader for that format."""

from __future__ import annotations

from datetime import date

from ..model import Source
from .csv_prices import read_csv
from .litellm import read_litellm
from .openrouter import read_openrouter
from .reading import parse_json
from .records import ImportFileError, ImportFormat, ReadResult, SkipTally


def detect_format(text: str) -> ImportFormat:
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("{", "[")):
        return ImportFormat.CSV
    data = parse_json(stripped)
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        return ImportFormat.OPENROUTER
    if isinstance(data, dict):
        return ImportFormat.LITELLM
    raise ImportFileError(
        "a JSON array is neither LiteLLM's price file (an object of models) nor "
        'OpenRouter\'s models list ({"data": [...]})',
        "$",
    )


def read_price_file(
    text: str, fmt: ImportFormat | None = None, source_name: str = "imported file"
) -> ReadResult:
    fmt = fmt or detect_format(text)
    source = Source(
        title=_SOURCE_TITLES[fmt].format(name=source_name), retrieved=date.today().isoformat()
    )
    try:
        models, skipped = _READERS[fmt](text)
    except RecursionError:  # a reader walking a deeply nested value
        raise ImportFileError("nested too deeply to be a price file") from None
    entries = list(skipped.entries) if isinstance(skipped, SkipTally) else []
    return ReadResult(fmt, models, skipped, source, entries)


_READERS = {
    ImportFormat.LITELLM: read_litellm,
    ImportFormat.OPENROUTER: read_openrouter,
    ImportFormat.CSV: read_csv,
}
_SOURCE_TITLES = {
    ImportFormat.LITELLM: "LiteLLM model_prices_and_context_window.json ({name})",
    ImportFormat.OPENROUTER: "OpenRouter /api/v1/models ({name})",
    ImportFormat.CSV: "CSV import ({name})",
}
