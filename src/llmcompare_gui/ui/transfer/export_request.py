"""What an export asks for, and what the window remembers of it between exports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from ...services.export_service import (
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    DIALOG_MIN_HEIGHT,
    DIALOG_MIN_WIDTH,
    EXPORT_FORMATS,
    MAX_SIDE,
    ChartOptions,
)

KEY_FOLDER = "export/folder"
KEY_FORMAT = "export/format"
KEY_WIDTH = "export/width"
KEY_HEIGHT = "export/height"
KEY_SCALE = "export/scale"
KEY_LIGHT = "export/light_background"


@dataclass(frozen=True)
class ChartExportRequest:
    """What the user asked for."""

    path: Path
    fmt: str
    width: int
    height: int
    scale: float
    title: str
    subtitle: str
    light_background: bool

    @property
    def theme(self) -> str:
        return "light" if self.light_background else "dark"

    def options(self) -> ChartOptions:
        """How the export service draws it."""
        return ChartOptions(
            width=self.width,
            height=self.height,
            title=self.title,
            subtitle=self.subtitle,
            theme=self.theme,
            scale=self.scale,
        )


def remembered_folder(settings: QSettings) -> Path:
    value = settings.value(KEY_FOLDER, "")
    folder = Path(str(value)) if value else Path.home()
    return folder if folder.is_dir() else Path.home()


def remembered_format(settings: QSettings, default: str = "png") -> str:
    value = str(settings.value(KEY_FORMAT, default))
    return value if value in EXPORT_FORMATS else default


def remembered_size(settings: QSettings) -> tuple[int, int]:
    try:
        width = int(str(settings.value(KEY_WIDTH, DEFAULT_WIDTH)))
        height = int(str(settings.value(KEY_HEIGHT, DEFAULT_HEIGHT)))
    except ValueError:
        return DEFAULT_WIDTH, DEFAULT_HEIGHT
    if not (DIALOG_MIN_WIDTH <= width <= MAX_SIDE and DIALOG_MIN_HEIGHT <= height <= MAX_SIDE):
        return DEFAULT_WIDTH, DEFAULT_HEIGHT
    return width, height


def remember(settings: QSettings, request: ChartExportRequest, *, is_folder: bool) -> None:
    """Keep the folder, format and size of ``request`` for next time (``is_folder``: Export All)."""
    folder = request.path if is_folder else request.path.parent
    settings.setValue(KEY_FOLDER, str(folder))
    settings.setValue(KEY_FORMAT, request.fmt)
    if request.fmt != "csv":
        settings.setValue(KEY_WIDTH, request.width)
        settings.setValue(KEY_HEIGHT, request.height)
        settings.setValue(KEY_LIGHT, request.light_background)
    if request.fmt == "png":
        settings.setValue(KEY_SCALE, request.scale)
