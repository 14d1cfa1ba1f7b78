"""The frozen bundle, built from the spec and unpacked from its archive, runs without a display.

Slow (a PyInstaller build takes minutes): ``make test-slow``.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from ..conftest import FIXTURES, REPO

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@pytest.fixture(scope="module")
def launcher(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive's top-level launcher, from a fresh build unpacked elsewhere."""
    build = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "build_bundle.py"),
            "--dist",
            str(build / "dist"),
            "--work",
            str(build / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (archive,) = (build / "dist").glob("llmcompare-gui-*.tar.gz")
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    (top,) = unpacked.iterdir()
    script = top / "llmcompare-gui"
    assert os.access(script, os.X_OK)
    return script


def run_bundle(
    launcher: Path, *args: str | Path, data_dir: Path
) -> subprocess.CompletedProcess[str]:
    environment = {
        # Nothing of the build machine's Python: the bundle must bring its own.
        "PATH": "/usr/bin:/bin",
        "HOME": str(data_dir.parent),
        "LLMCOMPARE_DATA_DIR": str(data_dir),
        "LANG": "C.UTF-8",
    }
    assert not any(name in environment for name in DISPLAY_VARIABLES)
    return subprocess.run(
        [str(launcher), *map(str, args)],
        env=environment,
        cwd=data_dir.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_bundle_prints_its_version(launcher: Path, data_dir: Path) -> None:
    from llmcompare_gui import __version__

    result = run_bundle(launcher, "--version", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"llmcompare-gui {__version__}"


def test_bundle_exports_a_png_without_a_display(
    launcher: Path, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "cost.png"
    result = run_bundle(
        launcher,
        "export",
        "--chart",
        "cost",
        "--out",
        out,
        "--width",
        "800",
        "--height",
        "500",
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 500)
    # A drawn chart, not a blank page: many distinct colours.
    colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 500, 7)}
    assert len(colours) > 20
    # Reading never writes (CONTRACT §2): no store was created by the export.
    assert not (data_dir / "models.json").exists()


def test_bundle_imports_a_price_file_without_a_display(
    launcher: Path, data_dir: Path, tmp_path: Path
) -> None:
    prices = tmp_path / "prices.csv"
    prices.write_text(
        "id,name,input_per_mtok,output_per_mtok\nbundle-test,Bundle Test,1.25,10\n",
        encoding="utf-8",
    )
    result = run_bundle(launcher, "import", prices, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "bundle-test" in result.stdout
    out = tmp_path / "cost.csv"
    exported = run_bundle(
        launcher,
        "export",
        "--chart",
        "cost",
        "--out",
        out,
        "--models",
        "bundle-test",
        "--input-tokens",
        "2M",
        "--output-tokens",
        "1M",
        data_dir=data_dir,
    )
    assert exported.returncode == 0, exported.stderr
    (row,) = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    # 2M input at 1.25 plus 1M output at 10 per million: 2.5 + 10.
    assert float(row["total_cost"]) == pytest.approx(12.5)


def test_bundle_leaves_out_test_data_and_unused_qt(launcher: Path) -> None:
    app = launcher.parent / "app"
    names = {path.name for path in app.rglob("*")}
    assert "default_store.json" in names
    assert "models.schema.json" in names
    assert not {path.name for path in FIXTURES.iterdir()} & names
    for unused in (
        "libQt6Qml.so.6",
        "libQt6Quick.so.6",
        "libQt6Pdf.so.6",
        "libqvnc.so",
        "qtbase_de.qm",
    ):
        assert unused not in names
    for package in ("pytest", "hypothesis", "tkinter"):
        assert package not in names
