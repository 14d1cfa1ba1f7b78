"""Edit → Sources… and Edit → Exchange Rates… (edited and imported, undoable, refused when bad)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.currency import RatesFileError, parse_rates_csv
from llmcompare_gui.domain.model import Model
from llmcompare_gui.store.jsonstore import default_store
from llmcompare_gui.ui.editing.rates_dialog import RatesDialog
from llmcompare_gui.ui.editing.sources_dialog import cited_sources, sources_html
from llmcompare_gui.ui.window.main_window import MainWindow

from .window_helpers import open_window, source_model, stored_models

pytestmark = pytest.mark.gui


def test_sources_of_kimi_k2_are_listed_with_what_they_back_and_web_links() -> None:
    k2 = default_store().model("kimi-k2")
    assert k2 is not None
    listed = {source.title: backs for source, backs in cited_sources(k2)}
    article = "Kimi K2 vs DeepSeek V3/R1 Architecture and Performance Metrics Unpacked"
    assert "current prices" in listed[article]
    assert "benchmark swe_bench_verified" in listed[article]
    assert listed["Moonshot AI Open Platform: pricing of the kimi-k2 models"] == [
        "prices from 2025-07-11",
        "the model",
    ]
    text = sources_html(k2)
    assert '<a href="https://platform.moonshot.ai/docs/pricing/chat">' in text
    assert "retrieved 2026-11-29" in text


def test_only_http_addresses_become_links_and_data_text_is_escaped() -> None:
    model = Model.model_validate(
        {
            "id": "m",
            "name": "<script>alert(1)</script>",
            "pricing": {"input_per_mtok": 1, "output_per_mtok": 1},
            "sources": [
                {"title": "evil", "url": "javascript:alert(1)"},
                {"title": "local", "url": "file:///etc/passwd"},
                {"title": "<b>bold</b>", "url": "https://example.org/a?b=1&c=2"},
            ],
        }
    )
    text = sources_html(model)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert 'href="javascript' not in text
    assert 'href="file' not in text
    assert "javascript:alert(1) (not a web address)" in text
    assert '<a href="https://example.org/a?b=1&amp;c=2">&lt;b&gt;bold&lt;/b&gt;</a>' in text


def test_a_rates_csv_is_read_with_a_message_naming_the_line() -> None:
    assert parse_rates_csv("currency,rate\nEUR,0.9\ngbp, 0.8\n", "USD") == {
        "EUR": 0.9,
        "GBP": 0.8,
    }
    assert parse_rates_csv("\ufeffEUR,0.9\nUSD,1\n", "USD") == {"EUR": 0.9}
    assert parse_rates_csv('JPY,"1,000.5"\n', "USD") == {"JPY": 1000.5}
    for text, message in (
        ("currency,rate\nEUR,abc\n", "line 2: 'abc' is not a number"),
        ("EUR,0.9,1\n", "line 1: expected two columns"),
        ("EURO,0.9\n", "line 1: 'EURO' is not a currency code"),
        ("EUR,-1\n", "line 1: '-1': a rate must be a positive number"),
        ("EUR,0,9\n", "line 1: expected two columns"),
        ('EUR,"0,9"\n', "line 1: '0,9': write decimals with a point"),
        ("EUR,0.9\nEUR,0.8\n", "line 2: EUR is given twice"),
        ("USD,2\n", "line 1: the store's own currency USD is 1"),
        ("currency,rate\n", "no rates found"),
    ):
        with pytest.raises(RatesFileError, match=message):
            parse_rates_csv(text, "USD")


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    return open_window(qtbot, data_dir)


def rates_dialog(window: MainWindow) -> RatesDialog:
    window.rates_action.trigger()
    dialog = window.parts.provenance.last_dialog
    assert isinstance(dialog, RatesDialog)
    return dialog


def stored_rates(data_dir: Path) -> dict[str, float]:
    data = json.loads((data_dir / "models.json").read_text(encoding="utf-8"))
    return dict(data["exchange_rates"]["rates"])


def test_rates_edited_in_the_dialog_are_saved_and_undone_in_one_step(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    dialog = rates_dialog(window)
    assert dialog.table.item(0, 0).text() == "CNY"
    dialog.table.item(0, 1).setText("7.5")
    dialog.as_of.setText("2026-12-01")
    dialog.accept()
    qtbot.waitUntil(lambda: stored_rates(data_dir)["CNY"] == 7.5, timeout=3000)
    window.parts.undo_stack.undo()
    qtbot.waitUntil(lambda: stored_rates(data_dir)["CNY"] == 7.1, timeout=3000)
    assert window.current_comparison().store.exchange_rates.as_of == "2026-12-02"


def test_rates_imported_from_csv_join_the_table_and_bad_files_change_nothing(
    qtbot: QtBot, window: MainWindow, data_dir: Path, tmp_path: Path
) -> None:
    dialog = rates_dialog(window)
    bad = tmp_path / "bad.csv"
    bad.write_text("currency,rate\nGBP,lots\n", encoding="utf-8")
    assert not dialog.import_csv(bad)
    assert dialog.error.text() == "bad.csv: line 2: 'lots' is not a number"
    assert dialog.table.rowCount() == 2  # CNY and EUR, as before
    good = tmp_path / "rates.csv"
    good.write_text("currency,rate\nGBP,0.79\nEUR,0.9\n", encoding="utf-8")
    assert dialog.import_csv(good)
    dialog.accept()
    qtbot.waitUntil(
        lambda: stored_rates(data_dir) == {"CNY": 7.1, "EUR": 0.9, "GBP": 0.79}, timeout=3000
    )


def test_removing_a_rate_a_card_needs_is_refused_and_says_why(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    # Kimi K2's yuan listing is a history point; its current card is in dollars: give the
    # store a yuan card first, through the table (an undoable edit).
    table = source_model(window)
    before = table.store.model("kimi-k2")
    after = before.model_copy(
        update={"pricing": before.pricing.model_copy(update={"currency": "CNY"})}
    )
    table.editor(before, after, "Yuan card")
    dialog = rates_dialog(window)
    dialog.table.selectRow(0)  # CNY
    dialog.table.removeRow(0)
    messages: list[str] = []
    window.parts.provenance.message.connect(messages.append)
    assert not window.parts.provenance.apply_rates(dialog)
    assert "CNY" in messages[-1]
    assert table.store.exchange_rates.rates["CNY"] == 7.1
    assert stored_models(data_dir)  # the store file is still there and readable
