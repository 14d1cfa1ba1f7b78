"""The largest price and token volume an editor accepts, so that every cost stays finite.

The store format allows any finite price (CONTRACT §2), but a value such as
1e308 typed into an editor would make a month's cost overflow to infinity.
Editors refuse values beyond these bounds with a message: a million per million
tokens is over a thousand times the dearest price list seen, and 1e21 tokens a
month is far beyond any workload; their product over a million is still finite.
"""

from __future__ import annotations

MAX_PRICE_PER_MTOK = 1e6
MAX_TOKEN_VOLUME = 1e21
MAX_PARAMS_B = 1e6
"""A million billion parameters: beyond it a figure is a typo, and it would flatten the chart."""
MAX_SCORE = 1e6
"""Benchmark scores are percentages or ratings in the thousands."""
