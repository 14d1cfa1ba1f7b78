"""Large amounts and axis ticks written compactly, without float noise."""

from __future__ import annotations

import pytest

from llmcompare_gui.charts._common import compact_number, money
from llmcompare_gui.domain.amounts import large_amount


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
        (float("inf"), None),
        (float("nan"), None),
    ],
)
def test_large_amounts(value: float, text: str | None) -> None:
    assert large_amount(value) == text


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
    ],
)
def test_axis_ticks_never_mix_a_suffix_and_an_exponent(value: float, text: str) -> None:
    assert compact_number(value) == text


def test_chart_money_is_compact_for_huge_costs() -> None:
    assert money(3e29, "USD") == "$3e+29"
    assert money(1.5e12, "EUR") == "€1.5T"
    assert money(1234.4, "USD") == "$1,234"
