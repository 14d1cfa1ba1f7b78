"""Installs (or removes) the desktop entry, icons and AppStream metainfo in the user's XDG folders.

Standard library only, so that it runs with any Python 3.11 before the app is installed.
Follows ``XDG_DATA_HOME`` (default ``~/.local/share``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

APP_ID = "io.github.llmcompare_gui.LLMCompare"
REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "")
    # The XDG spec: a relative or empty value is ignored.
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def planned_files(root: Path) -> list[tuple[Path, Path]]:
    """(source, destination) pairs under ``root``."""
    hicolor = root / "icons" / "hicolor"
    files = [
        (PACKAGING / f"{APP_ID}.desktop", root / "applications" / f"{APP_ID}.desktop"),
        (PACKAGING / f"{APP_ID}.metainfo.xml", root / "metainfo" / f"{APP_ID}.metainfo.xml"),
        (ICONS / "llmcompare-gui.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg"),
    ]
    for size in PNG_SIZES:
        files.append(
            (
                ICONS / f"llmcompare-gui-{size}.png",
                hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png",
            )
        )
    return files


def desktop_entry(source: Path, command: str | None) -> str:
    text = source.read_text(encoding="utf-8")
    if command is None:
        return text
    lines = [f"Exec={command}" if line.startswith("Exec=") else line for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def install(root: Path, command: str | None) -> None:
    for source, target in planned_files(root):
        if not source.is_file():
            raise SystemExit(f"install-desktop: {source} is missing (run `make icons`?)")
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".desktop":
            target.write_text(desktop_entry(source, command), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        print(f"installed {target}")
    refresh(root)


def uninstall(root: Path) -> None:
    for _source, target in planned_files(root):
        if target.exists():
            target.unlink()
            print(f"removed {target}")
    refresh(root)


def refresh(root: Path) -> None:
    """Tell the desktop's caches, where their tools exist; not having them is fine."""
    for tool, args in (
        ("update-desktop-database", [str(root / "applications")]),
        ("gtk-update-icon-cache", ["-q", "-t", "-f", str(root / "icons" / "hicolor")]),
    ):
        if shutil.which(tool):
            subprocess.run([tool, *args], check=False, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uninstall", action="store_true", help="remove the installed files")
    parser.add_argument(
        "--exec",
        dest="command",
        metavar="COMMAND",
        help="the command the entry starts (default: llmcompare-gui, found on PATH)",
    )
    args = parser.parse_args(argv)
    root = data_home()
    if args.uninstall:
        uninstall(root)
    else:
        install(root, args.command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
