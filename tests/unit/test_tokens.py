"""The range every token volume must keep (CONTRACT §3); writing one is in test_formatting."""

from __future__ import annotations

import pytest

from llmcompare_gui.domain.cost import Scenario, ScenarioError
from llmcompare_gui.domain.tokens import TokenVolumeError, check_token_volume


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
