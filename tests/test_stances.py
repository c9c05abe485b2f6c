"""Stance cues: transparent, from data/reference/stance_cues.csv, with the words that fired."""
import csv

from analysis.config import REFERENCE_DIR
from analysis.stances import find_stances


def test_cue_file_has_a_source_for_every_row():
    with open(REFERENCE_DIR / "stance_cues.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["stance"] and r["cue"] and r["source"] for r in rows)


def test_stances_list_the_exact_words_that_triggered_them():
    stances, cues = find_stances("We call for an immediate ceasefire and a political transition that "
                                 "respects the sovereignty of the country.")
    assert stances == ["de-escalation and protection of civilians", "political dialogue and transition",
                       "sovereignty and counter-terrorism framing"]
    assert "de-escalation and protection of civilians: ceasefire" in cues
    assert "political dialogue and transition: political transition" not in cues  # only the cue itself
    assert "political dialogue and transition: transition" in cues
    assert "sovereignty and counter-terrorism framing: sovereignty" in cues


def test_wildcard_cues_match_word_endings_and_keep_the_words_as_written():
    stances, cues = find_stances("The rebels were Terrorists, and the army is redeploying to the coast.")
    assert "sovereignty and counter-terrorism framing: Terrorists" in cues
    assert "military claim: redeploying" in cues


def test_cues_match_whole_words_only():
    assert find_stances("The calmness of the lake") == ([], [])
    assert find_stances("") == ([], [])
