"""The add / edit form's result as a pure function: the original model and what changed → a Model.

Editing never loses what the form does not show. The result is built from a
copy of the original model's own fields (``model_dump(exclude_unset=True)``:
unknown extra fields, price history, per-figure sources…), and a field of it
is only touched where :class:`ModelEdit` says the user changed it. A field the
original did not have is only added when it is given a value, so a store saved
with ``exclude_unset=True`` gains no empty defaults; an object (``positioning``,
``architecture``…) the original did not have is only added when something in
it is set.

A list shown as table rows (modes, sources, tiers, off-peak windows) is rebuilt
from its rows in their order: each :class:`RowEdit` names the original entry it
shows (its unknown keys are kept) and the cells the user changed.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import ValidationError

from .formatting import token_volume as format_token_volume
from .model import Model, Source
from .parsing import parse_token_volume
from .price_edit import user_priced
from .validation import Location, first_problem

Data = dict[str, Any]


class _Remove:
    """The type of :data:`REMOVE`."""

    def __repr__(self) -> str:
        return "REMOVE"


REMOVE: Final = _Remove()
"""A change that removes a key (the user cleared the field)."""

Changes = Mapping[str, Any]
"""Key → new value, or :data:`REMOVE`; a key not given is left as it is."""

SERVICE_TIER_NAMES = ("batch", "flex", "priority")
TIER_PRICE_KEYS = ("input_per_mtok", "cached_input_per_mtok", "output_per_mtok")
LONG_TIER_KEYS = (
    *TIER_PRICE_KEYS,
    "cache_write_per_mtok",
    "cache_write_1h_per_mtok",
    "reasoning_per_mtok",
    "per_request",
)
"""A long-context tier's prices."""


class EditError(ValueError):
    """An edit that gives no valid model; ``loc`` is where in the model (as pydantic's ``loc``)."""

    def __init__(self, loc: Location, message: str) -> None:
        self.loc = loc
        super().__init__(message)


@dataclass(frozen=True)
class RowEdit:
    """One row of a list as the form shows it: its original entry (-1: a new row) and changes."""

    number: int
    """The row's number in its table (1 = the first), for messages."""
    original: int = -1
    changes: Changes = field(default_factory=dict)


@dataclass(frozen=True)
class ServiceTierEdit:
    """An offered service tier: its changed prices, and its own long-context tiers if edited."""

    changes: Changes = field(default_factory=dict)
    tiers: Sequence[Data] | None = None
    """The tier's own long-context tiers as edited (see :func:`merge_tiers`); None: untouched."""


@dataclass(frozen=True)
class ModelEdit:
    """What the user changed in the form; every default means "left as it was"."""

    top: Changes = field(default_factory=dict)
    """id, name, vendor, family, release, license, open_weights, notes."""
    positioning: Changes = field(default_factory=dict)
    architecture: Changes = field(default_factory=dict)
    """kind, attention, notes."""
    quantities: Changes = field(default_factory=dict)
    """total_params_b, active_params_b, context_window: only their ``value`` (note, source kept)."""
    modes: Sequence[RowEdit] | None = None
    pricing: Changes = field(default_factory=dict)
    """The card's flat fields. A cleared cached price the card had becomes ``null``."""
    tiers: Sequence[Data] | None = None
    """The card's long-context tiers as edited (see :func:`merge_tiers`)."""
    service_tiers: Mapping[str, ServiceTierEdit | None] = field(default_factory=dict)
    """Service tier → its edit, or None where it is not offered; a tier not given is untouched."""
    off_peak: Changes = field(default_factory=dict)
    windows: Sequence[RowEdit] | None = None
    """The off-peak windows' rows: days, start_utc, end_utc."""
    benchmarks: Mapping[str, Changes | None] = field(default_factory=dict)
    """Benchmark id → its changed score / note, or None where the result is removed."""
    sources: Sequence[RowEdit] | None = None
    price_source_title: str = ""
    """Where changed prices come from; empty: the user (see :func:`.price_edit.user_priced`)."""
    price_source_url: str = ""


def merge_model(
    original: Model | None,
    edit: ModelEdit,
    *,
    taken_ids: Collection[str] = (),
    today: str | None = None,
) -> Model:
    """The model ``edit`` makes of ``original`` (None: a new model); EditError says what is wrong.

    ``taken_ids`` are the ids of the store's models (an id of another model is refused);
    ``today`` dates the price source of changed prices (default: today).
    """
    today = today or dt.date.today().isoformat()
    base: Data = original.model_dump(exclude_unset=True) if original is not None else {}
    data = copy.deepcopy(base)

    _apply(data, edit.top)
    model_id = data.get("id", "")
    if not isinstance(model_id, str) or not model_id:
        raise EditError(("id",), "Id: required")
    own_id = original.id if original is not None else None
    if model_id != own_id and model_id in taken_ids:
        raise EditError(("id",), f"Id: {model_id!r} is already used by another model")
    if not data.get("name"):
        raise EditError(("name",), "Name: required")

    _apply_sub(data, "positioning", edit.positioning)
    arch = _sub(data, "architecture")
    _apply(arch, edit.architecture)
    for key, value in edit.quantities.items():
        if value is REMOVE:
            arch.pop(key, None)
        else:
            arch[key] = {**_sub(arch, key), "value": value}
    _put_sub(data, "architecture", arch)
    if edit.modes is not None:
        _put_list(data, "modes", _merge_rows(data.get("modes"), edit.modes, "Modes", ("modes",)))

    pricing = _sub(data, "pricing")
    _apply_pricing(pricing, edit.pricing)
    if edit.tiers is not None and (edit.tiers or "tiers" in pricing):
        pricing["tiers"] = list(edit.tiers)
    _apply_service_tiers(
        pricing, edit.service_tiers, had_them="service_tiers" in _sub(base, "pricing")
    )
    _apply_off_peak(pricing, edit.off_peak, edit.windows)
    for key, label in (("input_per_mtok", "Input price"), ("output_per_mtok", "Output price")):
        if key not in pricing:
            raise EditError(("pricing", key), f"{label}: required")
    data["pricing"] = pricing

    results = _sub(data, "benchmarks")
    for bench_id, changes in edit.benchmarks.items():
        if changes is None:
            results.pop(bench_id, None)
        else:
            results[bench_id] = {**_sub(results, bench_id)}
            _apply(results[bench_id], changes)
    _put_sub(data, "benchmarks", results)
    if edit.sources is not None:
        sources = _merge_rows(data.get("sources"), edit.sources, "Sources", ("sources",))
        _put_list(data, "sources", sources)

    try:
        model = Model.model_validate(data)
    except ValidationError as error:
        problem = first_problem(error)
        raise EditError(problem.loc, problem.describe("model")) from None
    return _with_provenance(original, model, edit, today)


def merge_tiers(
    originals: Sequence[Any], rows: Sequence[RowEdit], what: str, loc: Location = ()
) -> list[Data]:
    """Long-context tiers from a tiers table's rows, sorted by threshold; EditError names the row.

    Each row's changes may hold ``above_prompt_tokens`` and the prices of :data:`LONG_TIER_KEYS`;
    ``what`` names the table in messages, ``loc`` is where the tiers are in the model.
    """
    kept = [tier for tier in originals if isinstance(tier, dict)]
    tiers: list[Data] = []
    seen: dict[float, int] = {}
    for row in rows:
        where = f"{what}, row {row.number}"
        tier = copy.deepcopy(kept[row.original]) if 0 <= row.original < len(kept) else {}
        _apply(tier, row.changes)
        threshold = tier.get("above_prompt_tokens")
        if threshold is None:
            raise EditError(loc, f"{where}, above prompt tokens: required")
        if threshold in seen:
            raise EditError(
                loc,
                f"{where}, above prompt tokens: {_volume_text(threshold)} is also "
                f"row {seen[threshold]}'s threshold",
            )
        seen[threshold] = row.number
        if not any(tier.get(key) is not None for key in LONG_TIER_KEYS):
            raise EditError(loc, f"{where}: a tier needs at least one price")
        tiers.append(tier)
    return sorted(tiers, key=lambda tier: tier["above_prompt_tokens"])


def _volume_text(value: float) -> str:
    """A threshold as compactly as it reads back exactly: 200K, 131072."""
    compact = format_token_volume(value)
    if parse_token_volume(compact) == value:
        return compact
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# --- the parts --------------------------------------------------------------------------


def _apply(target: Data, changes: Changes) -> None:
    for key, value in changes.items():
        if value is REMOVE:
            target.pop(key, None)
        else:
            target[key] = value


def _sub(data: Data, key: str) -> Data:
    """A copy of ``data[key]`` if it is an object, else a new empty one."""
    value = data.get(key)
    return dict(value) if isinstance(value, dict) else {}


def _put_sub(data: Data, key: str, sub: Data) -> None:
    """Store ``sub`` under ``key`` where it holds something or was an object before.

    An empty ``sub`` leaves the key as it was: absent, or an explicit ``null``.
    """
    if sub or isinstance(data.get(key), dict):
        data[key] = sub


def _apply_sub(data: Data, key: str, changes: Changes) -> None:
    sub = _sub(data, key)
    _apply(sub, changes)
    _put_sub(data, key, sub)


def _put_list(data: Data, key: str, rows: list[Data]) -> None:
    """A list where it holds something or was there before (an emptied list stays, empty)."""
    if rows or key in data:
        data[key] = rows


def _merge_rows(originals: Any, rows: Sequence[RowEdit], what: str, loc: Location) -> list[Data]:
    kept = [entry for entry in originals or [] if isinstance(entry, dict)]
    merged = []
    for row in rows:
        entry = copy.deepcopy(kept[row.original]) if 0 <= row.original < len(kept) else {}
        _apply(entry, row.changes)
        if what == "Modes" and not entry.get("name"):
            raise EditError(loc, f"Modes, row {row.number}: a mode needs a name")
        if what == "Sources" and not entry.get("title"):
            raise EditError(loc, f"Sources, row {row.number}: a source needs a title")
        merged.append(entry)
    return merged


def _apply_pricing(pricing: Data, changes: Changes) -> None:
    for key, value in changes.items():
        if key == "cached_input_per_mtok" and value is REMOVE and key in pricing:
            pricing[key] = None  # a cleared cached price: the same as input
        elif value is REMOVE:
            pricing.pop(key, None)
        else:
            pricing[key] = value


def _apply_service_tiers(
    pricing: Data, edits: Mapping[str, ServiceTierEdit | None], *, had_them: bool
) -> None:
    if not edits:
        return
    service = _sub(pricing, "service_tiers")
    for name, edit in edits.items():
        if edit is None:
            service.pop(name, None)
            continue
        entry = _sub(service, name)
        _apply(entry, edit.changes)
        if edit.tiers is not None:
            if edit.tiers:
                entry["tiers"] = list(edit.tiers)
            elif entry.get("tiers"):
                # Every row removed: the card's tiers apply again. (An explicit [] in
                # the store, "no tiers on this service tier", is left as it was.)
                entry.pop("tiers")
        service[name] = entry
    _put_sub(pricing, "service_tiers", service)
    if pricing.get("service_tiers") == {} and not had_them:
        pricing.pop("service_tiers")


def _apply_off_peak(pricing: Data, changes: Changes, rows: Sequence[RowEdit] | None) -> None:
    if not changes and rows is None:
        return
    off_peak = _sub(pricing, "off_peak")
    _apply(off_peak, changes)
    originals = [w for w in off_peak.get("windows") or [] if isinstance(w, dict)]
    windows = []
    for row in rows or ():
        where = f"Off-peak windows, row {row.number}"
        window = (
            copy.deepcopy(originals[row.original]) if 0 <= row.original < len(originals) else {}
        )
        _apply(window, row.changes)
        for key, label in (("days", "days"), ("start_utc", "start"), ("end_utc", "end")):
            if not window.get(key):
                raise EditError(("pricing", "off_peak", "windows"), f"{where}, {label}: required")
        windows.append(window)
    if rows is None:
        windows = originals
    has_prices = any(off_peak.get(key) is not None for key in TIER_PRICE_KEYS)
    if not has_prices and not windows:
        pricing.pop("off_peak", None)  # every off-peak field cleared
        return
    if not windows:
        raise EditError(
            ("pricing", "off_peak", "windows"),
            "Off-peak windows: off-peak prices need at least one window",
        )
    if not has_prices:
        raise EditError(
            ("pricing", "off_peak", "input_per_mtok"),
            "Off-peak input price: off-peak windows need at least one price",
        )
    off_peak["windows"] = windows
    pricing["off_peak"] = off_peak


def _with_provenance(original: Model | None, model: Model, edit: ModelEdit, today: str) -> Model:
    """Credit entered prices to the source given (or the user); see :func:`user_priced`."""
    title, url = edit.price_source_title.strip(), edit.price_source_url.strip()
    source = None
    if title:
        source = Source(title=title, url=url or None, retrieved=today)
    elif url:
        raise EditError(("pricing", "source"), "Price source: a source with a URL needs a title")
    if original is None:
        if source is None:
            return model
        data = model.model_dump(exclude_unset=True)
        data["pricing"]["source"] = source.model_dump(exclude_unset=True)
        return Model.model_validate(data)
    return user_priced(original, model, today, source)
