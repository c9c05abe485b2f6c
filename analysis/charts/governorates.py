"""Syria's governorates coloured by what the corpus reports for each, with the places it names:
the rule that turns events into a status per governorate, and the map that draws it."""
from __future__ import annotations

import json
import math
from pathlib import Path

import altair as alt
import pandas as pd

from ..config import REFERENCE_DIR
from .base import source_line, title
from .rows import event_rows
from .theme import INK, MUTED, SIDE_COLORS, WIDTH

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
AREAS = {"governorate", "region", "country"}


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


def _region_labels(features: list[dict], places: pd.DataFrame, height: int) -> list[dict]:
    """Governorate names at their centres, white on the dark fills, and left out where they would
    run into a place's label. Label boxes are estimated in pixels from the map's fitted scale."""
    def points(coords):
        return [coords] if not isinstance(coords[0], list) else [p for c in coords for p in points(c)]

    corners = [p for f in features for p in points(f["geometry"]["coordinates"])]
    lons, lats = [p[0] for p in corners], [p[1] for p in corners]
    stretch = 1 / math.cos(math.radians((max(lats) + min(lats)) / 2))  # Mercator's vertical stretch
    px = min(WIDTH / (max(lons) - min(lons)), height / ((max(lats) - min(lats)) * stretch))

    def at(lon, lat):
        return lon * px, -lat * px * stretch

    taken = []
    for p in places.itertuples():
        x, y = at(p.lon, p.lat)
        taken.append((x - 5, y - 10, x + 9 + 7.5 * len(p.place), y + 9))
    labels = []
    for f in features:
        props = f["properties"]
        if not props["iso"]:
            continue
        x, y = at(props["lon"], props["lat"])
        half = 3.2 * len(props["name"]) + 3
        box = (x - half, y - 7, x + half, y + 7)
        if any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken):
            continue
        dark = props["status"] in (TAKEN, GOVERNMENT)
        labels.append({"name": props["name"].upper(), "lon": props["lon"], "lat": props["lat"],
                       "ink": "white" if dark else MUTED})
    return labels


def _places(rows: pd.DataFrame) -> pd.DataFrame:
    """One point per Syrian town, city or area named in the events, with what happened there."""
    points = rows[(rows["admin1"] != "") & ~rows["place_type"].isin(AREAS)
                  & rows["lat"].notna() & rows["lon"].notna() & (rows["place"] != "")]
    return (points.groupby("place", sort=True)
            .agg(lat=("lat", "first"), lon=("lon", "first"), n_events=("event_id", "size"),
                 actions=("what", lambda s: ", ".join(dict.fromkeys(s))),
                 sentence=("sentence", "first"))
            .reset_index())


def governorate_map(events: pd.DataFrame, geojson: str | Path = GEOJSON) -> alt.LayerChart:
    """Syria's governorates coloured by what the corpus reports there, with the places named."""
    heading = "What the reports say about each governorate"
    height = int(WIDTH * 0.82)
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
    region_names = (alt.Chart(alt.Data(values=_region_labels(features, places, height)))
                    .mark_text(fontSize=9.5, fontWeight="bold", opacity=0.85)
                    .encode(longitude="lon:Q", latitude="lat:Q", text="name:N", fill=alt.Fill("ink:N", scale=None)))
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
        width=WIDTH, height=height, title=title(heading, *rule, source_line(events, "event")))
