"""The fixed action vocabulary (data/reference/event_actions.csv) compiled into one trigger regex.

Why one regex: the extractor must run at hundreds of thousands of words a second, so every trigger
phrase of every action is matched in a single pass over the text, longest phrase first.

Trigger notation in the CSV: phrases separated by ';', `{a|b|}` picks one word form (an empty
alternative makes it optional), `<km>` is a distance ('20 km', '40km', 'eight kilometres'), `<num>` a count, `<q>` an optional quote mark,
`<force>` a short noun phrase ending in a word for armed men or their kit ('its best units', 'several
hundred fighters', '“all of its fighters”'), so 'pulled <force> out of' reads 'pulled its best units out of'.
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from .config import REFERENCE_DIR
from .wordlists import trie_pattern

ACTIONS_CSV = REFERENCE_DIR / "event_actions.csv"
NUMBER_WORDS = {w: n for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split(), start=1)} | {"thirty": 30, "forty": 40, "fifty": 50}
NUMBER = r"(?:\d+(?:[.,]\d+)?|" + trie_pattern(list(NUMBER_WORDS) + [w.capitalize() for w in NUMBER_WORDS]) + r"\b)"
_UNIT = NUMBER + r"\s?(?:km|kms|kilometres|kilometers|miles)\b"
KM = _UNIT + r"(?:\s+\(" + _UNIT + r"\))?"   # '20 kilometres (12 miles)'
_FORCE_NOUNS = ("troops forces fighters reinforcements soldiers units men militiamen gunmen militias militants "
                "tanks vehicles armour armor convoys convoy columns column personnel commanders officers advisers "
                "advisors diplomats staff jets aircraft warplanes helicopters ships vessels warships frigates "
                "submarines weapons howitzers artillery equipment brigades battalions cadres elements members "
                "contingent contingents garrison garrisons assets crews guards police policemen").split()
# up to five words (no punctuation but quote marks; '2,000' is one word) closed by a force noun
FORCE = (r"(?:[\w’'“”-]+(?:,\d+)?\s+){0,5}?" + trie_pattern(_FORCE_NOUNS) + r"(?![\w-])[”\"’]?")
_TOKENS = {"<km>": KM, "<num>": r"\d[\d,]*", "<q>": r"[‘’'\"“”]?", "<force>": FORCE}   # <q>: an optional quote mark
_PIECES = re.compile(r"\{([^}]*)\}|<km>|<num>|<q>|<force>| +|[^{< ]+|<")
# 'an attack on', 'the fall of', 'recent attacks', ', strikes on': a trigger word used as a noun.
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|recent|new|fresh|further|renewed|heavy|fierce|major)\s+|[\"“‘']|"
    r"(?:^|,)\s*)\Z",
    re.I)


@dataclass(frozen=True)
class Action:
    """One vocabulary row: how its trigger relates to the place, and its ACLED mapping."""
    action: str
    place_role: str      # "object": the place follows the trigger; "subject": it precedes it
    max_gap: int         # most words allowed between the trigger and its place
    acled_event_type: str
    acled_sub_event_type: str
    nouns: frozenset     # first words that are nouns when a determiner precedes ('an attack on')


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    action: Action
    nominal: bool


def phrase_regex(phrase: str) -> str:
    """Regex for one trigger phrase of the CSV notation."""
    out = []
    optional = False   # an optional word takes the space after it with it
    for m in _PIECES.finditer(phrase.strip()):
        tok = m.group()
        if tok.isspace():
            if not optional:
                out.append(r"\s+")
            optional = False
            continue
        optional = False
        if m.group(1) is not None:
            alts = [a.strip() for a in m.group(1).split("|")]
            words = sorted({a for a in alts if a}, key=len, reverse=True)
            group = "(?:" + "|".join(_words(w) for w in words) + ")"
            optional = "" in alts
            out.append("(?:" + group + r"\s+)?" if optional else group)
        elif tok in _TOKENS:
            out.append(_TOKENS[tok])
        else:
            out.append(_words(tok))
    return "".join(out)


def _words(text: str) -> str:
    return r"\s+".join(_TOKENS.get(w) or re.escape(w) for w in text.split())


def _min_words(phrase: str) -> int:
    """Fewest words a phrase can match: the matcher tries longer phrases first."""
    return sum(0 if m.group(1) is not None and "|" in m.group(1) and "" in
               [a.strip() for a in m.group(1).split("|")] else 1
               for m in _PIECES.finditer(phrase.strip()) if not m.group().isspace())


class Vocabulary:
    """All actions and the compiled trigger matcher.

    Speed: one trie regex finds the words a trigger can start with (few per sentence); only the
    phrases starting with that word are then tried there, longest first."""

    def __init__(self, rows: list[dict]):
        self.actions: dict[str, Action] = {}
        phrases = []
        for row in rows:
            action = Action(row["action"], row["place_role"], int(row["max_gap"]),
                            row["acled_event_type"], row["acled_sub_event_type"],
                            frozenset(n.strip() for n in row["nouns"].split(";") if n.strip()))
            self.actions.setdefault(action.action, action)
            phrases.extend((p.strip(), action) for p in row["triggers"].split(";") if p.strip())
        # longest phrase first: 'reached an agreement' beats 'reached', 'held talks' beats 'held'
        phrases.sort(key=lambda p: (-_min_words(p[0]), -len(p[0])))
        self._by_first: dict[str, list] = {}
        for phrase, action in phrases:
            rx = re.compile(r"(?i:" + phrase_regex(phrase) + r")(?![\w-])")
            for first in _first_words(phrase):
                self._by_first.setdefault(first, []).append((rx, action))
        words = [w for w in self._by_first if w != "#"]
        words += [w.capitalize() for w in words]   # case by listing, not by a flag: faster
        self._first = re.compile(r"(?<![\w-])" + trie_pattern(words) + r"(?![\w-])|(?<![\w.,])\d")

    @classmethod
    @functools.lru_cache(maxsize=None)
    def load(cls) -> "Vocabulary":
        with open(ACTIONS_CSV, newline="", encoding="utf-8") as fh:
            return cls(list(csv.DictReader(fh)))

    def find(self, text: str) -> list[Trigger]:
        """Every trigger in `text`, left to right, non-overlapping."""
        out = []
        pos = 0
        while True:
            hit = self._first.search(text, pos)
            if not hit:
                return out
            key = "#" if hit.group()[0].isdigit() else hit.group().lower()
            for rx, action in self._by_first.get(key, ()):
                m = rx.match(text, hit.start())
                if m:
                    nominal = (m.group().split(None, 1)[0].lower() in action.nouns
                               and bool(_DETERMINER_BEFORE.search(text, max(0, m.start() - 12), m.start())))
                    out.append(Trigger(m.start(), m.end(), m.group(), action, nominal))
                    pos = m.end()
                    break
            else:
                pos = hit.end()


def _first_words(phrase: str) -> set[str]:
    """The words a phrase can start with ('#' for a number): keys of the first-word index."""
    firsts: set[str] = set()
    for m in _PIECES.finditer(phrase.strip()):
        tok = m.group()
        if tok.isspace():
            continue
        if m.group(1) is not None:
            alts = [a.strip() for a in m.group(1).split("|")]
            firsts |= {("#" if a.split()[0] in _TOKENS else a.split()[0].lower()) for a in alts if a}
            if "" in alts:
                continue
            return firsts
        firsts.add("#" if tok in _TOKENS else tok.lower())
        return firsts
    return firsts
