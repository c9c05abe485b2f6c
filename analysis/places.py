"""Gazetteer and place matcher: turn place mentions in news text into canonical, geocoded places.
A landmark named after a place ('Mezzeh military airport', 'the northern countryside of Hama') is
one mention that resolves to that place (the governorate, for a countryside).

`find` runs on every sentence of a large corpus, so all names are compiled once, at load time,
into a single prefix-trie regex; context ("Homs province", "city of Homs") only picks between
places that share a name. Capitalised names the regex misses are looked up by a transliteration
key computed at load time ('Helfaya' is GeoNames' 'Ḩalfāyā', 'Khan Arnabeh' is 'Khan Arnabah').
"""
from __future__ import annotations

import csv
import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .config import REFERENCE_DIR
from .wordlists import trie_pattern

PLACES_CSV = REFERENCE_DIR / "places.csv"
DAMASCUS_ID = "sy-city-damascus"

# In the order a bare name shared by several places prefers: "Homs" is the city, not the governorate.
PLACE_TYPES = ("city", "town", "village", "area", "region", "governorate", "country", "foreign_city")
SETTLEMENTS = ("city", "town", "village")
_DEFAULT_ORDER = {t: i for i, t in enumerate(PLACE_TYPES)}

# References to Damascus without its name: the generic ones only count when the text is about Syria.
CAPITAL_PHRASES = ("the capital", "The capital", "the capital city", "The capital city",
                   "the country's capital", "The country's capital")
SYRIAN_CAPITAL_PHRASES = ("the Syrian capital", "The Syrian capital", "the Syrian capital city",
                          "Syria's capital", "Syria's capital city")

_APOS = "'’‘ʼʿ`´"
_SEP = " \u00a0-\u2010\u2011"
_APOS_RE = "[" + re.escape(_APOS) + "]"
_SEP_RE = "[" + re.escape(_SEP) + "]+"
_KEY_APOS = re.compile(_APOS_RE)
_KEY_SEP = re.compile(_SEP_RE)

_GOV_WORDS = r"(?:[Pp]rovinces?|[Gg]overnorates?)"
_SUFFIX = re.compile(r"[ \u00a0](" + _GOV_WORDS + r"|[Cc]ity)(?!\w)")
_PREFIX_GOV = re.compile(_GOV_WORDS + r"(?: of)?,? $")
_PREFIX_CITY = re.compile(r"(?:city|town|village) of $")
_PLURAL_SUFFIX = re.compile(r"(?:[Pp]rovinces|[Gg]overnorates)$")
_PLURAL_PREFIX = re.compile(r"(?:provinces|governorates) of $")
_LIST_SEP = re.compile(r"(?:,? (?:and|or) |, | ?& )")
_APPOSITION = re.compile(r",? ")
# transliteration folding: article prefixes go, then e/a, ou/u, ee/i, a final -ah/-eh, doubled letters
_FUZZY_ARTICLE = re.compile(r"(?:^|(?<=\s))(?:al|el|ad|as|ash|ar|az|at|an|ez|es|ed|en)\s+")
_FUZZY_FOLDS = (("ou", "u"), ("ee", "i"), ("e", "a"), ("ai", "ay"))
_FUZZY_FINAL_H = re.compile(r"ah\b")
_DOUBLE = re.compile(r"(\w)\1+")
MIN_FUZZY_LETTERS = 6          # shorter keys ('shara': al-Sharaa) match names and ordinary capitalised words
# a capitalised name of up to four words, lower-case article particles allowed ('Khan Arnabeh', 'Tal al-Hara')
_CAPITALISED_RUN = re.compile(   # no lookbehind (slow at every position): a hit checks the character before
    r"[A-Z][\w’'-]*(?:[ -](?:(?:al|el|ad|as|ash|ar|az|an|at|ez|es|ed)[ -])?[A-Z][\w’'-]*){0,3}")
_GLUED_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]*)[ -]\Z")   # not 'Syria's Hader', 'Israeli-occupied Golan'
_NOT_GLUED = frozenset("The In At On Near From To Into Of And Or By For Outside Inside Around".split())
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "eli", "aqi")   # 'Syrian Golan', 'Turkish Afrin' are the place itself
_GLUED_TYPES = ("village", "area", "region")
_GLUED_AFTER = re.compile(r"[ -][A-Z]")
_WORD_CHAR = re.compile(r"[\w’'-]")
_RUN_WORD = re.compile(r"[\w’'-]+")
# A name right after these is a person's: "bin Jassim", "Defence Minister Israel Katz".
_PERSON_BEFORE = re.compile(r"(?<![\w.])(?:bin|ibn|bint|Bin|Ibn|Bint|Minister|President|Secretary|Mr\.?|Mrs\.?|Ms\.?"
                            r"|Dr\.?|King|Queen|Prince|Emir|Senator|General|Gen\.|Colonel|Col\.) $")

# Landmarks named after a place are places of their own, as the press names them: a facility
# ('Mezzeh military airport', 'the Salamiyah road', 'the citadel of Aleppo') or a countryside
# ('the northern countryside of Hama', "Aleppo's western countryside").
_DIRECTION = r"(?:(?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central)"
_FACILITY_HEADS = ("airport", "air base", "airbase", "airfield", "prison", "citadel", "academy", "college", "university",
                   "hospital", "stadium", "square", "plant", "power station", "refinery", "dam", "crossing",
                   "barracks", "industrial city", "industrial zone")
_FACILITY_AFTER = re.compile(   # up to two words before the head, all in lower case or all capitalised
    r"(?:['’]s)?[ \u00a0](?:(?:[a-z]+\s+){0,2}(?:" + "|".join(h.replace(" ", r"\s?" if h == "air base" else r"\s+")
                                                          for h in _FACILITY_HEADS) +
    r")|(?:[A-Z][a-z]+\s+){0,2}(?:" + "|".join(h.title().replace(" ", r"\s+") for h in _FACILITY_HEADS + ("centre", "center"))
    + r"))(?!\w)")
_ROAD_AFTER = re.compile(r"[ \u00a0](?:[Hh]ighway|[Rr]oad|[Mm]otorway)(?!\w)")
# a facility the text names by its kind alone: 'the citadel of Aleppo', "the city's airport", 'its prison'
FACILITY_KIND = r"(?:(?:international|military|central)\s+)?(?:airport|citadel|prison|air\s?base|military\s+academy)"
_FACILITY_OF = re.compile(r"(?<!\w)(?:[Tt]he[ \u00a0])?(" + FACILITY_KIND + r")\s+of\s+(?:the\s+)?\Z", re.I)
_COUNTRYSIDE_OF = re.compile(r"(?<!\w)(?:(" + _DIRECTION + r")\s+)?(countryside)\s+of\s+(?:the\s+)?\Z", re.I)
_COUNTRYSIDE_AFTER = re.compile(r"(?:[ \u00a0]" + _GOV_WORDS + r")?(?:['’]s)?[ \u00a0](?:(" + _DIRECTION +
                                r")\s+)?countrysides?(?!\w)")
_DIRECTION_BEFORE = re.compile(r"(?<!\w)(" + _DIRECTION + r")[ \u00a0]\Z", re.I)


@dataclass(frozen=True)
class Place:
    """One row of places.csv; hashable so it can key tables and caches."""

    place_id: str
    name: str
    place_type: str
    admin1: str
    admin1_name: str
    country: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class PlaceMatch:
    """A mention: text[start:end] == place_text, resolved to one place using its context (a
    landmark named after a place, such as 'Mezzeh military airport', resolves to that place)."""

    start: int
    end: int
    place_text: str
    place: Place
    qualifier: str = ""     # a landmark's own words: 'military airport', 'northern countryside'


@functools.lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """Spelling key: curly/straight apostrophes and space/hyphen runs compare equal."""
    return _KEY_SEP.sub(" ", _KEY_APOS.sub("'", text.strip()))


@functools.lru_cache(maxsize=65536)
def fuzzy_key(text: str) -> str:
    """Transliteration-tolerant key: 'Helfaya' = 'Ḩalfāyā', 'Khan Arnabeh' = 'Khan Arnabah'."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    text = _FUZZY_ARTICLE.sub("", _KEY_SEP.sub(" ", _KEY_APOS.sub("", text)).strip())
    for a, b in _FUZZY_FOLDS:
        text = text.replace(a, b)
    return _DOUBLE.sub(r"\1", _FUZZY_FINAL_H.sub("a", text)).replace(" ", "")


def _name_piece(ch: str) -> str:
    """Regex for one character of a place name: spaces and apostrophes match their variants."""
    return _SEP_RE if ch == " " else _APOS_RE if ch == "'" else re.escape(ch)


def _float(value: str) -> float | None:
    return float(value) if value else None


class Gazetteer:
    """All known places and the compiled matcher over their spelling variants."""

    def __init__(self, places: list[Place], variants: dict[str, list[str]]):
        self.places = {p.place_id: p for p in places}
        self.by_key: dict[str, list[Place]] = {}
        for place in places:
            for name in [place.name, *variants.get(place.place_id, [])]:
                bucket = self.by_key.setdefault(_key(name), [])
                if place not in bucket:
                    bucket.append(place)
        self.by_casefold: dict[str, list[Place]] = {}
        for key, bucket in self.by_key.items():
            self.by_casefold.setdefault(key.casefold(), []).extend(bucket)
        self.by_fuzzy: dict[str, list[Place]] = {}
        for key, bucket in self.by_key.items():
            fuzzy = fuzzy_key(key)
            if len(fuzzy) >= MIN_FUZZY_LETTERS:
                self.by_fuzzy.setdefault(fuzzy, []).extend(p for p in bucket if p not in self.by_fuzzy.get(fuzzy, ()))
        # 'Hamra' in 'Kafr Hamra' is not the village Al Hamra, 'Ghouta' in 'Western Ghouta' not Eastern
        # Ghouta: see _glued (towns and cities are left alone: 'Rebels Seize Aleppo' in a headline)
        self._glued_keys = frozenset(k for k, b in self.by_key.items() if all(p.place_type in _GLUED_TYPES for p in b))
        self._fuzzy_run = functools.lru_cache(maxsize=65536)(self._lookup_run)
        self._generic_capital = frozenset(_key(p) for p in CAPITAL_PHRASES)
        self._capital_keys = self._generic_capital | {_key(p) for p in SYRIAN_CAPITAL_PHRASES}
        keys = sorted({*self.by_key, *self._capital_keys}, key=lambda k: (-len(k), k))
        self._regex = re.compile(r"(?<!\w)" + trie_pattern(keys, _name_piece) + r"(?!\w)")

    @classmethod
    @functools.lru_cache(maxsize=None)
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        """Read places.csv once per process (the matcher regex is costly to compile)."""
        places, variants = [], {}
        with open(path or PLACES_CSV, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["place_type"] not in PLACE_TYPES:
                    raise ValueError(f"{row['place_id']}: unknown place_type {row['place_type']!r}")
                places.append(Place(
                    place_id=row["place_id"], name=row["name"], place_type=row["place_type"],
                    admin1=row["admin1"], admin1_name=row["admin1_name"], country=row["country"],
                    lat=_float(row["lat"]), lon=_float(row["lon"]),
                ))
                variants[row["place_id"]] = [v for v in row["variants"].split("|") if v]
        return cls(places, variants)

    # -- matching -------------------------------------------------------------------------

    def find(self, text: str, syrian_context: bool = True, fuzzy: bool = True, landmarks: bool = True
             ) -> list[PlaceMatch]:
        """Every place mention in `text`, non-overlapping, longest first, in text order; with
        `fuzzy`, also capitalised names whose transliteration key is a known place's."""
        raw = []  # [start, end, candidates, wanted_type]
        last_end = 0
        for m in self._regex.finditer(text):
            if m.start() < last_end:
                continue
            if m.group()[:4] in ("the ", "The "):  # "the Golan" must not hide "the Golan Heights"
                m = max(m, self._regex.match(text, m.start() + 4) or m, key=lambda x: x.end())
            key = _key(m.group())
            last_end = m.end()
            if key in self._capital_keys:
                if syrian_context or key not in self._generic_capital:
                    raw.append([m.start(), m.end(), [self.places[DAMASCUS_ID]], "city"])
            elif not _PERSON_BEFORE.search(text, max(0, m.start() - 12), m.start()) and not (
                    key in self._glued_keys and _glued(text, m.start(), m.end())):
                raw.append([m.start(), m.end(), self.by_key[key], None])
        if fuzzy:
            self._fuzzy(text, raw)
        self._apply_context(text, raw)
        matches = []
        for start, end, candidates, wanted in raw:
            place = _choose(candidates, wanted)
            matches.append(PlaceMatch(start, end, text[start:end], place))
        matches = _drop_capital_appositions(text, matches, self._capital_keys)
        return _landmarks(self, text, matches) if landmarks else matches

    def _fuzzy(self, text: str, raw: list) -> None:
        """Capitalised names the exact matcher missed, looked up by their transliteration key."""
        found = []
        starts = {item[0] for item in raw}
        for m in _CAPITALISED_RUN.finditer(text):
            if m.start() in starts:
                continue
            hit = self._fuzzy_run(m.group())
            if hit and not (m.start() and _WORD_CHAR.match(text, m.start() - 1)) and \
                    not any(a < m.end() and m.start() < b for a, b, *_ in raw) and \
                    not _PERSON_BEFORE.search(text, max(0, m.start() + hit[0] - 12), m.start() + hit[0]):
                found.append([m.start() + hit[0], m.start() + hit[1], hit[2], None])
        if found:
            raw.extend(found)
            raw.sort(key=lambda item: item[0])

    def _lookup_run(self, run: str) -> tuple | None:
        """(start, end, places) of the longest run of capitalised words in `run` that has a key."""
        words = list(_RUN_WORD.finditer(run))
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                if not words[i].group()[0].isupper():
                    continue
                start, end = words[i].start(), words[i + n - 1].end()
                bucket = self.by_fuzzy.get(fuzzy_key(run[start:end]))
                if bucket and not (all(p.place_type in _GLUED_TYPES for p in bucket) and _glued(run, start, end)):
                    return start, end, bucket
        return None

    def _apply_context(self, text: str, raw: list) -> None:
        """Pick governorate vs city from the words around each name; extend over 'province'."""
        for item in raw:
            start, end, candidates, wanted = item
            if wanted:
                continue
            has_gov = any(p.place_type == "governorate" for p in candidates)
            has_city = any(p.place_type in SETTLEMENTS for p in candidates)
            before = text[max(0, start - 40):start]
            suffix = _SUFFIX.match(text, end)
            if suffix and suffix.group(1).lower() == "city" and has_city:
                item[3] = "city"
                item[1] = suffix.end()
            elif suffix and has_gov:
                item[3] = "governorate"
                item[1] = suffix.end()
            elif has_gov and _PREFIX_GOV.search(before):
                item[3] = "governorate"
            elif _PREFIX_CITY.search(before):
                item[3] = "city"
        # "Homs and Hama provinces", "the provinces of Homs and Hama": the whole list is governorates.
        plural = "rovinces" in text or "overnorates" in text
        for i in range(len(raw) if plural else 0):
            plural_after = _PLURAL_SUFFIX.search(text, raw[i][0], raw[i][1])
            plural_before = _PLURAL_PREFIX.search(text[max(0, raw[i][0] - 40):raw[i][0]])
            step = -1 if plural_after else 1 if plural_before else 0
            j = i
            while step and 0 <= j + step < len(raw):
                a, b = (raw[j + step], raw[j]) if step < 0 else (raw[j], raw[j + step])
                if not _LIST_SEP.fullmatch(text[a[1]:b[0]]):
                    break
                j += step
                if any(p.place_type == "governorate" for p in raw[j][2]):
                    raw[j][3] = "governorate"

    def resolve(self, name: str, place_type: str | None = None) -> Place | None:
        """Canonical place for a name, id or phrase ("Homs province"); None if unknown."""
        if name in self.places:
            return self.places[name]
        key = _key(name)
        candidates = self.by_key.get(key) or self.by_casefold.get(key.casefold())
        if not candidates:  # a phrase: "Homs province", "the city of Homs"
            found = self.find(name.strip(), landmarks=False)
            if len(found) != 1:
                return None
            if place_type is None:
                return found[0].place
            candidates = self.by_key[_key(found[0].place.name)]
        return _choose(candidates, place_type, strict=place_type is not None)


def _glued(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] part of a longer capitalised name ('Kafr Hamra')?"""
    before = _GLUED_BEFORE.search(text, max(0, start - 30), start)
    return bool(_GLUED_AFTER.match(text, end) or (before and before.group(1) not in _NOT_GLUED
                                                   and not before.group(1).endswith(_DEMONYM_ENDINGS)))


def _choose(candidates: list[Place], wanted: str | None, strict: bool = False) -> Place | None:
    """The candidate of the wanted type (any settlement for 'city'), else the default order."""
    if wanted:
        for place in candidates:
            if place.place_type == wanted:
                return place
        if wanted in SETTLEMENTS:
            for place in candidates:
                if place.place_type in SETTLEMENTS:
                    return place
        if strict:
            return None
    return min(candidates, key=lambda p: _DEFAULT_ORDER[p.place_type])


def _drop_capital_appositions(text: str, matches: list[PlaceMatch], capital_keys) -> list[PlaceMatch]:
    """'the capital, Damascus' / 'Doha, the capital': the named place carries the mention."""
    def is_capital(m):
        return _key(m.place_text) in capital_keys

    keep = []
    for i, m in enumerate(matches):
        if is_capital(m):
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            prv = matches[i - 1] if i else None
            if nxt and not is_capital(nxt) and _APPOSITION.fullmatch(text[m.end:nxt.start]):
                continue
            if prv and not is_capital(prv) and _APPOSITION.fullmatch(text[prv.end:m.start]):
                continue
        keep.append(m)
    return keep


def _landmarks(gaz: "Gazetteer", text: str, matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """Extend each Syrian match over the facility or countryside it names: the mention is the
    landmark as written ('northern countryside of Hama'), the place stays the gazetteer's (the
    governorate for a countryside), and the landmark's own words are its `qualifier`."""
    out: list[PlaceMatch] = []
    for m in matches:
        place = m.place
        if place.country != "SYR" or place.place_type == "country" or place.name == "Rif Dimashq":
            out.append(m)
            continue
        before = text[max(0, m.start - 40):m.start]
        start, end, qualifier = m.start, m.end, ""
        # the anchored searches back from the name only run when the words before can hold one
        of_before = before.endswith(("of ", "of the "))
        region = _COUNTRYSIDE_OF.search(before) if of_before and "ountryside" in before else None
        after = None if region else _COUNTRYSIDE_AFTER.match(text, m.end)
        facility = None if region or after else (_FACILITY_AFTER.match(text, m.end) or (
            before.endswith(("the ", "The ")) and _ROAD_AFTER.match(text, m.end)))
        prefix = None if region or after or facility or not of_before else _FACILITY_OF.search(before)
        if region:
            start = m.start - len(before) + region.start(1 if region.group(1) else 2)
            qualifier = f"{region.group(1).lower() + ' ' if region.group(1) else ''}countryside"
        elif after:
            end = after.end()
            lead = None if after.group(1) else _DIRECTION_BEFORE.search(before)
            if lead:
                start = m.start - len(lead.group())
            direction = after.group(1) or (lead.group(1) if lead else "")
            qualifier = f"{direction.lower() + ' ' if direction else ''}countryside"
        elif facility:
            end = facility.end()
            qualifier = facility.group().lstrip("'’s").strip().lower()
            place = gaz.resolve(f"{place.name} {qualifier}") or place   # 'Aleppo's airport': the listed facility
        elif prefix:
            start = m.start - len(before) + prefix.start(1)
            qualifier = prefix.group(1).lower()
        elif out and out[-1].qualifier.endswith("countryside") and " of " in out[-1].place_text \
                and _LIST_SEP.fullmatch(text, out[-1].end, m.start):
            qualifier = out[-1].qualifier   # 'the countryside of Aleppo and Idlib': the whole list
        if qualifier.endswith("countryside"):
            place = gaz.resolve(place.name, "governorate") or place
        out.append(PlaceMatch(start, end, text[start:end], place, qualifier) if qualifier else m)
    for i in range(len(out) - 1, 0, -1):   # 'Hama and Idlib countrysides': the whole list
        a, b = out[i - 1], out[i]
        if b.place_text.endswith("countrysides") and not a.qualifier and a.place.country == "SYR" \
                and a.place.place_type != "country" and _LIST_SEP.fullmatch(text, a.end, b.start):
            out[i - 1] = PlaceMatch(a.start, a.end, a.place_text,
                                    gaz.resolve(a.place.name, "governorate") or a.place, b.qualifier)
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of mean Earth radius (6371.0088 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def km_to_damascus(place: Place) -> float | None:
    """How close an advance got to the capital, the headline measure of the offensive."""
    if place.lat is None or place.lon is None:
        return None
    damascus = Gazetteer.load().places[DAMASCUS_ID]
    return round(haversine_km(place.lat, place.lon, damascus.lat, damascus.lon), 1)
