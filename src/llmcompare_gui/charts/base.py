"""What every chart figure offers: the window and the exporters rely on this alone."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from ..domain.comparison import ChartKind, Comparison
from .theme import Theme


class ChartFigure(Protocol):
    """One chart, built once and updated in place as the comparison changes."""

    kind: ChartKind

    @property
    def widget(self) -> QWidget:
        """The widget that draws the chart (a pyqtgraph widget)."""
        ...

    def update_comparison(self, comparison: Comparison) -> None:
        """Show ``comparison``: feed the existing plot items new data, never rebuild."""
        ...

    def set_theme(self, theme: Theme) -> None:
        """Recolour for a light or dark background."""
        ...

    def label_texts(self) -> list[str]:
        """The texts drawn on the plot now (values, names, notes), in the order drawn."""
        ...
