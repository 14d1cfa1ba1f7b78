"""Builds the frozen onedir bundle and its .tar.gz with a top-level launcher (`make bundle`)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
NAME = "llmcompare-gui"


def version() -> str:
    namespace: dict[str, str] = {}
    exec((REPO / "src" / "llmcompare_gui" / "_version.py").read_text(), namespace)
    return namespace["__version__"]


def archive_name() -> str:
    import platform

    return f"{NAME}-{version()}-linux-{platform.machine()}"


def freeze(dist: Path, work: Path) -> Path:
    """Runs PyInstaller on the spec; returns the onedir folder."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(PACKAGING / f"{NAME}.spec"),
        ],
        check=True,
    )
    return dist / NAME


def pack(onedir: Path, dist: Path) -> Path:
    """``NAME-VERSION-linux-ARCH/`` holding the bundle as ``app/`` and the launcher on top."""
    top = archive_name()
    target = dist / f"{top}.tar.gz"
    partial = target.with_name(target.name + ".part")
    with tarfile.open(partial, "w:gz") as archive:
        launcher = archive.gettarinfo(PACKAGING / "launcher.sh", arcname=f"{top}/{NAME}")
        launcher.mode = 0o755
        with (PACKAGING / "launcher.sh").open("rb") as handle:
            archive.addfile(launcher, handle)
        archive.add(onedir, arcname=f"{top}/app")
    partial.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print(
            "PyInstaller is not installed: `make bundle` installs it (pip install -e '.[bundle]')",
            file=sys.stderr,
        )
        return 1
    onedir = freeze(args.dist, args.work)
    archive = pack(onedir, args.dist)
    print(onedir)
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
