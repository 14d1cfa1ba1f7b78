"""Token volumes as CONTRACT §3 writes them."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from llmcompare_gui.domain.cost import Scenario, ScenarioError
from llmcompare_gui.domain.tokens import (
    MAX_TOKEN_VOLUME,
    TokenVolumeError,
    check_token_volume,
    format_token_volume,
    parse_token_volume,
)

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
        ("10m", 10_000_000),
        ("10M", 10_000_000),
        ("2.5b", 2_500_000_000),
        ("2.5B", 2_500_000_000),
        ("1t", 10**12),
        ("1T", 10**12),
        ("1e3k", 10**6),
        ("2_500_000", 2_500_000),
        ("2,500,000", 2_500_000),
        ("1_000M", 10**9),
        ("  10M  ", 10_000_000),
        ("10 M", 10_000_000),
        ("\t7k\n", 7_000),
    ],
)
def test_parses_every_contract_syntax(text: str, value: float) -> None:
    assert parse_token_volume(text) == value


@pytest.mark.parametrize(
    "text",
    [
        *("", "   ", "-5", "+5", "abc", "1.2.3", "10X", "10MB", "M", "inf", "nan", "e6", "0x10"),
        *("1e400", "1e999999k", "1e99999999999999999999", "1e-99999999999999999999999999"),
        # A decimal comma: "1,5M" is 1.5M to some and 15M to others, so neither is guessed.
        *("1,5", "1,5M", "2,50k", "1,5e3"),
        # Finite, but beyond MAX_TOKEN_VOLUME.
        *("1e308", "1e22", "10000000000T"),
    ],
)
def test_refuses_what_is_not_a_volume_and_quotes_it(text: str) -> None:
    with pytest.raises(TokenVolumeError) as caught:
        parse_token_volume(text)
    assert repr(text) in str(caught.value)


def test_error_is_a_value_error() -> None:
    assert issubclass(TokenVolumeError, ValueError)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (999, "999"),
        (1_000, "1K"),
        (750_000, "750K"),
        (2_500_000, "2.5M"),
        (100e6, "100M"),
        (1e9, "1B"),
        (2.5e9, "2.5B"),
        (1e12, "1T"),
        (5e15, "5000T"),
        (1_234_567, "1.23M"),
    ],
)
def test_formats_compactly(value: float, text: str) -> None:
    assert format_token_volume(value) == text


@pytest.mark.parametrize("value", [-1, float("inf"), float("nan")])
def test_format_refuses_what_is_not_a_volume(value: float) -> None:
    with pytest.raises(ValueError, match="not a token volume"):
        format_token_volume(value)


three_significant_digits = st.builds(
    lambda mantissa, exponent: mantissa * 10**exponent,
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=0, max_value=12),
)


@given(three_significant_digits)
def test_format_then_parse_is_exact_for_three_significant_digits(value: int) -> None:
    assert parse_token_volume(format_token_volume(value)) == value


@given(st.floats(min_value=0, max_value=MAX_TOKEN_VOLUME / 1.01, allow_nan=False))
def test_format_then_parse_keeps_three_significant_digits(value: float) -> None:
    back = parse_token_volume(format_token_volume(value))
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


@pytest.mark.parametrize("text", ["1e15", "1000T", "1,000,000B", "999.9T"])
def test_volumes_up_to_ten_to_the_fifteen_are_accepted(text: str) -> None:
    assert parse_token_volume(text) <= 10**15


@pytest.mark.parametrize("text", ["1e30", "1.000001e15", "1001T", "1e400"])
def test_volumes_above_ten_to_the_fifteen_are_refused_naming_the_limit(text: str) -> None:
    with pytest.raises(TokenVolumeError) as caught:
        parse_token_volume(text)
    assert str(caught.value) == f"{text!r} is above the limit of 10^15 (1,000T) tokens a month"


@pytest.mark.parametrize("value", [1e15 + 1e6, 1e30, -1.0, float("inf"), float("nan")])
def test_the_scenario_refuses_volumes_outside_the_range(value: float) -> None:
    with pytest.raises(ScenarioError, match=r"input_tokens: 0 to 10\^15 \(1,000T\)"):
        Scenario(input_tokens=value)
    with pytest.raises(ScenarioError, match=r"output_tokens: 0 to 10\^15"):
        Scenario(output_tokens=value)
    with pytest.raises(TokenVolumeError):
        check_token_volume(value)


def test_the_scenario_takes_the_largest_volume() -> None:
    assert Scenario(input_tokens=1e15, output_tokens=1e15).input_tokens == 1e15
