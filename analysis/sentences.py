"""Paragraph and sentence splitting with exact character offsets into the document body.

Rules, not a model: news prose is regular enough, and the splitter must be fast and explainable.
A boundary is terminal punctuation (. ! ? …), optionally followed by closing quotes or brackets,
then whitespace, then something that can open a sentence (a capital, a digit, an opening quote).
Known abbreviations and initials do not end a sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Titles and abbreviations that are followed by a name or a number, never by the end of a sentence.
_ALWAYS_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm",
    "sen", "rep", "gov", "pres", "st", "sr", "jr", "rev", "hon", "amb", "brig", "fr", "mt", "ft",
    "no", "nos", "vs", "v", "e.g", "i.e", "cf", "approx", "est", "dept", "univ", "gov't",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# Abbreviations that may also close a sentence ("… in the U.S. The …"): a boundary only before a
# word that usually opens one.
_MAYBE_ABBREV = {"u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "km", "kms", "etc", "inc", "ltd", "co", "corp"}
_SENTENCE_OPENERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
    "But", "And", "In", "On", "At", "As", "Meanwhile", "However", "Earlier", "Later", "There", "His",
    "Her", "Their", "Its", "Our", "After", "Before", "While", "When", "If", "Some", "Many", "Most",
}

_OPEN_QUOTES = "\"'“‘«"
_CLOSERS = "\"'”’»)]"
_BOUNDARY = re.compile(
    r"(?:[.!?]+|…|\.\.\.)"          # terminal punctuation
    rf"[{re.escape(_CLOSERS)}]*"     # closing quotes / brackets stay with the sentence
    r"(?=\s+"                        # whitespace, then a sentence opener
    rf"[{re.escape(_OPEN_QUOTES)}(\[]*[A-Z0-9À-ÖØ-Þ])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)\.$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]*([\w’']+)")
_BULLET = re.compile(r"[•·▪►\-–—*]\s+")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph_index: int
    start: int
    end: int
    text: str


def split_paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank lines separate paragraphs, and so does a line break
    after a line that ends a sentence or looks like a headline (next line starts with a capital)."""
    spans: list[tuple[int, int]] = []
    start = None
    prev_end = None
    pos = 0
    for line in body.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        stripped = line.strip()
        if not stripped:
            if start is not None:
                spans.append((start, prev_end))
                start = None
            continue
        lead = line_start + (len(line) - len(line.lstrip()))
        trail = line_start + len(line.rstrip())
        if start is not None and _continues(body[start:prev_end], stripped):
            prev_end = trail
            continue
        if start is not None:
            spans.append((start, prev_end))
        start, prev_end = lead, trail
    if start is not None:
        spans.append((start, prev_end))
    return spans


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line continues the paragraph: the previous line stops mid-sentence
    and this one starts in lower case."""
    return previous[-1] not in ".!?…:\"”’" and line[0].islower()


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, shifted by `offset`."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, m):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        bullet = _BULLET.match(text, s)
        if bullet and bullet.end() < e:
            s = bullet.end()
        if e > s:
            out.append((s + offset, e + offset))
    return out


def _is_abbreviation(text: str, m: re.Match) -> bool:
    punct = text[m.start():m.end()].rstrip(_CLOSERS)
    if punct != ".":
        return False
    before = _WORD_BEFORE.search(text, 0, m.start() + 1)
    if not before:
        return False
    word = before.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "George W. Bush"
        return True
    if word in _ALWAYS_ABBREV:
        return True
    if word in _MAYBE_ABBREV or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        nxt = _NEXT_WORD.match(text, m.end())
        return not (nxt and nxt.group(1) in _SENTENCE_OPENERS)
    return False


def segment(body: str, skip: list[tuple[int, int]] = ()) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs and sentences of `body`, leaving out paragraphs inside the `skip` spans
    (page furniture)."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for start, end in split_paragraphs(body):
        for s, e in skip:
            if s <= start < e:  # furniture covers the paragraph, or a dateline opens it
                start = max(start, e)
        start += len(body[start:end]) - len(body[start:end].lstrip())
        if start >= end:
            continue
        p = Paragraph(len(paragraphs), start, end, body[start:end])
        paragraphs.append(p)
        for s, e in split_sentences(p.text, start):
            sentences.append(Sentence(len(sentences), p.index, s, e, body[s:e]))
    return paragraphs, sentences
