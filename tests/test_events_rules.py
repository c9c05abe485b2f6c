"""Each rule of the events extractor on texts written for these tests: other days of the offensive
(Aleppo, Hama, Homs, Deir ez-Zor, Palmyra, Damascus itself), wire, live-blog and analysis styles."""
import pytest

from analysis.corpus import document_from_text
from analysis.events import extract_events


def events(text, published="2024-12-07"):
    return extract_events(document_from_text(text, published=published))


def brief(rows, *fields):
    return [tuple(r[f] for f in fields) for r in rows]


WIRE_ALEPPO = """BEIRUT, Nov 30 (Reuters) - Syrian rebels stormed into Aleppo on Friday and seized the city's airport, two rebel commanders said.

Insurgents led by Hayat Tahrir al-Sham captured dozens of villages in the Idlib countryside, including Saraqeb, according to the Syrian Observatory for Human Rights.

Russian and Syrian jets struck Idlib city late on Friday. Government troops pulled out of Maarat al-Numan overnight, a military source told Reuters.

The army said it had sent reinforcements to Hama. "Our forces will never abandon Aleppo," it said.

Aleppo fell to the rebels the next day. Hama was captured by insurgents on 5 December.

Syria's army denied that rebels had entered Hama. Assad's forces retook Aleppo in 2016 after a long siege.
"""


@pytest.fixture(scope="module")
def aleppo():
    return events(WIRE_ALEPPO, "2024-11-30")


def test_wire_story_events(aleppo):
    assert brief(aleppo, "sentence_index", "place", "action", "actor_side", "status", "date") == [
        (0, "Aleppo", "entered", "opposition", "claimed", "2024-11-29"),
        (0, "Aleppo International Airport", "took_control", "opposition", "claimed", "2024-11-29"),
        (1, "Idlib", "took_control", "opposition", "claimed", "2024-11-29"),
        (1, "Saraqeb", "took_control", "opposition", "claimed", "2024-11-29"),
        (2, "Idlib", "airstrike", "government", "reported", "2024-11-29"),
        (3, "Maarat al-Numan", "withdrew", "government", "claimed", "2024-11-29"),
        (4, "Hama", "redeployed", "government", "claimed", "2024-11-29"),
        (6, "Aleppo", "took_control", "opposition", "reported", "2024-11-30"),
        (7, "Hama", "took_control", "opposition", "reported", "2024-12-05"),
        (8, "Hama", "entered", "opposition", "denied", "2024-12-05"),
        (9, "Aleppo", "regained_control", "government", "reported", ""),
    ]


def test_claimers_are_the_subjects_of_the_reporting_verbs(aleppo):
    claimed = {(r["sentence_index"], r["action"]): r["claimed_by"] for r in aleppo}
    assert claimed[(0, "entered")] == "two rebel commanders"
    assert claimed[(1, "took_control")] == "the Syrian Observatory for Human Rights"   # 'according to'
    assert claimed[(3, "withdrew")] == "a military source"                             # '..., X told Reuters.'
    assert claimed[(8, "entered")] == "Syria's army"                                   # a denial


def test_place_type_words_choose_city_or_province(aleppo):
    types = {(r["sentence_index"], r["place"]): r["place_type"] for r in aleppo}
    assert types[(1, "Idlib")] == "governorate"     # 'the Idlib countryside'
    assert types[(2, "Idlib")] == "city"            # 'Idlib city'


def test_passive_and_place_subject_triggers_take_the_agent(aleppo):
    fell, captured = (r for r in aleppo if r["sentence_index"] in (6, 7))
    assert (fell["action_text"], fell["actor"]) == ("fell to", "the rebels")
    assert (captured["action_text"], captured["actor"]) == ("captured", "insurgents")


def test_joint_strikes_of_the_state_and_its_allies_are_government(aleppo):
    strike = next(r for r in aleppo if r["action"] == "airstrike")
    assert (strike["actor"], strike["acled_event_type"]) == ("Russian and Syrian jets", "Explosions/Remote violence")


def test_extent_of_a_quantified_object(aleppo):
    assert next(r for r in aleppo if r["place"] == "Idlib")["extent"] == "dozens of villages"


LIVE_DAMASCUS = """Syria live: rebels enter Damascus as Assad flees

06:45 GMT – Rebels say they have taken the capital
Opposition fighters said they had entered Damascus from the south. "We declare the city of Damascus free," a rebel commander said on state television. "The tyrant has fled."

07:30 GMT – Troops abandon positions
Residents said soldiers had abandoned their posts in Mezzeh and thousands of people poured into the streets. Rebels also freed detainees from Saydnaya prison, north of the capital.

08:10 GMT – Israel moves into buffer zone
Israeli troops entered the buffer zone near Quneitra, the Israeli military said, adding that its forces would not advance towards Damascus.

In the east, Kurdish-led forces took over Deir ez-Zor after government troops withdrew. In Palmyra, insurgents said they had seized the ancient city, about 215 km north-east of Damascus.
"""


@pytest.fixture(scope="module")
def damascus():
    return events(LIVE_DAMASCUS, "2024-12-08")


def test_live_blog_events(damascus):
    assert brief(damascus, "sentence_index", "place", "action", "actor_side", "status") == [
        (0, "Damascus", "entered", "opposition", "reported"),
        (0, "Damascus", "fled", "government", "reported"),      # 'as Assad flees': no place of its own
        (1, "Damascus", "took_control", "opposition", "claimed"),
        (2, "Damascus", "entered", "opposition", "claimed"),
        (3, "Damascus", "took_control", "opposition", "claimed"),
        (6, "Mezzeh", "withdrew", "government", "claimed"),
        (7, "Saydnaya", "released", "opposition", "reported"),
        (8, "Golan Heights", "entered", "foreign", "reported"),   # 'the buffer zone' is the Golan's
        (9, "Golan Heights", "entered", "foreign", "claimed"),
        (9, "Quneitra", "entered", "foreign", "claimed"),
        (10, "Deir ez-Zor", "took_control", "opposition", "reported"),
        (10, "Deir ez-Zor", "withdrew", "government", "reported"),
        (11, "Palmyra", "took_control", "opposition", "claimed"),
    ]
    assert {r["date"] for r in damascus} == {"2024-12-08"}


def test_reference_places_are_not_event_places(damascus):
    # 'north of the capital', 'about 215 km north-east of Damascus': where things are, not events
    assert [r["place"] for r in damascus if r["sentence_index"] in (7, 11)] == ["Saydnaya", "Palmyra"]


def test_hypothetical_and_civilian_movements_are_not_events(damascus):
    assert not [r for r in damascus if r["sentence_index"] == 9 and r["action"] == "advanced_toward"]  # 'would not advance'
    assert not [r for r in damascus if r["actor"].startswith("thousands")]


def test_fronted_locative_sets_the_scene(damascus):
    palmyra = next(r for r in damascus if r["place"] == "Palmyra")
    assert (palmyra["rule"], palmyra["claimed_by"], palmyra["actor"]) == ("fronted-locative", "insurgents", "insurgents")


def test_extent_from_a_preposition_before_the_place(damascus):
    assert next(r for r in damascus if r["place"] == "Quneitra")["extent"] == "near"


HOMS_ANALYSIS = """Rebels advanced to within 5 km of Homs on Thursday. Syrian opposition fighters are now 12 miles from Hama city.

The army said its troops had repelled the attack and were fighting in the north of the city. It denied that Homs had fallen.

Government forces withdrew from Rastan, about 20km north of Homs, on Friday, a war monitor said.

"We entered Talbiseh at dawn," a commander of the Syrian National Army said. "Our forces are at the gates of Homs."

Rebels say their next target is Damascus, and they expect the government to fall within days. Turkey would consider sending troops to Syria.

Iran's foreign minister visited Damascus on Sunday and met Assad; the next day he travelled to Ankara.
"""


@pytest.fixture(scope="module")
def homs():
    return events(HOMS_ANALYSIS, "2024-12-06")


def test_distances(homs):
    rows = {(r["place"], r["action"]): r for r in homs if r["sentence_index"] < 5}
    within = rows[("Homs", "reached")]
    assert (within["distance_km"], within["distance_from"], within["date"]) == (5.0, "Homs", "2024-12-05")
    miles = rows[("Hama", "reached")]
    assert (miles["distance_km"], miles["actor_side"]) == (19.3, "opposition")
    rastan = rows[("Rastan", "withdrew")]
    assert (rastan["distance_km"], rastan["distance_from"], rastan["date"]) == (20.0, "Homs", "2024-12-06")
    assert not [r for r in homs if r["sentence_index"] == 4 and r["place"] == "Homs"]   # 'north of Homs'


def test_the_city_is_the_city_named_before(homs):
    city = next(r for r in homs if r["place_text"] == "the city")
    assert (city["place"], city["action"], city["actor_side"], city["extent"]) == (
        "Hama", "clashed", "government", "the north of")


def test_a_denied_event_keeps_who_denies_it(homs):
    denied = next(r for r in homs if r["status"] == "denied")
    assert (denied["place"], denied["action"], denied["claimed_by"]) == ("Homs", "took_control", "The army")


def test_first_person_in_a_quote_is_the_speaker(homs):
    talbiseh = next(r for r in homs if r["place"] == "Talbiseh")
    gates = next(r for r in homs if r["action_text"] == "at the gates of")
    assert talbiseh["actor_side"] == gates["actor_side"] == "opposition"
    assert gates["claimed_by"] == "a commander of the Syrian National Army"   # quote without its own attribution


def test_intentions_and_modals_are_not_events(homs):
    assert not [r for r in homs if r["sentence_index"] in (7, 8)]


def test_diplomacy_and_the_next_day(homs):
    diplomacy = [r for r in homs if r["sentence_index"] == 9]
    assert brief(diplomacy, "place", "action", "actor_side", "date") == [
        ("Damascus", "met", "foreign", "2024-12-01"), ("Ankara", "met", "foreign", "2024-12-02")]


def test_vocabulary_and_sides_are_closed_sets():
    from analysis.actions import Vocabulary
    from analysis.actors import SIDES

    rows = events(WIRE_ALEPPO, "2024-11-30") + events(LIVE_DAMASCUS, "2024-12-08") + events(HOMS_ANALYSIS, "2024-12-06")
    vocabulary = Vocabulary.load().actions
    assert {r["action"] for r in rows} <= set(vocabulary)
    assert {r["actor_side"] for r in rows} <= set(SIDES)
    assert {r["status"] for r in rows} <= {"reported", "claimed", "denied"}
    for r in rows:
        action = vocabulary[r["action"]]
        assert (r["acled_event_type"], r["acled_sub_event_type"]) == (action.acled_event_type, action.acled_sub_event_type)


def test_reference_tables_name_their_sources():
    import csv

    from analysis.config import REFERENCE_DIR

    for name in ("event_actions.csv", "actor_sides.csv"):
        with open(REFERENCE_DIR / name, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert rows and all(r["source"].strip() for r in rows), name


def test_a_fronted_foreign_city_with_a_speaker_is_where_it_was_said():
    rows = events("In Washington, officials said US forces struck Islamic State camps in the Syrian desert. "
                  "In Hama, residents said rebels had entered the city.", "2024-12-09")
    assert brief(rows, "place", "action", "rule") == [
        ("Syrian Desert", "airstrike", "trigger-before-place"), ("Hama", "entered", "fronted-locative")]


def test_words_that_look_like_triggers_but_are_not_events():
    rows = events("Officials will hold a meeting in Doha. The army released a statement in Damascus. "
                  "Rebels now hold most of Idlib province. Hama sits on the highway linking Aleppo to Damascus. "
                  "Qatar hosted talks on Syria in Doha.")
    assert brief(rows, "place", "action", "extent") == [("Idlib", "took_control", "most of"), ("Doha", "met", "")]


def test_a_distance_with_its_conversion_in_brackets():
    rows = events("Rebel fighters were within 20 kilometres (12 miles) of Damascus on Saturday.")
    assert brief(rows, "place", "action", "distance_km", "distance_from", "date") == [
        ("Damascus", "reached", 20.0, "Damascus", "2024-12-07")]


def test_a_day_after_dates_its_own_clause_only():
    rows = events("Rebels advanced on Homs on Friday, a day after they captured Hama. They entered Rastan.",
                  "2024-12-06")
    assert brief(rows, "place", "date") == [("Homs", "2024-12-06"), ("Hama", "2024-12-05"), ("Rastan", "2024-12-06")]


@pytest.mark.parametrize("phrase, side", [
    ("Syrian Islamist rebels", "opposition"), ("Syrian rebels", "opposition"), ("Syrian soldiers", "government"),
    ("Hezbollah fighters", "foreign"), ("Israeli troops", "foreign"), ("The Israeli military", "foreign"),
    ("Russian and Syrian jets", "government"), ("Kurdish-led forces", "opposition"), ("a UN force", "international"),
    ("Turkish-backed factions", "opposition"), ("terrorist elements", "opposition"),
    ("the Syrian Observatory for Human Rights", "unknown"), ("thousands of residents", "unknown"),
    ("the governor, police, prison chiefs and ruling Baath party leaders", "government"),
])
def test_actor_sides(phrase, side):
    from analysis.actors import side_of

    assert side_of(phrase) == side
