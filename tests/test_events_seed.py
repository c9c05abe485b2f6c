"""Every event of the seed article, by hand: the extractor must produce exactly these rows.

The table was written from reading the article (published Saturday 2024-12-07), not from the
extractor's output: one row per (sentence, place, action).
"""
from pathlib import Path

import pytest

from analysis.corpus import document_from_text
from analysis.events import extract_events
from analysis.schema import columns

SEED = Path(__file__).resolve().parents[1] / "seeds" / "2024-12-07_syria-rebels-homs-damascus.txt"
SAT = "2024-12-07"
ARMY = "the General Command of the Army and Armed Forces"

# (sentence, place, place_type, action, actor_side, status, claimed_by, date, distance_km, extent)
EXPECTED = [
    # headline: no date words, so the publication day
    (0, "Homs", "governorate", "entered", "opposition", "reported", "", SAT, None, ""),
    (0, "Damascus", "city", "reached", "opposition", "reported", "", SAT, None, "close to"),
    # lede: "on Saturday"
    (1, "Homs", "governorate", "entered", "opposition", "reported", "", SAT, None, ""),
    (1, "Damascus", "city", "reached", "opposition", "reported", "", SAT, None, "close to"),
    # "AFP reported": a wire agency's report, not a claim
    (2, "Daraa", "governorate", "lost_control", "government", "reported", "AFP", SAT, None, "most of"),
    # "In neighbouring Sweida, ... had fled ... as rebel fighters took control of several key checkpoints"
    (3, "Sweida", "city", "fled", "government", "reported", "", SAT, None, ""),
    (3, "Sweida", "city", "took_control", "opposition", "reported", "", SAT, None, "several key checkpoints"),
    # the army's quoted statement: "Our forces operating in Daraa and Sweida are redeploying"
    (4, "Daraa", "city", "redeployed", "government", "claimed", ARMY, SAT, None, ""),
    (4, "Sweida", "city", "redeployed", "government", "claimed", ARMY, SAT, None, ""),
    (5, "Homs", "city", "breached", "opposition", "reported", "", SAT, None, "the north and east of the city"),
    # "The army's statement said it was 'beginning to regain control in Homs and Hama provinces'"
    (6, "Homs", "governorate", "regained_control", "government", "claimed", "The army", SAT, None, ""),
    (6, "Hama", "governorate", "regained_control", "government", "claimed", "The army", SAT, None, ""),
    (7, "Damascus", "city", "advanced_toward", "opposition", "claimed", "Insurgents", SAT, None, ""),
    (8, "Damascus", "city", "reached", "opposition", "claimed", "A war monitor", SAT, 20.0, ""),
    # "state media also asserted that Assad remains in Damascus and has not fled the country"
    (10, "Damascus", "city", "fled", "government", "denied", "the state media", SAT, None, ""),
    (10, "Syria", "country", "fled", "government", "denied", "the state media", SAT, None, ""),
    (15, "Doha", "foreign_city", "agreed", "foreign", "reported", "", SAT, None, ""),
    # "The Israeli military said it was 'assisting' a UN force in repelling an attack on a UN post in Hader"
    (23, "Hader", "village", "assisted", "foreign", "claimed", "The Israeli military", SAT, None, ""),
    (23, "Hader", "village", "attacked", "unknown", "claimed", "The Israeli military", SAT, None, ""),
]
# Not events: the Interior Minister's "cordon on the far edges of Damascus" (a boast, no action on a
# place), Trump's "should not intervene in Syria" and "pulling out from Syria might be…" (hypothetical),
# Lavrov's "must not be allowed to fall" (modal), "Doha had supported the rebels" (Doha is an actor),
# Pedersen "said at the Doha Forum" (a venue, no action).


@pytest.fixture(scope="module")
def doc():
    return document_from_text(SEED.read_text(encoding="utf-8"), source=SEED.name, published=SAT)


@pytest.fixture(scope="module")
def rows(doc):
    return extract_events(doc)


def test_exactly_the_hand_made_events(rows):
    got = [(r["sentence_index"], r["place"], r["place_type"], r["action"], r["actor_side"], r["status"],
            r["claimed_by"], r["date"], r["distance_km"], r["extent"]) for r in rows]
    assert got == EXPECTED


def test_rows_carry_the_data_dictionary_columns_in_order(rows, doc):
    assert all(list(r) == columns("events") for r in rows)
    assert [r["event_id"] for r in rows] == [f"{doc.doc_id}-e{n:03d}" for n in range(1, len(rows) + 1)]
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)


def test_offsets_cover_the_place_and_the_action_words(rows, doc):
    for r in rows:
        words = doc.body[r["start"]:r["end"]]
        assert r["place_text"] in words and r["action_text"] in words
        assert doc.sentences[r["sentence_index"]].text == r["sentence"]
        assert r["sentence"] in doc.body


def test_the_distance_is_measured_from_the_capital(rows):
    (monitor,) = [r for r in rows if r["distance_km"]]
    assert monitor["distance_from"] == "Damascus"
    assert monitor["action_text"] == "are just 20 km away from"
    assert monitor["actor"] == "the insurgents"


def test_geography_and_acled_columns(rows):
    by_place = {r["place"]: r for r in rows}
    assert by_place["Damascus"]["km_to_damascus"] == 0.0
    assert by_place["Daraa"]["admin1"] == "SY-DR"
    assert by_place["Doha"]["admin1"] == "" and by_place["Doha"]["km_to_damascus"] > 1000
    lost = next(r for r in rows if r["action"] == "lost_control")
    assert (lost["acled_event_type"], lost["acled_sub_event_type"]) == ("Battles", "Non-state actor overtakes territory")
    regained = next(r for r in rows if r["action"] == "regained_control")
    assert regained["acled_sub_event_type"] == "Government regains territory"


def test_dates_come_from_saturday_and_never_from_2011(rows):
    assert {r["date"] for r in rows} == {SAT}
    assert next(r for r in rows if r["sentence_index"] == 1)["date_text"] == "on Saturday"
    assert next(r for r in rows if r["place"] == "Daraa")["date_text"] == ""   # carried, not "2011"
