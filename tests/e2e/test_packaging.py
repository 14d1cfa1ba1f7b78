"""The desktop entry, AppStream metainfo and icons validate, agree with the app, and install."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from llmcompare_gui import __version__

from ..conftest import REPO

pytestmark = pytest.mark.e2e

PACKAGING = REPO / "packaging"
# The desktop entry's id is its file name without ".desktop" (Desktop Entry Specification);
# the running app, the icon and the metainfo must all use it.
(DESKTOP,) = PACKAGING.glob("*.desktop")
APP_ID = DESKTOP.name.removesuffix(".desktop")
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str) -> str:
    found = shutil.which(name)
    # `make test` installs these; a missing one is a broken set-up, not a reason to skip.
    assert found, f"{name} is not installed (make test-sysdeps installs it)"
    return found


def validate(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_desktop_entry_validates() -> None:
    result = validate(tool("desktop-file-validate"), str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_metainfo_validates_offline() -> None:
    result = validate(tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


class CaseKeepingParser(configparser.ConfigParser):
    """Desktop entry keys are case-sensitive (``Name`` is not ``name``)."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = CaseKeepingParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_one_id_for_the_entry_the_metainfo_and_the_running_app(qapp: object) -> None:
    from llmcompare_gui.ui.window.app import APP_ID as app_id
    from llmcompare_gui.ui.window.app import application

    assert APP_ID == "io.github.llmcompare_gui.LLMCompare"  # reverse-DNS, as AppStream wants
    assert app_id == APP_ID
    app = application()
    assert app.desktopFileName() == APP_ID
    assert desktop_entry()["Icon"] == APP_ID
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == f"{APP_ID}.desktop"


def test_metainfo_shows_real_screenshots_and_a_release_per_version() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) >= 2
    for url in images:
        assert url.startswith("https://")
        # Each URL points at a picture committed under docs/.
        relative = url.split("/main/", 1)[1]
        picture = REPO / relative
        assert picture.is_file(), f"{url}: no {relative} in the repository"
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    versions = [release.get("version") for release in root.iter("release")]
    assert __version__ in versions
    assert len(versions) == len(set(versions))
    assert root.find("content_rating[@type='oars-1.1']") is not None


def test_icons_are_the_sizes_their_names_say(qapp: object) -> None:
    from PySide6.QtGui import QImage

    for size in PNG_SIZES:
        path = REPO / "resources" / "icons" / f"llmcompare-gui-{size}.png"
        image = QImage(str(path))
        assert not image.isNull(), path
        assert (image.width(), image.height()) == (size, size)
        # Drawn, not blank: the corner is transparent and the middle is not.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_install_desktop_fills_the_xdg_data_home(tmp_path: Path) -> None:
    data_home = tmp_path / "xdg-data"
    result = subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "install_desktop.py"),
            "--exec",
            "/opt/llm/llmcompare-gui",
        ],
        env={**os.environ, "XDG_DATA_HOME": str(data_home)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    assert str(entry) in result.stdout
    assert desktop_entry(entry)["Exec"] == "/opt/llm/llmcompare-gui"
    assert desktop_entry(entry)["Name"] == desktop_entry()["Name"]
    assert validate(tool("desktop-file-validate"), str(entry)).returncode == 0
    assert (data_home / "metainfo" / f"{APP_ID}.metainfo.xml").read_bytes() == (
        METAINFO.read_bytes()
    )
    hicolor = data_home / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in PNG_SIZES:
        installed = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        source = REPO / "resources" / "icons" / f"llmcompare-gui-{size}.png"
        assert installed.read_bytes() == source.read_bytes()

    subprocess.run(
        [sys.executable, str(PACKAGING / "install_desktop.py"), "--uninstall"],
        env={**os.environ, "XDG_DATA_HOME": str(data_home)},
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert not entry.exists()
    assert not list(hicolor.rglob(f"{APP_ID}.*"))
