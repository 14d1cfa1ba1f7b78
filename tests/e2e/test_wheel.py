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
    assert out.read_text().splitlines()[-1] == "kimi-k2,Kimi K2,600,0,250,850,USD"
