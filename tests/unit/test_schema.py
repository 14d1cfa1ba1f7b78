"""The shipped JSON Schema is the one the data model generates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from llmcompare_gui.bundled import read_resource_text
from llmcompare_gui.store import schema

from ..conftest import REPO

SHIPPED = REPO / "resources" / schema.SCHEMA_RESOURCE


def test_shipped_schema_is_generated_from_the_data_model() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == schema.schema_text(), (
        f"{SHIPPED.relative_to(REPO)} is out of date with domain/model.py: run `make schema`"
    )


def test_schema_has_a_title_no_id_and_stable_pretty_text() -> None:
    data = json.loads(schema.schema_text())
    assert data["title"] == schema.TITLE
    assert "$id" not in json.dumps(data)
    text = schema.schema_text()
    # Sorted keys and two-space indent, so that `make schema` diffs show only real changes.
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert text.startswith('{\n  "$defs": {\n')
    required = data["$defs"]["Pricing"]["required"]
    assert sorted(required) == ["input_per_mtok", "output_per_mtok"]
    assert data["required"] == ["models"]


def test_schema_is_found_as_a_resource() -> None:
    assert read_resource_text(schema.SCHEMA_RESOURCE) == SHIPPED.read_text(encoding="utf-8")


def test_main_writes_the_schema_and_then_finds_it_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "models.schema.json"
    assert schema.main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema.schema_text()
    assert "wrote" in capsys.readouterr().out
    assert schema.main([str(target)]) == 0
    assert "up to date" in capsys.readouterr().out


def test_default_store_validates_against_the_shipped_schema() -> None:
    document = json.loads(read_resource_text("default_store.json"))
    jsonschema.validate(document, json.loads(SHIPPED.read_text(encoding="utf-8")))


def test_the_schema_refuses_what_the_app_refuses() -> None:
    document = json.loads(read_resource_text("default_store.json"))
    document["models"][0]["pricing"]["input_per_mtok"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json.loads(SHIPPED.read_text(encoding="utf-8")))
