"""The wheel ships the bundled data, and the package finds it there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from ..conftest import REPO

pytestmark = pytest.mark.e2e

RESOURCES = ("default_store.json", "models.schema.json")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(folder),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = folder.glob("llmcompare_gui-*.whl")
    return built


def test_wheel_holds_the_resources_and_the_gui_entry_point(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in RESOURCES:
            assert f"llmcompare_gui/resources/{name}" in names
            packed = archive.read(f"llmcompare_gui/resources/{name}")
            assert packed == (REPO / "resources" / name).read_bytes()
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        text = archive.read(entry_points).decode()
        (license_file,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert archive.read(license_file) == (REPO / "LICENSE").read_bytes()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        assert "License-Expression: MIT" in archive.read(metadata).decode()
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "[gui_scripts]" in text
    assert "llmcompare-gui = llmcompare_gui.cli:main" in text


PROBE = textwrap.dedent(
    """
    import json, sys
    import llmcompare_gui
    from llmcompare_gui.bundled import resource_root
    from llmcompare_gui.store.jsonstore import default_store
    from llmcompare_gui.cli import main

    status = main(["export", "--chart", "cost", "--format", "csv", "--out", sys.argv[1],
                   "--input-tokens", "1B", "--output-tokens", "100M"])
    print(json.dumps({
        "package": llmcompare_gui.__file__,
        "resources": str(resource_root()),
        "models": [m.id for m in default_store().models],
        "status": status,
    }))
    """
)


def test_unpacked_wheel_finds_its_own_resources(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    out = tmp_path / "cost.csv"
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("PYTHONSAFEPATH", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(out)],
        env=env,
        cwd=tmp_path,  # not the checkout, whose resources/ must not be what is found
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = json.loads(result.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert Path(found["resources"]) == site / "llmcompare_gui" / "resources"
    assert found["models"] == ["kimi-k2", "deepseek-v3.1", "deepseek-v3-r1"]
    assert found["status"] == 0
    assert out.read_text().splitlines()[-1] == "kimi-k2,Kimi K2,600,0,0,250,0,0,850,USD,"


@pytest.fixture(scope="module")
def installed_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed by pip, as `pip install .` or pipx would.

    Its dependencies (PySide6, numpy…) come from this test's environment through a
    path file, so that the test needs no network and no 300 MB download; the app
    itself comes only from the wheel.
    """
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    python = venv / "bin" / "python"
    (site,) = venv.glob("lib/python3*/site-packages")
    dependencies = [p for p in map(Path, sys.path) if p.name == "site-packages" and p.is_dir()]
    # A bare path line: the folder joins sys.path, but its .pth files (our editable
    # install among them) are not run.
    (site / "dependencies.pth").write_text("".join(f"{p}\n" for p in dependencies))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return venv


def run_in(venv: Path, *args: str | Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        environment.pop(name, None)
    environment["LLMCOMPARE_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [str(venv / "bin" / "llmcompare-gui"), *map(str, args)],
        env=environment,
        cwd=data_dir.parent,  # not the checkout
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_wheel_installed_in_a_fresh_venv_exports_and_imports_without_a_display(
    installed_venv: Path, data_dir: Path, tmp_path: Path
) -> None:
    where = subprocess.run(
        [
            str(installed_venv / "bin" / "python"),
            "-c",
            "import llmcompare_gui, llmcompare_gui.bundled as b; "
            "print(llmcompare_gui.__file__); print(b.resource_root())",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    package, resources = where.stdout.split()
    assert Path(package).is_relative_to(installed_venv)
    assert Path(resources).is_relative_to(installed_venv)

    version = run_in(installed_venv, "--version", data_dir=data_dir)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("llmcompare-gui ")

    picture = tmp_path / "cost.png"
    exported = run_in(
        installed_venv, "export", "--chart", "cost", "--out", picture, data_dir=data_dir
    )
    assert exported.returncode == 0, exported.stderr
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    prices = tmp_path / "prices.csv"
    prices.write_text(
        "id,name,input_per_mtok,output_per_mtok\nwheel-test,Wheel Test,2,8\n", encoding="utf-8"
    )
    imported = run_in(installed_venv, "import", prices, data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    stored = json.loads((data_dir / "models.json").read_text(encoding="utf-8"))
    (model,) = [m for m in stored["models"] if m["id"] == "wheel-test"]
    assert model["pricing"]["input_per_mtok"] == 2
    assert model["pricing"]["output_per_mtok"] == 8
