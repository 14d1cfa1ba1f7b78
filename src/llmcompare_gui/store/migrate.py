"""Step-by-step migration of older store files to the current format.

Each step takes the raw JSON object of version ``n`` and returns version
``n + 1``. A file is carried through every step in turn, so each step only
knows its neighbour. Version 1 is the first format: there is nothing to
migrate yet, but the mechanism is exercised by the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""Step from the key's version to the next one."""


class MigrationMissing(RuntimeError):
    pass


def migrate(
    data: dict[str, Any], version: int, target: int, steps: dict[int, Migration]
) -> dict[str, Any]:
    while version < target:
        step = steps.get(version)
        if step is None:
            raise MigrationMissing(f"no migration from schema_version {version}")
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data
