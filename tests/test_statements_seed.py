"""Every statement of the seed article with its speaker, made by hand from reading the article
(not from the extractor's output): the extractor must produce exactly these rows."""
from pathlib import Path

import pytest

from analysis.corpus import document_from_text
from analysis.statements import extract_statements

SEED = Path(__file__).resolve().parents[1] / "seeds" / "2024-12-07_syria-rebels-homs-damascus.txt"

# (kind, start of the text, speaker, role, side)
EXPECTED = [
    ("indirect", "Government forces lost control of most of Daraa province", "AFP", "", "media"),
    ("direct", "Our forces operating in Daraa and Sweida are redeploying", "Syrian army general command",
     "General Command", "government"),
    ("mixed", "it was “beginning to regain control in Homs and Hama provinces", "Syrian army general command",
     "General Command", "government"),
    ("indirect", "they were advancing towards Damascus", "Insurgents", "", "opposition"),
    ("indirect", "the insurgents are just 20 km away from the capital city", "a war monitor", "", "media"),
    ("direct", "There is a very strong security and military cordon", "Mohammed al-Rahmoun", "Interior Minister",
     "government"),
    ("indirect", "Assad remains in Damascus and has not fled the country", "the state media", "", "government"),
    ("indirect", "Washington should not intervene in Syria", "Donald Trump", "President-elect", "foreign government"),
    ("indirect", "Syrian President Bashar Assad did not deserve US support", "Donald Trump", "President-elect",
     "foreign government"),
    ("direct", "THIS IS NOT OUR FIGHT", "Donald Trump", "President-elect", "foreign government"),
    ("mixed", "pulling out from Syria “might be the ‘Best Thing’ for Russia", "Donald Trump", "President-elect",
     "foreign government"),
    ("mixed", "Syria must not be allowed to fall into the hands of “terrorist” rebels", "Sergei Lavrov",
     "foreign minister", "foreign government"),
    ("direct", "It’s inadmissible to allow the terrorist group", "Sergei Lavrov", "foreign minister",
     "foreign government"),
    ("indirect", "Assad had failed to engage with his people", "Mohammed bin Abdulrahman bin Jassim Al-Thani",
     "prime minister", "foreign government"),
    ("mixed", "he hopes neighbouring Syria “finds peace", "Recep Tayyip Erdogan", "President", "foreign government"),
    ("direct", "Our wish is for our neighbour, Syria, to find the peace", "Recep Tayyip Erdogan", "President",
     "foreign government"),
    ("mixed", "it was “assisting” a United Nations force", "Israel Defense Forces", "", "foreign government"),
    ("indirect", "it has a duty to protect governmental, international and UN offices", "the Islamist rebel group", "",
     "opposition"),
    ("indirect", "for calm amid rapid advances by Islamist-led rebels", "Geir Pedersen",
     "United Nations special envoy to Syria", "international"),
    ("direct", "I reiterate my call for de-escalation", "Geir Pedersen", "United Nations special envoy to Syria",
     "international"),
    ("direct", "the start of a process that leads to the realisation", "Geir Pedersen",
     "United Nations special envoy to Syria", "international"),
]


@pytest.fixture(scope="module")
def rows():
    doc = document_from_text(SEED.read_text(encoding="utf-8"), source=SEED.name, published="2024-12-07")
    return doc, extract_statements(doc)


def test_every_seed_statement_with_its_speaker(rows):
    _, found = rows
    got = [(r["kind"], r["text"], r["speaker"], r["speaker_role"], r["side"]) for r in found]
    assert len(got) == len(EXPECTED), [g[1][:40] for g in got]
    for g, (kind, text, speaker, role, side) in zip(got, EXPECTED):
        assert g[1].startswith(text), (g[1], text)
        assert g[0] == kind and g[2] == speaker and g[3] == role and g[4] == side, g


def test_seed_texts_are_exact_slices_without_outer_quote_marks(rows):
    doc, found = rows
    for r in found:
        assert doc.body[r["start"]:r["end"]] == r["text"]
        assert r["text"][0] not in "“”\"" and r["text"][-1] not in "“”\","


def test_seed_channels_and_stances(rows):
    _, found = rows
    by_text = {r["text"][:20]: r for r in found}
    assert by_text["THIS IS NOT OUR FIGH"]["channel"] == "Truth Social"
    assert by_text["There is a very stro"]["channel"] == "state media"
    assert by_text["Our forces operating"]["channel"] == "statement"
    assert by_text["I reiterate my call "]["channel"] == "Doha Forum"
    assert "non-intervention" in by_text["THIS IS NOT OUR FIGH"]["stances"]
    pedersen = by_text["I reiterate my call "]
    assert pedersen["stances"] == "de-escalation and protection of civilians"
    assert "de-escalation and protection of civilians: bloodshed" in pedersen["stance_cues"]
