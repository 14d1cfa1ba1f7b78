"""Pictures of the richer price cards: the Advanced calculator, the stacked cost chart and
cost against prompt size, light and dark.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_card_pictures.py [--out DIR]

Imports a few real LiteLLM entries (Gemini 2.5 Pro and Claude Sonnet 4.5 with their
200K tiers and cache writes, a Perplexity model with a fee per request) from the
test fixture into a temporary data dir, compares them with the bundled models,
and writes ``advanced-calculator-*.png``, ``cost-components-*.png`` and
``prompt-size-*.png`` next to this script.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "litellm_model_prices-2025-11-01.json"
IMPORTED = ("gemini-2.5-pro", "claude-sonnet-4-5", "perplexity/sonar-medium-online")
SIZE = (1280, 900)


def prepare(data_dir: Path) -> None:
    entries = json.loads(FIXTURE.read_text(encoding="utf-8"))
    excerpt = data_dir / "excerpt.json"
    excerpt.write_text(json.dumps({key: entries[key] for key in IMPORTED}), encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "llmcompare_gui",
            "import",
            str(excerpt),
            "--data-dir",
            str(data_dir),
        ],
        check=True,
        capture_output=True,
    )


def settle(app: object) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(10):
        QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args()

    from llmcompare_gui.domain.comparison import ChartKind
    from llmcompare_gui.domain.cost import Scenario
    from llmcompare_gui.ui.window.app import application, create_main_window

    app = application()
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)
    scenario = Scenario(
        1e9,
        100e6,
        0.3,
        reasoning_overhead=1.5,
        cache_write_share=0.1,
        prompt_tokens=150_000,
    )
    for theme in ("light", "dark"):
        data_dir = Path(tempfile.mkdtemp(prefix="llmcompare-cards-"))
        prepare(data_dir)
        window = create_main_window(data_dir)
        window.theme_actions[theme].trigger()
        table = window.parts.table
        table.set_compared_ids({model.id for model in table.store.models})
        calculator = window.parts.calculator
        calculator.set_advanced_open(True)
        calculator.set_scenario(scenario)
        calculator.scenarioChanged.emit(scenario)
        window.resize(*SIZE)
        window.show()
        window.hint.setVisible(False)  # the first-run hint
        for kind, stem in (
            (ChartKind.COST, "cost-components"),
            (ChartKind.PROMPT_SIZE, "prompt-size"),
        ):
            window.parts.charts.set_current_kind(kind)
            settle(app)
            window.parts.charts.flush()
            settle(app)
            figure = window.parts.charts.figure(kind)
            assert figure is not None, f"the {kind.value} chart was not built"
            picture = figure.widget.grab()
            path = args.out / f"{stem}-{theme}.png"
            picture.save(str(path))
            print(f"wrote {path} ({picture.width()}×{picture.height()})")
        window.parts.charts.set_current_kind(ChartKind.COST)
        settle(app)
        picture = window.grab()
        path = args.out / f"advanced-calculator-{theme}.png"
        picture.save(str(path))
        print(f"wrote {path} ({picture.width()}×{picture.height()})")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
