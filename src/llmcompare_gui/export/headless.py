"""Charts to files without a display: for ``llmcompare-gui export`` and scripts.

Creates the QApplication when there is none, choosing Qt's offscreen platform
when no platform is set and no display is available, so that an export never
needs a display and never opens a window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Unpack

from ..domain.comparison import ChartKind, Comparison

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from .images import PageOptions, PageTexts


def ensure_application() -> object:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    if (
        not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "llmcompare-gui"])
    return app


def export_chart_file(
    comparison: Comparison,
    kind: ChartKind,
    path: Path,
    fmt: str,
    *,
    scale: float = 1.0,
    **page: Unpack[PageOptions],
) -> None:
    """Write ``kind`` for ``comparison`` to ``path`` as ``fmt`` (png, svg or pdf).

    ``page`` gives the size in pixels (``width``, ``height``) and optionally the
    ``title``, ``subtitle``, ``footnote`` and ``theme``. Raises
    :class:`~llmcompare_gui.atomicfile.FileWriteError` when the file cannot be
    written (nothing is left at ``path`` then).
    """
    ensure_application()
    from .images import write_chart

    write_chart(comparison, kind, Path(path), fmt, scale=scale, **page)


def render_chart_image(
    comparison: Comparison,
    kind: ChartKind,
    width: int,
    height: int,
    *,
    scale: float = 1.0,
    **texts: Unpack[PageTexts],
) -> QImage:
    """The chart as a QImage of ``width``×``height`` (times ``scale``), e.g. for the clipboard."""
    ensure_application()
    from .images import chart_image

    return chart_image(comparison, kind, width=width, height=height, scale=scale, **texts)
