"""Aider's leaderboard and the benchmark CSV: matching, what is kept, idempotence, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmcompare_gui.domain.benchmark_import import (
    AIDER_POLYGLOT,
    BenchmarkReadResult,
    best_run,
    model_id_of_command,
    plan_benchmark_import,
    read_aider_leaderboard,
    read_benchmark_csv,
)
from llmcompare_gui.domain.importers import ImportFileError, ImportFormat, summary_lines
from llmcompare_gui.domain.imports import guess_format, plan_any_import, read_import_file
from llmcompare_gui.domain.model import Store
from llmcompare_gui.store.jsonstore import default_store, dump_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LEADERBOARD = (FIXTURES / "aider_polyglot_leaderboard.yml").read_text(encoding="utf-8")
LITELLM = (FIXTURES / "litellm_model_prices-2025-11-01.json").read_text(encoding="utf-8")

K2_RUN = "2025-07-17-17-41-54--kimi-k2-diff-or-pricing"
V3_RUN = "2025-03-24-15-41-33--deepseek-v3-0324-polyglot-diff"
R1_RUN = "2025-06-06-16-47-07--r1-diff"

RUN = """\
- dirname: 2025-01-01-00-00-00--{name}
  test_cases: 225
  model: {model}
  edit_format: diff
  pass_rate_1: 10.0
  pass_rate_2: {rate}
  pass_num_2: 90
  prompt_tokens: 1000000
  completion_tokens: 100000
  command: aider --model {model_id}
  date: 2025-01-01
  total_cost: 1.5
"""


def run_text(
    name: str = "a", model: str = "Kimi K2", rate: float = 40.0, model_id: str = "x/y"
) -> str:
    return RUN.format(name=name, model=model, rate=rate, model_id=model_id)


def without_runs(store: Store) -> Store:
    """The bundled store as it was before it carried Aider's runs."""
    models = []
    for model in store.models:
        data = model.model_dump(exclude_unset=True)
        data.pop("benchmark_runs", None)
        data.get("benchmarks", {}).pop(AIDER_POLYGLOT, None)
        if model.id == "deepseek-v3.1":
            data["benchmarks"][AIDER_POLYGLOT] = model.benchmarks[AIDER_POLYGLOT].model_dump(
                exclude_unset=True
            )
        models.append(type(model).model_validate(data))
    return store.model_copy(update={"models": models})


def test_the_leaderboard_is_guessed_and_read_whole() -> None:
    assert guess_format(LEADERBOARD) is ImportFormat.AIDER
    result = read_import_file(LEADERBOARD, None, "polyglot_leaderboard.yml")
    assert isinstance(result, BenchmarkReadResult)
    assert len(result.runs) == 69
    k2 = next(run for run in result.runs if run.run == K2_RUN)
    assert (k2.model, k2.model_id, k2.date, k2.edit_format) == (
        "Kimi K2",
        "openrouter/moonshotai/kimi-k2",
        "2025-07-17",
        "diff",
    )
    assert (k2.test_cases, k2.pass_rate_2, k2.pass_num_2) == (225, 59.1, 133)
    assert (k2.prompt_tokens, k2.completion_tokens, k2.total_cost) == (2355141, 363846, 1.2357)
    v3 = next(run for run in result.runs if run.run == V3_RUN)
    assert v3.prompt_tokens is None
    assert "prompt_tokens" not in v3.model_fields_set


def test_model_id_is_the_model_flag_of_the_command() -> None:
    assert model_id_of_command("aider --model deepseek/deepseek-chat") == "deepseek/deepseek-chat"
    assert model_id_of_command("aider --architect --model r1 --editor-model sonnet") == "r1"
    assert model_id_of_command("aider --model=o3 --reasoning-effort high") == "o3"
    assert model_id_of_command("aider --editor-model sonnet") is None


def test_on_the_article_store_runs_go_to_k2_and_the_v3_r1_row_and_the_rest_is_listed() -> None:
    store = without_runs(default_store())
    plan = plan_any_import(store, read_import_file(LEADERBOARD, None, "lb.yml"))
    assert sorted(plan.updated) == ["deepseek-v3-r1", "kimi-k2"]
    assert plan.added == []
    assert sorted(plan.matched) == sorted(
        [(K2_RUN, "kimi-k2"), (V3_RUN, "deepseek-v3-r1"), (R1_RUN, "deepseek-v3-r1")]
    )
    assert len(plan.unmatched) == 66
    assert len(plan.store.models) == len(store.models)
    r1_row = plan.store.model("deepseek-v3-r1")
    assert r1_row is not None
    assert {run.run for run in r1_row.benchmark_runs} == {V3_RUN, R1_RUN}
    # The score is the best run's pass rate, marked as an independent result.
    score = r1_row.benchmarks[AIDER_POLYGLOT]
    assert (score.score, score.reported_by) == (71.4, "independent")
    assert R1_RUN in (score.source.note if score.source else "")
    k2 = plan.store.model("kimi-k2")
    assert k2 is not None
    assert k2.benchmarks[AIDER_POLYGLOT].score == 59.1
    # The vendor's claim for V3.1 is untouched: no Aider run names V3.1.
    v31 = plan.store.model("deepseek-v3.1")
    assert v31 is not None
    assert v31.benchmarks[AIDER_POLYGLOT].score == 76.3
    assert v31.benchmarks[AIDER_POLYGLOT].reported_by == "vendor"

    again = plan_any_import(plan.store, read_import_file(LEADERBOARD, None, "lb.yml"))
    assert not again.changes_anything
    assert again.store is plan.store
    assert sorted(again.unchanged) == ["deepseek-v3-r1", "kimi-k2"]


def test_the_bundled_store_already_holds_the_runs_so_importing_changes_nothing() -> None:
    store = default_store()
    plan = plan_any_import(store, read_import_file(LEADERBOARD))
    assert not plan.changes_anything
    assert dump_store(plan.store) == dump_store(store)
    assert len(plan.matched) == 3


def test_after_litellm_runs_named_by_a_litellm_key_are_matched() -> None:
    from llmcompare_gui.domain.importers import plan_import, read_price_file

    store = plan_import(default_store(), read_price_file(LITELLM)).store
    plan = plan_any_import(store, read_import_file(LEADERBOARD))
    owners = dict(plan.matched)
    assert owners["2025-01-20-19-11-38--ds-turns-upd-cur-msgs-fix-with-summarizer"] == (
        "deepseek/deepseek-reasoner"
    )
    for gemini in (
        "2025-06-06-18-38-56--gemini0605-diff-fenced",
        "2025-06-06-16-36-21--gemini0605-32k-think-diff-fenced",
    ):
        assert owners[gemini] == "gemini/gemini-2.5-pro-preview-06-05"
    # A run whose name is an alias of an article model stays with that model.
    assert owners[R1_RUN] == "deepseek-v3-r1"
    again = plan_any_import(plan.store, read_import_file(LEADERBOARD))
    assert not again.changes_anything


def test_assigning_an_unmatched_run_adds_its_model_id_as_an_alias() -> None:
    store = default_store()
    text = run_text("odd", model="Moonshot K2 (odd name)", model_id="groq/kimi-k2")
    result = read_aider_leaderboard(text)
    plan = plan_benchmark_import(store, result)
    assert [entry.key for entry in plan.unmatched] == ["2025-01-01-00-00-00--odd"]
    assigned = plan_benchmark_import(store, result, {"2025-01-01-00-00-00--odd": "kimi-k2"})
    assert assigned.unmatched == []
    k2 = assigned.store.model("kimi-k2")
    assert k2 is not None
    assert "groq/kimi-k2" in k2.aliases
    assert "2025-01-01-00-00-00--odd" in {run.run for run in k2.benchmark_runs}
    # The next import matches it without being told.
    later = read_aider_leaderboard(run_text("later", model="Other", model_id="groq/kimi-k2"))
    assert plan_benchmark_import(assigned.store, later).matched == [
        ("2025-01-01-00-00-00--later", "kimi-k2")
    ]


def test_a_changed_run_updates_and_the_best_run_is_the_score() -> None:
    store = default_store()
    first = plan_benchmark_import(store, read_aider_leaderboard(run_text("new", rate=80.0)))
    k2 = first.store.model("kimi-k2")
    assert k2 is not None
    assert k2.benchmarks[AIDER_POLYGLOT].score == 80.0
    best = best_run(k2)
    assert best is not None
    assert best.run == "2025-01-01-00-00-00--new"
    lowered = plan_benchmark_import(first.store, read_aider_leaderboard(run_text("new", rate=20.0)))
    k2 = lowered.store.model("kimi-k2")
    assert k2 is not None
    assert k2.benchmarks[AIDER_POLYGLOT].score == 59.1
    assert len([r for r in k2.benchmark_runs if r.run == "2025-01-01-00-00-00--new"]) == 1


@pytest.mark.parametrize(
    ("text", "problem", "where"),
    [
        ("dirname: x\nmodel: y\n", "expected a list of runs", "line 1"),
        ("just text", "expected a list of runs", "line 1"),
        ("- [1, 2]\n", "expected a run (a mapping)", "run 1 (line 1)"),
        (run_text().replace("  model: Kimi K2\n", ""), "the field model is missing", "run 1"),
        (
            run_text().replace("pass_rate_2: 40.0", "pass_rate_2: lots"),
            "'lots' is not a number",
            "pass_rate_2",
        ),
        (
            run_text().replace("pass_num_2: 90", "pass_num_2: 90.5"),
            "not a whole number",
            "pass_num_2",
        ),
        (
            run_text().replace("prompt_tokens: 1000000", "prompt_tokens: -3"),
            "non-negative",
            "prompt_tokens",
        ),
        (run_text().replace("  pass_rate_2: 40.0\n", ""), "pass_rate_2 is missing", "run 1"),
        (run_text().replace("date: 2025-01-01", "date: yesterday"), "not a date", "field date"),
        (run_text() + "\n" + run_text(), "appears twice (first at line 1)", "run 2 (line 14)"),
        ("- dirname: [unclosed\n", "not valid YAML", "line 2"),
        ("- !!python/object/apply:os.system ['echo hi']\n", "expected a run", "run 1"),
        (
            "- dirname: !!python/object/apply:os.system ['echo hi']\n",
            "could not determine a constructor",
            "run 1 (line 1)",
        ),
    ],
)
def test_bad_leaderboards_are_refused_whole_naming_the_place(
    text: str, problem: str, where: str
) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_import_file(text, ImportFormat.AIDER, "bad.yml")
    assert problem in caught.value.problem
    assert where in (caught.value.where or "")


def test_zero_or_absent_tokens_are_kept_as_given() -> None:
    text = (
        run_text("z")
        .replace("prompt_tokens: 1000000", "prompt_tokens: 0")
        .replace("  completion_tokens: 100000\n", "")
    )
    (run,) = read_aider_leaderboard(text).runs
    assert run.prompt_tokens == 0
    assert run.completion_tokens is None
    assert not run.has_tokens


def test_a_file_of_50_mb_is_refused_before_parsing() -> None:
    huge = run_text() + "#" * 50_000_000
    with pytest.raises(ImportFileError, match="million characters"):
        read_import_file(huge, ImportFormat.AIDER)


# --- benchmark CSV -----------------------------------------------------------------------

CSV = """model_id,benchmark,score,unit,date,source_url,reported_by
kimi-k2,LiveBench,64.2,%,2025-08-01,https://livebench.ai/,independent
deepseek-v3.1,aider-polyglot,70.0,%,2025-09-01,https://example.org/run,independent
nobody,LiveBench,12,%,,,
"""


def test_benchmark_csv_is_guessed_merged_beside_the_vendor_claim_and_idempotent() -> None:
    assert guess_format(CSV) is ImportFormat.BENCHMARK_CSV
    store = default_store()
    plan = plan_any_import(store, read_import_file(CSV, None, "scores.csv"))
    assert sorted(plan.updated) == ["deepseek-v3.1", "kimi-k2"]
    assert [entry.key for entry in plan.unmatched] == ["nobody"]
    k2 = plan.store.model("kimi-k2")
    assert k2 is not None
    assert k2.benchmarks["LiveBench"].score == 64.2
    assert plan.store.benchmark_definition("LiveBench").name == "LiveBench"
    v31 = plan.store.model("deepseek-v3.1")
    assert v31 is not None
    result = v31.benchmarks[AIDER_POLYGLOT]
    # The independent result is the score; the vendor's 76.3 stays beside it.
    assert (result.score, result.reported_by) == (70.0, "independent")
    assert [(r.score, r.reported_by) for r in result.other_reports] == [(76.3, "vendor")]
    assert result.source is not None
    assert result.source.url == "https://example.org/run"
    again = plan_any_import(plan.store, read_import_file(CSV, None, "scores.csv"))
    assert not again.changes_anything
    lines = list(summary_lines(again, dry_run=False))
    assert "1 matching no model (not imported):" in lines


@pytest.mark.parametrize(
    ("text", "problem", "where"),
    [
        ("model_id,score\nk,1\n", "lacks the column benchmark", "line 1"),
        (
            "model_id,benchmark,score\nkimi-k2,x,high\n",
            "'high' is not a number",
            "line 2, column score",
        ),
        ("model_id,benchmark,score\n,x,1\n", "the model_id is empty", "line 2"),
        (
            "model_id,benchmark,score,reported_by\nkimi-k2,x,1,me\n",
            "not one of vendor, article, independent",
            "column reported_by",
        ),
        (
            "model_id,benchmark,score,source_url\nkimi-k2,x,1,javascript:alert(1)\n",
            "not an http(s) address",
            "column source_url",
        ),
        ("model_id,benchmark,score\nk,x,1\nk,x,2\n", "appears twice", "line 3"),
    ],
)
def test_bad_benchmark_csv_is_refused_naming_the_place(text: str, problem: str, where: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_benchmark_csv(text)
    assert problem in caught.value.problem
    assert where in (caught.value.where or "")
