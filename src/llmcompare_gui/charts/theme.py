"""Chart colours: a colour-blind-safe palette over a light or a dark background."""

from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the
# common forms of colour blindness, in print and on screen.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black (replaced by white on dark backgrounds)
)


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    grid: str
    palette: tuple[str, ...]

    def colour(self, index: int) -> str:
        return self.palette[index % len(self.palette)]


LIGHT = Theme(
    "light", background="#FFFFFF", foreground="#202020", grid="#D0D0D0", palette=OKABE_ITO
)
DARK = Theme(
    "dark",
    background="#1E1E1E",
    foreground="#E8E8E8",
    grid="#444444",
    palette=(*OKABE_ITO[:-1], "#FFFFFF"),
)
THEMES = {theme.name: theme for theme in (LIGHT, DARK)}
