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
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .parsing import check_store_date

SCHEMA_VERSION = 2
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
    # A real date too (no 2025-02-30): the editors check the same, and dating price points needs it.
    AfterValidator(check_store_date),
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


CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="An ISO 4217 code.")]
TokenThreshold = Annotated[int, Field(gt=0)]
ClockTime = Annotated[
    str,
    Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="A time of day in UTC, HH:MM."),
]
IsoWeekday = Annotated[int, Field(ge=1, le=7, description="1 = Monday … 7 = Sunday.")]

PRICE_FIELDS = (
    "input_per_mtok",
    "cached_input_per_mtok",
    "cache_write_per_mtok",
    "cache_write_1h_per_mtok",
    "output_per_mtok",
    "reasoning_per_mtok",
    "per_request",
)
"""The prices a card, a long-context tier, a service tier or off-peak hours may give."""

SERVICE_TIERS = ("batch", "flex", "priority")


class PriceOverrides(_Record):
    """Prices that replace a card's own where given (null or absent: the card's)."""

    input_per_mtok: NonNegativePrice | None = None
    cached_input_per_mtok: NonNegativePrice | None = None
    cache_write_per_mtok: NonNegativePrice | None = None
    cache_write_1h_per_mtok: NonNegativePrice | None = None
    output_per_mtok: NonNegativePrice | None = None
    reasoning_per_mtok: NonNegativePrice | None = None
    per_request: NonNegativePrice | None = None

    def given(self) -> dict[str, float]:
        """The prices this object sets, by field name."""
        return {name: value for name in PRICE_FIELDS if (value := getattr(self, name)) is not None}


class LongContextTier(PriceOverrides):
    """Prices for a request whose prompt has more than ``above_prompt_tokens`` tokens."""

    above_prompt_tokens: TokenThreshold = Field(
        description="Prompt size (all input tokens, cached included) above which the whole "
        "request is priced at this tier."
    )


def _check_tiers(tiers: list[LongContextTier] | None, where: str) -> None:
    if tiers:
        _check_unique((str(t.above_prompt_tokens) for t in tiers), where, "tier threshold")


class ServiceTier(PriceOverrides):
    """A service tier (batch, flex, priority); an empty object: offered at standard prices."""

    tiers: list[LongContextTier] | None = Field(
        default=None, description="Long-context tiers of this service tier; absent: the card's."
    )

    @model_validator(mode="after")
    def _tiers_are_unique(self) -> ServiceTier:
        _check_tiers(self.tiers, "tiers")
        return self


class ServiceTiers(_Record):
    """The service tiers a card offers besides standard (null or absent: not offered)."""

    batch: ServiceTier | None = None
    flex: ServiceTier | None = None
    priority: ServiceTier | None = None


class OffPeakWindow(_Record):
    """Weekly hours in UTC; a window whose end is not after its start passes midnight."""

    days: list[IsoWeekday] = Field(min_length=1, description="ISO weekdays the window starts on.")
    start_utc: ClockTime
    end_utc: ClockTime = Field(description="Equal to start_utc: the whole day.")


class OffPeak(PriceOverrides):
    """Prices in off-peak hours (standard service tier only)."""

    windows: list[OffPeakWindow] = Field(default_factory=list)


class PriceCard(_Record):
    """A price card, per million tokens in ``currency`` (the store's when absent)."""

    input_per_mtok: NonNegativePrice
    output_per_mtok: NonNegativePrice
    cached_input_per_mtok: NonNegativePrice | None = Field(
        default=None,
        description="Price of input served from cache; null means the input price.",
    )
    cache_write_per_mtok: NonNegativePrice | None = Field(
        default=None,
        description="Writing input into a prompt cache (default lifetime); null: the input price.",
    )
    cache_write_1h_per_mtok: NonNegativePrice | None = Field(
        default=None,
        description="Writing into a cache with a one-hour lifetime; null: cache_write_per_mtok.",
    )
    reasoning_per_mtok: NonNegativePrice | None = Field(
        default=None, description="Reasoning (thinking) output tokens; null: the output price."
    )
    per_request: NonNegativePrice | None = Field(
        default=None, description="A fee per request, in the card's currency; null: none."
    )
    currency: CurrencyCode | None = Field(
        default=None, description="Currency of this card; null: the store's."
    )
    tiers: list[LongContextTier] | None = Field(
        default=None,
        description="Long-context tiers: a request whose prompt exceeds a threshold is priced "
        "wholly at the tier with the largest such threshold.",
    )
    service_tiers: ServiceTiers | None = None
    off_peak: OffPeak | None = None

    @model_validator(mode="after")
    def _tiers_are_unique(self) -> PriceCard:
        _check_tiers(self.tiers, "tiers")
        return self

    @property
    def effective_cached_input_per_mtok(self) -> float:
        if self.cached_input_per_mtok is None:
            return self.input_per_mtok
        return self.cached_input_per_mtok


class _Dated(_Record):
    effective: DateText | None = Field(
        default=None, description="The date from which this price applied."
    )
    as_of: DateText | None = Field(
        default=None,
        description="When this card was last checked (an import or edit day); "
        "not the date it took effect.",
    )


class PricePoint(PriceCard, _Dated):
    """A dated price card: kept as price history, newest last."""

    # (The dates come first in the file, as they did in schema 1.)
    label: str | None = Field(
        default=None, description='What the card prices, where the row covers several (e.g. "R1").'
    )
    alternative: bool | None = Field(
        default=None,
        description="Another listing of prices in force (e.g. the vendor's list in another "
        "currency): kept and shown, never chosen by date.",
    )
    note: str | None = None
    source: Source | None = None


class Pricing(PriceCard):
    """The current price card of a model."""

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
    unpriced: dict[str, Any] | None = Field(
        default=None,
        description="Prices only their source can interpret (per image, per second, per "
        "search…), kept as the source gives them, keyed by its field names; not priced.",
    )


class ExchangeRates(_Record):
    """Rates for showing costs in other currencies."""

    as_of: DateText | None = None
    source: str | None = None
    rates: dict[CurrencyCode, Annotated[float, Field(gt=0, allow_inf_nan=False)]] = Field(
        default_factory=dict,
        description="Units of each currency per one unit of the store's currency.",
    )


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
    currency: CurrencyCode = "USD"
    exchange_rates: ExchangeRates | None = None
    benchmarks: list[BenchmarkDefinition] = Field(
        default_factory=list, description="Benchmarks that model results refer to."
    )
    models: list[Model]

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Store:
        _check_unique((m.id for m in self.models), "models", "model id")
        _check_unique((b.id for b in self.benchmarks), "benchmarks", "benchmark id")
        for index, model in enumerate(self.models):
            for card in (model.pricing, *model.pricing.history):
                code = card.currency
                if code is not None and self.rate(code) is None:
                    raise ValueError(
                        f"models[{index}]: price card in {code} but the store has no "
                        f"exchange rate for {code} (add it to exchange_rates.rates)"
                    )
        return self

    def rate(self, code: str) -> float | None:
        """Units of ``code`` per one unit of the store's currency; None without a rate."""
        if code == self.currency:
            return 1.0
        if self.exchange_rates is None:
            return None
        return self.exchange_rates.rates.get(code)

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
