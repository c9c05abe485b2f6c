"""Who acted, and on which side: actor phrases found from the cue words of data/reference/actor_sides.csv.

Why cue words and not a parser: coverage of the offensive names its actors with a small, stable set
of nouns and modifiers (rebels, insurgents, HTS, government forces, the army, Russian jets …); a
phrase is a run of such cues ('Syrian Islamist rebels', 'the governor, police, prison chiefs and
ruling Baath party leaders'), and its side is the strongest side among its cues: opposition cues
beat foreign, foreign beats international, international beats government ('Israeli military',
'Syrian opposition fighters'); names and modifiers decide before head nouns ('Hezbollah fighters'
are foreign) and a bare 'Syrian' only when nothing else does ('Syrian rebels'); a list joining the
state and a foreign ally ('Russian and Syrian warplanes') is the government; in 'fighters of the SNA'
what follows 'of' decides. A 'neutral' head (residents, a monitor) has no side whatever its
modifiers, and an 'X-backed' modifier says nothing about the side of the phrase it is in
('Turkish-backed factions') except of militias with no other side ('Iran-backed militias' are
foreign), while 'X-led' does ('Kurdish-led forces').
"""
from __future__ import annotations

import bisect
import csv
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace

from .config import REFERENCE_DIR
from .wordlists import trie_pattern

ACTOR_SIDES_CSV = REFERENCE_DIR / "actor_sides.csv"
COUNTRIES_CSV = REFERENCE_DIR / "countries.csv"
SIDES = ("opposition", "foreign", "international", "government", "unknown")
_RANK = {s: i for i, s in enumerate(SIDES)}
# subject pronouns only: 'his family', 'their offices' are not who acted
PRONOUNS = re.compile(r"\b(?=[TtIiWwHhSs])(?:[Tt]hey|[Ii]t|[Ww]e|[Hh]e|[Ss]he)\b")
_FIRST_PERSON = frozenset({"we", "our", "us"})
_THIRD_PERSON_HUMAN = frozenset({"he", "his", "she", "her"})
_THIRD_PERSON_THING = frozenset({"it", "its"})
_PLURAL_PRONOUNS = frozenset({"they", "their"})
_BACKED_HEADS = frozenset({"militias", "militia"})   # unlike 'Turkish-backed forces' (the SNA): the backer's own
_APPOSITIVE = re.compile(r",\s+([^,.;“”\"]{3,80})")
_QUANTITIES = frozenset({"thousands", "hundreds", "dozens", "scores", "tens"})
_OF_QUANTIFIERS = frozenset({"some", "many", "several", "most", "all", "none", "number", "group", "groups", "column",
                             "columns", "convoy", "contingent", "remnants", "members"})
_GROUP_HEADS = frozenset({"groups", "group", "units", "unit", "forces", "force", "militias", "militia", "brigades"})
_MILITARY_HEADS = ("army", "military", "troops", "soldiers", "forces", "force")
_TROOP_HEADS = ("troops", "soldiers", "forces", "military")   # "the army" stays Syrian whatever else is named
_MODIFIER_GAP = re.compile(r"[\s-]*(?:[a-z]+\s+)?")   # at most one lower-case word between modifier and head
_MILITARY_WORD = re.compile(r"(?i)\b(?:" + "|".join(_MILITARY_HEADS) + r")\b")
_SIDE_NEUTRAL_SUFFIX = re.compile(r"-(?:backed|allied|based|supported|aligned)\b")
# what may separate two cues of one phrase: lists, possessives, 'of', up to two plain words
_JOIN = re.compile(
    r"(?:['’]s)?(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+loyal\s+to\s+|\s+|-)"
    r"(?:(?:the|of|for|a|an)\s+|(?!(?:is|are|was|were|had|has|have|been|be|said|says|told|to|in|on|at|"
    r"from|by|with|against|near|as|that|who|which|after|before|while|when|but|not|would|will|could|"
    r"can|its|their)\b)[\w’'-]+\s+){0,2}")
_PREPOSITIONS = frozenset({"of", "by", "against", "to", "from", "with", "on", "in", "at", "for", "toward",
                           "towards", "into", "near", "than", "across", "around", "over", "under", "between",
                           "among", "through"})
_DETERMINERS = frozenset({"the", "a", "an"})
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their", "our"})
# words that end a phrase on its left: 'the foreign ministers' and 'local armed groups' extend,
# 'as they took' does not
_LEFT_STOP = frozenset({"is", "are", "was", "were", "had", "has", "have", "been", "said", "says", "told", "to",
                        "in", "on", "at", "from", "by", "with", "against", "near", "as", "that", "who", "which",
                        "after", "before", "while", "when", "but", "and", "or", "of", "it", "they"})
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*\Z")


def _left_start(text: str, start: int) -> int:
    """Where a phrase starts once the words before its first cue that belong to it are included:
    a determiner, capitalised modifiers ('President Bashar al-Assad's regime'), and lower-case ones
    only after a determiner ('the foreign ministers'; not 'push back opposition fighters').
    A token test on the last few words: faster than an end-anchored regex."""
    words = text[max(0, start - 40):start].split(" ")
    if len(words) < 2 or words[-1] != "":
        return start
    words.pop()
    pos, lower = start, []
    while words and len(lower) < 3:
        w = words.pop()
        if w[:1] in "“\"‘'(":     # a quote opens the phrase: '“Our forces'
            if not lower and _WORD_RE.match(w[1:]) and w[1:].lower() not in _LEFT_STOP:
                pos -= len(w)
            break
        low = w.lower()
        if not _WORD_RE.match(w) or (low in _LEFT_STOP and low not in _DETERMINERS):
            break
        if low in _DETERMINERS or low in _POSSESSIVE_DETERMINERS:
            return pos - sum(len(x) + 1 for x in lower) - len(w) - 1
        if w[0].isupper() and not lower:
            pos -= len(w) + 1
        else:
            lower.append(w)
    return pos


def _between(positions: list[int], a: int, b: int) -> bool:
    """Is one of the sorted `positions` in [a, b)?"""
    k = bisect.bisect_left(positions, a)
    return k < len(positions) and positions[k] < b


def _after_preposition(text: str, start: int) -> bool:
    """'the defences of government forces': a phrase right after a preposition is not a subject."""
    words = text[max(0, start - 24):start].lower().split()
    if words and words[-1] in _DETERMINERS:
        words.pop()
    if len(words) > 1 and words[-1] == "of" and words[-2] in _QUANTITIES | _OF_QUANTIFIERS:
        return False   # 'dozens of Iraqi fighters crossed': the fighters crossed
    return bool(words) and words[-1] in _PREPOSITIONS


@dataclass(frozen=True)
class ActorPhrase:
    start: int
    end: int
    text: str
    side: str
    plural: bool
    pronoun: str = ""          # the pronoun as written, when this phrase is one
    object_position: bool = False  # right after a preposition: 'the defences of government forces'
    neutral: bool = False      # civilians, residents, a monitor: people things happen to, not a side


@functools.lru_cache(maxsize=None)
def _cues() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """The cue regex (longest first) and cue -> (side, kind)."""
    table = {}
    with open(ACTOR_SIDES_CSV, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[row["cue"]] = (row["side"], row["kind"])
    # every other state of the country table is foreign: 'the Jordan Armed Forces', 'Egyptian troops'
    with open(COUNTRIES_CSV, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["country"] != "Syria":
                table.setdefault(row["country"], ("foreign", "name"))
                for demonym in filter(None, row["demonyms"].split(";")):
                    table.setdefault(demonym, ("foreign", "modifier"))
    # house styles that dot acronyms: 'H.T.S.', 'S.D.F.'
    table |= {".".join(c) + ".": v for c, v in list(table.items()) if v[1] == "name" and _ACRONYM.fullmatch(c)}
    # house styles that lower-case a long name: 'the military operations command'
    table |= {c.lower(): v for c, v in list(table.items())
              if v[1] == "name" and " " in c and c.lower() not in table and not _ACRONYM.search(c)}
    words = set(table)
    # common nouns also open a sentence or a title: 'Rebels', 'Government forces'
    words |= {c[0].upper() + c[1:] for c in table if c[0].islower()}
    return re.compile(r"(?<![\w-])" + trie_pattern(words) + r"(?![\w])"), table


@functools.lru_cache(maxsize=4096)
def cue_info(word: str) -> tuple[str, str]:
    """(side, kind) of a cue as written."""
    table = _cues()[1]
    key = " ".join(word.split())
    return table.get(key) or table.get(key[0].lower() + key[1:], ("unknown", "head"))


def side_of(text: str) -> str:
    """The side of an actor phrase or speaker as written ('unknown' when no cue decides it)."""
    return _side(text, list(_cues()[0].finditer(text)))


_TIERS = ({"name", "modifier"}, {"head"}, {"weak"})


def _side(text: str, cues: list[re.Match]) -> str:
    of = text.find(" of ", cues[0].end(), cues[-1].start()) if len(cues) > 1 else -1
    after = [m for m in cues if m.start() > of] if of >= 0 else ()
    if any(cue_info(m.group())[1] in ("name", "modifier") for m in after):
        side = _side(text, after)   # 'fighters of Iran-backed militias', 'ministers of Turkey': what follows decides
        if side != "unknown":
            return side
    found = [m for m in cues if not _SIDE_NEUTRAL_SUFFIX.match(text, m.end())]
    if found and len(found) < len(cues) and found[-1].group() in _BACKED_HEADS and \
            all(cue_info(m.group())[0] == "unknown" for m in found):
        found = cues   # 'Iran-backed militias': nothing else has a side, so the backer decides
    if not found:
        return "unknown"
    infos = [cue_info(m.group()) for m in found]
    if infos[-1][1] == "neutral":
        return "unknown"
    sides = {s for s, k in infos if s != "unknown"}
    if {"government", "foreign"} <= sides and "opposition" not in sides and \
            " and " in text[found[0].start():found[-1].end()]:
        return "government"   # 'Russian and Syrian warplanes': the state and its allies act together
    # names and modifiers decide before head nouns ('Hezbollah fighters'), and those before a bare
    # 'Syrian' ('Syrian rebels')
    for tier in _TIERS:
        tier_sides = {s for s, k in infos if k in tier and s != "unknown"}
        if tier_sides:
            return min(tier_sides, key=_RANK.__getitem__)
    return "unknown"


_CONJUNCTION = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")   # between two conjuncts of a phrase
_COMMA_AND = re.compile(r"\s*,\s*and\s+")


def _clause_end(text: str, cues: list[re.Match], i: int, j: int) -> int:
    """The last cue of the phrase cues[i..j] before a ', and' that starts a neutral conjunct:
    'Tal Rifaat falls to SNA factions, and Kurdish civilians begin leaving' is a new clause."""
    for k in range(i, j):
        if _COMMA_AND.fullmatch(text, cues[k].end(), cues[k + 1].start()):
            head = next((n for n in range(k + 1, j) if _CONJUNCTION.fullmatch(text, cues[n].end(), cues[n + 1].start())), j)
            if cue_info(cues[head].group())[1] == "neutral" and cue_info(cues[k].group())[1] != "neutral":
                return k
    return j


def _armed_conjuncts(text: str, cues: list[re.Match]) -> list[re.Match]:
    """The cues of a coordinated phrase without its conjuncts whose head is neutral: 'fighters
    and crowds' act as fighters, 'SNA factions and civilians' have the SNA's side. All of them when
    every conjunct is neutral or there is only one."""
    groups, current = [], [cues[0]]
    for a, b in zip(cues, cues[1:]):
        if _CONJUNCTION.fullmatch(text, a.end(), b.start()):
            groups.append(current)
            current = []
        current.append(b)
    groups.append(current)
    armed = [c for g in groups if cue_info(g[-1].group())[1] != "neutral" for c in g]
    return armed if armed and len(groups) > 1 else cues


def is_agency(text: str) -> bool:
    """A wire agency named as the source ('AFP reported'): a report, not a claim."""
    return cue_info(text.strip())[1] == "agency"


def find_actors(text: str, blocked=(), offset: int = 0, verb_ends=()) -> list[ActorPhrase]:
    """Actor phrases and pronouns of a text, in order, offsets shifted by `offset`; cues on either
    side of a `blocked` position (an event trigger: 'warplanes struck rebel-held areas') are never
    one phrase, and a phrase right after one of `verb_ends` is an object ('met Assad')."""
    regex, _ = _cues()
    cues = list(regex.finditer(text))
    blocked, verb_ends = sorted(blocked), sorted(verb_ends)
    out: list[ActorPhrase] = []
    i = 0
    while i < len(cues):
        start, end = cues[i].start(), cues[i].end()
        j = i
        while j + 1 < len(cues):
            gap = _JOIN.fullmatch(text, end, cues[j + 1].start())
            if not gap or _between(blocked, end, cues[j + 1].start()) or \
                    ("," in gap.group() and cue_info(cues[j].group())[1] == "neutral"):
                # 'according to a war monitor, local armed groups': the monitor is not one of them
                break
            j += 1
            end = cues[j].end()
        j = _clause_end(text, cues, i, j)
        end = cues[j].end()
        left = _left_start(text, start)
        if not _between(blocked, left, start):
            start = left
        phrase = text[start:end]
        armed = _armed_conjuncts(text, cues[i:j + 1])
        side = _side(text, armed)
        of = text.find(" of ", cues[i].end(), end)   # 'fighters of the SNA': the head is 'fighters'
        last = next((c.group() for c in reversed(cues[i:j + 1]) if of < 0 or c.end() <= of), cues[j].group())
        if last.lower() in _QUANTITIES:
            last = cues[j].group()   # 'thousands of Syrian soldiers' are soldiers
        plural = (last[-1] == "s" and not last.isupper() and not last.endswith("ss")) or \
            " and " in text[cues[i].start():end]   # a list; a comma alone is an apposition
        obj = _after_preposition(text, start) or _between(verb_ends, start - 1, start + 1)
        out.append(ActorPhrase(start + offset, end + offset, phrase, side, plural, object_position=obj,
                               neutral=cue_info(last)[1] == "neutral" and len(armed) == j + 1 - i))
        i = j + 1
    spans = [(a.start - offset, a.end - offset) for a in out]
    for m in PRONOUNS.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue   # 'Our forces' is one phrase
        word = m.group().lower()
        out.append(ActorPhrase(m.start() + offset, m.end() + offset, m.group(), "unknown", word in _PLURAL_PRONOUNS,
                               pronoun=word,
                               object_position=_after_preposition(text, m.start())))
    out.sort(key=lambda a: a.start)
    return out


def possessive_lead(phrase: ActorPhrase) -> ActorPhrase | None:
    """'its forces', 'our forces', 'his government': the possessive as a pronoun to resolve."""
    lead = re.match(r"(?i)(their|its|our|his|her)\b", phrase.text)
    if not lead:
        return None
    word = lead.group().lower()
    return ActorPhrase(phrase.start, phrase.start + len(word), lead.group(), "unknown",
                       word in ("their", "our"), pronoun={"their": "they", "its": "it", "our": "we"}.get(word, "he"))


@functools.lru_cache(maxsize=4096)
def _bare_heads(text: str) -> tuple:
    """The heads a bare-head phrase ('the army') may refer back to; () when it has a modifier or name."""
    cues = _cues()[0].findall(text)
    if len(cues) != 1 or cue_info(cues[0])[1] != "head":
        return ()
    return _MILITARY_HEADS if cues[0].lower() in _MILITARY_HEADS else (cues[0].lower(),)


def is_bare_head(text: str) -> bool:
    """'the troops', 'the army': an armed-force head with no name or modifier."""
    return _bare_heads(text)[:1] == _MILITARY_HEADS[:1]


@functools.lru_cache(maxsize=4096)
def is_group_head(text: str) -> bool:
    """'the groups', 'other units', 'allied factions': an armed group whose words give no side."""
    cues = _cues()[0].findall(text)
    return bool(cues) and cues[-1].lower() in _GROUP_HEADS and all(cue_info(c)[0] == "unknown" for c in cues)


@functools.lru_cache(maxsize=4096)
def _named(text: str) -> bool:
    return any(cue_info(c)[1] in ("name", "modifier") for c in _cues()[0].findall(text))


class ActorIndex:
    """Actor phrases of a document's sentences, found only for the sentences that need them:
    those with events, and the few before them where a pronoun's antecedent may be."""

    def __init__(self, doc, blocked, texts: list[str] | None = None):
        self.doc = doc
        self.blocked = blocked          # text -> positions no phrase may span
        self.texts = texts              # the sentences as the caller reads them (headlines in capitals lowered)
        self._cache: dict[int, list[ActorPhrase]] = {}
        self._described: dict[str, str] = {}
        self._army: str | None = None

    def phrases(self, i: int, blocked=None, verb_ends=()) -> list[ActorPhrase]:
        """Phrases of sentence i; `blocked` and `verb_ends` when the caller already knows them."""
        if i not in self._cache:
            s = self.doc.sentences[i]
            text = self.texts[i] if self.texts else s.text
            self._cache[i] = find_actors(text, self.blocked(text) if blocked is None else blocked, s.start, verb_ends)
        return self._cache[i]

    def same_head(self, a: ActorPhrase, i: int) -> ActorPhrase:
        """A bare head ('Troops had taken up positions', 'the army said') takes the side of the last
        phrase of the same head (any armed-force head for an armed force) with a name or modifier
        ('Israeli troops') in this sentence or the two before, of the same paragraph for an armed
        force (the next paragraph's 'the army' may be another); 'the command' names the last
        '… Command' even a paragraph back."""
        heads = _bare_heads(a.text)
        if not heads:
            return a
        paragraph = self.doc.sentences[i].paragraph_index
        for j in range(i, max(-1, i - 3), -1):
            if self.doc.sentences[j].paragraph_index != paragraph and heads == _MILITARY_HEADS:
                break
            for p in reversed(self.phrases(j)):
                if p.start < a.start and p.side != a.side and p.text.lower().endswith(heads) and _named(p.text):
                    return replace(a, side=p.side)
        side = self._army_side() if heads == _MILITARY_HEADS and a.text.lower().endswith(_TROOP_HEADS) else None
        return replace(a, side=side) if side and side != a.side else a

    def _army_side(self) -> str | None:
        """'foreign' when at least two thirds (and two or more) of the armed forces the article names
        with a modifier are foreign ('Israeli troops', 'the Israel Defense Forces'): an article about
        one foreign army calls it 'the troops' paragraphs later. Else None: 'the army' stays Syrian."""
        if self._army is None:
            sides = Counter()
            cue_regex = _cues()[0]
            for j, s in enumerate(self.doc.sentences):
                text = self.texts[j] if self.texts else s.text
                if not _MILITARY_WORD.search(text):
                    continue
                before, before_side = None, "unknown"   # the name or modifier just before a head
                for m in cue_regex.finditer(text):
                    side, kind = cue_info(m.group())
                    if m.group().lower().endswith(_MILITARY_HEADS):
                        if side != "unknown" and (kind == "name" or " " in m.group().strip()):
                            sides[side] += 1   # 'the Israel Defense Forces', 'government forces'
                        elif before_side != "unknown" and _MODIFIER_GAP.fullmatch(text, before.end(), m.start()):
                            sides[before_side] += 1   # 'Israeli troops', 'Israeli ground forces'
                    before, before_side = (m, side) if kind in ("name", "modifier") else (None, "unknown")
            side, n = sides.most_common(1)[0] if sides else ("", 0)
            self._army = side if side == "foreign" and n >= 2 and 3 * n >= 2 * sum(sides.values()) else ""
        return self._army or None

    def last_named(self, a: ActorPhrase, i: int, wanted) -> ActorPhrase | None:
        """The last actor named before `a` in sentence i or the two before it (not a pronoun, not
        civilians) for which `wanted(phrase)` holds; None if none."""
        for j in range(i, max(-1, i - 3), -1):
            for p in reversed(self.phrases(j)):
                if p.start < a.start and not p.pronoun and not p.neutral and wanted(p):
                    return p
        return None

    def speaker_side(self, speaker: str) -> str:
        """The side of a speaker as written, else as the article first describes them ('Abu Hamza,
        a commander in the Southern Operations Room'; 'rebel commander Abu Hamza')."""
        side = side_of(speaker) if speaker else "unknown"
        if side != "unknown" or not speaker:
            return side
        if speaker not in self._described:
            body, at = self.doc.body, self.doc.body.find(speaker)
            described = "unknown"
            if at >= 0:
                after = _APPOSITIVE.match(body, at + len(speaker))
                before = " ".join(re.split(r"[.!?\n]", body[max(0, at - 40):at])[-1].split()[-3:])
                for words in (after.group(1) if after else "", before):
                    if words and side_of(words) != "unknown":
                        described = side_of(words)
                        break
            self._described[speaker] = described
        return self._described[speaker]

    def antecedent(self, pronoun: ActorPhrase, i: int, speaker: str = "", third_person: bool = True
                   ) -> ActorPhrase | None:
        """What a pronoun of sentence i stands for: 'we/our' is the speaker, and 'he/she' too in what
        the speaker is said to have said (`third_person`), 'they' the last plural actor, 'it/its' the
        last singular one (in this sentence or the two before); None if none."""
        if speaker and (pronoun.pronoun in _FIRST_PERSON or (third_person and pronoun.pronoun in _THIRD_PERSON_HUMAN)):
            return ActorPhrase(pronoun.start, pronoun.end, speaker, self.speaker_side(speaker), True)
        if speaker and third_person and pronoun.pronoun in _THIRD_PERSON_THING and not is_bare_head(speaker) \
                and self.speaker_side(speaker) != "unknown":
            # 'The rebels' command said its fighters had …': the body that speaks (a bare 'the army'
            # is resolved as any phrase is: it may be a foreign one)
            return ActorPhrase(pronoun.start, pronoun.end, speaker, self.speaker_side(speaker), True)
        want_plural = pronoun.pronoun in _PLURAL_PRONOUNS or pronoun.pronoun in _FIRST_PERSON
        fallback = None
        for j in range(i, max(-1, i - 3), -1):   # this sentence first: the others only when needed
            for p in reversed(self.phrases(j)):
                if p.start < pronoun.start and not p.pronoun and p.plural == want_plural and not p.neutral:
                    if not p.object_position:
                        return self.same_head(p, j)   # a subject before an object: 'X visited …; he …' is X
                    if fallback is None and p.side != "unknown":
                        fallback = p
        return fallback
