"""Schema-2 stores: both load paths agree, and what the schema refuses is located."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llmcompare_gui.domain.model import SCHEMA_VERSION
from llmcompare_gui.store import jsonstore
from llmcompare_gui.store.errors import StoreInvalid
from llmcompare_gui.store.jsonstore import dump_store, parse_store

from .test_cost_card_properties import cards


@given(st.lists(cards(), min_size=1, max_size=3), st.booleans())
def test_quick_and_careful_paths_agree_on_schema_2_cards(
    priced: list[dict[str, Any]], with_rates: bool
) -> None:
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "models": [
            {"id": f"m{i}", "name": f"M{i}", "pricing": card} for i, card in enumerate(priced)
        ],
    }
    if with_rates:
        data["exchange_rates"] = {"as_of": "2026-11-01", "rates": {"EUR": 0.86}}
        data["models"][0]["pricing"]["currency"] = "EUR"
    text = json.dumps(data)
    quick = jsonstore._parse_current(text.encode(), SCHEMA_VERSION)
    careful, _ = jsonstore._parse_carefully(text, Path("x"), {}, SCHEMA_VERSION)
    assert quick is not None
    assert dump_store(quick) == dump_store(careful)
    assert json.loads(dump_store(quick))["models"] == json.loads(text)["models"]


def model_with(**pricing: Any) -> bytes:
    card = {"input_per_mtok": 1.0, "output_per_mtok": 2.0, **pricing}
    return json.dumps(
        {"schema_version": 2, "models": [{"id": "a", "name": "A", "pricing": card}]}
    ).encode()


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        (model_with(tiers=[{"above_prompt_tokens": 0}]), "$.models[0] (id 'a').pricing.tiers[0]"),
        (
            model_with(tiers=[{"above_prompt_tokens": 5}, {"above_prompt_tokens": 5}]),
            "$.models[0] (id 'a').pricing",
        ),
        (model_with(service_tiers={"turbo": {}, "batch": {"input_per_mtok": -1}}), ".batch"),
        (
            model_with(off_peak={"windows": [{"days": [8], "start_utc": "1:00", "end_utc": "2"}]}),
            ".off_peak.windows[0]",
        ),
        (model_with(currency="CNY"), "$.models[0]"),
        (model_with(cache_write_per_mtok=-0.5), ".pricing.cache_write_per_mtok"),
    ],
    ids=["zero threshold", "repeated threshold", "negative batch", "bad window", "no rate", "neg"],
)
def test_bad_schema_2_fields_are_refused_with_their_place(
    tmp_path: Path, raw: bytes, where: str
) -> None:
    with pytest.raises(StoreInvalid) as caught:
        parse_store(raw, tmp_path / "models.json")
    assert where in str(caught.value)
