"""Models for the table's unit tests: one with a rich schema-2 card, one with the bare minimum."""

from __future__ import annotations

from llmcompare_gui.domain.model import Model

CARD_SOURCE = {"title": "Vendor price page", "url": "https://example.test/prices"}


def rich_model() -> Model:
    """A model with a schema-2 card, an architecture with a qualifier, and sources."""
    return Model.model_validate(
        {
            "id": "m",
            "name": "Model M",
            "vendor": "Acme",
            "architecture": {
                "total_params_b": {"value": 1000},
                "active_params_b": {"value": 32, "source": {"title": "Paper"}},
                "context_window": {"value": 262144, "note": "heavy mode"},
            },
            "pricing": {
                "input_per_mtok": 1.25,
                "output_per_mtok": 10.0,
                "cache_write_per_mtok": 1.5625,
                "per_request": 0.0,
                "source": CARD_SOURCE,
                "tiers": [
                    {"above_prompt_tokens": 1_000_000, "input_per_mtok": 5.0},
                    {"above_prompt_tokens": 200_000, "input_per_mtok": 2.5, "output_per_mtok": 15},
                ],
                "service_tiers": {"priority": {"input_per_mtok": 2.5}, "batch": {}},
                "off_peak": {
                    "input_per_mtok": 0.135,
                    "output_per_mtok": 0.55,
                    "windows": [
                        {"days": [1, 2, 3, 4, 5, 6, 7], "start_utc": "16:30", "end_utc": "00:30"},
                        {"days": [6, 7], "start_utc": "08:00", "end_utc": "12:00"},
                    ],
                },
            },
            "sources": [{"title": "Model card"}],
        }
    )


def plain_model() -> Model:
    return Model.model_validate(
        {"id": "p", "name": "Plain", "pricing": {"input_per_mtok": 0.6, "output_per_mtok": 2.5}}
    )
