"""Rules the importers read in one place: LiteLLM's preferred cache key, a CSV's missing columns.

Expected prices are the per-token figures of the test entries times a million,
worked out by hand; expected messages are written out in full.
"""

from __future__ import annotations

import json

import pytest

from llmcompare_gui.domain.benchmark_import import read_benchmark_csv
from llmcompare_gui.domain.importers import ImportFileError, ImportFormat, read_price_file

PREFERRED = ("cache_read_input_token_cost", 1e-7)  # 0.10 per million
FALLBACK = ("input_cost_per_token_cache_hit", 5e-8)  # 0.05 per million


def litellm_entry(**entry: object) -> str:
    return json.dumps({"m": {"mode": "chat", **entry}})


@pytest.mark.parametrize("order", [(PREFERRED, FALLBACK), (FALLBACK, PREFERRED)])
def test_a_tiered_range_takes_the_cache_read_key_whichever_comes_first(
    order: tuple[tuple[str, float], ...],
) -> None:
    upper = {"range": [200_000, 1_000_000], "input_cost_per_token": 2e-6}
    upper |= dict(order)
    upper["output_cost_per_token"] = 4e-6
    text = litellm_entry(
        input_cost_per_token=1e-6,
        output_cost_per_token=2e-6,
        tiered_pricing=[{"range": [0, 200_000]}, upper],
    )
    (model,) = read_price_file(text).models
    (tier,) = model.card["tiers"]
    assert tier == {
        "above_prompt_tokens": 200_000,
        "input_per_mtok": 2.0,
        "cached_input_per_mtok": 0.1,
        "output_per_mtok": 4.0,
    }


@pytest.mark.parametrize("order", [(PREFERRED, FALLBACK), (FALLBACK, PREFERRED)])
def test_off_peak_and_the_flat_card_take_the_cache_read_key_too(
    order: tuple[tuple[str, float], ...],
) -> None:
    text = litellm_entry(
        input_cost_per_token=1e-6,
        output_cost_per_token=2e-6,
        **dict(order),
        off_peak_pricing={"input_cost_per_token": 5e-7, **dict(order)},
    )
    (model,) = read_price_file(text).models
    assert model.cached_input_per_mtok == 0.1
    assert model.card["off_peak"]["cached_input_per_mtok"] == 0.1


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "id,name,input_per_mtok\na,A,1\n",
            "the header row lacks the column output_per_mtok (found: id, name, input_per_mtok)",
        ),
        (
            "id,name\na,A\n",
            "the header row lacks the columns input_per_mtok, output_per_mtok (found: id, name)",
        ),
        (
            "\n",
            "the header row lacks the columns id, name, input_per_mtok, output_per_mtok"
            " (found: nothing)",
        ),
    ],
)
def test_a_price_csv_without_a_required_column_names_what_is_missing(
    text: str, problem: str
) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_price_file(text, ImportFormat.CSV)
    assert (caught.value.problem, caught.value.where) == (problem, "line 1")


def test_a_benchmark_csv_without_required_columns_says_so_in_the_same_words() -> None:
    with pytest.raises(ImportFileError) as caught:
        read_benchmark_csv("Model_ID\nk\n")
    assert (caught.value.problem, caught.value.where) == (
        "the header row lacks the columns benchmark, score (found: model_id)",
        "line 1",
    )
