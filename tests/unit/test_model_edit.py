"""The form's edit merged back into a model: a pure function, against hand-written models."""

from __future__ import annotations

from typing import Any

import pytest

from llmcompare_gui.domain.model import Model
from llmcompare_gui.domain.model_edit import (
    REMOVE,
    EditError,
    ModelEdit,
    RowEdit,
    ServiceTierEdit,
    merge_model,
    merge_tiers,
)

TODAY = "2026-12-02"


def model(data: dict[str, Any]) -> Model:
    return Model.model_validate(data)


def dump(result: Model) -> dict[str, Any]:
    return result.model_dump(mode="json", exclude_unset=True)


ORIGINAL: dict[str, Any] = {
    "id": "kimi-k2",
    "name": "Kimi K2",
    "vendor": "Moonshot AI",
    "family": "Kimi",
    "my_own_field": {"kept": True},
    "architecture": {
        "kind": "moe",
        "context_window": {"value": 131072, "note": "256K in heavy mode", "source": {"title": "a"}},
    },
    "modes": [{"name": "thinking", "reasoning": True, "extra": 1}, {"name": "fast"}],
    "pricing": {
        "input_per_mtok": 0.6,
        "output_per_mtok": 2.5,
        "cached_input_per_mtok": 0.15,
        "as_of": "2025-09-01",
        "source": {"title": "Moonshot pricing"},
    },
    "sources": [{"title": "Article", "url": "https://example.org", "note": "kept"}],
}


def test_no_change_gives_the_original_back_with_its_unknown_fields() -> None:
    assert dump(merge_model(model(ORIGINAL), ModelEdit(), today=TODAY)) == ORIGINAL


def test_changed_fields_are_set_and_cleared_ones_removed() -> None:
    edit = ModelEdit(top={"vendor": "Moonshot", "family": REMOVE, "release": "2025-07"})
    result = dump(merge_model(model(ORIGINAL), edit, today=TODAY))
    expected = {**ORIGINAL, "vendor": "Moonshot", "release": "2025-07"}
    del expected["family"]
    assert result == expected


def test_a_new_model_has_only_what_was_given() -> None:
    edit = ModelEdit(
        top={"id": "m", "name": "M"},
        pricing={"input_per_mtok": 1.0, "output_per_mtok": 2.0},
        positioning={"primary_focus": REMOVE},
        modes=[],
        sources=[],
        windows=[],
        tiers=[],
    )
    assert dump(merge_model(None, edit, today=TODAY)) == {
        "id": "m",
        "name": "M",
        "pricing": {"input_per_mtok": 1.0, "output_per_mtok": 2.0},
    }


def test_a_new_model_credits_its_prices_to_the_source_given() -> None:
    edit = ModelEdit(
        top={"id": "m", "name": "M"},
        pricing={"input_per_mtok": 1.0, "output_per_mtok": 2.0},
        price_source_title=" Price page ",
        price_source_url="https://example.org/prices",
    )
    assert dump(merge_model(None, edit, today=TODAY))["pricing"] == {
        "input_per_mtok": 1.0,
        "output_per_mtok": 2.0,
        "source": {
            "title": "Price page",
            "url": "https://example.org/prices",
            "retrieved": "2026-12-02",
        },
    }


def test_an_object_is_added_only_when_something_in_it_is_set() -> None:
    original = model(ORIGINAL)
    assert "positioning" not in dump(
        merge_model(original, ModelEdit(positioning={"primary_focus": REMOVE}), today=TODAY)
    )
    result = merge_model(original, ModelEdit(positioning={"primary_focus": "coding"}), today=TODAY)
    assert dump(result)["positioning"] == {"primary_focus": "coding"}


def test_an_emptied_object_stays_as_an_empty_object() -> None:
    data = {**ORIGINAL, "positioning": {"primary_focus": "coding"}}
    result = merge_model(model(data), ModelEdit(positioning={"primary_focus": REMOVE}), today=TODAY)
    assert dump(result)["positioning"] == {}


def test_a_quantity_changes_only_its_value_keeping_note_and_source() -> None:
    edit = ModelEdit(quantities={"context_window": 262144, "total_params_b": 1000})
    result = dump(merge_model(model(ORIGINAL), edit, today=TODAY))
    assert result["architecture"] == {
        "kind": "moe",
        "context_window": {"value": 262144, "note": "256K in heavy mode", "source": {"title": "a"}},
        "total_params_b": {"value": 1000},
    }


def test_rows_keep_the_unknown_keys_of_the_entry_they_show() -> None:
    edit = ModelEdit(
        modes=[
            RowEdit(number=1, original=1, changes={"description": "quick"}),
            RowEdit(number=2, original=0, changes={"reasoning": False}),
            RowEdit(number=3, changes={"name": "heavy"}),
        ]
    )
    assert dump(merge_model(model(ORIGINAL), edit, today=TODAY))["modes"] == [
        {"name": "fast", "description": "quick"},
        {"name": "thinking", "reasoning": False, "extra": 1},
        {"name": "heavy"},
    ]


def test_every_row_removed_leaves_an_empty_list() -> None:
    result = dump(merge_model(model(ORIGINAL), ModelEdit(modes=[], sources=[]), today=TODAY))
    assert (result["modes"], result["sources"]) == ([], [])


def test_a_changed_price_becomes_the_users_price_point() -> None:
    edit = ModelEdit(pricing={"output_per_mtok": 2.0})
    assert dump(merge_model(model(ORIGINAL), edit, today=TODAY))["pricing"] == {
        "input_per_mtok": 0.6,
        "output_per_mtok": 2.0,
        "cached_input_per_mtok": 0.15,
        "as_of": "2026-12-02",
        "effective": "2026-12-02",
        "source": {"title": "Edited by the user", "retrieved": "2026-12-02"},
        "cached_input_source": {"title": "Moonshot pricing"},
        "history": [
            {
                "input_per_mtok": 0.6,
                "output_per_mtok": 2.5,
                "cached_input_per_mtok": 0.15,
                "as_of": "2025-09-01",
                "source": {"title": "Moonshot pricing"},
                "note": "Price before an edit on 2026-12-02",
            }
        ],
    }


def test_a_cleared_cached_price_becomes_null_meaning_the_input_price() -> None:
    edit = ModelEdit(pricing={"cached_input_per_mtok": REMOVE})
    pricing = dump(merge_model(model(ORIGINAL), edit, today=TODAY))["pricing"]
    assert pricing["cached_input_per_mtok"] is None


def test_service_tiers_are_offered_priced_and_withdrawn() -> None:
    data = {**ORIGINAL, "pricing": {**ORIGINAL["pricing"], "service_tiers": {"flex": {}}}}
    edit = ModelEdit(
        service_tiers={
            "batch": ServiceTierEdit(
                changes={"input_per_mtok": 0.3},
                tiers=[{"above_prompt_tokens": 200000, "input_per_mtok": 0.5}],
            ),
            "flex": None,
            "priority": None,
        }
    )
    pricing = dump(merge_model(model(data), edit, today=TODAY))["pricing"]
    assert pricing["service_tiers"] == {
        "batch": {
            "input_per_mtok": 0.3,
            "tiers": [{"above_prompt_tokens": 200000, "input_per_mtok": 0.5}],
        }
    }


def test_off_peak_needs_a_window_and_a_price() -> None:
    window = RowEdit(number=1, changes={"days": [1, 2], "start_utc": "16:30", "end_utc": "00:30"})
    edit = ModelEdit(off_peak={"input_per_mtok": 0.1}, windows=[window])
    assert dump(merge_model(model(ORIGINAL), edit, today=TODAY))["pricing"]["off_peak"] == {
        "input_per_mtok": 0.1,
        "windows": [{"days": [1, 2], "start_utc": "16:30", "end_utc": "00:30"}],
    }
    with pytest.raises(EditError, match=r"^Off-peak windows: off-peak prices need") as caught:
        merge_model(model(ORIGINAL), ModelEdit(off_peak={"input_per_mtok": 0.1}, windows=[]))
    assert caught.value.loc == ("pricing", "off_peak", "windows")
    with pytest.raises(EditError, match=r"^Off-peak input price: off-peak windows need"):
        merge_model(model(ORIGINAL), ModelEdit(windows=[window]))
    half = RowEdit(number=2, changes={"days": [1]})
    with pytest.raises(EditError, match=r"^Off-peak windows, row 2, start: required"):
        merge_model(model(ORIGINAL), ModelEdit(off_peak={"input_per_mtok": 0.1}, windows=[half]))


@pytest.mark.parametrize(
    ("edit", "loc", "message"),
    [
        (ModelEdit(top={"id": REMOVE}), ("id",), "Id: required"),
        (ModelEdit(top={"id": "other"}), ("id",), "Id: 'other' is already used by another model"),
        (ModelEdit(top={"name": REMOVE}), ("name",), "Name: required"),
        (
            ModelEdit(pricing={"input_per_mtok": REMOVE}),
            ("pricing", "input_per_mtok"),
            "Input price: required",
        ),
        (
            ModelEdit(modes=[RowEdit(number=2, changes={"description": "x"})]),
            ("modes",),
            "Modes, row 2: a mode needs a name",
        ),
        (
            ModelEdit(sources=[RowEdit(number=1, original=0, changes={"title": REMOVE})]),
            ("sources",),
            "Sources, row 1: a source needs a title",
        ),
        (
            ModelEdit(price_source_url="https://example.org"),
            ("pricing", "source"),
            "Price source: a source with a URL needs a title",
        ),
        (
            ModelEdit(pricing={"cache_write_per_mtok": -1.0}),
            ("pricing", "cache_write_per_mtok"),
            "pricing.cache_write_per_mtok: Input should be greater than or equal to 0",
        ),
    ],
)
def test_an_edit_that_gives_no_model_says_what_and_where(
    edit: ModelEdit, loc: tuple[str, ...], message: str
) -> None:
    with pytest.raises(EditError) as caught:
        merge_model(model(ORIGINAL), edit, taken_ids=["kimi-k2", "other"], today=TODAY)
    assert (caught.value.loc, str(caught.value)) == (loc, message)


def test_the_model_keeps_its_own_id_when_the_store_lists_it() -> None:
    edit = ModelEdit(top={"name": "K2"})
    assert merge_model(model(ORIGINAL), edit, taken_ids=["kimi-k2"], today=TODAY).name == "K2"


def test_the_original_is_not_changed() -> None:
    original = model(ORIGINAL)
    merge_model(original, ModelEdit(top={"vendor": "X"}, modes=[]), today=TODAY)
    assert dump(original) == ORIGINAL


ORIGINAL_TIERS = [
    {"above_prompt_tokens": 200000, "input_per_mtok": 2.5, "my_note": "kept"},
    {"above_prompt_tokens": 1000000, "input_per_mtok": 5.0},
]


def test_tiers_are_merged_with_their_originals_and_sorted() -> None:
    rows = [
        RowEdit(number=1, original=1, changes={"above_prompt_tokens": 128000}),
        RowEdit(number=2, original=0, changes={"output_per_mtok": 15.0}),
    ]
    assert merge_tiers(ORIGINAL_TIERS, rows, "Long-context tiers") == [
        {"above_prompt_tokens": 128000, "input_per_mtok": 5.0},
        {
            "above_prompt_tokens": 200000,
            "input_per_mtok": 2.5,
            "my_note": "kept",
            "output_per_mtok": 15.0,
        },
    ]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [RowEdit(number=3, changes={"input_per_mtok": 1.0})],
            "Long-context tiers, row 3, above prompt tokens: required",
        ),
        (
            [
                RowEdit(number=1, original=0),
                RowEdit(number=2, changes={"above_prompt_tokens": 200000, "input_per_mtok": 1.0}),
            ],
            "Long-context tiers, row 2, above prompt tokens: 200K is also row 1's threshold",
        ),
        (
            [RowEdit(number=1, changes={"above_prompt_tokens": 300000})],
            "Long-context tiers, row 1: a tier needs at least one price",
        ),
    ],
)
def test_a_tier_row_that_gives_no_tier_is_named(rows: list[RowEdit], message: str) -> None:
    with pytest.raises(EditError) as caught:
        merge_tiers(ORIGINAL_TIERS, rows, "Long-context tiers", ("pricing", "tiers"))
    assert (str(caught.value), caught.value.loc) == (message, ("pricing", "tiers"))
