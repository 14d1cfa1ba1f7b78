"""Read a price or benchmark file, preview what it changes, apply it: for the window and the CLI.

Reading refuses a file over :data:`MAX_IMPORT_BYTES`, one that is not UTF-8
text (a byte-order mark is allowed) and one no reader understands, each with
one :class:`ImportReadError` that names the file and the problem. Previewing
is :func:`~llmcompare_gui.domain.imports.plan_any_import`: the store is not
touched until a plan is applied, and applying keeps a dated backup first.
Qt-free.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..domain.importers import ImportFileError, ImportFormat, ImportPlan
from ..domain.imports import AnyReadResult, plan_any_import, read_import_file
from ..domain.model import Store
from ..store.jsonstore import snapshot
from ..store.session import StoreSession

MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""The largest file read: LiteLLM's whole price list is under 2 MB, OpenRouter's under 5 MB."""

BACKUP_REASON = "before-import"
"""The name of the dated copy of the store kept before an import changes it."""


class ImportReadError(Exception):
    """The file cannot be read or understood; nothing was imported.

    ``action`` is ``read`` (the bytes) or ``import`` (their content);
    ``problems`` lists every bad line when a reader checked the whole file.
    """

    def __init__(
        self, path: Path, action: str, problem: str, problems: tuple[str, ...] = ()
    ) -> None:
        self.path = path
        self.action = action
        self.problem = problem
        self.problems = problems
        super().__init__(f"cannot {action} {path}: {problem}")


def read_text(path: Path) -> str:
    """The text of ``path``; :class:`ImportReadError` when it is missing, too big or not UTF-8."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise ImportReadError(path, "read", error.strerror or str(error)) from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportReadError(
            path,
            "read",
            f"it is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB, more than any price "
            "or benchmark file",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportReadError(path, "read", f"byte {error.start}: not UTF-8 text") from None


def read_file(path: Path, fmt: ImportFormat | None = None) -> AnyReadResult:
    """Read ``path`` as ``fmt`` (None: guessed from the content)."""
    text = read_text(path)
    try:
        return read_import_file(text, fmt, path.name)
    except ImportFileError as error:
        raise ImportReadError(path, "import", str(error), tuple(error.problems)) from None


def preview(
    store: Store, result: AnyReadResult, assignments: Mapping[str, str] | None = None
) -> ImportPlan:
    """What importing ``result`` into ``store`` would change (``assignments``: run → model)."""
    return plan_any_import(store, result, assignments)


def keep_backup(store_file: Path) -> None:
    """A dated copy of the store as it is, before an import replaces it.

    Raises :class:`~llmcompare_gui.store.errors.StoreError` when it cannot be kept.
    """
    snapshot(store_file, BACKUP_REASON)


def apply(session: StoreSession, plan: ImportPlan) -> bool:
    """Save ``plan``'s store through ``session`` (backup first); whether anything changed.

    Raises :class:`~llmcompare_gui.store.errors.StoreError` when it cannot be
    saved; the store file is then as it was.
    """
    if not plan.changes_anything:
        return False
    session.replace(plan.store, BACKUP_REASON)
    return True
