"""Gallery-style tests of the figures: each builds from sample tables, validates against the
Vega-Lite schema, renders offline, and shows what it should."""
from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest

from analysis import charts
from analysis.charts import advances, governorates, render, theme
from analysis.schema import columns

DAY = "2024-12-07"


def table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A table with exactly the schema's columns; cells not given are empty, as in the CSVs."""
    return pd.DataFrame([{c: row.get(c, "") for c in columns(name)} for row in rows], columns=columns(name))


def event(i, place, action, side, status="reported", date=DAY, **extra) -> dict:
    return {"event_id": f"d1-e{i}", "doc_id": extra.pop("doc_id", "d1"), "date": date, "actor": extra.pop(
        "actor", {"opposition": "rebels", "government": "the army"}.get(side, side)), "actor_side": side,
            "action": action, "action_text": action.replace("_", " "), "place": place, "status": status,
            "sentence_index": i, "sentence": f"Sentence {i}: {side} {action} {place}.", **extra}


PLACES = {  # place: (place_type, admin1, lat, lon, km_to_damascus)
    "Daraa": ("governorate", "SY-DR", 32.8, 36.3, 75.0),
    "Sweida": ("governorate", "SY-SU", 32.7, 36.7, 95.0),
    "Homs": ("city", "SY-HI", 34.73, 36.71, 140.0),
    "Hama": ("city", "SY-HM", 35.13, 36.75, 185.0),
    "Aleppo": ("city", "SY-HL", 36.2, 37.16, 310.0),
    "Damascus": ("city", "SY-DI", 33.51, 36.29, 0.0),
    "Hader": ("town", "SY-QU", 33.27, 35.75, 55.0),
    "Doha": ("foreign_city", "", 25.29, 51.53, 1950.0),
}


def at(place: str) -> dict:
    place_type, admin1, lat, lon, km = PLACES[place]
    return {"place_type": place_type, "admin1": admin1, "lat": lat, "lon": lon, "km_to_damascus": km}


def one_day_events() -> pd.DataFrame:
    """One day of the offensive, like the desk's first seed: facts, claims, a denial, a distance."""
    rows = [
        event(1, "Homs", "entered", "opposition", **at("Homs")),
        event(2, "Daraa", "lost_control", "government", extent="most of", **at("Daraa")),
        event(3, "Sweida", "took_control", "opposition", extent="several key checkpoints", **at("Sweida")),
        event(4, "Sweida", "redeployed", "government", "claimed", claimed_by="army command", **at("Sweida")),
        event(5, "Homs", "breached", "opposition", **at("Homs")),
        event(6, "Hama", "regained_control", "government", "claimed", claimed_by="army command", **at("Hama")),
        event(7, "Damascus", "advanced_toward", "opposition", "claimed", claimed_by="insurgents", **at("Damascus")),
        event(8, "Damascus", "reached", "opposition", "claimed", claimed_by="a war monitor", distance_km=20.0,
              distance_from="Damascus", **at("Damascus")),
        event(9, "Damascus", "fled", "government", "denied", claimed_by="state media", **at("Damascus")),
        event(10, "Doha", "agreed", "foreign", **at("Doha")),
        event(11, "Hader", "assisted", "foreign", "claimed", claimed_by="Israeli military", **at("Hader")),
    ]
    return table("events", rows)


def many_day_events() -> pd.DataFrame:
    """Twelve days, several articles, a gap, an undated event: the shape of a full corpus."""
    rows = [
        event(1, "Aleppo", "advanced_toward", "opposition", "claimed", "2024-11-27", doc_id="d0", **at("Aleppo")),
        event(2, "Aleppo", "entered", "opposition", "reported", "2024-11-29", doc_id="d0", **at("Aleppo")),
        event(3, "Aleppo", "took_control", "opposition", "claimed", "2024-11-30", doc_id="d0", **at("Aleppo")),
        event(4, "Aleppo", "regained_control", "government", "claimed", "", doc_id="d0", **at("Aleppo")),
        event(5, "Hama", "took_control", "opposition", "reported", "2024-12-05", doc_id="d2", **at("Hama")),
        event(6, "Hama", "withdrew", "government", "claimed", "2024-12-05", doc_id="d2", **at("Hama")),
    ]
    rows += [dict(r, event_id=f"d1-e{i + 20}") for i, r in enumerate(one_day_events().to_dict("records"))]
    rows += [event(40, "Damascus", "took_control", "opposition", "claimed", "2024-12-08", doc_id="d3",
                   **at("Damascus"))]
    return table("events", rows)


def statement(i, speaker, side, country, stances="", text="We call for calm.", **extra) -> dict:
    return {"statement_id": f"d1-s{i}", "statement_group": extra.pop("group", f"d1-g{i}"), "doc_id": "d1",
            "kind": "direct", "text": text, "speaker": speaker, "speaker_text": speaker, "speaker_country": country,
            "side": side, "stances": stances, "stance_cues": extra.pop("cues", ""), **extra}


def sample_statements() -> pd.DataFrame:
    rows = [
        statement(1, "army command", "government", "SYR", "military claim; reassurance", cues="regain control"),
        statement(2, "Interior Minister", "government", "SYR", "reassurance", cues="no one can penetrate"),
        statement(3, "US President-elect", "foreign government", "USA", "non-intervention",
                  text="THIS IS NOT OUR FIGHT", cues="not our fight"),
        statement(4, "US President-elect", "foreign government", "USA", "non-intervention", cues="pulling out"),
        statement(5, "Russian foreign minister", "foreign government", "RUS",
                  "sovereignty and counter-terrorism framing", cues="territorial integrity", group="d1-g5"),
        statement(6, "Russian foreign minister", "foreign government", "RUS", "", group="d1-g5"),
        statement(7, "UN envoy", "international", "", "de-escalation and protection of civilians; "
                  "political dialogue and transition", cues="de-escalation; political dialogue"),
        statement(8, "", "opposition", "SYR", "", text="We have a duty to protect offices."),
        statement(9, "Turkish President", "foreign government", "TUR", "de-escalation and protection of civilians"),
    ]
    return table("statements", rows)


def square(iso, name, lon, lat) -> dict:
    ring = [[lon, lat], [lon, lat + 1], [lon + 1, lat + 1], [lon + 1, lat], [lon, lat]]  # clockwise
    return {"type": "Feature", "properties": {"iso": iso, "name": name},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


@pytest.fixture
def geojson(tmp_path):
    """A toy four-governorate map so the test does not depend on the real boundaries file."""
    path = tmp_path / "governorates.geojson"
    features = [square("SY-HI", "Homs", 36, 34), square("SY-DR", "Daraa", 36, 32),
                square("SY-HM", "Hama", 36, 35), square("SY-RA", "Raqqa", 38, 35),
                square("", "buffer zone", 35, 33)]  # like the UNDOF zone: a shape with no governorate
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


EVENTS = {"one day": one_day_events, "many days": many_day_events, "one row": lambda: one_day_events().head(1),
          "empty": lambda: table("events", [])}
STATEMENTS = {"sample": sample_statements, "one row": lambda: sample_statements().head(1),
              "empty": lambda: table("statements", [])}


def build(name, data, geojson):
    factory = charts.FIGURES[name][0]
    return factory(data, geojson=geojson) if name == "governorate_map" else factory(data)


def cases():
    for name, (_, needs) in charts.FIGURES.items():
        samples = EVENTS if needs == ("events",) else STATEMENTS
        for label in samples:
            yield pytest.param(name, samples[label], id=f"{name}-{label}")


@pytest.mark.parametrize("name, make", list(cases()))
def test_figure_validates_and_renders(name, make, geojson):
    data = make()
    chart = build(name, data, geojson)
    spec = render.chart_spec(chart)  # validates against the Vega-Lite schema
    svg = render.svg(spec)
    assert svg.startswith("<svg") and render.png(spec).startswith(b"\x89PNG")
    assert spec["title"]["text"] in svg
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "Source:" in subtitle and "Source:" in svg
    if data.empty:
        assert "No " in subtitle


def test_governorate_status_rule():
    g = governorates
    status = g.governorate_status(one_day_events()).set_index("admin1")["status"].to_dict()
    assert status == {"SY-DR": g.TAKEN, "SY-SU": g.TAKEN, "SY-HI": g.CONTESTED,  # lost; took; entered
                      "SY-DI": g.CONTESTED, "SY-HM": g.GOVERNMENT,  # claimed advance; army's claim
                      "SY-QU": g.NO_REPORT}  # only a foreign force's claim


@pytest.mark.skipif(not governorates.GEOJSON.exists(), reason="boundaries file not built yet")
def test_map_draws_every_governorate_of_the_reference_boundaries():
    spec = render.chart_spec(charts.governorate_map(one_day_events()))
    codes = {f["properties"]["iso"] for f in spec["layer"][0]["data"]["values"]} - {""}
    assert len(codes) == 14 and set(governorates.governorate_status(one_day_events())["admin1"]) <= codes


def test_claims_alone_never_make_a_governorate_taken():
    claimed = table("events", [event(1, "Homs", "took_control", "opposition", "claimed", **at("Homs"))])
    denied = table("events", [event(1, "Homs", "entered", "opposition", "denied", **at("Homs"))])
    assert governorates.governorate_status(claimed)["status"].tolist() == [governorates.CONTESTED]
    assert governorates.governorate_status(denied)["status"].tolist() == [governorates.GOVERNMENT]


def test_map_colours_each_governorate_by_its_status(geojson):
    spec = render.chart_spec(charts.governorate_map(one_day_events(), geojson=geojson))
    features = {f["properties"]["iso"]: f["properties"] for f in spec["layer"][0]["data"]["values"]}
    assert features["SY-DR"]["status"] == governorates.TAKEN
    assert features["SY-RA"]["status"] == governorates.NO_REPORT  # on the map, not in the events
    assert "Sentence 2" in features["SY-DR"]["evidence"]
    svg = render.svg(spec)
    assert "Homs" in svg and "Doha" not in svg  # places abroad are not drawn on Syria's map
    names = {d["name"]: d["ink"] for d in spec["layer"][1]["data"]["values"]}
    assert names["DARAA"] == "white" and names["RAQQA"] == theme.MUTED  # legible on dark and light fills
    assert "BUFFER ZONE" not in names


def test_advance_on_damascus_uses_stated_distances_and_places():
    rows = advances.distance_rows(one_day_events())
    assert sorted(rows["km"]) == [20.0, 75.0, 95.0, 140.0]  # Homs entered and breached: one position
    assert set(rows["label"]) == {"20 km (stated)", "Daraa governorate", "Sweida governorate", "Homs"}
    svg = render.svg(render.chart_spec(charts.advance_on_damascus(one_day_events())))
    assert "20 km (stated)" in svg and "Homs: entered, breached" in svg and "Dec 7" in svg


def test_timeline_one_day_and_many():
    one = render.svg(render.chart_spec(charts.events_timeline(one_day_events())))
    assert "Dec 7" in one and "regained control" in one  # with few days the actions are written out
    many = render.chart_spec(charts.events_timeline(many_day_events()))
    domain = many["layer"][0]["encoding"]["x"]["scale"]["domain"]
    assert domain[0] == "Nov 27" and domain[-2] == "Dec 8" and domain[-1] == "undated"
    assert len(domain) == 13  # every day from first to last, gaps included


def test_claims_by_place_puts_claims_beside_facts():
    spec = render.chart_spec(charts.claims_by_place(one_day_events()))
    svg = render.svg(spec)
    for text in ["Reported as fact", "Claimed in a statement", "Denied", "government: fled", "per state media"]:
        assert text in svg


def test_stance_matrix_and_countries_read_the_statements():
    svg = render.svg(render.chart_spec(charts.stance_matrix(sample_statements())))
    assert "non-intervention" in svg and charts.diplomacy.NO_STANCE in svg
    countries = render.svg(render.chart_spec(charts.statements_by_country(sample_statements())))
    assert "United States" in countries and "Not stated" in countries


def test_renderer_bundle_is_complete_and_deterministic():
    charts.setup()
    assert charts.setup() is None
    chart = charts.events_timeline(one_day_events())
    first, second = chart._repr_mimebundle_(), chart._repr_mimebundle_()
    assert set(first) == {"image/svg+xml", "application/vnd.vegalite.v5+json", "text/plain"}
    assert first == second
    assert first["text/plain"] == "<Chart: What happened where, day by day>"


def test_theme_registered_once_and_side_colours_fixed():
    charts.setup()
    charts.setup()
    assert alt.theme.names().count(theme.THEME) == 1 and alt.theme.active == theme.THEME
    assert theme.side_scale(["unknown", "opposition"]).to_dict() == {
        "domain": ["opposition", "unknown"], "range": [theme.SIDE_COLORS["opposition"], theme.SIDE_COLORS["unknown"]]}


def test_save_chart_writes_identical_files(tmp_path):
    chart = charts.stance_matrix(sample_statements())
    paths = charts.save_chart(chart, tmp_path / "figs" / "stances")
    assert [p.name for p in paths] == ["stances.png", "stances.svg", "stances.vl.json"]
    before = [p.read_bytes() for p in paths]
    charts.save_chart(chart, tmp_path / "figs" / "stances")
    assert [p.read_bytes() for p in paths] == before
    assert sorted(p.name for p in (tmp_path / "figs").iterdir()) == sorted(p.name for p in paths)


@pytest.mark.parametrize("name", list(charts.FIGURES))
def test_figure_is_deterministic_and_lean(name, geojson):
    """The same tables give byte-identical SVG, and the spec carries only the columns it draws."""
    data = one_day_events() if charts.FIGURES[name][1] == ("events",) else sample_statements()
    first = render.chart_spec(build(name, data, geojson))
    assert render.svg(first) == render.svg(render.chart_spec(build(name, data, geojson)))
    records = [r for values in first.get("datasets", {}).values() for r in values]
    assert records and not {"rule", "start", "end", "statement_id", "event_id"} & set().union(*records)


def test_a_long_corpus_keeps_the_busiest_places():
    rows = [event(i, f"Village {i:02d}", "entered", "opposition", **at("Homs")) for i in range(45)]
    rows += [event(99, "Village 44", "took_control", "opposition", **at("Homs"))]
    spec = render.chart_spec(charts.events_timeline(table("events", rows)))
    places = {r["where"] for values in spec["datasets"].values() for r in values}
    assert len(places) == charts.base.MAX_ROWS and "Village 44" in places
    assert any("Showing the 40 places" in line for line in spec["title"]["subtitle"])
