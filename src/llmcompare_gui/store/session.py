"""An open store: its data, where it lives, and whether this process may write it."""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..domain.model import Store
from .errors import StoreLocked, StoreWriteError
from .jsonstore import default_store, parse_store, read_store_text, save_store, snapshot
from .lock import StoreLock
from .paths import AppPaths


class StoreSession:
    """The store of one data dir, as one instance of the app holds it.

    The first instance takes an exclusive lock and may write; a second one
    opens the same data read-only and says why, so no reported save is lost.
    """

    def __init__(
        self,
        paths: AppPaths,
        store: Store,
        *,
        lock: StoreLock | None,
        read_only_reason: str | None,
        migrated_from: int | None = None,
    ) -> None:
        self.paths = paths
        self.store = store
        self._lock = lock
        self.read_only_reason = read_only_reason
        self._migrated_from = migrated_from

    @property
    def path(self) -> Path:
        return self.paths.store_file

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @classmethod
    def open(cls, paths: AppPaths, *, writable: bool = True) -> StoreSession:
        """Open the store, creating it from the bundled data on first use.

        Raises a :class:`~.errors.StoreError` for a file that cannot be used;
        nothing is written then.
        """
        lock: StoreLock | None = None
        reason: str | None = None
        if writable:
            lock, reason = _try_lock(paths)
        path = paths.store_file
        if not path.exists():
            session = cls(paths, default_store(), lock=lock, read_only_reason=reason)
            if lock is not None:
                try:
                    session.save()
                except StoreWriteError:
                    lock.release()
                    raise
            return session
        try:
            store, version = parse_store(read_store_text(path), path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if lock is not None:
            _remove_stale_temporaries(path)
        migrated = version if version < store.schema_version else None
        return cls(paths, store, lock=lock, read_only_reason=reason, migrated_from=migrated)

    def save(self) -> None:
        """Write the store atomically; raise :class:`StoreWriteError` on any failure."""
        if self._lock is None or not self._lock.held:
            raise StoreLocked(self.path, f"not saved: {self.read_only_reason or 'read-only'}")
        if self._migrated_from is not None:
            snapshot(self.path, f"schema{self._migrated_from}")
            self._migrated_from = None
        save_store(self.store, self.path)

    def replace(self, store: Store, reason: str) -> None:
        """Swap in new content (reset, import), keeping a dated copy of the old file."""
        if self.read_only:
            raise StoreLocked(self.path, f"not changed: {self.read_only_reason}")
        snapshot(self.path, reason)
        self.store = store
        self.save()

    def reset_to_defaults(self) -> None:
        self.replace(default_store(), "before-reset")

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()


def _remove_stale_temporaries(path: Path) -> None:
    """Delete what a save interrupted by a crash left beside the store.

    Only the instance holding the lock writes here, so a temporary file of
    the store or its backup that exists when the lock is taken is a leftover.
    """
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _try_lock(paths: AppPaths) -> tuple[StoreLock | None, str | None]:
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        lock = StoreLock(paths.data_dir)
        if lock.acquire():
            return lock, None
    except OSError as error:
        return None, f"the data folder {paths.data_dir} is not writable ({error.strerror or error})"
    return None, (
        "another llmcompare-gui window has this store open; this one is read-only "
        "so that neither overwrites the other's edits"
    )
