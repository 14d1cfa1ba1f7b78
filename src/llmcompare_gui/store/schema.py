"""The JSON Schema of ``models.json``, generated from the data model.

The pydantic models in :mod:`llmcompare_gui.domain.model` are the one
definition of the format; the schema shipped in ``resources/`` is written from
them by ``make schema`` (``python -m llmcompare_gui.store.schema``) and a test
fails when the two drift apart.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..domain.model import Store

SCHEMA_RESOURCE = "models.schema.json"
TITLE = "llmcompare-gui store (models.json)"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def store_schema() -> dict[str, Any]:
    """The schema as a dict: ``$schema`` and title first, then pydantic's output."""
    generated = Store.model_json_schema()
    generated.pop("title", None)
    return {"$schema": DRAFT, "title": TITLE, **generated}


def schema_text() -> str:
    """Pretty-printed, keys sorted, so that a regeneration only shows real changes."""
    return json.dumps(store_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def default_schema_path() -> Path:
    """``resources/models.schema.json`` of the source checkout."""
    return Path(__file__).resolve().parents[3] / "resources" / SCHEMA_RESOURCE


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    target = Path(args[0]) if args else default_schema_path()
    text = schema_text()
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        print(f"{target} is up to date")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
