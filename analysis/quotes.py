"""Quote spans in article paragraphs: what lies between quote marks, with exact body offsets.

News copy mixes curly and straight marks, nests ‘single’ inside “double” quotes, reopens a mark
at each paragraph of a long quote without closing the previous one, and sometimes leaves a mark
unbalanced. Only the marks are scanned (one compiled regex per paragraph), so this stays fast.
Apostrophes (it’s, Assad’s, don't) are told apart from single quotes by their neighbours.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

_MARKS = re.compile(r"''|[\"“”„«»‘’'‹›]")   # '' is a straight double mark in plain-text copy
_SINGLES = "‘’'‹›"
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹"
_OPEN_CONTEXT = " \t\n([{—–-/:;,“„«‘‹"   # a straight mark after these (or first) opens a quote


@dataclass(frozen=True)
class Quote:
    open: int        # body offset of the opening mark
    start: int       # first character inside the marks
    end: int         # after the last character inside
    close: int       # body offset of the closing mark; -1 when the paragraph ends the quote
    paragraph: int   # paragraph index
    single: bool     # delimited by single marks
    continued: bool = False  # reopens a quote left open at the end of the previous paragraph
    close_len: int = 1       # length of the closing mark ('' has two characters)

    @property
    def outer_end(self) -> int:
        """Offset after the closing mark (or the quote's end when there is none)."""
        return self.close + self.close_len if self.close >= 0 else self.end


def _role(text: str, i: int, ch: str, inside: bool, width: int = 1) -> str:
    """'open', 'close' or '' (an apostrophe or a stray mark) for the mark text[i:i + width];
    `inside` says whether a quote of this mark's kind is currently open."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if ch in _DOUBLE_OPEN:
        return "open"
    if ch in _DOUBLE_CLOSE:
        return "close"
    if ch == '"':
        if inside and not prev.isspace():
            return "close"
        if prev in _OPEN_CONTEXT and not nxt.isspace():
            return "open"
        return "close" if inside else ""
    if prev.isalnum() and nxt.isalpha():
        return ""  # an apostrophe inside a word
    if ch in _SINGLE_OPEN or (ch == "'" and prev in _OPEN_CONTEXT and nxt.isalnum()):
        return "open"
    if inside and not prev.isspace():
        return "close"
    return ""


def paragraph_quotes(text: str, offset: int, paragraph: int) -> list[Quote]:
    """Top-level quotes of one paragraph. Single marks inside a double quote belong to it; a
    double quote left open runs to the paragraph's end (close == -1); a single one is dropped."""
    quotes: list[Quote] = []
    d_open = s_open = -1
    d_len = 1
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        width = len(ch)
        if width == 2:
            ch = '"'
        if ch in _SINGLES:
            if d_open >= 0:
                continue  # nested: part of the double quote
            role = _role(text, i, ch, s_open >= 0)
            if role == "open" and s_open < 0:
                s_open = i
            elif role == "close" and s_open >= 0:
                if i > s_open + 1:
                    quotes.append(Quote(offset + s_open, offset + s_open + 1, offset + i, offset + i, paragraph, True))
                s_open = -1
            continue
        role = _role(text, i, ch, d_open >= 0, width)
        if role == "open":
            d_open, d_len, s_open = i, width, -1   # an earlier unclosed mark was stray: restart here
        elif role == "close" and d_open >= 0:
            if i > d_open + d_len:
                quotes.append(Quote(offset + d_open, offset + d_open + d_len, offset + i, offset + i, paragraph,
                                    False, close_len=width))
            d_open = -1
    if d_open >= 0:
        end = len(text.rstrip())
        if end > d_open + d_len:
            quotes.append(Quote(offset + d_open, offset + d_open + d_len, offset + end, -1, paragraph, False))
    return quotes


def find_quotes(paragraphs) -> list[Quote]:
    """Every top-level quote of the document's paragraphs, in body order.

    A quote still open at a paragraph's end is continued by the next paragraph only when that
    paragraph opens with a quote mark; otherwise it stops at its own paragraph's end, so an
    unbalanced mark never swallows the rest of the article."""
    out: list[Quote] = []
    for p in paragraphs:
        quotes = paragraph_quotes(p.text, p.start, p.index)
        if (quotes and out and not quotes[0].single and quotes[0].open == p.start
                and out[-1].close < 0 and out[-1].paragraph == p.index - 1):
            quotes[0] = replace(quotes[0], continued=True)
        out.extend(quotes)
    return out
