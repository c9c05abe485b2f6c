"""The learned second look at places no trigger governs (analysis/place_scorer.py), and the training
of both learned models of the event extractor (analysis/benchmarks/train_event_models.py)."""
import json

import pytest

from analysis.actions import Vocabulary
from analysis.benchmarks import train_event_models
from analysis.benchmarks.fixtures import REPO, fixture_sets
from analysis.corpus import document_from_text
from analysis.events import extract_events
from analysis.place_scorer import MODEL_PATH, PlaceScorer, features, nearest
from analysis.side_scorer import MODEL_PATH as SIDES_PATH


class _Keep:
    def __init__(self, answer):
        self.answer, self.asked = answer, []

    def keep(self, feats, mention=None):
        self.asked.append(mention[1].place_text)
        return self.answer


def _events(text, scorer):
    return extract_events(document_from_text(text, published="2024-12-06"), scorer=scorer)


def test_features_read_the_words_around_the_place_and_the_nearest_trigger():
    text = "Rebels captured Rastan, and dozens of fighters were visible in the streets of Talbiseh."
    triggers = Vocabulary.load().find(text)
    start = text.index("Talbiseh")
    f = features(text, start, start + len("Talbiseh"), "town", "event", triggers, True)
    assert f["b0:of"] == f["b1:streets"] == f["b2:the"] == 1.0
    assert f["tact:took_control"] == f["tdir:before"] == f["rows"] == f["tbreak"] == 1.0
    assert f["s:fighters"] == f["role:event"] == f["type:town"] == 1.0
    assert "tsaid" not in f and "quote" not in f and "a0:of" not in f
    assert f["tgap"] == pytest.approx(11 / 20)


def test_features_mark_a_place_inside_a_quote_and_a_speech_verb_in_the_gap():
    text = "“We are in Hama,” a commander said after rebels entered the city."
    triggers = Vocabulary.load().find(text)
    f = features(text, 11, 15, "city", "event", triggers, False)
    assert f["quote"] == f["tsaid"] == f["tdir:after"] == 1.0
    assert "rows" not in f and "first" not in f   # three words come before it


def test_nearest_trigger_is_the_closest_on_either_side():
    triggers = Vocabulary.load().find("Rebels seized Hama and shelled villages near Homs, then entered it.")
    assert nearest(triggers, 45, 49).text == "entered"   # 7 characters after Homs; 'shelled' is 15 before
    assert nearest(triggers, 14, 18).text == "seized"


def test_probability_is_the_logistic_of_the_weighted_features():
    scorer = PlaceScorer({"b0:in": 2.0, "tsaid": -3.0}, -1.0, 0.5)
    assert scorer.probability({"b0:in": 1.0}) == pytest.approx(1 / (1 + 2.718281828 ** -1.0))
    assert scorer.keep({"b0:in": 1.0}) and not scorer.keep({"b0:in": 1.0, "tsaid": 1.0})
    assert scorer.probability({"unknown": 1.0}) == pytest.approx(1 / (1 + 2.718281828))


def test_a_kept_place_takes_the_nearest_trigger_and_is_marked_learned():
    text = "Rebels captured Rastan on Thursday, and hundreds of fighters were visible in the streets of Talbiseh."
    keep_all, keep_none = _Keep(True), _Keep(False)
    rows = _events(text, keep_all)
    assert keep_all.asked == ["Talbiseh"]   # Rastan is governed: the rules' row, not asked
    kept = [r for r in rows if r["place"] == "Talbiseh"]
    assert [(r["action"], r["action_text"], r["actor_side"], r["rule"]) for r in kept] == [
        ("took_control", "captured", "opposition", "learned-scorer")]
    assert [r["place"] for r in _events(text, keep_none)] == ["Rastan"]


def test_no_place_is_asked_about_in_a_sentence_without_triggers():
    scorer = _Keep(True)
    assert _events("Homs is Syria's third-largest city, and Hama lies to its north.", scorer) == []
    assert scorer.asked == []


def test_a_place_the_rules_govern_elsewhere_in_the_sentence_is_not_asked_about_again():
    scorer = _Keep(True)
    rows = _events("Rebels entered Hama, and crowds in Hama cheered them.", scorer)
    assert scorer.asked == [] and [r["rule"] for r in rows] == ["trigger-before-place"]


def test_the_committed_models_are_the_ones_training_on_the_fixture_sets_gives(tmp_path):
    pytest.importorskip("sklearn")
    places, sides = tmp_path / "places.json", tmp_path / "sides.json"
    assert train_event_models.main(["--out", str(places), "--sides-out", str(sides)]) == 0
    fresh, committed = json.loads(places.read_text()), json.loads(MODEL_PATH.read_text())
    assert fresh["trained_on"] == committed["trained_on"]
    assert set(fresh["trained_on"]) == {p.relative_to(REPO).as_posix() for p in fixture_sets()}
    assert fresh["weights"].keys() == committed["weights"].keys()
    assert all(abs(fresh["weights"][k] - w) < 1e-3 for k, w in committed["weights"].items())
    assert abs(fresh["intercept"] - committed["intercept"]) < 1e-3
    fresh, committed = json.loads(sides.read_text()), json.loads(SIDES_PATH.read_text())
    assert fresh["trained_on"] == committed["trained_on"] and fresh["threshold"] == committed["threshold"]
    assert all(abs(fresh["intercepts"][s] - b) < 1e-3 for s, b in committed["intercepts"].items())
    for side, weights in committed["weights"].items():
        assert fresh["weights"][side].keys() == weights.keys()
        assert all(abs(fresh["weights"][side][k] - w) < 1e-3 for k, w in weights.items())


def test_training_examples_are_labelled_from_the_gold():
    data = train_event_models.examples(train_event_models.REPO / "tests" / "fixtures" / "heldout")
    assert len(data) > 100 and 0 < sum(y for _, y in data) < len(data) / 2
    assert all("role:event" in f or "role:origin" in f or "role:reference" in f for f, _ in data)
