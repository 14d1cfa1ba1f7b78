"""What the single-instance check costs a first launch, measured in fresh processes.

``run()`` probes the store lock (no Qt networking, no hashlib) before it shows
anything; only when another process holds the lock does it open a socket. Prints
the median over fresh processes of importing the probe and running it. Never fails on a slow figure.

    .venv/bin/python benchmarks/bench_instance_check.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile

PROBE = """
import sys, time
from pathlib import Path
import PySide6.QtWidgets  # loaded by the time run() probes,
import llmcompare_gui.cli  # and so is the command line
start = time.perf_counter()
from llmcompare_gui.store.lock import held_elsewhere
imported = time.perf_counter()
held = held_elsewhere(Path(sys.argv[1]))
done = time.perf_counter()
print(1000 * (imported - start), 1000 * (done - imported), held, "PySide6.QtNetwork" in sys.modules)
"""


def main() -> None:
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # measure with cached bytecode
    imports, checks = [], []
    with tempfile.TemporaryDirectory() as data_dir:
        for run in range(8):
            out = subprocess.run(
                [sys.executable, "-c", PROBE, data_dir],
                env=environment,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            if run == 0:
                continue  # warm-up: writes the bytecode caches
            imports.append(float(out[0]))
            checks.append(float(out[1]))
            if out[2:] != ["False", "False"]:
                print(f"unexpected: held={out[2]}, QtNetwork loaded={out[3]}")
    print(f"{'single-instance probe':<32} {'median ms':>10}")
    print(f"{'import of the probe':<32} {statistics.median(imports):>10.2f}")
    print(f"{'probe of an unused store':<32} {statistics.median(checks):>10.3f}")


if __name__ == "__main__":
    main()
