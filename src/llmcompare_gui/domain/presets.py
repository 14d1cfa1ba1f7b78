"""Typical monthly workloads the calculator offers as presets (chatbot, RAG, coding agent…)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .cost import Scenario


@dataclass(frozen=True)
class Preset:
    """A named monthly workload; the reasoning overhead stays as the user set it."""

    name: str
    input_tokens: float
    output_tokens: float
    cached_share: float
    description: str


PRESETS: tuple[Preset, ...] = (
    Preset(
        "Chatbot",
        50e6,
        10e6,
        0.20,
        "A customer-facing chat assistant: about 50M input and 10M output tokens "
        "a month, 20 % of the input (system prompt, history) served from cache.",
    ),
    Preset(
        "Retrieval app (RAG)",
        500e6,
        20e6,
        0.50,
        "Question answering over documents: long retrieved contexts (500M input "
        "tokens), short answers (20M output), half of the input cached.",
    ),
    Preset(
        "Coding agent",
        2e9,
        100e6,
        0.80,
        "An agent that rereads a repository on every step: 2B input and 100M output "
        "tokens a month, 80 % of the input served from cache.",
    ),
    Preset(
        "Batch summarisation",
        1e9,
        50e6,
        0.0,
        "Offline summaries of documents: 1B input and 50M output tokens a month, "
        "nothing repeated, so nothing cached.",
    ),
)


def matching_preset(scenario: Scenario) -> Preset | None:
    """The preset whose volumes and cached share ``scenario`` has, if any."""
    for preset in PRESETS:
        if (preset.input_tokens, preset.output_tokens, preset.cached_share) == (
            scenario.input_tokens,
            scenario.output_tokens,
            scenario.cached_share,
        ):
            return preset
    return None


def apply_preset(scenario: Scenario, preset: Preset) -> Scenario:
    """``scenario`` with ``preset``'s volumes and cached share; the cache-write share is cut
    so that the two shares still add up to at most all the input."""
    return dataclasses.replace(
        scenario,
        input_tokens=preset.input_tokens,
        output_tokens=preset.output_tokens,
        cached_share=preset.cached_share,
        cache_write_share=min(scenario.cache_write_share, 1.0 - preset.cached_share),
    )
