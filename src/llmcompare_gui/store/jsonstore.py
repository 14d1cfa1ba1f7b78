"""Reading and writing ``models.json``.

Reading validates everything and never writes. Writing is atomic: the new
content goes to a temporary file beside the target, is flushed to disk, and
replaces the target in one step, so a crash leaves the old file or the new
one, never a mix. The previous version is kept as ``models.json.bak``.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import json
import math
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from ..atomicfile import FileWriteError, copy_atomically, write_text_atomically
from ..bundled import read_resource_text
from ..domain.model import SCHEMA_VERSION, Store
from ..domain.validation import first_problem
from .errors import (
    StoreInvalid,
    StoreNotJson,
    StoreTooNew,
    StoreUnreadable,
    StoreWriteError,
)
from .migrate import MIGRATIONS, Migration, MigrationMissing, migrate

DEFAULT_STORE_RESOURCE = "default_store.json"
BACKUP_SUFFIX = ".bak"
BACKUP_DIR_NAME = "backups"
KEPT_SNAPSHOTS = 20
MAX_DEPTH = 200
"""Deepest nesting of arrays and objects a store may have (the format itself needs ten)."""


def parse_store(
    text: str | bytes,
    path: Path,
    migrations: dict[int, Migration] = MIGRATIONS,
    newest: int = SCHEMA_VERSION,
) -> tuple[Store, int]:
    """Validate store text (or its UTF-8 bytes); return the store and the version it was in.

    A file already in the newest format is validated straight from its text,
    in one pass, which is what makes a large store load quickly. Anything
    else (an older version to migrate, or a file with a problem to explain)
    goes through the careful path, which parses the JSON first so that every
    error can say where it is.
    """
    if isinstance(text, bytes) and text.startswith(codecs.BOM_UTF8):
        text = text[len(codecs.BOM_UTF8) :]
    elif isinstance(text, str) and text.startswith("\ufeff"):
        text = text[1:]
    with _cyclic_gc_paused():
        store = _parse_current(text, newest)
        if store is None:
            store, version = _parse_carefully(_decode(text, path), path, migrations, newest)
        else:
            version = newest
    # Written on every save, even where the file left them implicit. (Only
    # assigned where needed: each assignment runs the store's checks again.)
    if store.schema_version != newest or "schema_version" not in store.model_fields_set:
        store.schema_version = newest
    if "currency" not in store.model_fields_set:
        store.currency = store.currency
    return store, version


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Keep Python's cycle collector from running while a store is built.

    Validation creates tens of thousands of objects and no reference cycles;
    without the pause the collector walks the young ones again and again
    (about 7 % of the load time of a 2,500-model store). Reference counting
    still frees everything as usual; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse_current(text: str | bytes, newest: int) -> Store | None:
    """The store when ``text`` is a valid file of version ``newest``, else None.

    Pydantic's JSON parser reads NaN and Infinity, which are not JSON: text
    that may hold them (rare) is left to the careful path, which refuses them.
    """
    if isinstance(text, bytes):
        if b"NaN" in text or b"Infinity" in text:
            return None
    elif "NaN" in text or "Infinity" in text:
        return None
    try:
        store = Store.model_validate_json(text)
    except ValidationError:
        return None
    version = store.schema_version if "schema_version" in store.model_fields_set else 1
    return store if version == newest else None


def _parse_carefully(
    text: str, path: Path, migrations: dict[int, Migration], newest: int
) -> tuple[Store, int]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise StoreNotJson(
            path, f"not valid JSON: {error.msg}", f"line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise StoreNotJson(
            path, f"nested more than {MAX_DEPTH} levels deep", _too_deep_position(text)
        ) from None
    _check_json_values(data, path, text)
    if not isinstance(data, dict):
        raise StoreInvalid(path, f"expected a JSON object, found {_json_type(data)}", "$")
    version = data.get("schema_version", 1)
    if type(version) is not int or version < 1:
        raise StoreInvalid(
            path, f"schema_version must be a positive integer, not {version!r}", "$.schema_version"
        )
    if version > newest:
        raise StoreTooNew(
            path,
            f"written by a newer version of llmcompare-gui (schema_version {version}; "
            f"this version reads up to {newest}); update the app to open it",
            "$.schema_version",
        )
    if version < newest:
        try:
            data = migrate(data, version, newest, migrations)
        except MigrationMissing as error:
            raise StoreInvalid(path, str(error), "$.schema_version") from None
    try:
        store = Store.model_validate(data)
    except ValidationError as error:
        raise _invalid(path, data, error) from None
    return store, version


def load_store(path: Path) -> Store:
    """Load and validate the store at ``path``; raise a :class:`StoreError` subclass."""
    return parse_store(read_store_bytes(path), path)[0]


def read_store_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise StoreUnreadable(path, "no such file") from None
    except IsADirectoryError:
        raise StoreUnreadable(path, "is a folder, not a file") from None
    except OSError as error:
        raise StoreUnreadable(path, f"cannot be read: {error.strerror or error}") from None


def read_store_text(path: Path) -> str:
    return _decode(read_store_bytes(path), path)


def _decode(raw: str | bytes, path: Path) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StoreNotJson(
            path, "not UTF-8 text (is it a binary file?)", f"byte {error.start}"
        ) from None


def default_store() -> Store:
    """A fresh copy of the bundled reference data."""
    return parse_store(read_resource_text(DEFAULT_STORE_RESOURCE), Path(DEFAULT_STORE_RESOURCE))[0]


def dump_store(store: Store) -> str:
    """The store as pretty JSON in a stable key order, ending with a newline.

    Only fields that were in the file or set since are written, so a file
    that leaves optional fields out stays that way, and unknown fields
    survive where they were.
    """
    data = store.model_dump(exclude_unset=True, by_alias=True)
    # allow_nan=False: a number that is not finite (which JSON cannot hold)
    # raises instead of being written as NaN or silently turned into null.
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save_store(store: Store, path: Path, *, backup: bool = True) -> None:
    """Write ``store`` to ``path`` atomically, keeping the previous file as a backup."""
    try:
        text = dump_store(store)
    except ValueError as error:
        raise StoreWriteError(
            path, f"not saved: the data cannot be written as JSON ({error})"
        ) from None
    if backup and path.is_file():
        try:
            copy_atomically(path, path.with_name(path.name + BACKUP_SUFFIX))
        except OSError as error:
            raise StoreWriteError(
                path, f"not saved: cannot keep a backup first ({_reason(error)})"
            ) from None
    try:
        write_text_atomically(path, text)
    except OSError as error:
        raise StoreWriteError(path, f"not saved: {_reason(error)}") from None


def snapshot(path: Path, reason: str) -> Path | None:
    """Keep a dated copy of the store before a big change (reset, import, migration)."""
    if not path.is_file():
        return None
    folder = path.parent / BACKUP_DIR_NAME
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{reason}{path.suffix}"
    try:
        copy_atomically(path, target)
    except OSError as error:
        raise StoreWriteError(path, f"cannot keep a backup in {folder}: {_reason(error)}") from None
    for old in sorted(folder.glob(f"{path.stem}-*{path.suffix}"))[:-KEPT_SNAPSHOTS]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def _reason(error: OSError) -> str:
    if isinstance(error, FileWriteError):
        return error.problem
    return error.strerror or str(error)


_ENTRY = re.compile(r"^(?P<list>\w+)\[(?P<index>\d+)\]: (?P<problem>.*)$", re.DOTALL)


def _invalid(path: Path, data: Any, error: ValidationError) -> StoreInvalid:
    first = first_problem(error)
    location: tuple[Any, ...] = first.loc
    problem = first.message
    if first.kind == "value_error":
        # A check of the whole store names the entry it is about: models[3]: ...
        entry = _ENTRY.match(problem)
        if entry and not location:
            location = (entry["list"], int(entry["index"]))
            problem = entry["problem"]
    where = _json_path(location, data)
    if first.kind not in {"value_error", "missing"}:
        problem = f"{problem} (found {_short(first.input)})"
    more = error.error_count() - 1
    if more:
        problem += f" (and {more} more problem{'s' if more > 1 else ''})"
    return StoreInvalid(path, problem, where)


def _json_path(location: tuple[Any, ...], data: Any) -> str:
    """``$.models[2].pricing.input_per_mtok``, naming the model's id where known."""
    text = "$"
    node = data
    for part in location:
        if node is not None and not isinstance(node, dict | list):
            break  # past a value: what follows names a type tried, e.g. ".int" in a union
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}"
        node = node[part] if isinstance(node, dict | list) and _has(node, part) else None
        if isinstance(part, int) and isinstance(node, dict) and isinstance(node.get("id"), str):
            text += f" (id {node['id']!r})"
    return text


def _has(node: dict[Any, Any] | list[Any], key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(key, int) and 0 <= key < len(node)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _json_type(value: Any) -> str:
    return {list: "an array", str: "a string", bool: "true/false", type(None): "null"}.get(
        type(value), "a number"
    )


def _check_json_values(data: Any, path: Path, text: str) -> None:
    """Refuse what ``json`` reads but a store cannot hold or write back.

    NaN and Infinity (not JSON, though Python reads them), numbers too large
    for a float, text with an unpaired surrogate escape (it has no UTF-8
    form, so the file could not be saved), nesting deeper than MAX_DEPTH.
    One quick pass finds whether there is a problem; only then a second one
    works out where.
    """
    # Text can only hold a surrogate that came from a \\uD800-\\uDFFF escape.
    check_text = _SURROGATE_ESCAPE.search(text) is not None
    stack: list[tuple[Any, int]] = [([data], 0)]  # the top value, as if in a list
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise StoreNotJson(
                path, f"nested more than {MAX_DEPTH} levels deep", _too_deep_position(text)
            )
        if type(node) is dict:
            if check_text and not all(map(_encodable, node)):
                _raise_for_bad_value(data, path)
            values: Any = node.values()
        else:
            values = node
        for value in values:
            kind = type(value)
            if kind is dict or kind is list:
                stack.append((value, depth + 1))
            elif (kind is float and value - value != 0) or (  # NaN or ±Infinity
                check_text and kind is str and not _encodable(value)
            ):
                _raise_for_bad_value(data, path)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _raise_for_bad_value(data: Any, path: Path) -> NoReturn:
    """Find the value the quick pass refused, and raise naming its JSON path."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        node, location = stack.pop()
        if isinstance(node, dict):
            if not all(map(_encodable, node)):
                raise StoreNotJson(path, _SURROGATE_PROBLEM, _json_path(location, data))
            stack.extend((value, (*location, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*location, index)) for index, value in enumerate(node))
        elif isinstance(node, float) and not math.isfinite(node):
            raise StoreNotJson(
                path,
                "not valid JSON: numbers must be finite (no NaN, Infinity or values "
                "beyond ±1.8e308)",
                _json_path(location, data),
            )
        elif isinstance(node, str) and not _encodable(node):
            raise StoreNotJson(path, _SURROGATE_PROBLEM, _json_path(location, data))
    raise AssertionError("the value the quick pass refused was not found again")


_SURROGATE_PROBLEM = (
    "text with an unpaired surrogate escape (\\ud800-\\udfff) cannot be stored as UTF-8"
)


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep_position(text: str) -> str | None:
    """Line and column of the bracket that opens nesting level MAX_DEPTH + 1."""
    depth = 0
    for token in _TOKENS.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                start = token.start()
                line = text.count("\n", 0, start) + 1
                column = start - (text.rfind("\n", 0, start) + 1) + 1
                return f"line {line}, column {column}"
        elif bracket in "]}":
            depth -= 1
    return None
