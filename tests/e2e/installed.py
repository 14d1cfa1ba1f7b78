"""Running the installed ``llmcompare-gui`` command as a user would, with no display."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ENTRY_POINT = Path(sys.executable).with_name("llmcompare-gui")
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def run_installed(
    *args: str | Path, env: Mapping[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the entry point with ``args``; every display variable is removed from ``env``."""
    environment = dict(os.environ if env is None else env)
    for name in DISPLAY_VARIABLES:
        environment.pop(name, None)
    return subprocess.run(
        [str(ENTRY_POINT), *map(str, args)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
