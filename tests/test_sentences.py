"""The sentence splitter on the cases news copy throws at it."""
import pytest

from analysis.corpus import document_from_text


def sentences(text):
    doc = document_from_text(text)
    for s in doc.sentences:
        assert doc.body[s.start:s.end] == s.text
    return [s.text for s in doc.sentences]


@pytest.mark.parametrize("text", [
    "Mr. Smith met Dr. Jones in Beirut. They spoke for an hour.",
    "Gen. Ali Mahmoud said the army held. It did not.",
    "The convoy left at 6 a.m. local time and arrived by noon. Rebels followed.",
    "George W. Bush visited. Then he left.",
    "They were 20 km. from the city. Residents fled.",
])
def test_abbreviations_and_initials_do_not_split(text):
    assert len(sentences(text)) == 2


def test_us_abbreviation_before_a_name_is_not_a_boundary():
    assert sentences("The U.S. State Department said it was watching.") == [
        "The U.S. State Department said it was watching."]


def test_us_abbreviation_at_the_end_of_a_sentence_is_a_boundary():
    assert sentences("Aid came from the U.S. The rebels welcomed it.") == [
        "Aid came from the U.S.", "The rebels welcomed it."]


def test_ellipsis_inside_a_quote_does_not_split():
    text = "“No one… can penetrate this line,” the minister said. Others disagreed."
    assert sentences(text) == ["“No one… can penetrate this line,” the minister said.", "Others disagreed."]


def test_sentence_ending_inside_closing_quote():
    text = "He cited “sovereignty and territorial integrity.” The talks ended."
    assert sentences(text) == ["He cited “sovereignty and territorial integrity.”", "The talks ended."]


def test_straight_quotes_and_question_inside_quote():
    text = 'He asked "Where is the army?" Nobody answered. "We are here," a soldier said.'
    assert sentences(text) == ['He asked "Where is the army?"', "Nobody answered.",
                               '"We are here," a soldier said.']


def test_question_inside_quote_followed_by_attribution_does_not_split():
    assert len(sentences("“Who will stop them?” he asked on Friday.")) == 1


def test_headline_lines_without_full_stop_are_sentences_of_their_own():
    text = "Rebels reach Homs\nThe insurgents entered the city on Friday.\nWhat we know so far\nMore fighting."
    assert sentences(text) == ["Rebels reach Homs", "The insurgents entered the city on Friday.",
                               "What we know so far", "More fighting."]


def test_hard_wrapped_lines_stay_one_paragraph():
    doc = document_from_text("The rebels said they had\ntaken the town. Officials\ndenied it.")
    assert len(doc.paragraphs) == 1
    assert [s.text for s in doc.sentences] == ["The rebels said they had\ntaken the town.", "Officials\ndenied it."]


def test_blank_lines_separate_paragraphs_and_sentences_never_cross_them():
    doc = document_from_text("First paragraph without a stop\n\nSecond one. Two sentences.\n")
    assert [s.paragraph_index for s in doc.sentences] == [0, 1, 1]


def test_bullet_markers_are_left_out_of_the_sentence():
    doc = document_from_text("• 10:32 GMT: Rebels say they have entered Hama.\n- Residents report gunfire.")
    assert [s.text for s in doc.sentences] == ["10:32 GMT: Rebels say they have entered Hama.", "Residents report gunfire."]


def test_numbers_and_decimals_do_not_split():
    assert len(sentences("About 1.5 million people fled in 2024. The UN said so.")) == 2
