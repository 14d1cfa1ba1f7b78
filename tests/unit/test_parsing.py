"""The one rule set for typed text: numbers, prices, token volumes, shares and dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from llmcompare_gui.domain.formatting import token_volume
from llmcompare_gui.domain.parsing import (
    ParseError,
    check_store_date,
    date_start,
    parse_currency_code,
    parse_day,
    parse_number,
    parse_optional_price,
    parse_price,
    parse_rate,
    parse_share,
    parse_store_date,
    parse_token_volume,
    parse_utc_time,
    parse_weekdays,
)
from llmcompare_gui.domain.tokens import MAX_TOKEN_VOLUME, TokenVolumeError

# --- prices -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.60", 0.6),
        ("  0.60  ", 0.6),
        ("0", 0.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("+2", 2.0),
        ("1e-3", 0.001),
        ("1.25E2", 125.0),
        # A currency sign before or after: decoration only.
        ("$0.60", 0.6),
        ("$ 0.60", 0.6),
        ("€0.60", 0.6),
        ("0.60 €", 0.6),
        ("£2", 2.0),
        ("¥7", 7.0),
        ("₹80", 80.0),
        # The card's own code, either side, any case.
        ("CHF 0.60", 0.6),
        ("chf0.60", 0.6),
        ("0.60 CHF", 0.6),
        ("0.60chf", 0.6),
        # Thousands separators, in groups of three, one kind per number.
        ("1,000.50", 1000.5),
        ("123,456.7", 123456.7),
        ("CHF 1,234.56", 1234.56),
        ("1_000", 1000.0),
        ("1\u2009000.25", 1000.25),
        ("1\u202f000", 1000.0),
    ],
)
def test_a_price_is_read(text: str, value: float) -> None:
    assert parse_price(text, "Input price", currency="CHF") == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Input price: '' is empty; a price is needed here"),
        ("abc", "Input price: 'abc' is not a price"),
        ("1.2.3", "Input price: '1.2.3' is not a price"),
        ("0x10", "Input price: '0x10' is not a price"),
        ("-0.5", "Input price: '-0.5' is negative; a price must be 0 or more"),
        ("$-0.5", "Input price: '$-0.5' is negative; a price must be 0 or more"),
        ("inf", "Input price: 'inf' is not a finite number"),
        ("-Infinity", "Input price: '-Infinity' is not a finite number"),
        ("nan", "Input price: 'nan' is not a finite number"),
        ("1e400", "Input price: '1e400' is too large"),
        ("2000000", "Input price: '2000000' is too large; a price is at most 1,000,000"),
        # A decimal comma is refused, not guessed: 1.5 to some readers, 15 to others.
        ("1,5", "Input price: '1,5': write decimals with a point, e.g. 1.5"),
        ("0,60", "Input price: '0,60': write decimals with a point, e.g. 1.5"),
        ("$1,5", "Input price: '$1,5': write decimals with a point, e.g. 1.5"),
        ("1,0000", "Input price: '1,0000': group the digits in threes (1,000,000), one separator"),
        ("1_0", "Input price: '1_0': group the digits in threes (1,000,000), one separator"),
        (
            "1,000_000",
            "Input price: '1,000_000': group the digits in threes (1,000,000), one separator",
        ),
        ("1.000,50", "Input price: '1.000,50' is not a price"),
        ("0.60 EUR", "Input price: '0.60 EUR': prices here are in CHF, not EUR"),
        ("USD 0.60", "Input price: 'USD 0.60': prices here are in CHF, not USD"),
    ],
)
def test_a_price_is_refused_naming_the_field_and_the_text(text: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_price(text, "Input price", currency="CHF")
    assert str(caught.value) == message
    assert caught.value.field == "Input price"
    assert caught.value.text == text.strip()


def test_a_price_code_is_refused_where_the_currency_is_not_known() -> None:
    with pytest.raises(ParseError, match=r"^'0.6 USD': write the number without a currency code$"):
        parse_price("0.6 USD")


def test_a_price_without_a_field_quotes_only_the_text() -> None:
    with pytest.raises(ParseError) as caught:
        parse_price("cheap")
    assert str(caught.value) == "'cheap' is not a price"
    assert caught.value.field is None


def test_a_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="cheap"):
        parse_price("cheap")


@pytest.mark.parametrize(("value", "expected"), [(0.6, 0.6), (2, 2.0), (0, 0.0)])
def test_a_price_given_as_a_number_keeps_its_value(value: float, expected: float) -> None:
    assert parse_price(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1.0, "'-1.0' is negative; a price must be 0 or more"),
        (float("inf"), "'inf' is not a finite number"),
        (float("nan"), "'nan' is not a finite number"),
        (1e7, "'10000000.0' is too large; a price is at most 1,000,000"),
        (True, "'True' is not a price"),
    ],
)
def test_a_price_given_as_a_number_is_range_checked(value: float, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_price(value)
    assert str(caught.value) == message


def test_a_price_may_have_its_own_maximum() -> None:
    assert parse_price("500", maximum=500) == 500.0
    with pytest.raises(ParseError, match="at most 500"):
        parse_price("500.01", maximum=500)


@pytest.mark.parametrize("text", [None, "", "   "])
def test_an_empty_optional_price_is_none(text: str | None) -> None:
    assert parse_optional_price(text, "Cached input price") is None


def test_an_optional_price_is_otherwise_a_price() -> None:
    assert parse_optional_price("$0.15", "Cached input price") == 0.15
    with pytest.raises(ParseError, match=r"^Cached input price: '-1' is negative"):
        parse_optional_price("-1", "Cached input price")


# --- plain numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("1000", 1000.0), ("1,000", 1000.0), (" 65.8 ", 65.8), ("-3", -3.0), ("1e3", 1000.0)],
)
def test_a_number_is_read(text: str, value: float) -> None:
    assert parse_number(text, "Score") == value


@pytest.mark.parametrize(
    ("text", "kwargs", "message"),
    [
        ("", {}, "Score: '' is empty; a number is needed"),
        ("lots", {}, "Score: 'lots' is not a number"),
        ("65,8", {}, "Score: '65,8': write decimals with a point, e.g. 1.5"),
        ("nan", {}, "Score: 'nan' is not a finite number"),
        ("-1", {"minimum": 0}, "Score: '-1' cannot be negative"),
        ("0.5", {"minimum": 1}, "Score: '0.5' is below 1"),
        ("0", {"positive": True}, "Score: '0' must be greater than 0"),
        ("2e6", {"maximum": 1e6}, "Score: '2e6' is too large (at most 1,000,000)"),
        ("1e400", {}, "Score: '1e400' is too large"),
    ],
)
def test_a_number_is_refused_saying_why(text: str, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_number(text, "Score", **kwargs)
    assert str(caught.value) == message


@pytest.mark.parametrize(("text", "rate"), [("0.86", 0.86), ("7.12", 7.12), ("1,000.5", 1000.5)])
def test_a_rate_is_a_positive_number(text: str, rate: float) -> None:
    assert parse_rate(text, "row 1") == rate


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0", "row 1: '0': a rate must be a positive number"),
        ("-1", "row 1: '-1': a rate must be a positive number"),
        ("abc", "row 1: 'abc' is not a number"),
        ("0,86", "row 1: '0,86': write decimals with a point, e.g. 1.5"),
    ],
)
def test_a_rate_is_refused_saying_why(text: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_rate(text, "row 1")
    assert str(caught.value) == message


# --- token volumes (CONTRACT §3) --------------------------------------------------------

SCALES = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2500000", 2_500_000),
        ("0", 0),
        ("2.5e6", 2_500_000),
        ("2.5E6", 2_500_000),
        ("1e+3", 1_000),
        ("25e-1", 2.5),
        (".5k", 500),
        ("5.", 5),
        ("750k", 750_000),
        ("750K", 750_000),
        ("300k", 300_000),
        ("10m", 10_000_000),
        ("10M", 10_000_000),
        ("2.5b", 2_500_000_000),
        ("2.5B", 2_500_000_000),
        ("2.5M", 2_500_000),
        ("1t", 10**12),
        ("1T", 10**12),
        ("1e3k", 10**6),
        ("16.1k", 16_100),
        ("2_500_000", 2_500_000),
        ("2,500,000", 2_500_000),
        ("1,000.5k", 1_000_500),
        ("1\u2009000k", 10**6),
        ("1_000M", 10**9),
        ("  10M  ", 10_000_000),
        ("10 M", 10_000_000),
        ("\t7k\n", 7_000),
    ],
)
def test_a_token_volume_is_read_in_every_contract_syntax(text: str, value: float) -> None:
    assert parse_token_volume(text) == value


@pytest.mark.parametrize(
    "text",
    [
        *("", "   ", "+5", "abc", "1.2.3", "10X", "10MB", "M", "inf", "nan", "e6", "0x10"),
        *("$5", "5 USD", "25%"),
        *("1e400", "1e999999k", "1e99999999999999999999", "1e-99999999999999999999999999"),
        # A decimal comma: "1,5M" is 1.5M to some and 15M to others, so neither is guessed.
        *("1,5", "1,5M", "2,50k", "1,5e3"),
        # Finite, but beyond MAX_TOKEN_VOLUME.
        *("1e308", "1e22", "10000000000T"),
    ],
)
def test_what_is_not_a_volume_is_refused_quoting_it(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_token_volume(text, "Input tokens")
    assert str(caught.value).startswith(f"Input tokens: {text.strip()!r}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "lots",
            "'lots' is not a token volume; write a number such as "
            "2500000, 2.5e6, 750k, 10M, 2.5B or 1T",
        ),
        ("-5", "'-5' is not a token volume: a volume cannot be negative"),
        ("1,5M", "'1,5M': write decimals with a point, e.g. 1.5"),
        ("1,00,000", "'1,00,000': group the digits in threes (1,000,000), one separator"),
    ],
)
def test_a_refused_volume_says_why(text: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_token_volume(text)
    assert str(caught.value) == message


def test_a_refused_volume_is_also_a_token_volume_error() -> None:
    with pytest.raises(TokenVolumeError):
        parse_token_volume("lots")


@pytest.mark.parametrize("text", ["1e15", "1000T", "1,000,000B", "999.9T"])
def test_volumes_up_to_ten_to_the_fifteen_are_accepted(text: str) -> None:
    assert parse_token_volume(text) <= 10**15


@pytest.mark.parametrize("text", ["1e30", "1.000001e15", "1001T", "1e400"])
def test_volumes_above_ten_to_the_fifteen_are_refused_naming_the_limit(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_token_volume(text)
    assert str(caught.value) == f"{text!r} is above the limit of 10^15 (1,000T) tokens a month"


def test_a_positive_volume_refuses_zero() -> None:
    assert parse_token_volume("1", positive=True) == 1
    with pytest.raises(ParseError, match=r"^Prompt size: '0k' must be greater than 0$"):
        parse_token_volume("0k", "Prompt size", positive=True)


three_significant_digits = st.builds(
    lambda mantissa, exponent: mantissa * 10**exponent,
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=0, max_value=12),
)


@given(three_significant_digits)
def test_format_then_parse_is_exact_for_three_significant_digits(value: int) -> None:
    assert parse_token_volume(token_volume(value)) == value


@given(st.floats(min_value=0, max_value=MAX_TOKEN_VOLUME / 1.01, allow_nan=False))
def test_format_then_parse_keeps_three_significant_digits(value: float) -> None:
    back = parse_token_volume(token_volume(value))
    assert back == pytest.approx(value, rel=5e-3, abs=5e-3)


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from(["", "k", "K", "m", "M", "b", "B", "t", "T"]),
)
def test_thousands_separators_do_not_change_the_value(number: int, suffix: str) -> None:
    assume(number * SCALES[suffix.lower()] <= MAX_TOKEN_VOLUME)
    plain = parse_token_volume(f"{number}{suffix}")
    assert parse_token_volume(f"{number:,}{suffix}") == plain
    assert parse_token_volume(f"{number:_}{suffix}") == plain


# --- shares -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.25", 0.25),
        ("25%", 0.25),
        (" 25 % ", 0.25),
        ("0", 0.0),
        ("1", 1.0),
        ("100%", 1.0),
        ("0%", 0.0),
        ("12.5%", 0.125),
        (".4", 0.4),
    ],
)
def test_a_share_is_a_fraction_or_a_percentage(text: str, value: float) -> None:
    assert parse_share(text, "Cached share") == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25", "Cached share: '25' is outside 0 to 1 (0 % to 100 %)"),
        ("1.5", "Cached share: '1.5' is outside 0 to 1 (0 % to 100 %)"),
        ("101%", "Cached share: '101%' is outside 0 to 1 (0 % to 100 %)"),
        ("-0.1", "Cached share: '-0.1' is outside 0 to 1 (0 % to 100 %)"),
        (
            "lots",
            "Cached share: 'lots' is not a share; write a fraction such as 0.4 "
            "or a percentage such as 40%",
        ),
        (
            "%",
            "Cached share: '%' is not a share; write a fraction such as 0.4 "
            "or a percentage such as 40%",
        ),
        (
            "nan",
            "Cached share: 'nan' is not a share; write a fraction such as 0.4 "
            "or a percentage such as 40%",
        ),
        (
            "0,4",
            "Cached share: '0,4' is not a share; write a fraction such as 0.4 "
            "or a percentage such as 40%",
        ),
    ],
)
def test_a_share_is_refused_saying_why(text: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_share(text, "Cached share")
    assert str(caught.value) == message


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2025", "2025-07", "2025-07-11", "2024-02-29", " 2025-07 "])
def test_a_store_date_is_a_year_a_month_or_a_day(text: str) -> None:
    assert parse_store_date(text, "Release") == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "July 2025",
        "2025-7",
        "2025-13",
        "2025-00",
        "2025-02-30",
        "2023-02-29",
        "0000",
        "25-07-11",
    ],
)
def test_a_store_date_that_is_no_real_date_is_refused(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_store_date(text, "Release")
    assert str(caught.value) == (
        f"Release: {text.strip()!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    )


def test_the_store_check_is_the_same_check_without_a_field() -> None:
    assert check_store_date("2025-02") == "2025-02"
    with pytest.raises(ValueError, match=r"^'2025-02-30' is not a date"):
        check_store_date("2025-02-30")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025", dt.date(2025, 1, 1)),
        ("2025-07", dt.date(2025, 7, 1)),
        ("2025-07-11", dt.date(2025, 7, 11)),
    ],
)
def test_a_store_date_starts_on_its_first_day(text: str, day: dt.date) -> None:
    assert date_start(text) == day


def test_a_day_is_written_in_full() -> None:
    assert parse_day(" 2025-09-04 ", "--as-of") == dt.date(2025, 9, 4)


@pytest.mark.parametrize("text", ["2025", "2025-09", "2025-9-4", "2025-02-30", "yesterday"])
def test_a_day_that_is_not_a_full_real_date_is_refused(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_day(text)
    assert str(caught.value) == f"{text!r} is not a date written YYYY-MM-DD"


# --- codes, weekdays, times -------------------------------------------------------------


@pytest.mark.parametrize(("text", "code"), [("USD", "USD"), (" eur ", "EUR"), ("chf", "CHF")])
def test_a_currency_code_is_three_letters_in_any_case(text: str, code: str) -> None:
    assert parse_currency_code(text) == code


@pytest.mark.parametrize("text", ["", "US", "EURO", "U$D", "12A", "ÄÖÜ"])
def test_what_is_not_a_currency_code_is_refused(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_currency_code(text, "Card currency")
    assert (
        str(caught.value)
        == f"Card currency: {text.strip()!r} is not a currency code; write e.g. USD"
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("1-7", [1, 2, 3, 4, 5, 6, 7]),
        ("1-5", [1, 2, 3, 4, 5]),
        ("1,3,5", [1, 3, 5]),
        ("Mon-Fri", [1, 2, 3, 4, 5]),
        ("sat, sun", [6, 7]),
        ("Saturday", [6]),
        ("5 1 5", [1, 5]),
    ],
)
def test_weekdays_are_numbers_or_names(text: str, days: list[int]) -> None:
    assert parse_weekdays(text) == days


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5-1", "Days: '5-1' runs backwards; write e.g. 1-5"),
        ("8", "Days: '8' is not a day; write 1-7 or Mon…Sun"),
        ("Mo", "Days: 'Mo' is not a day; write 1-7 or Mon…Sun"),
        (",", "Days: ',' has no day; write 1-7 or Mon…Sun"),
    ],
)
def test_what_is_not_a_weekday_is_refused(text: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_weekdays(text, "Days")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "time"), [("16:30", "16:30"), ("9:00", "09:00"), ("00:00", "00:00")]
)
def test_a_time_is_hours_and_minutes(text: str, time: str) -> None:
    assert parse_utc_time(text) == time


@pytest.mark.parametrize("text", ["24:00", "12:60", "1230", "noon", "12:3"])
def test_what_is_not_a_time_is_refused(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_utc_time(text, "Start")
    assert str(caught.value) == f"Start: {text!r} is not a time; write HH:MM (00:00–23:59)"
