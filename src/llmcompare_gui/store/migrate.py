"""Step-by-step migration of older store files to the current format.

Each step takes the raw JSON object of version ``n`` and returns version
``n + 1``. A file is carried through every step in turn, so each step only
knows its neighbour. Steps keep every field they do not know about.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _schema1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 only adds optional price-card fields and exchange rates.

    A schema-1 card means exactly what it meant before (no tiers, no cache
    writes, no fees, the store's currency), so the content stays as it is.
    """
    return data


MIGRATIONS: dict[int, Migration] = {1: _schema1_to_2}
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
