"""The installed ``llmcompare-gui`` entry point, run as a user runs it, with no display.

Each case is a real process: exit status, stderr and the files on disk are what a
script relies on. Expected costs are worked out by hand from CONTRACT §3, never with
the cost engine. (What pictures look like is the charts' tests; here, that each
chart is written in each format, at the size asked, with names escaped.)
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from llmcompare_gui import __version__
from llmcompare_gui.domain.comparison import ChartKind
from llmcompare_gui.store.jsonstore import default_store, dump_store

from .installed import ENTRY_POINT, run_installed

pytestmark = pytest.mark.e2e

COST_HEADER = (
    "model_id,model,input_cost,cached_input_cost,cache_write_cost,output_cost,reasoning_cost,"
    "request_cost,total_cost,currency,note"
)
ARTICLE_AT_1B_100M = [
    COST_HEADER,
    "deepseek-v3-r1,DeepSeek V3/R1,300,0,0,120,0,0,420,USD,",
    "deepseek-v3.1,DeepSeek V3.1,550,0,0,166,0,0,716,USD,",
    "kimi-k2,Kimi K2,600,0,0,250,0,0,850,USD,",
]


run = run_installed


def export_cost(out: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return run("export", "--chart", "cost", "--format", "csv", "--out", out, *args)


def csv_lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8-sig").splitlines()


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def assert_one_line_error(result: subprocess.CompletedProcess[str], *parts: str) -> None:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for part in parts:
        assert part in lines[0]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_store(folder: Path, models: list[dict[str, Any]], **top: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "models.json"
    path.write_text(json.dumps({"models": models, **top}, indent=2), encoding="utf-8")
    return path


def priced(model_id: str, name: str, inp: float, out: float, cached: float | None = None) -> Any:
    prices = {"input_per_mtok": inp, "output_per_mtok": out, "cached_input_per_mtok": cached}
    return {"id": model_id, "name": name, "pricing": prices}


def test_entry_point_is_installed() -> None:
    assert ENTRY_POINT.is_file(), f"{ENTRY_POINT} missing: pip install -e .[dev]"


def test_version_and_help_need_no_display() -> None:
    version = run("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"llmcompare-gui {__version__}")
    usage = run("--help")
    assert usage.returncode == 0
    assert "export" in usage.stdout
    assert "--data-dir" in usage.stdout
    assert usage.stderr == ""


def test_export_help_lists_every_chart_and_the_defaults() -> None:
    usage = run("export", "--help")
    assert usage.returncode == 0
    for kind in ChartKind:
        assert f"  {kind.value} " in usage.stdout
    assert "(default: 100M)" in usage.stdout
    assert "(default: 20M)" in usage.stdout


def test_cost_csv_of_the_bundled_data(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "cost.csv"
    result = export_cost(out, "--input-tokens", "1B", "--output-tokens", "100M")
    assert (result.returncode, result.stderr) == (0, "")
    assert csv_lines(out) == ARTICLE_AT_1B_100M
    assert not data_dir.exists()  # reading the bundled data wrote nothing


def test_format_comes_from_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "cost.CSV"
    result = run(
        "export", "--chart", "cost", "--out", out, "--input-tokens", "1B", "--output-tokens", "100M"
    )
    assert result.returncode == 0
    assert csv_lines(out) == ARTICLE_AT_1B_100M


@pytest.mark.parametrize(
    "syntax",
    ["1000000000", "1E9", "0.001T", "1_000M", "1,000,000k", " 1b "],
)
def test_every_token_syntax_is_accepted(tmp_path: Path, syntax: str) -> None:
    out = tmp_path / "cost.csv"
    result = export_cost(out, "--input-tokens", syntax, "--output-tokens", "100_000_000")
    assert result.returncode == 0, result.stderr
    assert csv_lines(out) == ARTICLE_AT_1B_100M


def test_own_store_with_cached_prices_follows_the_formula(tmp_path: Path, data_dir: Path) -> None:
    models = [
        priced("cheap-cache", "Cheap cache", 2.0, 8.0, 0.5),
        priced("no-cache", "No cache", 1.25, 10.0, None),
        priced("odd", "Odd prices", 0.37, 1.13, 0.011),
    ]
    write_store(data_dir, models, currency="EUR")
    results = {}
    for share in ("40%", "0.4"):
        out = tmp_path / f"{share}.csv"
        result = export_cost(
            out, "--input-tokens", "123.4M", "--output-tokens", "5.5M", "--cached-share", share
        )
        assert result.returncode == 0, result.stderr
        results[share] = out.read_bytes()
    assert results["40%"] == results["0.4"]

    rows = csv_rows(tmp_path / "0.4.csv")
    i, o, c = 123.4e6, 5.5e6, 0.4
    expected = {}
    for model in models:
        p = model["pricing"]
        cached = (
            p["input_per_mtok"]
            if p["cached_input_per_mtok"] is None
            else p["cached_input_per_mtok"]
        )
        expected[model["id"]] = (
            i * (1 - c) * p["input_per_mtok"] + i * c * cached + o * p["output_per_mtok"]
        ) / 1_000_000
    assert {row["model_id"]: float(row["total_cost"]) for row in rows} == expected
    totals = [float(row["total_cost"]) for row in rows]
    assert totals == sorted(totals)
    assert {row["currency"] for row in rows} == {"EUR"}
    for row in rows:
        parts = (
            float(row["input_cost"]) + float(row["cached_input_cost"]) + float(row["output_cost"])
        )
        assert parts == pytest.approx(float(row["total_cost"]), rel=1e-12)


def test_models_option_picks_and_keeps_the_cheapest_first_order(tmp_path: Path) -> None:
    out = tmp_path / "cost.csv"
    result = export_cost(
        out, "--models", "kimi-k2,deepseek-v3-r1", "--input-tokens", "1B", "--output-tokens", "100M"
    )
    assert result.returncode == 0
    assert csv_lines(out) == [ARTICLE_AT_1B_100M[0], ARTICLE_AT_1B_100M[1], ARTICLE_AT_1B_100M[3]]


def test_benchmark_csv(tmp_path: Path) -> None:
    out = tmp_path / "bench.csv"
    result = run("export", "--chart", "benchmarks", "--format", "csv", "--out", out)
    assert result.returncode == 0
    lines = csv_lines(out)
    assert lines[0] == "model_id,model,benchmark,score,unit,note"
    assert "kimi-k2,Kimi K2,SWE-Bench Verified,65.8,%," in lines
    assert "deepseek-v3.1,DeepSeek V3.1,SWE-Bench Verified,,%,N/A" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--chart", "pie"), "unknown chart 'pie'"),
        (("--chart", "cost", "--format", "gif"), "invalid choice: 'gif'"),
        (("--chart", "cost", "--input-tokens", "10X"), "'10X' is not a token volume"),
        (("--chart", "cost", "--output-tokens", "-5"), "'-5' is not a token volume"),
        (
            ("--chart", "cost", "--input-tokens", "1e30"),
            "argument --input-tokens: '1e30' is above the limit of 10^15 (1,000T) tokens a month",
        ),
        (("--chart", "cost", "--cached-share", "1.5"), "'1.5' is outside 0 to 1"),
        (("--chart", "cost", "--cached-share", "lots"), "'lots' is not a share"),
        (("--chart", "cost", "--models", "kimi-k2,gpt-9"), "no model with id 'gpt-9'"),
        (("--chart", "cost", "--as-of", "2025-02-30"), "'2025-02-30' is not a date"),
        (("--chart", "cost", "--as-of", "2025-9-4"), "'2025-9-4' is not a date"),
    ],
    ids=[
        "chart",
        "format",
        "tokens",
        "negative",
        "too many tokens",
        "share",
        "share text",
        "model id",
        "as-of day",
        "as-of form",
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "out.csv"
    result = run("export", "--out", out, "--format", "csv", *args)
    assert result.returncode == 2
    assert_one_line_error(result, message)
    assert not out.exists()


BROKEN_STORES = {
    "not json": b'{"models": [}',
    "truncated": b'{"models": [{"id": "a", "name": "A", "pricing": {"input_per',
    "negative price": b'{"models": [{"id": "a", "name": "A", "pricing": '
    b'{"input_per_mtok": -1, "output_per_mtok": 1}}]}',
    "textual price": b'{"models": [{"id": "a", "name": "A", "pricing": '
    b'{"input_per_mtok": "0.5", "output_per_mtok": 1}}]}',
    "duplicate ids": b'{"models": ['
    + b", ".join(
        [b'{"id": "a", "name": "A", "pricing": {"input_per_mtok": 1, "output_per_mtok": 1}}'] * 2
    )
    + b"]}",
    "newer schema_version": b'{"schema_version": 99, "models": []}',
    "empty file": b"",
    "binary garbage": bytes(range(256)) * 4,
    "top-level array": b"[1, 2, 3]",
    "NaN literal": b'{"models": [], "x": NaN}',
    "deeply nested": b'{"models": [], "x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
}


@pytest.mark.parametrize("raw", BROKEN_STORES.values(), ids=BROKEN_STORES.keys())
def test_broken_store_exits_3_names_the_file_and_keeps_it(
    tmp_path: Path, data_dir: Path, raw: bytes
) -> None:
    data_dir.mkdir(parents=True)
    store = data_dir / "models.json"
    store.write_bytes(raw)
    before = snapshot(data_dir)
    out = tmp_path / "cost.csv"
    result = export_cost(out)
    assert result.returncode == 3
    assert_one_line_error(result, str(store))
    assert snapshot(data_dir) == before
    assert not out.exists()


def test_export_leaves_a_valid_store_untouched(tmp_path: Path, data_dir: Path) -> None:
    write_store(data_dir, [priced("a", "A", 1.0, 2.0)])
    before = snapshot(data_dir)
    result = export_cost(tmp_path / "cost.csv", "--data-dir", data_dir)
    assert result.returncode == 0
    assert snapshot(data_dir) == before  # same bytes, same mtime, no lock, no backup


@pytest.mark.parametrize("before_command", [False, True])
def test_data_dir_option_beats_the_environment(
    tmp_path: Path, data_dir: Path, before_command: bool
) -> None:
    other = tmp_path / "other"
    write_store(other, [priced("only", "Only one", 1.0, 1.0)])
    out = tmp_path / "cost.csv"
    if before_command:
        result = run("--data-dir", other, "export", "--chart", "cost", "--out", out)
    else:
        result = export_cost(out, "--data-dir", other)
    assert result.returncode == 0
    assert [row["model_id"] for row in csv_rows(out)] == ["only"]
    assert not data_dir.exists()


@pytest.mark.parametrize("where", ["under a file", "a folder"])
def test_unwritable_output_exits_1_names_the_path_and_leaves_nothing(
    tmp_path: Path, where: str
) -> None:
    blocker = tmp_path / "somefile"
    blocker.write_text("not a folder")
    out = blocker / "out.csv" if where == "under a file" else tmp_path
    before = snapshot(tmp_path)
    result = export_cost(out)
    assert result.returncode == 1
    assert_one_line_error(result, str(out))
    assert snapshot(tmp_path) == before


def test_existing_output_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "cost.csv"
    out.write_text("old content that is longer than the new one\n" * 100)
    result = export_cost(out, "--input-tokens", "1B", "--output-tokens", "100M")
    assert result.returncode == 0
    assert csv_lines(out) == ARTICLE_AT_1B_100M
    assert [p.name for p in tmp_path.iterdir()] == ["cost.csv"]


HOSTILE = ["<script>alert(1)</script>", '=HYPERLINK("x")', "@SUM(A1)", "+1", "-1"]


def test_hostile_model_names_are_neutralised_in_csv(tmp_path: Path, data_dir: Path) -> None:
    models = [priced(f"m{n}", name, 1.0 + n, 1.0) for n, name in enumerate(HOSTILE)]
    models.append(priced("=id", "Plain", 9.0, 9.0))
    write_store(data_dir, models)
    out = tmp_path / "cost.csv"
    result = export_cost(out)
    assert result.returncode == 0, result.stderr
    names = [row["model"] for row in csv_rows(out)]
    assert names == [
        "<script>alert(1)</script>",
        '\'=HYPERLINK("x")',
        "'@SUM(A1)",
        "'+1",
        "'-1",
        "Plain",
    ]
    assert csv_rows(out)[-1]["model_id"] == "'=id"


SCRIPT_NAME = "<script>alert(1)</script>"


def run_export(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
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
    model.name = SCRIPT_NAME
    store = store.model_copy(update={"models": [*store.models, model]})
    folder = tmp_path / "hostile-data"
    folder.mkdir()
    (folder / "models.json").write_text(dump_store(store), encoding="utf-8")
    return folder


@pytest.mark.parametrize("kind", [kind.value for kind in ChartKind])
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_every_chart_in_every_format(tmp_path: Path, data_dir: Path, kind: str, fmt: str) -> None:
    out = tmp_path / f"{kind}.{fmt}"
    result = run_export("--chart", kind, "--out", str(out), data_dir=data_dir)
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
    result = run_export(
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
    result = run_export(
        "--chart", "benchmarks", "--out", str(out), "--width", "640", "--height", "400",
        data_dir=data_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (640, 400)


def test_unwritable_picture_output_exits_1_and_leaves_no_file(
    tmp_path: Path, data_dir: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = blocker / "chart.png"
    result = run_export("--chart", "cost", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 1
    assert str(out) in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_hostile_name_is_escaped_in_svg(tmp_path: Path, hostile_store: Path) -> None:
    out = tmp_path / "chart.svg"
    result = run_export("--chart", "cost", "--out", str(out), data_dir=hostile_store)
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    root = ET.fromstring(text)
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))


# 2.5B input, 300M output, 40 % cached: fresh 1,500 Mtok, cached 1,000 Mtok, output
# 300 Mtok. The bundled cards give no cached price, so cached input is billed at the
# input price ($ per Mtok: input, output):
#   DeepSeek V3/R1 0.30, 1.20: 450 + 300 + 360 = 1,110
#   DeepSeek V3.1  0.55, 1.66: 825 + 550 + 498 = 1,873
#   Kimi K2        0.60, 2.50: 900 + 600 + 750 = 2,250
# (A card with a cached price: test_own_store_with_cached_prices_follows_the_formula.)
CACHED_AT_2_5B_300M = [
    COST_HEADER,
    "deepseek-v3-r1,DeepSeek V3/R1,450,300,0,360,0,0,1110,USD,",
    "deepseek-v3.1,DeepSeek V3.1,825,550,0,498,0,0,1873,USD,",
    "kimi-k2,Kimi K2,900,600,0,750,0,0,2250,USD,",
]


def test_cost_csv_with_a_cached_share_follows_the_written_formula(
    tmp_path: Path, data_dir: Path
) -> None:
    out = tmp_path / "cost.csv"
    result = export_cost(
        out, "--input-tokens", "2.5B", "--output-tokens", "300M", "--cached-share", "40%"
    )
    assert (result.returncode, result.stderr) == (0, "")
    # Written to 12 significant digits, so no float noise such as 825.0000000000001.
    assert csv_lines(out) == CACHED_AT_2_5B_300M


def test_cost_csv_at_the_default_volumes(tmp_path: Path) -> None:
    # 100M input, 20M output, nothing cached: Kimi K2 $0.60/$2.50 -> 60 + 50 = 110;
    # DeepSeek V3/R1 $0.30/$1.20 -> 30 + 24 = 54; DeepSeek V3.1 $0.55/$1.66 -> 55 + 33.2 = 88.2.
    out = tmp_path / "cost.csv"
    assert export_cost(out).returncode == 0
    totals = {row["model_id"]: row["total_cost"] for row in csv_rows(out)}
    assert totals == {"deepseek-v3-r1": "54", "deepseek-v3.1": "88.2", "kimi-k2": "110"}


def test_as_of_a_day_before_v3_1s_vendor_card_prices_it_with_the_earlier_point(
    tmp_path: Path,
) -> None:
    before, on = tmp_path / "before.csv", tmp_path / "on.csv"
    common = ("--models", "deepseek-v3.1", "--input-tokens", "1B", "--output-tokens", "100M")
    assert export_cost(before, *common, "--as-of", "2025-09-04").returncode == 0
    assert (
        export_cost(on, *common, "--as-of", "2025-09-05", "--cached-share", "0.5").returncode == 0
    )

    def costs(path: Path) -> list[float]:
        row = csv_rows(path)[0]
        return [float(row[k]) for k in ("input_cost", "cached_input_cost", "output_cost")]

    # 2025-08-21 point: $0.27 input, $1.10 output: 1B·0.27 + 100M·1.10 = 270 + 110.
    assert costs(before) == pytest.approx([270, 0, 110])
    # 2025-09-05 card: 500M·0.56 + 500M·0.07 + 100M·1.68 = 280 + 35 + 168.
    assert costs(on) == pytest.approx([280, 35, 168])


def test_price_history_csv_lists_every_dated_point_with_its_source(tmp_path: Path) -> None:
    out = tmp_path / "history.csv"
    result = run("export", "--chart", "price-history", "--models", "deepseek-v3.1", "--out", out)
    assert result.returncode == 0, result.stderr
    lines = csv_lines(out)
    assert lines[0] == "model_id,model,label,effective,field,price,currency,source"
    rows = csv_rows(out)
    assert [(r["effective"], r["field"], r["price"]) for r in rows] == [
        ("2025-08-21", "input", "0.27"),
        ("2025-08-21", "cached_input", "0.07"),
        ("2025-08-21", "output", "1.1"),
        ("2025-09-05", "input", "0.56"),
        ("2025-09-05", "cached_input", "0.07"),
        ("2025-09-05", "output", "1.68"),
        # The vendor's list in yuan, another listing of the same card (currency CNY).
        ("2025-09-05", "input", "4"),
        ("2025-09-05", "cached_input", "0.5"),
        ("2025-09-05", "output", "12"),
        ("2026-11-29", "input", "0.55"),
        ("2026-11-29", "output", "1.66"),
    ]
    assert rows[3]["source"] == "DeepSeek API Docs: Models & Pricing"
    assert {r["currency"] for r in rows[6:9]} == {"CNY"}
    assert rows[6]["label"] == "CNY list price"
