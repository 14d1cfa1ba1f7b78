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
    retrieved: DateText | None = Field(default=None, description="When the source was read.")
    note: str | None = None


class PricePoint(_Record):
    """A dated price card: kept as price history, newest last."""

    effective: DateText | None = Field(
        default=None, description="The date from which this price applied."
    )
    as_of: DateText | None = Field(
        default=None,
        description="When this card was last checked (an import or edit day); "
        "not the date it took effect.",
    )
    input_per_mtok: NonNegativePrice
    output_per_mtok: NonNegativePrice
    cached_input_per_mtok: NonNegativePrice | None = None
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
    reasoning: bool = Field(
        default=False, description="The mode spends extra output tokens on reasoning."
    )
    description: str | None = None
    source: Source | None = None


class Positioning(_Record):
    primary_focus: str | None = None
    key_capability: str | None = None
    target_use_case: str | None = None
    source: Source | None = None


ReportedBy = Literal["vendor", "article", "independent"]
"""Who stands behind a benchmark figure: the model's maker, an article, or an independent run."""

REPORTED_BY_LABELS: dict[str, str] = {
    "vendor": "vendor's claim",
    "article": "article's statement",
    "independent": "independent run",
}


class BenchmarkResult(_Record):
    """A model's result on one benchmark: a score, a qualitative note, or both.

    A note such as "lower than Kimi K2" is data: it is shown, never plotted.
    """

    score: Annotated[float, Field(allow_inf_nan=False)] | None = None
    note: str | None = None
    source: Source | None = None
    reported_by: ReportedBy | None = Field(
        default=None,
        description="Who reported the figure: the vendor (a claim, possibly relayed by an "
        "article), an article (its own statement) or an independent run.",
    )
    other_reports: list[BenchmarkResult] = Field(
        default_factory=list,
        description="Other reports of the same benchmark by someone else (e.g. the vendor's "
        "claim beside an independent run); each has its own reported_by.",
    )

    @model_validator(mode="after")
    def _score_or_note(self) -> BenchmarkResult:
        if self.score is None and not self.note:
            raise ValueError("a benchmark result needs a score or a note")
        return self


IntCount = Annotated[int, Field(ge=0)]


class BenchmarkRun(_Record):
    """One run of a benchmark harness on a model (e.g. a row of Aider's leaderboard)."""

    benchmark: NonEmptyText = Field(description="Benchmark id the run scores.")
    run: NonEmptyText = Field(
        description="The run's own name (Aider: its dirname); unique per benchmark."
    )
    model: str | None = Field(default=None, description="The model as the leaderboard names it.")
    model_id: str | None = Field(default=None, description="The id the harness called (--model).")
    date: DateText | None = None
    edit_format: str | None = None
    test_cases: IntCount | None = Field(default=None, description="Cases in the run.")
    pass_rate_1: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    pass_rate_2: Annotated[float, Field(ge=0, allow_inf_nan=False)] = Field(
        description="Share of cases solved (after the second try), in %."
    )
    pass_num_1: IntCount | None = None
    pass_num_2: IntCount | None = Field(default=None, description="Cases solved.")
    prompt_tokens: IntCount | None = None
    completion_tokens: IntCount | None = None
    total_cost: NonNegativePrice | None = Field(
        default=None, description="What the run cost its authors, in USD, at their prices."
    )
    source: Source | None = None

    @property
    def has_tokens(self) -> bool:
        return bool(self.prompt_tokens) and self.completion_tokens is not None


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
    benchmark_runs: list[BenchmarkRun] = Field(
        default_factory=list,
        description="Independent benchmark runs on this model, with their tokens and sources.",
    )
    aliases: list[str] = Field(
        default_factory=list,
        description="Other names and ids of this model (a leaderboard's name, a provider's "
        "model id): imports match them.",
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
