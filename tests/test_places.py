"""The gazetteer resolves the spellings news coverage uses, reads place type from context,
and its generated reference files (places.csv, governorate boundaries) are valid and reproducible."""
from __future__ import annotations

import csv
import importlib.util
import json

import pycountry
import pytest

from analysis.config import REFERENCE_DIR, ROOT
from analysis.places import Gazetteer, Place, haversine_km, km_to_damascus

SY_CODES = {s.code for s in pycountry.subdivisions.get(country_code="SY")}

# spelling -> canonical name of the place it must resolve to
VARIANTS = {
    "Daraa": "Daraa", "Dar'a": "Daraa", "Deraa": "Daraa", "Dara'a": "Daraa", "Dar’a": "Daraa",
    "Sweida": "Sweida", "Suwayda": "Sweida", "As-Suwayda": "Sweida", "Suweida": "Sweida",
    "Homs": "Homs", "Hims": "Homs", "Hama": "Hama", "Hamah": "Hama", "Idlib": "Idlib", "Idleb": "Idlib",
    "Latakia": "Latakia", "Lattakia": "Latakia", "Al-Ladhiqiyah": "Latakia",
    "Deir ez-Zor": "Deir ez-Zor", "Deir Ezzor": "Deir ez-Zor", "Deir al-Zor": "Deir ez-Zor",
    "Dayr az Zawr": "Deir ez-Zor", "Tartus": "Tartus", "Tartous": "Tartus", "Quneitra": "Quneitra",
    "Raqqa": "Raqqa", "Raqqah": "Raqqa", "Al-Raqqa": "Raqqa",
    "Hasakah": "Hasakah", "Hasakeh": "Hasakah", "Al-Hasakah": "Hasakah",
    "Rif Dimashq": "Rif Dimashq", "Damascus countryside": "Rif Dimashq", "Damascus suburbs": "Rif Dimashq",
    "Rural Damascus": "Rif Dimashq", "Palmyra": "Palmyra", "Tadmur": "Palmyra",
    "Golan Heights": "Golan Heights", "Aleppo": "Aleppo", "Halab": "Aleppo", "Qusayr": "Qusayr",
    "Rastan": "Rastan", "Talbiseh": "Talbiseh", "Maarat al-Numan": "Maarat al-Numan",
    "Saraqeb": "Saraqeb", "Kafr Nabl": "Kafr Nabl", "Khan Sheikhoun": "Khan Sheikhoun",
    "Salamiyah": "Salamiyah", "Tell Rifaat": "Tell Rifaat", "Manbij": "Manbij",
    "Albu Kamal": "Albu Kamal", "Abu Kamal": "Albu Kamal", "Mayadin": "Mayadin", "Jableh": "Jableh",
    "Baniyas": "Baniyas", "Qardaha": "Qardaha", "Nawa": "Nawa", "Sanamayn": "Sanamayn",
    "Busra al-Sham": "Busra al-Sham", "Shahba": "Shahba", "Douma": "Douma", "Harasta": "Harasta",
    "Jaramana": "Jaramana", "Qatana": "Qatana", "Kiswah": "Kiswah", "Dumayr": "Dumayr",
    "Yabroud": "Yabroud", "Nabek": "Nabek", "Tal Kalakh": "Tal Kalakh", "Kobani": "Kobani",
    "Qamishli": "Qamishli", "Hader": "Hader", "Hadar": "Hader",
    "Doha": "Doha", "Geneva": "Geneva", "Astana": "Astana", "Moscow": "Moscow", "Ankara": "Ankara",
    "Tehran": "Tehran", "Washington": "Washington", "Beirut": "Beirut", "Amman": "Amman",
    "Baghdad": "Baghdad", "Riyadh": "Riyadh", "Cairo": "Cairo", "New York": "New York",
    "Brussels": "Brussels", "Tel Aviv": "Tel Aviv", "Jerusalem": "Jerusalem",
    "Syria": "Syria", "Turkey": "Turkey", "Türkiye": "Turkey", "Iran": "Iran", "Russia": "Russia",
    "Qatar": "Qatar", "Israel": "Israel", "Lebanon": "Lebanon", "Jordan": "Jordan", "Iraq": "Iraq",
    "US": "United States", "United States": "United States",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def only(gaz, text, **kw):
    found = gaz.find(text, **kw)
    assert len(found) == 1, [(m.place_text, m.place.place_id) for m in found]
    return found[0]


@pytest.mark.parametrize("spelling,name", VARIANTS.items())
def test_every_variant_resolves_and_is_found_in_text(gaz, spelling, name):
    assert gaz.resolve(spelling).name == name
    text = f"Fighters moved on {spelling} on Saturday."
    m = only(gaz, text)
    assert (m.place.name, m.place_text, text[m.start:m.end]) == (name, spelling, spelling)


def test_fourteen_governorates_with_the_iso_codes(gaz):
    govs = [p for p in gaz.places.values() if p.place_type == "governorate"]
    assert len(govs) == 14 and {p.admin1 for p in govs} == SY_CODES
    assert all(p.admin1_name == p.name and p.country == "SYR" and p.lat for p in govs)


def test_syrian_places_carry_their_governorate(gaz):
    homs = gaz.resolve("Qusayr")
    assert (homs.admin1, homs.admin1_name, homs.country) == ("SY-HI", "Homs", "SYR")
    assert gaz.resolve("Doha") == Place("qa-city-doha", "Doha", "foreign_city", "", "", "QAT",
                                        gaz.resolve("Doha").lat, gaz.resolve("Doha").lon)


@pytest.mark.parametrize("text,place_text,place_type", [
    ("Rebels entered Homs province on Friday.", "Homs province", "governorate"),
    ("Rebels entered the province of Homs on Friday.", "Homs", "governorate"),
    ("Rebels entered Homs governorate on Friday.", "Homs governorate", "governorate"),
    ("They entered the country’s largest province, Homs and moved on.", "Homs", "governorate"),
    ("They lost most of Daraa province.", "Daraa province", "governorate"),
    ("They fought in the Hama countryside.", "Hama countryside", "governorate"),
    ("They entered the city of Homs.", "Homs", "city"),
    ("In the strategic city of Homs, fighting went on.", "Homs", "city"),
    ("Fighting reached Homs city at dawn.", "Homs city", "city"),
    ("Fighting reached Homs at dawn.", "Homs", "city"),
    ("Fighting reached Rif Dimashq at dawn.", "Rif Dimashq", "governorate"),
])
def test_place_type_from_context(gaz, text, place_text, place_type):
    m = only(gaz, text)
    assert (m.place_text, m.place.place_type, text[m.start:m.end]) == (place_text, place_type, place_text)


def test_lists_of_provinces_are_all_governorates(gaz):
    for text in ("control in Homs and Hama provinces", "the provinces of Homs, Hama and Idlib"):
        assert {m.place.place_type for m in gaz.find(text)} == {"governorate"}
    assert [m.place_text for m in gaz.find("control in Homs and Hama provinces")] == ["Homs", "Hama provinces"]


@pytest.mark.parametrize("phrase", ["the capital", "the Syrian capital", "the capital city",
                                    "the country's capital", "the country’s capital", "Syria’s capital"])
def test_the_capital_is_damascus_in_syrian_context(gaz, phrase):
    text = f"Rebels were 20 km from {phrase} on Saturday."
    m = only(gaz, text)
    assert (m.place.place_id, m.place.place_type, m.place_text) == ("sy-city-damascus", "city", phrase)
    elsewhere = gaz.find(text, syrian_context=False)
    assert [m.place.name for m in elsewhere] == (["Damascus"] if "Syria" in phrase else [])


def test_capital_in_apposition_is_one_mention(gaz):
    for text in ("They reached close to the capital, Damascus.", "They advanced on Damascus, the country's capital."):
        assert [m.place_text for m in gaz.find(text)] == ["Damascus"]
    assert [m.place.name for m in gaz.find("Doha, the capital of Qatar")] == ["Doha", "Qatar"]


@pytest.mark.parametrize("text", [
    "Hamas said it welcomed the statement.", "President Bashar al-Assad fled.", "Assad remains in power.",
    "The Syrian government and Syrian people.", "Turkish and Iranian ministers met.",
    "the homs of lowercase words", "Hayat Tahrir al-Sham led the offensive.", "Homsville and Hamaland",
    "Prime Minister Mohammed bin Abdulrahman bin Jassim Al-Thani spoke.", "Tell me about Duma politics.",
    "Defence Minister Israel Katz visited.",
])
def test_no_match_inside_words_names_or_demonyms(gaz, text):
    assert gaz.find(text) == []


def test_offsets_slice_back_exactly_on_real_articles(gaz):
    for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = gaz.find(text)
        assert found, path.name
        assert all(text[m.start:m.end] == m.place_text for m in found)
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))  # non-overlapping, in order


def test_longest_match_wins(gaz):
    assert only(gaz, "shelling in the Damascus countryside").place.name == "Rif Dimashq"
    assert only(gaz, "the Golan Heights buffer zone").place_text == "Golan Heights buffer zone"
    assert only(gaz, "troops left Busra al-Sham").place_text == "Busra al-Sham"


def test_resolve_by_id_type_and_phrase(gaz):
    assert gaz.resolve("sy-gov-homs").place_type == "governorate"
    assert gaz.resolve("Homs", "governorate").place_id == "sy-gov-homs"
    assert gaz.resolve("Homs province").place_id == "sy-gov-homs"
    assert gaz.resolve("city of Homs").place_id == "sy-city-homs"
    assert gaz.resolve("Qusayr", "governorate") is None
    assert gaz.resolve("Atlantis") is None


def test_distances_to_damascus(gaz):
    assert 140 <= km_to_damascus(gaz.resolve("Homs")) <= 165
    assert km_to_damascus(gaz.resolve("Damascus")) == 0.0
    assert km_to_damascus(gaz.resolve("Syria")) is None
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)


# -- generated reference files ---------------------------------------------------------------

def signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def test_governorate_boundaries_draw_in_vega_lite():
    path = REFERENCE_DIR / "syria_governorates.geojson"
    assert path.stat().st_size < 150_000
    features = json.loads(path.read_text())["features"]
    govs = [f for f in features if f["properties"]["kind"] == "governorate"]
    assert len(features) == 15 and len(govs) == 14
    assert {f["properties"]["iso"] for f in govs} == SY_CODES
    assert [f["properties"]["name"] for f in features if f["properties"]["kind"] == "undof_zone"] == ["UNDOF zone"]
    names = {p.admin1: p.name for p in Gazetteer.load().places.values() if p.place_type == "governorate"}
    assert all(f["properties"]["name"] == names[f["properties"]["iso"]] for f in govs)
    for f in features:
        geom = f["geometry"]
        for poly in geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]:
            for k, ring in enumerate(poly):
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert (signed_area(ring) < 0) == (k == 0), "outer rings clockwise, holes counter-clockwise"


def load_script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_boundary_rings_are_rewound_and_simplified():
    bb = load_script("build_boundaries")
    ccw_square = [[0, 0], [0.5, 0.00001], [1, 0], [1, 1], [0, 1], [0, 0]]  # RFC 7946 order
    outer = bb.clean_ring(ccw_square, outer=True)
    assert outer[0] == outer[-1] and len(outer) == 5 and bb.signed_area(outer) < 0
    assert bb.signed_area(bb.clean_ring(ccw_square, outer=False)) > 0


def test_places_csv_is_rebuilt_byte_for_byte(tmp_path):
    out = tmp_path / "places.csv"
    load_script("build_places").main(["--out", str(out)])
    assert out.read_bytes() == (REFERENCE_DIR / "places.csv").read_bytes()


def test_places_csv_columns_and_sources():
    with (REFERENCE_DIR / "places.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["place_id", "name", "place_type", "admin1", "admin1_name", "country",
                             "lat", "lon", "population", "variants", "source"]
    assert len({r["place_id"] for r in rows}) == len(rows)
    assert all(r["source"] for r in rows)
    assert all(r["lat"] and r["lon"] for r in rows if r["country"] == "SYR" and r["place_type"] != "country")


@pytest.mark.parametrize("text,place_text,name,place_type,qualifier", [
    ("units operating in the northern countryside of Hama", "northern countryside of Hama", "Hama",
     "governorate", "northern countryside"),
    ("villages in the countryside of Qardaha", "countryside of Qardaha", "Qardaha", "town", "countryside"),
    ("strikes on the western Aleppo countryside", "western Aleppo countryside", "Aleppo", "governorate",
     "western countryside"),
    ("shelling in Hama's southern countryside", "Hama's southern countryside", "Hama", "governorate",
     "southern countryside"),
    ("jets hit Mezzeh military airport", "Mezzeh military airport", "Mezzeh", "area", "military airport"),
    ("fighters broke into Sednaya prison", "Sednaya prison", "Saydnaya", "town", "prison"),
    ("clashes on the Salamiyah road", "Salamiyah road", "Salamiyah", "town", "road"),
    ("the flag over the citadel of Aleppo", "citadel of Aleppo", "Aleppo", "city", "citadel"),
])
def test_a_landmark_named_after_a_place_is_the_mention_and_the_place_stays_the_gazetteers(
        gaz, text, place_text, name, place_type, qualifier):
    [m] = gaz.find(text)
    assert (m.place_text, m.place.name, m.place.place_type, m.qualifier) == (place_text, name, place_type, qualifier)
    assert text[m.start:m.end] == m.place_text


def test_a_countryside_covers_the_whole_list_it_opens_or_closes(gaz):
    assert [(m.place.name, m.place.place_type, m.qualifier) for m in gaz.find("the countryside of Aleppo and Idlib")] \
        == [("Aleppo", "governorate", "countryside"), ("Idlib", "governorate", "countryside")]
    assert [m.place_text for m in gaz.find("raids on the Hama and Idlib countrysides")] == ["Hama", "Idlib countrysides"]


def test_a_road_needs_the_article_and_a_foreign_place_no_landmark(gaz):
    assert [m.place_text for m in gaz.find("Aleppo road signs")] == ["Aleppo"]
    assert [m.place_text for m in gaz.find("flights from Beirut airport")] == ["Beirut"]
