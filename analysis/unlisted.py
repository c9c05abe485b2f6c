"""Places the gazetteer does not know, found from the words that introduce them.

Why: coverage names villages, neighbourhoods, hills and crossings no gazetteer lists. A capitalised
name counts as a place only in a place-introducing context: 'the town(s)/village(s)/neighbourhood(s)
of X, Y and Z', 'villages …, including/namely X and Y', 'X, a town …', 'the X crossing/border
post/air base/hill/bridge/highway/gas field/Palace' (with its kind in the name: 'the Qara Qozak bridge',
'the T4 airbase'; 'the People’s Palace' may start with an owner that is no actor; each name of 'the
Arida and Jousieh crossings' is one crossing), numbered bases ('Base 46', 'the 137th Brigade base'), 'Mount X', the object of a strong movement or shelling trigger ('stormed X', 'were
deployed to X', 'shelled X'; not air strikes, whose objects are as often groups: 'struck Islamic
State'), or a name listed with a known place ('took Nawa, Jasim and Inkhil', 'Ain Daqna and Tal
Rifaat': the list must close with 'and'/'or', so 'In Homs and Hama, Russian jets' lists no
'Russian'). The place is the name as written, its type read from the context, with no governorate
or coordinates (empty, not guessed). Names of actors (cue words of actor_sides.csv), acronyms, months,
weekdays and hyphenated adjectives ('Shia-majority') are never places.

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
               r"airport|prison)|military\s+base|hill|dam|bridge|highway|motorway|road|(?:gas|oil)\s+field|port|"
               r"anchorage)|Square|Palace|Mosque")
# 'the Arida and Jousieh crossings': each name of the list is one facility
_FACILITIES_PLURAL = re.compile(r"\s+(?P<kind>(?i:(?:border\s+)?crossings|bridges|air\s?bases|airports|(?:gas|oil)\s+fields))\b")
_NAME_LIST_AT_END = re.compile(r"(?<![\w’'-])" + _NAME + r"(?:,\s+" + _NAME + r")*,?\s+and\s+" + _NAME + r"\Z")
# 'Base 46', 'the 137th Brigade base': numbered army bases
_NUMBERED_BASE = re.compile(r"\b(?:Base\s+\d+|\d+(?:st|nd|rd|th)\s+(?:Brigade|Regiment|Division)\s+(?:base|headquarters))\b")
# strings one of which each context needs: substring tests are much cheaper than a regex search
_KIND_WORDS = (" town", " village", " cit", "neighbo", " district", " suburb", " area")
_MOUNT_WORDS = ("Mount ", "Mt. ", "Jabal ", "Jebel ")
_APPOSED_WORDS = (", a ", ", an ")
_FACILITY_WORDS = (" crossing", " Crossing", " post", " Post", " base", " Base", "airbase", "Airbase", " airport",
                   " Airport", " hill", " Hill", " dam", " Dam ", " Dam,", " Dam.", "military", "Military", " prison",
                   " Prison", " Square", "ndustrial", " bridge", " Bridge", "ighway", " motorway", " Motorway",
                   " road", " Road", "as field", "il field", "as Field", "il Field", " port", " Port", "nchorage", " Palace", " Mosque")
_OWNED_KINDS = ("Palace", "Mosque")   # the name before them may be a possessive
_NUMBERED_WORDS = ("Base ", " base", " headquarters")
_KIND_OF = re.compile(r"\b(?P<kind>" + _KINDS + r")\s+of\s+" + _NAMES)
# 'seized more than 50 towns and villages, including Khan al-Asal, Urum al-Kubra and Kafr Basin'
_INCLUDING = re.compile(r"\s(?:including|such as|among them|namely)\s+" + _NAMES)
_KINDS_BEFORE = re.compile(
    r"\b(?P<kind>towns|villages|hamlets|cities|neighbou?rhoods|districts|areas|localities)\b[^.;:]*\Z")
_INCLUDING_WORDS = ("including", "such as", "among them", "namely")
_MOUNT = re.compile(r"(?:Mount|Mt\.|Jabal|Jebel)\s+" + _NAME)
# the name comes before these: found by looking back from the kind word
_APPOSED = re.compile(
    r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?P<kind>town|village|city|hamlet|neighbou?rhood|district|suburb)\b")
_FACILITY = re.compile(r"\s+(?P<kind>" + _FACILITIES + r"|(?i:industrial\s+(?:city|zone|area)))\b")
# 'the al-Waer district', 'the Sheikh Maqsoud neighbourhood': the name alone is the place
_QUARTER = re.compile(r"\s+(?P<kind>district|neighbou?rhood|neighborhood|quarter)\b")
_QUARTER_WORDS = (" district", " neighbo", " quarter")
_MOVE_HEADS = frozenset({"seized", "captured", "entered", "stormed", "took", "overran", "overrun", "liberated",
                         "recaptured", "retook", "reached", "besieged", "drove", "crossed", "spread", "swept", "pushed",
                         "encircled", "surrounded", "shelled", "pounded", "deployed", "redeployed", "moved", "sent",
                         "dispatched", "transferred", "been",
                         "seizing", "capturing", "entering", "storming", "taking", "overrunning", "liberating",
                         "recapturing", "retaking", "reaching", "besieging", "encircling", "surrounding", "shelling",
                         "pounding"})
# 'a fuel depot near Rmeilan', 'the road between Sarrin and ...', 'villages south of Kobani': a
# locative name, taken only in a sentence with an event trigger
_LOCATIVE = re.compile(r"\b(?:near|outside|around|between|on\s+the\s+outskirts\s+of|"
                       r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+" + _NAMES + r"(?!\s*['’]s\b)")
_LOCATIVE_WORDS = ("near ", "outside ", "around ", "between ", "outskirts of ",
                   "th of ", "st of ")   # north/south of, east/west of
# 'took over the police stations in Saqba, Hamouriyah and Ein Tarma', 'SDF positions in Dhiban': a
# name after a site of armed men or of daily life, also only in a sentence with a trigger
_SITE_WORDS = ("position", "station", "checkpoint", "headquarters", "offices", "barracks", "post", "hospital", "shops",
               "homes", "houses", "market", "school", "mosque", "depot", "warehouse", "compound", "branch", "garrison",
               "outpost", "roadblock")   # each also the cheap substring test of its plural
_SITE_IN = re.compile(r"\b(?:police\s+)?(?:" + "|".join(_SITE_WORDS) + r")(?:e?s)?\s+(?:in|at)\s+" + _NAMES
                      + r"(?!\s*['’]s\b)")
_HINTS = ("seiz", "captur", "enter", "storm", "took", "taking", "overr", "liberat", "retook", "retaking", "reach",
          "besieg", "drove", "crossed", "spread", "swept", "pushed", "encircl", "surround", "shell", "pound", "deploy",
          "moved", "sent",
          "dispatched", "transferred", *_KIND_WORDS, *_INCLUDING_WORDS, *_MOUNT_WORDS, *_APPOSED_WORDS,
          *_FACILITY_WORDS, *_NUMBERED_WORDS, *_LOCATIVE_WORDS, *_SITE_WORDS)
_OBJECT = re.compile(r"\s+(?:(?:to|into)\s+)?(?:the\s+)?" + _NAMES + r"(?!\s*['’]s\b)")
_ROAD_CODE = re.compile(r"\s+\([A-Z]\d{1,2}\)\Z")   # a road's number in brackets after its name
_JOINED = re.compile(r"[A-Z][\w’']*(?:-[A-Z][\w’']*)+\Z")   # 'Homs-Hama', 'Aleppo-Damascus': one road's two ends
_JOIN = r"(?:,\s+(?:and\s+|or\s+|as\s+well\s+as\s+)?|,?\s+(?:and|or|as\s+well\s+as)\s+)"
_SPLIT = re.compile(_JOIN)   # the names of a list, ', and' taken whole: 'Saraqib, and Khan Shaykhoun'
_LIST_NEXT = re.compile(r"(?P<join>" + _JOIN + r")(?P<name>" + _NAME + r")(?![\w’'-])(?!\s*['’]s\b)")
_LIST_PREV = re.compile(r"(?<![\w’'-])(?P<name>" + _NAME + r")(?P<join>" + _JOIN + r")\Z")
_LIST_TYPES = frozenset({"city", "town", "village", "neighbourhood", "area"})
_CLOSING = re.compile(r"\b(?:and|or|as\s+well\s+as)\b")   # a join that can close a list
_NOT_NAMES = frozenset(
    "The A An This That These Those It Its They Their He She We Our His Her And But In On At Of By For "
    "January February March April May June July August September October November December Jan Feb Mar Apr "
    "Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday God "
    "Parliament Palace Embassy Ministry Council Committee Command News "
    "Agency Times Post Television TV Radio Party Front Movement Forces Army Brigade".split())
_TITLES = frozenset("Minister Ministers President Foreign Prime Secretary General Spokesman Spokeswoman Envoy King "
                    "Emir Prince Governor Commander Chief Ambassador Mr Mrs Ms Dr".split())
_DIRECTIONS = frozenset("North South East West Northern Southern Eastern Western".split())   # alone: not a name


@functools.lru_cache(maxsize=4096)
def _place(name: str, place_type: str) -> Place:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return Place(f"unlisted-{slug}", name, place_type, "", "", "", None, None)


@functools.lru_cache(maxsize=4096)
def _is_name(name: str) -> bool:
    if (name.split()[0].split("-")[-1] in _NOT_NAMES or name.endswith(("'s", "’s", "'", "’"))
            or name.rpartition("-")[2].islower()   # 'Shia-majority', 'Turkish-backed': an adjective
            or not _TITLES.isdisjoint(name.split()) or name.split()[-1] in _NOT_NAMES or name in _DIRECTIONS
            or (name.isupper() and len(name) <= 6 and not any(c.isdigit() for c in name))):   # 'T4' is a name
        return False
    return not any(cue_info(w.strip("’'"))[0] != "unknown" or cue_info(w)[1] in ("agency", "neutral")
                   for w in re.split(r"[ -]", name) if w[:1].isupper())


def _type(kind: str) -> str:
    word = kind.split()[-1].lower()
    return _KIND_TYPES.get(word, _KIND_TYPES.get(word[:-1], "area"))


def covers(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """Is the known name at `inner` part of the longer one at `outer` ('New Aleppo', 'Daraa
    al-Mahatta' are districts, not the cities)? Then the longer name is the place."""
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer != inner


def possible(text: str) -> bool:
    """Can the sentence name an unlisted place at all? (A cheap test before looking for triggers.)"""
    return any(map(text.__contains__, _HINTS))


def unlisted(text: str, known: list[PlaceMatch], triggers) -> list[PlaceMatch]:
    """Unknown places of a sentence that overlap none of the `known` matches, except a known name
    that is part of a longer one ('New Aleppo'), which the caller drops (`triggers`: the sentence's event
    triggers, whose objects may be places)."""
    taken = [(m.start, m.end) for m in known]
    out: list[PlaceMatch] = []

    def add(start: int, names: str, place_type: str, check=None, label=None, checked=False) -> None:
        for name in _SPLIT.split(names):
            start = text.index(name, start)
            end = start + len(name)
            if not checked and not _is_name(check or name):
                return   # 'entered Homs, Foreign Minister X and Y said': the list ended at the title
            inner = [(a, b) for a, b in taken if a < end and start < b]
            # a longer name may take in one known name ('New Aleppo'), not two ('Syria at Albu Kamal')
            # unless they are joined by hyphens ('the Homs-Hama road'), and 'the al-Qaim border
            # crossing' stays al-Qaim when the gazetteer knows it
            if ((len(inner) <= 1 or _JOINED.match(check or name)) and all(covers((start, end), ab) for ab in inner)
                    and (start, start + len(check or name)) not in inner):
                taken.append((start, end))
                out.append(PlaceMatch(start, end, name, _place(label or name, place_type)))
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
    for words, rx in ((_APPOSED_WORDS, _APPOSED), (_FACILITY_WORDS, _FACILITY), (_QUARTER_WORDS, _QUARTER)):
        if any(map(text.__contains__, words)):
            for m in rx.finditer(text):
                end, label = m.start(), None
                if text[end - 1:end] == ")" and (code := _ROAD_CODE.search(text, max(0, end - 8), end)):
                    end = code.start()   # 'the Aleppo-Damascus (M5) highway' is the M5 highway
                    label = f"{code.group().strip()[1:-1]} {m.group('kind')}"
                name = _NAME_AT_END.search(text, max(0, end - 50), end)
                if name:
                    facility = rx is _FACILITY
                    names = text[name.start():m.end()] if facility else name.group()
                    kind = "area" if facility else "neighbourhood" if rx is _QUARTER else _type(m.group("kind"))
                    # 'the People’s Palace': an owner that is no actor's name may come first
                    owned = (facility and m.group("kind") in _OWNED_KINDS and name.group()[-2:] in ("'s", "’s")
                             and cue_info(name.group()[:-2])[0] == "unknown")
                    add(name.start(), names, kind, name.group(), label=label, checked=owned)
    if " and " in text and any(map(text.__contains__, _FACILITY_WORDS)):
        for m in _FACILITIES_PLURAL.finditer(text):
            names = _NAME_LIST_AT_END.search(text, max(0, m.start() - 80), m.start())
            if names:
                kind = " ".join(m.group("kind").split())[:-1]
                for name in _SPLIT.split(names.group()):
                    add(names.start(), name, "area", label=f"{name} {kind}")
    if any(map(text.__contains__, _NUMBERED_WORDS)):
        for m in _NUMBERED_BASE.finditer(text):
            add(m.start(), m.group(), "area", checked=True)
    if " and " in text or " or " in text:
        for m in sorted(known + out, key=lambda k: k.start):
            if m.place.place_type in _LIST_TYPES:
                for start, name in _listed(text, m):
                    add(start, name, "village" if m.place.place_type == "village" else "town")
    if triggers and any(map(text.__contains__, _LOCATIVE_WORDS)):
        for m in _LOCATIVE.finditer(text):
            add(m.start("names"), m.group("names"), "town")
    if triggers and any(map(text.__contains__, _SITE_WORDS)):
        for m in _SITE_IN.finditer(text):
            add(m.start("names"), m.group("names"), "town")
    for t in triggers:
        if t.text.split(None, 1)[0].lower() in _MOVE_HEADS:
            m = _OBJECT.match(text, t.end)
            if m:
                add(m.start("names"), m.group("names"), "town")
    return out


_NAMES_LINE = re.compile(r"(?:[-*•–]\s+)?" + _NAMES + r"[.;]?\s*\Z")


def names_line(text: str, known: list[PlaceMatch]) -> list[PlaceMatch] | None:
    """A line that is nothing but names ('Sheikh Issa', 'Halfaya, Lahaya and al-Sayyad.', a bullet
    under 'entered the following villages:'): every name as a place (known ones as the gazetteer
    has them), or None when the line holds anything else or a name that cannot be a place."""
    m = _NAMES_LINE.match(text)
    if not m:
        return None
    out, pos = [], m.start("names")
    for name in _SPLIT.split(m.group("names")):
        start = text.index(name, pos)
        pos = start + len(name)
        same = [k for k in known if (k.start, k.end) == (start, pos)]
        if same:
            out.append(same[0])
        elif _is_name(name) and not any(k.start < pos and start < k.end for k in known):
            out.append(PlaceMatch(start, pos, name, _place(name, "village")))
        else:
            return None
    return out


def _listed(text: str, m: PlaceMatch) -> list[tuple[int, str]]:
    """(start, name) of the names listed with the place `m`, after it up to the list's last 'and'
    item and before it when the join to it says 'and'/'or' or a later one does."""
    after, pos = [], m.end
    while (n := _LIST_NEXT.match(text, pos)) is not None and _short_name(n["name"]):
        after.append((n.start("name"), n["name"], bool(_CLOSING.search(n["join"]))))
        pos = n.end("name")
    closed = max((k for k, item in enumerate(after) if item[2]), default=-1)
    out = [(start, name) for start, name, _ in after[:closed + 1]]
    joined, pos = closed >= 0, m.start
    # the backward search is anchored at the end, so it runs only after a join
    while (text.endswith((",", " and", " or", " as well as"), 0, pos - 1)
           and (n := _LIST_PREV.search(text, max(0, pos - 80), pos)) is not None and _short_name(n["name"])):
        joined = joined or bool(_CLOSING.search(n["join"]))
        if not joined:
            break
        out.append((n.start("name"), n["name"]))
        pos = n.start("name")
    return out


def _short_name(name: str) -> bool:
    return name.count(" ") < 3 and _is_name(name)
