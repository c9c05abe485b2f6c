"""Figures about the rebel advance, drawn from the events table: the map, the distance to the
capital, and the day-by-day timeline."""
from __future__ import annotations

import json
from pathlib import Path

import altair as alt
import pandas as pd

from ..config import REFERENCE_DIR
from .base import FEW_DAYS, days, no_data, source_line, status_shape, title
from .rows import event_rows
from .theme import INK, MUTED, SIDE_COLORS, WIDTH, side_scale

GEOJSON = REFERENCE_DIR / "syria_governorates.geojson"

TAKEN = "Taken by opposition"
CONTESTED = "Entered or contested"
GOVERNMENT = "Government claims control"
NO_REPORT = "No advance reported"
CATEGORIES = [TAKEN, CONTESTED, GOVERNMENT, NO_REPORT]
CATEGORY_COLORS = [SIDE_COLORS["opposition"], "#F0E442", SIDE_COLORS["government"], "#e9e9e9"]

ADVANCES = {"took_control", "entered", "breached", "reached", "encircled", "attacked", "advanced_toward"}
LOSSES = {"lost_control", "withdrew", "fled"}
HOLDS = {"regained_control", "took_control"}
POSITIONS = {"took_control", "entered", "breached", "reached", "encircled", "lost_control", "withdrew"}
AREAS = {"governorate", "region", "country"}
CAPITAL = "Damascus"  # the reference point of the schema's km_to_damascus column


def _vote(side: str, action: str, status: str) -> str:
    """The category one event argues for (see governorate_status)."""
    if status == "reported" and ((side == "opposition" and action == "took_control")
                                 or (side == "government" and action in LOSSES)):
        return TAKEN
    if status in ("reported", "claimed") and side == "opposition" and action in ADVANCES:
        return CONTESTED
    if status in ("reported", "claimed") and side == "government" and action in HOLDS:
        return GOVERNMENT
    if status == "denied" and ((side == "opposition" and action in ADVANCES)
                               or (side == "government" and action in LOSSES)):
        return GOVERNMENT
    return NO_REPORT


def governorate_status(events: pd.DataFrame) -> pd.DataFrame:
    """What the corpus says about each governorate named (by admin1) in the events.

    Each event votes for one category and the strongest vote wins:
    1. taken by opposition: a reported opposition take-over, or a reported government loss,
       withdrawal or flight;
    2. entered or contested: an opposition advance (entered, breached, reached, encircled, attacked,
       advanced toward, or a take-over that is only claimed), reported or claimed;
    3. government claims control: the government claims, or is reported, to regain or hold control,
       or an opposition advance or a government loss is denied;
    4. no advance reported: the events there are of another kind.
    Returns one row per admin1: admin1, status, n_events, n_claims (claimed or denied), evidence
    (the sentence that decided the category; empty for 4).
    """
    rows = event_rows(events)
    rows = rows[rows["admin1"] != ""].copy()
    rows["vote"] = [_vote(r.actor_side, r.action, r.status) for r in rows.itertuples()]
    rows["rank"] = rows["vote"].map(CATEGORIES.index)
    out = []
    for admin1, group in rows.groupby("admin1", sort=True):
        best = group.sort_values("rank", kind="stable").iloc[0]
        out.append({"admin1": admin1, "status": best["vote"], "n_events": len(group),
                    "n_claims": int((group["status"] != "reported").sum()),
                    "evidence": best["sentence"] if best["vote"] != NO_REPORT else ""})
    return pd.DataFrame(out, columns=["admin1", "status", "n_events", "n_claims", "evidence"])


def _rounded(coords):
    """Coordinates to 3 decimals (about 100 m): a smaller spec, no visible change."""
    return [_rounded(c) for c in coords] if isinstance(coords[0], list) else [round(x, 3) for x in coords]


def _centre(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid of the largest outer ring, where the governorate's name goes."""
    rings = [geometry["coordinates"][0]] if geometry["type"] == "Polygon" else [
        polygon[0] for polygon in geometry["coordinates"]]

    def moments(ring):
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            a, cx, cy = a + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
        return a / 2, cx, cy

    a, cx, cy = max((moments(r) for r in rings), key=lambda m: abs(m[0]))
    return cx / (6 * a), cy / (6 * a)


def _features(path: Path, status: pd.DataFrame) -> list[dict]:
    """Governorate shapes with what the corpus reports merged into their properties."""
    by_iso = status.set_index("admin1").to_dict("index")
    features = []
    for feature in json.loads(Path(path).read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        found = by_iso.get(props["iso"], {})
        lon, lat = _centre(feature["geometry"])
        geometry = dict(feature["geometry"], coordinates=_rounded(feature["geometry"]["coordinates"]))
        features.append({"type": "Feature", "geometry": geometry, "properties": {
            "iso": props["iso"], "name": props["name"], "status": found.get("status", NO_REPORT),
            "n_events": found.get("n_events", 0), "evidence": found.get("evidence", ""),
            "lon": round(lon, 3), "lat": round(lat, 3)}})
    return features


def _places(rows: pd.DataFrame) -> pd.DataFrame:
    """One point per Syrian town, city or area named in the events, with what happened there."""
    points = rows[(rows["admin1"] != "") & ~rows["place_type"].isin(AREAS)
                  & rows["lat"].notna() & rows["lon"].notna() & (rows["place"] != "")]
    return (points.groupby("place", sort=True)
            .agg(lat=("lat", "first"), lon=("lon", "first"), n_events=("event_id", "size"),
                 actions=("action_words", lambda s: ", ".join(dict.fromkeys(s))),
                 sentence=("sentence", "first"))
            .reset_index())


def governorate_map(events: pd.DataFrame, geojson: str | Path = GEOJSON) -> alt.LayerChart:
    """Syria's governorates coloured by what the corpus reports there, with the places named."""
    heading = "What the reports say about each governorate"
    rows = event_rows(events)
    features = _features(geojson, governorate_status(events))
    places = _places(rows)
    rule = ("Colour: the strongest report for each governorate. A reported take-over outranks an entry or "
            "contest,", "which outranks a government claim. Dots: towns and cities named in the events.")
    if rows.empty:
        rule = ("No events in this corpus: nothing is reported for any governorate.",)
    shapes = alt.Chart(alt.Data(values=features)).mark_geoshape(stroke="white", strokeWidth=1.2).encode(
        color=alt.Color("properties.status:N", title=None,
                        scale=alt.Scale(domain=CATEGORIES, range=CATEGORY_COLORS)),
        tooltip=[alt.Tooltip("properties.name:N", title="Governorate"),
                 alt.Tooltip("properties.status:N", title="Reported"),
                 alt.Tooltip("properties.n_events:Q", title="Events"),
                 alt.Tooltip("properties.evidence:N", title="Source sentence")])
    named = set(places["place"])
    regions = [{"name": f["properties"]["name"].upper(), "lon": f["properties"]["lon"],
                "lat": f["properties"]["lat"]} for f in features
               if f["properties"]["iso"] and f["properties"]["name"] not in named]
    region_names = (alt.Chart(alt.Data(values=regions))
                    .mark_text(fontSize=9.5, color=MUTED, opacity=0.75, fontWeight="bold")
                    .encode(longitude="lon:Q", latitude="lat:Q", text="name:N"))
    layers = [shapes, region_names]
    if not places.empty:
        tooltip = [alt.Tooltip("place:N", title="Place"), alt.Tooltip("actions:N", title="Reported"),
                   alt.Tooltip("n_events:Q", title="Events"), alt.Tooltip("sentence:N", title="Source sentence")]
        where = {"longitude": "lon:Q", "latitude": "lat:Q"}
        label = {"align": "left", "dx": 7, "dy": -1, "fontSize": 12.5, "fontWeight": "bold"}
        layers += [
            alt.Chart(places).mark_point(filled=True, size=50, opacity=1, color=INK, stroke="white",
                                         strokeWidth=1).encode(**where, tooltip=tooltip),
            alt.Chart(places).mark_text(**label, stroke="white", strokeWidth=3.5, strokeJoin="round")
            .encode(**where, text="place:N"),
            alt.Chart(places).mark_text(**label, color=INK).encode(**where, text="place:N", tooltip=tooltip)]
    return alt.layer(*layers).project(type="mercator").properties(
        width=WIDTH, height=int(WIDTH * 0.82), title=title(heading, *rule, source_line(events, "event")))


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
    reached["label"] = reached["place"]
    reached["stated"] = False
    both = pd.concat([stated, reached])
    keys = ["day", "label", "stated", "km", "actor_side", "status"]
    return (both.groupby(keys, sort=False)
            .agg(actions=("action_words", lambda s: ", ".join(dict.fromkeys(s))), date=("date", "first"),
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
    width = min(WIDTH, 320 * len(domain))  # one day is a single column of positions, not a wide void
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
    joined = lambda s: "; ".join(dict.fromkeys(a for a in s if a))  # noqa: E731
    cells = (rows.groupby(["day", "place", "actor_side", "status"], sort=False)
             .agg(actions=("action_words", lambda s: ", ".join(dict.fromkeys(s))), actor=("actor", joined),
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
        start, step = 8, band / len(sides)
    else:  # sides nudged apart around the day's centre
        step = 15
        start = band / 2 - step * (len(sides) - 1) / 2
    offset = alt.XOffset("actor_side:N", scale=alt.Scale(
        type="point", domain=sides, range=[start, start + step * (len(sides) - 1)], padding=0))
    y = alt.Y("place:N", sort=list(dict.fromkeys(rows["place"])), title=None,
              axis=alt.Axis(labelFontWeight="bold", ticks=False, domain=False, grid=not few, gridDash=[1, 3]))
    tooltip = [alt.Tooltip("day:N", title="Day"), alt.Tooltip("place:N", title="Place"),
               alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("actor_side:N", title="Side"),
               alt.Tooltip("actions:N", title="Action"), alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("claimed_by:N", title="Claimed by"), alt.Tooltip("n_events:Q", title="Events"),
               alt.Tooltip("sentence:N", title="Source sentence")]
    marks = alt.Chart(cells).mark_point(size=150, filled=True, opacity=1).encode(
        x=alt.X(**x), y=y, xOffset=offset, shape=status_shape(), tooltip=tooltip,
        color=alt.Color("actor_side:N", title="Actor side", scale=side_scale(cells["actor_side"])))
    layers = [marks]
    if few:  # room to write the actions out beside the marks
        layers.append(alt.Chart(cells).mark_text(align="left", dx=11, fontSize=11.5, color=INK,
                                                 limit=max(step - 24, 40))
                      .encode(x=alt.X(**x), y=y, xOffset=offset, text="actions:N", tooltip=tooltip))
    subtitle = ("One row per place, one column per day; within a day, the actor's sides side by side.",
                "Disc: reported as fact; ring: claimed in a statement; cross: denied.")
    return alt.layer(*layers).properties(width=WIDTH, height=alt.Step(28),
                                         title=title(heading, *subtitle, source))
