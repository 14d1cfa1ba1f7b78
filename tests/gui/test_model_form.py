"""The add / edit model form: round trips, preserving what it does not show, validation."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.model import Model, Store
from llmcompare_gui.domain.price_points import priced_with
from llmcompare_gui.store.jsonstore import default_store
from llmcompare_gui.ui.editing.model_form import ModelFormDialog

pytestmark = pytest.mark.gui

REFERENCE_IDS = ["kimi-k2", "deepseek-v3.1", "deepseek-v3-r1"]


@pytest.fixture
def store() -> Store:
    return default_store()


def make_form(qtbot: QtBot, store: Store, model_id: str | None = None) -> ModelFormDialog:
    model = store.model(model_id) if model_id is not None else None
    dialog = ModelFormDialog(store, model)
    qtbot.addWidget(dialog)
    return dialog


def line(dialog: ModelFormDialog, name: str) -> QLineEdit:
    found = dialog.findChild(QLineEdit, name)
    assert isinstance(found, QLineEdit), name
    return found


def table(dialog: ModelFormDialog, name: str) -> QTableWidget:
    found = dialog.findChild(QTableWidget, name)
    assert isinstance(found, QTableWidget), name
    return found


def combo(dialog: ModelFormDialog, name: str) -> QComboBox:
    found = dialog.findChild(QComboBox, name)
    assert isinstance(found, QComboBox), name
    return found


def button(dialog: ModelFormDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert isinstance(found, QPushButton), name
    return found


def dump(model: Model) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_unset=True)


def row_of(grid: QTableWidget, text: str) -> int:
    for row in range(grid.rowCount()):
        item = grid.item(row, 0)
        if item is not None and item.text().startswith(text):
            return row
    raise AssertionError(f"no row {text!r}")


@pytest.mark.parametrize("model_id", REFERENCE_IDS)
def test_reference_models_round_trip_unchanged(qtbot: QtBot, store: Store, model_id: str) -> None:
    original = store.model(model_id)
    assert original is not None
    before = dump(original)
    dialog = make_form(qtbot, store, model_id)
    result = dialog.result_model()
    assert result == original
    assert dump(result) == before
    assert json.dumps(dump(result)) == json.dumps(before), "same key order"
    assert result.model_fields_set == original.model_fields_set
    assert dump(original) == before, "the original is not modified"


def test_fields_are_shown(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    assert line(dialog, "idEdit").text() == "kimi-k2"
    assert line(dialog, "nameEdit").text() == "Kimi K2"
    assert line(dialog, "vendorEdit").text() == "Moonshot AI"
    assert combo(dialog, "openWeightsCombo").currentText() == "yes"
    assert combo(dialog, "kindCombo").currentData() == "moe"
    assert line(dialog, "totalParamsEdit").text() == "1000"
    assert line(dialog, "contextWindowEdit").text() == "262144"
    assert line(dialog, "inputPriceEdit").text() == "0.6"
    # The current card is the article's, which gives no cached price.
    assert line(dialog, "cachedPriceEdit").text() == ""
    assert line(dialog, "outputPriceEdit").text() == "2.5"
    assert line(dialog, "primaryFocusEdit").text() == "Coding Assistance & Agents"
    benchmarks = table(dialog, "benchmarksTable")
    assert benchmarks.rowCount() == len(store.benchmarks)
    swe = row_of(benchmarks, "SWE-Bench Verified")
    assert benchmarks.item(swe, 1).text() == "65.8"
    aime = row_of(benchmarks, "AIME")
    assert benchmarks.item(aime, 2).text() == "Higher than DeepSeek V3"
    modes = table(dialog, "modesTable")
    assert modes.item(0, 0).text() == "heavy"
    assert table(dialog, "sourcesTable").rowCount() == 3  # the article, the vendor pages (USD, CNY)
    notes = dialog.findChild(QPlainTextEdit, "notesEdit")
    assert isinstance(notes, QPlainTextEdit)
    assert notes.toPlainText().startswith("Low latency")


def store_with_extras() -> Store:
    data = json.loads(default_store().model_dump_json(exclude_unset=True))
    kimi = data["models"][0]
    kimi["x_internal_rank"] = 3
    kimi["pricing"]["x_billing_unit"] = "per-call"
    kimi["architecture"]["total_params_b"]["x_estimate"] = False
    kimi["benchmarks"]["swe_bench_verified"]["x_harness"] = "openhands"
    kimi["sources"][0]["x_archived"] = "https://web.archive.org/…"
    kimi["modes"][0]["x_flag"] = {"nested": [1, 2]}
    return Store.model_validate(data)


def test_editing_a_price_changes_only_that(qtbot: QtBot) -> None:
    store = store_with_extras()
    original = store.model("kimi-k2")
    assert original is not None
    before = dump(original)
    dialog = make_form(qtbot, store, "kimi-k2")
    line(dialog, "inputPriceEdit").setText("0.55")
    result = dialog.result_model()
    today = dt.date.today().isoformat()
    expected = json.loads(json.dumps(before))
    pricing = expected["pricing"]
    pricing["input_per_mtok"] = 0.55
    # The edited price is the user's own, dated today; the article's card becomes history.
    pricing["as_of"] = today
    # In force from today; the article card's date and note go with it into the history.
    pricing["effective"] = today
    pricing.pop("note")
    pricing["source"] = {"title": "Edited by the user", "retrieved": today}
    pricing["history"].append(
        {
            "effective": "2026-11-29",
            "input_per_mtok": 0.6,
            "output_per_mtok": 2.5,
            "source": before["pricing"]["source"],
            "note": f"Price before an edit on {today}",
            "x_billing_unit": "per-call",  # the old card's own field goes with it
        }
    )
    assert dump(result) == expected
    assert result.pricing.history[:-1] == original.pricing.history
    assert result.model_extra == {"x_internal_rank": 3}
    assert result.pricing.model_extra == {"x_billing_unit": "per-call"}
    assert dump(original) == before


def test_editing_figures_keeps_their_sources_and_notes(qtbot: QtBot) -> None:
    store = store_with_extras()
    dialog = make_form(qtbot, store, "kimi-k2")
    line(dialog, "totalParamsEdit").setText("1040")
    line(dialog, "contextWindowEdit").setText("128K")
    benchmarks = table(dialog, "benchmarksTable")
    benchmarks.item(row_of(benchmarks, "SWE-Bench Verified"), 1).setText("66.1")
    result = dialog.result_model()
    arch = result.architecture
    assert arch is not None
    assert arch.total_params_b is not None
    assert arch.context_window is not None
    assert arch.total_params_b.value == 1040
    assert arch.total_params_b.note == "1 trillion"
    assert arch.total_params_b.source is not None
    assert arch.total_params_b.model_extra == {"x_estimate": False}
    assert arch.context_window.value == 128_000
    assert arch.context_window.note == "256K in heavy mode"
    swe = result.benchmarks["swe_bench_verified"]
    assert swe.score == 66.1
    assert swe.source is not None
    assert swe.model_extra == {"x_harness": "openhands"}
    assert result.modes[0].model_extra == {"x_flag": {"nested": [1, 2]}}
    assert result.sources[0].model_extra == {"x_archived": "https://web.archive.org/…"}


def test_clearing_the_cached_price_means_same_as_input(qtbot: QtBot, store: Store) -> None:
    # DeepSeek V3.1 priced with the vendor's 2025-09-05 card ($0.56, cached $0.07).
    vendor = [priced_with(m, 1) if m.id == "deepseek-v3.1" else m for m in store.models]
    store = store.model_copy(update={"models": vendor})
    dialog = make_form(qtbot, store, "deepseek-v3.1")
    assert line(dialog, "cachedPriceEdit").text() == "0.07"
    line(dialog, "cachedPriceEdit").setText("")
    result = dialog.result_model()
    assert result.pricing.cached_input_per_mtok is None
    assert result.pricing.effective_cached_input_per_mtok == 0.56
    # The cached price is now the input price: its own source no longer applies.
    assert result.pricing.cached_input_source is None
    assert result.pricing.source is not None
    assert result.pricing.source.title == "Edited by the user"


def test_clearing_and_setting_optional_fields(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "deepseek-v3-r1")
    line(dialog, "vendorEdit").setText("")
    line(dialog, "familyEdit").setText("DeepSeek V3")
    line(dialog, "releaseEdit").setText("2024-12")
    line(dialog, "totalParamsEdit").setText("")
    combo(dialog, "openWeightsCombo").setCurrentIndex(0)
    result = dialog.result_model()
    fields = result.model_fields_set
    assert "vendor" not in fields
    assert result.family == "DeepSeek V3"
    assert result.release == "2024-12"
    assert "open_weights" not in fields
    assert result.architecture is not None
    assert result.architecture.total_params_b is None
    assert result.architecture.active_params_b is not None


def test_benchmark_rows_need_a_score_or_a_note(qtbot: QtBot, store: Store) -> None:
    # DeepSeek V3.1 has a note on SWE-Bench and nothing on GPQA.
    dialog = make_form(qtbot, store, "deepseek-v3.1")
    benchmarks = table(dialog, "benchmarksTable")
    swe = row_of(benchmarks, "SWE-Bench Verified")
    benchmarks.item(swe, 2).setText("")
    gpqa = row_of(benchmarks, "GPQA")
    benchmarks.item(gpqa, 1).setText("48.5")
    result = dialog.result_model()
    assert "swe_bench_verified" not in result.benchmarks
    assert result.benchmarks["gpqa"].score == 48.5
    assert result.benchmarks["gpqa"].model_fields_set == {"score"}


def test_free_benchmark_ids_can_be_added(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    benchmarks = table(dialog, "benchmarksTable")
    rows = benchmarks.rowCount()
    button(dialog, "addBenchmarkButton").click()
    assert benchmarks.rowCount() == rows + 1
    benchmarks.item(rows, 0).setText("mmlu_pro")
    benchmarks.item(rows, 2).setText("Not reported")
    result = dialog.result_model()
    assert result.benchmarks["mmlu_pro"].note == "Not reported"
    assert result.benchmarks["mmlu_pro"].score is None
    assert list(result.benchmarks)[-1] == "mmlu_pro"


def test_modes_and_sources_can_be_added(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    button(dialog, "addModeButton").click()
    modes = table(dialog, "modesTable")
    modes.item(1, 0).setText("thinking")
    modes.item(1, 1).setCheckState(Qt.CheckState.Checked)
    button(dialog, "addSourceButton").click()
    sources = table(dialog, "sourcesTable")
    sources.item(1, 0).setText("Moonshot AI pricing")
    sources.item(1, 1).setText("https://platform.moonshot.ai/docs/pricing/chat")
    sources.item(1, 2).setText("2025-07-11")
    result = dialog.result_model()
    assert [m.name for m in result.modes] == ["heavy", "thinking"]
    assert result.modes[1].reasoning is True
    assert result.modes[1].model_fields_set == {"name", "reasoning"}
    assert result.modes[0].source is not None
    assert result.has_reasoning_mode
    assert result.sources[1].retrieved == "2025-07-11"
    assert result.sources[0].note is not None


def test_new_model_with_minimal_fields_sets_only_those(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store)
    line(dialog, "idEdit").setText("my-model")
    line(dialog, "nameEdit").setText("My model")
    line(dialog, "inputPriceEdit").setText("1")
    line(dialog, "outputPriceEdit").setText("2.5")
    result = dialog.result_model()
    assert dump(result) == {
        "id": "my-model",
        "name": "My model",
        "pricing": {"input_per_mtok": 1.0, "output_per_mtok": 2.5},
    }
    assert result.model_fields_set == {"id", "name", "pricing"}
    assert result.pricing.model_fields_set == {"input_per_mtok", "output_per_mtok"}


def test_new_model_with_more_fields(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store)
    line(dialog, "idEdit").setText("  gpt-x ")
    line(dialog, "nameEdit").setText("GPT X")
    line(dialog, "inputPriceEdit").setText("0")
    line(dialog, "outputPriceEdit").setText("0")
    line(dialog, "cachedPriceEdit").setText("")
    line(dialog, "attentionEdit").setText("GQA")
    combo(dialog, "kindCombo").setCurrentIndex(2)
    line(dialog, "contextWindowEdit").setText("1M")
    result = dialog.result_model()
    assert result.id == "gpt-x"
    assert dump(result)["architecture"] == {
        "kind": "dense",
        "attention": "GQA",
        "context_window": {"value": 1e6},
    }
    assert "cached_input_per_mtok" not in result.pricing.model_fields_set


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("inputPriceEdit", "-0.5", "Input price: '-0.5' is negative; a price must be 0 or more"),
        ("inputPriceEdit", "abc", "Input price: 'abc' is not a price"),
        ("inputPriceEdit", "1,5", "Input price: '1,5': write decimals with a point, e.g. 1.5"),
        ("inputPriceEdit", "EUR 1", "Input price: 'EUR 1': prices here are in USD, not EUR"),
        ("outputPriceEdit", "nan", "Output price: 'nan' is not a finite number"),
        ("cachedPriceEdit", "inf", "Cached input price: 'inf' is not a finite number"),
        ("outputPriceEdit", "", "Output price: required"),
        ("idEdit", "deepseek-v3.1", "Id: 'deepseek-v3.1' is already used"),
        ("idEdit", " ", "Id: required"),
        ("nameEdit", "", "Name: required"),
        ("releaseEdit", "2025-13", "Release: '2025-13' is not a date"),
        ("releaseEdit", "July 2025", "Release: 'July 2025' is not a date"),
        ("priceAsOfEdit", "2025-02-30", "Prices as of: '2025-02-30' is not a date"),
        ("totalParamsEdit", "0", "Total parameters: '0' must be greater than 0"),
        ("contextWindowEdit", "lots", "Context window: 'lots' is not a token volume"),
    ],
)
def test_invalid_inputs_name_the_field_and_change_nothing(
    qtbot: QtBot, store: Store, field: str, text: str, message: str
) -> None:
    original = store.model("kimi-k2")
    assert original is not None
    before = dump(original)
    dialog = make_form(qtbot, store, "kimi-k2")
    line(dialog, field).setText(text)
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(")):
        dialog.result_model()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.accepted_model() is None
    assert dialog.error_text().startswith(message)
    assert dump(original) == before
    assert [m.id for m in store.models] == REFERENCE_IDS


@pytest.mark.parametrize(
    ("text", "price"), [("$0.55", 0.55), ("1,000.50", 1000.5), (" 0.5 USD ", 0.5), ("5e-1", 0.5)]
)
def test_prices_are_read_by_the_one_parse_rule(
    qtbot: QtBot, store: Store, text: str, price: float
) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    line(dialog, "inputPriceEdit").setText(text)
    assert dialog.result_model().pricing.input_per_mtok == price


def _shown(dialog: ModelFormDialog) -> tuple[str, QWidget | None]:
    tabs = dialog.findChild(QTabWidget, "modelFormTabs")
    assert tabs is not None
    focused = dialog.focusWidget()
    assert focused is not None
    current = tabs.currentWidget()
    return tabs.tabText(tabs.currentIndex()), focused if current.isAncestorOf(focused) else None


@pytest.mark.parametrize(
    ("setup", "tab", "focused"),
    [
        (lambda d: line(d, "releaseEdit").setText("July"), "&General", "releaseEdit"),
        (lambda d: line(d, "outputPriceEdit").setText("x"), "&Pricing", "outputPriceEdit"),
        (
            lambda d: line(d, "contextWindowEdit").setText("x"),
            "&Architecture && modes",
            "contextWindowEdit",
        ),
        (
            lambda d: table(d, "sourcesTable").item(0, 2).setText("x"),
            "&Sources && notes",
            "sourcesTable",
        ),
        (
            lambda d: line(d, "offPeakInputEdit").setText("0.1"),
            "&Tiers && off-peak",
            "offPeakWindowsTable",
        ),
    ],
    ids=["general", "pricing", "architecture", "sources", "off-peak needs a window"],
)
def test_an_error_shows_the_tab_and_focuses_the_field_it_is_about(
    qtbot: QtBot, store: Store, setup: Any, tab: str, focused: str
) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    setup(dialog)
    dialog.accept()
    assert dialog.error_text()
    shown_tab, widget = _shown(dialog)
    assert shown_tab == tab
    assert widget is not None
    assert widget.objectName() == focused


def test_invalid_table_cells_name_the_row(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    benchmarks = table(dialog, "benchmarksTable")
    benchmarks.item(row_of(benchmarks, "SWE-Bench"), 1).setText("high")
    with pytest.raises(ValueError, match=r"^Benchmarks, SWE-Bench Verified, score: 'high'"):
        dialog.result_model()
    benchmarks.item(row_of(benchmarks, "SWE-Bench"), 1).setText("65.8")
    sources = table(dialog, "sourcesTable")
    sources.item(0, 2).setText("yesterday")
    with pytest.raises(ValueError, match=r"^Sources, row 1, retrieved: 'yesterday' is not a date"):
        dialog.result_model()
    sources.item(0, 2).setText("2026-11-29")
    modes = table(dialog, "modesTable")
    modes.item(0, 0).setText("")
    with pytest.raises(ValueError, match=r"^Modes, row 1: a mode needs a name"):
        dialog.result_model()


def test_renaming_the_id_is_allowed_when_unique(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    line(dialog, "idEdit").setText("kimi-k2-0711")
    assert dialog.result_model().id == "kimi-k2-0711"


def test_accept_with_valid_input_closes_with_the_model(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    line(dialog, "outputPriceEdit").setText("2.0")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    accepted = dialog.accepted_model()
    assert accepted is not None
    assert accepted.pricing.output_per_mtok == 2.0
    assert dialog.error_text() == ""


def test_ask_returns_the_model_on_ok_and_none_on_cancel(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_and_accept(self: ModelFormDialog) -> int:
        line(self, "nameEdit").setText("Kimi K2 (0905)")
        self.accept()
        return self.result()

    monkeypatch.setattr(ModelFormDialog, "exec", fill_and_accept)
    model = ModelFormDialog.ask(None, store, store.model("kimi-k2"))
    assert model is not None
    assert model.name == "Kimi K2 (0905)"
    assert model.id == "kimi-k2"

    monkeypatch.setattr(ModelFormDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert ModelFormDialog.ask(None, store) is None


def test_form_fits_a_1280_by_800_screen(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert hint.width() <= 1280
    assert hint.height() <= 760


def test_explicit_nulls_and_empty_lists_round_trip(qtbot: QtBot, store: Store) -> None:
    sparse = Model.model_validate(
        {
            "id": "sparse",
            "name": "Sparse",
            "vendor": None,
            "release": None,
            "architecture": None,
            "positioning": None,
            "open_weights": None,
            "modes": [],
            "sources": [],
            "benchmarks": {},
            "notes": None,
            "pricing": {"input_per_mtok": 1, "output_per_mtok": 2, "cached_input_per_mtok": None},
        }
    )
    store.models.append(sparse)
    dialog = make_form(qtbot, store, "sparse")
    result = dialog.result_model()
    assert dump(result) == dump(sparse)
    assert dump(result)["architecture"] is None
    assert dump(result)["pricing"]["cached_input_per_mtok"] is None


def test_a_model_from_the_contract_example_keeps_its_three_fields(
    qtbot: QtBot, store: Store
) -> None:
    bare = Model.model_validate(
        {
            "id": "kimi-k2-bare",
            "name": "Kimi K2",
            "pricing": {"input_per_mtok": 0.6, "output_per_mtok": 2.5},
        }
    )
    store.models.append(bare)
    dialog = make_form(qtbot, store, "kimi-k2-bare")
    line(dialog, "outputPriceEdit").setText("2.2")
    today = dt.date.today().isoformat()
    assert dump(dialog.result_model()) == {
        "id": "kimi-k2-bare",
        "name": "Kimi K2",
        "pricing": {
            "input_per_mtok": 0.6,
            "output_per_mtok": 2.2,
            "as_of": today,
            "effective": today,
            "source": {"title": "Edited by the user", "retrieved": today},
            "history": [
                {
                    "input_per_mtok": 0.6,
                    "output_per_mtok": 2.5,
                    "note": f"Price before an edit on {today}",
                }
            ],
        },
    }


def test_a_price_source_given_in_the_form_is_credited(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    line(dialog, "inputPriceEdit").setText("0.75")
    line(dialog, "priceSourceTitleEdit").setText("Moonshot price page, December")
    line(dialog, "priceSourceUrlEdit").setText("https://platform.moonshot.ai/docs/pricing/chat")
    result = dialog.result_model()
    today = dt.date.today().isoformat()
    assert result.pricing.source is not None
    assert result.pricing.source.model_dump(exclude_unset=True) == {
        "title": "Moonshot price page, December",
        "url": "https://platform.moonshot.ai/docs/pricing/chat",
        "retrieved": today,
    }
    assert result.pricing.as_of == today
    previous = result.pricing.history[-1]
    assert (previous.input_per_mtok, previous.source) == (
        0.6,
        store.model("kimi-k2").pricing.source,
    )


def test_a_source_url_without_a_title_is_refused(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    line(dialog, "priceSourceUrlEdit").setText("https://example.com")
    with pytest.raises(ValueError, match="Price source: a source with a URL needs a title"):
        dialog.result_model()


def test_a_new_model_gets_the_source_given(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store)
    line(dialog, "idEdit").setText("new-model")
    line(dialog, "nameEdit").setText("New Model")
    line(dialog, "inputPriceEdit").setText("1")
    line(dialog, "outputPriceEdit").setText("2")
    line(dialog, "priceSourceTitleEdit").setText("Vendor announcement")
    result = dialog.result_model()
    assert result.pricing.source is not None
    assert result.pricing.source.title == "Vendor announcement"
    assert result.pricing.history == []


def test_cached_above_input_is_accepted_with_a_warning(qtbot: QtBot, store: Store) -> None:
    dialog = make_form(qtbot, store, "kimi-k2")
    assert dialog.price_warning() == ""
    line(dialog, "cachedPriceEdit").setText("0.9")
    assert dialog.price_warning() == (
        "Note: the cached input price (0.9) is above the input price (0.6); "
        "cache reads are normally cheaper. It is accepted as entered."
    )
    assert dialog.result_model().pricing.cached_input_per_mtok == 0.9
    line(dialog, "cachedPriceEdit").setText("0.1")
    assert dialog.price_warning() == ""
