"""The app's limits: the largest price, parameter count and score; how many models a chart shows.

The store format allows any finite number (CONTRACT §2), but a price such as
1e308 typed into an editor would make a month's cost overflow to infinity.
Editors refuse values beyond these bounds with a message: a million per million
tokens is over a thousand times the dearest price list seen, and times the
largest token volume (``tokens.MAX_TOKEN_VOLUME``) over a million it is still
an ordinary float.
"""

from __future__ import annotations

MAX_PRICE_PER_MTOK = 1e6
MAX_PARAMS_B = 1e6
"""A million billion parameters: beyond it a figure is a typo, and it would flatten the chart."""
MAX_SCORE = 1e6
"""Benchmark scores are percentages or ratings in the thousands."""
MAX_CHARTED_MODELS = 15
"""Charts show at most this many models: the cheapest ones, with a note saying so. The
window compares this many at first when the store has none of the bundled models."""
