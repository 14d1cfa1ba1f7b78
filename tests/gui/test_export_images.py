"""Exported pictures: the right size, not blank, text as text, written atomically."""

from __future__ import annotations

import errno
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from llmcompare_gui.atomicfile import FileWriteError
from llmcompare_gui.charts import DARK
from llmcompare_gui.domain.comparison import ChartKind
from llmcompare_gui.export import captions
from llmcompare_gui.export.headless import export_chart_file, render_chart_image
from llmcompare_gui.export.images import chart_bytes

from .charting import HOSTILE, comparison
from .pictures import assert_not_blank, render_pdf

pytestmark = pytest.mark.gui
SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("kind", list(ChartKind))
def test_png_has_the_requested_size_and_is_not_blank(
    qtbot: QtBot, tmp_path: Path, kind: ChartKind
) -> None:
    out = tmp_path / f"{kind.value}.png"
    export_chart_file(comparison(4, cached_share=0.5), kind, out, "png", width=900, height=560)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 560)
    assert_not_blank(image)


def test_png_scale_multiplies_the_pixels(qtbot: QtBot) -> None:
    image = render_chart_image(comparison(3), ChartKind.COST, 640, 360, scale=2.0)
    assert (image.width(), image.height()) == (1280, 720)
    assert_not_blank(image)


def test_light_background_unless_dark(qtbot: QtBot) -> None:
    light = render_chart_image(comparison(3), ChartKind.COST, 400, 300)
    dark = render_chart_image(comparison(3), ChartKind.COST, 400, 300, theme="dark")
    assert light.pixelColor(1, 1).name() == "#ffffff"
    assert dark.pixelColor(1, 1).name().upper() == DARK.background.upper()
    assert_not_blank(dark, DARK.background)


@pytest.mark.parametrize("kind", list(ChartKind))
def test_svg_parses_and_keeps_names_as_escaped_text(qtbot: QtBot, kind: ChartKind) -> None:
    data = chart_bytes(comparison(4), kind, "svg", width=1000, height=600)
    root = ET.fromstring(data)  # well-formed XML
    assert root.get("viewBox") == "0 0 1000 600"
    texts = svg_texts(data)
    joined = "\n".join(texts)
    assert "Kimi K2" in joined
    assert "<script" not in data.decode("utf-8").replace("&lt;script", "")
    assert not list(root.iter(f"{SVG}script"))
    if kind in (ChartKind.COST, ChartKind.VOLUME, ChartKind.BENCHMARKS):
        assert HOSTILE in joined  # shown, as text


def test_svg_title_is_escaped(qtbot: QtBot) -> None:
    data = chart_bytes(comparison(2), ChartKind.COST, "svg", width=600, height=400, title=HOSTILE)
    root = ET.fromstring(data)
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == HOSTILE
    assert HOSTILE in svg_texts(data)


def test_svg_draws_the_same_picture_as_png(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtSvg import QSvgRenderer

    comp = comparison(3)
    data = chart_bytes(comp, ChartKind.COST, "svg", width=800, height=500)
    renderer = QSvgRenderer(data)
    image = QImage(800, 500, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert_not_blank(image)
    png = render_chart_image(comp, ChartKind.COST, 800, 500)
    # The bar colours are where the PNG has them (same layout), within a few pixels.
    same = sum(
        image.pixel(x, y) == png.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 500, 7)
    )
    assert same / ((800 // 7 + 1) * (500 // 7 + 1)) > 0.9


@pytest.mark.parametrize("kind", [ChartKind.COST, ChartKind.VOLUME, ChartKind.BENCHMARKS])
def test_pdf_is_one_page_of_the_pictures_aspect(
    qtbot: QtBot, tmp_path: Path, kind: ChartKind
) -> None:
    out = tmp_path / "chart.pdf"
    export_chart_file(comparison(3), kind, out, "pdf", width=1200, height=600)
    assert out.read_bytes().startswith(b"%PDF")
    image = render_pdf(out, tmp_path / "page")
    assert abs(image.width() / image.height() - 2.0) < 0.01
    assert abs(image.width() - 1200) <= 2
    assert_not_blank(image)
    # The same picture as the PNG (text is rasterised differently: compare loosely).
    png = render_chart_image(comparison(3), kind, 1200, 600).convertToFormat(image.format())
    same = sum(
        (image.pixel(x, y) & 0xFFFFFF) == (png.pixel(x, y) & 0xFFFFFF)
        for x in range(0, 1200, 9)
        for y in range(0, 600, 9)
    )
    assert same / (len(range(0, 1200, 9)) * len(range(0, 600, 9))) > 0.85


def test_pdf_keeps_text_as_text(qtbot: QtBot) -> None:
    data = chart_bytes(comparison(3), ChartKind.COST, "pdf", width=800, height=500)
    assert b"/FontFile2" in data  # a TrueType font is embedded: the labels are text


def test_full_disk_leaves_no_file_and_the_old_one_untouched(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "chart.png"
    out.write_bytes(b"previous picture")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("llmcompare_gui.atomicfile.os.fsync", full)
    with pytest.raises(FileWriteError) as raised:
        export_chart_file(comparison(3), ChartKind.COST, out, "png", width=400, height=300)
    assert str(out) in str(raised.value)
    assert out.read_bytes() == b"previous picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png"]


def test_unwritable_folder_raises_file_write_error(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(FileWriteError):
        export_chart_file(
            comparison(3), ChartKind.COST, blocker / "c.svg", "svg", width=400, height=300
        )


def test_default_texts_describe_the_scenario() -> None:
    comp = comparison(3, input_tokens=1e9, output_tokens=1e8)
    assert captions.default_title(comp, ChartKind.COST) == (
        "Monthly cost for 1B input and 100M output tokens, 0 % cached — prices as of 2026-11-29"
    )
    footnote = captions.data_footnote(comp, ChartKind.COST)
    # The charted cards are all the article's: its source alone, not the vendors' pages.
    assert footnote == (
        "Data: Kimi K2 vs DeepSeek V3/R1 Architecture and Performance Metrics Unpacked "
        "(2026-11-29). Made with llmcompare-gui."
    )
    for kind in ChartKind:
        assert captions.default_title(comp, kind)
        assert captions.default_subtitle(comp, kind)
    assert "Kimi K2, DeepSeek V3.1 and DeepSeek V3/R1" in captions.default_title(
        comp, ChartKind.BENCHMARKS
    )


@pytest.mark.parametrize("kind", list(ChartKind))
def test_empty_comparison_exports_with_a_message(qtbot: QtBot, kind: ChartKind) -> None:
    image = render_chart_image(comparison(0), kind, 500, 300)
    assert (image.width(), image.height()) == (500, 300)
    assert_not_blank(image)
    # The message is drawn as text, so the SVG of the same page carries it.
    assert "No models selected" in svg_texts(
        chart_bytes(comparison(0), kind, "svg", width=500, height=300)
    )
