"""Peer check: our costs against genai-prices (pydantic's independent calculator).

The cards come from the LiteLLM fixture through our importer; genai-prices
has its own price data. One request is priced by both: our scenario with the
month's input equal to one prompt (so ``R = 1``). The two agree where both
sources carry the vendor's published rates; the hand-worked figures beside
each case say what those are.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import genai_prices  # the test extra: a missing peer fails the suite rather than skipping it
import pytest

from llmcompare_gui.domain.cost import PriceTable, Scenario, compute_costs
from llmcompare_gui.domain.importers import plan_import, read_price_file
from llmcompare_gui.domain.model import Model, Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def imported() -> dict[str, Model]:
    text = (FIXTURES / "litellm_model_prices-2025-11-01.json").read_text(encoding="utf-8")
    store = plan_import(Store.model_validate({"models": []}), read_price_file(text)).store
    return {model.id: model for model in store.models}


def ours(
    model: Model, prompt: int, output: int, cached: int = 0, written: int = 0, **knobs: Any
) -> float:
    scenario = Scenario(
        input_tokens=prompt,
        output_tokens=output,
        cached_share=cached / prompt,
        cache_write_share=written / prompt,
        prompt_tokens=prompt,
        **knobs,
    )
    return float(compute_costs(PriceTable.from_models([model]), scenario).total[0])


def theirs(
    model_ref: str, provider: str, prompt: int, output: int, cached: int = 0, written: int = 0
) -> Decimal:
    usage = genai_prices.Usage(
        input_tokens=prompt,  # all input tokens, cache reads and writes included
        cache_read_tokens=cached,
        cache_write_tokens=written,
        output_tokens=output,
    )
    return genai_prices.calc_price(usage, model_ref, provider_id=provider).total_price


@pytest.mark.parametrize(
    ("prompt", "by_hand"),
    [
        # $1.25/M × 150K + $10/M × 1K
        (150_000, 0.1875 + 0.01),
        # above 200K, the whole request at $2.50/M and $15/M: × 250K and × 1K
        (250_000, 0.625 + 0.015),
    ],
)
def test_gemini_25_pro_long_context(
    imported: dict[str, Model], prompt: int, by_hand: float
) -> None:
    model = imported["gemini-2.5-pro"]
    assert ours(model, prompt, 1000) == pytest.approx(by_hand)
    assert float(theirs("gemini-2.5-pro", "google", prompt, 1000)) == pytest.approx(by_hand)


def test_sonnet_45_with_cache_reads_and_writes(imported: dict[str, Model]) -> None:
    model = imported["claude-sonnet-4-5"]
    # 30K fresh × $3, 50K read × $0.30, 20K written (5-minute) × $3.75, 10K out × $15
    by_hand = 0.09 + 0.015 + 0.075 + 0.15
    assert ours(model, 100_000, 10_000, cached=50_000, written=20_000) == pytest.approx(by_hand)
    peer = theirs("claude-sonnet-4-5", "anthropic", 100_000, 10_000, 50_000, 20_000)
    assert float(peer) == pytest.approx(by_hand)


def test_sonnet_45_long_context_with_cache(imported: dict[str, Model]) -> None:
    model = imported["claude-sonnet-4-5"]
    # above 200K: 200K fresh × $6, 100K read × $0.60, 10K out × $22.50
    by_hand = 1.2 + 0.06 + 0.225
    assert ours(model, 300_000, 10_000, cached=100_000) == pytest.approx(by_hand)
    peer = theirs("claude-sonnet-4-5", "anthropic", 300_000, 10_000, 100_000)
    assert float(peer) == pytest.approx(by_hand)


def test_gpt_5_standard(imported: dict[str, Model]) -> None:
    model = imported["gpt-5"]
    # 100K × $1.25 + 10K × $10
    assert ours(model, 100_000, 10_000) == pytest.approx(0.225)
    assert float(theirs("gpt-5", "openai", 100_000, 10_000)) == pytest.approx(0.225)
