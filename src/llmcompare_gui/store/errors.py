"""Typed store errors whose text says what is wrong and where."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The store at ``path`` cannot be used; ``where`` locates the problem in it."""

    def __init__(self, path: Path, problem: str, where: str | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        location = f"{self.path}: {self.where}" if self.where else str(self.path)
        return f"{location}: {self.problem}"


class StoreUnreadable(StoreError):
    """The file cannot be read at all (permissions, not a file, not UTF-8)."""


class StoreNotJson(StoreError):
    """The file is not valid JSON; ``where`` is its line and column."""


class StoreInvalid(StoreError):
    """The JSON does not follow the store format; ``where`` is the JSON path."""


class StoreTooNew(StoreError):
    """The file was written by a newer app than this one."""


class StoreLocked(StoreError):
    """Another running instance holds the store."""


class StoreWriteError(StoreError):
    """Saving failed; the file on disk is as it was before."""
