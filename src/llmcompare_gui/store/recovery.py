"""Ways out of a store that cannot be opened: the newest valid backup, or the bundled data.

Neither deletes anything: the broken file is renamed beside the store to a
name that says what it is and when it was set aside.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..atomicfile import copy_atomically
from .errors import StoreError, StoreWriteError
from .jsonstore import BACKUP_DIR_NAME, BACKUP_SUFFIX, parse_store, read_store_text


def backup_candidates(store_file: Path) -> list[Path]:
    """``models.json.bak`` and the dated copies in ``backups/``, newest first."""
    candidates = [store_file.with_name(store_file.name + BACKUP_SUFFIX)]
    folder = store_file.parent / BACKUP_DIR_NAME
    if folder.is_dir():
        candidates += folder.glob(f"{store_file.stem}-*{store_file.suffix}")
    present = [path for path in candidates if path.is_file()]

    def modified(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    return sorted(present, key=modified, reverse=True)


def newest_valid_backup(store_file: Path) -> Path | None:
    """The newest backup that opens as a store, or None."""
    for path in backup_candidates(store_file):
        try:
            parse_store(read_store_text(path), path)
        except StoreError:
            continue
        return path
    return None


def set_aside(store_file: Path) -> Path:
    """Rename the broken store to ``models.broken-<date>.json`` beside it; return that path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store_file.with_name(f"{store_file.stem}.broken-{stamp}{store_file.suffix}")
    number = 2
    while target.exists():
        target = store_file.with_name(
            f"{store_file.stem}.broken-{stamp}-{number}{store_file.suffix}"
        )
        number += 1
    try:
        os.replace(store_file, target)
    except OSError as error:
        raise StoreWriteError(
            store_file, f"cannot set the file aside as {target.name}: {error.strerror or error}"
        ) from None
    return target


def restore_backup(store_file: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the broken store, which is set aside; return where it went."""
    kept = set_aside(store_file)
    try:
        copy_atomically(backup, store_file)
    except OSError as error:
        os.replace(kept, store_file)  # put the broken file back: nothing changed
        raise StoreWriteError(store_file, f"cannot copy {backup}: {error}") from None
    return kept
