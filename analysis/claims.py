"""Claim frames: which stretch of a sentence stands inside someone's statement, and whose.

Why its own module: an event in "the army said it was beginning to regain control" is the army's
claim, not a reported fact; `events` needs that per event, and must not depend on the statements
extractor. The rule is deliberately compact: a reporting verb outside quote marks opens a frame;
its speaker is the subject before it (or after it: '"...," said Trump'); the frame covers what
follows the verb when a clause follows ("said that ...", "say they have taken ..."), else what
precedes it ("..., AFP reported."); "according to X" covers the whole sentence. A sentence that
carries on a quotation without an attribution of its own belongs to the last speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .wordlists import trie_pattern

# first letters of the reporting verbs: a lookahead on their trie keeps the scan fast
_REPORTING_HEADS = ["according", "According", "declar", "said", "say", "tell", "told", "report", "assert", "claim",
                    "announc", "stat", "add", "acknowledg", "admit", "confirm", "insist", "wr", "posted", "warn",
                    "argu", "den", "reject", "dismissed"]
REPORTING = re.compile(
    r"(?<![\w-])(?=" + trie_pattern(_REPORTING_HEADS) + r")(?:[Aa]ccording to|(?:said|says|say|saying|told|tells|tell|"
    r"telling|reported|reports|report|reporting|declared|declares|declaring|"
    r"asserted|asserts|assert|asserting|claimed|claims|claiming|announced|announces|announcing|stated|"
    r"(?<=to )(?:declare|announce|confirm)|"
    r"added|adding|adds|acknowledged|acknowledges|admitted|admits|confirmed|confirms|confirming|"
    r"insisted|insists|wrote|writes|posted|warned|warns|argued|argues|"
    r"denied|denies|deny|denying|rejected|rejects|dismissed)(?![\w-]))")
# a break between an event's words and a place: another clause, another speaker
_CLAUSE_BREAK_WORDS = ["while", "whereas", "but", "although", "though", "even as", "who", "whose", "would",
                       "could", "will", "might", "may", "must", "should"]
CLAUSE_BREAK = re.compile(
    r"[;:]|\s[–—]\s|\b(?=[wbatecms])(?:" + trie_pattern(_CLAUSE_BREAK_WORDS) + r")\b|" + REPORTING.pattern)
DENIAL_VERBS = frozenset({"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed"})
# 'the report', 'reports of a withdrawal': 'report' used as a noun
# ('denied reports that …': the denial's object)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|media|news|unconfirmed|denied|denies|deny|denying|rejected|rejects|"
    r"rejecting|dismissed|dismissing)\s+\Z", re.I)
_SAME_SPEAKER = re.compile(r"(?:\band|,)\s*$")
# a headline or live-blog line that quotes someone: "08:15 GMT – Rebels: ‘We declare …’"
_COLON_QUOTE = re.compile(r"^(?:[^–—:]*\d[^–—]*[–—]\s*)?([A-Z][^:“\"‘]{0,40}):\s*[‘“\"']")
# what makes the words after a reporting verb its reported clause
_CLAUSE_AFTER = re.compile(r"\b(?:that|it|they|he|she|we|its|their|his)\b|[“\"‘:]", re.I)
_CLAIMER_START = re.compile(r".*(?:^|[”\"]\s*,?\s*|’,\s*|\bthat\s+|[;:]\s*|\s[–—-]\s)", re.S)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:later|earlier|meanwhile|separately|on|in|at|by|late|early)\b[^,]*,\s*)+", re.I)
_TRAILING_CONJ = re.compile(r"[\s,]*(?:(?:even\s+)?as|while|whereas|but|and|after|when|because)?\s*$", re.I)
_LEADING_CONJ = re.compile(r"^(?:(?:even\s+)?as|while|whereas|but|and|after|when|because)\s+", re.I)
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|later|earlier|now|then|previously|separately|again|had|has|have|on \w+|late on \w+|"
    r"for the first time|in a statement|on Telegram))+$")
_INVERTED_TAIL = re.compile(r"\s+(?:on|in|at|to|by|from|via|late|early|after)\b.*$|\s*[,.;].*$", re.S)
_OWNER = re.compile(r"^(.*?)['’]s\s+(?:statement|spokesman|spokeswoman|spokesperson|command|office)$", re.I)
QUOTE_MARKS = "“”\"‘’"
_PRONOUN = re.compile(r"(?i)it|they|he|she|we")


@dataclass(frozen=True)
class Frame:
    start: int         # body offsets of the text the frame covers
    end: int
    claimer: str       # who asserts it, as written ("" when the text names nobody)
    denied: bool       # a denial verb: "denied that he had left Damascus"
    verb_start: int


_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Double-quoted stretches of a sentence; an unclosed quote runs to the end."""
    return [m.span() for m in _QUOTE.finditer(text)]


def _inside(pos: int, spans) -> bool:
    return any(s < pos < e for s, e in spans)


def _claimer_before(text: str, verb_start: int, since: int = 0) -> str:
    before = text[since:verb_start].rstrip()
    appositive = before.endswith(",")
    m = _CLAIMER_START.match(before)
    claimer = before[m.end():] if m else before
    if not appositive and ", " in claimer:
        claimer = claimer.rsplit(", ", 1)[1]
    claimer = _LEADING_ADVERBIAL.sub("", claimer) or claimer
    claimer = _TRAILING_ADVERBS.sub("", _LEADING_CONJ.sub("", claimer.strip(" ,"))).strip(" ,")
    owner = _OWNER.match(claimer)
    return " ".join((owner.group(1) if owner else claimer).split()[-12:])


def _claimer_after(text: str, verb_end: int) -> str:
    return _INVERTED_TAIL.sub("", text[verb_end:].strip(" ,")).strip()


def sentence_frames(text: str, offset: int, has_trigger) -> list[Frame]:
    """Claim frames of one sentence (offsets shifted by `offset`). `has_trigger(words)` says
    whether an event trigger lies in some words: a trigger after the verb means a clause follows."""
    quotes = quote_spans(text)
    verbs = [m for m in REPORTING.finditer(text) if not _inside(m.start(), quotes) and not (
        m.group() in ("report", "reports") and _DETERMINER_BEFORE.search(text, max(0, m.start() - 16), m.start()))
        and not (m.group() == "posted" and text.startswith(" by ", m.end()))]   # 'videos posted by': what was shown
    # 'said ... and denied that ...', 'he said, adding that ...': the same speaker goes on
    same = [i > 0 and bool(_SAME_SPEAKER.search(text[verbs[i - 1].end():m.start()])) and (
        "and" in text[verbs[i - 1].end():m.start()] or m.group().endswith("ing")) for i, m in enumerate(verbs)]
    frames: list[Frame] = []
    colon = _COLON_QUOTE.match(text)
    if colon:
        frames.append(Frame(offset + colon.end(1), offset + len(text), colon.group(1).strip(), False,
                            offset + colon.end(1)))
    prev_end = prev_verb = 0
    for i, m in enumerate(verbs):
        verb = m.group().lower()
        nxt = verbs[i + 1].start() if i + 1 < len(verbs) else len(text)
        if verb == "according to":
            claimer = re.split(r"[,.;]", text[m.end():], maxsplit=1)[0].strip()
            frames.append(Frame(offset, offset + len(text), claimer, False, offset + m.start()))
            continue
        rest = re.split(r"[,.;]\s", text[m.end():nxt] + " ", maxsplit=1)[0]
        if frames and same[i]:
            claimer = frames[-1].claimer
        else:
            claimer = _claimer_before(text, m.start(), prev_verb)
        prev_verb = m.end()
        forward = bool(_CLAUSE_AFTER.search(rest)) or has_trigger(rest)
        if forward and claimer:
            end = nxt if i + 1 < len(verbs) else len(text)
            if i + 1 < len(verbs) and not same[i + 1]:  # the next verb's subject is not part of this claim
                subject = _claimer_before(text, nxt, m.end())
                at = text.rfind(subject, m.end(), nxt) if subject else -1
                end = m.end() + len(_TRAILING_CONJ.sub("", text[m.end():at if at >= 0 else nxt]))
            frames.append(Frame(offset + m.end(), offset + end, claimer, verb in DENIAL_VERBS, offset + m.start()))
        else:
            if not claimer or claimer.endswith(("”", '"')):
                claimer = _claimer_after(text, m.end())
            start_claimer = text.rfind(claimer, 0, m.start()) if claimer else m.start()
            stop = start_claimer if 0 <= start_claimer < m.start() else m.start()
            frames.append(Frame(offset + prev_end, offset + stop, claimer, verb in DENIAL_VERBS, offset + m.start()))
        prev_end = frames[-1].end - offset
    return frames


class Claims:
    """Frames of a document's sentences, computed only for the sentences that need them."""

    def __init__(self, doc, has_trigger):
        self.doc = doc
        self.has_trigger = has_trigger
        self._cache: dict[int, list[Frame]] = {}

    def _own(self, i: int) -> list[Frame]:
        if i not in self._cache:
            s = self.doc.sentences[i]
            self._cache[i] = sentence_frames(s.text, s.start, self.has_trigger)
        return self._cache[i]

    def frames(self, i: int) -> list[Frame]:
        """Frames of sentence i; a sentence that carries on a quotation with no attribution of
        its own belongs wholly to the last speaker before it, and 'it said' is that speaker too."""
        frames = [replace(f, claimer=self._last_claimer(i) or f.claimer) if _PRONOUN.fullmatch(f.claimer) else f
                  for f in self._own(i)]
        s = self.doc.sentences[i]
        if frames or not self._starts_quoted(s):
            return frames
        claimer = self._last_claimer(i)
        return [Frame(s.start, s.end, claimer, False, s.start)] if claimer else []

    def _last_claimer(self, i: int) -> str:
        for j in range(i - 1, max(-1, i - 8), -1):
            named = [f.claimer for f in self._own(j) if f.claimer and not _PRONOUN.fullmatch(f.claimer)]
            if named:
                return named[-1]
        return ""

    def _starts_quoted(self, s) -> bool:
        if s.text[:1] in QUOTE_MARKS:
            return True
        paragraph = self.doc.paragraphs[s.paragraph_index]
        before = self.doc.body[paragraph.start:s.start]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def frame_at(frames: list[Frame], pos: int) -> Frame | None:
    """The innermost frame covering body offset `pos`."""
    best = None
    for f in frames:
        if f.start <= pos < f.end and (best is None or f.start >= best.start):
            best = f
    return best
