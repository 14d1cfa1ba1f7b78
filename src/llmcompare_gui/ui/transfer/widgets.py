"""A widget with its objectName set in one expression, typed (PySide6's stubs lack the keyword)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with objectName ``name``, as ``QLineEdit(objectName=…)`` does at run time."""
    widget.setObjectName(name)
    return widget
