"""Aider's leaderboard and the cost of a solved task, through the installed command (§8)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from .installed import run_installed

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LEADERBOARD = FIXTURES / "aider_polyglot_leaderboard.yml"
LITELLM = FIXTURES / "litellm_model_prices-2025-11-01.json"
TASK_COST_HEADER = (
    "model_id,model,benchmark,run,solved,cases,prompt_tokens,completion_tokens,"
    "run_cost,cost_per_solved,currency"
)


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_task_cost_csv_is_the_hand_arithmetic_of_the_real_runs(tmp_path: Path) -> None:
    out = tmp_path / "task-cost.csv"
    result = run_installed(
        "export", "--chart", "task-cost", "--out", out, "--data-dir", tmp_path / "d"
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == TASK_COST_HEADER
    table = rows(out)
    # K2 at the article's $0.60 / $2.50: 2,355,141 × 0.60 / 10^6 = 1.4130846 and
    # 363,846 × 2.50 / 10^6 = 0.909615, so the run costs 2.3226996; 133 tasks solved
    # makes 0.0174639... per solved task.
    k2 = next(row for row in table if row["model_id"] == "kimi-k2")
    assert k2["run"] == "2025-07-17-17-41-54--kimi-k2-diff-or-pricing"
    assert (k2["solved"], k2["cases"]) == ("133", "225")
    assert (k2["prompt_tokens"], k2["completion_tokens"]) == ("2355141", "363846")
    assert float(k2["run_cost"]) == pytest.approx(2.3226996, abs=1e-9)
    assert round(float(k2["run_cost"]), 4) == 2.3227
    assert float(k2["cost_per_solved"]) == pytest.approx(2.3226996 / 133, abs=1e-12)
    assert round(float(k2["cost_per_solved"]), 5) == 0.01746
    # V3/R1's best run is R1 (0528), 71.4 %: 2,644,169 × 0.30 + 1,842,168 × 1.20 (the
    # article's V3/R1 card) = 0.7932507 + 2.2106016 = 3.0038523 for 160 solved.
    r1 = next(row for row in table if row["model_id"] == "deepseek-v3-r1")
    assert r1["run"] == "2025-06-06-16-47-07--r1-diff"
    assert float(r1["run_cost"]) == pytest.approx(3.0038523, abs=1e-9)
    assert float(r1["cost_per_solved"]) == pytest.approx(3.0038523 / 160, abs=1e-12)
    # Cheapest per solved task first; V3.1 has no run, so no row.
    assert [row["model_id"] for row in table] == ["kimi-k2", "deepseek-v3-r1"]
    assert {row["currency"] for row in table} == {"USD"}


def test_import_on_the_bundled_store_matches_and_lists_and_is_idempotent(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run_installed("import", LEADERBOARD, "--data-dir", data)
    assert first.returncode == 0, first.stderr
    assert "2025-07-17-17-41-54--kimi-k2-diff-or-pricing → kimi-k2" in first.stdout
    assert "2025-06-06-16-47-07--r1-diff → deepseek-v3-r1" in first.stdout
    assert "2025-03-24-15-41-33--deepseek-v3-0324-polyglot-diff → deepseek-v3-r1" in first.stdout
    assert "66 matching no model (not imported):" in first.stdout
    assert "Gemini 2.0 Pro exp-02-05 (gemini/gemini-2.0-pro-exp-02-05)" in first.stdout
    assert "0 added" in first.stdout
    before = (data / "models.json").read_bytes()
    second = run_installed("import", LEADERBOARD, "--data-dir", data)
    assert second.returncode == 0, second.stderr
    assert "0 updated" in second.stdout
    assert (data / "models.json").read_bytes() == before


def test_litellm_then_leaderboard_prices_runs_of_litellm_keys(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_installed("import", LITELLM, "--data-dir", data).returncode == 0
    imported = run_installed("import", LEADERBOARD, "--format", "aider", "--data-dir", data)
    assert imported.returncode == 0, imported.stderr
    assert "→ deepseek/deepseek-reasoner" in imported.stdout
    store = json.loads((data / "models.json").read_text(encoding="utf-8"))
    reasoner = next(m for m in store["models"] if m["id"] == "deepseek/deepseek-reasoner")
    assert {run["run"] for run in reasoner["benchmark_runs"]} >= {
        "2025-01-20-19-11-38--ds-turns-upd-cur-msgs-fix-with-summarizer"
    }
    gemini = next(m for m in store["models"] if m["id"] == "gemini/gemini-2.5-pro-preview-06-05")
    assert {run["run"] for run in gemini["benchmark_runs"]} == {
        "2025-06-06-18-38-56--gemini0605-diff-fenced",
        "2025-06-06-16-36-21--gemini0605-32k-think-diff-fenced",
    }
    out = tmp_path / "task-cost.csv"
    exported = run_installed("export", "--chart", "task-cost", "--out", out, "--data-dir", data)
    assert exported.returncode == 0, exported.stderr
    # Best runs without token counts are left out and named on stderr.
    assert "left out gpt-4o-2024-08-06" in exported.stderr
    table = rows(out)
    ids = [row["model_id"] for row in table]
    assert "deepseek/deepseek-reasoner" in ids
    assert "gpt-4o-2024-08-06" not in ids
    costs = [float(row["cost_per_solved"]) for row in table]
    assert costs == sorted(costs)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"dirname: x\nmodel: y\n", "expected a list of runs"),
        (b"- dirname: a\n  model: m\n  pass_rate_2: many\n", "'many' is not a number"),
        (
            b"- dirname: a\n  model: m\n  pass_rate_2: 1\n"
            b"- dirname: a\n  model: n\n  pass_rate_2: 2\n",
            "appears twice",
        ),
    ],
)
def test_a_bad_leaderboard_exits_4_and_leaves_the_store_as_it_was(
    tmp_path: Path, content: bytes, message: str
) -> None:
    data = tmp_path / "data"
    assert run_installed("import", LEADERBOARD, "--data-dir", data).returncode == 0
    before = (data / "models.json").read_bytes()
    bad = tmp_path / "bad.yml"
    bad.write_bytes(content)
    result = run_installed("import", bad, "--format", "aider", "--data-dir", data)
    assert result.returncode == 4
    assert str(bad) in result.stderr
    assert message in result.stderr
    assert (data / "models.json").read_bytes() == before
