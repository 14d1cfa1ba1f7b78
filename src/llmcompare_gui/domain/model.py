"""The data model of a store: models, their prices, benchmarks and sources.

Pydantic models are the single definition of the format: they validate a file,
and the JSON Schema shipped in ``resources/`` is generated from them.

Every model allows extra fields so that what a newer app or a user's script
wrote survives a load-save round trip. Validation is strict (a price written
as text is an error, not coerced), because a store that silently changes its
numbers is worse than one that refuses to load.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 1
"""The newest store format this app reads and writes."""

NonNegativePrice = Annotated[float, Field(ge=0, allow_inf_nan=False)]
"""A price in the store's currency per million tokens."""

PositiveCount = Annotated[int | float, Field(gt=0, allow_inf_nan=False)]
"""A count (parameters, tokens): a whole number stays whole, so a file reads back as written."""
DateText = Annotated[
    str,
    Field(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="An ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD.",
    ),
]
NonEmptyText = Annotated[str, Field(min_length=1)]


class _Record(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        strict=True,
        validate_assignment=True,
        populate_by_name=True,
    )


class Source(_Record):
    """Where a figure or statement comes from."""

    title: NonEmptyText
    url: str | None = None
    publisher: str | None = Field(default=None, description="Who published it (site, vendor).")
    published: DateText | None = Field(
        default=None, description="When the source itself was published or announced."
    )
    retrieved: DateText | None = Field(default=None, description="When the source was read.")
    note: str | None = None


class PricePoint(_Record):
    """A dated price card: kept as price history, newest last."""

    effective: DateText | None = Field(
        default=None, description="The date from which this price applied."
    )
    input_per_mtok: NonNegativePrice
    output_per_mtok: NonNegativePrice
    cached_input_per_mtok: NonNegativePrice | None = None
    label: str | None = Field(
        default=None, description='What the card prices, where the row covers several (e.g. "R1").'
    )
    note: str | None = None
    source: Source | None = None


class Pricing(_Record):
    """The current price of a model, per million tokens in the store's currency."""

    input_per_mtok: NonNegativePrice
    output_per_mtok: NonNegativePrice
    cached_input_per_mtok: NonNegativePrice | None = Field(
        default=None,
        description="Price of input served from cache; null means the input price.",
    )
    as_of: DateText | None = Field(default=None, description="When these prices were last checked.")
    effective: DateText | None = Field(
        default=None,
        description="The date from which the current card applies; unknown when absent "
        "(then it is taken to follow every dated history point).",
    )
    label: str | None = Field(
        default=None, description="What the current card prices, where the row covers several."
    )
    note: str | None = None
    source: Source | None = None
    cached_input_source: Source | None = Field(
        default=None, description="Source of the cached-input price, where it has its own."
    )
    history: list[PricePoint] = Field(
        default_factory=list,
        description="Earlier or alternative price cards, each with its source.",
    )

    @property
    def effective_cached_input_per_mtok(self) -> float:
        if self.cached_input_per_mtok is None:
            return self.input_per_mtok
        return self.cached_input_per_mtok


class Quantity(_Record):
    """A number with where it comes from (parameters, context window)."""

    value: PositiveCount
    note: str | None = Field(default=None, description='A qualifier such as "in heavy mode".')
    source: Source | None = None


class Architecture(_Record):
    kind: Literal["moe", "dense"] | None = Field(
        default=None, description="Mixture of Experts or dense."
    )
    attention: str | None = Field(
        default=None, description="Attention mechanism, e.g. MLA (Multi-head Latent Attention)."
    )
    attention_inferred: bool | None = Field(
        default=None,
        description="The attention mechanism is inferred (see attention_source), not stated.",
    )
    attention_source: Source | None = Field(
        default=None, description="Source of the attention mechanism, where it has its own."
    )
    total_params_b: Quantity | None = Field(
        default=None, description="Total parameters, in billions."
    )
    active_params_b: Quantity | None = Field(
        default=None, description="Parameters active per token, in billions."
    )
    context_window: Quantity | None = Field(default=None, description="Context window, in tokens.")
    notes: str | None = None
    source: Source | None = None


class Mode(_Record):
    """An operating mode: thinking, non-thinking, heavy."""

    name: NonEmptyText
    reasoning: bool | None = Field(
        default=None,
        description="The mode spends extra output tokens on reasoning; null: not stated.",
    )
    description: str | None = None
    source: Source | None = None


class Positioning(_Record):
    primary_focus: str | None = None
    key_capability: str | None = None
    target_use_case: str | None = None
    applies_to: str | None = Field(
        default=None,
        description="The model the source's statements name, where it is not this row exactly.",
    )
    note: str | None = None
    source: Source | None = None


class BenchmarkResult(_Record):
    """A model's result on one benchmark: a score, a qualitative note, or both.

    A note such as "lower than Kimi K2" is data: it is shown, never plotted.
    """

    score: Annotated[float, Field(allow_inf_nan=False)] | None = None
    note: str | None = None
    source: Source | None = None

    @model_validator(mode="after")
    def _score_or_note(self) -> BenchmarkResult:
        if self.score is None and not self.note:
            raise ValueError("a benchmark result needs a score or a note")
        return self


class BenchmarkDefinition(_Record):
    id: NonEmptyText
    name: NonEmptyText
    unit: str = "%"
    higher_is_better: bool = True
    description: str | None = None
    url: str | None = None


class Model(_Record):
    id: NonEmptyText = Field(description="Unique within the store.")
    name: NonEmptyText = Field(description="Display name.")
    vendor: str | None = None
    family: str | None = None
    release: DateText | None = None
    architecture: Architecture | None = None
    modes: list[Mode] = Field(default_factory=list)
    license: str | None = None
    open_weights: bool | None = None
    positioning: Positioning | None = None
    pricing: Pricing
    benchmarks: dict[str, BenchmarkResult] = Field(
        default_factory=dict,
        description="Results keyed by benchmark id (see the store's `benchmarks`).",
    )
    sources: list[Source] = Field(
        default_factory=list, description="Sources for the model as a whole."
    )
    notes: str | None = None

    @property
    def has_reasoning_mode(self) -> bool:
        return any(mode.reasoning for mode in self.modes)

    @property
    def sparsity(self) -> float | None:
        """Active parameters as a share of total parameters."""
        arch = self.architecture
        if arch is None or arch.total_params_b is None or arch.active_params_b is None:
            return None
        return arch.active_params_b.value / arch.total_params_b.value


class Store(_Record):
    """The whole content of ``models.json``."""

    schema_version: int = Field(
        default=SCHEMA_VERSION, ge=1, description="Format version of this file."
    )
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"
    benchmarks: list[BenchmarkDefinition] = Field(
        default_factory=list, description="Benchmarks that model results refer to."
    )
    models: list[Model]

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Store:
        _check_unique((m.id for m in self.models), "models", "model id")
        _check_unique((b.id for b in self.benchmarks), "benchmarks", "benchmark id")
        return self

    def model(self, model_id: str) -> Model | None:
        return next((m for m in self.models if m.id == model_id), None)

    def benchmark_ids(self) -> list[str]:
        """Defined benchmarks first, then any id only found in results."""
        ids = [b.id for b in self.benchmarks]
        seen = set(ids)
        for model in self.models:
            for bench_id in model.benchmarks:
                if bench_id not in seen:
                    seen.add(bench_id)
                    ids.append(bench_id)
        return ids

    def benchmark_definition(self, bench_id: str) -> BenchmarkDefinition:
        for definition in self.benchmarks:
            if definition.id == bench_id:
                return definition
        return BenchmarkDefinition(id=bench_id, name=bench_id)


def _check_unique(values: Iterable[str], where: str, what: str) -> None:
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            raise ValueError(
                f"{where}[{index}]: duplicate {what} {value!r} "
                f"(first used at {where}[{seen[value]}])"
            )
        seen[value] = index
