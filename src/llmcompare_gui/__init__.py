"""llmcompare-gui: compare large language models and what your workload costs on each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from os import PathLike

    from .ui.window.main_window import MainWindow

__all__ = ["__version__", "create_main_window"]


def create_main_window(data_dir: str | PathLike[str] | None = None, **options: Any) -> MainWindow:
    """The fully wired main window for an existing ``QApplication``, not yet shown.

    ``data_dir`` means what ``--data-dir`` means. Qt is imported only here, so
    that the package and its command line load without it.
    """
    from .ui.window.app import create_main_window as create

    return create(data_dir, **options)
