"""Statements: who said what, as rows with exact provenance (issue 3).

For each sentence, speech-verb cues (attribution.py) decide what is reported: a clause after the
verb (indirect, or mixed when it holds quoted words), a clause before a trailing "…, X said", or a
quote (quotes.py) that the cue introduces or follows. Quotes left over inherit the speaker of the
quote they continue (interrupted quotes, further paragraphs of one quote); others become direct
statements with no speaker when they look like full sentences. Speakers are resolved in reading
order (speakers.py), so "he" and "Pedersen" point back at the person named earlier.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .attribution import Cue, find_cues
from .quotes import Quote, find_quotes
from .speakers import DocumentSpeakers, Speaker, parse_phrase
from .stances import find_stances

MIN_CLAUSE_WORDS = 3          # a reported clause shorter than this is not a statement
MIN_UNATTRIBUTED_WORDS = 6    # a quote with no speaker must be at least a short sentence
_TRIM = " \t\n,;:.!?…—–-"
_CONNECTOR_END = re.compile(r"(?:[\s,;:—–-]+(?:and|but|even\s+as|as|while|whereas|although|though|so|or))+[\s,;:—–-]*$")
_LEADING_JUNK = re.compile(r"^[\s,;:—–-]+")
_WORD = re.compile(r"[\w’'-]+")
_HEADLINE_SPEAKER = re.compile(r"^\s*(?P<np>[^:“”\"]{2,80}?)\s*:\s*$")


@dataclass(eq=False)
class Attribution:
    """Who said it, as found in the text (resolved to a Speaker later, in reading order)."""
    span: tuple[int, int] | None     # body offsets of the speaker phrase
    verb: str
    channel: str
    rule: str
    paragraph: int
    parent: "Attribution | None" = None   # the speaker carries over from this one
    phrase: Speaker | None = None         # a parsed phrase that has no span of its own
    speaker: Speaker | None = field(default=None, repr=False)


@dataclass
class Draft:
    start: int
    end: int
    kind: str
    attribution: Attribution | None
    rule: str
    group: int | None = None    # quote group: pieces of one interrupted or continued quote


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding punctuation and dangling connectors ("…, even as")."""
    m = _LEADING_JUNK.match(body, start, end)
    if m:
        start = m.end()
    piece = body[start:end]
    c = _CONNECTOR_END.search(piece)
    if c:
        end = start + c.start()
    while end > start and body[end - 1] in _TRIM:
        end -= 1
    if end > start and body[end - 1] in "”\"’'»" and body.count(body[end - 1], start, end) % 2 and \
            not any(ch in body[start:end - 1] for ch in "“\"‘'«"):
        end -= 1  # a closing mark whose opening mark lies outside
    return start, end


class _Extraction:
    """State of one document's extraction."""

    def __init__(self, doc):
        self.doc = doc
        self.body = doc.body
        self.quotes = find_quotes(doc.paragraphs)
        self.quote_starts = [q.open for q in self.quotes]
        self.attached: dict[int, tuple[Attribution, str]] = {}   # quote index → attribution, rule
        self.group_of: dict[int, int] = {}                       # quote index → first quote of its group
        self.absorbed: set[int] = set()
        self.drafts: list[Draft] = []
        self.after_attribution: dict[int, int] = {}              # quote index → end of its trailing attribution

    # -- quotes -------------------------------------------------------------------------------
    def quote_ending_before(self, pos: int, paragraph_start: int) -> int | None:
        """Index of the quote whose closing mark stands right before `pos` (only , . — between)."""
        i = bisect.bisect_left(self.quote_starts, pos) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.outer_end <= pos:
                gap = self.body[q.outer_end:pos]
                if q.open >= paragraph_start and re.fullmatch(r"[\s,.!?…—–-]*", gap):
                    return i
                return None
            i -= 1
        return None

    def quote_starting_at(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.quote_starts, pos)
        return i if i < len(self.quotes) and self.quotes[i].open == pos else None

    def quotes_within(self, start: int, end: int) -> list[int]:
        lo = bisect.bisect_left(self.quote_starts, start)
        hi = bisect.bisect_left(self.quote_starts, end)
        return [i for i in range(lo, hi) if self.quotes[i].outer_end <= end + 1]

    def attach(self, qi: int, attr: Attribution, rule: str, group: int | None = None) -> None:
        if qi in self.attached or qi in self.absorbed:
            return
        self.attached[qi] = (attr, rule)
        self.group_of[qi] = self.group_of.get(group, group) if group is not None else qi

    # -- sentences ----------------------------------------------------------------------------
    def run(self) -> list[Draft]:
        para_start = {p.index: p.start for p in self.doc.paragraphs}
        for sent in self.doc.sentences:
            self.sentence(sent, para_start[sent.paragraph_index])
        self.leftover_quotes()
        for qi, (attr, rule) in self.attached.items():
            q = self.quotes[qi]
            start, end = q.start, q.end
            while end > start and self.body[end - 1] in " ,\n":
                end -= 1
            while start < end and self.body[start].isspace():
                start += 1
            if end > start:
                self.drafts.append(Draft(start, end, "direct", attr, rule, self.group_of[qi]))
        self.drafts.sort(key=lambda d: (d.start, d.end))
        return self.drafts

    def sentence(self, sent, paragraph_start: int) -> None:
        base = sent.start
        masked = [(max(q.start, base) - base, min(q.end, sent.end) - base) for q in self.quotes
                  if q.start < sent.end and q.end > base] if self.quotes else []
        cues = find_cues(sent.text, masked)
        clause_floor = 0                  # where a clause before a trailing "…, X said" may start
        previous: Attribution | None = None
        for k, cue in enumerate(cues):
            attr = self.attribution(cue, base, sent.paragraph_index, previous)
            if attr is None:
                continue
            limit = self.content_limit(cues, k, sent.text)
            if cue.inverted:
                clause_floor = self.inverted(cue, attr, sent, paragraph_start, clause_floor)
            else:
                clause_floor = self.forward(cue, attr, sent, paragraph_start, limit, clause_floor)
            previous = attr

    def attribution(self, cue: Cue, base: int, paragraph: int, previous: Attribution | None) -> Attribution | None:
        if cue.subject:
            s, e = cue.subject
            return Attribution((base + s, base + e), cue.verb, cue.channel, "", paragraph)
        if cue.participle or cue.conjoined:
            if previous is None:
                return None
            return Attribution(None, cue.verb, cue.channel, "", paragraph, parent=previous)
        return Attribution(None, cue.verb, cue.channel, "", paragraph)

    @staticmethod
    def content_limit(cues: list[Cue], k: int, text: str) -> int:
        """The content of cue k ends where the next cue's attribution begins."""
        for nxt in cues[k + 1:]:
            if nxt.inverted and nxt.verb == "according to":
                return nxt.verb_start
            if nxt.inverted:
                continue
            if nxt.subject:
                return nxt.subject[0]
            if nxt.participle:
                return text.rfind(",", 0, nxt.verb_start)
            if nxt.conjoined:
                return text.rfind(" ", 0, nxt.verb_start - 1)  # before "and"
            return nxt.verb_start
        return len(text)

    def forward(self, cue: Cue, attr: Attribution, sent, paragraph_start: int, limit: int, floor: int) -> int:
        base = sent.start
        start, end = _trim(self.body, base + cue.content_start, base + max(limit, cue.content_start))
        text = self.body[start:end]
        if _words(text) < 2 or (start < end and self.body[start] in "“\"«‘'" and _words(text) < 2):
            subject_start = base + (cue.subject[0] if cue.subject else cue.verb_start)
            return self.trailing(cue, attr, sent, paragraph_start, subject_start, floor)
        qi = self.quote_starting_at(start - (1 if self.body[start - 1:start] in "“\"«‘'" else 0))
        if qi is not None:
            q = self.quotes[qi]
            if q.outer_end >= end - 1 or not self.body[q.outer_end:end].strip(_TRIM + "”\""):
                attr.rule = "speaker-verb-quote"
                self.attach(qi, attr, "speaker-verb-quote")
                return cue.verb_end
        inside = [i for i in self.quotes_within(start - 1, end) if i not in self.attached]
        if _words(text) < MIN_CLAUSE_WORDS:
            return cue.verb_end
        self.absorbed.update(inside)
        kind = "mixed" if inside else "indirect"
        rule = ("conjoined-verb" if cue.conjoined else "participle-clause" if cue.participle
                else "speaker-verb-clause" if cue.subject else "verb-clause-no-subject")
        attr.rule = rule
        self.drafts.append(Draft(start, end, kind, attr, rule))
        return end - base

    def trailing(self, cue: Cue, attr: Attribution, sent, paragraph_start: int, subject_start: int, floor: int) -> int:
        """'“…,” X said' or '…, X said.' or 'X said:' followed by a quote."""
        base = sent.start
        qi = self.quote_ending_before(subject_start, paragraph_start)
        if qi is not None and not attr.parent:
            attr.rule = "quote-then-speaker-verb"
            self.attach(qi, attr, attr.rule)
            self.chain_interrupted(qi, attr, base + cue.content_start)
            return cue.content_start
        if sent.text.rstrip().endswith(":") and attr.span:
            nxt = bisect.bisect_left(self.quote_starts, sent.end)
            if nxt < len(self.quotes) and not self.body[sent.end:self.quotes[nxt].open].strip():
                attr.rule = "speaker-verb-colon"
                self.attach(nxt, attr, attr.rule)
                return len(sent.text)
        return self.clause_before(cue, attr, sent, subject_start, floor, "clause-then-speaker-verb")

    def clause_before(self, cue: Cue, attr: Attribution, sent, anchor: int, floor: int, rule: str) -> int:
        base = sent.start
        if not self.body[base:anchor].rstrip().endswith((",", "—", "–")) or attr.span is None:
            return floor
        start, end = _trim(self.body, base + floor, anchor)
        if _words(self.body[start:end]) < MIN_CLAUSE_WORDS:
            return floor
        inside = [i for i in self.quotes_within(start - 1, end) if i not in self.attached]
        if inside and len(inside) == 1 and self.quotes[inside[0]].open <= start and self.quotes[inside[0]].outer_end >= end:
            attr.rule = "quote-then-speaker-verb"
            self.attach(inside[0], attr, attr.rule)
            return cue.content_start
        self.absorbed.update(inside)
        attr.rule = rule
        self.drafts.append(Draft(start, end, "mixed" if inside else "indirect", attr, rule))
        return cue.content_start

    def inverted(self, cue: Cue, attr: Attribution, sent, paragraph_start: int, floor: int) -> int:
        base = sent.start
        if cue.verb == "according to":
            if not sent.text[:cue.verb_start].strip():   # "According to X, …"
                start, end = _trim(self.body, base + cue.content_start, sent.end)
                if _words(self.body[start:end]) >= MIN_CLAUSE_WORDS:
                    inside = [i for i in self.quotes_within(start - 1, end) if i not in self.attached]
                    self.absorbed.update(inside)
                    attr.rule = "according-to"
                    self.drafts.append(Draft(start, end, "mixed" if inside else "indirect", attr, attr.rule))
                    return end - base
                return floor
            return self.clause_before(cue, attr, sent, base + cue.verb_start, floor, "clause-according-to")
        qi = self.quote_ending_before(base + cue.verb_start, paragraph_start)
        if qi is not None:
            attr.rule = "quote-then-verb-speaker"
            self.attach(qi, attr, attr.rule)
            self.chain_interrupted(qi, attr, base + cue.content_start)
            return cue.content_start
        return self.clause_before(cue, attr, sent, base + cue.verb_start, floor, "clause-then-verb-speaker")

    def chain_interrupted(self, qi: int, attr: Attribution, after: int) -> None:
        """“A,” he said, “B.” — the quote resumed right after the attribution shares it."""
        nxt = qi + 1
        if nxt < len(self.quotes) and self.quotes[nxt].paragraph == self.quotes[qi].paragraph:
            gap = self.body[after:self.quotes[nxt].open]
            if re.fullmatch(r"\s*[,.;:—–-]?\s*", gap):
                self.attach(nxt, attr, "interrupted-quote", group=qi)

    # -- quotes no cue claimed ----------------------------------------------------------------
    def leftover_quotes(self) -> None:
        paragraphs = {p.index: p for p in self.doc.paragraphs}
        # the pieces of one quote running over paragraphs share one speaker, whichever piece has it
        for qi in range(1, len(self.quotes)):
            if self.quotes[qi].continued and qi - 1 in self.attached and qi not in self.absorbed:
                self.attach(qi, self.attached[qi - 1][0], "quote-continues-paragraph", group=qi - 1)
        for qi in range(len(self.quotes) - 1, 0, -1):
            if self.quotes[qi].continued and qi in self.attached and qi - 1 not in self.attached \
                    and qi - 1 not in self.absorbed:
                self.attach(qi - 1, self.attached[qi][0], "quote-continues-paragraph")
                self.group_of[qi] = self.group_of[qi - 1] = min(self.group_of.get(qi, qi), qi - 1)
        for qi, q in enumerate(self.quotes):
            if qi in self.attached or qi in self.absorbed:
                continue
            sent = self.doc.sentence_at(q.open)
            prefix = self.body[sent.start:q.open] if sent else ""
            head = _HEADLINE_SPEAKER.match(prefix)
            if head and sent:
                sp = parse_phrase(head.group("np"))
                if sp and sp.name and not sp.pronoun and not sp.definite:
                    s = sent.start + head.start("np")
                    attr = Attribution((s, s + len(head.group("np"))), ":", "", "speaker-colon-quote", q.paragraph)
                    self.attach(qi, attr, attr.rule)
                    continue
            if prefix.strip():
                continue  # a quoted fragment inside prose that no cue reports
            prev = self.previous_direct(qi, paragraphs)
            if prev is not None:
                attr = self.attached[prev][0]
                same = self.quotes[prev].paragraph == q.paragraph
                self.attach(qi, attr, "same-speaker-continues" if same else "next-paragraph-continues",
                            group=prev if same else None)
            elif _words(self.body[q.start:q.end]) >= MIN_UNATTRIBUTED_WORDS and self.body[q.start:q.start + 1].isupper():
                self.attach(qi, Attribution(None, "", "", "unattributed-quote", q.paragraph), "unattributed-quote")

    def previous_direct(self, qi: int, paragraphs) -> int | None:
        """The attributed quote this one carries on from: earlier in its paragraph, or ending the
        paragraph before when this quote opens its own paragraph."""
        q = self.quotes[qi]
        for pj in range(qi - 1, -1, -1):
            p = self.quotes[pj]
            if p.paragraph < q.paragraph - 1:
                return None
            later_statement = any(d.start > p.end and d.start < q.open for d in self.drafts)
            if later_statement:
                return None
            if pj in self.attached and self.attached[pj][0].span is not None or \
                    pj in self.attached and self.attached[pj][0].parent is not None:
                if p.paragraph == q.paragraph:
                    return pj
                opens_paragraph = q.open == paragraphs[q.paragraph].start
                last_in_paragraph = not self.body[p.outer_end:paragraphs[p.paragraph].end].strip(_TRIM) or \
                    pj in self.after_attribution
                if opens_paragraph and (last_in_paragraph or self.attribution_ends_paragraph(pj, paragraphs)):
                    return pj
                return None
            if p.paragraph != q.paragraph:
                return None
        return None

    def attribution_ends_paragraph(self, pj: int, paragraphs) -> bool:
        """The paragraph ends with the quote's own attribution ('…,” he said.')."""
        p = self.quotes[pj]
        attr = self.attached[pj][0]
        tail = self.body[p.outer_end:paragraphs[p.paragraph].end]
        return attr.span is not None and attr.span[0] >= p.outer_end and "." not in tail.rstrip(". ")[:-1] \
            and len(tail) < 120


def _resolve(attr: Attribution | None, body: str, speakers: DocumentSpeakers) -> Speaker:
    if attr is None:
        return Speaker()
    if attr.speaker is not None:
        return attr.speaker
    if attr.parent is not None:
        sp = _resolve(attr.parent, body, speakers)
    elif attr.span is not None:
        sp = parse_phrase(body[attr.span[0]:attr.span[1]]) or Speaker()
        sp = speakers.resolve(sp, attr.paragraph, attr.span[0])
        if sp.name:
            speakers.remember(sp, attr.paragraph)
    else:
        sp = Speaker()
    attr.speaker = sp
    return sp


def extract_statements(doc) -> list[dict]:
    """Rows of the statements table for one document, in body order."""
    drafts = _Extraction(doc).run() if doc.sentences else []
    speakers = DocumentSpeakers(doc.body)
    starts = [s.start for s in doc.sentences]
    rows, group_ids = [], {}
    for n, d in enumerate(drafts, start=1):
        sp = _resolve(d.attribution, doc.body, speakers)
        attr = d.attribution
        sid = f"{doc.doc_id}-s{n:03d}"
        group = group_ids.setdefault(d.group, sid) if d.group is not None else sid
        si = max(bisect.bisect_right(starts, d.start) - 1, 0)
        text = doc.body[d.start:d.end]
        stances, cues = find_stances(text)
        verb = attr.verb if attr else ""
        rows.append({
            "statement_id": sid, "statement_group": group, "doc_id": doc.doc_id, "kind": d.kind,
            "text": text, "start": d.start, "end": d.end, "sentence_index": si,
            "sentence": doc.sentences[si].text, "speaker": sp.name,
            "speaker_text": sp.text or (doc.body[attr.span[0]:attr.span[1]] if attr and attr.span else ""),
            "speaker_role": sp.role, "speaker_affiliation": sp.affiliation, "speaker_country": sp.country,
            "speaker_type": sp.type, "side": sp.side if sp.name else "unknown", "verb": verb,
            "channel": (attr.channel if attr else "") or sp.channel, "stances": "; ".join(stances),
            "stance_cues": "; ".join(cues), "rule": d.rule,
        })
    return rows
