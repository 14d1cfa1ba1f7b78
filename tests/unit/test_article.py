"""The bundled store against the article it was built from (tests/fixtures/seed_article.txt).

Each claim below quotes the article: the test checks the quote is in the article,
the figure is in the bundled store on the right model, and its source is the
article. Every number the article's text holds must be one of these claims (or
a year or a section number), so a figure the store lost is caught too. Figures
the store has from elsewhere must name a source with a URL and a date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from llmcompare_gui.bundled import read_resource_text
from llmcompare_gui.domain.model import Model, Source, Store
from llmcompare_gui.store.jsonstore import parse_store

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTICLE_TEXT = (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")
ARTICLE_TITLE = "Kimi K2 vs DeepSeek V3/R1 Architecture and Performance Metrics Unpacked"

K2, V31, V3R1 = "kimi-k2", "deepseek-v3.1", "deepseek-v3-r1"

Getter = Callable[[Model], tuple[Any, Source | None]]


@dataclass(frozen=True)
class Claim:
    model_id: str
    what: str
    get: Getter
    expected: Any
    quote: str
    """Words of the article that state it (checked to be in the article)."""


def quantity(name: str) -> Getter:
    def get(model: Model) -> tuple[Any, Source | None]:
        value = getattr(model.architecture, name)
        return (value.value, value.note), value.source

    return get


def architecture(name: str) -> Getter:
    return lambda model: (
        getattr(model.architecture, name),
        model.architecture.source if model.architecture else None,
    )


def benchmark(bench_id: str) -> Getter:
    def get(model: Model) -> tuple[Any, Source | None]:
        result = model.benchmarks[bench_id]
        return (result.score, result.note), result.source

    return get


def price(name: str) -> Getter:
    return lambda model: (getattr(model.pricing, name), model.pricing.source)


def positioning(name: str) -> Getter:
    return lambda model: (
        getattr(model.positioning, name),
        model.positioning.source if model.positioning else None,
    )


def mode(name: str) -> Getter:
    def get(model: Model) -> tuple[Any, Source | None]:
        found = next(m for m in model.modes if m.name == name)
        return found.reasoning, found.source

    return get


def model_text(field: str) -> Getter:
    """A statement kept in the model's text; its source is one of the model's sources."""

    def get(model: Model) -> tuple[Any, Source | None]:
        article = next((s for s in model.sources if s.title == ARTICLE_TITLE), None)
        return getattr(model, field), article

    return get


def contains(*words: str) -> Callable[[Any], bool]:
    return lambda text: all(word.lower() in str(text).lower() for word in words)


CLAIMS = [
    # Kimi K2
    Claim(K2, "total parameters", quantity("total_params_b"), (1000, "1 trillion"),
          "The system houses 1 trillion total parameters"),
    Claim(K2, "active parameters", quantity("active_params_b"), (32, None),
          "only activates 32 billion parameters"),
    Claim(K2, "MoE", architecture("kind"), "moe", "sparse Mixture of Experts (MoE) framework"),
    Claim(K2, "MLA", architecture("attention"), "MLA",
          "The architecture integrates Multi-head Latent Attention (MLA)"),
    Claim(K2, "context window", quantity("context_window"), (262144, "256K in heavy mode"),
          "It supports a 256K context window when operating in heavy mode"),
    Claim(K2, "heavy mode, reasoning not stated", mode("heavy"), None,
          "when operating in heavy mode"),
    Claim(K2, "SWE-Bench Verified", benchmark("swe_bench_verified"), (65.8, None),
          "Kimi K2 secures a 65.8% score on the SWE-Bench Verified benchmark"),
    Claim(K2, "AIME", benchmark("aime"), (None, "Higher than DeepSeek V3"),
          "It surpasses DeepSeek V3 on AIME and GPQA tests"),
    Claim(K2, "GPQA", benchmark("gpqa"), (None, "Higher than DeepSeek V3"),
          "It surpasses DeepSeek V3 on AIME and GPQA tests"),
    Claim(K2, "LiveCodeBench", benchmark("livecodebench"), (None, "High performance"),
          "LiveCodeBench High Performance 74.8% Lower than V3.1"),
    Claim(K2, "input price", price("input_per_mtok"), 0.6,
          "Kimi K2 costs $0.60 per million input tokens"),
    Claim(K2, "output price", price("output_per_mtok"), 2.5, "$2.50 per million output tokens"),
    Claim(K2, "no cached price in the article", price("cached_input_per_mtok"), None,
          "Input Price (per 1M) $0.60 $0.55 $0.30"),
    Claim(K2, "primary focus", positioning("primary_focus"), "Coding Assistance & Agents",
          "Primary Focus Coding Assistance & Agents Complex Reasoning General Purpose"),
    Claim(K2, "key capability", positioning("key_capability"), "Long-Context Retention",
          "Key Capability Long-Context Retention Controllable Depth Modes Standard Inference"),
    Claim(K2, "target use case", positioning("target_use_case"), "Software Development",
          "Target Use Case Software Development Logic & Analysis Broad Application"),
    Claim(K2, "open licence", model_text("license"), contains("open source", "permissive"),
          "Its permissive license allows broad integration"),
    Claim(K2, "latency and throughput", model_text("notes"),
          contains("low latency", "high throughput", "knowledge-intensive"),
          "emphasizes low latency and delivers high throughput specifically for "
          "knowledge-intensive operations"),
    # DeepSeek V3.1
    Claim(V31, "total parameters", quantity("total_params_b"), (671, None),
          "Total Parameters 1 Trillion 671 Billion 671 Billion"),
    Claim(V31, "active parameters", quantity("active_params_b"), (37, None),
          "Active Parameters 32 Billion 37 Billion 37 Billion"),
    Claim(V31, "MoE", architecture("kind"), "moe",
          "Architecture Mixture of Experts (MoE) Mixture of Experts (MoE)"),
    Claim(V31, "thinking mode", mode("thinking"), True,
          "It features dynamic ‘Thinking' and ‘Non-Thinking' modes"),
    Claim(V31, "non-thinking mode", mode("non-thinking"), False,
          "switch between rapid generation and deep processing"),
    Claim(V31, "LiveCodeBench", benchmark("livecodebench"), (74.8, None),
          "DeepSeek V3.1 records a LiveCodeBench score of 74.8%"),
    Claim(V31, "Aider Polyglot", benchmark("aider-polyglot"), (76.3, None),
          "an Aider Polyglot score of 76.3%"),
    Claim(V31, "SWE-Bench Verified", benchmark("swe_bench_verified"), (None, "N/A"),
          "SWE-Bench Verified 65.8% N/A Lower than K2"),
    Claim(V31, "input price", price("input_per_mtok"), 0.55,
          "DeepSeek V3.1 increases rates to $0.55/M input"),
    Claim(V31, "output price", price("output_per_mtok"), 1.66, "and $1.66/M output"),
    Claim(V31, "no cached price in the article", price("cached_input_per_mtok"), None,
          "Input Price (per 1M) $0.60 $0.55 $0.30"),
    Claim(V31, "primary focus", positioning("primary_focus"), "Complex Reasoning",
          "Primary Focus Coding Assistance & Agents Complex Reasoning"),
    Claim(V31, "key capability", positioning("key_capability"), "Controllable Depth Modes",
          "Key Capability Long-Context Retention Controllable Depth Modes"),
    Claim(V31, "target use case", positioning("target_use_case"), "Logic & Analysis",
          "Target Use Case Software Development Logic & Analysis"),
    Claim(V31, "strengths and weaknesses", model_text("notes"),
          contains("mathematics", "chain-of-thought", "slower", "consistency"),
          "The model excels in mathematics and chain-of-thought reasoning. However, users report "
          "slower speeds in ‘Thinking' mode and occasional consistency issues"),
    # DeepSeek V3/R1
    Claim(V3R1, "total parameters", quantity("total_params_b"), (671, "approximately"),
          "It contains approximately 671 billion total parameters"),
    Claim(V3R1, "active parameters", quantity("active_params_b"), (37, None),
          "and 37 billion active parameters"),
    Claim(V3R1, "MoE", architecture("kind"), "moe",
          "DeepSeek V3/R1 also employs an MoE architecture"),
    Claim(V3R1, "MLA", architecture("attention"), "MLA",
          "reinforcement learning pipeline alongside Multi-head Latent Attention (MLA)"),
    Claim(V3R1, "RL pipeline", architecture("notes"), contains("reinforcement-learning pipeline"),
          "The model incorporates a reinforcement learning pipeline"),
    Claim(V3R1, "SWE-Bench Verified", benchmark("swe_bench_verified"),
          (None, "Lower than Kimi K2"), "SWE-Bench Verified 65.8% N/A Lower than K2"),
    Claim(V3R1, "LiveCodeBench", benchmark("livecodebench"), (None, "Lower than DeepSeek V3.1"),
          "LiveCodeBench High Performance 74.8% Lower than V3.1"),
    Claim(V3R1, "AIME, said of V3", benchmark("aime"), (None, "Lower than Kimi K2 (stated for V3)"),
          "It surpasses DeepSeek V3 on AIME and GPQA tests"),
    Claim(V3R1, "GPQA, said of V3", benchmark("gpqa"), (None, "Lower than Kimi K2 (stated for V3)"),
          "It surpasses DeepSeek V3 on AIME and GPQA tests"),
    Claim(V3R1, "input price", price("input_per_mtok"), 0.3,
          "The base DeepSeek-R1/V3 costs $0.30/M input"),
    Claim(V3R1, "output price", price("output_per_mtok"), 1.2, "and $1.20/M output"),
    Claim(V3R1, "no cached price in the article", price("cached_input_per_mtok"), None,
          "Input Price (per 1M) $0.60 $0.55 $0.30"),
    Claim(V3R1, "primary focus (said of R1)", positioning("primary_focus"), "General Purpose",
          "Feature Kimi K2 DeepSeek V3.1 DeepSeek R1"),
    Claim(V3R1, "key capability (said of R1)", positioning("key_capability"), "Standard Inference",
          "Controllable Depth Modes Standard Inference"),
    Claim(V3R1, "target use case (said of R1)", positioning("target_use_case"),
          "Broad Application", "Logic & Analysis Broad Application"),
    Claim(V3R1, "the positioning names R1", positioning("applies_to"), "DeepSeek R1",
          "Feature Kimi K2 DeepSeek V3.1 DeepSeek R1"),
    Claim(V3R1, "reasoning depth", mode("reasoning depth"), True,
          "DeepSeek V3/R1 offers granular control over reasoning depth"),
    Claim(V3R1, "reasoning depth and entry costs", model_text("notes"),
          contains("granular control over reasoning depth", "lower entry costs"),
          "DeepSeek V3/R1 offers granular control over reasoning depth and lower entry costs"),
]  # fmt: skip

OTHER_NUMBERS = {"2026", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}
"""Numbers in the article that are no model's figure: the year, the section numbers."""

NUMBER = re.compile(r"(?<![\w.$])\$?\d+(?:\.\d+)?")
"""A number standing on its own: not the 2 of "K2" or the 1 of "V3.1"."""


def bundled() -> Store:
    return parse_store(read_resource_text("default_store.json"), Path("default_store.json"))[0]


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda claim: f"{claim.model_id}: {claim.what}")
def test_each_claim_is_in_the_article_and_on_the_right_model_sourced_to_it(claim: Claim) -> None:
    assert normalise(claim.quote) in normalise(ARTICLE_TEXT), "quote not in the article"
    model = bundled().model(claim.model_id)
    assert model is not None
    value, source = claim.get(model)
    if callable(claim.expected):
        assert claim.expected(value), f"{value!r} does not say it"
    else:
        assert value == claim.expected
    assert source is not None
    assert source.title == ARTICLE_TITLE


def test_every_number_the_article_gives_is_one_of_the_claims() -> None:
    claimed = {number for claim in CLAIMS for number in NUMBER.findall(claim.quote)}
    in_article = set(NUMBER.findall(ARTICLE_TEXT))
    assert in_article - claimed - OTHER_NUMBERS == set()


def test_what_the_article_does_not_say_is_not_sourced_to_it() -> None:
    store = bundled()
    v31 = store.model(V31)
    assert v31 is not None
    assert v31.architecture is not None
    # The article states MLA for K2 and V3/R1 only: V3.1's is marked inferred, sourced elsewhere.
    assert v31.architecture.attention_inferred is True
    source = v31.architecture.attention_source
    assert source is not None
    assert source.title != ARTICLE_TITLE
    assert source.url
    # No current card mixes two sources' fields.
    for model in store.models:
        assert model.pricing.cached_input_source is None


def sources_in(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every source object in the store's JSON, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else key
            if key.endswith("source") and isinstance(value, dict):
                yield here, value
            elif key == "sources" and isinstance(value, list):
                yield from ((f"{here}[{i}]", item) for i, item in enumerate(value))
            else:
                yield from sources_in(value, here)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from sources_in(item, f"{path}[{index}]")


def test_every_source_not_the_article_has_a_web_address_and_a_date() -> None:
    data = json.loads(read_resource_text("default_store.json"))
    found = list(sources_in(data["models"]))
    assert len(found) > 40
    for where, source in found:
        assert source.get("title"), where
        # A date: when it was read, or (a file at a fixed commit) when that version was made.
        assert source.get("retrieved") or source.get("published"), f"{where}: no date"
        if source["title"] == ARTICLE_TITLE:
            assert "tests/fixtures" not in source.get("note", ""), f"{where}: points into tests"
            continue
        assert str(source.get("url", "")).startswith("https://"), f"{where}: no URL"


def test_every_price_point_is_dated_and_sourced() -> None:
    for model in bundled().models:
        points = [model.pricing, *model.pricing.history]
        for point in points:
            assert point.effective, f"{model.id}: a price point without an effective date"
            assert point.source is not None, f"{model.id}: a price point without a source"


def test_the_article_fixture_says_where_it_comes_from() -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    assert "seed_article.txt" in readme
    assert ARTICLE_TITLE in readme
