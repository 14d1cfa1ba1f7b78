"""The calculator's input controls: a token-volume editor with its log slider, share sliders."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSlider, QWidget

from ...domain.formatting import exact_token_volume, percent, token_volume
from .slider_scale import SLIDER_MAX, STEPS_PER_DECADE, slider_position, slider_value

ERROR_STYLE = "QLineEdit { border: 2px solid #d32f2f; border-radius: 3px; padding: 1px 2px; }"

TOKEN_SYNTAX_HELP = (
    "Tokens per month: a number (2500000, 2.5e6) or with a suffix K, M, B or T "
    "(750k, 10M, 2.5B); _ and , may separate digits. Applied on Enter or when "
    "you leave the field."
)


class TokenVolumeControl:
    """An exact-value editor and an error line for one volume, with a log slider or without."""

    def __init__(
        self,
        parent: QWidget,
        name: str,
        caption: str,
        *,
        with_slider: bool = True,
        help_text: str = TOKEN_SYNTAX_HELP,
        placeholder: str = "e.g. 10M",
    ) -> None:
        self.caption = QLabel(caption, parent)
        caption = caption.replace("&", "")  # the mnemonic is for the label only
        self.help_text = help_text
        self.slider: QSlider | None = None
        if with_slider:
            self.slider = QSlider(Qt.Orientation.Horizontal, parent)
            self.slider.setObjectName(f"{name}Slider")
            self.slider.setRange(0, SLIDER_MAX)
            self.slider.setSingleStep(1)
            self.slider.setPageStep(STEPS_PER_DECADE // 4)
            self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
            self.slider.setTickInterval(STEPS_PER_DECADE)
            self.slider.setToolTip(
                f"{caption}, on a logarithmic scale from {token_volume(slider_value(0))} "
                f"to {token_volume(slider_value(SLIDER_MAX))}; one tick per factor of ten."
            )
            self.slider.setAccessibleName(caption)
            self.slider.setAccessibleDescription(
                f"Logarithmic, {token_volume(slider_value(0))} to "
                f"{token_volume(slider_value(SLIDER_MAX))}; the exact value is in the "
                "editor beside it. Every model's monthly cost follows it."
            )
        self.edit = QLineEdit(parent)
        self.edit.setObjectName(f"{name}Edit")
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 13)
        self.edit.setToolTip(help_text)
        self.edit.setAccessibleName(f"{caption}, exact value" if with_slider else caption)
        self.edit.setAccessibleDescription(help_text)
        self.edit.setProperty("invalid", False)
        self.caption.setBuddy(self.edit)
        self.error = QLabel(parent)
        self.error.setObjectName(f"{name}Error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f;")
        self.error.setVisible(False)
        self.shown_text = ""

    def show_volume(self, volume: float, *, move_slider: bool = True) -> None:
        """Show ``volume`` in the editor (and the slider) without emitting anything."""
        if move_slider and self.slider is not None:
            with QSignalBlocker(self.slider):
                self.slider.setValue(slider_position(volume))
        self.shown_text = exact_token_volume(volume)
        with QSignalBlocker(self.edit):
            self.edit.setText(self.shown_text)
        self.clear_error()

    def show_error(self, message: str) -> None:
        self.edit.setProperty("invalid", True)
        self.edit.setStyleSheet(ERROR_STYLE)
        self.edit.setToolTip(message)
        self.error.setText(message)
        self.error.setVisible(True)

    def clear_error(self) -> None:
        if not self.edit.property("invalid"):
            return
        self.edit.setProperty("invalid", False)
        self.edit.setStyleSheet("")
        self.edit.setToolTip(self.help_text)
        self.error.clear()
        self.error.setVisible(False)


def share_slider(parent: QWidget, name: str, accessible: str, tip: str) -> QSlider:
    """A 0–100 % slider with its names for assistive technology."""
    slider = QSlider(Qt.Orientation.Horizontal, parent)
    slider.setObjectName(f"{name}Slider")
    slider.setRange(0, 100)
    slider.setPageStep(10)
    slider.setTickPosition(QSlider.TickPosition.TicksBelow)
    slider.setTickInterval(10)
    slider.setToolTip(tip)
    slider.setAccessibleName(accessible)
    slider.setAccessibleDescription(tip)
    return slider


def share_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance("100.0 %") + 4)
    return label


def choice_combo(
    parent: QWidget, name: str, accessible: str, choices: Sequence[tuple[str, str]], tip: str
) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for value, text in choices:
        combo.addItem(text, value)
    combo.setToolTip(tip)
    combo.setAccessibleName(accessible)
    combo.setAccessibleDescription(tip)
    return combo


def show_share(slider: QSlider, label: QLabel, share: float) -> None:
    with QSignalBlocker(slider):
        slider.setValue(round(share * 100))
    label.setText(percent(share))
