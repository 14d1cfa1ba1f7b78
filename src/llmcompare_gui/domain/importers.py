"""Reading other people's price lists: LiteLLM's JSON, OpenRouter's JSON, CSV.

An import happens in two steps so that a person can look before anything is
written: :func:`read_price_file` turns a file's text into
:class:`ImportedModel` records (or raises :class:`ImportFileError` naming the
place), and :func:`plan_import` compares them with a store and returns an
:class:`ImportPlan` whose ``store`` is the result, with the lists of what was
added, updated, left unchanged and skipped.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from .model import Model, Source, Store
from .parsing import ParseError, parse_price, parse_token_volume
from .validation import describe

PER_MILLION = Decimal(1_000_000)
CARD_FIELDS = (
    "input_per_mtok",
    "output_per_mtok",
    "cached_input_per_mtok",
    "cache_write_per_mtok",
    "cache_write_1h_per_mtok",
    "reasoning_per_mtok",
    "per_request",
    "currency",
    "tiers",
    "service_tiers",
    "off_peak",
)
"""What a dated price point keeps of a card (CONTRACT §2)."""
LITELLM_MODES = frozenset({"chat", "completion", "responses"})
CSV_REQUIRED = ("id", "name", "input_per_mtok", "output_per_mtok")
# A leading quote that our own CSV export adds to neutralise a formula.
_NEUTRALISED_STARTS = ("'=", "'+", "'-", "'@", "'\t", "'\r")


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


@dataclass(frozen=True)
class UnmatchedEntry:
    """A benchmark run or score that belongs to no model in the store."""

    key: str
    """The run's name (Aider: its dirname), or a CSV row's model id."""
    label: str
    """The model as the file names it (a CSV row: its benchmark)."""
    model_id: str
    """The id the file gives (Aider: ``--model``), which an assignment adds as an alias."""


@dataclass(frozen=True)
class ImportPlan:
    store: Store
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    skipped: Counter[str]
    skipped_entries: list[SkippedEntry] = field(default_factory=list)
    unmatched: list[UnmatchedEntry] = field(default_factory=list)
    """Benchmark runs or scores that belong to no model: listed, not imported."""
    matched: list[tuple[str, str]] = field(default_factory=list)
    """Benchmark runs or scores (their key) and the model id each belongs to."""

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.updated)


def detect_format(text: str) -> ImportFormat:
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("{", "[")):
        return ImportFormat.CSV
    data = _parse_json(stripped)
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


def plan_import(store: Store, result: ReadResult, today: str | None = None) -> ImportPlan:
    """The store after importing ``result``: new ids added, known ids updated.

    Only what the source gives is changed; a changed price card is kept in the
    model's price history. Importing the same records twice changes nothing.
    """
    today = today or date.today().isoformat()
    models = list(store.models)
    index = {model.id: row for row, model in enumerate(models)}
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    skipped = Counter(result.skipped)
    skipped_entries = list(result.skipped_entries)
    seen: set[str] = set()
    for record in result.models:
        if record.id in seen:
            skipped["repeated id in the file"] += 1
            continue
        seen.add(record.id)
        row = index.get(record.id)
        try:
            if row is None:
                new = _new_model(record, result.source, today)
                if new is None:
                    skipped["no input and output price"] += 1
                    continue
                index[record.id] = len(models)
                models.append(new)
                added.append(record.id)
                continue
            changed = _updated_model(models[row], record, result.source, today)
        except (ValidationError, ValueError) as error:
            skipped["invalid values"] += 1
            skipped_entries.append(SkippedEntry(record.id, describe(error)))
            continue
        if changed is None:
            unchanged.append(record.id)
        else:
            models[row] = changed
            updated.append(record.id)
    new_store = store.model_copy(update={"models": models}) if added or updated else store
    return ImportPlan(new_store, added, updated, unchanged, skipped, skipped_entries)


def _new_model(record: ImportedModel, source: Source, today: str) -> Model | None:
    if record.input_per_mtok is None or record.output_per_mtok is None:
        return None
    data: dict[str, Any] = {"id": record.id, "name": record.name or record.id}
    if record.vendor:
        data["vendor"] = record.vendor
    if record.context_window is not None:
        data["architecture"] = {
            "context_window": {"value": record.context_window, "source": source.model_dump()}
        }
    pricing: dict[str, Any] = {
        "input_per_mtok": record.input_per_mtok,
        "output_per_mtok": record.output_per_mtok,
    }
    if record.cached_input_per_mtok is not None:
        pricing["cached_input_per_mtok"] = record.cached_input_per_mtok
    pricing.update(record.card)
    if record.unpriced:
        pricing["unpriced"] = dict(record.unpriced)
    pricing["as_of"] = today
    pricing["source"] = source.model_dump(exclude_unset=True)
    data["pricing"] = pricing
    data.update(record.extra)
    data["sources"] = [source.model_dump(exclude_unset=True)]
    return Model.model_validate(data)


def _updated_model(model: Model, record: ImportedModel, source: Source, today: str) -> Model | None:
    data = model.model_dump(exclude_unset=True)
    before = json.dumps(data, sort_keys=True)
    pricing = data["pricing"]
    price_fields = {
        "input_per_mtok": record.input_per_mtok,
        "output_per_mtok": record.output_per_mtok,
        "cached_input_per_mtok": record.cached_input_per_mtok,
        **record.card,
    }
    new_prices = {k: v for k, v in price_fields.items() if v is not None and pricing.get(k) != v}
    if record.unpriced and pricing.get("unpriced") != dict(record.unpriced):
        pricing["unpriced"] = dict(record.unpriced)
    if new_prices:
        old_card: dict[str, Any] = {
            k: pricing[k] for k in CARD_FIELDS if pricing.get(k) is not None
        }
        if "as_of" in pricing:  # when it was checked: the file does not say when it took effect
            old_card["as_of"] = pricing["as_of"]
        if "source" in pricing:
            old_card["source"] = pricing["source"]
        old_card["note"] = "Price before an import on " + today
        pricing.setdefault("history", []).append(old_card)
        pricing.update(new_prices)
        pricing["as_of"] = today
        pricing["source"] = source.model_dump(exclude_unset=True)
    if record.name and record.name != data.get("name"):
        data["name"] = record.name
    if record.vendor and record.vendor != data.get("vendor"):
        data["vendor"] = record.vendor
    if record.context_window is not None:
        architecture = data.setdefault("architecture", {})
        window = architecture.get("context_window") or {}
        if window.get("value") != record.context_window:
            architecture["context_window"] = {
                "value": record.context_window,
                "source": source.model_dump(exclude_unset=True),
            }
    for key, value in record.extra.items():
        if data.get(key) != value:
            data[key] = value
    if json.dumps(data, sort_keys=True) == before:
        return None
    # Validated afresh, so the result carries exactly the fields set above.
    return Model.model_validate(data)


# --- LiteLLM -------------------------------------------------------------------------


def _read_litellm(text: str) -> tuple[list[ImportedModel], Counter[str]]:
    data = _json_object(text)
    models: list[ImportedModel] = []
    skipped = SkipTally()
    for key, entry in data.items():
        if key == "sample_spec":
            continue
        if not isinstance(entry, dict):
            raise ImportFileError("expected an object describing a model", f"$[{key!r}]")
        mode = entry.get("mode")
        if not isinstance(mode, str) or mode not in LITELLM_MODES:  # a list is not hashable
            skipped[
                f"mode {mode}" if isinstance(mode, str) and len(mode) < 40 else "no or unknown mode"
            ] += 1
            continue
        where = f"$[{key!r}]"
        # One bad entry among thousands is skipped with its reason, not the whole file.
        try:
            card, unpriced = _litellm_card(entry, where)
            models.append(
                ImportedModel(
                    id=key,
                    vendor=_text(entry.get("litellm_provider")),
                    input_per_mtok=card.pop("input_per_mtok", None),
                    output_per_mtok=card.pop("output_per_mtok", None),
                    cached_input_per_mtok=card.pop("cached_input_per_mtok", None),
                    context_window=_positive(entry.get("max_input_tokens")),
                    card=card,
                    unpriced=unpriced,
                )
            )
        except ImportFileError as error:
            skipped.skip_entry(key, str(error))
    return models, skipped


# LiteLLM's per-token keys and the card fields they fill. A key may carry a
# long-context suffix (_above_200k_tokens) and a service-tier suffix
# (_batches, _flex, _priority), in either order.
_LITELLM_STEMS = {
    "input_cost_per_token": "input_per_mtok",
    "output_cost_per_token": "output_per_mtok",
    "cache_read_input_token_cost": "cached_input_per_mtok",
    "input_cost_per_token_cache_hit": "cached_input_per_mtok",
    "cache_creation_input_token_cost": "cache_write_per_mtok",
    "cache_creation_input_token_cost_above_1hr": "cache_write_1h_per_mtok",
    "output_cost_per_reasoning_token": "reasoning_per_mtok",
    "input_cost_per_request": "per_request",
}
_FALLBACK_STEMS = {"input_cost_per_token_cache_hit"}
"""Used only where the preferred key for the same field is absent."""
_LITELLM_KEY = re.compile(
    r"^(?P<stem>" + "|".join(sorted(map(re.escape, _LITELLM_STEMS), key=len, reverse=True)) + r")"
    r"(?:_above_(?P<tier>\d+(?:\.\d+)?)k_tokens)?"
    r"(?:_(?P<service>batches|flex|priority))?"
    r"(?:_above_(?P<tier_after>\d+(?:\.\d+)?)k_tokens)?$"
)
_LITELLM_SERVICES = {"batches": "batch", "flex": "flex", "priority": "priority"}
_LITELLM_STRUCTURED = {"tiered_pricing", "off_peak_pricing"}
_PRICE_WORDS = re.compile(r"cost|pric", re.IGNORECASE)


def _litellm_card(entry: Mapping[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The price card an entry describes, and the prices it has that §2 cannot hold."""
    # (service tier or "", tier threshold or 0) -> field -> price
    prices: dict[tuple[str, int], dict[str, float]] = {}
    fallbacks: dict[tuple[str, int], dict[str, float]] = {}
    unpriced: dict[str, Any] = {}
    for key, value in entry.items():
        match = _LITELLM_KEY.match(key)
        if match is None:
            if key not in _LITELLM_STRUCTURED and _PRICE_WORDS.search(key) and _storable(value):
                unpriced[key] = value
            continue
        if match["tier"] and match["tier_after"]:
            continue  # two thresholds in one key: not a shape LiteLLM uses
        stem = match["stem"]
        threshold_text = match["tier"] or match["tier_after"]
        threshold = int(Decimal(threshold_text) * 1000) if threshold_text else 0
        slot = (_LITELLM_SERVICES.get(match["service"] or "", ""), threshold)
        if stem == "input_cost_per_request":
            price = _per_unit(entry, key, where)
        else:
            price = _per_token(entry, key, where)
        if price is None:
            continue
        target = fallbacks if stem in _FALLBACK_STEMS else prices
        target.setdefault(slot, {})[_LITELLM_STEMS[stem]] = price
    for slot, fields in fallbacks.items():
        for name, price in fields.items():
            prices.setdefault(slot, {}).setdefault(name, price)
    tiered = entry.get("tiered_pricing")
    if isinstance(tiered, list):
        _add_tiered_pricing(tiered, prices, f"{where}.tiered_pricing")
    card: dict[str, Any] = dict(prices.get(("", 0), {}))
    tiers = _tier_list(prices, "")
    if tiers:
        card["tiers"] = tiers
    services: dict[str, Any] = {}
    for service in ("batch", "flex", "priority"):
        own = prices.get((service, 0))
        service_tiers = _tier_list(prices, service)
        if own is None and not service_tiers:
            continue
        services[service] = dict(own or {})
        if service_tiers:
            services[service]["tiers"] = service_tiers
    if services:
        card["service_tiers"] = services
    off_peak = entry.get("off_peak_pricing")
    if isinstance(off_peak, dict):
        card["off_peak"] = _litellm_off_peak(off_peak, f"{where}.off_peak_pricing")
    return card, unpriced


def _tier_list(
    prices: dict[tuple[str, int], dict[str, float]], service: str
) -> list[dict[str, Any]]:
    return [
        {"above_prompt_tokens": threshold, **fields}
        for (owner, threshold), fields in sorted(prices.items(), key=lambda item: item[0][1])
        if owner == service and threshold > 0 and fields
    ]


def _add_tiered_pricing(
    ranges: list[Any], prices: dict[tuple[str, int], dict[str, float]], where: str
) -> None:
    """LiteLLM's ``tiered_pricing``: ``range: [from, to]`` of prompt tokens with their prices."""
    for position, tier in enumerate(ranges):
        here = f"{where}[{position}]"
        if not isinstance(tier, dict):
            raise ImportFileError("expected an object with a range and prices", here)
        bounds = tier.get("range")
        if (
            not isinstance(bounds, list)
            or not bounds
            or isinstance(bounds[0], bool)
            or not isinstance(bounds[0], int | float)
            or not math.isfinite(bounds[0])
            or bounds[0] < 0
        ):
            raise ImportFileError("expected range: [from, to] in prompt tokens", f"{here}.range")
        threshold = int(bounds[0])
        fields: dict[str, float] = {}
        for key in tier:
            match = _LITELLM_KEY.match(key)
            if match is None or match["tier"] or match["service"] or match["tier_after"]:
                continue
            price = (
                _per_unit(tier, key, here)
                if match["stem"] == "input_cost_per_request"
                else _per_token(tier, key, here)
            )
            if price is not None:
                fields.setdefault(_LITELLM_STEMS[match["stem"]], price)
        # The first range (from 0) is the card itself where the entry gives no flat price.
        slot = ("", threshold)
        existing = prices.setdefault(slot, {})
        for name, price in fields.items():
            existing.setdefault(name, price)


def _litellm_off_peak(data: Mapping[str, Any], where: str) -> dict[str, Any]:
    card: dict[str, Any] = {}
    for key in data:
        match = _LITELLM_KEY.match(key)
        if match is None or match["tier"] or match["service"] or match["tier_after"]:
            continue
        price = (
            _per_unit(data, key, where)
            if match["stem"] == "input_cost_per_request"
            else _per_token(data, key, where)
        )
        if price is not None:
            name = _LITELLM_STEMS[match["stem"]]
            if match["stem"] not in _FALLBACK_STEMS or name not in card:
                card[name] = price
    windows: list[dict[str, Any]] = []
    raw_windows = data.get("windows", [])
    if not isinstance(raw_windows, list):
        raise ImportFileError("expected a list of windows", f"{where}.windows")
    for position, window in enumerate(raw_windows):
        here = f"{where}.windows[{position}]"
        if not isinstance(window, dict):
            raise ImportFileError("expected {hours_utc, weekdays}", here)
        days = window.get("weekdays", [1, 2, 3, 4, 5, 6, 7])
        if (
            not isinstance(days, list)
            or not days
            or not all(type(day) is int and 1 <= day <= 7 for day in days)
        ):
            raise ImportFileError("weekdays must be ISO weekdays 1 to 7", f"{here}.weekdays")
        hours = window.get("hours_utc", "00:00-00:00")
        spans = [hours] if isinstance(hours, str) else hours
        if not isinstance(spans, list):
            raise ImportFileError('expected "HH:MM-HH:MM" or a list of them', f"{here}.hours_utc")
        for span in spans:
            found = _HOURS.match(span) if isinstance(span, str) else None
            if found is None:
                raise ImportFileError(
                    f'{span!r} is not a span of hours such as "16:30-00:30"', f"{here}.hours_utc"
                )
            windows.append(
                {"days": sorted(set(days)), "start_utc": found["start"], "end_utc": found["end"]}
            )
    card["windows"] = windows
    return card


_HOURS = re.compile(
    r"^\s*(?P<start>(?:[01]\d|2[0-3]):[0-5]\d)\s*-\s*(?P<end>(?:[01]\d|2[0-3]):[0-5]\d)\s*$"
)


def _storable(value: Any) -> bool:
    """Whether a value can be kept in the store as it is (JSON with finite numbers)."""
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return value is not None


# --- OpenRouter ----------------------------------------------------------------------


def _read_openrouter(text: str) -> tuple[list[ImportedModel], Counter[str]]:
    data = _json_object(text)
    entries = data.get("data")
    if not isinstance(entries, list):
        raise ImportFileError('expected {"data": [...]}, the shape of /api/v1/models', "$.data")
    models: list[ImportedModel] = []
    skipped = SkipTally()
    for position, entry in enumerate(entries):
        where = f"$.data[{position}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
            raise ImportFileError("expected a model object with an id", where)
        pricing = entry.get("pricing") or {}
        if not isinstance(pricing, dict):
            raise ImportFileError("pricing must be an object", f"{where}.pricing")
        try:
            prices = {
                name: _per_token(pricing, key, f"{where}.pricing")
                for name, key in (
                    ("input", "prompt"),
                    ("output", "completion"),
                    ("cached", "input_cache_read"),
                    ("cache_write_per_mtok", "input_cache_write"),
                    ("reasoning_per_mtok", "internal_reasoning"),
                )
            }
            prices["per_request"] = _per_unit(pricing, "request", f"{where}.pricing")
        except ImportFileError as error:
            if "negative" in error.problem:  # OpenRouter marks variable prices with -1
                skipped["variable price"] += 1
            else:
                skipped.skip_entry(entry["id"], str(error))
            continue
        model_id = entry["id"]
        # OpenRouter writes "0" for a price a model does not have; a zero reasoning
        # price would make reasoning free where it is billed as output.
        card = {
            name: prices[name]
            for name in ("cache_write_per_mtok", "reasoning_per_mtok", "per_request")
            if prices[name]
        }
        unpriced = {
            key: value
            for key, value in pricing.items()
            if key not in _OPENROUTER_PRICED and _storable(value) and not _is_zero(value)
        }
        models.append(
            ImportedModel(
                id=model_id,
                name=_text(entry.get("name")),
                vendor=model_id.split("/", 1)[0] if "/" in model_id else None,
                input_per_mtok=prices["input"],
                output_per_mtok=prices["output"],
                cached_input_per_mtok=prices["cached"],
                context_window=_positive(entry.get("context_length")),
                card=card,
                unpriced=unpriced,
            )
        )
    return models, skipped


_OPENROUTER_PRICED = frozenset(
    {
        "prompt",
        "completion",
        "input_cache_read",
        "input_cache_write",
        "internal_reasoning",
        "request",
    }
)


def _is_zero(value: Any) -> bool:
    try:
        return Decimal(str(value).strip()) == 0
    except (InvalidOperation, ValueError):
        return False


# --- CSV -----------------------------------------------------------------------------

_CSV_PRICES = (
    "input_per_mtok",
    "output_per_mtok",
    "cached_input_per_mtok",
    "cache_write_per_mtok",
    "cache_write_1h_per_mtok",
    "reasoning_per_mtok",
    "per_request",
)
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


def _read_csv(text: str) -> tuple[list[ImportedModel], Counter[str]]:
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
    missing = [name for name in CSV_REQUIRED if name not in header]
    if missing:
        raise ImportFileError(
            "the header row lacks the column"
            + ("s " if len(missing) > 1 else " ")
            + ", ".join(missing)
            + f" (found: {', '.join(header) or 'nothing'})",
            "line 1",
        )
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
    card: dict[str, Any] = {
        name: prices[name] for name in _CSV_PRICES[3:] if prices[name] is not None
    }
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


# --- shared --------------------------------------------------------------------------


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"not valid JSON: {error.msg}", f"line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:  # e.g. 100,000 nested "[": no price file looks like that
        raise ImportFileError("not valid JSON: nested too deeply") from None


def _json_object(text: str) -> dict[str, Any]:
    data = _parse_json(text)
    if not isinstance(data, dict):
        raise ImportFileError("expected a JSON object", "$")
    return data


def _per_token(entry: Mapping[str, Any], key: str, where: str) -> float | None:
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


def _per_unit(entry: Mapping[str, Any], key: str, where: str) -> float | None:
    """A price per request (or other unit) as it is, not scaled."""
    per_million = _per_token(entry, key, where)
    return None if per_million is None else float(Decimal(repr(per_million)) / PER_MILLION)


def _positive(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)  # an integer beyond 1.8e308 has no float
    except OverflowError:
        return None
    return number if math.isfinite(number) and number > 0 else None


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def summary_lines(plan: ImportPlan, dry_run: bool, limit: int = 20) -> Iterable[str]:
    """What an import did (or would do), for a terminal or a dialog."""
    verb = "would be " if dry_run else ""
    for label, ids in (("added", plan.added), ("updated", plan.updated)):
        yield f"{len(ids)} {verb}{label}" + (":" if ids else "")
        for model_id in ids[:limit]:
            yield f"  {model_id}"
        if len(ids) > limit:
            yield f"  … and {len(ids) - limit} more"
    yield f"{len(plan.unchanged)} unchanged"
    total = sum(plan.skipped.values())
    yield f"{total} skipped" + (":" if total else "")
    for reason, count in sorted(plan.skipped.items(), key=lambda item: (-item[1], item[0])):
        yield f"  {count} × {reason}"
    for entry in plan.skipped_entries[:limit]:
        yield f"    {entry.id}: {entry.reason}"
    if len(plan.skipped_entries) > limit:
        yield f"    … and {len(plan.skipped_entries) - limit} more"
    if plan.matched:
        yield f"{len(plan.matched)} matched to a model:"
        for key, model_id in plan.matched[:limit]:
            yield f"  {key} → {model_id}"
        if len(plan.matched) > limit:
            yield f"  … and {len(plan.matched) - limit} more"
    if plan.unmatched:
        yield f"{len(plan.unmatched)} matching no model (not imported):"
        for missing in plan.unmatched[:limit]:
            yield f"  {missing.key}: {missing.label}" + (
                f" ({missing.model_id})"
                if missing.model_id and missing.model_id != missing.key
                else ""
            )
        if len(plan.unmatched) > limit:
            yield f"  … and {len(plan.unmatched) - limit} more"


_READERS = {
    ImportFormat.LITELLM: _read_litellm,
    ImportFormat.OPENROUTER: _read_openrouter,
    ImportFormat.CSV: _read_csv,
}
_SOURCE_TITLES = {
    ImportFormat.LITELLM: "LiteLLM model_prices_and_context_window.json ({name})",
    ImportFormat.OPENROUTER: "OpenRouter /api/v1/models ({name})",
    ImportFormat.CSV: "CSV import ({name})",
}
