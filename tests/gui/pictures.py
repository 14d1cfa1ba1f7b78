"""Looking at exported pictures in tests: sizes, colours, text in SVG, PDF pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage


def distinct_colours(image: QImage, step: int = 3) -> set[int]:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y) & 0xFFFFFF)
    return colours


def ink_share(image: QImage, background: str = "#FFFFFF", step: int = 3) -> float:
    """Share of sampled pixels that differ from the background."""
    bg = QColor(background).rgb() & 0xFFFFFF
    total = ink = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            ink += (image.pixel(x, y) & 0xFFFFFF) != bg
    return ink / total


def assert_not_blank(image: QImage, background: str = "#FFFFFF") -> None:
    assert not image.isNull()
    assert len(distinct_colours(image)) >= 5, "the picture has hardly any colours"
    assert 0.02 < ink_share(image, background) < 0.9


def render_pdf(pdf: Path, out_stem: Path) -> QImage:
    """The PDF's single page as an image at 96 dpi (pdftoppm)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: `make test` installs it")
    subprocess.run(
        [tool, "-r", "96", "-png", "-singlefile", str(pdf), str(out_stem)],
        check=True,
        capture_output=True,
    )
    image = QImage(str(out_stem) + ".png")
    assert not image.isNull()
    return image
