"""Screenshots of the main window with the bundled data, light and dark, at 1280×800.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [--out DIR] [--tab KIND]

Writes ``screenshot-light.png`` and ``screenshot-dark.png`` (by default next to
this script). The window is drawn offscreen with the Fusion style, so the
pictures look the same on every machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

SIZE = (1280, 800)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--tab", default="cost", help="chart tab to show (default: cost)")
    parser.add_argument("--suffix", default="", help="added to the file names (e.g. -value)")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from llmcompare_gui.domain.comparison import ChartKind
    from llmcompare_gui.ui.window.app import application, create_main_window

    app = application()
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        data_dir = Path(tempfile.mkdtemp(prefix="llmcompare-shot-"))
        window = create_main_window(data_dir)
        window.theme_actions[theme].trigger()
        window.parts.charts.set_current_kind(ChartKind(args.tab))
        window.resize(*SIZE)
        window.show()
        for _ in range(10):
            QApplication.processEvents()
        window.parts.charts.flush()
        for _ in range(10):
            QApplication.processEvents()
        picture = window.grab()
        path = args.out / f"screenshot-{theme}{args.suffix}.png"
        if not picture.save(str(path)):
            print(f"cannot write {path}", file=sys.stderr)
            return 1
        print(f"wrote {path} ({picture.width()}×{picture.height()})")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
