"""The words around an exported chart: title, subtitle and where the data comes from.

Qt-free, so the dialog can prefill its fields and tests can check the texts
without rendering anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

from ..domain.comparison import ChartKind, Comparison
from ..domain.currency import conversion_note
from ..domain.formatting import token_volume
from ..domain.model import Model, Source
from ..domain.scenario_text import scenario_knobs

MAX_SOURCES = 3
"""Sources named in a footnote; more are counted."""


def prices_as_of(comparison: Comparison) -> str | None:
    """The date the charted prices hold for.

    The chosen as-of date where there is one; else the newest date a charted card
    took effect (``effective``), or was last checked (``as_of``). A source's
    ``retrieved`` date says when it was read, not when its prices applied: not used.
    """
    if comparison.as_of is not None:
        return comparison.as_of.isoformat()
    dates = [
        date
        for model in comparison.models
        for date in (model.pricing.effective, model.pricing.as_of)
        if date
    ]
    return max(dates) if dates else None


def _as_of_suffix(comparison: Comparison) -> str:
    date = prices_as_of(comparison)
    return f" — prices as of {date}" if date else ""


def _names(comparison: Comparison) -> str:
    names = [model.name for model in comparison.models]
    if not names:
        return "no models"
    if len(names) <= 3:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{len(names)} models"


def default_title(comparison: Comparison, kind: ChartKind) -> str:
    """E.g. ``Monthly cost for 1B input and 100M output tokens, 0 % cached — prices as of …``."""
    scenario = comparison.scenario
    if kind is ChartKind.COST:
        return (
            f"Monthly cost for {token_volume(scenario.input_tokens)} input and "
            f"{token_volume(scenario.output_tokens)} output tokens, "
            f"{', '.join(scenario_knobs(scenario))}{_as_of_suffix(comparison)}"
        )
    if kind is ChartKind.VOLUME:
        return (
            f"Monthly cost as input volume grows, with "
            f"{token_volume(scenario.output_tokens)} output tokens, "
            f"{', '.join(scenario_knobs(scenario))}{_as_of_suffix(comparison)}"
        )
    if kind is ChartKind.BENCHMARKS:
        return f"Benchmark scores of {_names(comparison)}"
    if kind is ChartKind.VALUE:
        definition = comparison.value_benchmark_definition()
        bench = definition.name if definition else "benchmark"
        return f"Price against {bench} score{_as_of_suffix(comparison)}"
    if kind is ChartKind.PRICE_HISTORY:
        return f"Prices per million tokens over time: {_names(comparison)}"
    if kind is ChartKind.PROMPT_SIZE:
        return (
            f"Monthly cost against prompt size, for {token_volume(scenario.input_tokens)} "
            f"input and {token_volume(scenario.output_tokens)} output tokens, "
            f"{', '.join(scenario_knobs(scenario))}{_as_of_suffix(comparison)}"
        )
    if kind is ChartKind.TASK_COST:
        return f"Cost per solved Aider Polyglot task{_as_of_suffix(comparison)}"
    if kind is ChartKind.TASK_VALUE:
        return f"Cost per solved task against pass rate{_as_of_suffix(comparison)}"
    return f"Total and active parameters of {_names(comparison)}"


def default_subtitle(comparison: Comparison, kind: ChartKind) -> str:
    count = len(comparison.models)
    models = f"{count} model{'s' if count != 1 else ''}, prices in {comparison.currency}"
    rates = conversion_note(comparison.store, comparison.models, comparison.currency)
    if rates:
        models += f" (converted at {rates})"
    if kind is ChartKind.COST:
        return (
            f"{models}; bars split into input not served from cache, cached read, cache "
            "write, output, reasoning and request fees (where not zero); cheapest first"
        )
    if kind is ChartKind.PROMPT_SIZE:
        return (
            f"{models}; log–log axes; steps where a long-context tier prices the whole "
            "request; the dashed line is the scenario's prompt size"
        )
    if kind is ChartKind.VOLUME:
        return (
            f"{models}; log–log axes; the dashed line is the scenario's input volume, "
            "○ where two models cost the same"
        )
    if kind is ChartKind.BENCHMARKS:
        return f"{count} models; numeric scores only — n/a where a model has none (its note shown)"
    if kind is ChartKind.VALUE:
        return (
            f"{models}; the workload's effective price per million tokens (cache, tiers "
            "and fees included); up and to the left is better value"
        )
    if kind is ChartKind.PRICE_HISTORY:
        return (
            f"{models}; a step at each dated price point — solid input, dashed output, "
            "dotted cached input"
        )
    if kind in (ChartKind.TASK_COST, ChartKind.TASK_VALUE):
        priced = len(comparison.task_costs.priced)
        return (
            f"{priced} model{'s' if priced != 1 else ''} with a priced run, prices in "
            f"{comparison.currency}; each model's best Aider Polyglot run, its prompt and "
            "completion tokens priced at the model's current prices, divided by the tasks it solved"
        )
    return f"{count} models; Mixture-of-Experts models use a share of their parameters per token"


def _sources(model: Model, kind: ChartKind) -> Iterator[Source]:
    pricing = model.pricing
    if kind is ChartKind.PRICE_HISTORY:
        for point in pricing.history:
            if point.source:
                yield point.source
        if pricing.source:
            yield pricing.source
    if kind in (ChartKind.COST, ChartKind.VOLUME, ChartKind.VALUE, ChartKind.PROMPT_SIZE):
        if pricing.source:
            yield pricing.source
        if pricing.cached_input_source:
            yield pricing.cached_input_source
        if pricing.source and kind is not ChartKind.VALUE:
            return  # the prices name their sources: the model's own would credit a user's figure
    if kind in (ChartKind.BENCHMARKS, ChartKind.VALUE):
        for result in model.benchmarks.values():
            if result.source:
                yield result.source
    if kind in (ChartKind.TASK_COST, ChartKind.TASK_VALUE):
        if pricing.source:
            yield pricing.source
        for run in model.benchmark_runs:
            if run.source:
                yield run.source
    if kind is ChartKind.PARAMETERS and model.architecture:
        arch = model.architecture
        for quantity in (arch.total_params_b, arch.active_params_b):
            if quantity is not None and quantity.source:
                yield quantity.source
        if arch.source:
            yield arch.source
    if kind in (ChartKind.COST, ChartKind.VOLUME, ChartKind.PRICE_HISTORY):
        return  # the prices charted have their own sources: the model's others are not these
    yield from model.sources


def _describe(source: Source) -> str:
    text = source.title
    where = urlparse(source.url).netloc if source.url else ""
    details = [part for part in (where, source.retrieved) if part]
    return f"{text} ({', '.join(details)})" if details else text


def data_footnote(comparison: Comparison, kind: ChartKind) -> str:
    """``Data: <source> (<site>, <date>); …`` for the charted models."""
    seen: dict[str, None] = {}
    for model in comparison.models:
        for source in _sources(model, kind):
            seen.setdefault(_describe(source))
    described = list(seen)
    if not described:
        return "Data: the user's own figures (no sources recorded). Made with llmcompare-gui."
    shown = "; ".join(described[:MAX_SOURCES])
    more = len(described) - MAX_SOURCES
    if more > 0:
        shown += f"; and {more} more source{'s' if more != 1 else ''}"
    return f"Data: {shown}. Made with llmcompare-gui."
