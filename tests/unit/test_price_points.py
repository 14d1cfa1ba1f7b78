"""The price point in force on a date, and a card that never mixes two sources."""

from __future__ import annotations

import datetime as dt

import pytest

from llmcompare_gui.domain.model import Model
from llmcompare_gui.domain.price_points import (
    is_stale,
    models_on,
    option_on,
    parse_date,
    price_options,
    priced_on,
    priced_with,
)
from llmcompare_gui.store.jsonstore import default_store


def model(pricing: dict[str, object]) -> Model:
    return Model.model_validate({"id": "m", "name": "M", "pricing": pricing})


def card(effective: str | None, price: float, title: str) -> dict[str, object]:
    point: dict[str, object] = {
        "input_per_mtok": price,
        "output_per_mtok": price * 4,
        "source": {"title": title},
    }
    if effective:
        point["effective"] = effective
    return point


def three_points() -> Model:
    return model(
        {
            **card("2026-01-10", 3.0, "current"),
            "cached_input_per_mtok": 0.3,
            "history": [card("2025-06-01", 2.0, "second"), card("2025-01-01", 1.0, "first")],
        }
    )


def test_options_are_listed_oldest_first_whatever_the_stored_order() -> None:
    titles = [option.source_title for option in price_options(three_points())]
    assert titles == ["first", "second", "current"]


def test_each_option_carries_its_points_fields_and_the_current_card_no_note() -> None:
    history_point = {
        **card("2025-06-01", 2.0, "old"),
        "label": "Batch list",
        "cached_input_per_mtok": 0.5,
        "currency": "EUR",
        "note": "from the archive",
        "alternative": True,
    }
    current_card = {**card("2026-01-10", 3.0, "current"), "label": "API", "note": "checked"}
    old, current = price_options(model({**current_card, "history": [history_point]}))
    assert (old.position, old.effective, old.label, old.source_title) == (
        0,
        "2025-06-01",
        "Batch list",
        "old",
    )
    assert (old.input_per_mtok, old.output_per_mtok, old.cached_input_per_mtok) == (2.0, 8.0, 0.5)
    assert (old.currency, old.note, old.alternative) == ("EUR", "from the archive", True)
    assert (current.position, current.effective, current.label, current.source_title) == (
        -1,
        "2026-01-10",
        "API",
        "current",
    )
    assert (current.input_per_mtok, current.output_per_mtok) == (3.0, 12.0)
    assert (current.cached_input_per_mtok, current.currency) == (None, None)
    assert (current.note, current.alternative) == (None, False)


@pytest.mark.parametrize(
    ("day", "title"),
    [
        (dt.date(2024, 12, 31), "first"),  # before every point: the earliest one known
        (dt.date(2025, 1, 1), "first"),  # a point applies from its own day
        (dt.date(2025, 5, 31), "first"),
        (dt.date(2025, 6, 1), "second"),
        (dt.date(2026, 1, 9), "second"),
        (dt.date(2026, 1, 10), "current"),
        (dt.date(2030, 1, 1), "current"),
    ],
)
def test_the_point_in_force_is_the_last_to_start_on_or_before_the_day(
    day: dt.date, title: str
) -> None:
    assert option_on(three_points(), day).source_title == title


def test_an_undated_current_card_follows_every_dated_point() -> None:
    undated = model({**card(None, 3.0, "current"), "history": [card("2025-06-01", 2.0, "old")]})
    assert option_on(undated, dt.date(2025, 5, 1)).source_title == "old"
    assert option_on(undated, dt.date(2025, 6, 1)).source_title == "current"


def test_a_card_from_history_takes_every_field_from_that_point_alone() -> None:
    base = three_points()
    priced = priced_on(base, dt.date(2025, 7, 1))
    pricing = priced.pricing
    assert (pricing.input_per_mtok, pricing.output_per_mtok) == (2.0, 8.0)
    # The current card's cached price ($0.30) belongs to another source: not carried over.
    assert pricing.cached_input_per_mtok is None
    assert pricing.source is not None
    assert pricing.source.title == "second"
    assert pricing.effective == "2025-06-01"
    # The rest of the model, and the history itself, are unchanged.
    assert pricing.history == base.pricing.history
    assert priced.name == base.name


def test_no_date_means_the_current_cards_unchanged() -> None:
    models = [three_points()]
    assert models_on(models, None)[0] is models[0]
    assert priced_with(models[0], -1) is models[0]


def test_store_dates_of_year_or_month_start_on_their_first_day() -> None:
    assert parse_date("2025") == dt.date(2025, 1, 1)
    assert parse_date("2025-09") == dt.date(2025, 9, 1)
    assert parse_date("2025-09-05") == dt.date(2025, 9, 5)


def test_a_point_older_than_six_months_is_stale() -> None:
    today = dt.date(2026, 12, 2)
    assert is_stale("2025-09-05", today)
    assert is_stale("2026-05-31", today)  # 185 days
    assert not is_stale("2026-06-02", today)  # 183 days
    assert not is_stale("2026-11-29", today)
    assert not is_stale(None, today)


def test_bundled_v3_1_a_day_before_the_vendor_card_is_priced_with_the_earlier_point() -> None:
    store = default_store()
    v31 = store.model("deepseek-v3.1")
    assert v31 is not None
    # The current card is the article's: $0.55 / $1.66, no cached price.
    assert (v31.pricing.input_per_mtok, v31.pricing.output_per_mtok) == (0.55, 1.66)
    assert v31.pricing.cached_input_per_mtok is None
    on_vendor_day = priced_on(v31, dt.date(2025, 9, 5)).pricing
    assert (on_vendor_day.input_per_mtok, on_vendor_day.output_per_mtok) == (0.56, 1.68)
    assert on_vendor_day.cached_input_per_mtok == 0.07
    day_before = priced_on(v31, dt.date(2025, 9, 4)).pricing
    assert (day_before.input_per_mtok, day_before.output_per_mtok) == (0.27, 1.1)
    assert day_before.effective == "2025-08-21"
