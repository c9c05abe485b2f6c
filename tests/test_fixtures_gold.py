"""Every gold annotation points at text that is really in its article, with allowed values."""
import csv
import re
from pathlib import Path

import pytest

from analysis.benchmarks.fixtures import fixture_sets
from analysis.evaluation import read_body

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# the development set, and the held-out sets kept away from the extractors while they were written
SETS = fixture_sets()
GOLD = FIXTURES / "gold"

KINDS = {"direct", "indirect", "mixed"}
SPEAKER_SIDES = {"government", "opposition", "foreign government", "international", "media", "unknown"}
PLACE_TYPES = {"governorate", "city", "town", "village", "area", "region", "foreign_city", "country"}
ACTIONS = {"took_control", "entered", "advanced_toward", "reached", "breached", "encircled", "attacked", "withdrew",
           "lost_control", "redeployed", "fled", "regained_control", "met", "agreed", "assisted", "captured_person",
           "shelled", "airstrike", "other"}
ACTOR_SIDES = {"opposition", "government", "foreign", "international", "unknown"}
STATUSES = {"reported", "claimed", "denied"}
QUOTE_MARKS = "\"“”"


def article_path(stem: str, fixture_set: Path = FIXTURES) -> Path:
    for folder in (fixture_set / "articles", ROOT / "seeds"):
        if (folder / f"{stem}.txt").exists():
            return folder / f"{stem}.txt"
    raise AssertionError(f"no article for gold stem {stem}")


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


STEMS = sorted(p.name[: -len(".statements.csv")] for p in GOLD.glob("*.statements.csv"))
GOLD_FILES = [pytest.param(s, p.name[: -len(".statements.csv")], id=f"{s.name}/{p.name[:-15]}")
              for s in SETS for p in sorted((s / "gold").glob("*.statements.csv"))]


def test_there_are_fixtures_with_both_gold_files():
    assert len(STEMS) >= 7
    assert "2024-12-07_syria-rebels-homs-damascus" in STEMS
    for stem in STEMS:
        assert (GOLD / f"{stem}.events.csv").exists(), stem
    for article in (FIXTURES / "articles").glob("*.txt"):
        assert article.stem in STEMS, f"{article.name} has no gold"


@pytest.mark.parametrize("fixture_set,stem", GOLD_FILES)
def test_statements_gold(fixture_set, stem):
    body = read_body(article_path(stem, fixture_set))
    table = rows(fixture_set / "gold" / f"{stem}.statements.csv")
    assert table and list(table[0]) == ["text", "kind", "speaker", "speaker_side", "occurrence"]
    seen = set()
    for r in table:
        occ = int(r["occurrence"])
        assert occ >= 1
        assert body.count(r["text"]) >= occ, f"not in body {occ} time(s): {r['text'][:70]!r}"
        if body.count(r["text"]) > 1:
            assert (r["text"], occ) not in seen, f"duplicate occurrence: {r['text'][:70]!r}"
        seen.add((r["text"], occ))
        assert r["text"] == r["text"].strip() and r["text"][0] not in QUOTE_MARKS + "‘’'" \
            and r["text"][-1] not in QUOTE_MARKS, f"surrounding quote mark or space: {r['text'][:70]!r}"
        assert r["kind"] in KINDS, r
        assert r["speaker_side"] in SPEAKER_SIDES, r


@pytest.mark.parametrize("fixture_set,stem", GOLD_FILES)
def test_events_gold(fixture_set, stem):
    body = read_body(article_path(stem, fixture_set))
    table = rows(fixture_set / "gold" / f"{stem}.events.csv")
    assert list(table[0]) == ["place", "place_type", "sentence", "action", "actor_side", "status", "date",
                              "distance_km"]
    for r in table:
        assert body.count(r["sentence"]) == 1, f"sentence not found exactly once: {r['sentence'][:70]!r}"
        assert r["place"].strip(), r
        assert r["place_type"] in PLACE_TYPES, r
        assert r["action"] in ACTIONS, r
        assert r["actor_side"] in ACTOR_SIDES, r
        assert r["status"] in STATUSES, r
        assert r["date"] == "" or re.fullmatch(r"2024-(11|12)-\d\d", r["date"]), r
        if r["distance_km"]:
            float(r["distance_km"])


@pytest.mark.parametrize("fixture_set,stem", GOLD_FILES)
def test_articles_are_utf8_with_front_matter_or_seed(fixture_set, stem):
    path = article_path(stem, fixture_set)
    text = path.read_bytes().decode("utf-8")
    if path.parent.name == "articles":
        assert text.startswith("---\n"), "fixture articles start with YAML front matter"
        n = len(read_body(path).split())
        assert 350 <= n <= 950, f"{n} words"
