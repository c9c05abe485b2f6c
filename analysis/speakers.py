"""Who is speaking: a speaker phrase as written → name, role, affiliation, country, type and side.

The text comes first: "Foreign Minister Jane Doe of Ruritania" yields name and role with no
reference data at all. data/reference/actors.csv then normalises known actors (aliases, canonical
spelling) and fills in what the text leaves out; countries.csv maps demonyms and capitals to ISO
codes; speaker_words.csv holds the role, organisation and modifier words a speaker phrase is made of.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .config import REFERENCE_DIR

RELATIVE_OPENERS = {"who", "which", "whose", "speaking", "citing", "writing", "addressing", "quoting", "asked",
                    "visiting", "appearing", "according"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# Lower-case words that join the capitalised parts of one name.
NAME_PARTICLES = {"al", "al-", "bin", "ibn", "bint", "abu", "abdel", "de", "del", "della", "van", "von", "der",
                  "den", "da", "dos", "du", "la", "le", "el", "el-", "ben", "mac", "st."}
HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our"}
# Capitalised words that are never part of a name.
NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
             "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "earlier", "later", "meanwhile", "but", "and", "or", "so", "yet",
             "however", "also", "then", "on", "in", "at", "as", "while", "when", "after", "before",
             "since", "because", "although", "though", "if", "that", "this", "these", "those", "there",
             "here", "today", "yesterday", "now", "still", "even", "separately", "instead", "asked",
             "speaking", "writing", "what", "who", "which", "where", "why", "how", "it", "we", "i",
             "you", "he", "she", "they", "not", "no", "with", "for", "from", "by", "to", "of", "into"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_APPROXIMATELY = {"about", "around", "some", "nearly", "roughly", "approximately", "almost", "just"}
_PLACE_PREPOSITIONS = {"of", "for", "in", "from", "at", "on", "near", "with", "to"}
FEMALE = {"she", "her", "ms", "ms.", "mrs", "mrs.", "madam"}
MALE = {"he", "him", "his", "mr", "mr.", "sir"}
GENDER_WORDS = FEMALE | MALE | {w.capitalize() for w in FEMALE | MALE}


@dataclass(frozen=True)
class Speaker:
    name: str = ""          # canonical when known, else as written; "" when unresolved
    text: str = ""          # as written at the attribution
    role: str = ""
    affiliation: str = ""
    country: str = ""       # ISO 3166-1 alpha-3
    type: str = ""
    side: str = "unknown"
    pronoun: bool = False
    definite: bool = False  # "the minister": refers back to someone named earlier
    channel: str = ""       # "statement" when the phrase itself is a statement ("the army's statement")


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    """Lookup key: case, apostrophe style, a leading 'the' and diacritics-insensitive spacing."""
    k = " ".join(text.translate(_APOSTROPHES).lower().split())
    return k[4:] if k.startswith("the ") else k


def _read(name: str) -> list[dict]:
    with open(REFERENCE_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=None)
def actors() -> dict[str, dict]:
    """Alias key (and canonical-name key) → actor row of actors.csv."""
    table: dict[str, dict] = {}
    for row in _read("actors.csv"):
        for alias in [row["name"], *filter(None, (a.strip() for a in row["aliases"].split(";")))]:
            table.setdefault(_key(alias), row)
    return table


@lru_cache(maxsize=None)
def countries() -> dict[str, dict]:
    """Country name, alias, demonym or capital key → country row of countries.csv."""
    table: dict[str, dict] = {}
    for row in _read("countries.csv"):
        names = [row["country"], row["capital"], *row["demonyms"].split(";"), *row["aliases"].split(";")]
        for n in filter(None, (n.strip() for n in names)):
            table.setdefault(_key(n), row)
    return table


@lru_cache(maxsize=None)
def speaker_words() -> dict[str, dict]:
    """Lower-case word → its row of speaker_words.csv (class role, people, org or modifier)."""
    return {row["word"]: row for row in _read("speaker_words.csv")}


def lexicon_row(word: str) -> dict | None:
    """speaker_words.csv row of a word, trying its singular for a plural ("agencies", "officers")."""
    low = word.lower().translate(_APOSTROPHES)
    table = speaker_words()
    row = table.get(low)
    if row is None and len(low) > 3 and low.endswith("s"):
        row = table.get(low[:-3] + "y") if low.endswith("ies") else None
        row = row or table.get(low[:-1]) or (table.get(low[:-2]) if low.endswith("es") else None)
        if row and row["class"] == "role":
            row = {**row, "class": "people"}
    return row


def lexicon_class(word: str) -> str:
    row = lexicon_row(word)
    return row["class"] if row else ""


def is_capitalised(token: str) -> bool:
    return token[:1].isupper() or (token[:3].lower() in ("al-", "el-") and token[3:4].isupper())


def opens_relative(word: str) -> bool:
    """"who", "speaking", "reached", "about" …: an apposition that says how or where, not who
    ("X, reached by phone,", "residents of X, about 60 km south of Damascus,")."""
    low = word.lower()
    return low in RELATIVE_OPENERS or low in _APPROXIMATELY or \
        (word.islower() and len(word) > 4 and low.endswith(("ing", "ed")))


# words across a sentence end ("FIGHT. LET") or all-caps shouting ("LET IT PLAY OUT")
_NOT_A_NAME = re.compile(r"\b(?!(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Maj|Capt|Sen|Rep|Gov|Jr|Sr)\.)[a-zA-Z]{2,}[.!?]\s"
                         r"|^[^a-z]*\b[A-Z]{3,}\s+[A-Z]{3,}\b[^a-z]*$")


@lru_cache(maxsize=1 << 14)
def _not_a_speaker(name: str) -> bool:
    """A place of the gazetteer, a month, weekday or demonym alone, words across a sentence end or
    all-caps shouting: never who said something."""
    from .places import Gazetteer  # the gazetteer is loaded only when a name needs checking
    if _key(name) in NOT_NAMES or name.lower() in _demonyms() or _NOT_A_NAME.search(name):
        return True
    found = Gazetteer.load().find(name, fuzzy=False)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(name)


@lru_cache(maxsize=None)
def _demonyms() -> frozenset[str]:
    return frozenset(d.strip().lower() for row in _read("countries.csv") for d in row["demonyms"].split(";") if d.strip())


def is_name_token(token: str) -> bool:
    """A token that can belong to a proper name (Geir, al-Rahmoun, bin, Al-Thani, J.)."""
    low = token.lower()
    if low in NOT_NAMES or low in PRONOUNS:
        return False
    return is_capitalised(token) or low in NAME_PARTICLES


_TOKEN = re.compile(r"[^\s,]+")
_POSSESSIVE = re.compile(r"[’']s?$")


def _country_of(words: list[str]) -> dict | None:
    """The country named by any run of words (demonym, name, capital, alias), longest first."""
    table = countries()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            row = table.get(_key(" ".join(_POSSESSIVE.sub("", w) for w in words[i:i + n])))
            if row:
                return row
    return None


def _split_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(role words, name words): the name is the longest tail of name tokens that are not role,
    organisation or country words."""
    i = len(tokens)
    if i > 1 and tokens[-1].isdigit() and len(tokens[-1]) <= 2 and is_capitalised(tokens[-2]):
        i -= 1  # "Suwayda 24", "Radio 7": a name closed by a short number (longer ones count or date)
    while i > 0:
        t = tokens[i - 1]
        bare = _POSSESSIVE.sub("", t)
        if not is_name_token(t) or lexicon_class(bare) or _key(bare) in countries() or t != bare:
            break
        i -= 1
    if i == len(tokens) - 1 and tokens[i].isdigit():
        i += 1  # "March 2015": a number alone is no name
    while i < len(tokens) and tokens[i].lower() in NAME_PARTICLES and not is_capitalised(tokens[i]):
        i += 1  # a name does not start with a particle ("de Gaulle" keeps it, "of de" does not)
    return tokens[:i], tokens[i:]


def _head_row(tokens: list[str]) -> dict | None:
    """speaker_words row of the phrase's head: the last lexicon noun (role, people or org)."""
    for t in reversed(tokens):
        row = lexicon_row(_POSSESSIVE.sub("", t))
        if row and row["class"] in ("role", "people", "org"):
            return row
    return None


def _side(country: str, typ: str, words: list[str], text: str) -> str:
    """Side from the phrase's own words when no actor row gives it."""
    state = any(w.lower() in ("state", "state-run", "state-owned") for w in words)
    if typ == "media" and state:  # state media speak for their government
        return "foreign government" if country not in ("", "SYR") else "government"
    for w in words:
        row = speaker_words().get(_POSSESSIVE.sub("", w).lower())
        if row and row["side"] in ("opposition", "media"):
            return row["side"]
    if re.search(r"\b(?:UN|U\.N\.|United Nations|UNHCR|UNICEF|WHO|ICRC|Red Cross|EU|European Union|NATO|Arab League)\b", text):
        return "international"
    if typ == "media":
        return "media"
    if country == "SYR" and typ in ("government", "armed forces", "person"):
        return "government"
    if country and country != "SYR" and typ in ("government", "armed forces", "person"):
        return "foreign government"
    return "unknown"


def from_actor(row: dict, written: str) -> Speaker:
    return Speaker(row["name"], written, row["role"], row["affiliation"], row["country"], row["type"],
                   row["side"] or "unknown")


def lookup_actor(text: str) -> dict | None:
    return actors().get(_key(text))


@lru_cache(maxsize=1 << 14)
def parse_phrase(written: str) -> Speaker | None:
    """A speaker phrase as written → Speaker, or None when it is not a plausible speaker.

    Handles pronouns, appositives ("X, the ROLE," / "ROLE, X,"), a role before the name
    ("Turkish President Recep Tayyip Erdogan"), "of PLACE" after it, organisations and
    descriptions ("the Islamist rebel group", "a war monitor", "state media")."""
    text = written.strip(" ,")
    if not text:
        return None
    if text.lower() in PRONOUNS:
        return Speaker(text=text, pronoun=True)
    sp = _parse(_PARENTHESES.sub("", text), text)
    if sp and sp.name and sp.type in ("person", "") and not sp.role and _not_a_speaker(sp.name):
        return None
    return sp


def _parse(plain: str, text: str) -> Speaker | None:
    """parse_phrase without parentheses ("the Syrian National Army (SNA)" → `plain`)."""
    parts = [p.strip() for p in plain.split(",", 2) if p.strip() and not p.strip().isdigit()]
    if len(parts) >= 2:
        if opens_relative(parts[1].split()[0]):  # "X, who asked not to be named", "X, reached by phone"
            sp = parse_phrase(parts[0])
            return replace(sp, text=text) if sp and not sp.pronoun else None
        if len(parts) == 3 and not opens_relative(parts[2].split()[0]) and \
                not (parts[2].split()[0].lower() in DETERMINERS and len(parts[1].split()) <= 12):
            return None  # "X, a commander in the PMF, the umbrella of …": the first apposition says who
        return _appositive(parts[0], parts[1], text) or _appositive(parts[1], parts[0], text)
    if len(parts) != 1:
        return None
    tokens = _TOKEN.findall(parts[0])
    if not tokens:
        return None
    first = tokens[0].lower()
    definite = first == "the"
    if first in DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return None
    bare = " ".join(tokens)
    actor = lookup_actor(bare)
    if actor:
        return from_actor(actor, text)
    place = countries().get(_key(bare))
    if place and bare.lower() in _demonyms():
        return None  # "Syrian" alone names nobody
    if place:  # "Moscow said", "Turkey said": its government
        iso = place["iso3"]
        return Speaker(place["country"], text, "", f"{place['demonyms'].split(';')[0]} government", iso, "government",
                       "government" if iso == "SYR" else "foreign government")
    tail_place = ""
    if "of" in tokens:  # "Foreign Minister Jane Doe of Ruritania", "Dalia Nasri of an aid group"
        k = len(tokens) - 1 - tokens[::-1].index("of")
        role_w, name_w = _split_name(tokens[:k])
        after = tokens[k + 1:]
        if name_w and (role_w or len(name_w) >= 2) and after and \
                (all(is_capitalised(t) or t.lower() == "the" for t in after) or after[0].lower() in DETERMINERS):
            tail_place, tokens = " ".join(after[1:] if after[0].lower() in DETERMINERS else after), tokens[:k]
    role_w, name_w = _split_name(tokens)
    head = _head_row(role_w)
    place = _country_of(role_w + tail_place.split())
    lead = role_w[:-1] if role_w and role_w[-1].lower() in DETERMINERS else role_w
    described = bool(name_w and lead and lead[-1].lower() in _PLACE_PREPOSITIONS and head
                     and head["class"] in ("role", "people"))  # "a resident of Albu Kamal": no name
    if name_w and not (head and head["class"] == "org") and not described:
        sp = _named(text, role_w, name_w, head, place, tail_place)
        if sp and definite and not role_w and sp.type == "person" and not lookup_actor(sp.name):
            return replace(sp, type="organisation")  # "The Northern Front": people take no article
        return sp
    if not head:
        return None
    if head["type"] == "statement":
        return _statement_owner(tokens, text)
    desc = " ".join(tokens)
    typ = head["type"]
    side = _side(place["iso3"] if place else "", typ, tokens, desc)
    if typ == "organisation" and side == "opposition":
        typ = "armed group"
    owner = lookup_actor(" ".join(name_w)) if described else None
    if owner and side == "unknown":  # "a spokesman for HTS" speaks for its side
        side = owner["side"] or side
    proper = all(is_capitalised(t) or t.lower() in ("of", "for", "and", "the", "on") for t in tokens)
    article = text.split()[0].lower() if first in DETERMINERS and not proper else ""
    return Speaker(f"{article} {desc}".strip(), text, desc if head["class"] == "role" else "",
                   place["country"] if place else " ".join(name_w) if described else "",
                   place["iso3"] if place else "", typ, side,
                   definite=not proper and (definite and head["class"] in ("role", "org") or
                                            first not in DETERMINERS and head["class"] == "role"))


def _named(text: str, role_w: list[str], name_w: list[str], head: dict | None, place: dict | None,
           tail_place: str) -> Speaker | None:
    """A phrase ending in a proper name, with any role words before it."""
    while len(name_w) > 1 and name_w[0].lower() in HONORIFICS:  # "Ms Dana Harb"
        role_w, name_w = role_w + name_w[:1], name_w[1:]
    name = " ".join(name_w)
    if role_w and not head and not all(_country_of([w]) or w.lower() in HONORIFICS for w in role_w):
        return None  # capitalised words before a name that are no role: not a speaker phrase
    is_org = any(lexicon_class(t) == "org" for t in name_w)
    if not role_w and len(name_w) == 1 and not is_org:
        typ = ""  # a lone surname or an unknown body: resolved against the document later
    else:
        typ = _org_type(name_w) if is_org else "person"
    role = " ".join(w for w in _drop_country_words(role_w) if w.lower() not in HONORIFICS)
    owner = role_w[0] if role_w and _POSSESSIVE.search(role_w[0]) and is_capitalised(role_w[0]) else ""
    affiliation = tail_place or (place["country"] if place else "") or _POSSESSIVE.sub("", owner)
    sp = Speaker(name, text, "" if is_org else role, affiliation, place["iso3"] if place else "", typ or "person")
    sp = _enrich(sp)
    return replace(sp, type=sp.type if typ or lookup_actor(name) else "")


def _appositive(name_part: str, desc_part: str, text: str) -> Speaker | None:
    """"Geir Pedersen, the UN envoy" / "Qatar's prime minister, Mohammed … Al-Thani"."""
    person = parse_phrase(name_part)
    if not person or not person.name or person.pronoun or person.definite or \
            person.name.split()[0].lower() in DETERMINERS:
        return None  # the named part must be a name, not a description
    words = [t for t in _TOKEN.findall(desc_part)]
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words or not (any(lexicon_class(_POSSESSIVE.sub("", w)) in ("role", "people") for w in words)
                         or desc_part.split()[0].lower() in ("a", "an", "the")):
        return None
    if person.type not in ("person", ""):  # "The X Network, a volunteer group": a named body
        return replace(person, text=text)
    person = replace(person, type="person")
    role = " ".join(_drop_country_words(words))
    place = _country_of(words)
    m = re.search(r"\b(?:of|at|for)\s+(?:the\s+)?([A-Z][^,]*)$", " ".join(words))
    owner = _POSSESSIVE.sub("", words[0]) if _POSSESSIVE.search(words[0]) and is_capitalised(words[0]) else ""
    affiliation = m.group(1) if m else (place["country"] if place else owner)
    sp = replace(person, text=text, role=role or person.role,
                 affiliation=person.affiliation if lookup_actor(person.name) else affiliation or person.affiliation,
                 country=person.country or (place["iso3"] if place else ""))
    return _enrich(sp)


def _drop_country_words(words: list[str]) -> list[str]:
    """Role words without the leading nationality: "Russia's foreign minister" → "foreign minister"."""
    i = 0
    while i < len(words) - 1 and (_country_of([words[i]]) or words[i].lower() in DETERMINERS
                                  or (_POSSESSIVE.search(words[i]) and is_capitalised(words[i]))):
        i += 1
    return words[i:]


def _statement_owner(tokens: list[str], written: str) -> Speaker | None:
    """"the army's statement" → the army, through a statement; "the statement" → refers back."""
    owner = [t for t in tokens[:-1]]
    if owner and owner[-1] != _POSSESSIVE.sub("", owner[-1]):
        owner[-1] = _POSSESSIVE.sub("", owner[-1])
        sp = parse_phrase("the " + " ".join(owner) if not is_capitalised(owner[0]) else " ".join(owner))
        if sp and not sp.pronoun:
            return replace(sp, text=written.strip(), channel="statement")
        return None
    return Speaker("", written.strip(), type="statement", definite=True, channel="statement")


def _org_type(words: list[str]) -> str:
    for w in reversed(words):
        row = speaker_words().get(w.lower())
        if row and row["class"] == "org":
            return row["type"]
    return "organisation"


def _enrich(sp: Speaker) -> Speaker:
    """Fill the gaps from actors.csv when the name is a known actor; infer the side otherwise."""
    actor = lookup_actor(sp.name) if sp.name else None
    if actor:
        return Speaker(actor["name"], sp.text, sp.role or actor["role"], actor["affiliation"] or sp.affiliation,
                       actor["country"], actor["type"] or sp.type, actor["side"] or "unknown")
    words = (sp.role + " " + sp.name).split()
    return replace(sp, side=_side(sp.country, sp.type, words, sp.role + " " + sp.affiliation + " " + sp.name))


# Up to four name words right before a surname ("Syrian President Bashar", "Mohammed bin").
_NAME_BEFORE = re.compile(r"((?:(?:[A-Z][\w’'.-]+|al-|bin|ibn|abu|de|van|von)\s+){1,4})$")


class DocumentSpeakers:
    """Speakers of one document in reading order: resolves "he", "the minister" and a bare
    surname ("Pedersen") to the person named earlier, and leaves them unresolved when unsure."""

    PRONOUN_REACH = 3      # paragraphs back a pronoun may reach
    DEFINITE_REACH = 6

    def __init__(self, body: str):
        self.body = body
        self.history: list[tuple[int, Speaker, bool]] = []   # (paragraph, speaker, spoke)
        self.gender: dict[str, str] = {}        # name → "f" / "m", from Ms/Mr and pronouns used for it
        self.people: dict[str, Speaker] = {}    # surname key → fully named person
        self.first: dict[str, Speaker] = {}     # canonical name → its first mention (role as written there)
        self.fuller: dict[str, list[tuple[int, Speaker]]] = {}  # surname → fuller mentions in the text

    def resolve(self, sp: Speaker, paragraph: int, offset: int) -> Speaker:
        sp = self._resolve(sp, paragraph, offset)
        earlier = self.first.get(sp.name)
        if earlier and sp.text != earlier.text:  # keep the role the article gave at first mention
            sp = replace(sp, role=earlier.role, affiliation=earlier.affiliation or sp.affiliation)
        return sp

    def _resolve(self, sp: Speaker, paragraph: int, offset: int) -> Speaker:
        if sp.pronoun:
            return self._pronoun(sp, paragraph)
        if sp.definite:
            found = self._definite(sp, paragraph)
            return found or sp
        if sp.name and not sp.type and len(sp.name.split()) == 1:
            found = self.people.get(_key(sp.name)) or self._full_name_in_text(sp.name, offset)
            if found:
                return replace(found, text=sp.text, channel=sp.channel)
            return replace(sp, type="person" if sp.role else "")
        return sp

    def remember(self, sp: Speaker, paragraph: int, spoke: bool = True) -> None:
        """Note a speaker (or, with spoke=False, a person only mentioned) for later references."""
        if not sp.name:
            return
        self.history.append((paragraph, sp, spoke))
        if sp.text[:1] == "M":  # "Mr …", "Ms …", "Mrs …"
            self.note_gender(sp, sp.text.split()[0])
        self.first.setdefault(sp.name, sp)
        if sp.type == "person" and len(sp.name.split()) >= 2 and not sp.definite:
            self.people.setdefault(_key(sp.name.split()[-1]), sp)
            if sp.text and len(sp.text.split()) == 1:
                self.people.setdefault(_key(sp.text), sp)

    def note_gender(self, sp: Speaker, word: str) -> None:
        """Record the gender a word used for this person shows ("Ms", "she", "his")."""
        low = word.lower()
        if sp.type == "person" and sp.name and (low in FEMALE or low in MALE):
            self.gender.setdefault(sp.name, "f" if low in FEMALE else "m")

    def _pronoun(self, sp: Speaker, paragraph: int) -> Speaker:
        low = sp.text.lower()
        want_person = low in ("he", "she")
        if low not in ("he", "she", "it", "they"):
            return sp
        gender = "f" if low == "she" else "m"
        # people named (opening a sentence) since the last speaker: in this paragraph, and before it
        topics: list[Speaker] = []
        others: list[Speaker] = []
        for para, cand, spoke in reversed(self.history):
            if para < paragraph - self.PRONOUN_REACH:
                break
            is_person = cand.type == "person" and not _plural(cand)
            if want_person and is_person:
                if self.gender.get(cand.name, gender) != gender:
                    continue  # "she" is not Mr X
                if spoke:  # the last speaker wins over people mentioned since, unless one is this paragraph's topic
                    return self._as_pronoun(topics[0] if topics else cand, sp) if len(topics) < 2 else sp
                group = topics if para == paragraph else others
                if all(m.name != cand.name for m in group):
                    group.append(cand)
                continue
            if topics or others:
                break
            if not want_person and not is_person:
                if low == "it" and _plural(cand):
                    continue
                return replace(cand, text=sp.text, channel="")
            if want_person or low == "it":
                return sp  # the nearest speaker is of the other kind: do not guess past it
        mentioned = topics or others
        return self._as_pronoun(mentioned[0], sp) if len(mentioned) == 1 else sp  # two people: unsure

    def _as_pronoun(self, cand: Speaker, sp: Speaker) -> Speaker:
        self.note_gender(cand, sp.text)
        return replace(cand, text=sp.text, channel="")

    def _definite(self, sp: Speaker, paragraph: int) -> Speaker | None:
        """"the minister", "the army": the latest earlier speaker all of whose description words fit."""
        words = [w for w in re.sub(r"[’']s?\b", "", (sp.role or sp.name).lower()).split() if w not in DETERMINERS]
        bare_head = len(words) == 1   # "the group", "the military": may stand for the last body that spoke
        # the head and the words that narrow it (roles, modifiers, nationalities) must fit; others
        # ("the Britain-based monitor") only describe
        words = [w for i, w in enumerate(words) if i == len(words) - 1 or lexicon_class(w) or _key(w) in countries()]
        if not words:  # "the statement": the last body that spoke
            for para, cand, _ in reversed(self.history):
                if para >= paragraph - 1 and cand.type != "person":
                    return replace(cand, text=sp.text, channel=sp.channel)
            return None
        plural = _plural(sp)
        wanted = [w.removesuffix("s") for w in words]
        for para, cand, _ in reversed(self.history):
            if para < paragraph - self.DEFINITE_REACH:
                break
            if plural and cand.type == "person" and not _plural(cand):
                continue
            if all(w in _description_words(cand) for w in wanted):
                return replace(cand, text=sp.text, channel=sp.channel)
        for para, cand, spoke in reversed(self.history):  # "The Northern Front said … The group said"
            if not bare_head or para < paragraph - 1 or cand.type in ("person", "media"):
                break
            if spoke:  # only the last body that spoke
                fits = cand.type == sp.type or sp.type == "organisation" and cand.type in _BODIES
                return replace(cand, text=sp.text, channel=sp.channel) if fits and not plural else None
        return None

    def _full_name_in_text(self, surname: str, offset: int) -> Speaker | None:
        """The earliest fuller mention of this name before `offset` ("Syrian President Bashar Assad"),
        else the first after it (live blogs name people further down)."""
        if surname not in self.fuller:
            found = []
            for m in re.finditer(r"\b" + re.escape(surname) + r"\b", self.body):
                before = _NAME_BEFORE.search(self.body, max(0, m.start() - 80), m.start())
                sp = self._person(before.group(1).split() + [surname]) if before else None
                if sp:
                    found.append((before.start(), sp))
            self.fuller[surname] = found
        found = self.fuller[surname]
        before = [sp for pos, sp in found if pos < offset]
        return before[0] if before else (found[0][1] if found else None)

    @staticmethod
    def _person(words: list[str]) -> Speaker | None:
        for i in range(len(words) - 1):
            sp = parse_phrase(" ".join(words[i:]))
            if sp and sp.type == "person" and len(sp.name.split()) >= 2:
                return sp
        return None


@lru_cache(maxsize=1 << 14)
def _description_words(sp: Speaker) -> frozenset[str]:
    """Words a definite description may use to point back at this speaker (singular forms)."""
    text = f"{sp.role} {sp.name} {sp.type} {sp.text}".lower().replace("-", " ").replace("’", "'")
    return frozenset(w.removesuffix("'s").removesuffix("s") for w in text.split())


_BODIES = {"armed group", "organisation", "international organisation", "monitor"}


def _plural(sp: Speaker) -> bool:
    last = (sp.name or sp.text).split()[-1].lower() if (sp.name or sp.text) else ""
    return last.endswith("s") and lexicon_class(last) in ("people", "role") or sp.text.lower() == "they"
