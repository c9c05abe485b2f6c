"""Places the gazetteer does not know, found from the words that introduce them.

Why: coverage names villages, neighbourhoods, hills and crossings no gazetteer lists. A capitalised
name counts as a place only in a place-introducing context: 'the town(s)/village(s)/neighbourhood(s)
of X, Y and Z', 'villages …, including X and Y', 'X, a town …', 'the X crossing/border post/air
base/hill', 'Mount X', or the object of a strong movement or shelling trigger ('stormed X', 'were
deployed to X', 'shelled X'; not air strikes, whose objects are as often groups: 'struck Islamic
State'). The place is the name as written, its type read from the context, with no governorate or
coordinates (empty, not guessed). Names of actors (cue words of actor_sides.csv), acronyms, months
and weekdays are never places.

Speed: substring tests tell whether a sentence can hold a context, the name is looked for back
from the kind word, and movement objects only right after the sentence's triggers.
"""
from __future__ import annotations

import functools
import re

from .actors import cue_info
from .places import Place, PlaceMatch

_PARTICLE = r"(?:al|el|ad|as|ash|ar|az|an|at|ez|es|ed|bin|ibn|abu|umm)"
_NAME = r"(?:(?:al|el|ad|as|ar|az)-)?[A-Z][\w’'-]*(?:[ -](?:" + _PARTICLE + r"[ -])?[A-Z][\w’'-]*){0,3}"
_NAMES = r"(?P<names>" + _NAME + r"(?:(?:,\s+|,?\s+and\s+)" + _NAME + r")*)"
_NAME_AT_END = re.compile(r"(?<![\w’'-])" + _NAME + r"\Z")
_KIND_TYPES = {"town": "town", "city": "town", "cities": "town", "village": "village", "hamlet": "village"}
_KINDS = r"(?:towns?|villages?|city|cities|neighbou?rhoods?|neighborhoods?|districts?|suburbs?|areas?)"
_FACILITIES = (r"(?i:(?:border\s+)?crossing|border\s+post|(?:(?:military|international|central)\s+)?(?:air\s?base|"
               r"airport|prison)|military\s+base|hill|dam)|Square")
# strings one of which each context needs: substring tests are much cheaper than a regex search
_KIND_WORDS = (" town", " village", " cit", "neighbo", " district", " suburb", " area")
_MOUNT_WORDS = ("Mount ", "Mt. ", "Jabal ", "Jebel ")
_APPOSED_WORDS = (", a ", ", an ")
_FACILITY_WORDS = (" crossing", " Crossing", " post", " Post", " base", " Base", "airbase", "Airbase", " airport",
                   " Airport", " hill", " Hill", " dam", " Dam ", " Dam,", " Dam.", "military", "Military", " prison",
                   " Prison", " Square")
_KIND_OF = re.compile(r"\b(?P<kind>" + _KINDS + r")\s+of\s+" + _NAMES)
# 'seized more than 50 towns and villages, including Khan al-Asal, Urum al-Kubra and Kafr Basin'
_INCLUDING = re.compile(r"\s(?:including|such as|among them)\s+" + _NAMES)
_KINDS_BEFORE = re.compile(
    r"\b(?P<kind>towns|villages|hamlets|cities|neighbou?rhoods|districts|areas|localities)\b[^.;:]*\Z")
_INCLUDING_WORDS = ("including", "such as", "among them")
_MOUNT = re.compile(r"(?:Mount|Mt\.|Jabal|Jebel)\s+" + _NAME)
# the name comes before these: found by looking back from the kind word
_APPOSED = re.compile(
    r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?P<kind>town|village|city|hamlet|neighbou?rhood|district|suburb)\b")
_FACILITY = re.compile(r"\s+(?P<kind>" + _FACILITIES + r")\b")
_MOVE_HEADS = frozenset({"seized", "captured", "entered", "stormed", "took", "overran", "overrun", "liberated",
                         "recaptured", "retook", "reached", "besieged", "drove", "crossed", "spread", "swept", "pushed",
                         "encircled", "surrounded", "shelled", "pounded", "deployed", "redeployed", "moved", "sent",
                         "dispatched", "transferred", "been",
                         "seizing", "capturing", "entering", "storming", "taking", "overrunning", "liberating",
                         "recapturing", "retaking", "reaching", "besieging", "encircling", "surrounding", "shelling",
                         "pounding"})
_HINTS = ("seiz", "captur", "enter", "storm", "took", "taking", "overr", "liberat", "retook", "retaking", "reach",
          "besieg", "drove", "crossed", "spread", "swept", "pushed", "encircl", "surround", "shell", "pound", "deploy",
          "moved", "sent",
          "dispatched", "transferred", *_KIND_WORDS, *_INCLUDING_WORDS, *_MOUNT_WORDS, *_APPOSED_WORDS,
          *_FACILITY_WORDS)
_OBJECT = re.compile(r"\s+(?:(?:to|into)\s+)?(?:the\s+)?" + _NAMES + r"(?!\s*['’]s\b)")
_SPLIT = re.compile(r",\s+|,?\s+and\s+")
_NOT_NAMES = frozenset(
    "The A An This That These Those It Its They Their He She We Our His Her And But In On At Of By For "
    "January February March April May June July August September October November December Jan Feb Mar Apr "
    "Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday God "
    "Parliament Palace Embassy Ministry Council Committee Command News "
    "Agency Times Post Television TV Radio Party Front Movement Forces Army Brigade".split())
_DIRECTIONS = frozenset("North South East West Northern Southern Eastern Western".split())   # alone: not a name


@functools.lru_cache(maxsize=4096)
def _place(name: str, place_type: str) -> Place:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return Place(f"unlisted-{slug}", name, place_type, "", "", "", None, None)


@functools.lru_cache(maxsize=4096)
def _is_name(name: str) -> bool:
    if (name.split()[0].split("-")[-1] in _NOT_NAMES or name.endswith(("'s", "’s", "'", "’"))
            or name.split()[-1] in _NOT_NAMES or name in _DIRECTIONS or (name.isupper() and len(name) <= 6)):
        return False
    return not any(cue_info(w.strip("’'"))[0] != "unknown" or cue_info(w)[1] in ("agency", "neutral")
                   for w in re.split(r"[ -]", name) if w[:1].isupper())


def _type(kind: str) -> str:
    word = kind.split()[-1].lower()
    return _KIND_TYPES.get(word, _KIND_TYPES.get(word[:-1], "area"))


def ends(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """Does the known name at `inner` end the longer one at `outer` ('New Aleppo' is a district,
    not Aleppo)? Then the longer name is the place."""
    return outer[0] < inner[0] and inner[1] == outer[1]


def possible(text: str) -> bool:
    """Can the sentence name an unlisted place at all? (A cheap test before looking for triggers.)"""
    return any(map(text.__contains__, _HINTS))


def unlisted(text: str, known: list[PlaceMatch], triggers) -> list[PlaceMatch]:
    """Unknown places of a sentence that overlap none of the `known` matches, except a known name
    that ends a longer one ('New Aleppo'), which the caller drops (`triggers`: the sentence's event
    triggers, whose objects may be places)."""
    taken = [(m.start, m.end) for m in known]
    out: list[PlaceMatch] = []

    def add(start: int, names: str, place_type: str, check=None) -> None:
        for name in _SPLIT.split(names):
            start = text.index(name, start)
            end = start + len(name)
            if _is_name(check or name) and not any(a < end and start < b and not ends((start, end), (a, b))
                                                   for a, b in taken):
                taken.append((start, end))
                out.append(PlaceMatch(start, end, name, _place(name, place_type)))
            start = end

    if " of " in text and any(map(text.__contains__, _KIND_WORDS)):
        for m in _KIND_OF.finditer(text):
            add(m.start("names"), m.group("names"), _type(m.group("kind")))
    if any(map(text.__contains__, _INCLUDING_WORDS)):
        for m in _INCLUDING.finditer(text):   # the kind word is looked for back from 'including'
            kind = _KINDS_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if kind:
                add(m.start("names"), m.group("names"), _type(kind.group("kind")))
    if any(map(text.__contains__, _MOUNT_WORDS)):
        for m in _MOUNT.finditer(text):   # 'Mount Kabir': the name after 'Mount' must not be an actor's
            add(m.start(), m.group(), "area", m.group().split(None, 1)[1])
    for words, rx in ((_APPOSED_WORDS, _APPOSED), (_FACILITY_WORDS, _FACILITY)):
        if any(map(text.__contains__, words)):
            for m in rx.finditer(text):
                name = _NAME_AT_END.search(text, max(0, m.start() - 50), m.start())
                if name:
                    facility = rx is _FACILITY
                    names = text[name.start():m.end()] if facility else name.group()
                    add(name.start(), names, "area" if facility else _type(m.group("kind")), name.group())
    for t in triggers:
        if t.text.split(None, 1)[0].lower() in _MOVE_HEADS:
            m = _OBJECT.match(text, t.end)
            if m:
                add(m.start("names"), m.group("names"), "town")
    return out
