"""Where the store and the settings live.

One place decides, so that ``--data-dir``, ``LLMCOMPARE_DATA_DIR`` and the
tests' temporary folders all mean the same thing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "llmcompare-gui"
DATA_DIR_ENV = "LLMCOMPARE_DATA_DIR"
STORE_FILE_NAME = "models.json"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path

    @property
    def store_file(self) -> Path:
        return self.data_dir / STORE_FILE_NAME

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.ini"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Paths for an explicit data dir, else ``LLMCOMPARE_DATA_DIR``, else the user's dirs.

    With an explicit or environment data dir the settings go there too, so a
    data dir is self-contained (a portable install, a test).
    """
    chosen = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV) or None
    if chosen is not None:
        path = Path(chosen).expanduser().absolute()
        return AppPaths(data_dir=path, config_dir=path)
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )
