from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from llmcompare_gui.domain.importers import (
    ImportFileError,
    ImportFormat,
    detect_format,
    plan_import,
    read_price_file,
    summary_lines,
)
from llmcompare_gui.domain.model import Store
from llmcompare_gui.domain.price_points import priced_with
from llmcompare_gui.store.jsonstore import default_store, dump_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LITELLM = (FIXTURES / "litellm_model_prices-2025-11-01.json").read_text(encoding="utf-8")


def openrouter(*entries: dict[str, object]) -> str:
    return json.dumps({"data": list(entries)})


def test_litellm_file_imports_chat_completion_and_responses_models_only() -> None:
    result = read_price_file(LITELLM)
    raw = json.loads(LITELLM)
    wanted = {k for k, v in raw.items() if v.get("mode") in {"chat", "completion", "responses"}}
    assert result.format is ImportFormat.LITELLM
    assert {m.id for m in result.models} == wanted
    assert result.skipped["mode embedding"] == sum(
        1 for v in raw.values() if v.get("mode") == "embedding"
    )
    assert "sample_spec" not in {m.id for m in result.models}


def test_litellm_prices_are_converted_to_per_million_exactly() -> None:
    by_id = {m.id: m for m in read_price_file(LITELLM).models}
    r1 = by_id["azure_ai/deepseek-r1"]
    assert (r1.input_per_mtok, r1.output_per_mtok) == (1.35, 5.4)
    assert r1.vendor == "azure_ai"
    assert r1.context_window == 128000
    raw = json.loads(LITELLM)
    cached_key = next(
        k for k, v in raw.items() if "cache_read_input_token_cost" in v and v.get("mode") == "chat"
    )
    expected = raw[cached_key]["cache_read_input_token_cost"] * 1e6
    assert by_id[cached_key].cached_input_per_mtok == pytest.approx(expected, rel=1e-12)


def test_litellm_cache_hit_price_is_the_fallback_for_cached_input() -> None:
    text = json.dumps(
        {
            "m": {
                "mode": "chat",
                "input_cost_per_token": 2e-6,
                "output_cost_per_token": 4e-6,
                "input_cost_per_token_cache_hit": 5e-7,
            }
        }
    )
    (model,) = read_price_file(text).models
    assert model.cached_input_per_mtok == 0.5


def test_importing_litellm_adds_then_changes_nothing_the_second_time() -> None:
    store = default_store()
    result = read_price_file(LITELLM)
    first = plan_import(store, result, today="2026-11-29")
    priced = [
        m for m in result.models if m.input_per_mtok is not None and m.output_per_mtok is not None
    ]
    assert len(first.added) == len(priced)
    assert first.store.model("kimi-k2") == store.model("kimi-k2")
    second = plan_import(first.store, result, today="2026-11-30")
    assert second.added == []
    assert second.updated == []
    assert dump_store(second.store) == dump_store(first.store)


def test_update_changes_only_what_the_source_gives_and_keeps_the_old_price() -> None:
    bundled = default_store()
    # Kimi K2 priced with the vendor's card, which has a cached price ($0.15/M).
    vendor_priced = [
        priced_with(model, 0) if model.id == "kimi-k2" else model for model in bundled.models
    ]
    store = bundled.model_copy(update={"models": vendor_priced})
    text = openrouter(
        {
            "id": "kimi-k2",
            "name": "Kimi K2",
            "pricing": {"prompt": "0.0000005", "completion": "0.0000024"},
        }
    )
    plan = plan_import(store, read_price_file(text), today="2026-11-29")
    assert plan.updated == ["kimi-k2"]
    model = plan.store.model("kimi-k2")
    assert model is not None
    assert (model.pricing.input_per_mtok, model.pricing.output_per_mtok) == (0.5, 2.4)
    # The source gave no cached price: the stored one stays.
    assert model.pricing.cached_input_per_mtok == 0.15
    previous = model.pricing.history[-1]
    assert (previous.input_per_mtok, previous.output_per_mtok) == (0.6, 2.5)
    assert model.pricing.as_of == "2026-11-29"
    before = store.model("kimi-k2")
    assert before is not None
    assert model.benchmarks == before.benchmarks


def test_openrouter_format_is_detected_and_variable_prices_skipped() -> None:
    text = openrouter(
        {
            "id": "openai/gpt-x",
            "name": "GPT X",
            "context_length": 200000,
            "pricing": {
                "prompt": "0.000002",
                "completion": "0.000008",
                "input_cache_read": "0.0000005",
            },
        },
        {"id": "openrouter/auto", "name": "Auto", "pricing": {"prompt": "-1", "completion": "-1"}},
    )
    assert detect_format(text) is ImportFormat.OPENROUTER
    result = read_price_file(text)
    (model,) = result.models
    assert (model.id, model.name, model.vendor) == ("openai/gpt-x", "GPT X", "openai")
    assert (model.input_per_mtok, model.output_per_mtok, model.cached_input_per_mtok) == (
        2.0,
        8.0,
        0.5,
    )
    assert result.skipped == {"variable price": 1}


def test_csv_reads_back_our_own_neutralised_cells() -> None:
    text = (
        "id,name,vendor,input_per_mtok,cached_input_per_mtok,output_per_mtok,cost\r\n"
        "x1,'=HYPERLINK(\"a\"),'@acme,1.5,,3,12\r\n"
    )
    assert detect_format(text) is ImportFormat.CSV
    (model,) = read_price_file(text).models
    assert model.name == '=HYPERLINK("a")'
    assert model.vendor == "@acme"
    assert (model.input_per_mtok, model.cached_input_per_mtok, model.output_per_mtok) == (
        1.5,
        None,
        3.0,
    )


@pytest.mark.parametrize(
    ("text", "fmt", "where"),
    [
        ('{"a": ', None, "line 1, column 7"),
        ("[1, 2]", None, "$"),
        ("[" * 100_000, None, "nested too deeply"),
        ("[" * 100_000, ImportFormat.LITELLM, "nested too deeply"),
        ("[" * 100_000, ImportFormat.OPENROUTER, "nested too deeply"),
        ('{"data": [{"name": "no id"}]}', None, "$.data[0]"),
        ("id,name\r\nx,y\r\n", ImportFormat.CSV, "line 1"),
        (
            "id,name,input_per_mtok,output_per_mtok\r\nx,X,cheap,1\r\n",
            None,
            "line 2, column input_per_mtok",
        ),
        (
            "id,name,input_per_mtok,output_per_mtok\r\nx,X,-1,1\r\n",
            None,
            "line 2, column input_per_mtok",
        ),
    ],
)
def test_broken_files_say_where(text: str, fmt: ImportFormat | None, where: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_price_file(text, fmt)
    assert where in str(caught.value)


def litellm_entry(input_cost: object, output_cost: object = 2e-6) -> dict[str, object]:
    return {
        "mode": "chat",
        "input_cost_per_token": input_cost,
        "output_cost_per_token": output_cost,
    }


def test_litellm_entries_with_nan_or_negative_prices_are_skipped_with_their_reason() -> None:
    raw = json.loads(LITELLM)
    raw["broken/nan"] = litellm_entry(float("nan"))
    raw["broken/negative"] = litellm_entry(1e-6, -2e-6)
    raw["broken/text"] = litellm_entry("abc")
    result = read_price_file(json.dumps(raw))  # json.dumps writes NaN as the bare word
    imported = {m.id for m in result.models}
    wanted = {k for k, v in raw.items() if v.get("mode") in {"chat", "completion", "responses"}}
    assert imported == wanted - {"broken/nan", "broken/negative", "broken/text"}
    reasons = {entry.id: entry.reason for entry in result.skipped_entries}
    assert reasons == {
        "broken/nan": "$['broken/nan'].input_cost_per_token: nan is not a finite price",
        "broken/negative": "$['broken/negative'].output_cost_per_token: -2e-06 is negative",
        "broken/text": "$['broken/text'].input_cost_per_token: 'abc' is not a price",
    }
    assert result.skipped["invalid price"] == 3
    plan = plan_import(default_store(), result)
    assert "broken/nan" not in {m.id for m in plan.store.models}
    assert "gpt-4o" in plan.added
    lines = list(summary_lines(plan, dry_run=True))
    assert "  3 × invalid price" in lines
    negative = "$['broken/negative'].output_cost_per_token: -2e-06 is negative"
    assert f"    broken/negative: {negative}" in lines


def test_csv_names_every_bad_line_and_imports_none() -> None:
    text = (
        "id,name,input_per_mtok,output_per_mtok\r\n"
        "x1,X1,cheap,1\r\n"
        "ok,OK,1,2\r\n"
        ",nameless,1,2\r\n"
        "x4,X4,1,-2\r\n"
        "x5,X5,1,2,surplus\r\n"
    )
    with pytest.raises(ImportFileError) as caught:
        read_price_file(text)
    assert caught.value.problems == [
        "line 2, column input_per_mtok: 'cheap' is not a price",
        "line 4, column id: the id is empty",
        "line 5, column output_per_mtok: '-2' is negative; a price must be 0 or more",
        "line 6: more cells than the header has columns",
    ]
    assert str(caught.value).startswith("4 bad lines, nothing imported: line 2, column input")


def test_csv_prices_and_counts_follow_the_one_parse_rule() -> None:
    text = (
        '"id","name","input_per_mtok","output_per_mtok","cached_input_per_mtok","context_window"\n'
        '"a","A","1,000.50","$0.60"," 0.15 ","128k"\n'
        '"b","B","2","3 €","","131,072"\n'
        '"c","C","0.6","2.5","","2.5e5"\n'
    )
    a, b, c = read_price_file(text).models
    assert (a.input_per_mtok, a.output_per_mtok, a.cached_input_per_mtok) == (1000.5, 0.6, 0.15)
    assert (a.context_window, b.context_window, c.context_window) == (128_000, 131_072, 250_000)
    assert b.output_per_mtok == 3.0


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("1,5", "'1,5': write decimals with a point, e.g. 1.5"),
        ("EUR 2", "'EUR 2': write the number without a currency code"),
        ("1e400", "'1e400' is too large"),
    ],
)
def test_csv_prices_the_parse_rule_refuses_are_named(cell: str, problem: str) -> None:
    text = f'id,name,input_per_mtok,output_per_mtok\nx,X,"{cell}",1\n'
    with pytest.raises(ImportFileError) as caught:
        read_price_file(text)
    assert caught.value.problems == [f"line 2, column input_per_mtok: {problem}"]


def test_csv_price_in_its_own_currency_may_carry_the_code() -> None:
    text = "id,name,input_per_mtok,output_per_mtok,price_currency\nx,X,EUR 2,3 EUR,EUR\n"
    (model,) = read_price_file(text).models
    assert (model.input_per_mtok, model.output_per_mtok) == (2.0, 3.0)


def test_csv_accepts_a_price_above_the_editors_cap_for_the_preview_to_flag() -> None:
    (model,) = read_price_file("id,name,input_per_mtok,output_per_mtok\nx,X,2e6,1\n").models
    assert model.input_per_mtok == 2_000_000


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiter_is_detected(delimiter: str) -> None:
    rows = [
        ["id", "name", "input_per_mtok", "output_per_mtok", "notes"],
        ["kimi-k2", "Kimi K2", "0.6", "2.5", "a, b; c"],
    ]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    (model,) = read_price_file(buffer.getvalue()).models
    assert (model.id, model.input_per_mtok, model.output_per_mtok) == ("kimi-k2", 0.6, 2.5)
    assert model.extra == {"notes": "a, b; c"}


def test_new_model_without_both_prices_is_skipped_not_invented() -> None:
    text = openrouter({"id": "a/b", "name": "B", "pricing": {"prompt": "0.000001"}})
    plan = plan_import(Store(models=[]), read_price_file(text))
    assert plan.added == []
    assert plan.skipped == {"no input and output price": 1}


def test_an_import_stamps_retrieved_but_never_calls_it_the_effective_date() -> None:
    store = default_store()
    first = read_price_file(
        "id,name,input_per_mtok,output_per_mtok\r\nkimi-k2,Kimi K2,0.5,2.5\r\n", None, "a.csv"
    )
    once = plan_import(store, first, today="2026-12-01").store
    kimi = once.model("kimi-k2")
    assert kimi is not None
    assert kimi.pricing.source is not None
    assert kimi.pricing.source.retrieved == first.source.retrieved
    assert kimi.pricing.as_of == "2026-12-01"
    second = read_price_file(
        "id,name,input_per_mtok,output_per_mtok\r\nkimi-k2,Kimi K2,0.4,2.5\r\n", None, "b.csv"
    )
    twice = plan_import(once, second, today="2026-12-02").store.model("kimi-k2")
    assert twice is not None
    previous = twice.pricing.history[-1]
    # The card of the first import was checked on 2026-12-01; the file never said since when.
    assert (previous.input_per_mtok, previous.as_of, previous.effective) == (
        0.5,
        "2026-12-01",
        None,
    )
    assert all(
        point.effective in (None, "2025-07-11") for point in twice.pricing.history
    )  # only the vendor card of the bundled data has a real effective date
