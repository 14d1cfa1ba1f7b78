"""The scenario flags of CONTRACT §4 on schema-2 cards, through the installed command.

Every expected figure is worked out by hand from the card of CONTRACT §2 and
the formula of §3, written beside it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from .installed import run_installed

pytestmark = pytest.mark.e2e

# The card of CONTRACT §2.
CONTRACT_CARD = {
    "input_per_mtok": 1.25,
    "output_per_mtok": 10.0,
    "cached_input_per_mtok": 0.125,
    "cache_write_per_mtok": 1.5625,
    "cache_write_1h_per_mtok": 2.5,
    "reasoning_per_mtok": None,
    "per_request": 0.0,
    "currency": "USD",
    "tiers": [
        {
            "above_prompt_tokens": 200000,
            "input_per_mtok": 2.5,
            "output_per_mtok": 15.0,
            "cached_input_per_mtok": 0.25,
        }
    ],
    "service_tiers": {
        "batch": {"input_per_mtok": 0.625, "output_per_mtok": 5.0},
        "flex": {},
        "priority": {"input_per_mtok": 2.5, "output_per_mtok": 20.0},
    },
    "off_peak": {
        "input_per_mtok": 0.135,
        "output_per_mtok": 0.55,
        "cached_input_per_mtok": 0.035,
        "windows": [{"days": [1, 2, 3, 4, 5, 6, 7], "start_utc": "16:30", "end_utc": "00:30"}],
    },
}
FLAGS = (
    "--input-tokens",
    "--output-tokens",
    "--cached-share",
    "--cache-write-share",
    "--cache-ttl",
    "--prompt-tokens",
    "--service-tier",
    "--off-peak-share",
    "--reasoning-overhead",
    "--currency",
    "--width",
    "--height",
)


def write_store(folder: Path, models: list[dict[str, Any]], **top: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "models.json"
    path.write_text(
        json.dumps({"schema_version": 2, "models": models, **top}, indent=2), encoding="utf-8"
    )
    return path


def card_store(folder: Path) -> Path:
    return write_store(
        folder,
        [
            {"id": "card", "name": "Contract card", "pricing": CONTRACT_CARD},
            {
                "id": "fee",
                "name": "Fee model",
                "pricing": {"input_per_mtok": 1.0, "output_per_mtok": 1.0, "per_request": 0.01},
            },
        ],
        exchange_rates={"as_of": "2026-11-01", "source": "test", "rates": {"EUR": 0.86}},
    )


def export_rows(tmp_path: Path, data_dir: Path, *args: str) -> list[dict[str, str]]:
    out = tmp_path / "cost.csv"
    result = run_installed("export", "--chart", "cost", "--out", out, "--data-dir", data_dir, *args)
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))


def row_of(rows: list[dict[str, str]], model_id: str) -> dict[str, str]:
    return next(row for row in rows if row["model_id"] == model_id)


def test_help_states_every_default() -> None:
    usage = run_installed("export", "--help").stdout
    options = usage[usage.index("options:") : usage.index("charts:")]
    # One entry per option: its first line starts with two spaces and a dash.
    entries = {
        entry.split()[0]: " ".join(entry.split())
        for entry in re.split(r"\n(?=  -)", options)
        if entry.startswith("  -")
    }
    for flag in FLAGS:
        assert "(default:" in entries[flag], entries[flag]
    assert "(default: 10K)" in entries["--prompt-tokens"]
    assert "prompt-size" in usage


def test_long_context_tier_with_one_hour_cache_writes(tmp_path: Path) -> None:
    rows = export_rows(
        tmp_path,
        card_store(tmp_path / "data").parent,
        "--input-tokens", "100M", "--output-tokens", "10M", "--cached-share", "40%",
        "--cache-write-share", "0.2", "--cache-ttl", "1h", "--prompt-tokens", "250K",
    )  # fmt: skip
    card = row_of(rows, "card")
    # 40M fresh × $2.50, 40M read × $0.25, 20M written × $2.50 (the card's 1-hour
    # price: the tier gives none), 10M output × $15
    assert [float(card[k]) for k in ("input_cost", "cached_input_cost", "cache_write_cost")] == [
        100.0,
        10.0,
        50.0,
    ]
    assert float(card["output_cost"]) == 150.0
    assert float(card["total_cost"]) == pytest.approx(310.0)
    assert card["note"] == "prompt 250K > 200K: whole request at the long-context rates"


def test_batch_service_tier_and_request_fees(tmp_path: Path) -> None:
    rows = export_rows(
        tmp_path,
        card_store(tmp_path / "data").parent,
        "--input-tokens", "100M", "--output-tokens", "10M", "--cached-share", "0.4",
        "--cache-write-share", "0.2", "--service-tier", "batch",
    )  # fmt: skip
    card = row_of(rows, "card")
    # batch: 40M × $0.625 + 40M × $0.125 (card's cached) + 20M × $1.5625 + 10M × $5
    assert float(card["total_cost"]) == pytest.approx(25.0 + 5.0 + 31.25 + 50.0)
    assert card["note"] == ""
    fee = row_of(rows, "fee")
    # 100M input / 10K per request = 10,000 requests × $0.01; the fee model has no batch tier
    assert float(fee["request_cost"]) == pytest.approx(100.0)
    assert float(fee["total_cost"]) == pytest.approx(40 + 40 * 1.0 + 20 * 1.0 + 10 + 100)
    assert fee["note"] == "no batch price: standard prices"
    assert [row["model_id"] for row in rows] == ["card", "fee"]  # cheapest first


def test_off_peak_share(tmp_path: Path) -> None:
    rows = export_rows(
        tmp_path,
        card_store(tmp_path / "data").parent,
        "--input-tokens", "100M", "--output-tokens", "10M", "--cached-share", "0.4",
        "--off-peak-share", "30%",
    )  # fmt: skip
    card = row_of(rows, "card")
    # peak 60 × 1.25 + 40 × 0.125 + 10 × 10 = 180; off-peak 60 × 0.135 + 40 × 0.035 + 10 × 0.55 = 15
    assert float(card["total_cost"]) == pytest.approx(0.7 * 180 + 0.3 * 15)
    assert card["note"] == "30 % off-peak"
    parts = sum(
        float(card[k])
        for k in (
            "input_cost",
            "cached_input_cost",
            "cache_write_cost",
            "output_cost",
            "reasoning_cost",
            "request_cost",
        )
    )
    assert parts == pytest.approx(float(card["total_cost"]))


def test_currency_converts_with_the_store_rates(tmp_path: Path) -> None:
    rows = export_rows(
        tmp_path,
        card_store(tmp_path / "data").parent,
        "--input-tokens", "1M", "--output-tokens", "1M", "--prompt-tokens", "1M",
        "--currency", "eur", "--models", "fee",
    )  # fmt: skip
    # 1M × $1 + 1M × $1 + 1 request × $0.01 = $2.01, at 0.86 EUR per USD
    assert float(rows[0]["total_cost"]) == pytest.approx(2.01 * 0.86)
    assert rows[0]["currency"] == "EUR"


def test_prompt_size_csv_has_the_cliff(tmp_path: Path) -> None:
    data_dir = card_store(tmp_path / "data").parent
    out = tmp_path / "prompt.csv"
    result = run_installed(
        "export", "--chart", "prompt-size", "--out", out, "--data-dir", data_dir,
        "--input-tokens", "100M", "--output-tokens", "10M", "--models", "card",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == ["model_id", "model", "prompt_tokens", "total_cost", "currency"]
    by_size = {float(row["prompt_tokens"]): float(row["total_cost"]) for row in rows}
    # 100M × $1.25 + 10M × $10 up to 200K; 100M × $2.50 + 10M × $15 above
    assert by_size[200_000] == pytest.approx(225.0)
    assert by_size[200_001] == pytest.approx(400.0)


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (("--cached-share", "0.7", "--cache-write-share", "0.4"), "--cache-write-share"),
        (("--prompt-tokens", "0"), "--prompt-tokens"),
        (("--service-tier", "turbo"), "--service-tier"),
        (("--off-peak-share", "1.5"), "--off-peak-share"),
        (("--reasoning-overhead", "0.5"), "--reasoning-overhead"),
        (("--cache-ttl", "2h"), "--cache-ttl"),
        (("--currency", "GBP"), "--currency"),
        (("--currency", "euros"), "--currency"),
    ],
    ids=["c+w>1", "zero prompt", "tier", "share", "overhead", "ttl", "no rate", "not a code"],
)
def test_bad_values_exit_2_naming_the_flag(
    tmp_path: Path, args: tuple[str, ...], flag: str
) -> None:
    data_dir = card_store(tmp_path / "data").parent
    out = tmp_path / "out.csv"
    result = run_installed("export", "--chart", "cost", "--out", out, "--data-dir", data_dir, *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert flag in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_schema_1_store_prices_as_before_and_is_not_rewritten(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = data_dir / "models.json"
    raw = json.dumps(
        {
            "schema_version": 1,
            "currency": "USD",
            "models": [
                {
                    "id": "kimi-k2",
                    "name": "Kimi K2",
                    "pricing": {
                        "input_per_mtok": 0.6,
                        "output_per_mtok": 2.5,
                        "cached_input_per_mtok": 0.15,
                    },
                }
            ],
        }
    ).encode()
    path.write_bytes(raw)
    rows = export_rows(
        tmp_path,
        data_dir,
        "--input-tokens",
        "1B",
        "--output-tokens",
        "100M",
        "--cached-share",
        "0.4",
    )
    # (600M × 0.6 + 400M × 0.15 + 100M × 2.5) / 1e6
    assert float(rows[0]["total_cost"]) == 360.0 + 60.0 + 250.0
    assert path.read_bytes() == raw
