"""A chart as a picture: PNG, SVG or PDF, with a title, a subtitle and a data footnote.

The picture is a small page (a plain ``QWidget``, never shown) holding three
labels and a fresh chart figure from :func:`llmcompare_gui.charts.create_chart`:
the same figure code the window shows. It is laid out at the requested size in
pixels and painted into memory; only then are the bytes written, atomically, so
that a failure leaves no partial file.

Facts this code relies on (PySide6 6.10/6.11, pyqtgraph 0.14):

- pyqtgraph's ``SVGExporter`` fails on PySide6 ≥ 6.11 (pyqtgraph issue #3495),
  so SVG comes from ``QSvgGenerator``, which needs the widget's logical dpi as
  its resolution (at its default of 72 dpi the axes shift).
- Painting straight onto a ``QPdfWriter`` garbles pyqtgraph's items; recording
  into a ``QPicture`` and playing that back scaled onto the PDF page is right.
- Text stays text in SVG and PDF (the PDF embeds the font subsets).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Required, TypedDict, Unpack

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint, QRect, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPicture,
    QRegion,
)
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..atomicfile import write_bytes_atomically
from ..charts import THEMES, create_chart
from ..charts.base import ChartFigure
from ..charts.theme import Theme
from ..domain.comparison import ChartKind, Comparison
from .captions import data_footnote, default_subtitle, default_title

IMAGE_FORMATS = ("png", "svg", "pdf")
SVG_PDF_DPI = 96
"""SVG and PDF pictures are the requested pixels at this resolution."""


class ExportFormatError(ValueError):
    """A format this module cannot write."""


@dataclass(frozen=True)
class PageText:
    title: str
    subtitle: str
    footnote: str


def page_text(
    comparison: Comparison,
    kind: ChartKind,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    footnote: str | None = None,
) -> PageText:
    """The given texts, or the defaults for ``kind`` where None."""
    return PageText(
        default_title(comparison, kind) if title is None else title,
        default_subtitle(comparison, kind) if subtitle is None else subtitle,
        data_footnote(comparison, kind) if footnote is None else footnote,
    )


class ChartPage(QWidget):
    """Title, subtitle, chart and footnote, laid out at an exact size; never shown."""

    def __init__(
        self,
        comparison: Comparison,
        kind: ChartKind,
        text: PageText,
        *,
        width: int,
        height: int,
        theme: Theme,
    ) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.theme = theme
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(theme.foreground))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        margin = max(8, min(width, height) // 40)
        layout.setContentsMargins(margin, margin, margin, max(4, margin // 2))
        layout.setSpacing(2)
        # Headings shrink on small pictures, so that the chart keeps most of the room.
        self.title = self._label(text.title, max(11.0, min(15.0, width / 80)), bold=True)
        self.subtitle = self._label(text.subtitle, max(8.5, min(10.0, width / 110)))
        self.figure: ChartFigure = create_chart(kind, theme)
        hide_title = getattr(self.figure, "set_title_visible", None)
        if hide_title is not None:
            hide_title(False)  # the page's title replaces the chart's own
        self.footnote = self._label(text.footnote, 8, muted=True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.figure.widget, 1)
        layout.addWidget(self.footnote)
        for label in (self.title, self.subtitle, self.footnote):
            label.setVisible(bool(label.text()))
        self.figure.widget.setMinimumSize(16, 16)
        self.resize(width, height)
        # Lay out first, so that the chart knows its size in pixels; its legend and
        # notes then take their room, and a second update fits labels to what is left.
        self._settle()
        self.figure.update_comparison(comparison)
        self._settle()
        self.figure.update_comparison(comparison)
        self._settle()

    def _label(
        self, text: str, points: float, *, bold: bool = False, muted: bool = False
    ) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # text from data is never markup
        label.setWordWrap(True)
        font = QFont()
        font.setPointSizeF(points)
        font.setBold(bold)
        label.setFont(font)
        colour = QColor(self.theme.foreground)
        if muted:
            colour.setAlphaF(0.75)
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)
        return label

    def _settle(self) -> None:
        """Lay everything out at the page's size before painting (it is never shown)."""
        from PySide6.QtCore import QCoreApplication

        layout = self.layout()
        assert layout is not None
        layout.activate()
        for _ in range(3):
            QCoreApplication.sendPostedEvents()
        # A hidden widget gets its resize events on the first render: send them now.
        self.grab(QRect(0, 0, 1, 1))
        QCoreApplication.sendPostedEvents()

    def dispose(self) -> None:
        """Delete the Qt objects now (pyqtgraph scenes left to shutdown can crash it)."""
        import shiboken6

        if shiboken6.isValid(self):
            shiboken6.delete(self)


def _paint(page: ChartPage, painter: QPainter) -> None:
    """Paint the page with ``painter``, then end it (also when painting fails)."""
    try:
        page.render(
            painter,
            QPoint(0, 0),
            QRegion(),
            QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren,
        )
    finally:
        painter.end()


def render_image(page: ChartPage, scale: float = 1.0) -> QImage:
    """The page as an image of its size times ``scale`` (crisp text: a device pixel ratio)."""
    size = page.size()
    image = QImage(
        max(1, round(size.width() * scale)),
        max(1, round(size.height() * scale)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor(page.theme.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint(page, painter)
    image.setDevicePixelRatio(1.0)
    return image


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # PySide6 stub: format is bytes there, but only str is accepted at run time
        raise RuntimeError("Qt could not encode the PNG")
    buffer.close()
    return bytes(data.data())


def _svg_bytes(page: ChartPage, title: str) -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    size = page.size()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setResolution(page.logicalDpiX())
    generator.setTitle(title)
    generator.setDescription("Made with llmcompare-gui")
    painter = QPainter(generator)
    _paint(page, painter)
    buffer.close()
    return bytes(data.data())


def _pdf_bytes(page: ChartPage, title: str) -> bytes:
    picture = QPicture()
    recorder = QPainter(picture)
    _paint(page, recorder)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    size = page.size()
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("llmcompare-gui")
    points = QSizeF(size.width() * 72.0 / SVG_PDF_DPI, size.height() * 72.0 / SVG_PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    # At the picture's own resolution, playback needs no scaling by QPicture;
    # the factor below then only corrects rounding of the page size.
    writer.setResolution(picture.logicalDpiX())
    painter = QPainter(writer)
    factor = writer.width() / size.width()
    try:
        painter.scale(factor, factor)
        painter.drawPicture(0, 0, picture)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def theme_named(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ExportFormatError(f"no theme {name!r}; choose from {', '.join(THEMES)}") from None


class PageTexts(TypedDict, total=False):
    """An exported page's texts and colours; each has a default."""

    title: str | None
    subtitle: str | None
    footnote: str | None
    theme: str


class PageOptions(PageTexts, total=False):
    """How an exported page looks: its size in pixels, its texts and its colours."""

    width: Required[int]
    height: Required[int]


def build_page(
    comparison: Comparison,
    kind: ChartKind,
    *,
    width: int,
    height: int,
    title: str | None = None,
    subtitle: str | None = None,
    footnote: str | None = None,
    theme: str = "light",
) -> ChartPage:
    """The page to render; call :meth:`ChartPage.dispose` when done (needs a QApplication)."""
    text = page_text(comparison, kind, title=title, subtitle=subtitle, footnote=footnote)
    return ChartPage(comparison, kind, text, width=width, height=height, theme=theme_named(theme))


def chart_bytes(
    comparison: Comparison,
    kind: ChartKind,
    fmt: str,
    *,
    scale: float = 1.0,
    **page: Unpack[PageOptions],
) -> bytes:
    """The chart as the bytes of a PNG, SVG or PDF file."""
    fmt = fmt.lower()
    if fmt not in IMAGE_FORMATS:
        raise ExportFormatError(f"cannot draw a chart as {fmt!r}; choose from png, svg, pdf")
    built = build_page(comparison, kind, **page)
    try:
        if fmt == "png":
            return _png_bytes(render_image(built, scale))
        if fmt == "svg":
            return _svg_bytes(built, built.title.text())
        return _pdf_bytes(built, built.title.text())
    finally:
        built.dispose()


def chart_image(
    comparison: Comparison, kind: ChartKind, *, scale: float = 1.0, **page: Unpack[PageOptions]
) -> QImage:
    """The chart as a QImage (for the clipboard)."""
    built = build_page(comparison, kind, **page)
    try:
        return render_image(built, scale)
    finally:
        built.dispose()


def write_chart(
    comparison: Comparison,
    kind: ChartKind,
    path: Path,
    fmt: str,
    *,
    scale: float = 1.0,
    **page: Unpack[PageOptions],
) -> None:
    """Draw the chart in memory, then write it atomically.

    Raises :class:`~llmcompare_gui.atomicfile.FileWriteError` when ``path``
    cannot be written; then no file (not even a partial one) is left at ``path``.
    """
    write_bytes_atomically(Path(path), chart_bytes(comparison, kind, fmt, scale=scale, **page))


__all__ = [
    "IMAGE_FORMATS",
    "ChartPage",
    "ExportFormatError",
    "PageOptions",
    "PageText",
    "PageTexts",
    "build_page",
    "chart_bytes",
    "chart_image",
    "page_text",
    "render_image",
    "write_chart",
]
