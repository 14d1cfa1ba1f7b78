"""``llmcompare-gui export`` as users run it: the installed entry point, no display."""

from __future__ import annotations

import csv
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from llmcompare_gui.domain.comparison import ChartKind
from llmcompare_gui.domain.cost import PriceTable, Scenario, compute_costs
from llmcompare_gui.store.jsonstore import default_store, dump_store

from .installed import run_installed

pytestmark = pytest.mark.e2e
HOSTILE = "<script>alert(1)</script>"


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return run_installed("export", *args, env={**os.environ, "LLMCOMPARE_DATA_DIR": str(data_dir)})


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.fixture
def hostile_store(tmp_path: Path) -> Path:
    """A data dir whose store has a model named like a script."""
    store = default_store()
    model = store.models[0].model_copy(deep=True)
    model.id = "hostile"
    model.name = HOSTILE
    store = store.model_copy(update={"models": [*store.models, model]})
    folder = tmp_path / "hostile-data"
    folder.mkdir()
    (folder / "models.json").write_text(dump_store(store), encoding="utf-8")
    return folder


@pytest.mark.parametrize("kind", [kind.value for kind in ChartKind])
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_every_chart_in_every_format(tmp_path: Path, data_dir: Path, kind: str, fmt: str) -> None:
    out = tmp_path / f"{kind}.{fmt}"
    result = run("--chart", kind, "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = out.read_bytes()
    if fmt == "png":
        assert png_size(out) == (1280, 720)
    elif fmt == "svg":
        assert ET.fromstring(data).get("viewBox") == "0 0 1280 720"
    else:
        assert data.startswith(b"%PDF")
    assert not data_dir.exists() or not (data_dir / "models.json").exists()  # export never writes


def test_width_height_models_title_theme(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "chart.svg"
    result = run(
        "--chart",
        "cost",
        "--out",
        str(out),
        "--width",
        "900",
        "--height",
        "500",
        "--models",
        "kimi-k2,deepseek-v3.1",
        "--title",
        "My own title",
        "--theme",
        "dark",
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(out.read_bytes())
    assert root.get("viewBox") == "0 0 900 500"
    texts = {"".join(n.itertext()) for n in root.iter("{http://www.w3.org/2000/svg}text")}
    assert "My own title" in texts
    assert "Kimi K2" in texts  # the bar labels
    assert "DeepSeek V3.1" in texts
    assert "DeepSeek V3/R1" not in texts
    assert 'fill="#1e1e1e"' in out.read_text()  # the dark background


def test_png_size_option(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "c.png"
    result = run(
        "--chart", "benchmarks", "--out", str(out), "--width", "640", "--height", "400",
        data_dir=data_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (640, 400)


def test_unwritable_output_exits_1_and_leaves_no_file(tmp_path: Path, data_dir: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = blocker / "chart.png"
    result = run("--chart", "cost", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 1
    assert str(out) in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_hostile_name_is_escaped_in_svg(tmp_path: Path, hostile_store: Path) -> None:
    out = tmp_path / "chart.svg"
    result = run("--chart", "cost", "--out", str(out), data_dir=hostile_store)
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    root = ET.fromstring(text)
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))


def test_cost_csv_is_the_cost_engines_numbers(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "cost.csv"
    result = run(
        "--chart", "cost", "--out", str(out), "--input-tokens", "2.5B",
        "--output-tokens", "300M", "--cached-share", "40%", data_dir=data_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "model_id", "model", "input_cost", "cached_input_cost", "cache_write_cost",
        "output_cost", "reasoning_cost", "request_cost", "total_cost", "currency", "note",
    ]  # fmt: skip
    store = default_store()
    costs = compute_costs(PriceTable.from_models(store.models), Scenario(2.5e9, 3e8, 0.4))
    by_id = {model.id: index for index, model in enumerate(store.models)}
    totals = []
    for row in rows[1:]:
        index = by_id[row[0]]
        # The CSV rounds to 12 significant digits (no float noise such as 825.0000000000001).
        assert float(row[2]) == pytest.approx(costs.input[index], rel=1e-12)
        assert float(row[3]) == pytest.approx(costs.cached_input[index], rel=1e-12)
        assert float(row[5]) == pytest.approx(costs.output[index], rel=1e-12)
        assert float(row[8]) == pytest.approx(costs.total[index], rel=1e-12)
        assert all(len(cell.replace(".", "").strip("0")) <= 12 for cell in row[2:9])
        totals.append(float(row[8]))
    assert totals == sorted(totals)
    assert np.isclose(sum(totals), costs.total.sum())
