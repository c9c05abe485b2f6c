"""Page furniture is recognised by shape and kept out of the sentences."""
from analysis.corpus import document_from_text


def test_breadcrumb_gives_the_title_and_is_not_a_sentence():
    doc = document_from_text("Rebels advance on the capital.\nHome > World > Middle East > Rebels close in on the Syrian capital | Live")
    assert doc.title == "Rebels close in on the Syrian capital"
    assert [s.text for s in doc.sentences] == ["Rebels advance on the capital."]


def test_slash_breadcrumb_with_section_label():
    doc = document_from_text("Body text here.\nNews/World News/ Turkish army moves troops to the border | Top updates")
    assert doc.title == "Turkish army moves troops to the border"


def test_a_slash_inside_a_sentence_is_not_a_breadcrumb():
    doc = document_from_text("Hayat Tahrir al-Sham/HTS said it had entered the city.")
    assert len(doc.sentences) == 1 and doc.title == ""


def test_navigation_and_teaser_lines_are_dropped():
    text = "The army withdrew.\nRead more\nSee more\nAlso read: Who are the rebels?\nClick here to subscribe\nRead breaking news, latest…"
    assert [s.text for s in document_from_text(text).sentences] == ["The army withdrew."]


def test_a_sentence_starting_with_read_is_kept():
    text = "Read the full statement below, the ministry said, because it matters to the families of the missing."
    assert len(document_from_text(text).sentences) == 1


def test_agency_credits_are_recorded():
    for line, agency in [("(With agency inputs)", "With agency inputs"), ("(AFP)", "AFP"),
                         ("– Reuters", "Reuters"), ("(With inputs from PTI)", "With inputs from PTI"),
                         ("With inputs from Reuters and AFP", "With inputs from Reuters and AFP")]:
        doc = document_from_text(f"The army withdrew.\n{line}\n")
        assert doc.agency == agency, line
        assert [s.text for s in doc.sentences] == ["The army withdrew."], line


def test_wire_dateline_is_recorded_and_left_out_of_the_sentence():
    doc = document_from_text("BEIRUT (Reuters) - Syrian rebels entered Homs on Saturday.")
    assert doc.agency == "Reuters"
    assert [s.text for s in doc.sentences] == ["Syrian rebels entered Homs on Saturday."]


def test_dateline_with_date_and_any_agency_after_a_capitalised_place():
    doc = document_from_text("BEIRUT, Nov 30 (Wire Service) - Syrian rebels swept into Aleppo on Friday.")
    assert doc.agency == "Wire Service"
    assert doc.sentences[0].text == "Syrian rebels swept into Aleppo on Friday."


def test_a_bracket_after_a_name_is_not_a_dateline():
    doc = document_from_text("Hayat Tahrir al-Sham (HTS) - the main group - entered the city.")
    assert doc.agency == "" and doc.sentences[0].text.startswith("Hayat Tahrir")
