"""The export service without pictures: the format chosen, the size bounds, CSV and its failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmcompare_gui.domain.chart_kind import ChartKind
from llmcompare_gui.domain.comparison import Comparison
from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.domain.model import Store
from llmcompare_gui.services.export_service import (
    ChartOptions,
    ExportError,
    export_format,
    format_from_suffix,
    size_problem,
    write_chart,
)

COST_HEADER = (
    "model_id,model,input_cost,cached_input_cost,cache_write_cost,output_cost,"
    "reasoning_cost,request_cost,total_cost,currency,note"
)


def one_model() -> Comparison:
    store = Store.model_validate(
        {
            "currency": "USD",
            "models": [
                {
                    "id": "a",
                    "name": "A",
                    "pricing": {
                        "input_per_mtok": 1.0,
                        "output_per_mtok": 2.0,
                        "cached_input_per_mtok": 0.5,
                    },
                }
            ],
        }
    )
    return Comparison(store, store.models, Scenario(4e6, 1e6, 0.25))


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("chart.SVG", None, "svg"),
        ("chart.png", None, "png"),
        ("table.csv", None, "csv"),
        ("chart.png", "csv", "csv"),
        ("chart", "PDF", "pdf"),
    ],
)
def test_the_format_is_the_choice_else_the_extension(
    name: str, fmt: str | None, expected: str
) -> None:
    assert export_format(Path(name), fmt) == expected


def test_an_unknown_extension_or_format_is_refused_naming_the_path() -> None:
    with pytest.raises(ExportError) as caught:
        export_format(Path("out/chart.gif"))
    assert str(caught.value) == (
        "out/chart.gif: cannot tell the format from the extension; give one of png, svg, pdf, csv"
    )
    with pytest.raises(ExportError, match="'gif' is not an export format"):
        export_format(Path("chart.png"), "gif")
    assert format_from_suffix(Path("notes.txt")) is None


@pytest.mark.parametrize(
    ("width", "height", "problem"),
    [
        (16, 16, None),
        (16384, 16384, None),
        (15, 100, "a width of 15 pixels is outside 16 to 16384"),
        (100, 16385, "a height of 16385 pixels is outside 16 to 16384"),
    ],
)
def test_pixel_bounds(width: int, height: int, problem: str | None) -> None:
    assert size_problem(width, height) == problem


def test_csv_is_the_charts_numbers_by_the_written_formula(tmp_path: Path) -> None:
    out = tmp_path / "cost.csv"
    assert write_chart(one_model(), ChartKind.COST, out) == "csv"
    # I = 4M with 25 % cached, O = 1M: 3M × $1 + 1M × $0.50 + 1M × $2 (CONTRACT §3).
    assert out.read_text(encoding="utf-8").splitlines() == [
        COST_HEADER,
        "a,A,3,0.5,0,2,0,0,5.5,USD,",
    ]


def test_a_picture_too_small_is_refused_before_anything_is_drawn(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    with pytest.raises(ExportError) as caught:
        write_chart(one_model(), ChartKind.COST, out, options=ChartOptions(width=8, height=600))
    assert caught.value.path == out
    assert caught.value.problem == "a width of 8 pixels is outside 16 to 16384"
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_place_names_the_path_and_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "cost.csv"
    with pytest.raises(ExportError) as caught:
        write_chart(one_model(), ChartKind.COST, out)
    assert caught.value.path == out
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]
