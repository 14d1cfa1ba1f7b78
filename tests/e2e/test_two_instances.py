"""Two app processes on one store: the second is read-only and says why; no saved edit is lost.

Each instance is a real process that starts the window the way the command does
(``start``, what ``cli.main()`` runs without a subcommand; a plain second launch
hands over to the first window, so the second window is asked for as
``--new-instance`` does) and takes commands on stdin: ``state`` answers the
save state, the banner and whether the store is read-only; ``edit ID PRICE``
types an input price into the table's model (the path an edit in the table
takes); ``quit`` closes the window as a person would. The first instance is
finally killed with SIGKILL, so only what it had saved can survive.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from llmcompare_gui.store.jsonstore import load_store
from llmcompare_gui.store.paths import resolve_paths
from llmcompare_gui.store.session import StoreSession

pytestmark = pytest.mark.e2e

SAVED = "All changes saved"

DRIVER = textwrap.dedent(
    """
    import json
    import os
    import sys

    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    from llmcompare_gui.ui.window.app import start

    # What cli.main() runs: a later launch hands over to the running window
    # unless it asks for a new instance (--new-instance), which is read-only.
    window = start(sys.argv[1], new_instance=sys.argv[2] == "new-instance")
    if window is None:
        print(json.dumps({"handed_over": True}), flush=True)
        sys.exit(0)
    app = QApplication.instance()
    pending = b""

    def reply(**answer):
        print(json.dumps(answer), flush=True)

    def state():
        banner = window.findChild(QLabel, "storeBanner")
        reply(
            save_state=window.findChild(QLabel, "saveState").text(),
            banner=banner.text() if banner is not None and banner.isVisible() else "",
            read_only=window.parts.session.read_only,
            status=window.statusBar().currentMessage(),
        )

    def edit(model_id, price):
        from llmcompare_gui.domain.table_columns import INPUT

        table = window.parts.table
        index = table.index(table.row_of(model_id), table.column_of(INPUT))
        reply(accepted=table.setData(index, float(price)))

    def command(line):
        words = line.split()
        if words[0] == "state":
            state()
        elif words[0] == "edit":
            edit(*words[1:])
        elif words[0] == "quit":
            window.close()
            app.quit()

    def readable():
        global pending
        chunk = os.read(sys.stdin.fileno(), 4096)
        if not chunk:
            app.quit()
            return
        pending += chunk
        while b"\\n" in pending:
            line, pending = pending.split(b"\\n", 1)
            command(line.decode())

    def wait_until_loaded():
        if not window.has_store:
            QTimer.singleShot(20, wait_until_loaded)
            return
        reply(ready=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(readable)
    wait_until_loaded()
    app.exec()
    reply(closed=True)
    """
)


class Instance:
    def __init__(self, data_dir: Path, how: str = "launch", expect: str = "ready") -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        self.process = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(data_dir), how],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.read() == {expect: True}

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"the instance ended (exit {self.process.poll()})"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def ask(self, command: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.read()

    def wait_saved(self, timeout: float = 20) -> None:
        """Until the window reports the edit saved (its autosave runs shortly after an edit)."""
        deadline = time.monotonic() + timeout
        while (state := self.ask("state"))["save_state"] != SAVED:
            assert time.monotonic() < deadline, f"never saved: {state}"
            time.sleep(0.05)

    def quit(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        assert self.read() == {"closed": True}
        assert self.process.wait(timeout=30) == 0
        self.close_pipes()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.close_pipes()

    def close_pipes(self) -> None:
        for pipe in (self.process.stdin, self.process.stdout, self.process.stderr):
            if pipe is not None:
                pipe.close()


def stored_price(data_dir: Path, model_id: str) -> float:
    store = load_store(data_dir / "models.json")
    model = store.model(model_id)
    assert model is not None
    return model.pricing.input_per_mtok


def test_two_processes_on_one_store_lose_no_saved_edit(data_dir: Path) -> None:
    first = Instance(data_dir)
    second: Instance | None = None
    try:
        assert first.ask("state")["read_only"] is False
        model_id = load_store(data_dir / "models.json").models[0].id
        assert first.ask(f"edit {model_id} 1.25") == {"accepted": True}
        first.wait_saved()

        # A plain second launch raises the first window instead of opening another.
        handed_over = Instance(data_dir, expect="handed_over")
        assert handed_over.process.wait(timeout=30) == 0
        assert handed_over.process.stderr is not None
        assert "already running" in handed_over.process.stderr.read()
        handed_over.close_pipes()

        # One asked for with --new-instance loads the store as saved so far, read-only;
        # then the first keeps editing.
        second = Instance(data_dir, "new-instance")
        state = second.ask("state")
        assert state["read_only"] is True
        assert "another llmcompare-gui window has this store open" in state["banner"]
        assert "read-only" in state["banner"]
        assert state["save_state"].startswith("Read-only")

        saved = []
        for step in range(4):
            price = 2.5 + step
            assert first.ask(f"edit {model_id} {price}") == {"accepted": True}
            first.wait_saved()
            saved.append(price)
            assert stored_price(data_dir, model_id) == price
            # The second refuses edits, and says so.
            assert second.ask(f"edit {model_id} 99") == {"accepted": False}
            assert "read-only" in second.ask("state")["status"]

        # Closing the second (it holds the older data) writes nothing.
        before = (data_dir / "models.json").read_bytes()
        second.quit()
        second = None
        assert (data_dir / "models.json").read_bytes() == before
        assert stored_price(data_dir, model_id) == saved[-1]

        # The first dies without closing: every edit it reported saved is on disk.
        first.kill()
        assert stored_price(data_dir, model_id) == saved[-1]
        # ...and its lock went with it: the next instance may write.
        session = StoreSession.open(resolve_paths(data_dir))
        try:
            assert not session.read_only
        finally:
            session.close()
    finally:
        for instance in (first, second):
            if instance is not None and instance.process.poll() is None:
                instance.kill()
