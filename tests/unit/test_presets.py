"""Workload presets: which preset a scenario is, and what choosing one keeps."""

from __future__ import annotations

from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.domain.presets import PRESETS, apply_preset, matching_preset


def test_a_scenario_with_a_presets_volumes_and_cache_is_that_preset() -> None:
    chatbot = next(preset for preset in PRESETS if preset.name == "Chatbot")
    assert matching_preset(Scenario(50e6, 10e6, 0.20, reasoning_overhead=3.0)) is chatbot
    assert matching_preset(Scenario(50e6, 10e6, 0.25)) is None
    assert matching_preset(Scenario()) is None


def test_choosing_a_preset_keeps_the_other_knobs_and_fits_the_cache_write_share() -> None:
    agent = next(preset for preset in PRESETS if preset.name == "Coding agent")
    before = Scenario(1e6, 1e6, 0.0, reasoning_overhead=2.0, cache_write_share=0.5)
    after = apply_preset(before, agent)
    # 2B input, 100M output, 80 % cached: the 50 % cache-write share is cut to the 20 % left.
    assert (after.input_tokens, after.output_tokens, after.cached_share) == (2e9, 100e6, 0.8)
    assert after.cache_write_share == 1.0 - 0.8
    assert after.reasoning_overhead == 2.0
