"""Window palettes for an explicit light or dark choice (Fusion colours)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e8e8e8",
        role.Base: "#1e1e1e",
        role.AlternateBase: "#262626",
        role.ToolTipBase: "#2b2b2b",
        role.ToolTipText: "#e8e8e8",
        role.PlaceholderText: "#8a8a8a",
        role.Text: "#e8e8e8",
        role.Button: "#353535",
        role.ButtonText: "#e8e8e8",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a4a",
        role.Midlight: "#3c3c3c",
        role.Mid: "#2f2f2f",
        role.Dark: "#1a1a1a",
        role.Shadow: "#000000",
        role.Highlight: "#2f6fab",
        role.HighlightedText: "#ffffff",
        role.Link: "#6cb4ff",
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    _grey_out_disabled(palette, text="#7a7a7a", highlight="#3a4654")
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#efefef",
        role.WindowText: "#1a1a1a",
        role.Base: "#ffffff",
        role.AlternateBase: "#f5f5f5",
        role.Text: "#1a1a1a",
        role.Button: "#efefef",
        role.ButtonText: "#1a1a1a",
        role.Highlight: "#2f6fab",
        role.HighlightedText: "#ffffff",
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    _grey_out_disabled(palette, text="#9a9a9a", highlight="#b8c4d0")
    return palette


def _grey_out_disabled(palette: QPalette, *, text: str, highlight: str) -> None:
    """Disabled items drawn in grey: ``setColor(role, …)`` set every group, Disabled too."""
    role = QPalette.ColorRole
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        palette.setColor(disabled, colour_role, QColor(text))
    palette.setColor(disabled, role.Highlight, QColor(highlight))
