"""Figures about the rebel advance from the events table: the distance to the capital and the
day-by-day timeline (the governorate map lives in governorates.py)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from .base import FEW_DAYS, MAX_ROWS, STATUSES, busiest, days, no_data, source_line, status_shape, title
from .governorates import governorate_map, governorate_status
from .rows import event_rows
from .theme import INK, WIDTH, side_scale

__all__ = ["advance_on_damascus", "distance_rows", "events_timeline", "governorate_map", "governorate_status"]

POSITIONS = {"took_control", "entered", "breached", "reached", "encircled", "lost_control", "withdrew"}
CAPITAL = "Damascus"  # the reference point of the schema's km_to_damascus column


def distance_rows(events: pd.DataFrame) -> pd.DataFrame:
    """Every position the events put at a known distance from the capital: stated distances
    ('20 km from the capital') and the Syrian places reached, entered, taken or lost there, one row
    per day, position, side and status."""
    rows = event_rows(events)
    capital_names = set(rows.loc[rows["km_to_damascus"] < 1, "place"]) | {CAPITAL}
    stated = rows[rows["distance_km"].notna() & rows["distance_from"].isin(capital_names)].copy()
    stated["km"] = stated["distance_km"]
    stated["label"] = stated["distance_km"].map(lambda km: f"{km:g} km (stated)")
    stated["stated"] = True
    reached = rows[rows["action"].isin(POSITIONS) & rows["km_to_damascus"].notna()
                   & (rows["admin1"] != "") & (rows["place"] != "") & ~rows.index.isin(stated.index)].copy()
    reached["km"] = reached["km_to_damascus"]
    reached["label"] = reached["where"]
    reached["stated"] = False
    both = pd.concat([stated, reached])
    keys = ["day", "label", "stated", "km", "actor_side", "status"]
    return (both.groupby(keys, sort=False)
            .agg(actions=("what", lambda s: ", ".join(dict.fromkeys(s))), date=("date", "first"),
                 actor=("actor", "first"), claimed_by=("claimed_by", "first"), sentence=("sentence", "first"),
                 n_events=("event_id", "size"))
            .reset_index())


def _spread(km: pd.Series, gap: float) -> list[float]:
    """Label heights at least `gap` apart and as close as possible to their points (pushed upward)."""
    placed, out = None, {}
    for index, value in km.sort_values(kind="stable").items():
        placed = value if placed is None else max(value, placed + gap)
        out[index] = placed
    return [out[i] for i in km.index]


def advance_on_damascus(events: pd.DataFrame) -> alt.LayerChart | alt.Chart:
    """How close the reported positions came to the capital, day by day."""
    heading = f"How close to {CAPITAL}?"
    source = source_line(events, "event")
    rows = distance_rows(events)
    if rows.empty:
        return no_data(heading, f"No event in this corpus gives a position or a distance to {CAPITAL}. " + source)
    height, nudge = 380, 14
    _, domain = days(rows["date"])
    sides = list(side_scale(rows["actor_side"]).domain)
    few = len(domain) <= FEW_DAYS
    top = max(50.0, float(rows["km"].max()) * 1.12)
    labels = (rows.groupby(["day", "label"], sort=False)
              .agg(km=("km", "min"), actions=("actions", ", ".join), stated=("stated", "any"),
                   last_side=("actor_side", lambda s: max(s, key=sides.index)))
              .reset_index())
    labels["text"] = labels["label"]
    if few:  # room to say what happened there
        spelled = ~labels["stated"]
        labels.loc[spelled, "text"] = labels["label"] + ": " + labels["actions"].map(
            lambda a: ", ".join(dict.fromkeys(a.split(", "))))
    labels["label_km"] = 0.0
    for _, group in labels.groupby("day", sort=False):
        labels.loc[group.index, "label_km"] = _spread(group["km"], gap=nudge / height * top)
    width = min(WIDTH, 440 * len(domain))  # one day is a single column of positions, not a wide void
    band = width / len(domain)
    x = {"field": "day", "type": "ordinal", "title": None,
         "scale": alt.Scale(domain=domain, paddingInner=0, paddingOuter=0),
         "axis": alt.Axis(labelAngle=0, labelAlign="left", labelOffset=-band / 2 + 4, labelOverlap="parity",
                          labelPadding=6)}
    offset = alt.Scale(type="point", domain=sides, range=[nudge * 0.6, nudge * (len(sides) - 0.4)], padding=0)
    y = {"type": "quantitative", "scale": alt.Scale(domain=[0, top], nice=False)}
    tooltip = [alt.Tooltip("day:N", title="Day"), alt.Tooltip("label:N", title="Position"),
               alt.Tooltip("actions:N", title="Action"), alt.Tooltip("km:Q", title=f"km to {CAPITAL}", format=".0f"),
               alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("claimed_by:N", title="Claimed by"), alt.Tooltip("sentence:N", title="Source sentence")]
    points = alt.Chart(rows).mark_point(size=130, filled=True, opacity=1).encode(
        x=alt.X(**x), y=alt.Y("km", **y, title=f"Distance to {CAPITAL} (km)"),
        xOffset=alt.XOffset("actor_side:N", scale=offset),
        color=alt.Color("actor_side:N", title="Actor side", scale=side_scale(rows["actor_side"])),
        shape=status_shape(), tooltip=tooltip)
    names = alt.Chart(labels).mark_text(
        align="left", baseline="middle", dx=11, fontSize=11.5, color=INK,
        limit=max(band - nudge * len(sides) - 14, 60),
    ).encode(x=alt.X(**x), y=alt.Y("label_km", **y), xOffset=alt.XOffset("last_side:N", scale=offset),
             text="text:N")
    subtitle = ("Each mark: a place reached, entered, taken or lost, at its straight-line distance from the "
                "capital,", "or a distance stated in the text. Disc: reported as fact; ring: claimed; "
                "marks of different sides sit side by side.")
    return alt.layer(points, names).properties(width=width, height=height,
                                               title=title(heading, *subtitle, source))


def events_timeline(events: pd.DataFrame) -> alt.LayerChart | alt.Chart:
    """Who did what where, day by day; claims drawn as rings so they are not read as facts."""
    heading = "What happened where, day by day"
    source = source_line(events, "event")
    rows = event_rows(events)
    rows = rows[rows["place"] != ""]
    if rows.empty:
        return no_data(heading, "No located events in this corpus. " + source)
    kept, note = busiest(rows["where"].value_counts(), MAX_ROWS, "places")
    rows = rows[rows["where"].isin(kept)]
    joined = lambda s: "; ".join(dict.fromkeys(a for a in s if a))  # noqa: E731
    cells = (rows.groupby(["day", "where", "actor_side", "status"], sort=False)
             .agg(actions=("what", lambda s: ", ".join(dict.fromkeys(s))), actor=("actor", joined),
                  claimed_by=("claimed_by", joined), sentence=("sentence", "first"), n_events=("event_id", "size"))
             .reset_index())
    _, domain = days(rows["date"])
    sides = list(side_scale(cells["actor_side"]).domain)
    few = len(domain) <= FEW_DAYS
    x = {"field": "day", "type": "ordinal", "title": None,
         "scale": alt.Scale(domain=domain, paddingInner=0, paddingOuter=0),
         "axis": alt.Axis(orient="top", labelAngle=0, labelOverlap="parity", labelFontWeight="bold",
                          labelFontSize=12.5, ticks=False, domain=False)}
    band = WIDTH / len(domain)
    if few:  # each side gets its own sub-column, the actions written beside the marks
        start, step = 18, band / len(sides)
    else:  # sides nudged apart around the day's centre
        step = 15
        start = band / 2 - step * (len(sides) - 1) / 2
    # A side with several statuses in one cell (a fact and a claim) stacks them: one line each when the
    # actions are written out, a small horizontal nudge otherwise. Offsets are in pixels.
    cells = cells.sort_values("status", key=lambda s: s.map(STATUSES.index), kind="stable")
    group = cells.groupby(["day", "where", "actor_side"], sort=False)["status"]
    slot = group.cumcount() - (group.transform("size") - 1) / 2
    cells["dx"] = start + cells["actor_side"].map(sides.index) * step + (0 if few else slot * 7)
    row = 32 if few else 26
    cells["dy"] = row / 2 + (slot * 14 if few else 0)  # from the top of the place's row
    offset = {"xOffset": alt.XOffset("dx:Q", scale=None), "yOffset": alt.YOffset("dy:Q", scale=None)}
    y = alt.Y("where:N", sort=list(dict.fromkeys(rows["where"])), title=None,
              scale=alt.Scale(paddingInner=0, paddingOuter=0.1),
              axis=alt.Axis(labelFontWeight="bold", ticks=False, domain=False, grid=not few, gridDash=[1, 3]))
    tooltip = [alt.Tooltip("day:N", title="Day"), alt.Tooltip("where:N", title="Place"),
               alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("actor_side:N", title="Side"),
               alt.Tooltip("actions:N", title="Action"), alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("claimed_by:N", title="Claimed by"), alt.Tooltip("n_events:Q", title="Events"),
               alt.Tooltip("sentence:N", title="Source sentence")]
    marks = alt.Chart(cells).mark_point(size=150, filled=True, opacity=1).encode(
        x=alt.X(**x), y=y, **offset, shape=status_shape(), tooltip=tooltip,
        color=alt.Color("actor_side:N", title="Actor side", scale=side_scale(cells["actor_side"])))
    layers = [marks]
    if few:  # room to write the actions out beside the marks
        layers.append(alt.Chart(cells).mark_text(align="left", dx=11, fontSize=11.5, color=INK,
                                                 limit=max(step - 24, 40))
                      .encode(x=alt.X(**x), y=y, **offset, text="actions:N", tooltip=tooltip))
    subtitle = ("One row per place, one column per day; within a day, the actor's sides side by side.",
                "Disc: reported as fact; ring: claimed in a statement; cross: denied.")
    return alt.layer(*layers).properties(width=WIDTH, height=alt.Step(row),
                                         title=title(heading, *subtitle, *note, source))
