"""The words for a scenario's cost knobs, for titles, captions and summaries alike."""

from __future__ import annotations

from .cost import Scenario
from .formatting import percent, token_volume


def scenario_knobs(scenario: Scenario) -> list[str]:
    """``["80 % cached", "thinking output ×2"]``: each knob that changes a cost, in words.

    The cached share is always named (it is the first thing a reader of a cost
    asks); every other knob only when it is not at its default. A new knob on
    the :class:`Scenario` gets its line here, and every caption shows it.
    """
    knobs = [f"{percent(scenario.cached_share)} cached"]
    if scenario.cache_write_share:
        knobs.append(f"{percent(scenario.cache_write_share)} written to cache")
    if scenario.cache_ttl != "5m":
        knobs.append("1-hour cache writes")
    if scenario.prompt_tokens != DEFAULT.prompt_tokens:
        knobs.append(f"{token_volume(scenario.prompt_tokens)}-token prompts")
    if scenario.service_tier != "standard":
        knobs.append(f"{scenario.service_tier} tier")
    if scenario.off_peak_share:
        knobs.append(f"{percent(scenario.off_peak_share)} off-peak")
    if scenario.reasoning_overhead != 1.0:
        knobs.append(f"thinking output ×{scenario.reasoning_overhead:g}")
    if scenario.currency is not None:
        knobs.append(f"in {scenario.currency}")
    return knobs


DEFAULT = Scenario()
