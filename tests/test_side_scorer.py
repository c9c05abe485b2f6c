"""The learned second opinion on event sides (analysis/side_scorer.py) and its training examples."""
import math

import pytest

from analysis.actors import find_actors
from analysis.benchmarks import train_event_models
from analysis.benchmarks.fixtures import REPO
from analysis.corpus import document_from_text
from analysis.events import extract_events
from analysis.place_scorer import PlaceScorer
from analysis.side_scorer import LEARNED, SideScorer, features, nearest_of_side, side_shares, sided

_ROW = {"actor_side": "unknown", "action": "took_control", "status": "reported", "rule": "trigger-before-place",
        "actor": "", "claimed_by": "", "sentence": ""}


def _always(side: str, p: float = 0.9) -> SideScorer:
    """A model that gives `side` probability `p` whatever it reads (the rest to 'unknown')."""
    logit = {"unknown": 0.0, side: math.log(p / (1 - p))}
    return SideScorer({s: {} for s in logit}, logit, 0.7)


def _events(text, sides=None, published="2024-12-06"):
    return extract_events(document_from_text(text, published=published), sides=sides)


def test_features_read_the_rules_side_the_sentence_and_the_sides_around_the_event():
    text = "The army regained control of Maardes while rebels shelled it, SANA said."
    row = _ROW | {"actor_side": "government", "action": "regained_control", "actor": "The army",
                  "claimed_by": "SANA", "sentence": text}
    at = text.index("regained")
    f = features(row, at, sided(find_actors(text)), {"government": 0.75, "opposition": 0.25})
    assert f["rules:government"] == f["act:regained_control"] == f["actor:named"] == 1.0
    assert f["claim:government"] == f["s:shelled"] == f["b:army"] == f["b:the"] == 1.0
    assert f["sb:government"] == f["nb:government"] == f["sa:opposition"] == f["sa:government"] == 1.0
    assert f["da:government"] == 0.75 and f["da:opposition"] == 0.25
    assert "b:maardes" not in f and "sb:opposition" not in f


def test_features_count_phrases_at_the_sentences_offset_in_the_body():
    text = "Rebels entered Homs."
    row = _ROW | {"sentence": text}
    phrases = sided(find_actors(text, offset=100))
    assert features(row, 7, phrases, {}, base=100)["sb:opposition"] == 1.0
    assert features(row, 0, phrases, {}, base=100)["sa:opposition"] == 1.0


def test_side_shares_count_only_rows_whose_side_is_known():
    rows = [{"actor_side": s} for s in ("opposition", "opposition", "government", "unknown")]
    assert side_shares(rows) == pytest.approx({"opposition": 2 / 3, "government": 1 / 3})
    assert side_shares([{"actor_side": "unknown"}]) == {}


def test_probabilities_are_a_softmax_over_the_sides():
    scorer = SideScorer({"a": {"x": 1.0}, "b": {"x": -1.0}}, {"a": 0.0, "b": 0.0}, 0.7)
    p = scorer.probabilities({"x": 1.0})
    assert sum(p.values()) == pytest.approx(1.0) and p["a"] > 0.85


def test_an_unknown_side_takes_the_likeliest_a_named_one_only_a_confident_other():
    unknown, named = _ROW, _ROW | {"actor_side": "government"}
    assert _always("opposition", 0.6).side({}, unknown) == "opposition"
    assert _always("opposition", 0.6).side({}, named) == "government"   # below the threshold
    assert _always("opposition", 0.9).side({}, named) == "opposition"
    assert SideScorer({}, {}, 2.0).side({}, named) == "government"      # no model: the rules' side


def test_a_changed_row_takes_the_nearest_phrase_of_its_new_side_as_actor_and_says_so():
    rows = _events("Rebels were seen in Idlib. Saraqib fell on Friday.", sides=_always("opposition"))
    saraqib = next(r for r in rows if r["place_text"] == "Saraqib")
    assert saraqib["actor_side"] == "opposition" and saraqib["actor"] == ""   # no opposition phrase in its sentence
    assert saraqib["rule"].endswith(LEARNED)
    rows = _events("Turkish drones struck Kobani as fighters entered Manbij.", sides=_always("foreign"))
    manbij = next(r for r in rows if r["place"] == "Manbij")
    assert manbij["actor_side"] == "foreign" and manbij["actor"] == "Turkish drones"


def test_nearest_of_side_prefers_a_phrase_before_the_event():
    text = "Russian jets struck Idlib as Israeli troops moved."
    phrases = sided(find_actors(text))
    assert nearest_of_side(phrases, "foreign", text.index("moved")).text == "Israeli troops"
    assert nearest_of_side(phrases, "foreign", 0).text == "Russian jets"
    assert nearest_of_side(phrases, "opposition", 10) is None


def test_a_row_the_model_agrees_with_is_left_as_the_rules_wrote_it():
    rows = _events("Israeli troops entered Khan Arnabah on Sunday.", sides=_always("foreign"))
    assert [(r["actor"], r["actor_side"], r["rule"]) for r in rows] == [
        ("Israeli troops", "foreign", "trigger-before-place")]


def test_the_committed_model_names_the_side_of_an_event_with_no_actor():
    rows = _events("Saraqib fell on Friday.")   # the rules leave it unknown: the act says whose
    assert [(r["actor_side"], r["rule"]) for r in rows] == [("opposition", "place-before-subject-trigger" + LEARNED)]


def test_side_examples_are_the_rows_that_match_a_gold_pair_labelled_with_its_side():
    data = train_event_models.side_examples(REPO / "tests" / "fixtures" / "heldout", PlaceScorer.load())
    assert len(data) > 150
    assert {side for _, side in data} <= {"opposition", "government", "foreign", "international", "unknown"}
    assert len({side for _, side in data}) >= 3
    assert all(any(k.startswith("rules:") for k in f) for f, _ in data)
