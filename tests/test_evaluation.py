"""The scorer itself, on tiny hand-built tables."""
import pandas as pd
import pytest

from analysis.evaluation import (micro_average, normalise_name, overlap, score_events, score_statements,
                                 speaker_verdict)

BODY = ('Lavrov said Syria must not fall to "terrorist" rebels. '
        '"It is inadmissible to allow this," Lavrov said. '
        'The army said it had regained control of Hama. Rebels entered Homs on Saturday.')


def gold_statements():
    return pd.DataFrame([
        {"text": 'Syria must not fall to "terrorist" rebels', "kind": "mixed", "speaker": "Sergei Lavrov",
         "speaker_side": "foreign government", "occurrence": 1},
        {"text": "It is inadmissible to allow this", "kind": "direct", "speaker": "Sergei Lavrov|Lavrov",
         "speaker_side": "foreign government", "occurrence": 1},
        {"text": "it had regained control of Hama", "kind": "indirect",
         "speaker": "Syrian army general command|the army", "speaker_side": "government", "occurrence": 1},
    ])


def pred_row(text, speaker, kind="direct", body=BODY, occurrence=1):
    start = -1
    for _ in range(occurrence):
        start = body.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text, "speaker": speaker, "kind": kind}


def test_perfect_match():
    gold = gold_statements()
    pred = pd.DataFrame([pred_row(t, s.split("|")[0], k) for t, s, k in zip(gold.text, gold.speaker, gold.kind)])
    r = score_statements(pred, gold, BODY)
    assert (r["recall"], r["precision"], r["f1"]) == (1.0, 1.0, 1.0)
    assert r["speaker_right"] == 1.0 and r["speaker_wrong"] == 0.0 and r["speaker_empty"] == 0.0
    assert r["misses"] == [] and r["false_positives"] == []


def test_a_miss_and_a_false_positive():
    gold = gold_statements()
    pred = pd.DataFrame([
        pred_row("It is inadmissible to allow this", "Lavrov"),
        pred_row("Rebels entered Homs on Saturday", "rebels", "indirect"),   # not a statement
    ])
    r = score_statements(pred, gold, BODY)
    assert r["n_matched"] == 1
    assert r["recall"] == pytest.approx(1 / 3) and r["precision"] == pytest.approx(1 / 2)
    assert {m["text"] for m in r["misses"]} == {'Syria must not fall to "terrorist" rebels',
                                                 "it had regained control of Hama"}
    assert [fp["text"] for fp in r["false_positives"]] == ["Rebels entered Homs on Saturday"]


def test_partial_span_matches_at_half_the_larger_token_set():
    gold = gold_statements().iloc[[2]]
    # 'it had regained control' = 4 of gold's 6 tokens -> 4/6 >= 0.5: a match
    r = score_statements(pd.DataFrame([pred_row("it had regained control", "the army")]), gold, BODY)
    assert r["n_matched"] == 1
    # 'of Hama' = 2 of 6 tokens: no match
    r = score_statements(pd.DataFrame([pred_row("of Hama", "the army")]), gold, BODY)
    assert r["n_matched"] == 0
    # a span much longer than the gold text: 6 of 12 tokens is still a match, 6 of 13 is not
    body = BODY
    long = "The army said it had regained control of Hama. Rebels entered Homs"
    assert score_statements(pd.DataFrame([pred_row(long, "army", body=body)]), gold, body)["n_matched"] == 1
    longer = long + " on"
    assert score_statements(pd.DataFrame([pred_row(longer, "army", body=body)]), gold, body)["n_matched"] == 0


def test_wrong_and_empty_speaker():
    gold = gold_statements()
    pred = pd.DataFrame([
        pred_row('Syria must not fall to "terrorist" rebels', "Hakan Fidan", "mixed"),
        pred_row("It is inadmissible to allow this", ""),
        pred_row("it had regained control of Hama", "General Command", "indirect"),
    ])
    r = score_statements(pred, gold, BODY)
    assert r["n_matched"] == 3
    assert r["n_speaker_wrong"] == 2 and r["n_speaker_empty"] == 1 and r["n_speaker_right"] == 0
    assert r["speaker_wrong"] == pytest.approx(2 / 3)


def test_matching_is_one_to_one_and_positional():
    body = 'He said "we will win this war". Later he said "we will win this war".'
    gold = pd.DataFrame([{"text": "we will win this war", "kind": "direct", "speaker": "x",
                          "speaker_side": "unknown", "occurrence": 2}])
    first = pred_row("we will win this war", "x", body=body, occurrence=1)
    second = pred_row("we will win this war", "x", body=body, occurrence=2)
    assert score_statements(pd.DataFrame([first]), gold, body)["n_matched"] == 0
    r = score_statements(pd.DataFrame([first, second]), gold, body)
    assert r["n_matched"] == 1 and len(r["false_positives"]) == 1


def test_empty_prediction():
    r = score_statements(pd.DataFrame(columns=["start", "end", "text", "speaker", "kind"]), gold_statements(), BODY)
    assert r["recall"] == 0.0 and r["precision"] == 0.0 and len(r["misses"]) == 3


def test_speaker_rules():
    assert speaker_verdict("Lavrov", "Sergei Lavrov") == "right"                 # surname
    assert speaker_verdict("Mr Lavrov", "Sergei Lavrov") == "right"
    assert speaker_verdict("Syrian Observatory", "Syrian Observatory for Human Rights") == "right"  # containment
    assert speaker_verdict("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan") == "right"  # accents
    assert speaker_verdict("the army", "Syrian army general command|army") == "right"  # alias
    assert speaker_verdict("army", "Syrian army general command") == "wrong"     # generic words do not count
    assert speaker_verdict("he", "Sergei Lavrov") == "wrong"
    assert speaker_verdict("", "Sergei Lavrov") == "empty"
    assert speaker_verdict("", "") == "right"
    assert normalise_name("Russia’s foreign ministry") == normalise_name("Russia's Foreign Ministry")


def test_overlap_measure():
    assert overlap(frozenset({1, 2, 3, 4}), frozenset({3, 4})) == 0.5
    assert overlap(frozenset(), frozenset({1})) == 0.0


def gold_events():
    return pd.DataFrame([
        {"place": "Hama", "place_type": "city", "sentence": "The army said it had regained control of Hama.",
         "action": "regained_control", "actor_side": "government", "status": "claimed", "date": "", "distance_km": ""},
        {"place": "Homs", "place_type": "city", "sentence": "Rebels entered Homs on Saturday.",
         "action": "entered", "actor_side": "opposition", "status": "reported", "date": "2024-12-07", "distance_km": ""},
        {"place": "Homs", "place_type": "city", "sentence": "Rebels entered Homs on Saturday.",
         "action": "took_control", "actor_side": "opposition", "status": "reported", "date": "2024-12-07",
         "distance_km": ""},
    ])


def ev(place, word, side, status, action="other"):
    start = BODY.index(word)
    return {"place": place, "start": start, "end": start + len(word), "sentence": "", "actor_side": side,
            "status": status, "action": action}


def test_events_perfect_and_attributes():
    pred = pd.DataFrame([ev("Hama", "regained control", "government", "claimed", "regained_control"),
                         ev("homs", "entered", "opposition", "reported", "entered")])
    r = score_events(pred, gold_events(), BODY)
    assert r["n_gold"] == 2                      # rows grouped into (place, sentence) pairs
    assert (r["recall"], r["precision"]) == (1.0, 1.0)
    assert r["actor_side_right"] == 1.0 and r["status_right"] == 1.0 and r["action_right"] == 1.0


def test_events_miss_false_positive_and_wrong_attributes():
    pred = pd.DataFrame([
        ev("Hama", "regained control", "opposition", "reported"),     # found, wrong side and status
        ev("Homs", "Lavrov said Syria", "opposition", "reported"),    # right place, wrong sentence
        ev("Damascus", "entered", "opposition", "reported"),          # place not in gold
    ])
    r = score_events(pred, gold_events(), BODY)
    assert r["n_found"] == 1 and r["recall"] == 0.5
    assert r["precision"] == pytest.approx(1 / 3)
    assert r["actor_side_right"] == 0.0 and r["status_right"] == 0.0
    assert [m["place"] for m in r["misses"]] == ["Homs"]
    assert sorted(fp["place"] for fp in r["false_positives"]) == ["Damascus", "Homs"]


def test_events_place_aliases():
    gold = gold_events().iloc[[0]].assign(place="Hama|Hamah")
    r = score_events(pd.DataFrame([ev("Hamah", "Hama", "government", "claimed")]), gold, BODY)
    assert r["recall"] == 1.0


def test_events_a_governorate_named_with_its_suffix_is_the_governorate():
    gold = gold_events().iloc[[0]].assign(place="Hama governorate")
    assert score_events(pd.DataFrame([ev("Hama", "Hama", "government", "claimed")]), gold, BODY)["recall"] == 1.0
    gold = gold_events().iloc[[0]].assign(place="Hama province")
    assert score_events(pd.DataFrame([ev("Homs", "Hama", "government", "claimed")]), gold, BODY)["recall"] == 0.0


def test_gold_not_in_body_is_an_error():
    gold = gold_statements().assign(text="words that are nowhere")
    with pytest.raises(ValueError):
        score_statements(pd.DataFrame(), gold, BODY)


def test_micro_average_sums_counts():
    gold = gold_statements()
    a = score_statements(pd.DataFrame([pred_row("It is inadmissible to allow this", "Lavrov")]), gold, BODY)
    b = score_statements(pd.DataFrame([pred_row(t, "x") for t in gold.text]), gold, BODY)
    e = score_events(pd.DataFrame(), gold_events(), BODY)
    m = micro_average([a, b], [e, e])
    assert m["statements"]["n_gold"] == 6 and m["statements"]["n_matched"] == 4
    assert m["statements"]["recall"] == pytest.approx(4 / 6)
    assert m["statements"]["precision"] == pytest.approx(4 / 4)
    assert m["events"]["n_gold"] == 4 and m["events"]["recall"] == 0.0
