"""pyqtgraph, bound to PySide6: every chart module imports ``pg`` from here.

``PYQTGRAPH_QT_LIB`` is set before pyqtgraph is first imported, so that it binds
to PySide6 whatever other Qt binding is installed.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg

__all__ = ["pg"]
