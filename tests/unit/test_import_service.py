"""The import service: reading a file (size, encoding, format), previewing and applying a plan."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from llmcompare_gui.domain.importers import ImportFormat
from llmcompare_gui.services import import_service
from llmcompare_gui.services.import_service import ImportReadError
from llmcompare_gui.store.errors import StoreLocked
from llmcompare_gui.store.paths import resolve_paths
from llmcompare_gui.store.session import StoreSession

STORE = {
    "schema_version": 1,
    "currency": "USD",
    "models": [
        {"id": "a", "name": "A", "pricing": {"input_per_mtok": 1.0, "output_per_mtok": 2.0}}
    ],
}
CSV = "id,name,input_per_mtok,output_per_mtok\na,A,1.5,2\nb,B,0.25,1\n"


@pytest.fixture
def session(data_dir: Path) -> Iterator[StoreSession]:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "models.json").write_text(json.dumps(STORE), encoding="utf-8")
    opened = StoreSession.open(resolve_paths(data_dir))
    yield opened
    opened.close()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_csv_with_a_byte_order_mark_is_read_and_its_format_guessed(tmp_path: Path) -> None:
    result = import_service.read_file(write(tmp_path / "p.csv", b"\xef\xbb\xbf" + CSV.encode()))
    assert result.format is ImportFormat.CSV


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(ImportReadError) as caught:
        import_service.read_file(path)
    assert str(caught.value) == f"cannot read {path}: No such file or directory"


def test_bytes_that_are_not_utf8_are_refused_with_where(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", b"id,name\n\xff\xfe")
    with pytest.raises(ImportReadError) as caught:
        import_service.read_file(path)
    assert str(caught.value) == f"cannot read {path}: byte 8: not UTF-8 text"


def test_a_file_over_the_size_limit_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_service, "MAX_IMPORT_BYTES", 2 * 1024 * 1024)
    path = write(tmp_path / "big.csv", CSV.encode() + b" " * (2 * 1024 * 1024))
    with pytest.raises(ImportReadError) as caught:
        import_service.read_file(path)
    assert caught.value.action == "read"
    assert str(caught.value).startswith(f"cannot read {path}: it is larger than 2 MB")


def test_a_file_exactly_at_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = CSV.encode()
    monkeypatch.setattr(import_service, "MAX_IMPORT_BYTES", len(data))
    assert import_service.read_file(write(tmp_path / "p.csv", data)).format is ImportFormat.CSV


def test_every_bad_line_is_listed(tmp_path: Path) -> None:
    bad = b"id,name,input_per_mtok,output_per_mtok\nx,X,lots,1\ny,Y,1,-2\n"
    path = write(tmp_path / "p.csv", bad)
    with pytest.raises(ImportReadError) as caught:
        import_service.read_file(path)
    assert caught.value.action == "import"
    assert len(caught.value.problems) == 2
    assert caught.value.problems[0].startswith("line 2")
    assert caught.value.problems[1].startswith("line 3")


def test_preview_changes_nothing_and_apply_saves_with_a_backup(
    tmp_path: Path, session: StoreSession
) -> None:
    before = session.path.read_bytes()
    result = import_service.read_file(write(tmp_path / "p.csv", CSV.encode()))
    plan = import_service.preview(session.store, result)
    assert (plan.added, plan.updated) == (["b"], ["a"])
    assert session.path.read_bytes() == before

    assert import_service.apply(session, plan) is True
    saved = json.loads(session.path.read_text(encoding="utf-8"))
    assert [(m["id"], m["pricing"]["input_per_mtok"]) for m in saved["models"]] == [
        ("a", 1.5),
        ("b", 0.25),
    ]
    (backup,) = (session.path.parent / "backups").glob("*before-import*")
    assert backup.read_bytes() == before


def test_a_plan_that_changes_nothing_writes_nothing(tmp_path: Path, session: StoreSession) -> None:
    before = session.path.read_bytes()
    same = "id,name,input_per_mtok,output_per_mtok\na,A,1,2\n"
    plan = import_service.preview(
        session.store, import_service.read_file(write(tmp_path / "p.csv", same.encode()))
    )
    assert import_service.apply(session, plan) is False
    assert session.path.read_bytes() == before
    assert not (session.path.parent / "backups").exists()


def test_a_read_only_session_refuses_and_keeps_the_store(
    tmp_path: Path, session: StoreSession, data_dir: Path
) -> None:
    before = session.path.read_bytes()
    second = StoreSession.open(resolve_paths(data_dir))  # the first one holds the lock
    try:
        assert second.read_only
        plan = import_service.preview(
            second.store, import_service.read_file(write(tmp_path / "p.csv", CSV.encode()))
        )
        with pytest.raises(StoreLocked):
            import_service.apply(second, plan)
    finally:
        second.close()
    assert session.path.read_bytes() == before
