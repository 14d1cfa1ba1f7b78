"""What the window remembers between launches, in ``settings.ini`` beside the store.

Values are written as JSON text so that lists and numbers read back with their
types whatever the QSettings backend; an unreadable value falls back to the
default instead of failing the start.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from ...domain.cost import Scenario


class WindowSettings:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)
        self._private_copy: tempfile.TemporaryDirectory[str] | None = None

    def keep_changes_private(self) -> None:
        """From now on read and write a temporary copy: the file on disk stays as it is.

        A read-only window (another one owns the store) works as usual but must
        not write its sizes and choices over those of the window that owns it.
        """
        if self._private_copy is not None:
            return
        self._settings.sync()
        self._private_copy = tempfile.TemporaryDirectory(prefix="llmcompare-settings-")
        copy = Path(self._private_copy.name) / self._path.name
        with contextlib.suppress(OSError):
            shutil.copyfile(self._path, copy)
        self._settings = QSettings(str(copy), QSettings.Format.IniFormat)

    def _get(self, key: str, default: Any) -> Any:
        raw = self._settings.value(key)
        if not isinstance(raw, str):
            return default
        try:
            return json.loads(raw)
        except ValueError:
            return default

    def _set(self, key: str, value: Any) -> None:
        self._settings.setValue(key, json.dumps(value))

    @property
    def qsettings(self) -> QSettings:
        """The backing store, for components that keep their own keys (export)."""
        return self._settings

    def sync(self) -> None:
        self._settings.sync()

    # -- window -----------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        raw = self._settings.value("window/geometry")
        return raw if isinstance(raw, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)

    def splitter_sizes(self, name: str) -> list[int] | None:
        sizes = self._get(f"window/splitter_{name}", None)
        if isinstance(sizes, list) and sizes and all(isinstance(s, int) for s in sizes):
            return sizes
        return None

    def set_splitter_sizes(self, name: str, sizes: list[int]) -> None:
        self._set(f"window/splitter_{name}", sizes)

    # -- table --------------------------------------------------------------------

    def hidden_columns(self) -> set[str] | None:
        keys = self._get("table/hidden_columns", None)
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            return set(keys)
        return None

    def set_hidden_columns(self, keys: set[str]) -> None:
        self._set("table/hidden_columns", sorted(keys))

    def shown_columns(self) -> set[str]:
        """Columns the user turned on that are hidden by default (an empty card column)."""
        keys = self._get("table/shown_columns", [])
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            return set(keys)
        return set()

    def set_shown_columns(self, keys: set[str]) -> None:
        self._set("table/shown_columns", sorted(keys))

    def hidden_card_columns(self) -> set[str]:
        """Card columns the user turned off: they stay hidden when the store fills them."""
        keys = self._get("table/hidden_card_columns", [])
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            return set(keys)
        return set()

    def set_hidden_card_columns(self, keys: set[str]) -> None:
        self._set("table/hidden_card_columns", sorted(keys))

    def compared_ids(self) -> set[str] | None:
        """The compared model ids; None when never chosen (use the defaults)."""
        ids = self._get("table/compared", None)
        if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
            return set(ids)
        return None

    def set_compared_ids(self, ids: set[str]) -> None:
        self._set("table/compared", sorted(ids))

    def clear_compared_ids(self) -> None:
        self._settings.remove("table/compared")

    # -- scenario and charts ----------------------------------------------------

    def scenario(self) -> Scenario | None:
        """The remembered scenario; knobs it does not name keep their defaults."""
        from ...domain.cost import Scenario, ScenarioError

        data = self._get("calculator/scenario", None)
        if not isinstance(data, dict):
            return None
        known = {field.name: field for field in dataclasses.fields(Scenario)}
        values: dict[str, Any] = {}
        try:
            for name in ("input_tokens", "output_tokens", "cached_share"):
                values[name] = float(data[name])
            for name, value in data.items():
                if name in values or name not in known:
                    continue
                if isinstance(value, bool):
                    raise TypeError(name)
                values[name] = float(value) if isinstance(value, int | float) else value
            return Scenario(**values)
        except (KeyError, TypeError, ValueError, ScenarioError):
            return None

    def set_scenario(self, scenario: Scenario) -> None:
        self._set("calculator/scenario", dataclasses.asdict(scenario))

    def advanced_open(self) -> bool:
        """Whether the calculator's Advanced section was open (closed the first time)."""
        return self._get("calculator/advanced_open", False) is True

    def set_advanced_open(self, open_: bool) -> None:
        self._set("calculator/advanced_open", bool(open_))

    def text(self, key: str) -> str | None:
        value = self._get(key, None)
        return value if isinstance(value, str) else None

    def set_text(self, key: str, value: str | None) -> None:
        if value is None:
            self._settings.remove(key)
        else:
            self._set(key, value)
