"""Token volumes written compactly, and the range every volume must keep (CONTRACT §3)."""

from __future__ import annotations

import pytest

from llmcompare_gui.domain.cost import Scenario, ScenarioError
from llmcompare_gui.domain.formatting import token_volume as format_token_volume
from llmcompare_gui.domain.tokens import TokenVolumeError, check_token_volume


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
