"""Relative dates resolved against the publication date (analysis.dates)."""
import pytest

from analysis.dates import date_mentions, is_history


def resolved(text, published="2024-12-07"):
    return [(m.text, m.date) for m in date_mentions(text, published)]


@pytest.mark.parametrize("text, expected", [
    ("Rebels entered Homs on Saturday.", [("on Saturday", "2024-12-07")]),            # the publication day itself
    ("Hama fell late on Thursday.", [("late on Thursday", "2024-12-05")]),
    ("Fighting raged on Friday night.", [("on Friday night", "2024-12-06")]),
    ("Aleppo fell on Sunday.", [("on Sunday", "2024-12-01")]),                        # latest Sunday before
    ("The offensive began on 27 November.", [("on 27 November", "2024-11-27")]),
    ("They took Hama on December 5.", [("on December 5", "2024-12-05")]),
    ("Signed on Dec. 5, 2023.", [("on Dec. 5, 2023", "2023-12-05")]),
    ("Rebels reached Homs today.", [("today", "2024-12-07")]),
    ("Troops withdrew yesterday.", [("yesterday", "2024-12-06")]),
])
def test_date_words(text, expected):
    assert resolved(text) == expected


def test_the_next_day_counts_from_the_last_date_given():
    assert resolved("Rebels took Aleppo on 29 November. The next day they entered its airport.") == [
        ("on 29 November", "2024-11-29"), ("The next day", "2024-11-30")]


def test_a_day_after_points_back_from_the_date_in_the_sentence():
    text = "They advanced on Homs on Friday, a day after they captured Hama."
    assert resolved(text, "2024-12-06") == [("on Friday", "2024-12-06"), ("a day after", "2024-12-05")]


def test_a_day_month_after_the_publication_date_is_last_year():
    assert resolved("Clashes began on 28 December.", "2025-01-02") == [("on 28 December", "2024-12-28")]


def test_no_publication_date_means_no_weekday_date():
    assert resolved("Rebels entered Hama on Thursday.", "") == [("on Thursday", "")]


def test_bare_years_are_not_dates():
    assert resolved("Daraa was the cradle of the 2011 uprising; the war began 13 years ago in 2011.") == []


@pytest.mark.parametrize("text, history", [
    ("Assad's forces retook Aleppo in 2016 after a months-long siege.", True),
    ("The crackdown on protests since 2011 turned into a civil war.", True),
    ("Daraa, the cradle of the country's 2011 uprising, fell.", False),
    ("Netanyahu said the 1974 disengagement deal had collapsed.", False),
])
def test_a_sentence_about_an_earlier_year(text, history):
    assert is_history(text, "2024-12-08") is history
