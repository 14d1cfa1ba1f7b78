"""The one formatting module: every expected string written by hand from its documented rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llmcompare_gui.domain.formatting import (
    axis_number,
    blended_price,
    compact_amount,
    currency_prefix,
    exact_amount,
    exact_token_volume,
    figure,
    fine_money,
    money,
    percent,
    plain_number,
    price,
    price_with_unit,
    ratio,
    token_volume,
)
from llmcompare_gui.domain.parsing import parse_token_volume
from llmcompare_gui.domain.tokens import MAX_TOKEN_VOLUME

NAN = float("nan")
INF = float("inf")


@pytest.mark.parametrize(
    ("code", "prefix"),
    [
        ("USD", "$"),
        ("EUR", "€"),
        ("GBP", "£"),
        ("JPY", "¥"),
        ("CNY", "¥"),
        ("INR", "₹"),
        ("CHF", "CHF "),
        ("SEK", "SEK "),
    ],
)
def test_a_currency_has_its_symbol_or_its_code_and_a_space(code: str, prefix: str) -> None:
    assert currency_prefix(code) == prefix


@pytest.mark.parametrize(
    ("value", "currency", "text"),
    [
        (0.0, "USD", "$0.00"),
        (-0.0, "USD", "$0.00"),
        (0.01, "USD", "$0.01"),
        (88.2, "USD", "$88.20"),
        (1234.56, "CHF", "CHF 1,234.56"),
        (1234.56, "EUR", "€1,234.56"),
        (1234.56, "JPY", "¥1,234.56"),
        (9999.994, "GBP", "£9,999.99"),
        (12345.6, "USD", "$12,346"),
        (123_456_789.0, "CHF", "CHF 123,456,789"),
        (999_999_999.0, "USD", "$999,999,999"),
        (1e9, "USD", "$1B"),
        (1.35e12, "USD", "$1.35T"),
        (1.5e12, "EUR", "€1.5T"),
        (283.33333e12, "USD", "$283.3T"),
        (999.96e12, "USD", "$1000T"),
        (1e15, "USD", "$1e+15"),
        (3e20 + 8388608, "USD", "$3e+20"),
        (3e29, "CHF", "CHF 3e+29"),
        (0.0042, "USD", "$0.00420"),
        (0.000001234, "USD", "$0.00000123"),
        (0.0099999, "USD", "$0.0100"),
        (-5.0, "USD", "-$5.00"),
        (-5.0, "CHF", "-CHF 5.00"),
        (NAN, "USD", "—"),
        (INF, "USD", "—"),
        (-INF, "CHF", "—"),
    ],
)
def test_money(value: float, currency: str, text: str) -> None:
    assert money(value, currency) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0175, "$0.0175"),
        (0.018766, "$0.0188"),
        (1.5, "$1.50"),
        (0.5, "$0.500"),
        (0.0000042, "$0.00000420"),
        (12.345, "$12.35"),
        (0.0, "$0.00"),
        (NAN, "—"),
    ],
)
def test_fine_money_keeps_three_significant_digits_below_ten(value: float, text: str) -> None:
    assert fine_money(value, "USD") == text


def test_fine_money_of_other_currencies() -> None:
    assert fine_money(0.0175, "CHF") == "CHF 0.0175"
    assert fine_money(-0.5, "EUR") == "-€0.500"


def test_exact_amount_is_to_the_millionth() -> None:
    assert exact_amount(1234.5678912, "CHF") == "CHF 1,234.567891"
    assert exact_amount(-0.25, "EUR") == "-€0.250000"
    assert exact_amount(2.5e12, "USD") == "$2,500,000,000,000.00"
    assert exact_amount(NAN, "USD") == "—"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (999_999_999.0, None),
        (1e9, "1B"),
        (1.35e9, "1.35B"),
        (999.94e9, "999.9B"),
        (999.96e9, "1T"),
        (1e12, "1T"),
        (283.33333e12, "283.3T"),
        (1e15, "1e+15"),
        (3e29, "3e+29"),
        (3e20 + 8388608, "3e+20"),
        (-2.5e9, "-2.5B"),
        (INF, None),
        (NAN, None),
    ],
)
def test_compact_amounts(value: float, text: str | None) -> None:
    assert compact_amount(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.6, "0.60"),
        (2.5, "2.50"),
        (0.07, "0.07"),
        (0.0375, "0.0375"),
        (15.0, "15.00"),
        (0.0, "0.00"),
        (-0.0, "0.00"),
        (0.12345, "0.1235"),
        (0.00005, "0.000050"),
        (NAN, "—"),
    ],
)
def test_prices_show_two_to_four_decimals(value: float, text: str) -> None:
    assert price(value) == text


def test_price_per_mtok_carries_its_unit() -> None:
    assert price_with_unit(0.56, "USD") == "$0.56/M"
    assert price_with_unit(2.5, "CHF") == "CHF 2.50/M"
    assert price_with_unit(0.0375, "EUR") == "€0.0375/M"
    assert price_with_unit(INF, "EUR") == "—"


def test_blended_prices_line_up_with_three_decimals() -> None:
    values = (0.9166666666666666, 0.735, 0.45, 12.5, 0.0004, 1234.5)
    assert [blended_price(v) for v in values] == [
        "0.917",
        "0.735",
        "0.450",
        "12.500",
        "0.0004",
        "1,234.500",
    ]


@pytest.mark.parametrize(
    ("value", "text"),
    [(262144.0, "262,144"), (1.5, "1.5"), (12.345, "12.35"), (0.0425, "0.0425"), (0.0, "0")],
)
def test_figures(value: float, text: str) -> None:
    assert figure(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1K"),
        (750_000, "750K"),
        (2_500_000, "2.5M"),
        (1_234_567, "1.23M"),
        (1e9, "1B"),
        (2.5e9, "2.5B"),
        (1e12, "1T"),
        (1e15, "1000T"),
        (5e15, "5000T"),
    ],
)
def test_token_volumes(value: float, text: str) -> None:
    assert token_volume(value) == text


@pytest.mark.parametrize("value", [-1.0, INF, NAN])
def test_a_token_volume_is_finite_and_not_negative(value: float) -> None:
    with pytest.raises(ValueError, match="not a token volume"):
        token_volume(value)


def test_exact_token_volume_is_the_shortest_text_that_reads_back() -> None:
    assert exact_token_volume(2_500_000) == "2.5M"
    assert exact_token_volume(1_234_567) == "1.234567M"
    assert exact_token_volume(16_100) == "16.1K"
    assert exact_token_volume(0) == "0"


@given(st.floats(min_value=0, max_value=MAX_TOKEN_VOLUME, allow_nan=False, allow_infinity=False))
def test_exact_token_volume_reads_back_through_the_parser(volume: float) -> None:
    assert parse_token_volume(exact_token_volume(volume)) == pytest.approx(volume, rel=1e-12, abs=0)


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (0.0, "0 %"),
        (-0.0, "0 %"),
        (0.2, "20 %"),
        (0.125, "12.5 %"),
        (1 / 3, "33.3 %"),
        (0.875, "87.5 %"),
        (1.0, "100 %"),
        (0.00333, "0.33 %"),
        (37 / 671, "5.5 %"),
        (0.1996, "20 %"),
        (0.9995, "100 %"),
        (0.0094, "0.94 %"),
        (NAN, "—"),
    ],
)
def test_percent(share: float, text: str) -> None:
    assert percent(share) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "×1.00"),
        (1.7047, "×1.70"),
        (99.994, "×99.99"),
        (2_939_447.2, "×2,939,447"),
        (283.33333e12, "×283.3T"),
        (NAN, "—"),
        (INF, "—"),
    ],
)
def test_ratio(value: float, text: str) -> None:
    assert ratio(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0"),
        (1500.0, "1.5k"),
        (999_600.0, "1M"),
        (20e6, "20M"),
        (1e14, "100T"),
        (1e23, "1e+23"),
        (0.05, "0.05"),
        (2.5, "2.5"),
        (-1500.0, "-1.5k"),
    ],
)
def test_axis_ticks_never_mix_a_suffix_and_an_exponent(value: float, text: str) -> None:
    assert axis_number(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (329.99999999999994, "330"),
        (1e-05, "0.00001"),
        (-0.0, "0"),
        (0.0, "0"),
        (1234.56, "1234.56"),
        (1e15, "1000000000000000"),
        (0.1 + 0.2, "0.3"),
    ],
)
def test_csv_numbers_are_plain(value: float, text: str) -> None:
    assert plain_number(value) == text


def test_the_money_of_an_amount_and_its_csv_number_are_the_same_value() -> None:
    # CHF 1,234.56 on screen is 1234.56 in the file: the same digits, no symbol, no separator.
    assert money(1234.56, "CHF") == "CHF 1,234.56"
    assert plain_number(1234.56) == "1234.56"
