"""Imports only point down (DESIGN.md): the domain and the store never need Qt.

Three checks: every import statement in src/ (also those inside functions)
against the layer rules; no cycle among the package's modules, counting every
import (also those inside functions and under TYPE_CHECKING); and a real
process in which Qt cannot be imported at all that still loads the lower
layers and exports a CSV.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ..conftest import REPO

PACKAGE = "llmcompare_gui"
SOURCE = REPO / "src" / PACKAGE
QT = ("PySide6", "shiboken6", "pyqtgraph")

# Layer of a module -> package layers it must not import.
FORBIDDEN = {
    "domain": {"store", "charts", "export", "services", "ui", "cli"},
    "store": {"charts", "export", "services", "ui", "cli"},
    "atomicfile": {"domain", "store", "charts", "export", "services", "ui", "cli"},
    "bundled": {"domain", "store", "charts", "export", "services", "ui", "cli"},
    "charts": {"export", "services", "ui", "cli"},
    "export": {"services", "ui", "cli"},
    "services": {"ui", "cli"},
}
QT_FREE = {"domain", "store", "atomicfile", "bundled"}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """Absolute names of everything ``path`` imports, with line numbers."""
    name = module_name(path, root)
    is_package = path.name == "__init__.py"
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            found.extend((node.lineno, f"{target}.{alias.name}") for alias in node.names)
    return found


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != PACKAGE or len(parts) < 2:
        return None
    return parts[1]


def violations(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        own = layer_of(module_name(path, root))
        if own is None:
            continue
        for line, target in imported_modules(path, root):
            where = f"{path.relative_to(root.parent)}:{line}"
            if layer_of(target) in FORBIDDEN.get(own, set()):
                problems.append(f"{where}: {own} imports {target}")
            if own in QT_FREE and target.split(".")[0] in QT:
                problems.append(f"{where}: {own} imports Qt ({target})")
    return sorted(set(problems))


def import_graph(root: Path) -> dict[str, set[str]]:
    """Each module of the package -> the package's modules it imports (any import statement).

    ``from .pkg import name`` counts as importing ``pkg`` and, when ``name`` is a
    module, ``pkg.name``; a package's ``__init__`` is not counted as imported by
    its submodules (Python loads it first, before either can import the other).
    """
    modules = {module_name(path, root): path for path in root.rglob("*.py")}

    def module_of(target: str) -> str | None:
        parts = target.split(".")
        while parts:
            if ".".join(parts) in modules:
                return ".".join(parts)
            parts.pop()
        return None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported = {module_of(target) for _, target in imported_modules(path, root)}
        graph[name] = {module for module in imported if module is not None and module != name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (``a -> b -> … -> a``) through each group of modules that import each other."""
    # Tarjan's strongly connected components, without recursion.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(group)
    return [cycle_in(graph, group) for group in groups]


def cycle_in(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest way from the group's first module back to itself, within the group."""
    first = min(group)
    paths = {first: [first]}
    queue = [first]
    while queue:
        node = queue.pop(0)
        for successor in sorted(graph[node] & group):
            if successor == first:
                return [*paths[node], first]
            if successor not in paths:
                paths[successor] = [*paths[node], successor]
                queue.append(successor)
    raise AssertionError(f"no cycle in {sorted(group)}")


def test_no_module_imports_itself_through_others() -> None:
    cycles = [" -> ".join(cycle) for cycle in import_cycles(import_graph(SOURCE))]
    assert cycles == []


def test_the_cycle_check_names_the_cycle(tmp_path: Path) -> None:
    root = tmp_path / PACKAGE
    files = {
        "__init__.py": "from .ui import app\n",
        "ui/__init__.py": "",
        "ui/app.py": "from .main_window import MainWindow\n",
        "ui/main_window.py": "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from .controller import Controller\n",
        "ui/controller.py": "def build():\n    from . import main_window\n",
        "ui/fine.py": "from . import app\nfrom .. import ui\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    # The package's __init__ importing its submodules is no cycle; a TYPE_CHECKING
    # import one way and a function-level import the other way is one.
    assert [" -> ".join(cycle) for cycle in import_cycles(import_graph(root))] == [
        "llmcompare_gui.ui.controller -> llmcompare_gui.ui.main_window"
        " -> llmcompare_gui.ui.controller"
    ]


def test_imports_only_point_down() -> None:
    assert SOURCE.is_dir()
    assert violations(SOURCE) == []


def test_the_checker_sees_what_it_must_refuse(tmp_path: Path) -> None:
    root = tmp_path / PACKAGE
    files = {
        "__init__.py": "",
        "domain/__init__.py": "",
        "domain/model.py": "from ..store import jsonstore\n",
        "domain/cost.py": "def f():\n    import PySide6.QtCore\n",
        "domain/fine.py": "from . import model\nfrom .cost import f\nimport numpy\n",
        "store/__init__.py": "from llmcompare_gui.charts.base import x\n",
        "export/csv_export.py": "from ..ui import app\n",
        "charts/base.py": "from ..domain import model\nimport pyqtgraph\n",
        "cli.py": "from .ui import app\n",
        "services/export_service.py": "from ..ui import app\nfrom ..export import images\n",
        "export/images.py": "from ..services import export_service\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    found = violations(root)
    assert any("domain/model.py:1: domain imports llmcompare_gui.store" in p for p in found)
    assert any("domain/cost.py:2: domain imports Qt (PySide6.QtCore)" in p for p in found)
    assert any("store/__init__.py:1: store imports llmcompare_gui.charts" in p for p in found)
    assert any("export/csv_export.py:1: export imports llmcompare_gui.ui" in p for p in found)
    assert any(
        "services/export_service.py:1: services imports llmcompare_gui.ui" in p for p in found
    )
    assert any("export/images.py:1: export imports llmcompare_gui.services" in p for p in found)
    assert not any("services/export_service.py:2" in p for p in found)
    assert not any("fine.py" in p or "charts/base.py" in p or "cli.py" in p for p in found)


BLOCKED_QT = textwrap.dedent(
    """
    import importlib
    import importlib.abc
    import pkgutil
    import sys

    BLOCKED = {"PySide6", "shiboken6", "pyqtgraph"}

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, NoQt())

    import llmcompare_gui.domain
    import llmcompare_gui.store

    names = ["llmcompare_gui", "llmcompare_gui.atomicfile", "llmcompare_gui.bundled",
             "llmcompare_gui.cli", "llmcompare_gui.export.csv_export",
             "llmcompare_gui.services.import_service", "llmcompare_gui.services.export_service"]
    for package in (llmcompare_gui.domain, llmcompare_gui.store):
        names.append(package.__name__)
        names += [info.name for info in pkgutil.walk_packages(package.__path__,
                                                              package.__name__ + ".")]
    for name in names:
        importlib.import_module(name)

    from llmcompare_gui import cli
    status = cli.main(["export", "--chart", "cost", "--out", sys.argv[1], "--format", "csv"])
    loaded = sorted(n for n in sys.modules if n.split(".")[0] in BLOCKED)
    print(status, len(names), loaded)
    """
)


def test_lower_layers_and_the_csv_export_run_without_qt(tmp_path: Path) -> None:
    out = tmp_path / "cost.csv"
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED_QT, str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    status, count, loaded = result.stdout.split(" ", 2)
    assert status == "0"
    assert int(count) >= 14  # every module of domain and store, and the rest
    assert loaded.strip() == "[]"
    assert out.read_text(encoding="utf-8").startswith("model_id,model,input_cost,")


def test_the_qt_block_really_blocks(tmp_path: Path) -> None:
    script = BLOCKED_QT.split("import llmcompare_gui.domain")[0] + "import PySide6\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert "PySide6 is blocked in this test" in result.stderr


@pytest.mark.parametrize("layer", sorted(QT_FREE))
def test_qt_free_layers_exist(layer: str) -> None:
    assert (SOURCE / layer).is_dir() or (SOURCE / f"{layer}.py").is_file()
