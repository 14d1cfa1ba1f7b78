"""An import or a migration killed at any moment leaves a store that was completely saved.

A helper process imports the app once, then forks a child per trial that runs
one whole operation on a fresh copy of a data dir: ``llmcompare-gui import``
(a dated snapshot, a backup, the new store) or the first save of a version-1
file whose optional fields are implicit (the migration path: the file is
rewritten in the current format). The test kills the child with SIGKILL at a
random moment within the operation's measured duration. Afterwards the store
must parse and be byte for byte the file before the operation or the file
after it; every backup must parse too; and the next instance opens the store
writable.

~20 trials run in ``make test``; ``make test-slow`` runs 200 of each kind.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from llmcompare_gui.store.jsonstore import dump_store, load_store, parse_store
from llmcompare_gui.store.paths import resolve_paths
from llmcompare_gui.store.session import StoreSession

from ..conftest import FIXTURES

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

LITELLM = FIXTURES / "litellm_model_prices-2025-11-01.json"

HELPER = textwrap.dedent(
    """
    import os
    import sys

    from llmcompare_gui import cli
    from llmcompare_gui.domain import importers  # loaded once here, not in every child
    from llmcompare_gui.store.paths import resolve_paths
    from llmcompare_gui.store.session import StoreSession

    def migrate(data_dir):
        session = StoreSession.open(resolve_paths(data_dir))
        session.save()
        session.close()

    def import_file(data_dir, source):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        status = cli.main(["import", source, "--data-dir", data_dir])
        os._exit(status)

    print("ready", flush=True)
    for line in sys.stdin:
        operation, data_dir, *rest = line.split()
        pid = os.fork()
        if pid == 0:
            if operation == "migrate":
                migrate(data_dir)
            else:
                import_file(data_dir, *rest)
            os._exit(0)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(status, flush=True)
    """
)


class Forker:
    """The helper process: runs an operation in a forked child and reports its pid and status."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HELPER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"

    def start(self, *words: str) -> int:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(" ".join(words) + "\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())

    def status(self) -> int:
        assert self.process.stdout is not None
        return int(self.process.stdout.readline())

    def run(self, *words: str) -> float:
        """Run an operation to its end; return its duration in seconds."""
        start = time.perf_counter()
        self.start(*words)
        status = self.status()
        assert os.WIFEXITED(status), f"{words}: status {status}"
        assert os.WEXITSTATUS(status) == 0, f"{words}: status {status}"
        return time.perf_counter() - start

    def close(self) -> None:
        self.process.communicate(timeout=30)
        assert self.process.returncode == 0


@pytest.fixture(scope="module")
def forker() -> Iterator[Forker]:
    helper = Forker()
    yield helper
    helper.close()


def v1_store_text(count: int) -> str:
    """A version-1 file as a person might write it: no schema_version, no currency."""
    models = [
        {
            "id": f"model-{row}",
            "name": f"Model {row}",
            "pricing": {"input_per_mtok": 0.1 + row / 100, "output_per_mtok": 0.4 + row / 50},
            "benchmarks": {"b": {"score": float(row % 100)}},
        }
        for row in range(count)
    ]
    return json.dumps({"models": models}, indent=1) + "\n"


def litellm_slice(path: Path, entries: int) -> Path:
    data = json.loads(LITELLM.read_text(encoding="utf-8"))
    keys = [key for key in data if key != "sample_spec"][:entries]
    path.write_text(json.dumps({key: data[key] for key in keys}), encoding="utf-8")
    return path


def check_after_kill(data_dir: Path, allowed: set[bytes], trial: str) -> None:
    path = data_dir / "models.json"
    content = path.read_bytes()
    assert content in allowed, f"{trial}: the store is neither the old nor the new file"
    load_store(path)  # parses and validates
    for backup in [data_dir / "models.json.bak", *data_dir.glob("backups/*.json")]:
        if backup.exists():
            assert backup.read_bytes() in allowed, f"{trial}: a broken backup {backup.name}"
    session = StoreSession.open(resolve_paths(data_dir))
    try:
        assert not session.read_only, f"{trial}: {session.read_only_reason}"
        assert path.read_bytes() == content, f"{trial}: opening changed the store"
        assert not list(data_dir.glob(".models.json*.tmp")), f"{trial}: leftovers stayed"
    finally:
        session.close()


def kill_trials(
    forker: Forker,
    tmp_path: Path,
    before: Path,
    operation: list[str],
    trials: int,
    seed: int,
) -> tuple[int, int]:
    """Run ``operation`` on fresh copies of ``before`` and kill it; return (killed, finished)."""
    reference = tmp_path / "reference"
    shutil.copytree(before, reference)
    duration = forker.run(operation[0], str(reference), *operation[1:])
    after = (reference / "models.json").read_bytes()
    original = (before / "models.json").read_bytes()
    assert after != original, "the operation changed nothing, so a kill proves nothing"
    allowed = {original, after}
    chance = random.Random(seed)
    killed = finished = 0
    for trial in range(trials):
        data_dir = tmp_path / f"trial-{trial}"
        shutil.copytree(before, data_dir)
        child = forker.start(operation[0], str(data_dir), *operation[1:])
        time.sleep(chance.uniform(0.0, duration))
        with contextlib.suppress(ProcessLookupError):  # it finished first
            os.kill(child, signal.SIGKILL)
        status = forker.status()
        if os.WIFSIGNALED(status):
            assert os.WTERMSIG(status) == signal.SIGKILL
            killed += 1
        else:
            assert os.WEXITSTATUS(status) == 0, f"trial {trial}: exit {os.WEXITSTATUS(status)}"
            finished += 1
        check_after_kill(data_dir, allowed, f"{operation[0]} trial {trial}")
        shutil.rmtree(data_dir)
    return killed, finished


def import_case(tmp_path: Path) -> tuple[Path, list[str]]:
    before = tmp_path / "before"
    before.mkdir()
    text = v1_store_text(200)
    store, _ = parse_store(text, before / "models.json")
    (before / "models.json").write_text(dump_store(store), encoding="utf-8")
    source = litellm_slice(tmp_path / "prices.json", 400)
    return before, ["import", str(source)]


def migration_case(tmp_path: Path) -> tuple[Path, list[str]]:
    before = tmp_path / "before"
    before.mkdir()
    (before / "models.json").write_text(v1_store_text(1500), encoding="utf-8")
    return before, ["migrate"]


CASES = {"import": import_case, "migration": migration_case}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_killed_operation_leaves_a_completely_saved_store(
    forker: Forker, tmp_path: Path, kind: str
) -> None:
    before, operation = CASES[kind](tmp_path)
    killed, finished = kill_trials(forker, tmp_path, before, operation, trials=10, seed=11)
    assert killed, "no trial was killed before it finished"
    print(f"{kind}: {killed} killed mid-way, {finished} finished first")


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(CASES))
def test_200_killed_operations_leave_completely_saved_stores(
    forker: Forker, tmp_path: Path, kind: str
) -> None:
    before, operation = CASES[kind](tmp_path)
    killed, finished = kill_trials(forker, tmp_path, before, operation, trials=200, seed=2026)
    assert killed >= 100, f"only {killed} of 200 trials were killed before they finished"
    print(f"{kind}: {killed} killed mid-way, {finished} finished first")
