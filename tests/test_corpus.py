"""The loader on the seed and on texts written for these tests."""
import csv
import hashlib

import pytest

from analysis.config import SEEDS_DIR
from analysis.corpus import document_from_text, load_corpus, make_document
from analysis.errors import InputError

SEED = SEEDS_DIR / "2024-12-07_syria-rebels-homs-damascus.txt"


@pytest.fixture(scope="module")
def seed():
    return load_corpus([SEED]).documents[0]


def test_seed_metadata(seed):
    assert seed.source == SEED.name
    assert seed.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert seed.doc_id == f"d{seed.sha256[:10]}"
    assert seed.published == "2024-12-07"  # from seeds/manifest.csv
    assert seed.title.startswith("Syrian rebels storm Homs")  # the breadcrumb headline
    assert "|" not in seed.title
    assert seed.agency == "With agency inputs"


def test_seed_sentences_slice_back_and_leave_out_furniture(seed):
    assert len(seed.sentences) == 26
    for s in seed.sentences:
        assert seed.body[s.start:s.end] == s.text
    texts = [s.text for s in seed.sentences]
    assert not any(t.startswith(("Read breaking", "See more", "News/", "(With")) for t in texts)
    assert "Here are other top updates" in texts  # a headline-like line is its own sentence
    # ellipses inside quotes do not split; a sentence may end after the closing quote mark
    assert sum("no one… can penetrate" in t for t in texts) == 1
    assert any(t.endswith("Syrian Arab Republic,” Lavrov said.") for t in texts)
    assert any(t.endswith("terrorist organisations”.") for t in texts)


def test_doc_id_is_stable_across_loads(seed):
    assert load_corpus([SEED]).documents[0].doc_id == seed.doc_id


def test_body_is_normalised_bom_crlf_no_trailing_newline():
    raw = "\ufeffRebels entered Hama.\r\nThe army withdrew.".encode("utf-8")
    doc = make_document(raw, "x.txt")
    assert doc.body == "Rebels entered Hama.\nThe army withdrew."
    assert [s.text for s in doc.sentences] == ["Rebels entered Hama.", "The army withdrew."]


def test_front_matter_wins_over_manifest_and_manifest_over_fallback(tmp_path):
    (tmp_path / "a.txt").write_text("---\ntitle: From front matter\npublished: 2024-12-06\n---\nRebels entered Hama.\n")
    (tmp_path / "b.txt").write_text("Rebels entered Homs.\n")
    (tmp_path / "c.txt").write_text("Rebels entered Daraa.\n")
    with open(tmp_path / "manifest.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "title", "outlet", "url", "published", "sha256", "notes"])
        w.writerow(["a.txt", "From manifest", "Wire", "https://example.org/a", "2024-12-01", "", ""])
        w.writerow(["b.txt", "Manifest title", "Wire", "", "2024-12-02", "", ""])
    docs = {d.source: d for d in load_corpus([tmp_path], published="2024-12-09").documents}
    assert (docs["a.txt"].title, docs["a.txt"].published, docs["a.txt"].outlet) == ("From front matter", "2024-12-06", "Wire")
    assert (docs["b.txt"].title, docs["b.txt"].published) == ("Manifest title", "2024-12-02")
    assert (docs["c.txt"].title, docs["c.txt"].published) == ("", "2024-12-09")
    assert docs["a.txt"].body == "Rebels entered Hama.\n"


def test_manifest_sha256_mismatch_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Rebels entered Hama.\n")
    (tmp_path / "manifest.csv").write_text("file,title,outlet,url,published,sha256,notes\na.txt,,,,,deadbeef,\n")
    with pytest.raises(Exception, match="sha256"):
        load_corpus([tmp_path])


def test_offsets_index_into_body_after_front_matter():
    doc = document_from_text("---\ntitle: T\n---\nFirst. Second.")
    assert doc.body == "First. Second."
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 6), (7, 14)]


def test_sentence_at():
    doc = document_from_text("First one. Second one.")
    assert doc.sentence_at(12).text == "Second one."
    assert doc.sentence_at(100) is None


@pytest.mark.parametrize("text,problem", [
    ("---\ntitle: [unclosed\n---\nBody.", "line 2"),
    ("---\ntitle: x\nbody without end", "never closed"),
    ("---\n- a\n- b\n---\nBody.", "key: value"),
    ("---\ntitel: typo\n---\nBody.", "unknown key 'titel'"),
    ("---\npublished: 7 December\n---\nBody.", "not a date"),
    ("---\ntitle: x\n---\n   \n", "no article text"),
    ("  \n\t\n", "empty"),
])
def test_bad_files_raise_one_line_errors(text, problem):
    with pytest.raises(InputError, match=problem) as info:
        document_from_text(text, source="bad.txt")
    assert str(info.value).startswith("bad.txt: ") and "\n" not in str(info.value)


def test_non_utf8_names_the_byte_offset():
    with pytest.raises(InputError, match=r"byte offset 6"):
        make_document(b"Hello \xff world", "latin.txt")
