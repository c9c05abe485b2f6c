"""Statements: who said what, as rows with exact provenance (issue 3).

For each sentence, speech-verb cues (attribution.py) decide what is reported: a clause after the
verb (indirect, or mixed when it holds quoted words), a clause before a trailing "…, X said", or a
quote (quotes.py) that the cue introduces or follows. Quotes left over inherit the speaker of the
quote they continue (interrupted quotes, further paragraphs of one quote), the person introduced
right before them, or the short attribution sentence right after them; others become direct
statements with no speaker when they look like full sentences. ", X said," inside a clause makes
one row over the whole clause. Speakers are resolved in reading order (speakers.py), so "he" and
"Pedersen" point back at the person named earlier.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .attribution import Cue, find_cues, sentence_subject
from .quotes import Quote, find_quotes
from .speakers import DETERMINERS, GENDER_WORDS, DocumentSpeakers, Speaker, parse_phrase
from .stances import find_stances

MIN_CLAUSE_WORDS = 3          # a reported clause shorter than this is not a statement
MIN_UNATTRIBUTED_WORDS = 6    # a quote with no speaker must be at least a short sentence
MAX_BARE_WORDS = 14           # "President X said at the palace.": an attribution sentence after a quote
MIN_DIRECT_WORDS = 4          # shorter quotes ("No," he said) are not counted as statements (issue 3)
_TRIM = " \t\n,;:.!?…—–-"
_CLOSING = "”\"’'»"
_CONNECTOR_END = re.compile(r"(?:[\s,;:—–-]+(?:and|but|even\s+as|as|while|whereas|although|though|so|or))+[\s,;:—–-]*$")
_LEADING_JUNK = re.compile(r"[\s,;:—–-]+")
_WORD = re.compile(r"[\w’'-]+")
_HEADLINE_SPEAKER = re.compile(r"^\s*(?P<np>[^:“”\"]{2,80}?)\s*:\s*$")
_HEADLINE = re.compile(r"^(?P<stamp>\d{1,2}[:.]\d{2}\s*(?:[A-Z]{2,4}|[ap]\.?m\.?)?\s*[–—-]\s*)?(?P<np>[^:;,“”\"‘’]{2,60}?):\s+(?P<content>\S.*)$")
_HEADLINE_TYPES = {"person", "government", "armed forces", "armed group", "media", "international organisation",
                   "organisation", "monitor", ""}
_QUOTE_THEN_ADJUNCT = re.compile(r"[”\"](?:\s*,|,[”\"])\s+[a-z]+ing\b|,(?:[”\"]|'')\s+[a-z]+ing\b")
_RELATIVE_SUBJECT = re.compile(r",\s+(?:who|which)\b")
_COLON_QUOTE = re.compile(r":\s*(?=[“\"]|'')")
_AND = re.compile(r"\s+and\s+")
_SPACE = re.compile(r"\s*")
_RESUMED_QUOTE = re.compile(r"^(?:but|and)\s+(?=[“\"]|'')")
_EMBEDDING = re.compile(r"\bthat\s*$")
_TO_INFINITIVE = re.compile(r"to\s+(?:have|be|not)\s")   # "claimed to have entered …" is content
_DATELINE = re.compile(r"[A-Z][A-Z/ ,.'-]*[A-Z](?:\s*\([^)]*\))?\s*(?::\s*|[–—-]{1,2}\s+)")   # "BEIRUT – ", "RIYADH/ABU DHABI: "
_PARENTHETICAL_OPENERS = {"until", "by", "in", "on", "at", "after", "before", "since", "for", "during", "from"}
_SECOND_PERSON = re.compile(r"[^.;:]{0,80}?,?\s+and\s+[A-Z]")   # "X, a minister, and Y, a lawyer, …"
_QUANTITY = re.compile(r"(?:at\s+(?:least|most)|as\s+(?:many|much|few))\b", re.IGNORECASE)
_OPENING = "“\"«‘'"
# A reported "content" starting with one of these is a place or time phrase, not a clause.
# A "content" opening with one of these is an adverbial clause ("said when asked whether …").
_ADJUNCT_OPENERS = {"when", "while", "as", "after", "before", "amid", "since", "because", "although", "though",
                    "unless", "until", "during"}
_NOT_CONTENT = {"of", "about", "at", "in", "on", "during", "after", "before", "from", "by", "via", "with", "while", "when", "as",
                "amid", "outside", "inside", "near", "to", "late", "early"}


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


def _comma_outside_quotes(body: str, start: int, end: int) -> int | None:
    """Offset of the first comma in body[start:end] that no open quote mark encloses."""
    depth = 0
    for m in re.finditer(r"[,“”]", body[start:end]):
        ch = m.group()
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(depth - 1, 0)
        elif depth == 0:
            return start + m.start()
    return None


def _dateline(phrase: str, sp: Speaker) -> bool:
    """An all-caps place before a colon ("BEIRUT:", "RIYADH/ABU DHABI:") is a dateline; "SANA:" is not."""
    return phrase.isupper() and sp.type in ("government", "")


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding punctuation and dangling connectors ("…, even as")."""
    m = _LEADING_JUNK.match(body, start, end)
    if m:
        start = m.end()
    piece = body[start:end]
    c = _CONNECTOR_END.search(piece)
    if c:
        end = start + c.start()
    while end > start and body[end - 1] in _TRIM + _CLOSING:  # quote marks stay out of the text
        end -= 1
    return start, end


class _Extraction:
    """State of one document's extraction."""

    def __init__(self, doc):
        self.doc = doc
        self.body = doc.body
        self.quotes = find_quotes(doc.paragraphs)
        self.paragraph_of = {p.index: p for p in doc.paragraphs}
        self.quote_starts = [q.open for q in self.quotes]
        self.attached: dict[int, tuple[Attribution, str]] = {}   # quote index → attribution, rule
        self.group_of: dict[int, int] = {}                       # quote index → first quote of its group
        self.absorbed: set[int] = set()
        self.drafts: list[Draft] = []
        self.mentions: list[tuple[tuple[int, int], int]] = []     # sentence-opening speaker phrases
        self.introduced: list[tuple[int, tuple[int, int] | None, int, int]] = []  # (start, person or None for two, paragraph, end)
        self.bare: dict[int, Attribution] = {}   # sentence start → its attribution, when it reports nothing
        self.spoken: dict[int, list[tuple[int, Attribution, int | None]]] = {}  # paragraph → (end, attribution, quote)

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
        """Quotes opening in [start, end) that close there too, or only past trimmed punctuation
        ('were “the fiercest since the offensive began.”')."""
        lo = bisect.bisect_left(self.quote_starts, start)
        hi = bisect.bisect_left(self.quote_starts, end)
        return [i for i in range(lo, hi) if self.quotes[i].outer_end <= end + 1
                or not self.body[end:self.quotes[i].outer_end].strip(_TRIM + _CLOSING)]

    def attach(self, qi: int, attr: Attribution, rule: str, group: int | None = None) -> None:
        if qi in self.attached or qi in self.absorbed:
            return
        self.attached[qi] = (attr, rule)
        self.group_of[qi] = self.group_of.get(group, group) if group is not None else qi
        q = self.quotes[qi]
        self.spoken.setdefault(q.paragraph, []).append((q.end, attr, qi))

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
            if _words(self.body[start:end]) >= MIN_DIRECT_WORDS:
                self.drafts.append(Draft(start, end, "direct", attr, rule, self.group_of[qi]))
        self.drafts.sort(key=lambda d: (d.start, d.end))
        return self.drafts

    def sentence(self, sent, paragraph_start: int) -> None:
        base = sent.start
        masked = [(max(q.start, base) - base, min(q.end, sent.end) - base) for q in self.quotes
                  if q.start < sent.end and q.end > base] if self.quotes else []
        cues = find_cues(sent.text, masked)
        lead = sentence_subject(sent.text) if not cues or any(c.participle for c in cues) else None
        if lead:
            self.mentions.append(((base + lead[0], base + lead[1]), sent.paragraph_index))
            if not cues and "," in sent.text[lead[0]:lead[1] + 1]:  # "Fadi Sarraf, a former minister, …"
                two = _SECOND_PERSON.match(sent.text, lead[1])
                span = None if two else (base + lead[0], base + lead[1])
                self.introduced.append((base + lead[0], span, sent.paragraph_index, sent.end))
        if not cues:
            self.headline(sent, paragraph_start)
            return
        dateline = _DATELINE.match(sent.text) if sent.start == paragraph_start and sent.text[1:2].isupper() else None
        floor = dateline.end() if dateline else 0   # where a clause before a trailing "…, X said" may start
        covered = -1               # end of the reported clause taken last (cues inside it are part of it)
        previous: Attribution | None = None
        found = len(self.drafts) + len(self.attached)
        for k, cue in enumerate(cues):
            if cue.verb_start < covered:
                continue
            attr = self.attribution(cue, base, sent, previous, lead)
            if attr is None:
                continue
            if cue.inverted:
                floor = self.inverted(cue, attr, sent, paragraph_start, floor)
            else:
                limit = self.content_limit(cues, k, sent.text)
                floor = self.forward(cue, attr, sent, paragraph_start, limit, floor)
                covered = max(covered, floor) if floor > cue.verb_end else covered
            previous = attr
        first = cues[0]
        if found == len(self.drafts) + len(self.attached) and previous is not None and first.subject \
                and not sent.text[:first.subject[0]].strip() and _words(sent.text) <= MAX_BARE_WORDS:
            self.bare[sent.start] = previous  # "“…” \n\n President X said at the palace."

    def attribution(self, cue: Cue, base: int, sent, previous: Attribution | None, lead) -> Attribution | None:
        paragraph = sent.paragraph_index
        if cue.subject:
            s, e = cue.subject
            return Attribution((base + s, base + e), cue.verb, cue.channel, "", paragraph)
        if cue.participle or cue.conjoined:
            if previous is not None:
                return Attribution(None, cue.verb, cue.channel, "", paragraph, parent=previous)
            if cue.participle and lead and lead[1] < cue.verb_start:  # "X declined …, saying: …"
                return Attribution((base + lead[0], base + lead[1]), cue.verb, cue.channel, "", paragraph)
            return None
        return Attribution(None, cue.verb, cue.channel, "", paragraph)

    @staticmethod
    def content_limit(cues: list[Cue], k: int, text: str) -> int:
        """The content of cue k ends where the next cue's attribution begins, unless that cue is
        embedded in it ("said that Ankara had warned …")."""
        cue = cues[k]
        for nxt in cues[k + 1:]:
            if nxt.inverted and nxt.verb == "according to":
                return nxt.verb_start
            if nxt.inverted:
                continue
            if nxt.subject:
                if nxt.subject[0] <= cue.content_start + 1 or _EMBEDDING.search(text, 0, nxt.subject[0]):
                    continue
                return nxt.subject[0]
            if nxt.participle:
                return text.rfind(",", 0, nxt.verb_start)
            if nxt.conjoined:
                return text.rfind(" ", 0, nxt.verb_start - 1)  # before "and"
            return nxt.verb_start
        return len(text)

    def forward(self, cue: Cue, attr: Attribution, sent, paragraph_start: int, limit: int, floor: int) -> int:
        """'X said (that) CONTENT', or a trailing 'X said' when nothing reportable follows."""
        base = sent.start
        subject_start = base + (cue.subject[0] if cue.subject else cue.verb_start)
        start, end = _trim(self.body, base + cue.content_start, base + max(limit, cue.content_start))
        semi = self.body.find(";", start, end)
        if semi >= 0:
            start, end = _trim(self.body, start, semi)
        adjunct = _QUOTE_THEN_ADJUNCT.search(self.body, start, end)
        if adjunct:  # '… “should be wrapped up by Cleveland,” referring to …'
            start, end = _trim(self.body, start, adjunct.start() + 1)
        colon = _COLON_QUOTE.search(self.body, start, end)
        if colon:  # "said he feared the airstrikes: “They will bomb us …”"
            qi = self.quote_starting_at(colon.end())
            if qi is not None:
                self.attach(qi, attr, "clause-colon-quote")
            start, end = _trim(self.body, start, colon.start())
        if cue.subject and _RELATIVE_SUBJECT.search(sent.text, cue.subject[0], cue.verb_start):
            comma = _comma_outside_quotes(self.body, start, end)  # "State TV, which had insisted that A, went …"
            if comma is not None:
                start, end = _trim(self.body, start, comma)
        if limit >= len(sent.text):  # 'said the battles were “the fiercest. Dozens died.”': the quote runs on
            lo = bisect.bisect_right(self.quote_starts, start)
            hi = bisect.bisect_left(self.quote_starts, end)
            if hi > lo and self.quotes[hi - 1].close > end:
                end = _trim(self.body, start, self.quotes[hi - 1].outer_end)[1]
        text = self.body[start:end]
        first = text.split()[0].lower() if text.split() else ""
        quote_first = start < end and self.body[start] in _OPENING
        if quote_first:
            qi = self.quote_starting_at(start)
            if qi is not None:
                q = self.quotes[qi]
                if not self.body[q.outer_end:end].strip(_TRIM + "”\"’'"):
                    before = self.quote_ending_before(subject_start, paragraph_start)
                    if before is not None and not attr.parent:  # “A,” he said, “B.”
                        attr.rule = "quote-then-speaker-verb"
                        self.attach(before, attr, attr.rule)
                        self.attach(qi, attr, "interrupted-quote", group=before)
                    else:
                        attr.rule = "speaker-verb-quote"
                        self.attach(qi, attr, attr.rule)
                    return end - base
        resumed = _RESUMED_QUOTE.match(text)
        place_or_time = (first in _NOT_CONTENT and _words(text) <= 8 and not _QUANTITY.match(text)
                         and not _TO_INFINITIVE.match(text)) or first in _ADJUNCT_OPENERS
        if cue.comma_after and not quote_first and not resumed and not place_or_time \
                and _words(text) >= MIN_CLAUSE_WORDS and not attr.parent:
            around = self.parenthetical(sent, paragraph_start, subject_start, floor, end)
            if around is not None:  # "Assad himself, one of them said, still refused …": one clause
                inside = [i for i in self.quotes_within(around - 1, end) if i not in self.attached]
                self.absorbed.update(inside)
                attr.rule = "parenthetical-speaker-verb"
                self.add(Draft(around, end, "mixed" if inside else "indirect", attr, attr.rule))
                return end - base
        if _words(text) < 2 or place_or_time or (cue.comma_after and not quote_first) or resumed:
            new_floor = self.trailing(cue, attr, sent, paragraph_start, subject_start, floor)
            if resumed:  # "…, it added, but “there is no threat”"
                qi = self.quote_starting_at(start + resumed.end())
                if qi is not None:
                    self.attach(qi, attr, "interrupted-quote")
            return new_floor
        if _words(text) < MIN_CLAUSE_WORDS and not cue.naming:
            return floor
        inside = [i for i in self.quotes_within(start - 1, end) if i not in self.attached]
        if cue.naming and all(_words(self.body[self.quotes[i].start:self.quotes[i].end]) < MIN_DIRECT_WORDS
                              for i in inside):
            return floor  # "Trump called Putin on Tuesday", "called the reports “lies”": no statement
        self.absorbed.update(inside)
        rule = ("conjoined-verb" if cue.conjoined else "participle-clause" if cue.participle
                else "speaker-verb-clause" if attr.span else "verb-clause-no-subject")
        attr.rule = attr.rule or rule
        self.add(Draft(start, end, "mixed" if inside else "indirect", attr, rule))
        return end - base

    def parenthetical(self, sent, paragraph_start: int, subject_start: int, floor: int, end: int) -> int | None:
        """Start of the clause that ', X said,' interrupts, when what stands before it is no clause
        of its own: a short subject ("Aktas, he said, was …") or an adverbial ("Until the end, …")."""
        base = sent.start
        if not self.body[base:subject_start].rstrip().endswith(",") \
                or self.quote_ending_before(subject_start, paragraph_start) is not None:
            return None
        lo = base + floor
        colon = self.body.rfind(":", lo, subject_start)
        start, stop = _trim(self.body, colon + 1 if colon >= 0 else lo, subject_start)
        words = _WORD.findall(self.body[start:stop])
        if not words or any(ch in self.body[start:stop] for ch in _OPENING + _CLOSING):
            return None
        if len(words) <= 4 or words[0].lower() in _PARENTHETICAL_OPENERS:
            return start
        return None

    def add(self, draft: Draft) -> None:
        self.drafts.append(draft)
        self.spoken.setdefault(draft.attribution.paragraph, []).append((draft.end, draft.attribution, None))

    def headline(self, sent, paragraph_start: int) -> None:
        """Live-blog and headline lines: '18:05 GMT – Biden: Assad's fall is …', 'Rebels: “…”'."""
        m = _HEADLINE.match(sent.text)
        paragraph = self.paragraph_of[sent.paragraph_index]
        if not m or (paragraph.text != sent.text and not m.group("stamp")):
            return  # only a line of its own (a headline, a bullet) or a time-stamped entry
        sp = parse_phrase(m.group("np"))
        if not sp or not sp.name or sp.pronoun or sp.type not in _HEADLINE_TYPES or _dateline(m.group("np"), sp):
            return
        base = sent.start
        attr = Attribution((base + m.start("np"), base + m.end("np")), ":", "", "speaker-colon", sent.paragraph_index)
        start, end = _trim(self.body, base + m.start("content"), sent.end)
        qi = self.quote_starting_at(base + m.start("content"))
        if qi is not None and not self.body[self.quotes[qi].outer_end:sent.end].strip(_TRIM):
            self.attach(qi, attr, "speaker-colon-quote")
        elif _words(self.body[start:end]) >= MIN_CLAUSE_WORDS:
            inside = [i for i in self.quotes_within(start - 1, end) if i not in self.attached]
            self.absorbed.update(inside)
            self.add(Draft(start, end, "mixed" if inside else "indirect", attr, "speaker-colon"))

    def trailing(self, cue: Cue, attr: Attribution, sent, paragraph_start: int, subject_start: int, floor: int) -> int:
        """'“…,” X said' or '…, X said.' or 'X said:' followed by a quote."""
        base = sent.start
        qi = self.quote_ending_before(subject_start, paragraph_start)
        if qi is not None and not attr.parent:
            attr.rule = "quote-then-speaker-verb"
            self.attach(qi, attr, attr.rule)
            self.chain_interrupted(qi, attr, base + cue.content_start)
            return cue.content_start
        if sent.text.rstrip().endswith(":") and (attr.span or attr.parent):
            nxt = bisect.bisect_left(self.quote_starts, sent.end)
            if nxt < len(self.quotes) and not self.body[sent.end:self.quotes[nxt].open].strip():
                attr.rule = "speaker-verb-colon"
                self.attach(nxt, attr, attr.rule)
                return len(sent.text)
        return self.clause_before(cue, attr, sent, subject_start, floor, "clause-then-speaker-verb")

    def clause_before(self, cue: Cue, attr: Attribution, sent, anchor: int, floor: int, rule: str) -> int:
        """'CLAUSE, X said.' / 'CLAUSE, said X.' / 'CLAUSE, according to X.'"""
        base = sent.start
        if not self.body[base:anchor].rstrip().endswith((",", "—", "–")) or (attr.span is None and not attr.parent):
            return floor
        start, end = _trim(self.body, base + floor, anchor)
        if _words(self.body[start:end]) < MIN_CLAUSE_WORDS:
            return floor
        inside = [i for i in self.quotes_within(start - 1, end) if i not in self.attached]
        if len(inside) == 1 and self.quotes[inside[0]].open <= start and self.quotes[inside[0]].outer_end >= end:
            attr.rule = "quote-then-speaker-verb"
            self.attach(inside[0], attr, attr.rule)
            return cue.content_start
        self.absorbed.update(inside)
        attr.rule = rule
        self.add(Draft(start, end, "mixed" if inside else "indirect", attr, rule))
        return cue.content_start

    def inverted(self, cue: Cue, attr: Attribution, sent, paragraph_start: int, floor: int) -> int:
        """'“…,” said X', '…, said X', 'According to X, …' and '…, according to X'."""
        base = sent.start
        if cue.verb == "according to":
            if not sent.text[:cue.verb_start].strip():
                start, end = _trim(self.body, base + cue.content_start, sent.end)
                if _words(self.body[start:end]) >= MIN_CLAUSE_WORDS:
                    inside = [i for i in self.quotes_within(start - 1, end) if i not in self.attached]
                    self.absorbed.update(inside)
                    attr.rule = "according-to"
                    self.add(Draft(start, end, "mixed" if inside else "indirect", attr, attr.rule))
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
        for qi in range(len(self.quotes) - 1, 0, -1):
            if self.quotes[qi].continued and qi in self.attached and qi - 1 not in self.attached \
                    and qi - 1 not in self.absorbed:
                self.attach(qi - 1, self.attached[qi][0], "quote-continues-paragraph")
                self.group_of[qi] = self.group_of[qi - 1]
        for qi, q in enumerate(self.quotes):
            if qi in self.attached or qi in self.absorbed:
                continue
            if q.continued and qi - 1 in self.attached:
                self.attach(qi, self.attached[qi - 1][0], "quote-continues-paragraph", group=qi - 1)
                continue
            sent = self.doc.sentence_at(q.open)
            if sent is None:
                continue
            prefix = self.body[sent.start:q.open]
            head = _HEADLINE_SPEAKER.match(prefix)
            if head:
                sp = parse_phrase(head.group("np"))
                if sp and sp.name and not sp.pronoun and not sp.definite and not _dateline(head.group("np"), sp):
                    s = sent.start + head.start("np")
                    attr = Attribution((s, s + len(head.group("np"))), ":", "", "speaker-colon-quote", q.paragraph)
                    self.attach(qi, attr, attr.rule)
                    continue
            if prefix.rstrip().endswith(":") and not _DATELINE.fullmatch(prefix):  # "He concluded: “…”"
                lead = sentence_subject(prefix)
                if lead:
                    span = (sent.start + lead[0], sent.start + lead[1])
                    attr = Attribution(span, ":", "", "subject-colon-quote", q.paragraph)
                    self.attach(qi, attr, attr.rule)
                    continue
            if prefix.strip():
                continue  # a quoted fragment inside prose that no cue reports
            intro = self.introduced_before(qi)
            carried = intro if intro is not None else self.carried(qi, paragraphs)
            after = _SPACE.match(self.body, q.outer_end).end()
            if carried:
                self.attach(qi, *carried)
            elif after in self.bare:
                self.attach(qi, self.bare[after], "speaker-in-next-sentence")
            elif _words(self.body[q.start:q.end]) >= MIN_UNATTRIBUTED_WORDS and self.body[q.start:q.start + 1].isupper():
                self.attach(qi, Attribution(None, "", "", "unattributed-quote", q.paragraph), "unattributed-quote")

    def introduced_before(self, qi: int) -> tuple | None:
        """A person introduced with an apposition ("Fadi Sarraf, a former minister, put it
        differently.") in this paragraph or the one before, after anyone last spoke: that person when
        the quote follows right after; else () (nobody, not the earlier speaker); None when none was."""
        q = self.quotes[qi]
        last = max((end for p in (q.paragraph - 1, q.paragraph) for end, _, _ in self.spoken.get(p, [])
                    if end <= q.open), default=-1)
        found = [(span, p, end) for start, span, p, end in self.introduced
                 if last < start < q.open and p in (q.paragraph - 1, q.paragraph)]
        if not found:
            return None
        span, paragraph, end = found[-1]
        if len(found) > 1 or span is None or self.body[end:q.open].strip():
            return ()
        return Attribution(span, "", "", "introduced-speaker", paragraph), "introduced-speaker"

    def carried(self, qi: int, paragraphs) -> tuple[Attribution, str, int | None] | None:
        """The speaker a sentence-opening quote carries on from: the last one who spoke earlier in
        its paragraph, or the speaker of a quote (with its attribution) ending the paragraph before."""
        q = self.quotes[qi]
        before = [item for item in self.spoken.get(q.paragraph, []) if item[0] <= q.open]
        if before:
            end, attr, prev_q = max(before, key=lambda item: item[0])
            if attr.span is None and attr.parent is None:
                return None
            return attr, "same-speaker-continues", prev_q
        p = paragraphs[q.paragraph]
        if q.open != p.start or q.paragraph - 1 not in paragraphs:
            return None
        earlier = self.spoken.get(q.paragraph - 1, [])
        if not earlier:
            return None
        end, attr, prev_q = max(earlier, key=lambda item: item[0])
        rest = self.body[end:paragraphs[q.paragraph - 1].end]
        if (attr.span is None and attr.parent is None) or len(rest) > 120:
            return None
        if prev_q is None and (len(rest.strip()) > 1 or q.close < 0 or self.body[q.outer_end:p.end].strip()):
            return None  # after a reported clause, only a paragraph that is one whole quote goes on with it
        return attr, "next-paragraph-continues", None


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


def _resolve_in_reading_order(extraction: _Extraction, drafts: list[Draft], speakers: DocumentSpeakers) -> None:
    """Resolve every attribution, and note the people who open sentences, in text order, so a
    pronoun points at the last speaker or at the person the paragraph is about."""
    body = extraction.body
    events = []
    for (s, e), paragraph in extraction.mentions:
        events.append((s, 1, (s, e), paragraph))
    for d in drafts:
        a = d.attribution
        root = a
        while root is not None and root.parent is not None:
            root = root.parent
        pos = root.span[0] if root is not None and root.span else d.start
        events.append((pos, 0, a, body[d.start:d.start + 4].split(" ")[0]))
    seen_spans = {d.attribution.span for d in drafts if d.attribution and d.attribution.span}
    for pos, order, item, extra in sorted(events, key=lambda ev: (ev[0], ev[1])):
        if order == 0:  # an attribution; `extra` is its statement's first word ("his forces …")
            sp = _resolve(item, body, speakers)
            if extra in GENDER_WORDS:
                speakers.note_gender(sp, extra)
        elif item not in seen_spans:  # a sentence-opening phrase; `extra` is its paragraph
            phrase = body[item[0]:item[1]]
            for part in _AND.split(phrase) if " and " in phrase else (phrase,):  # "Sara Nour and Maria Olsen"
                sp = parse_phrase(part)
                if sp and sp.name and not sp.pronoun and not sp.definite and sp.type in ("person", "") \
                        and sp.name.split()[0].lower() not in DETERMINERS:
                    sp = speakers.resolve(sp, extra, item[0])
                    if sp.type == "person":
                        speakers.remember(sp, extra, spoke=False)


def extract_statements(doc) -> list[dict]:
    """Rows of the statements table for one document, in body order."""
    if not doc.sentences:
        return []
    extraction = _Extraction(doc)
    drafts = extraction.run()
    speakers = DocumentSpeakers(doc.body)
    _resolve_in_reading_order(extraction, drafts, speakers)
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
