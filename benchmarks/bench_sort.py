"""Where the table sorts and filters: in the model (as it does) or in the proxy, the vorta way.

Builds the table's Qt model over 2,500 models (the LiteLLM-derived store the
tests use, with costs set), then times, without a view:

- sorting: the model's own ``sort`` (what ``ModelFilterProxy.sort`` forwards to)
  against a ``QSortFilterProxyModel`` whose ``lessThan`` compares the sort role
  (``Qt.UserRole``, the raw value) of two cells, as vorta's ``sort_proxy.py``
  does: Qt's sort then calls back into Python, and ``data()``, per comparison;
- filtering: a keystroke through ``ModelFilterProxy`` (the model keeps each
  row's lower-cased name and vendor and the proxy asks it per row) against a
  proxy whose ``filterAcceptsRow`` reads the name and vendor cells through
  ``data()`` and lower-cases them each time.

Prints one row per figure and the ratio of the proxy way over ours. Never asserts.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_sort.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from tests.stores import litellm_store  # noqa: E402

from llmcompare_gui.domain.cost import PriceTable, Scenario, compute_costs  # noqa: E402
from llmcompare_gui.domain.table_columns import COST, INPUT, NAME, VENDOR  # noqa: E402
from llmcompare_gui.store.jsonstore import parse_store  # noqa: E402
from llmcompare_gui.ui.table.proxy import ModelFilterProxy  # noqa: E402
from llmcompare_gui.ui.table.table_model import ModelTableModel  # noqa: E402

MODELS = 2500
ORDERS = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
WORDS = ("gpt-4o", "claude", "bedrock", "mistral")
"""The keystrokes of benchmarks/bench.py: each word typed and deleted letter by letter."""

Index = QModelIndex | QPersistentModelIndex


class RoleSortProxy(QSortFilterProxyModel):
    """vorta's way: Qt sorts, comparing the raw values of the sort role in Python."""

    def lessThan(self, left: Index, right: Index) -> bool:
        lv = left.data(Qt.ItemDataRole.UserRole)
        rv = right.data(Qt.ItemDataRole.UserRole)
        if lv is None:
            return False
        if rv is None:
            return True
        if isinstance(lv, str) != isinstance(rv, str):
            return isinstance(rv, str)  # numbers before notes
        return bool(lv < rv)


class CellFilterProxy(QSortFilterProxyModel):
    """The filter read from the cells on every call, as a proxy on its own would."""

    def __init__(self, source: ModelTableModel) -> None:
        super().__init__()
        self._source = source
        self._needle = ""
        self._name = source.column_of(NAME)
        self._vendor = source.column_of(VENDOR)
        self.setSourceModel(source)
        self.setDynamicSortFilter(False)

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        source = self._source
        name = source.index(source_row, self._name).data() or ""
        vendor = source.index(source_row, self._vendor).data() or ""
        return self._needle in f"{name}\n{vendor}".lower()


def table(count: int) -> ModelTableModel:
    store, _ = parse_store(json.dumps(litellm_store(count)), Path("generated.json"))
    model = ModelTableModel(store)
    prices = PriceTable.from_models(store.models)
    scenario = Scenario(1e9, 1e8, 0.3)
    model.set_costs(compute_costs(prices, scenario).total, prices.blended(scenario.input_share))
    return model


def timed_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def sort_columns(model: ModelTableModel) -> list[tuple[str, int]]:
    bench = next(c.key for c in model.columns if c.key.startswith("bench:"))
    keys = [NAME, INPUT, COST, bench]
    return [(key, model.column_of(key)) for key in keys]


def sort_times(model: ModelTableModel, sort: Callable[[int, Qt.SortOrder], None]) -> list[float]:
    times = []
    for _, column in sort_columns(model):
        for order in ORDERS:
            times.append(timed_ms(lambda c=column, o=order: sort(c, o)))
    return times


def keystroke_times(set_text: Callable[[str], None]) -> list[float]:
    times = []
    for word in WORDS:
        for end in [*range(1, len(word) + 1), *range(len(word) - 1, -1, -1)]:
            times.append(timed_ms(lambda text=word[:end]: set_text(text)))
    return times


def row(what: str, ours: float, proxy: float) -> str:
    return f"| {what} | {ours:.2f} ms | {proxy:.2f} ms | {proxy / ours:,.0f}× |"


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    model = table(MODELS)
    ours = ModelFilterProxy(model)
    ours_sort = statistics.median(sort_times(model, ours.sort))
    ours_filter = statistics.median(keystroke_times(ours.set_filter_text))

    plain = table(MODELS)  # rows stay in store order: the proxy does all the sorting
    role_proxy = RoleSortProxy()
    role_proxy.setSourceModel(plain)
    role_proxy.setDynamicSortFilter(False)
    proxy_sort = statistics.median(sort_times(plain, role_proxy.sort))
    cells = CellFilterProxy(plain)
    proxy_filter = statistics.median(keystroke_times(cells.set_filter_text))

    print(f"{MODELS:,} rows; sort: median over {len(sort_columns(model))} columns × 2 orders")
    print("| what | in the model (ours) | in the proxy | proxy / ours |")
    print("|---|---|---|---|")
    print(row("sort a column", ours_sort, proxy_sort))
    print(row("filter keystroke", ours_filter, proxy_filter))
    del app


if __name__ == "__main__":
    main()
