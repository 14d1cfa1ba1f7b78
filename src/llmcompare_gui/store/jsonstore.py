"""Reading and writing ``models.json``.

Reading validates everything and never writes. Writing is atomic: the new
content goes to a temporary file beside the target, is flushed to disk, and
replaces the target in one step, so a crash leaves the old file or the new
one, never a mix. The previous version is kept as ``models.json.bak``.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..atomicfile import FileWriteError, copy_atomically, write_text_atomically
from ..bundled import read_resource_text
from ..domain.model import SCHEMA_VERSION, Store
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


def parse_store(
    text: str,
    path: Path,
    migrations: dict[int, Migration] = MIGRATIONS,
    newest: int = SCHEMA_VERSION,
) -> tuple[Store, int]:
    """Validate store text; return the store and the version the text was in."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise StoreNotJson(
            path, f"not valid JSON: {error.msg}", f"line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise StoreNotJson(path, "not valid JSON: nested too deeply") from None
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
    # Written on every save, even where the file left them implicit.
    store.schema_version = newest
    store.currency = store.currency
    return store, version


def load_store(path: Path) -> Store:
    """Load and validate the store at ``path``; raise a :class:`StoreError` subclass."""
    return parse_store(read_store_text(path), path)[0]


def read_store_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreUnreadable(path, "no such file") from None
    except IsADirectoryError:
        raise StoreUnreadable(path, "is a folder, not a file") from None
    except OSError as error:
        raise StoreUnreadable(path, f"cannot be read: {error.strerror or error}") from None
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
    data = store.model_dump(mode="json", exclude_unset=True, by_alias=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save_store(store: Store, path: Path, *, backup: bool = True) -> None:
    """Write ``store`` to ``path`` atomically, keeping the previous file as a backup."""
    text = dump_store(store)
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


def _invalid(path: Path, data: Any, error: ValidationError) -> StoreInvalid:
    first = error.errors(include_url=False)[0]
    where = _json_path(first["loc"], data)
    problem = first["msg"]
    if first["type"] == "missing":
        problem = "required field is missing"
    elif "input" in first and first["type"] not in {"value_error"}:
        problem = f"{problem} (found {_short(first['input'])})"
    more = error.error_count() - 1
    if more:
        problem += f" (and {more} more problem{'s' if more > 1 else ''})"
    return StoreInvalid(path, problem, where)


def _json_path(location: tuple[Any, ...], data: Any) -> str:
    """``$.models[2].pricing.input_per_mtok``, naming the model's id where known."""
    text = "$"
    node = data
    for part in location:
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
