"""Atomic file writes: the target holds the old content or the new, never a mix.

The new content goes to a temporary file beside the target, is flushed and
fsynced, and replaces the target with one rename. On any failure (a full
disk, a folder that cannot be written) the temporary file is removed and
the target is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


class FileWriteError(OSError):
    """Writing ``path`` failed; the file on disk is as it was."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write`` with a binary file that becomes ``path`` only if all went well."""
    try:
        with _atomic_handle(Path(path)) as handle:
            write(handle)
    except FileWriteError:
        raise
    except OSError as error:
        raise FileWriteError(path, f"cannot be written: {error.strerror or error}") from None


def write_bytes_atomically(path: Path, data: bytes) -> None:
    write_atomically(path, lambda handle: handle.write(data))


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def copy_atomically(source: Path, target: Path) -> None:
    def copy(handle: BinaryIO) -> None:
        with Path(source).open("rb") as original:
            shutil.copyfileobj(original, handle)

    write_atomically(target, copy)


@contextlib.contextmanager
def _atomic_handle(path: Path) -> Iterator[BinaryIO]:
    if path.is_dir():
        raise FileWriteError(path, "is a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _copy_permissions(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)


def _copy_permissions(path: Path, temporary: str) -> None:
    # mkstemp creates 0600; a replaced file keeps its mode, a new one gets the umask's.
    if path.exists():
        with contextlib.suppress(OSError):
            shutil.copymode(path, temporary)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
