"""Who acted, and on which side: actor phrases found from the cue words of data/reference/actor_sides.csv.

Why cue words and not a parser: coverage of the offensive names its actors with a small, stable set
of nouns and modifiers (rebels, insurgents, HTS, government forces, the army, Russian jets …); a
phrase is a run of such cues ('Syrian Islamist rebels', 'the governor, police, prison chiefs and
ruling Baath party leaders'), and its side is the strongest side among its cues: opposition cues
beat foreign, foreign beats international, international beats government ('Israeli military',
'Syrian opposition fighters'). A 'neutral' head (residents, a monitor) has no side whatever its
modifiers, and an 'X-backed'/'X-led' modifier says nothing about the side of the phrase it is in.
"""
from __future__ import annotations

import bisect
import csv
import functools
import re
from dataclasses import dataclass

from .config import REFERENCE_DIR

ACTOR_SIDES_CSV = REFERENCE_DIR / "actor_sides.csv"
SIDES = ("opposition", "foreign", "international", "government", "unknown")
_RANK = {s: i for i, s in enumerate(SIDES)}
PRONOUNS = re.compile(r"\b(?:they|their|them|it|its|we|our|us|he|his|she|her)\b", re.I)
_FIRST_PERSON = frozenset({"we", "our", "us"})
_THIRD_PERSON_HUMAN = frozenset({"he", "his", "she", "her"})
_PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
_SIDE_NEUTRAL_SUFFIX = re.compile(r"-(?:backed|led|allied|based|supported|aligned)\b")
# what may separate two cues of one phrase: lists, possessives, 'of', up to two plain words
_JOIN = re.compile(
    r"(?:['’]s)?(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+|-)"
    r"(?:(?:the|of|for|a|an)\s+|(?!(?:is|are|was|were|had|has|have|been|be|said|says|told|to|in|on|at|"
    r"from|by|with|against|near|as|that|who|which|after|before|while|when|but|not|would|will|could|"
    r"can|its|their)\b)[\w’'-]+\s+){0,2}")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|by|against|to|from|with|on|in|at|for|toward|towards|into|near|than|across|"
    r"around|over|under|between|among|through)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# modifiers and a determiner the cue words leave out: 'the foreign ministers', 'local armed groups'
_LEFT_WORDS = re.compile(
    r"(?:\b(?:the|a|an|The|A|An)\s+)?(?:(?!(?:is|are|was|were|had|has|have|been|said|says|told|to|in|on|at|"
    r"from|by|with|against|near|as|that|who|which|after|before|while|when|but|and|or|of|the|a|an|it|they)\b)"
    r"\b[A-Za-z][\w’'-]*\s+){0,2}$")


@dataclass(frozen=True)
class ActorPhrase:
    start: int
    end: int
    text: str
    side: str
    plural: bool
    pronoun: str = ""          # the pronoun as written, when this phrase is one
    object_position: bool = False  # right after a preposition: 'the defences of government forces'


@functools.lru_cache(maxsize=None)
def _cues() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """The cue regex (longest first) and cue -> (side, kind)."""
    table = {}
    with open(ACTOR_SIDES_CSV, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[row["cue"]] = (row["side"], row["kind"])
    parts = []
    for cue in sorted(table, key=len, reverse=True):
        kind = table[cue][1]
        rx = re.escape(cue).replace(r"\ ", r"\s+")
        if kind != "name" and cue[0].islower():  # common nouns also open a sentence or a title
            rx = f"[{cue[0].upper()}{cue[0]}]" + rx[1:]
        parts.append(rx)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])"), table


def cue_info(word: str) -> tuple[str, str]:
    """(side, kind) of a cue as written."""
    table = _cues()[1]
    key = " ".join(word.split())
    return table.get(key) or table.get(key[0].lower() + key[1:], ("unknown", "head"))


def side_of(text: str) -> str:
    """The side of an actor phrase or speaker as written ('unknown' when no cue decides it)."""
    regex, _ = _cues()
    found = [m for m in regex.finditer(text) if not _SIDE_NEUTRAL_SUFFIX.match(text, m.end())]
    if not found:
        return "unknown"
    infos = [cue_info(m.group()) for m in found]
    if infos[-1][1] == "neutral":
        return "unknown"
    return min((s for s, k in infos if k != "agency"), key=_RANK.__getitem__, default="unknown")


def is_agency(text: str) -> bool:
    """A wire agency named as the source ('AFP reported'): a report, not a claim."""
    return cue_info(text.strip())[1] == "agency"


def find_actors(text: str, blocked=()) -> list[ActorPhrase]:
    """Actor phrases and pronouns of a text, in order; cues on either side of a `blocked`
    offset (an event trigger: 'warplanes struck rebel-held areas') are never one phrase."""
    regex, _ = _cues()
    cues = list(regex.finditer(text))
    out: list[ActorPhrase] = []
    i = 0
    while i < len(cues):
        start, end = cues[i].start(), cues[i].end()
        j = i
        while j + 1 < len(cues):
            gap = _JOIN.fullmatch(text, end, cues[j + 1].start())
            if not gap or any(end <= b < cues[j + 1].start() for b in blocked):
                break
            j += 1
            end = cues[j].end()
        left = _LEFT_WORDS.search(text, max(0, start - 40), start)
        if left and not any(left.start() <= b < start for b in blocked):
            start = left.start()
        phrase = text[start:end]
        last = cues[j].group()
        plural = (last[-1] == "s" and not last.isupper() and not last.endswith("ss")) or \
            bool(re.search(r",|\band\b", text[cues[i].start():end]))
        obj = bool(_PREPOSITION_BEFORE.search(text, max(0, start - 16), start))
        out.append(ActorPhrase(start, end, phrase, side_of(phrase), plural, object_position=obj))
        i = j + 1
    for m in PRONOUNS.finditer(text):
        word = m.group().lower()
        out.append(ActorPhrase(m.start(), m.end(), m.group(), "unknown", word in _PLURAL_PRONOUNS, pronoun=word,
                               object_position=bool(_PREPOSITION_BEFORE.search(text, max(0, m.start() - 16), m.start()))))
    out.sort(key=lambda a: a.start)
    return out


class ActorIndex:
    """Actor phrases of a whole document, for resolving pronouns to the phrase they stand for."""

    def __init__(self):
        self.phrases: list[ActorPhrase] = []
        self._starts: list[int] = []

    def add(self, phrases: list[ActorPhrase]) -> None:
        for p in phrases:
            if not p.pronoun:
                self.phrases.append(p)
                self._starts.append(p.start)

    def antecedent(self, pronoun: ActorPhrase, speaker: str = "") -> ActorPhrase | None:
        """What a pronoun stands for: 'we/our' is the speaker, 'they' the last plural actor,
        'it/its' the last singular one; None when nothing fits."""
        if pronoun.pronoun in _FIRST_PERSON or pronoun.pronoun in _THIRD_PERSON_HUMAN:
            if speaker:
                return ActorPhrase(pronoun.start, pronoun.end, speaker, side_of(speaker), True)
            if pronoun.pronoun in _THIRD_PERSON_HUMAN:
                return None
        want_plural = pronoun.pronoun in _PLURAL_PRONOUNS or pronoun.pronoun in _FIRST_PERSON
        k = bisect.bisect_left(self._starts, pronoun.start)
        for p in reversed(self.phrases[max(0, k - 12):k]):
            if p.plural == want_plural and p.side != "unknown" or (p.plural == want_plural and not p.object_position):
                return p
        return None
