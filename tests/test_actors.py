"""Speakers: from the text first (unknown names work), normalised by data/reference/actors.csv."""
import csv

import pytest

from analysis.config import REFERENCE_DIR
from analysis.speakers import parse_phrase

SIDES = {"government", "opposition", "foreign government", "international", "media", "unknown"}


def test_reference_files_are_complete():
    with open(REFERENCE_DIR / "actors.csv", encoding="utf-8") as fh:
        actors = list(csv.DictReader(fh))
    assert {"name", "aliases", "role", "affiliation", "country", "type", "side", "source"} <= set(actors[0])
    for row in actors:
        assert row["name"] and row["type"] and row["source"], row
        assert row["side"] in SIDES, row
        assert row["country"] == "" or (len(row["country"]) == 3 and row["country"].isupper()), row
    names = [r["name"] for r in actors]
    assert len(names) == len(set(names))
    for name in ("countries.csv", "speaker_words.csv", "speech_verbs.csv"):
        with open(REFERENCE_DIR / name, encoding="utf-8") as fh:
            assert all(r["source"] for r in csv.DictReader(fh)), name


@pytest.mark.parametrize("written,name", [
    ("Lavrov", "Sergei Lavrov"),
    ("Erdoğan", "Recep Tayyip Erdogan"),
    ("President Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("HTS", "Hayat Tahrir al-Sham"),
    ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    ("Interior Minister Mohammed al-Rahmoun", "Mohammed al-Rahmoun"),
    ("al-Rahmoun", "Mohammed al-Rahmoun"),
])
def test_aliases_are_normalised_to_the_canonical_name(written, name):
    assert parse_phrase(written).name == name


def test_unknown_person_gets_name_role_and_place_from_the_text():
    sp = parse_phrase("Foreign Minister Jane Doe of Ruritania")
    assert (sp.name, sp.role, sp.affiliation, sp.type) == ("Jane Doe", "Foreign Minister", "Ruritania", "person")
    sp = parse_phrase("Ruritania's foreign minister, Jane Doe")
    assert (sp.name, sp.role, sp.affiliation) == ("Jane Doe", "foreign minister", "Ruritania")


def test_demonyms_and_capitals_give_countries_and_sides():
    sp = parse_phrase("Turkish President Recep Tayyip Erdogan")
    assert (sp.role, sp.country, sp.side) == ("President", "TUR", "foreign government")
    sp = parse_phrase("Syrian Health Minister Samira Khoury")
    assert (sp.name, sp.country, sp.side) == ("Samira Khoury", "SYR", "government")
    sp = parse_phrase("Moscow")
    assert (sp.name, sp.country, sp.type) == ("Russia", "RUS", "government")


def test_descriptions_and_unnamed_sources():
    sp = parse_phrase("A war monitor")
    assert (sp.name, sp.type, sp.side) == ("a war monitor", "monitor", "media")
    sp = parse_phrase("the Islamist rebel group")
    assert (sp.type, sp.side) == ("armed group", "opposition")
    sp = parse_phrase("The army’s statement")
    assert (sp.name, sp.channel) == ("the army", "statement")
    assert parse_phrase("he").pronoun


def test_phrases_that_are_no_speaker():
    assert parse_phrase("Saturday Night Live") is None
    assert parse_phrase("") is None
