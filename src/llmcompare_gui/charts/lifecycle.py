"""Exit cleanup: chart widgets still alive at exit are deleted while Qt still runs."""

from __future__ import annotations

import atexit
import weakref

from .base import ChartFigure

_LIVE_CHARTS: weakref.WeakSet[ChartFigure] = weakref.WeakSet()


def track(chart: ChartFigure) -> None:
    """Delete ``chart``'s widget at exit if it is still alive then."""
    _LIVE_CHARTS.add(chart)


@atexit.register
def _delete_chart_widgets() -> None:
    """Delete chart widgets still alive at exit while the QApplication still exists.

    pyqtgraph items destroyed during interpreter shutdown, after the QApplication,
    crash the process (seen with PySide6 6.11 and pyqtgraph 0.14 when a window
    kept in a global holds a chart). atexit runs before that teardown.
    """
    import shiboken6

    for chart in list(_LIVE_CHARTS):
        widget = chart.widget
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)
