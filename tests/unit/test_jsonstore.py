"""models.json on disk: round trips, broken files, failed saves, backups, migrations."""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llmcompare_gui.bundled import read_resource_text
from llmcompare_gui.domain.model import SCHEMA_VERSION, Store
from llmcompare_gui.store import jsonstore
from llmcompare_gui.store.errors import (
    StoreError,
    StoreInvalid,
    StoreNotJson,
    StoreTooNew,
    StoreUnreadable,
    StoreWriteError,
)
from llmcompare_gui.store.jsonstore import (
    MAX_DEPTH,
    dump_store,
    load_store,
    parse_store,
    save_store,
    snapshot,
)

MINIMAL_MODEL = {
    "id": "kimi-k2",
    "name": "Kimi K2",
    "pricing": {"input_per_mtok": 0.6, "output_per_mtok": 2.5, "cached_input_per_mtok": None},
}
MINIMAL = {"schema_version": 1, "currency": "USD", "models": [MINIMAL_MODEL]}
LOCATION = re.compile(r"line \d+, column \d+|\$|byte \d+")


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def model(model_id: str = "a", **pricing: Any) -> dict[str, Any]:
    prices = {"input_per_mtok": 1.0, "output_per_mtok": 2.0, **pricing}
    return {"id": model_id, "name": model_id.upper(), "pricing": prices}


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --- round trips --------------------------------------------------------------------------


def test_default_store_round_trips_byte_identical(tmp_path: Path) -> None:
    text = read_resource_text("default_store.json")
    store, version = parse_store(text, Path("default_store.json"))
    assert version == SCHEMA_VERSION
    assert dump_store(store) == text
    path = tmp_path / "models.json"
    path.write_text(text, encoding="utf-8")
    save_store(load_store(path), path)
    assert path.read_text(encoding="utf-8") == text


def test_minimal_contract_file_stays_minimal_after_a_save(tmp_path: Path) -> None:
    path = write_json(tmp_path / "models.json", {"models": [model("a")]})
    save_store(load_store(path), path)
    # parse_store writes the version and currency explicitly; nothing else is added.
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "schema_version": SCHEMA_VERSION,
        "currency": "USD",
        "models": [model("a")],
    }


def test_minimal_file_of_the_contract_keeps_its_explicit_null(tmp_path: Path) -> None:
    path = write_json(tmp_path / "models.json", MINIMAL)
    save_store(load_store(path), path)
    assert json.loads(path.read_text(encoding="utf-8")) == {**MINIMAL, "schema_version": 2}


def test_unknown_fields_survive_at_every_level(tmp_path: Path) -> None:
    source = {"title": "vendor page", "x_archived": {"url": "https://archive.org/x", "n": [1, 2]}}
    data = {
        "schema_version": 1,
        "currency": "EUR",
        "x_top": {"written_by": "a script", "list": [1, 2.5, "three", None, True]},
        "models": [
            {
                **model("m"),
                "x_model": "kept",
                "pricing": {
                    "input_per_mtok": 1.0,
                    "output_per_mtok": 2.0,
                    "x_pricing": 42,
                    "source": source,
                    "history": [{"input_per_mtok": 3, "output_per_mtok": 4, "x_point": False}],
                },
                "benchmarks": {"swe": {"score": 50.5, "x_result": {"run": 3}}},
                "architecture": {
                    "kind": "moe",
                    "x_arch": [{"deep": {"deeper": 12345678901234567890123}}],
                    "total_params_b": {"value": 10, "x_quantity": "q"},
                },
            }
        ],
    }
    path = write_json(tmp_path / "models.json", data)
    store = load_store(path)
    assert store.models[0].pricing.model_extra == {"x_pricing": 42}
    save_store(store, path)
    assert json.loads(path.read_text(encoding="utf-8")) == {**data, "schema_version": 2}


def test_quick_and_careful_paths_build_the_same_store() -> None:
    # Files of the current version are validated straight from the text; older
    # ones (and broken ones) are parsed first. Both must mean the same thing.
    text = read_resource_text("default_store.json")
    quick = jsonstore._parse_current(text, SCHEMA_VERSION)
    careful, _ = jsonstore._parse_carefully(text, Path("x"), {}, SCHEMA_VERSION)
    assert quick is not None
    assert quick == careful
    assert quick.model_fields_set == careful.model_fields_set
    assert dump_store(quick) == dump_store(careful)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(max_size=5).filter(lambda k: k not in Store.model_fields), inner, max_size=4
        )
    ),
    max_leaves=12,
)


@given(
    st.lists(st.floats(min_value=0, allow_infinity=False), min_size=2, max_size=2),
    json_values,
    st.booleans(),
)
def test_quick_and_careful_paths_agree_on_any_numbers_and_extras(
    prices: list[float], extra: Any, ascii_only: bool
) -> None:
    data = {
        "models": [model("a", input_per_mtok=prices[0], output_per_mtok=prices[1])],
        "x_extra": extra,
    }
    text = json.dumps(data, ensure_ascii=ascii_only)
    quick = jsonstore._parse_current(text.encode(), 1)
    careful, _ = jsonstore._parse_carefully(text, Path("x"), {}, 1)
    if quick is None:  # only where the text holds NaN or Infinity, in a string
        assert "NaN" in text or "Infinity" in text
        return
    assert dump_store(quick) == dump_store(careful)
    assert quick.model_extra == careful.model_extra == {"x_extra": extra}


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "models.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(MINIMAL).encode())
    assert load_store(path).models[0].id == "kimi-k2"


def test_nesting_up_to_a_sane_depth_loads_and_saves(tmp_path: Path) -> None:
    depth = 150
    nested: Any = []
    for _ in range(depth):
        nested = [nested]
    path = write_json(tmp_path / "models.json", {"models": [], "x_deep": nested})
    save_store(load_store(path), path)
    assert json.loads(path.read_text(encoding="utf-8"))["x_deep"] == nested


# --- broken files -------------------------------------------------------------------------

VALID = json.dumps({"models": [model("a")]}, indent=2).encode()


def _replace_price(value: str) -> bytes:
    return VALID.replace(b'"input_per_mtok": 1.0', f'"input_per_mtok": {value}'.encode())


def _nested(depth: int) -> bytes:
    return b'{"models": [], "x": ' + b"[" * depth + b"]" * depth + b"}"


BROKEN: dict[str, tuple[bytes, type[StoreError], str]] = {
    "not json": (b'{"models": [}', StoreNotJson, "line 1, column 13"),
    "truncated": (VALID[: len(VALID) // 2], StoreNotJson, "line "),
    "empty file": (b"", StoreNotJson, "line 1, column 1"),
    "only whitespace": (b"  \n", StoreNotJson, "line 2, column 1"),
    "binary garbage": (b"\x89PNG\r\n\x1a\n\x00\xff\xfe\x00", StoreNotJson, "byte 0"),
    "top-level array": (b"[]", StoreInvalid, "$"),
    "top-level string": (b'"models"', StoreInvalid, "$"),
    "missing models": (b'{"currency": "USD"}', StoreInvalid, "$.models"),
    "negative price": (_replace_price("-0.5"), StoreInvalid, "$.models[0] (id 'a').pricing"),
    "textual price": (_replace_price('"0.5"'), StoreInvalid, ".pricing.input_per_mtok"),
    "bool price": (_replace_price("true"), StoreInvalid, ".pricing.input_per_mtok"),
    "null price": (_replace_price("null"), StoreInvalid, ".pricing.input_per_mtok"),
    "NaN literal": (_replace_price("NaN"), StoreNotJson, ".pricing.input_per_mtok"),
    "Infinity literal": (_replace_price("Infinity"), StoreNotJson, ".pricing.input_per_mtok"),
    "NaN in an unknown field": (b'{"models": [], "x": [1, NaN]}', StoreNotJson, "$.x[1]"),
    "price too large": (_replace_price("1e400"), StoreNotJson, ".pricing.input_per_mtok"),
    "unpaired surrogate": (b'{"models": [], "x": "\\udc00"}', StoreNotJson, "$.x"),
    "duplicate ids": (
        json.dumps({"models": [model("a"), model("b"), model("a")]}).encode(),
        StoreInvalid,
        "$.models[2] (id 'a')",
    ),
    "newer schema_version": (b'{"schema_version": 3, "models": []}', StoreTooNew, "$.schema"),
    "textual schema_version": (b'{"schema_version": "1", "models": []}', StoreInvalid, "$.sch"),
    "zero schema_version": (b'{"schema_version": 0, "models": []}', StoreInvalid, "$.sch"),
    "empty id": (VALID.replace(b'"id": "a"', b'"id": ""'), StoreInvalid, "(id '').id: String"),
    "textual parameter count": (
        json.dumps(
            {"models": [{**model("a"), "architecture": {"total_params_b": {"value": "1T"}}}]}
        ).encode(),
        StoreInvalid,
        "$.models[0] (id 'a').architecture.total_params_b.value: ",
    ),
    "result without score or note": (
        json.dumps({"models": [{**model("a"), "benchmarks": {"b": {}}}]}).encode(),
        StoreInvalid,
        ".benchmarks.b",
    ),
    "deeply nested": (_nested(100_000), StoreNotJson, "line 1, column 2"),
    "nested past the limit": (_nested(MAX_DEPTH + 50), StoreNotJson, "line 1, column"),
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_broken_store_raises_a_located_error_and_stays_as_it_was(
    tmp_path: Path, content: tuple[bytes, type[StoreError], str]
) -> None:
    raw, kind, where = content
    path = tmp_path / "models.json"
    path.write_bytes(raw)
    with pytest.raises(StoreError) as caught:
        load_store(path)
    error = caught.value
    assert type(error) is kind
    message = str(error)
    assert message.startswith(f"{path}: ")
    assert error.where is not None
    assert LOCATION.match(error.where)
    assert where in message
    assert path.read_bytes() == raw
    assert files_in(tmp_path) == {"models.json": raw}


def test_a_number_too_large_is_never_written_back_changed(tmp_path: Path) -> None:
    # The careful path refuses it when it reads the file; the quick path lets
    # an unknown field through as infinity, and then the save refuses it
    # rather than writing null in its place.
    raw = b'{"models": [], "x_huge": [1e400]}'
    path = tmp_path / "models.json"
    path.write_bytes(raw)
    with pytest.raises(StoreNotJson, match=r"\$\.x_huge\[0\]: .*finite"):
        jsonstore._parse_carefully(raw.decode(), path, {}, 1)
    store = jsonstore._parse_current(raw, 1)
    assert store is not None
    with pytest.raises(StoreWriteError, match="cannot be written as JSON"):
        save_store(store, path)
    assert files_in(tmp_path) == {"models.json": raw}


def test_duplicate_id_message_names_both_places(tmp_path: Path) -> None:
    raw, _, _ = BROKEN["duplicate ids"]
    with pytest.raises(StoreInvalid, match=r"duplicate model id 'a' \(first used at models\[0\]\)"):
        parse_store(raw, tmp_path / "models.json")


def test_many_problems_are_counted(tmp_path: Path) -> None:
    raw = json.dumps({"models": [model("a", input_per_mtok=-1, output_per_mtok="x")]}).encode()
    with pytest.raises(StoreInvalid, match=r"\(and 1 more problem\)"):
        parse_store(raw, tmp_path / "models.json")


def test_missing_file_and_folder_are_unreadable(tmp_path: Path) -> None:
    with pytest.raises(StoreUnreadable, match="no such file"):
        load_store(tmp_path / "models.json")
    with pytest.raises(StoreUnreadable, match="is a folder"):
        load_store(tmp_path)


# --- saving -------------------------------------------------------------------------------


def _fail_with_enospc(*_: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("target", ["os.fsync", "os.replace"])
def test_failed_save_keeps_the_original_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    path = write_json(tmp_path / "models.json", MINIMAL)
    original = path.read_bytes()
    store = load_store(path)
    store.models[0].name = "Renamed"
    monkeypatch.setattr(target, _fail_with_enospc)
    with pytest.raises(StoreWriteError) as caught:
        save_store(store, path, backup=False)
    assert str(path) in str(caught.value)
    assert "No space left on device" in str(caught.value)
    assert files_in(tmp_path) == {"models.json": original}


def test_failed_write_of_the_content_keeps_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_json(tmp_path / "models.json", MINIMAL)
    original = path.read_bytes()
    monkeypatch.setattr(jsonstore, "dump_store", lambda _: "x" * 10_000)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle: Any) -> None:
            self._handle = handle

        def write(self, data: bytes) -> int:
            self._handle.write(data[:100])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str) -> Any:
            return getattr(self._handle, name)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    with pytest.raises(StoreWriteError, match="No space left"):
        save_store(load_store(path), path)
    assert path.read_bytes() == original
    assert not list(tmp_path.glob(".models.json.*"))


def test_save_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = write_json(tmp_path / "models.json", MINIMAL)
    first = path.read_bytes()
    store = load_store(path)
    store.models[0].name = "Second"
    save_store(store, path)
    second = path.read_bytes()
    assert (tmp_path / "models.json.bak").read_bytes() == first
    store.models[0].name = "Third"
    save_store(store, path)
    assert (tmp_path / "models.json.bak").read_bytes() == second
    assert load_store(path).models[0].name == "Third"


def test_save_refuses_when_the_backup_cannot_be_written(tmp_path: Path) -> None:
    path = write_json(tmp_path / "models.json", MINIMAL)
    original = path.read_bytes()
    (tmp_path / "models.json.bak").mkdir()  # a folder where the backup should go
    with pytest.raises(StoreWriteError, match="backup"):
        save_store(load_store(path), path)
    assert path.read_bytes() == original


def test_snapshot_keeps_dated_copies_and_prunes_the_oldest(tmp_path: Path) -> None:
    path = write_json(tmp_path / "models.json", MINIMAL)
    assert snapshot(tmp_path / "absent.json", "x") is None
    kept = [snapshot(path, "before-import") for _ in range(jsonstore.KEPT_SNAPSHOTS + 3)]
    copies = sorted((tmp_path / "backups").iterdir())
    assert len(copies) == jsonstore.KEPT_SNAPSHOTS
    assert copies == sorted(p for p in kept[-jsonstore.KEPT_SNAPSHOTS :] if p)
    assert all(c.read_bytes() == path.read_bytes() for c in copies)
    assert re.fullmatch(r"models-\d{8}-\d{6}-\d{6}-before-import\.json", copies[0].name)


# --- migration ----------------------------------------------------------------------------


def _steps(log: list[str]) -> dict[int, Any]:
    def one_to_two(data: dict[str, Any]) -> dict[str, Any]:
        log.append("1->2")
        data["models"] = [
            {**m, "pricing": {"input_per_mtok": m.pop("price_in"), "output_per_mtok": 1.0}}
            for m in data.pop("items")
        ]
        return data

    def two_to_three(data: dict[str, Any]) -> dict[str, Any]:
        log.append("2->3")
        assert data["schema_version"] == 2
        data["currency"] = data.pop("money")
        return data

    return {1: one_to_two, 2: two_to_three}


def test_migration_steps_run_in_order(tmp_path: Path) -> None:
    old = {"money": "EUR", "items": [{"id": "a", "name": "A", "price_in": 0.25}]}
    log: list[str] = []
    store, version = parse_store(json.dumps(old), tmp_path / "m.json", _steps(log), newest=3)
    assert log == ["1->2", "2->3"]
    assert version == 1
    assert store.schema_version == 3
    assert store.currency == "EUR"
    assert store.models[0].pricing.input_per_mtok == 0.25


def test_a_file_of_the_middle_version_runs_only_the_steps_after_it(tmp_path: Path) -> None:
    middle = {"schema_version": 2, "money": "GBP", "models": [model("a")]}
    log: list[str] = []
    store, version = parse_store(json.dumps(middle), tmp_path / "m.json", _steps(log), newest=3)
    assert (log, version, store.currency) == (["2->3"], 2, "GBP")


def test_missing_migration_step_is_an_invalid_store(tmp_path: Path) -> None:
    steps = _steps([])
    del steps[2]
    with pytest.raises(StoreInvalid, match="no migration from schema_version 2") as caught:
        parse_store('{"items": [], "money": "EUR"}', tmp_path / "m.json", steps, newest=3)
    assert caught.value.where == "$.schema_version"


def test_migrated_result_is_validated(tmp_path: Path) -> None:
    steps = {1: lambda data: {**data, "models": [model("a", input_per_mtok=-1)]}}
    with pytest.raises(StoreInvalid, match="greater than or equal to 0"):
        parse_store('{"models": []}', tmp_path / "m.json", steps, newest=2)


def test_store_of_the_current_version_never_runs_a_step(tmp_path: Path) -> None:
    def explode(data: dict[str, Any]) -> dict[str, Any]:
        raise AssertionError("no step should run")

    store, version = parse_store(json.dumps(MINIMAL), tmp_path / "m.json", {1: explode}, newest=1)
    assert (version, store.schema_version) == (1, 1)
    assert isinstance(store, Store)


def test_text_that_mentions_nan_or_infinity_is_fine(tmp_path: Path) -> None:
    # Such text makes the quick path step aside; the careful one must accept it.
    data = {
        "models": [{**model("a"), "notes": "Handles NaN inputs", "x": ["To Infinity", "😀"]}],
    }
    path = write_json(tmp_path / "models.json", data)
    assert b"\\ud83d\\ude00" in path.read_bytes()  # a surrogate pair escape: fine
    assert jsonstore._parse_current(path.read_bytes(), 1) is None
    store = load_store(path)
    assert store.models[0].notes == "Handles NaN inputs"
    save_store(store, path)
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "schema_version": SCHEMA_VERSION,
        "currency": "USD",
        **data,
    }
