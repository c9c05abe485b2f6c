"""Robustness: arbitrary text with stray and unbalanced quote marks of every kind never crashes
the extractor, and every row slices back exactly."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import document_from_text
from analysis.errors import InputError
from analysis.schema import columns
from analysis.statements import extract_statements

MARKS = list("\"'“”‘’«»„‹›")
WORDS = ["said", "says", "told", "Reuters", "according", "to", "he", "she", "They", "the", "minister", "Jane",
         "Doe", "of", "Ruritania", "added", "that", "warned", ",", ".", ":", ";", "—", "\n", "\n\n", "•",
         "14:05 GMT –", "Foreign", "Minister", "army’s", "statement", "It", "a", "war", "monitor", "reported",
         "several", "Several", "two", "some", "officials", "political", "who", "which", "(", ")"]

texts = st.lists(st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=8)),
                 min_size=1, max_size=80).map(" ".join)


def _check(text: str) -> None:
    try:
        doc = document_from_text(text)
    except InputError:
        return  # empty articles are refused by the loader
    rows = extract_statements(doc)
    for row in rows:
        assert list(row) == columns("statements")
        assert doc.body[row["start"]:row["end"]] == row["text"]
        assert row["text"].strip()
        assert 0 <= row["sentence_index"] < len(doc.sentences)
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_arbitrary_text_with_stray_quote_marks(text):
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(MARKS + list("ab .,\n")), max_size=200))
def test_quote_mark_soup(text):
    _check(text)
