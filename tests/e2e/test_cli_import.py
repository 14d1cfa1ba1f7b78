"""`llmcompare-gui import` as a user runs it: a subprocess of the installed command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .installed import run_installed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LITELLM = FIXTURES / "litellm_model_prices-2025-11-01.json"


run = run_installed


def test_import_litellm_then_again_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run("import", LITELLM, "--data-dir", data)
    assert first.returncode == 0, first.stderr
    assert "added" in first.stdout
    assert "skipped" in first.stdout
    store = json.loads((data / "models.json").read_text(encoding="utf-8"))
    ids = {m["id"] for m in store["models"]}
    assert {"kimi-k2", "azure_ai/deepseek-r1", "gpt-4o"} <= ids
    assert (data / "models.json.bak").is_file()
    assert list((data / "backups").glob("*before-import*"))
    before = (data / "models.json").read_bytes()
    second = run("import", LITELLM, "--data-dir", data)
    assert second.returncode == 0, second.stderr
    assert "0 added" in second.stdout
    assert "0 updated" in second.stdout
    assert (data / "models.json").read_bytes() == before


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run("import", LITELLM, "--dry-run", "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert "would be added" in result.stdout
    assert not data.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"a": ', "line 1, column 7"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"id,name\nx,y\n", "input_per_mtok"),
        (b"[" * 100_000, "nested too deeply"),
        (b"id;name;input_per_mtok;output_per_mtok\nx;X;0,5;1\ny;Y;1;z\n", "2 bad lines"),
    ],
)
def test_unreadable_import_file_exits_4_and_leaves_the_store(
    tmp_path: Path, content: bytes, message: str
) -> None:
    data = tmp_path / "data"
    assert run("import", LITELLM, "--data-dir", data).returncode == 0
    before = (data / "models.json").read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run("import", bad, "--data-dir", data)
    assert result.returncode == 4
    assert str(bad) in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert (data / "models.json").read_bytes() == before


def test_missing_file_exits_4(tmp_path: Path) -> None:
    result = run("import", tmp_path / "nope.json", "--data-dir", tmp_path / "data")
    assert result.returncode == 4
    assert "nope.json" in result.stderr


def test_broken_store_exits_3_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "models.json").write_text('{"models": [', encoding="utf-8")
    result = run("import", LITELLM, "--data-dir", data)
    assert result.returncode == 3
    assert "models.json" in result.stderr
    assert "line 1" in result.stderr
    assert (data / "models.json").read_text(encoding="utf-8") == '{"models": ['


def test_bad_format_argument_exits_2(tmp_path: Path) -> None:
    result = run("import", LITELLM, "--format", "yaml", "--data-dir", tmp_path)
    assert result.returncode == 2


def test_litellm_entries_with_bad_prices_are_skipped_and_listed(tmp_path: Path) -> None:
    raw = json.loads(LITELLM.read_text(encoding="utf-8"))
    raw["broken/nan"] = {"mode": "chat", "input_cost_per_token": float("nan")}
    raw["broken/negative"] = {"mode": "chat", "output_cost_per_token": -1e-6}
    source = tmp_path / "prices.json"
    source.write_text(json.dumps(raw), encoding="utf-8")
    data = tmp_path / "data"
    result = run("import", source, "--data-dir", data)
    assert result.returncode == 0, result.stderr
    assert "  2 × invalid price" in result.stdout.splitlines()
    assert "    broken/nan: $['broken/nan'].input_cost_per_token: nan is not a finite price" in (
        result.stdout.splitlines()
    )
    store = json.loads((data / "models.json").read_text(encoding="utf-8"))
    ids = {m["id"] for m in store["models"]}
    assert "gpt-4o" in ids
    assert not {"broken/nan", "broken/negative"} & ids


def test_import_saves_even_when_the_reader_of_its_summary_goes_away(tmp_path: Path) -> None:
    """`llmcompare-gui import FILE | head -1`: the pipe closes early, the import still lands."""
    import subprocess

    from .installed import ENTRY_POINT

    data = tmp_path / "data"
    # A reader that closes its end before the import prints anything.
    reader_gone = subprocess.Popen(
        [str(ENTRY_POINT), "import", str(LITELLM), "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader_gone.stdout is not None
    reader_gone.stdout.close()
    _, stderr = reader_gone.communicate(timeout=120)
    assert reader_gone.returncode == 0, stderr
    store = json.loads((data / "models.json").read_text(encoding="utf-8"))
    assert "gpt-4o" in {m["id"] for m in store["models"]}
