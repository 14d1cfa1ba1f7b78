"""StoreSession: first use, broken stores, the lock, backups and migrated files."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from llmcompare_gui.bundled import read_resource_text
from llmcompare_gui.store import session as session_module
from llmcompare_gui.store.errors import StoreInvalid, StoreLocked, StoreNotJson, StoreTooNew
from llmcompare_gui.store.jsonstore import load_store, parse_store
from llmcompare_gui.store.lock import LOCK_FILE_NAME
from llmcompare_gui.store.paths import AppPaths, resolve_paths
from llmcompare_gui.store.session import StoreSession

MINIMAL = {
    "schema_version": 1,
    "currency": "USD",
    "models": [
        {"id": "a", "name": "A", "pricing": {"input_per_mtok": 1.0, "output_per_mtok": 2.0}}
    ],
}


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return resolve_paths(data_dir)


@pytest.fixture
def sessions() -> Iterator[list[StoreSession]]:
    """Sessions a test opens, closed at the end whatever happens."""
    opened: list[StoreSession] = []
    yield opened
    for session in opened:
        session.close()


def open_session(paths: AppPaths, sessions: list[StoreSession]) -> StoreSession:
    session = StoreSession.open(paths)
    sessions.append(session)
    return session


def write_store(paths: AppPaths, data: Any = MINIMAL) -> bytes:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    raw = (json.dumps(data, indent=2) + "\n").encode()
    paths.store_file.write_bytes(raw)
    return raw


def listing(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_first_open_creates_the_store_from_the_bundled_data(
    paths: AppPaths, sessions: list[StoreSession]
) -> None:
    assert not paths.data_dir.exists()
    session = open_session(paths, sessions)
    assert not session.read_only
    assert paths.store_file.read_text(encoding="utf-8") == read_resource_text("default_store.json")
    assert [m.id for m in session.store.models] == ["kimi-k2", "deepseek-v3.1", "deepseek-v3-r1"]
    assert not (paths.data_dir / "models.json.bak").exists()


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b'{"models": [', StoreNotJson),
        (b'{"schema_version": 9, "models": []}', StoreTooNew),
        (b'{"models": [{"id": "a"}]}', StoreInvalid),
    ],
    ids=["not json", "too new", "invalid"],
)
def test_broken_store_raises_and_writes_nothing(
    paths: AppPaths, sessions: list[StoreSession], raw: bytes, kind: type[Exception]
) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.store_file.write_bytes(raw)
    with pytest.raises(kind, match=str(paths.store_file)):
        StoreSession.open(paths)
    assert listing(paths.data_dir) == {"models.json": raw, LOCK_FILE_NAME: listing_lock(paths)}
    # The failed open let go of the lock: once the file is fixed, it opens writable.
    write_store(paths)
    assert not open_session(paths, sessions).read_only


def listing_lock(paths: AppPaths) -> bytes:
    return (paths.data_dir / LOCK_FILE_NAME).read_bytes()


def test_second_session_is_read_only_and_cannot_save(
    paths: AppPaths, sessions: list[StoreSession]
) -> None:
    first = open_session(paths, sessions)
    second = open_session(paths, sessions)
    assert not first.read_only
    assert second.read_only
    assert second.read_only_reason is not None
    assert "read-only" in second.read_only_reason
    before = paths.store_file.read_bytes()
    second.store.models[0].name = "Lost edit"
    with pytest.raises(StoreLocked, match="not saved"):
        second.save()
    with pytest.raises(StoreLocked, match="not changed"):
        second.reset_to_defaults()
    assert paths.store_file.read_bytes() == before
    first.store.models[0].name = "Kept edit"
    first.save()
    assert load_store(paths.store_file).models[0].name == "Kept edit"


def test_after_close_a_new_session_can_write(paths: AppPaths, sessions: list[StoreSession]) -> None:
    first = open_session(paths, sessions)
    first.close()
    second = open_session(paths, sessions)
    assert not second.read_only
    second.store.models[0].name = "Second"
    second.save()
    assert load_store(paths.store_file).models[0].name == "Second"
    with pytest.raises(StoreLocked):
        first.save()


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from llmcompare_gui.store.paths import resolve_paths
    from llmcompare_gui.store.session import StoreSession

    session = StoreSession.open(resolve_paths(Path(sys.argv[1])))
    print("read-only" if session.read_only else "holding", flush=True)
    sys.stdin.read()
    """
)


def test_lock_holds_across_processes(paths: AppPaths, sessions: list[StoreSession]) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        blocked = open_session(paths, sessions)
        assert blocked.read_only
        with pytest.raises(StoreLocked):
            blocked.save()
    finally:
        holder.communicate("", timeout=30)
    assert holder.returncode == 0
    assert not open_session(paths, sessions).read_only


def test_lock_is_dropped_when_the_holder_is_killed(
    paths: AppPaths, sessions: list[StoreSession]
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    holder.kill()
    holder.communicate(timeout=30)
    assert not open_session(paths, sessions).read_only


def test_reset_keeps_a_dated_copy_of_the_old_store(
    paths: AppPaths, sessions: list[StoreSession]
) -> None:
    old = write_store(paths)
    session = open_session(paths, sessions)
    session.reset_to_defaults()
    assert paths.store_file.read_text(encoding="utf-8") == read_resource_text("default_store.json")
    copies = list((paths.data_dir / "backups").glob("models-*-before-reset.json"))
    assert [c.read_bytes() for c in copies] == [old]
    assert (paths.data_dir / "models.json.bak").read_bytes() == old


def test_stale_temporary_files_are_removed_by_the_writer_and_ignored_by_readers(
    paths: AppPaths, sessions: list[StoreSession]
) -> None:
    raw = write_store(paths)
    stale = [
        paths.data_dir / ".models.json.k3j2_x.tmp",
        paths.data_dir / ".models.json.bak.9aa1.tmp",
    ]
    for leftover in stale:
        leftover.write_bytes(b'{"models": [')  # half a file, as a crash leaves it
    unrelated = paths.data_dir / ".other.json.abc.tmp"
    unrelated.write_bytes(b"x")
    assert load_store(paths.store_file).models[0].id == "a"
    assert all(leftover.exists() for leftover in stale)  # reading writes nothing

    open_session(paths, sessions).close()
    assert not any(leftover.exists() for leftover in stale)
    assert unrelated.exists()
    assert paths.store_file.read_bytes() == raw


def test_read_only_session_leaves_temporary_files_alone(
    paths: AppPaths, sessions: list[StoreSession]
) -> None:
    write_store(paths)
    open_session(paths, sessions)
    leftover = paths.data_dir / ".models.json.zz.tmp"
    leftover.write_bytes(b"in progress")  # could be the writer's save under way
    assert open_session(paths, sessions).read_only
    assert leftover.exists()


def test_migrated_store_is_backed_up_once_before_its_first_save(
    paths: AppPaths, sessions: list[StoreSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = write_store(paths, {"schema_version": 1, "items": MINIMAL["models"]})

    def one_to_two(data: dict[str, Any]) -> dict[str, Any]:
        data["models"] = data.pop("items")
        return data

    monkeypatch.setattr(
        session_module,
        "parse_store",
        functools.partial(parse_store, migrations={1: one_to_two}, newest=2),
    )
    session = open_session(paths, sessions)
    assert session.store.schema_version == 2
    assert paths.store_file.read_bytes() == old  # opening writes nothing
    assert not (paths.data_dir / "backups").exists()

    session.save()
    copies = list((paths.data_dir / "backups").glob("models-*-schema1.json"))
    assert [c.read_bytes() for c in copies] == [old]
    assert json.loads(paths.store_file.read_bytes())["schema_version"] == 2

    session.save()
    assert len(list((paths.data_dir / "backups").iterdir())) == 1


def test_a_schema_1_store_migrates_to_2_with_a_backup_and_keeps_unknown_fields(
    paths: AppPaths, sessions: list[StoreSession]
) -> None:
    v1 = {
        "schema_version": 1,
        "currency": "USD",
        "x_written_by": "a script",
        "models": [
            {
                "id": "a",
                "name": "A",
                "x_model": [1, 2],
                "pricing": {
                    "input_per_mtok": 1.0,
                    "output_per_mtok": 2.0,
                    "cached_input_per_mtok": None,
                    "x_pricing": {"kept": True},
                    "history": [
                        {"effective": "2025-01", "input_per_mtok": 3, "output_per_mtok": 4}
                    ],
                },
            }
        ],
    }
    old = write_store(paths, v1)
    session = open_session(paths, sessions)  # the real migrations
    assert session.store.schema_version == 2
    assert paths.store_file.read_bytes() == old  # opening writes nothing
    session.save()
    (backup,) = (paths.data_dir / "backups").glob("models-*-schema1.json")
    assert backup.read_bytes() == old
    # Everything as it was, but for the version.
    assert json.loads(paths.store_file.read_bytes()) == {**v1, "schema_version": 2}
