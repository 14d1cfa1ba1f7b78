"""Every speed and memory figure of the app beside its floor, measured in the same run: one table.

A floor is the least the same work costs with nothing of ours in it (a bare
PySide6 window, a bare pyqtgraph plot, a bare QTableView over a plain model,
``json.load``); the ratio is ours over the floor. Prints the table and writes
it, with the machine, its load and the command, to docs/PERFORMANCE.md. Never
asserts: a busy machine gives slow figures, not a failure.

    make bench                      # or:
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench.py [--quick] [--no-write]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # for tests.stores, the store generator the tests use too
DOC = REPO / "docs" / "PERFORMANCE.md"
LITELLM = REPO / "tests" / "fixtures" / "litellm_model_prices-2025-11-01.json"
ENTRY_POINT = Path(sys.executable).with_name("llmcompare-gui")


@dataclass
class Row:
    figure: str
    floor_name: str
    floor: float
    ours: float
    unit: str = "ms"
    target: float | None = None
    """The ratio to meet (ours over floor), if the issue sets one."""

    @property
    def ratio(self) -> float:
        return self.ours / self.floor if self.floor else float("nan")

    def cells(self) -> list[str]:
        digits = 1 if self.unit == "MB" or self.ours >= 100 else 2
        target = "—" if self.target is None else f"≤ {self.target:g}×"
        met = "" if self.target is None else (" ✓" if self.ratio <= self.target else " ✗")
        return [
            self.figure,
            self.floor_name,
            f"{self.floor:.{digits}f} {self.unit}",
            f"{self.ours:.{digits}f} {self.unit}",
            f"{self.ratio:.2f}×{met}",
            target,
        ]


# -- start-up, in fresh processes, bytecode compiled ----------------------------------------

_FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
class Watch(QObject):
    first = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            if not self.first:
                self.first = True
                print("first", flush=True)
                if STOP_AT_FIRST:
                    os._exit(0)
            parent = obj.parent()
            # A pyqtgraph view's viewport (checked by module, so pyqtgraph is not imported here).
            if parent is not None and type(parent).__module__.startswith("pyqtgraph"):
                print("chart", flush=True)
                os._exit(0)
        return False
watch = Watch()
app.installEventFilter(watch)
"""

_BARE_WINDOW = """
from PySide6.QtWidgets import QMainWindow
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.exec()
"""

_BARE_CHART = """
from PySide6.QtWidgets import QMainWindow
import pyqtgraph
window = QMainWindow()
window.resize(1280, 800)
plot = pyqtgraph.PlotWidget()
plot.addItem(pyqtgraph.BarGraphItem(x=[0, 1, 2], height=[3, 1, 2], width=0.6))
window.setCentralWidget(plot)
window.show()
app.exec()
"""

_APP_COMMAND = """
from llmcompare_gui import cli
cli.main(["--data-dir", sys.argv[1]])
"""

_APP_CREATE = """
from llmcompare_gui import create_main_window
window = create_main_window(sys.argv[1])
window.show()
app.exec()
"""


def _spawn_until(code: str, args: list[str], markers: list[str]) -> dict[str, float]:
    """Milliseconds from spawning ``python -c code`` to each marker line it prints."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app runs from compiled bytecode
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    times: dict[str, float] = {}
    for line in process.stdout:
        if line.strip() in markers:
            times[line.strip()] = (time.perf_counter() - start) * 1000
            if len(times) == len(markers):
                break
    process.kill()
    process.wait(timeout=60)
    process.stdout.close()
    missing = [m for m in markers if m not in times]
    if missing:
        raise RuntimeError(f"the process never printed {missing}")
    return times


def bench_startup(runs: int) -> list[Row]:
    data_dir = tempfile.mkdtemp(prefix="llmcompare-bench-start-")
    programs = {
        "bare window": ("STOP_AT_FIRST = True\n" + _FIRST_PAINT + _BARE_WINDOW, ["first"]),
        "bare chart": ("STOP_AT_FIRST = False\n" + _FIRST_PAINT + _BARE_CHART, ["chart"]),
        "command": ("STOP_AT_FIRST = False\n" + _FIRST_PAINT + _APP_COMMAND, ["first", "chart"]),
        "create": ("STOP_AT_FIRST = True\n" + _FIRST_PAINT + _APP_CREATE, ["first"]),
    }
    samples: dict[str, list[float]] = {}
    for _name, (code, markers) in programs.items():
        _spawn_until(code, [data_dir], markers)  # writes bytecode, creates the store
    for _ in range(runs):  # interleaved, so that a change of load slows all alike
        for name, (code, markers) in programs.items():
            for marker, ms in _spawn_until(code, [data_dir], markers).items():
                samples.setdefault(f"{name}:{marker}", []).append(ms)
    median = {key: statistics.median(values) for key, values in samples.items()}
    shutil.rmtree(data_dir, ignore_errors=True)
    STARTUP_RUNS.update(samples)
    bare = "bare QMainWindow process, first paint"
    return [
        Row(
            "start: the command (cli.main()) → first paint of any widget",
            bare,
            median["bare window:first"],
            median["command:first"],
            target=1.5,
        ),
        Row(
            "start: the command (cli.main()) → first paint of a chart viewport",
            "bare window + PlotWidget with 3 bars, first paint",
            median["bare chart:chart"],
            median["command:chart"],
            target=1.15,
        ),
        Row(
            "start: create_main_window() then show → first paint",
            bare,
            median["bare window:first"],
            median["create:first"],
        ),
    ]


STARTUP_RUNS: dict[str, list[float]] = {}


# -- in-process: slider, sort, filter ---------------------------------------------------------


class PaintCounter:
    """Whether every one of the widgets given was painted since the last reset."""

    def __init__(self, widgets: list[Any]) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and obj in counter.targets:
                    counter.painted.add(obj)
                return False

        self.targets = set(widgets)
        self.painted: set[Any] = set()
        self._filter = Filter()
        for widget in widgets:
            widget.installEventFilter(self._filter)

    def reset(self) -> None:
        self.painted.clear()

    def done(self) -> bool:
        return self.painted == self.targets


def _until_painted(app: Any, counter: PaintCounter, change: Callable[[], object]) -> float:
    counter.reset()
    start = time.perf_counter()
    change()
    for _ in range(100):
        app.processEvents()
        if counter.done():
            break
    return (time.perf_counter() - start) * 1000


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def _store_dir(models: int) -> Path:
    from tests.stores import write_store

    data_dir = Path(tempfile.mkdtemp(prefix=f"llmcompare-bench-{models}-"))
    if models != 3:  # 3: the bundled store, made on first open
        write_store(data_dir, models)
    return data_dir


def _app_window(models: int) -> Any:
    from llmcompare_gui import create_main_window

    window = create_main_window(_store_dir(models))
    window.resize(1280, 800)
    window.show()
    return window


def _bare_table(rows: int, columns: int) -> Any:
    """A QTableView over the plainest Python table model, beside a 15-bar pyqtgraph plot."""
    import pyqtgraph
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QSplitter, QTableView

    class Plain(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.scale = 1.0

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else rows

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else columns

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{(index.row() * 7 + index.column()) % 101 * self.scale:.2f}"
            return None

    splitter = QSplitter()
    model = Plain()
    view = QTableView()
    view.setModel(model)
    plot = pyqtgraph.PlotWidget()
    bars = pyqtgraph.BarGraphItem(x=list(range(15)), height=[1.0] * 15, width=0.6)
    plot.addItem(bars)
    splitter.addWidget(view)
    splitter.addWidget(plot)
    splitter.resize(1280, 800)
    splitter.show()
    return splitter, model, view, plot, bars


def bench_slider(app: Any, models: int, steps: int) -> list[Row]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QGraphicsView, QSlider

    window = _app_window(models)
    app.processEvents()
    table = window.parts.table
    table.set_compared_ids([table.model_at(row).id for row in range(min(15, models))])
    app.processEvents()
    panel = window.parts.charts
    chart = panel.figure(panel.current_kind()).widget
    views = [chart] if isinstance(chart, QGraphicsView) else chart.findChildren(QGraphicsView)
    counter = PaintCounter([window.table.viewport(), views[0].viewport()])
    slider = window.findChild(QSlider, "inputTokensSlider")
    low, high = slider.minimum(), slider.maximum()
    position, direction = (low + high) // 2, 1
    ours = []
    for _ in range(steps):
        if not low <= position + direction <= high:
            direction = -direction
        position += direction
        ours.append(_until_painted(app, counter, lambda p=position: slider.setValue(p)))
    columns = table.columnCount()
    window.close()
    window.deleteLater()

    splitter, model, view, plot, bars = _bare_table(models, columns)
    app.processEvents()
    bare_counter = PaintCounter([view.viewport(), plot.viewport()])
    floor = []
    for step in range(steps):

        def change(step: int = step) -> None:
            # What a step must do at least: new figures in one column, new bar heights.
            model.scale = 1 + step % 50 / 100
            model.dataChanged.emit(
                model.index(0, columns - 1),
                model.index(models - 1, columns - 1),
                [Qt.ItemDataRole.DisplayRole],
            )
            bars.setOpts(height=[model.scale * (1 + n) for n in range(15)])

        floor.append(_until_painted(app, bare_counter, change))
    splitter.close()
    splitter.deleteLater()
    app.processEvents()
    floor_name = "bare QTableView + 15-bar plot, one column and the bars changed"
    return [
        Row(
            f"slider step → table+chart repainted, {models:,} models: median",
            floor_name,
            statistics.median(floor),
            statistics.median(ours),
        ),
        Row(
            f"slider step → table+chart repainted, {models:,} models: p95",
            floor_name,
            _p95(floor),
            _p95(ours),
        ),
    ]


def _sort_and_filter_times(
    app: Any, view: Any, box: Callable[[str], object]
) -> tuple[float, float]:
    from PySide6.QtCore import Qt

    sorts = []
    for column in range(view.model().columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            start = time.perf_counter()
            view.sortByColumn(column, order)
            app.processEvents()
            sorts.append((time.perf_counter() - start) * 1000)
    keystrokes = []
    for word in ("gpt-4o", "claude", "bedrock", "mistral"):
        for end in [*range(1, len(word) + 1), *range(len(word) - 1, -1, -1)]:
            start = time.perf_counter()
            box(word[:end])
            app.processEvents()
            keystrokes.append((time.perf_counter() - start) * 1000)
    return statistics.median(sorts), statistics.median(keystrokes)


def bench_sort_filter(app: Any, models: int) -> list[Row]:
    from PySide6.QtCore import QSortFilterProxyModel
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView
    from tests.stores import litellm_store

    window = _app_window(models)
    app.processEvents()
    ours_sort, ours_filter = _sort_and_filter_times(app, window.table, window.filter_edit.setText)
    table = window.parts.table
    texts = [
        [str(table.index(row, column).data() or "") for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]
    window.close()
    window.deleteLater()
    del litellm_store

    # The floor: Qt's own sorting and filtering of the same texts, in C++ throughout.
    source = QStandardItemModel(len(texts), len(texts[0]))
    for row, cells in enumerate(texts):
        for column, text in enumerate(cells):
            source.setItem(row, column, QStandardItem(text))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterKeyColumn(-1)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.resize(900, 600)
    view.show()
    app.processEvents()
    floor_sort, floor_filter = _sort_and_filter_times(app, view, proxy.setFilterFixedString)
    view.close()
    view.deleteLater()
    app.processEvents()
    floor_name = "QSortFilterProxyModel over a QStandardItemModel of the same cells"
    return [
        Row(f"table sort, {models:,} rows: median over columns", floor_name, floor_sort, ours_sort),
        Row(
            f"table filter keystroke, {models:,} rows: median",
            floor_name,
            floor_filter,
            ours_filter,
        ),
    ]


# -- store, import, export ---------------------------------------------------------------------


def _median_ms(function: Callable[[], object], runs: int) -> float:
    function()
    samples = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def bench_store(models: int, runs: int) -> list[Row]:
    from tests.stores import litellm_store

    from llmcompare_gui.store.jsonstore import dump_store, load_store, parse_store, save_store

    folder = Path(tempfile.mkdtemp(prefix="llmcompare-bench-store-"))
    path = folder / "models.json"
    store, _ = parse_store(json.dumps(litellm_store(models)), path)
    path.write_text(dump_store(store), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    bare_path = folder / "bare.json"

    def bare_load() -> object:
        with path.open("rb") as handle:
            return json.load(handle)

    def bare_dump() -> None:
        # json.dumps then one write: the quickest the standard library writes it.
        bare_path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")

    rows = [
        Row(
            f"store load, {models:,} models (read, parse, validate)",
            "json.load of the same file",
            _median_ms(bare_load, runs),
            _median_ms(lambda: load_store(path), runs),
        ),
        Row(
            f"store save, {models:,} models (atomic, fsync, backup)",
            "json.dumps of the same data, written to a file",
            _median_ms(bare_dump, runs),
            _median_ms(lambda: save_store(store, path), runs),
        ),
    ]
    shutil.rmtree(folder, ignore_errors=True)
    return rows


def litellm_file(entries: int, path: Path) -> Path:
    """LiteLLM's file padded with renamed copies of its entries to ``entries`` entries."""
    data = json.loads(LITELLM.read_text(encoding="utf-8"))
    keys = [key for key in data if key != "sample_spec"]
    padded = {"sample_spec": data["sample_spec"]} if "sample_spec" in data else {}
    copy = 0
    while len(padded) < entries:
        for key in keys:
            if len(padded) >= entries:
                break
            padded[key if copy == 0 else f"{key}-copy{copy}"] = data[key]
        copy += 1
    path.write_text(json.dumps(padded, indent=4), encoding="utf-8")
    return path


def _process_ms(command: list[str], runs: int, before: Callable[[], None] | None = None) -> float:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    samples = []
    for run in range(runs + 1):
        if before is not None:
            before()
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        if run:  # the first run warms the caches
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def bench_import(runs: int) -> list[Row]:
    folder = Path(tempfile.mkdtemp(prefix="llmcompare-bench-import-"))
    source = litellm_file(4877, folder / "prices.json")
    data_dir = folder / "data"

    def fresh() -> None:
        shutil.rmtree(data_dir, ignore_errors=True)

    floor = _process_ms(
        [sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1]))", str(source)], runs
    )
    ours = _process_ms(
        [str(ENTRY_POINT), "import", str(source), "--data-dir", str(data_dir)], runs, fresh
    )
    shutil.rmtree(folder, ignore_errors=True)
    return [
        Row(
            "import of a 4,877-entry LiteLLM file, whole process",
            "a Python process running json.load of the file",
            floor,
            ours,
        )
    ]


def bench_export(app: Any, runs: int) -> list[Row]:
    import pyqtgraph
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSize
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
    from PySide6.QtSvg import QSvgGenerator

    from llmcompare_gui.domain.comparison import ChartKind, Comparison
    from llmcompare_gui.domain.cost import Scenario
    from llmcompare_gui.export.images import chart_bytes
    from llmcompare_gui.store.jsonstore import default_store

    store = default_store()
    comparison = Comparison(store, list(store.models), Scenario(100e6, 20e6, 0.0))
    plot = pyqtgraph.PlotWidget()
    plot.addItem(pyqtgraph.BarGraphItem(x=[0, 1, 2], height=[3, 1, 2], width=0.6))
    plot.resize(1280, 720)

    def bare(fmt: str) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if fmt == "png":
            plot.grab().save(buffer, "PNG")
        elif fmt == "svg":
            generator = QSvgGenerator()
            generator.setOutputDevice(buffer)
            generator.setSize(QSize(1280, 720))
            generator.setResolution(plot.logicalDpiX())
            painter = QPainter(generator)
            plot.render(painter)
            painter.end()
        else:
            writer = QPdfWriter(buffer)
            writer.setPageSize(QPageSize(QSize(1280, 720)))
            writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            painter = QPainter(writer)
            plot.render(painter)
            painter.end()
        data: QByteArray = buffer.data()
        return bytes(data)

    rows = []
    for fmt in ("png", "svg", "pdf"):
        rows.append(
            Row(
                f"export the cost chart as {fmt.upper()}, 1280×720, in-process",
                "a bare 3-bar PlotWidget rendered the same way",
                _median_ms(lambda f=fmt: bare(f), runs),
                _median_ms(
                    lambda f=fmt: chart_bytes(
                        comparison, ChartKind.COST, f, width=1280, height=720
                    ),
                    runs,
                ),
            )
        )
    plot.deleteLater()
    app.processEvents()
    return rows


_RESIDENT = """
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
if sys.argv[1] == "bare":
    import pyqtgraph
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    plot = pyqtgraph.PlotWidget()
    plot.addItem(pyqtgraph.BarGraphItem(x=[0, 1, 2], height=[3, 1, 2], width=0.6))
    window.setCentralWidget(plot)
else:
    from llmcompare_gui import create_main_window
    window = create_main_window(sys.argv[1])
window.resize(1280, 800)
window.show()
for _ in range(20):
    app.processEvents()
pages = int(Path("/proc/self/statm").read_text().split()[1])
print(pages * os.sysconf("SC_PAGE_SIZE") / 1e6, flush=True)
"""


def bench_memory() -> list[Row]:
    if not Path("/proc/self/statm").exists():
        return []
    data_dir = _store_dir(10_000)

    def resident(argument: str) -> float:
        output = subprocess.run(
            [sys.executable, "-c", _RESIDENT, argument],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return float(output.split()[-1])

    rows = [
        Row(
            "resident memory, window open on 10,000 models",
            "bare window with a 3-bar PlotWidget",
            resident("bare"),
            resident(str(data_dir)),
            unit="MB",
        )
    ]
    shutil.rmtree(data_dir, ignore_errors=True)
    return rows


# -- the table and the document ----------------------------------------------------------------

HEADER = ["figure", "floor", "floor value", "ours", "ratio", "target"]


def markdown(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split()[1])
        memory = f", {total_kb / 1e6:.1f} GB RAM"
    import pyqtgraph
    import PySide6

    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.platform()}; Python "
        f"{platform.python_version()}, PySide6 {PySide6.__version__}, pyqtgraph "
        f"{pyqtgraph.__version__}; Qt platform {os.environ.get('QT_QPA_PLATFORM')}"
    )


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f} (1, 5, 15 min) on {os.cpu_count()} cores"


def write_doc(rows: list[Row], command: str, load_before: str, load_after: str) -> None:
    runs = "\n".join(
        f"| {name} | " + ", ".join(f"{value:.0f}" for value in values) + " |"
        for name, values in sorted(STARTUP_RUNS.items())
    )
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(
        f"""# Performance

Written by `{command}` on {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}.
Every figure stands beside its floor, measured in the same run: the least the
same work costs without our code (a bare PySide6 window, a bare pyqtgraph plot,
a bare `QTableView`, `json.load`). The ratio is ours over the floor; a target is
the ratio the issue asks for. Times are medians unless the row says p95.

- Machine: {machine()}
- Load average before the run: {load_before}; after: {load_after}.
  Figures from a loaded machine are noisy: compare ratios, and re-run on a
  quiet machine before drawing conclusions.

{markdown(rows)}

## How each figure is taken

- **Start-up** rows run fresh processes with bytecode compiled (as an installed
  app has it: `PYTHONDONTWRITEBYTECODE` is unset and every program runs once to
  warm up), interleaved, and time from spawning the process to the first
  `QEvent.Paint` an application-wide event filter sees: of any widget, or of
  the viewport of a pyqtgraph view. "The command" is `cli.main()` with no
  subcommand, the installed `llmcompare-gui`.
- **Slider step**: the input-tokens slider moves one step; the time until the
  table's and the visible chart's viewports have both been painted again, with
  15 models compared. The floor does the least a step must: a bare
  `QTableView` over a plain Python model of as many rows and columns emits
  `dataChanged` for one column and a 15-bar `BarGraphItem` gets new heights.
- **Sort/filter**: every column sorted both ways, and keystrokes typing and
  deleting four words in the filter box, each followed by processing events.
- **Store**: `load_store` and `save_store` against `json.load` and
  `json.dumps(indent=2)` written to a file, of the same file and data.
- **Import**: the installed command importing a LiteLLM file into an empty
  data dir; the file is LiteLLM's November 2025 price file (1,707 entries)
  padded with renamed copies of its entries to 4,877.
- **Export**: `chart_bytes` (the page with title, caption and chart) against a
  bare 3-bar `PlotWidget` rendered to the same format.
- **Memory**: resident memory (`/proc/self/statm`) of a process with the window
  shown on a 10,000-model store, against a bare window with a 3-bar plot.

## Start-up runs (ms, each run)

| program:paint | runs |
|---|---|
{runs}
""",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and steps, 2,500 models")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {DOC.name}")
    args = parser.parse_args()
    runs, steps = (3, 40) if args.quick else (5, 200)
    sizes = (3, 100, 2500) if args.quick else (3, 100, 2500, 10_000)
    load_before = load_text()

    rows = bench_startup(runs)
    from PySide6.QtWidgets import QApplication

    os.environ.setdefault("LLMCOMPARE_DATA_DIR", tempfile.mkdtemp(prefix="llmcompare-bench-"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for models in sizes:
        rows += bench_slider(app, models, steps)
    for models in sizes[2:]:
        rows += bench_sort_filter(app, models)
    for models in sizes[2:]:
        rows += bench_store(models, runs=runs * 2)
    rows += bench_import(runs)
    rows += bench_export(app, runs * 2)
    rows += bench_memory()

    table = markdown(rows)
    print(table)
    load_after = load_text()
    print(f"load average before: {load_before}; after: {load_after}")
    if not args.no_write:
        command = "make bench" if not args.quick else "benchmarks/bench.py --quick"
        write_doc(rows, command, load_before, load_after)
        print(f"written to {DOC.relative_to(REPO)}")


if __name__ == "__main__":
    main()
