"""Ways out of a broken store: which backup is taken, and that nothing is deleted."""

from __future__ import annotations

import os
from pathlib import Path

from llmcompare_gui.store.jsonstore import default_store, dump_store
from llmcompare_gui.store.recovery import newest_valid_backup, restore_backup, set_aside


def write(path: Path, text: str, mtime: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def test_the_newest_backup_that_opens_is_chosen(tmp_path: Path) -> None:
    store = tmp_path / "models.json"
    good = dump_store(default_store())
    write(tmp_path / "models.json.bak", good, 1_000)
    newer = write(tmp_path / "backups" / "models-20260101-before-import.json", good, 2_000)
    write(tmp_path / "backups" / "models-20260102-before-reset.json", "{ broken", 3_000)
    assert newest_valid_backup(store) == newer


def test_no_backup_gives_none(tmp_path: Path) -> None:
    write(tmp_path / "models.json.bak", "not json", 1_000)
    assert newest_valid_backup(tmp_path / "models.json") is None


def test_restoring_keeps_the_broken_file_aside(tmp_path: Path) -> None:
    store = write(tmp_path / "models.json", "{ broken", 1_000)
    backup = write(tmp_path / "models.json.bak", dump_store(default_store()), 1_000)
    kept = restore_backup(store, backup)
    assert kept.name.startswith("models.broken-")
    assert kept.suffix == ".json"
    assert kept.read_text(encoding="utf-8") == "{ broken"
    assert store.read_text(encoding="utf-8") == backup.read_text(encoding="utf-8")


def test_setting_aside_twice_never_overwrites(tmp_path: Path) -> None:
    store = write(tmp_path / "models.json", "first", 1_000)
    first = set_aside(store)
    write(store, "second", 1_000)
    second = set_aside(store)
    assert first != second
    assert first.read_text(encoding="utf-8") == "first"
    assert second.read_text(encoding="utf-8") == "second"
