"""Arbitrary text never crashes the loader, and every offset slices back exactly."""
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import document_from_text
from analysis.errors import InputError
from analysis.sentences import split_sentences

NEWSY = st.sampled_from(list("abcXYZ .,;:!?…\n\r\t\"'“”‘’«»()-–—/|>•0123456789") +
                        ["Mr.", "U.S.", "a.m.", "km", "---", "\n---\n", "(AFP)", "News/World/ ", "Read more", "\ufeff"])
TEXT = st.one_of(st.text(max_size=400), st.lists(NEWSY, max_size=120).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_loader_never_crashes_and_offsets_slice_back(text):
    try:
        doc = document_from_text(text)
    except InputError as e:
        assert "\n" not in str(e)
        return
    previous_end = 0
    for p in doc.paragraphs:
        assert doc.body[p.start:p.end] == p.text and p.text.strip()
    for s in doc.sentences:
        assert doc.body[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_sentences_cover_the_paragraph_text(text):
    spans = split_sentences(text)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) in "".join(text.split()) or not text.strip()
