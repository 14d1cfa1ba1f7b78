"""How fast charts update and export. Prints a table; never asserts.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_export.py

- update_comparison per chart kind with 15 models, as on every slider tick
  (target well under 5 ms; a 60 Hz frame is 16.7 ms);
- a 1920×1080 PNG export in-process (target ≤ 250 ms);
- ``llmcompare-gui export`` as a whole process against the app's bare start-up
  (a process that imports what the export needs — the command line, the
  domain, the store, the charts with pyqtgraph and the exporters — and creates
  an offscreen QApplication, then exits), measured in the same run (target
  ≤ 1.3×). A bare PySide6 process is shown too, for scale.

Figures depend on the machine's load: run it on a quiet machine for numbers
to compare.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MODELS = 15
TICKS = 200
EXPORT_RUNS = 7
PROCESS_RUNS = 7


def comparisons(count: int, ticks: int):  # type: ignore[no-untyped-def]
    from llmcompare_gui.domain.comparison import Comparison
    from llmcompare_gui.domain.cost import Scenario
    from llmcompare_gui.store.jsonstore import default_store

    store = default_store()
    models = list(store.models)
    for index in range(count - len(models)):
        model = store.models[index % 3].model_copy(deep=True)
        model.id = f"bench-{index}"
        model.name = f"Benchmark model {index}"
        model.pricing.input_per_mtok = 0.05 * (index + 1)
        model.pricing.output_per_mtok = 0.2 * (index % 7 + 1)
        models.append(model)
    store = store.model_copy(update={"models": models})
    return [
        Comparison(
            store,
            models,
            Scenario(1e8 * (1 + tick % 50), 2e7 * (1 + tick % 7), (tick % 11) / 10),
        )
        for tick in range(ticks)
    ]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_updates() -> list[tuple[str, str, str]]:
    import shiboken6

    from llmcompare_gui.charts import create_chart
    from llmcompare_gui.domain.comparison import ChartKind

    rows = []
    ticks = comparisons(MODELS, TICKS)
    for kind in ChartKind:
        chart = create_chart(kind)
        chart.widget.resize(1000, 600)
        chart.update_comparison(ticks[0])
        chart.widget.grab()
        samples = []
        for comparison in ticks:
            start = time.perf_counter()
            chart.update_comparison(comparison)
            samples.append(time.perf_counter() - start)
        rows.append(
            (
                f"update_comparison, {kind.value}, {MODELS} models",
                f"{median_ms(samples):.2f} ms",
                "< 5 ms",
            )
        )
        shiboken6.delete(chart.widget)
    return rows


def bench_png() -> list[tuple[str, str, str]]:
    from llmcompare_gui.domain.comparison import ChartKind
    from llmcompare_gui.export.images import chart_bytes

    comparison = comparisons(3, 1)[0]
    chart_bytes(comparison, ChartKind.COST, "png", width=1920, height=1080)  # warm up
    rows = []
    for kind in (ChartKind.COST, ChartKind.VOLUME):
        samples = []
        for _ in range(EXPORT_RUNS):
            start = time.perf_counter()
            chart_bytes(comparison, kind, "png", width=1920, height=1080)
            samples.append(time.perf_counter() - start)
        rows.append(
            (f"PNG 1920×1080 in-process, {kind.value}", f"{median_ms(samples):.0f} ms", "≤ 250 ms")
        )
    return rows


APP_BARE_START = """
import llmcompare_gui.cli, llmcompare_gui.store.jsonstore, llmcompare_gui.domain.comparison
import llmcompare_gui.export.headless, llmcompare_gui.export.images
from PySide6.QtWidgets import QApplication
import pyqtgraph
QApplication([])
"""


def time_process(command: list[str], env: dict[str, str]) -> float:
    samples = []
    for _ in range(PROCESS_RUNS):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def bench_process() -> list[tuple[str, str, str]]:
    entry = Path(sys.executable).with_name("llmcompare-gui")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        env["LLMCOMPARE_DATA_DIR"] = folder
        bare = time_process(
            [
                sys.executable,
                "-c",
                "from PySide6.QtWidgets import QApplication; QApplication([])",
            ],
            env,
        )
        app_bare = time_process([sys.executable, "-c", APP_BARE_START], env)
        out = str(Path(folder) / "cost.png")
        export = time_process([str(entry), "export", "--chart", "cost", "--out", out], env)
        csv_out = str(Path(folder) / "cost.csv")
        csv_export = time_process([str(entry), "export", "--chart", "cost", "--out", csv_out], env)
    return [
        ("bare PySide6 start-up (import + QApplication)", f"{bare * 1000:.0f} ms", "for scale"),
        ("app's bare start-up (its imports + QApplication)", f"{app_bare * 1000:.0f} ms", "floor"),
        ("`export --chart cost --out x.png`, whole process", f"{export * 1000:.0f} ms", ""),
        ("  ratio to the app's bare start-up", f"{export / app_bare:.2f}×", "≤ 1.3×"),
        ("  ratio to bare PySide6", f"{export / bare:.2f}×", ""),
        ("`export --chart cost --out x.csv`, whole process", f"{csv_export * 1000:.0f} ms", ""),
    ]


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    rows = [*bench_updates(), *bench_png(), *bench_process()]
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'median':>10}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>10}  {target}")
    print(f"(load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    del app


if __name__ == "__main__":
    main()
