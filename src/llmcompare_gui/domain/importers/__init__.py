"""Reading other people's price lists: LiteLLM's JSON, OpenRouter's JSON, CSV.

An import happens in two steps so that a person can look before anything is
written: :func:`read_price_file` turns a file's text into
:class:`~.records.ImportedModel` records (or raises :class:`ImportFileError` naming the
place), and :func:`plan_import` compares them with a store and returns an
:class:`ImportPlan` whose ``store`` is the result, with the lists of what was
added, updated, left unchanged and skipped.

One module a job: ``records`` (what a reader hands on), ``reading`` (values
shared by the readers), one reader a format (``litellm``, ``openrouter``,
``csv_prices``), ``price_file`` (which format, which reader), ``plan`` (the
merge into a store) and ``summary`` (what an import did, as lines).
"""

from .plan import ImportPlan, UnmatchedEntry, plan_import
from .price_file import detect_format, read_price_file
from .records import ImportFileError, ImportFormat, ReadResult
from .summary import summary_lines

__all__ = [
    "ImportFileError",
    "ImportFormat",
    "ImportPlan",
    "ReadResult",
    "UnmatchedEntry",
    "detect_format",
    "plan_import",
    "read_price_file",
    "summary_lines",
]
