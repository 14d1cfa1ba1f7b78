"""Every cost knob not at its default is named in the words around a chart."""

from __future__ import annotations

import dataclasses

import pytest

from llmcompare_gui.domain.comparison import ChartKind, Comparison
from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.domain.scenario_text import scenario_knobs
from llmcompare_gui.export.captions import default_title
from llmcompare_gui.store.jsonstore import default_store

VOLUMES = {"input_tokens", "output_tokens"}
NON_DEFAULT = {
    "cached_share": 0.4,
    "reasoning_overhead": 2.0,
    "cache_write_share": 0.2,
    "cache_ttl": "1h",
    "prompt_tokens": 250e3,
    "service_tier": "batch",
    "off_peak_share": 0.3,
    "currency": "USD",
}
"""A value other than the default for every knob; a new Scenario field needs one here."""


def test_every_knob_of_the_scenario_is_covered() -> None:
    knobs = {f.name for f in dataclasses.fields(Scenario)} - VOLUMES
    assert knobs == set(NON_DEFAULT)


@pytest.mark.parametrize("knob", sorted(NON_DEFAULT))
def test_a_knob_off_its_default_changes_the_words(knob: str) -> None:
    plain = Scenario()
    changed = dataclasses.replace(plain, **{knob: NON_DEFAULT[knob]})
    assert scenario_knobs(changed) != scenario_knobs(plain)
    store = default_store()
    for kind in (ChartKind.COST, ChartKind.VOLUME):
        before = default_title(Comparison(store, store.models, plain), kind)
        after = default_title(Comparison(store, store.models, changed), kind)
        assert before != after


@pytest.mark.parametrize(
    ("scenario", "words"),
    [
        (Scenario(), ["0 % cached"]),
        (Scenario(cached_share=0.8), ["80 % cached"]),
        (Scenario(cached_share=0.125), ["12.5 % cached"]),
        (Scenario(reasoning_overhead=2.0), ["0 % cached", "thinking output ×2"]),
        (Scenario(reasoning_overhead=1.25), ["0 % cached", "thinking output ×1.25"]),
        (
            Scenario(
                cached_share=0.5,
                cache_write_share=0.25,
                cache_ttl="1h",
                prompt_tokens=250e3,
                service_tier="flex",
                off_peak_share=0.3,
                currency="EUR",
            ),
            [
                "50 % cached",
                "25 % written to cache",
                "1-hour cache writes",
                "250K-token prompts",
                "flex tier",
                "30 % off-peak",
                "in EUR",
            ],
        ),
    ],
)
def test_scenario_knobs(scenario: Scenario, words: list[str]) -> None:
    assert scenario_knobs(scenario) == words


def test_the_cost_title_names_the_reasoning_overhead() -> None:
    store = default_store()
    scenario = Scenario(3e9, 100e6, 0.8, reasoning_overhead=2.0)
    title = default_title(Comparison(store, store.models, scenario), ChartKind.COST)
    assert title.startswith(
        "Monthly cost for 3B input and 100M output tokens, 80 % cached, thinking output ×2 — "
    )
    volume = default_title(Comparison(store, store.models, scenario), ChartKind.VOLUME)
    assert volume.startswith(
        "Monthly cost as input volume grows, with 100M output tokens, 80 % cached, "
        "thinking output ×2 — "
    )
