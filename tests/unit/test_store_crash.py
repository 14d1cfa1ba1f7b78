"""A save killed at any moment leaves the old store or the new one, never a mix.

A helper process imports the store code once, then forks a saver on demand:
the saver writes the store again and again (alternating contents of
different sizes, so that writes take a little while) until this test kills
it with SIGKILL at a random moment. After every kill the store must load and
be exactly one of the contents written. 20 kills in ``make test``, 200 in
``make test-slow``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from llmcompare_gui.store.jsonstore import dump_store, load_store, parse_store
from llmcompare_gui.store.paths import resolve_paths
from llmcompare_gui.store.session import StoreSession

SIZES = (40, 160, 640)

HELPER = textwrap.dedent(
    """
    import os
    import sys
    from itertools import cycle
    from pathlib import Path

    from llmcompare_gui.store.jsonstore import parse_store, save_store

    path = Path(sys.argv[1])
    stores = [parse_store(Path(name).read_bytes(), Path(name))[0] for name in sys.argv[2:]]
    print("ready", flush=True)
    for _command in sys.stdin:
        pid = os.fork()
        if pid == 0:
            for store in cycle(stores):
                save_store(store, path)
            os._exit(0)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(status, flush=True)
    """
)


def content(count: int) -> str:
    models = [
        {
            "id": f"model-{count}-{row}",
            "name": f"Model {row} of {count}",
            "vendor": "Example",
            "pricing": {
                "input_per_mtok": round(0.1 + row * 0.01, 2),
                "output_per_mtok": round(0.5 + row * 0.03, 2),
                "cached_input_per_mtok": None if row % 3 else 0.05,
                "source": {"title": "price page", "url": f"https://example.com/{row}"},
            },
            "benchmarks": {"b": {"score": float(row % 100), "note": "n" * (row % 40)}},
        }
        for row in range(count)
    ]
    store, _ = parse_store(json.dumps({"models": models}), Path("content"))
    return dump_store(store)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
@pytest.mark.parametrize("kills", [20, pytest.param(200, marks=pytest.mark.slow)])
def test_store_survives_being_killed_mid_save(tmp_path: Path, data_dir: Path, kills: int) -> None:
    contents = [content(count) for count in SIZES]
    expected = {text.encode() for text in contents}
    files = []
    for index, text in enumerate(contents):
        files.append(tmp_path / f"content-{index}.json")
        files[-1].write_text(text, encoding="utf-8")
    data_dir.mkdir(parents=True)
    path = data_dir / "models.json"
    path.write_text(contents[0], encoding="utf-8")

    helper = subprocess.Popen(
        [sys.executable, "-c", HELPER, str(path), *map(str, files)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert helper.stdin is not None
    assert helper.stdout is not None
    chance = random.Random(20251101)
    leftovers_seen = 0
    try:
        assert helper.stdout.readline().strip() == "ready"
        for kill in range(kills):
            helper.stdin.write("save\n")
            helper.stdin.flush()
            saver = int(helper.stdout.readline())
            time.sleep(chance.uniform(0.0, 0.04))
            os.kill(saver, signal.SIGKILL)
            status = int(helper.stdout.readline())
            assert os.WIFSIGNALED(status), f"kill {kill}: the saver stopped by itself"
            assert os.WTERMSIG(status) == signal.SIGKILL

            # Loading ignores whatever temporary file the kill left behind.
            store = load_store(path)
            assert path.read_bytes() in expected, f"kill {kill}: a mix of two saves"
            assert dump_store(store).encode() == path.read_bytes()
            backup = data_dir / "models.json.bak"
            if backup.exists():
                assert backup.read_bytes() in expected, f"kill {kill}: a broken backup"
            leftovers_seen += bool(list(data_dir.glob(".models.json.*.tmp")))
    finally:
        helper.communicate(timeout=30)  # closes its stdin, so it ends
    assert helper.returncode == 0

    # The next instance to hold the lock clears leftovers and keeps the store.
    before = path.read_bytes()
    session = StoreSession.open(resolve_paths(data_dir))
    try:
        assert not session.read_only
        assert not list(data_dir.glob(".models.json.*.tmp"))
        assert path.read_bytes() == before
    finally:
        session.close()
    print(f"{kills} kills, {leftovers_seen} left a temporary file behind")
