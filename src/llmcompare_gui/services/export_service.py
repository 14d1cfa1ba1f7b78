"""Write a chart, or the numbers behind it, to a file: the one way for the window and the CLI.

The format comes from an explicit choice or from the file's extension; CSV is
the chart's table, PNG/SVG/PDF its picture. Sizes are checked against
:data:`MIN_SIDE`/:data:`MAX_SIDE` before anything is drawn, and every write is
atomic: on any failure :class:`ExportError` says what and where, and nothing
(not even part of a file) is left at the path.

Qt is imported only when a picture is drawn, so the command line's ``--help``
and a CSV export stay light.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomicfile import FileWriteError

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from ..domain.comparison import ChartKind, Comparison, Table

IMAGE_FORMATS = ("png", "svg", "pdf")
EXPORT_FORMATS = (*IMAGE_FORMATS, "csv")
"""Every format a chart can be written as."""

MIN_SIDE = 16
MAX_SIDE = 16384
"""The pixel bounds of an exported picture, each side (QImage and PDF pages handle these)."""

DIALOG_MIN_WIDTH, DIALOG_MIN_HEIGHT = 480, 320
"""The smallest size the window's export dialog offers: below it the captions leave no
room for the chart itself. Only a usability floor for the dialog's spin boxes: the
command line and scripts may ask for anything from :data:`MIN_SIDE`."""

DEFAULT_WIDTH, DEFAULT_HEIGHT = 1280, 720


class ExportError(Exception):
    """An export that cannot be done: ``problem`` says why, ``path`` names the file."""

    def __init__(self, path: Path | None, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path is not None else problem)


def format_from_suffix(path: Path) -> str | None:
    """``chart.SVG`` → ``svg``; None when the extension is not an export format."""
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in EXPORT_FORMATS else None


def export_format(path: Path, fmt: str | None = None) -> str:
    """The format to write ``path`` in: ``fmt`` when given, else from the extension."""
    if fmt is not None:
        chosen = fmt.lower()
        if chosen not in EXPORT_FORMATS:
            raise ExportError(
                path, f"{fmt!r} is not an export format; choose from {', '.join(EXPORT_FORMATS)}"
            )
        return chosen
    found = format_from_suffix(path)
    if found is None:
        raise ExportError(
            path,
            "cannot tell the format from the extension; give one of " + ", ".join(EXPORT_FORMATS),
        )
    return found


def size_problem(width: int, height: int) -> str | None:
    """Why ``width``×``height`` cannot be exported, or None when it can."""
    for side, value in (("width", width), ("height", height)):
        if not MIN_SIDE <= value <= MAX_SIDE:
            return f"a {side} of {value} pixels is outside {MIN_SIDE} to {MAX_SIDE}"
    return None


@dataclass(frozen=True)
class ChartOptions:
    """How a chart picture looks; ignored for CSV."""

    width: int = DEFAULT_WIDTH
    height: int = DEFAULT_HEIGHT
    title: str | None = None
    subtitle: str | None = None
    theme: str = "light"
    scale: float = 1.0
    """PNG only: pixels per requested pixel (2 for a sharp picture on a HiDPI screen)."""


def write_chart(
    comparison: Comparison,
    kind: ChartKind,
    path: Path,
    fmt: str | None = None,
    options: ChartOptions = ChartOptions(),
) -> str:
    """Write ``kind`` for ``comparison`` to ``path``; the format written.

    CSV writes the chart's table (CONTRACT §4); the others draw the picture.
    Raises :class:`ExportError` for a format or size that cannot be exported
    and when the file cannot be written; then nothing is left at ``path``.
    """
    path = Path(path)
    chosen = export_format(path, fmt)
    if chosen == "csv":
        write_table(path, comparison.table(kind))
        return chosen
    problem = size_problem(options.width, options.height)
    if problem is not None:
        raise ExportError(path, problem)
    from ..export.headless import export_chart_file

    try:
        export_chart_file(
            comparison,
            kind,
            path,
            chosen,
            width=options.width,
            height=options.height,
            title=options.title,
            subtitle=options.subtitle,
            theme=options.theme,
            scale=options.scale,
        )
    except FileWriteError as error:
        raise ExportError(error.path, error.problem) from None
    return chosen


def write_table(path: Path, table: Table) -> None:
    """Write ``table`` as CSV at ``path`` (atomically; :class:`ExportError` on failure)."""
    from ..export.csv_export import write_csv

    try:
        write_csv(Path(path), table.header, table.rows)
    except FileWriteError as error:
        raise ExportError(error.path, error.problem) from None


def chart_image(
    comparison: Comparison, kind: ChartKind, width: int, height: int, *, scale: float = 1.0
) -> QImage:
    """The chart as a picture in memory (for the clipboard), size checked as for a file."""
    problem = size_problem(width, height)
    if problem is not None:
        raise ExportError(None, problem)
    from ..export.headless import render_chart_image

    return render_chart_image(comparison, kind, width, height, scale=scale)
