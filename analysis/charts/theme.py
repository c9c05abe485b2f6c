"""The desk's house style: one font, quiet axes, and fixed colours for the sides of the conflict.

Colours come from the Okabe–Ito palette, which stays distinguishable under the common forms of
colour blindness; a side keeps the same colour in every figure so readers learn it once.
"""
from __future__ import annotations

import altair as alt

THEME = "conflict_desk"
FONT = "Liberation Sans, Helvetica, Arial, sans-serif"
WIDTH = 700
INK = "#222222"
MUTED = "#666666"
GRID = "#e6e6e6"

# One colour per side; the statements table's "foreign government" shares the events table's "foreign".
SIDE_COLORS: dict[str, str] = {
    "opposition": "#009E73",
    "government": "#D55E00",
    "foreign": "#0072B2",
    "foreign government": "#0072B2",
    "international": "#CC79A7",
    "media": "#E69F00",
    "unknown": "#999999",
}
SIDE_ORDER = ["opposition", "government", "foreign", "foreign government", "international", "media", "unknown"]

# Stances get Paul Tol's "muted" scheme: colour-blind safe, and apart from the side colours so a
# stance is never mistaken for a side.
STANCE_COLORS = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
                 "#AA4499"]


def side_scale(sides) -> alt.Scale:
    """Colour scale for the sides present, in the house order, with their fixed colours."""
    present = set(sides)
    order = [s for s in SIDE_ORDER if s in present] + sorted(present - set(SIDE_ORDER))
    return alt.Scale(domain=order, range=[SIDE_COLORS.get(s, SIDE_COLORS["unknown"]) for s in order])


def _config() -> alt.theme.ThemeConfig:
    axis = {"labelFont": FONT, "titleFont": FONT, "labelFontSize": 12, "titleFontSize": 12,
            "labelColor": INK, "titleColor": MUTED, "titleFontWeight": "normal",
            "domainColor": "#888888", "tickColor": "#888888", "gridColor": GRID}
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "padding": 12,
            "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 360},
            "title": {"font": FONT, "fontSize": 18, "fontWeight": "bold", "color": INK, "anchor": "start",
                      "subtitleFont": FONT, "subtitleFontSize": 12, "subtitleColor": MUTED,
                      "subtitlePadding": 6, "offset": 14},
            "axis": axis,
            "axisX": {"grid": False},
            "axisY": {"gridDash": [2, 3]},
            "axisBand": {"grid": False, "ticks": False, "domain": False},
            "header": {"labelFont": FONT, "titleFont": FONT, "labelFontSize": 13, "labelColor": INK,
                       "titleColor": MUTED, "labelFontWeight": "bold"},
            "legend": {"labelFont": FONT, "titleFont": FONT, "labelFontSize": 12, "titleFontSize": 12,
                       "labelColor": INK, "titleColor": MUTED, "titleFontWeight": "normal",
                       "orient": "top", "direction": "horizontal", "symbolSize": 90, "labelLimit": 220},
            "text": {"font": FONT, "color": INK, "fontSize": 12},
            "point": {"size": 80, "strokeWidth": 1.6},
            "range": {"category": STANCE_COLORS},
        }
    }


def register() -> str:
    """Register the house theme with Altair once (importing twice, or calling twice, changes nothing)."""
    if THEME not in alt.theme.names():
        alt.theme.register(THEME, enable=False)(_config)
    return THEME
