"""Claim frames (analysis.claims): who asserts which stretch of a sentence."""
import pytest

from analysis.claims import sentence_frames
from analysis.corpus import document_from_text
from analysis.events import extract_events


def frames(text):
    return [(f.claimer, f.denied, text[f.start:f.end].strip(" ,.")) for f in sentence_frames(text, 0, lambda w: False)]


@pytest.mark.parametrize("text, expected", [
    ("Rebels said they had taken Hama.", [("Rebels", False, "they had taken Hama")]),
    ("Rebels took Hama, AFP reported.", [("AFP", False, "Rebels took Hama")]),
    ('"We entered Homs at dawn," a rebel commander told Reuters by phone.',
     [("a rebel commander", False, '"We entered Homs at dawn,"')]),
    ('"The city is ours," said Abu Mohammed al-Jolani on Telegram.',
     [("Abu Mohammed al-Jolani", False, '"The city is ours,"')]),
    ("The army's statement said it was beginning to regain control in Hama.",
     [("The army", False, "it was beginning to regain control in Hama")]),
    ("Earlier, state media also asserted that Assad remains in Damascus.",
     [("state media", False, "that Assad remains in Damascus")]),
])
def test_speaker_and_covered_words(text, expected):
    assert frames(text) == expected


def test_according_to_covers_the_whole_sentence():
    text = "According to the Syrian Observatory for Human Rights, a UK-based monitor, rebels now hold Idlib."
    ((claimer, denied, covered),) = frames(text)
    assert (claimer, denied) == ("the Syrian Observatory for Human Rights", False)
    assert covered.endswith("rebels now hold Idlib")


def test_two_speakers_in_one_sentence():
    text = ("Opposition fighters said they had reached Muadamiyat al-Sham, while the Syrian Observatory "
            "for Human Rights reported that government forces had withdrawn from Kisweh.")
    (first, _, one), (second, _, two) = frames(text)
    assert (first, one) == ("Opposition fighters", "they had reached Muadamiyat al-Sham")
    assert (second, two) == ("the Syrian Observatory for Human Rights", "that government forces had withdrawn from Kisweh")


def test_a_denial_by_the_same_speaker():
    text = 'The presidency said Assad was "carrying out his duties" and denied that he had left Damascus.'
    assert frames(text)[-1] == ("The presidency", True, "that he had left Damascus")


def test_adding_that_keeps_the_speaker():
    text = '"Hama is free," he said, adding that his fighters had entered the city.'
    assert [c for c, _, _ in frames(text)] == ["he", "he"]


def test_a_live_blog_line_that_quotes():
    assert frames("08:15 GMT – Rebels: ‘We declare the city of Damascus free’")[0][0] == "Rebels"


def test_report_as_a_noun_opens_no_frame():
    assert frames("Reports of a withdrawal from Homs are false.") == []


def test_quote_continued_in_the_next_sentence_and_it_said():
    text = ('"We are at the gates of Homs," an HTS commander said. "Tomorrow we will enter Hama."\n\n'
            'The army said it had pulled out of Rastan. "Our forces have redeployed to Homs," it said.')
    rows = extract_events(document_from_text(text, published="2024-12-06"))
    assert [(r["place"], r["action"], r["status"], r["claimed_by"], r["actor_side"]) for r in rows] == [
        ("Homs", "reached", "claimed", "an HTS commander", "opposition"),
        ("Rastan", "withdrew", "claimed", "The army", "government"),
        ("Homs", "redeployed", "claimed", "The army", "government"),   # 'it said' is the army
    ]
