"""Bundled files (default store, JSON Schema, icons), found the same way everywhere.

In a wheel and a frozen bundle the top-level ``resources/`` folder is shipped
as ``llmcompare_gui/resources``; in a source checkout it is read where it is.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def resource_root() -> Traversable:
    packaged = resources.files(__package__ or "llmcompare_gui") / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled resources not found (looked in {packaged} and {checkout})")


def resource(name: str) -> Traversable:
    return resource_root() / name


def read_resource_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")
