"""Events: who took, entered, reached, lost or claimed which place, when, and where it is.

One row per (event, place) in a sentence. A place from the gazetteer (or one it lacks, named in a
place-introducing context: see `unlisted`) becomes an event place only when an action trigger of
the fixed vocabulary governs it:
  * the trigger comes before it, within the action's word gap ('entered the country's largest
    province, Homs'), with no clause break between; triggers chained without a comma share it
    ('assisting a UN force in repelling an attack on a UN post in Hader');
  * it is the subject of a passive or place-subject trigger ('Hama fell to the rebels');
  * it is the object of a relative clause ('positions around Aleppo airport that forces abandoned');
  * a locative before the trigger ('our forces operating in Daraa are redeploying') or a fronted
    'In Sweida, ...' or factbox heading 'HOMS CITY: ...' that sets the scene for every trigger of the
    sentence;
  * the trigger's subject names the kind of places listed after 'include' ('Towns taken include …');
  * a list continues the previous place ('in Homs and Hama provinces'), also with the verb elided
    ('took Aleppo on Nov. 30, Hama on Thursday': each place keeps its own date), and a trigger with
    no place of its own in an 'after/as ... ' clause takes the place before it.
Places that only describe another place ('north of the capital', 'their stronghold in Idlib',
'Syria's Hader area', the larger of 'the Damascus suburb of Harasta'), name an actor ('Russia's
foreign minister', 'agreed by Russia') or say where something was said ('In Washington, officials
said …', 'told reporters in Moscow') are not event places, nor is a place after a new clause
('push into Aleppo as Turkey calls for calm').
Hypothetical triggers ('would consider sending troops', 'the orders are to hold', 'as soon as', a
sentence opening with 'If', 'when we reach Damascus, we will …') are not events; negated ones are
denied. Fleeing or meeting with no actor is civilian ('many have fled towards Hama'), and no
offensive advances on a place abroad.
A place of a sentence with triggers that none of these rules takes gets a second look from a
learned scorer (`place_scorer`); a place it keeps takes its nearest trigger (rule 'learned-scorer').
Last, a second learned model (`side_scorer`) reads every row's side against its sentence and the
article: it names the side of a row the rules left unknown and overrules a side they named only
when it is confident (rule '+learned-side').
"""
from __future__ import annotations

import bisect
import functools
import re
import string
from collections import Counter
from dataclasses import dataclass, replace

from .actions import Trigger, Vocabulary
from .actors import (ActorIndex, ActorPhrase, cue_info, is_agency, is_bare_head, is_group_head, possessive_lead,
                     side_of)
from .claims import CLAUSE_BREAK, REPORTING, Claims, Frame, frame_at
from .dates import date_mentions, is_history
from .extent import distance, extent
from .place_scorer import PlaceScorer, features, nearest
from .places import FACILITY_KIND, Gazetteer, Place, PlaceMatch, km_to_damascus
from .schema import columns
from .side_scorer import LEARNED, SideScorer, nearest_of_side, side_shares, sided, features as side_features
from .speakers import parse_phrase
from .unlisted import covers, names_line, possible, unlisted
from .wordlists import trie_pattern

SETTLEMENT_TYPES = ("city", "town")
_LIST_SEP = re.compile(
    r"\s*(?:,|,?\s+and|,?\s+or|,\s+including|,?\s+as well as)\s+(?:(?:in|at|to|into|from|of)\s+)?"
    r"(?:(?:[a-z-]+\s+){1,3}(?:in|at|near)\s+)?"   # 'hitting the airport, the air base and weapons depots in the Qalamoun'
    r"(?:(?:most|much|all|parts|a large part|the whole|the rest)\s+of\s+)?(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,2}(?:(?:city|town|village|province|governorate|neighbourhood|area)\s+of\s+)?")
# 'took the desert city of Palmyra': the words naming the kind of place are not a gap
_PLACE_KIND_TAIL = re.compile(
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:city|town|village|province|governorate)\s+of|(?:Syrian\s+)?capital,?)\s+$"
    r"|(?:[\w’'-]+\s+){0,5}(?:villages|towns|cities|positions|neighbourhoods|districts|areas|checkpoints|bases|"
    r"localities)\s*,?\s+(?:including|such as|among them)\s+$")
# 'Towns taken on the way include Suran, Halfaya and Morek': the places the trigger's subject lists
_INCLUDE_GAP = re.compile(r"(?:\s+[\w’'-]+){0,4}\s+(?:include|includes|included)\s+")
_INCLUDING_TAIL = re.compile(
    r",?\s+(?:including|such as|among them)\s+(?:(?:in|at|around|near|on)\s+)?(?:the\s+)?"
    r"(?:(?:city|town|village|villages|towns|cities|areas?)\s+of\s+)?$")
_LOCATIVE_TAIL = re.compile(
    r"\s(?:in|near|around|across|at|outside|inside|on)\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:areas?|provinces?|countryside|"
    r"outskirts|vicinity|city|town|villages?|towns|region|governorates?|axis|axes|fronts?)\s+of\s+)?$")
_HEADLINE_POSITION = re.compile(
    r"^(?P<actor>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}?)\s+(?P<prep>in|inside|into|at|near|outside)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|rural)\s+)?[A-Z][^.!?]*$")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_DASH_CLOSE = re.compile(r"\s*[—–]\s*")
_APPOSITION = re.compile(r"(?:\s+[a-z]+){0,2},\s(?:[^,;:—–“”\"]|(?<=\d),(?=\d)){3,90},\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?(?:\w+ly\s+)?")
_REPELLED = re.compile(r"\b(?:repel\w*|repuls\w*|thwart\w*|foil\w*|fend\w*\s+off|fought\s+off|beat\w*\s+back|"
                       r"confront\w*)\s+(?:(?:an?|the|their|its|several|repeated|multiple|\w+-scale)\s+)*"
                       r"(?:[\w-]+\s+)?\Z")   # and one more word: 'repels large-scale militant attack'
_OTHER_SIDE = {"government": "opposition"}   # rebels fight each other too (SNA and SDF)
# joint operations of the state and its allies count as the government's (gold guidelines)
_JOINT = re.compile(r",?\s(?:together|along|jointly|in\s+cooperation|in\s+coordination)\s+with\s|,?\salongside\s")
_WIDE_ACTIONS = frozenset({"airstrike", "shelled", "attacked", "redeployed", "met"})
_WIDE_GAP = 14
_KINDS_BEFORE = re.compile(r"\b(?:towns|villages|cities|places|areas|localities|positions)\s+$", re.I)
_INSIDE_SEP = re.compile(r"\s+(?:on|in)\s+(?:the\s+)?")   # 'into Syrian territory on the Golan Heights'
_DATED_SEP = re.compile(r"\s+(?:(?:on|late|early|by|in\s+the\s+(?:early|small)\s+hours\s+of)\s+)+(?:\d{1,2}\s+)?"
                        r"[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,\s+|,?\s+and\s+)")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|around|inside|outside|across|on)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:(?:city|town|province)\s+of\s+)?$", re.I)
_FRONTED = re.compile(r"^(?:(?:In|At|Near|Outside|Inside|Across|Around)\b[^,]*,|[A-Z][A-Z’' -]+:)")
# a factbox heading ('HOMS CITY: Government forces held …') sets the scene like a fronted 'In Homs,'
_CAPS_GATE = re.compile(r"[A-Z]{4}")
_CAPS = re.compile(r"\b[A-Z][A-Z’'-]{3,}\b")
_LOWER = re.compile(r"[a-z]")
_SPACES = re.compile(r"(\s+)")
_CAPS_LOWER = re.compile(r"\b(?:PROVINCE|CITY|TOWN|GOVERNORATE|COUNTRYSIDE|AND|OF|THE)\b")
# words before a place that make it a reference point, not where the event is (checked on the last
# few words: a token test is much faster than a regex anchored at the end)
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "north-east", "northwest", "north-west",
                         "southeast", "south-east", "southwest", "south-west"})
_DESCRIPTIVE = frozenset({"stronghold", "strongholds", "bastion", "home", "birthplace", "headquarters", "base",
                          "bases", "heartland", "enclave"})
_POSSESSIVE_WORDS = frozenset({"their", "its", "his", "her", "our"})
_LINKERS = frozenset({"linking", "connecting", "between", "overlooking", "overlooks", "bordering", "opposite"})
_ROADS = frozenset({"road", "highway", "motorway", "route", "way"})
# 'towns on the M5 highway', 'pushed south along the M5 highway': a road after these locates, it is no event place
_ALONG = frozenset({"on", "along", "off", "astride", "beside"})
_STRIP = "“”\"‘’,.;:()"
_TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "with", "for", "against", "regarding"})
_ABROAD = frozenset({"foreign_city", "country"})
_CIVILIAN_ACTIONS = frozenset({"protested"})
_NEEDS_ACTOR = frozenset({"fled", "met"})   # civilians flee and meet too: only an actor makes it an event
_FROM_ACTIONS = frozenset({"withdrew", "fled", "lost_control", "released"})
_POSSESSIVE = re.compile(r"['’]s\b")
# 'Hama's northern approaches' is still Hama; 'Damascus's failure' is an actor, not a place
_PART_OF_PLACE = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?(?:outskirts|countryside|suburbs?|approaches|neighbourhoods?|districts?|airport|"
    r"cent(?:re|er)|streets|edges?|gates|defences|defenses|old city|main square|prison|entrances?|"
    r"north|south|east|west|frontlines?|front)\b")
# 'the Damascus suburb of Harasta', 'the Mezzeh district of Damascus': the larger place only locates the smaller
_PART_OF = re.compile(r"\s+(?:suburbs?|district|neighbou?rhood|quarter)\s+of\s+(?:the\s+)?"
                      r"(?:(?:northern|southern|eastern|western|central|north-western|north-eastern|south-western|"
                      r"south-eastern|northwestern|northeastern|southwestern|southeastern)\s+)?")
_SIZE = {"country": 0, "governorate": 1, "city": 2, "town": 3}
# 'the Astana Process', 'Suwayda 24', 'Aleppo Today TV': a meeting format or a news outlet named after a place
_NOT_A_PLACE_AFTER = re.compile(r"\s+(?:Forum|Process|format|Conference|Declaration|Accords?|Communiqu[ée]|24|FM|TV)\b")
_FACILITY_ANAPHOR = re.compile(r"\b(?:[Tt]he city['’]s|[Ii]ts)\s+(?P<first>" + FACILITY_KIND +
                               r")(?:,?\s+and\s+(?:its\s+|the\s+)?(?P<second>" + FACILITY_KIND + r"))?\b")
_ANAPHOR = re.compile(r"\b[Tt]he (city|town)(?=['’]s\b|\b)(?!\s+of\b)")
# 'Assad had left the country': in a Syrian story the country someone flees is Syria
_LEFT_COUNTRY = re.compile(r"\b(?:fled|flee|flees|fleeing|left|leave|leaves|leaving|escaped)\s+(?P<country>the\s+country)\b(?!['’])")
_ANAPHOR_TYPES = {"city": ("city",), "town": ("town", "village")}
# 'the dam', 'the air base': the facility of that kind named last ('fighting around the dam' after
# 'the Tishrin Dam'); not when the text locates it itself ('the airport of X', 'the base in Y')
_NAMED_KINDS = r"dam|airport|air\s?base|base|citadel|prison|crossing|bridge|port"
_KIND_ANAPHOR = re.compile(r"\b[Tt]he\s+(?:(?!of\b|and\b|city\b|town\b)[a-z0-9][\w-]*\s+){0,2}?"
                           r"(?P<kind>" + _NAMED_KINDS + r")\b"
                           r"(?![-’']|\s+(?:of|in|at|on|near|outside|road|point|points|post|gate|area|zone)\b)")
_KIND_RECENT = 6   # sentences an antecedent facility stays in mind
_IDIOM_AFTER = re.compile(r"\s+(?:contact|touch|track|sight|count|hope|patience|faith|confidence)\b")
_CITY_FACILITIES = ("airport", "citadel", "prison")   # 'the citadel' with no citadel named: the city's
_KIND_OF_NAME = re.compile(r"(?i)\b(" + _NAMED_KINDS + r")\Z")   # 'the Tishrin Dam' is a dam
_PARTICLES = frozenset({"over", "to", "off"})   # of phrasal verbs that can be passive: 'was taken over'
_BE = frozenset({"was", "were", "is", "are", "been", "being", "be"})
_IRREGULAR_PARTICIPLES = frozenset({"held", "hit", "struck", "lost", "cut", "left", "sent", "fought", "overrun", "laid"})
_PAST = _IRREGULAR_PARTICIPLES | {"took", "fell", "overran", "swept", "broke", "fled", "withdrew", "retook", "came",
                                   "drove", "won", "began", "met", "shot", "taken", "fallen", "driven"}
_OPENING_GAP = re.compile(r"[^,;:]*,\s+(?:the\s+)?")
_HARMS = frozenset({"attacked", "airstrike", "shelled", "clashed"})   # done to the speaker as often as by it
_GAINS = frozenset({"took_control", "entered", "reached", "breached", "encircled"})
_KIND = {a: kind for kind, actions in (
    ("gain", _GAINS | {"advanced_toward"}), ("harm", _HARMS - {"clashed"}),
    ("loss", {"lost_control", "withdrew", "redeployed"})) for a in actions}
# 'Blinken, who met', 'On Sunday, Awda met', 'Foreign Minister Ayman Safadi, who joined': at most six words
_SUBJECT = re.compile(r"(?:^|[,;:]\s+)(?P<who>[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?)(?:,\s+who)?"
                      r"(?:\s+(?:has|had|have|also|then|later|first|again|briefly))*\s+\Z")
_PERSON_SIDES = {"foreign government": "foreign", "government": "government", "opposition": "opposition",
                 "international": "international"}
# 'a sprawling army compound', 'a regime checkpoint': the side names whose place it is, not who acts
_THING_AFTER = re.compile(r"\s+(?:" + FACILITY_KIND + r"s?|checkpoints?|compounds?|bases?|positions?|posts?|outposts?|"
                          r"headquarters|barracks|depots?|sites?|targets?|facilit(?:y|ies)|installations?|"
                          r"strongholds?|lines)\b")
FALL_OF_DAMASCUS = "2024-12-08"   # Assad left; the HTS-led command took the capital (Wikipedia: Fall of the Assad regime)
# the powers that ran Syria's state from then on, as wire copy names them
_SUCCESSORS = re.compile(r"\b(?:new (?:authorities|administration|government|rulers)|caretaker (?:government|administration)|"
                         r"transitional (?:government|authorities)|interim government|General Security|"
                         r"(?:Department of )?Military Operations(?: Command| Department)?)\b")
_STATE_HEADS = re.compile(r"(?i)\b(?:security forces|security services|security personnel|authorities|"
                          r"interior ministry|ministry of interior|police)\b")
_KIND_WORD = re.compile(r"(?:\s+(?:city|town|village|camp|district))?")   # 'Al-Mayadin city in the …'
_LOCATOR = re.compile(r",?\s+in\s+the\s+(?:(?:[\w-]+\s+)?countryside\s+of\s+(?:the\s+)?)?\Z")
_RETREAT = re.compile(r"\b(?:retreat\w*|withdr[ae]w\w*|pull(?:ed|ing)? back|pushed back|driven back|collaps\w+)\b")
_RELATIVE_GAP = re.compile(r"^\s*,?\s*(?:that|which)\s+(?:\S+\s+){0,5}$")
_WHERE_CLAUSE = re.compile(r",\s+where\s[^,;:—–“”\"]{3,90},\s")
_WHERE_GAP = re.compile(r"\s*,\s*where\s+(?:[^\s,;:]+\s+){0,6}")   # 'from Damascus, where on Sunday he met'
_DESTINATION = re.compile(r"\s+(?:to|into|in|at|near|around|towards|toward)\s")   # 'were deployed to Hama'
_AGENT_GAP = re.compile(r"^\s*(?:(?:\w+\s+){0,2}(?:by|to)\s+(?:(?:former|local|allied|armed|other)\s+)?)?$")
# hypothetical triggers: a modal or intention word at most two words before ('would consider
# sending troops'), an expectation at most six ('expected the government in Damascus to fall')
_MODAL_HEADS = ["will", "would", "could", "might", "may", "must", "should", "can", "won't", "wouldn't", "due",
                "plan", "plans", "planning", "aim", "aims", "aiming", "vow", "threaten", "expect", "ready", "allowed",
                "try", "trying", "tried", "seek", "seeks", "seeking", "want", "wants", "prevent", "avoid", "whoever",
                "if", "unless", "without", "order", "hop", "fear", "predict", "likely", "unlikely", "is", "are",
                "as soon", "when", "once", "intend", "intention", "scheduled"]
_MODAL = re.compile(
    r"\b(?=" + trie_pattern(_MODAL_HEADS + [h.capitalize() for h in _MODAL_HEADS]) + r")(?i:(?:will|would|could|might|may|must|should|can|cannot|can't|"
    r"won't|wouldn't|due to|plans? to|(?:is|are) to|"
    r"planning to|aims? to|aiming to|vow(?:s|ed)? to|threaten(?:s|ed)? to|expected to|ready to|allowed to|"
    r"try(?:ing)? to|tried to|seeks? to|seeking to|wants? to|prevent\w*|avoid\w*|whoever|if|unless|without|order|"
    r"as soon as|intend(?:s|ed)? to|intention of|scheduled to)\b|(?P<when>when|once)\b"
    r"|(?P<expect>(?:expect\w*|hop(?:e|es|ed|ing)|fear\w*|predict\w*|likely|unlikely)\b))")
_MODAL_GAP = re.compile(r"(?:\s+[\w’'-]+){0,2}\s+")
_EXPECT_GAP = re.compile(r"(?:\s+[\w’'-]+){0,6}\s+")
# 'When we reach Damascus, we will free the prisoners': 'when' or 'once' with a future main clause
_FUTURE = re.compile(r"\b(?:will|would|could|can|might|may|shall)\b|['’]ll\b")
_MODAL_AFTER = re.compile(r"[\s“”\"‘’]*(?:might|would|could|may|will|should|must)\b")
# 'If the hill falls, Hama falls': a conditional sentence asserts nothing
_CONDITIONAL = re.compile(r"^[“\"‘']?(?:If|Unless|Should)\b")
_ORDERED = re.compile(r"\b(?:ordered|instructed|told|directed)\s+(?:the\s+|its\s+|his\s+|their\s+)?$")
_NEGATION = re.compile(r"\b(?:not|n't|never|no longer)(?:\s+\w+)?[\s“”\"‘’']+$|n't\s+$"   # "had 'not evacuated'"
                       r"|\bno\s+(?:[\w-]+\s+){0,2}(?:forces|troops|fighters|soldiers|units)\s+(?:had|have|has|were)\s+$",
                       re.I)   # 'no Iraqi forces had entered'
# '“Reports of IDF tanks advancing toward Damascus are false,”': a denial
_FALSE_REPORT = re.compile(
    r"\b[Rr]eports?\s+(?:of|that)\s+(?P<body>[^.;:]*?)\s+(?:are|were|is|was)\s+(?:\w+ly\s+)?[“\"‘']?"
    r"(?:false|fake|baseless|untrue|lies|incorrect|unfounded|fabricated|not true|wrong)\b")
# 'told reporters in Moscow': where something was said
_SAID_IN = re.compile(r"\b(?:said|says|told\s+\w+|speaking|spoke)\s+(?:in|at)\s+(?:the\s+)?$")
_QUESTION_WORDS = frozenset({"what", "who", "which", "where"})
_CLAUSE_WORDS = frozenset({"while", "when", "after", "before", "until", "whereas", "as"})
_AS_PHRASE = frozenset({"such", "well", "far"})   # 'such as', 'as well as', 'as far as' start no clause
_CONNECTIVE = re.compile(r"\b(?:after|as|when|while|before|that|which|until)\b")


@dataclass
class _Place:
    """A place mention of one sentence and what the text around it says about it."""
    match: PlaceMatch
    role: str = "event"       # event | reference | origin
    triggers: tuple = ()
    fronted: bool = False
    elided: bool = False      # 'took Aleppo on Nov. 30, Hama on Thursday': the verb is not repeated


def _uncapitalised(text: str, gaz: Gazetteer) -> str:
    """A factbox line ('IDLIB PROVINCE: …') with its capitalised names as the gazetteer writes them
    ('Idlib province'), and a headline in capitals ('TERRORISTS ENTER ALEPPO') in lower case with its
    places and actor names written as usual ('terrorists enter Aleppo'); same length."""
    if not _CAPS_GATE.search(text):
        return text
    if not _LOWER.search(text):
        titled = string.capwords(text, " ")
        lowered = "".join(w if w.strip(_STRIP).strip() and cue_info(w.strip(_STRIP).strip())[1] == "name" else w.lower()
                          for w in _SPACES.split(text))
        if len(titled) != len(text) or len(lowered) != len(text):
            return text
        for m in gaz.find(titled):
            lowered = lowered[:m.start] + titled[m.start:m.end] + lowered[m.end:]
        return lowered
    if ":" not in text[:60] or not _CAPS_GATE.search(text, 0, 60):
        return text
    return _CAPS.sub(lambda m: m.group().capitalize(), _CAPS_LOWER.sub(lambda m: m.group().lower(), text))


def _not_object(gap: str, country: bool) -> bool:
    """Does the gap between a trigger and a place say the place is not its object? A topic ('talks
    on Syria'), an agent ('agreed by Russia'), a question ('controls what in Syria') or a new clause
    ('push into Aleppo as Turkey calls for calm') or a reported clause ('declared that Damascus …')."""
    words = gap.split()
    return bool(words) and ((country and words[-1] in _TOPIC_PREPOSITIONS) or "by" in (words[0], words[-1])
                            or words[0] in _QUESTION_WORDS or words[0] == "that" or _new_clause(words))


def _new_clause(words: list[str]) -> bool:
    """Does a conjunction start a new clause among `words` ('as', but not 'such as', 'as far as')?"""
    if _CLAUSE_WORDS.isdisjoint(words):
        return False
    for i, w in enumerate(words):
        if w in _CLAUSE_WORDS and (w != "as" or not _AS_PHRASE.intersection(words[max(0, i - 1):i + 2])):
            return True
    return False


def _words(text: str) -> int:
    return len(text.split())


def _gap_words(gap: str) -> int:
    """Words between a trigger and its place, not counting the words that name the kind of place
    ('took the desert city of Palmyra', 'taken more than a dozen villages, including Sheikh Aqil')."""
    n = _words(gap)
    if n > 1 and (" of " in gap or "capital" in gap or "includ" in gap or "such as" in gap or "among" in gap):
        kind = _PLACE_KIND_TAIL.search(gap)
        if kind:
            return _words(gap[:kind.start()])
    return n


class _Sentence:
    """Everything found in one sentence, in sentence-relative offsets."""

    def __init__(self, sentence, text: str, found: list[PlaceMatch], gaz: Gazetteer, vocab: Vocabulary,
                 antecedents: dict):
        self.s = sentence
        self.text = text
        self.places = [_Place(m if text is sentence.text else replace(m, place_text=sentence.text[m.start:m.end]))
                       for m in found if not _NOT_A_PLACE_AFTER.match(text, m.end)
                       and cue_info(text[m.start:m.end])[1] != "agency"]   # 'Al Mayadeen reported': a broadcaster
        if "its " in text or "city" in text:
            self._facility_anaphora(gaz, antecedents)
        self._anaphora(antecedents)
        if " country" in text:
            self._left_country(antecedents)
        if "he " in text:
            self._kind_anaphora(gaz, antecedents)
        self.triggers = []
        conditional = _CONDITIONAL.match(text)
        triggers = vocab.find(text) if not conditional and (self.places or possible(text)) else []
        if triggers and "los" in text:   # 'lost contact with relatives in Aleppo': an idiom, no loss of a place
            triggers = [t for t in triggers if not (t.action.action == "lost_control" and _IDIOM_AFTER.match(text, t.end))]
        if not triggers and self.places:
            triggers = _headline_position(text, vocab)
        if triggers:
            extra = unlisted(text, [p.match for p in self.places], triggers)
            self.places = [p for p in self.places if not any(
                covers((e.start, e.end), (p.match.start, p.match.end)) for e in extra)] + [_Place(m) for m in extra]
            self.places.sort(key=lambda p: p.match.start)
        if not self.places:
            return
        modals = list(_MODAL.finditer(text)) if triggers else ()
        self.triggers = [t for t in triggers if not any(
            m.end() <= t.start and (_EXPECT_GAP if m.group("expect") else _MODAL_GAP).fullmatch(text, m.end(), t.start)
            and (not m.group("when") or _present(t) and _FUTURE.search(text, t.end)) for m in modals)]
        if not self.triggers:
            return
        for p in self.places:
            self._classify(p, gaz)
        for a, b in zip(self.places, self.places[1:]) if " of " in text else ():
            if _PART_OF.fullmatch(text, a.match.end, b.match.start):
                bigger = min((a, b), key=lambda q: _SIZE.get(q.match.place.place_type, 4))
                bigger.role = "reference"

    def _anaphora(self, antecedents) -> None:
        """'the city' is the last city named before it in the sentence, else the first one named in
        the last sentence that named one (the main place of that sentence); 'the town' likewise."""
        if "he city" not in self.text and "he town" not in self.text:
            return
        taken = [(p.match.start, p.match.end) for p in self.places]
        for m in _ANAPHOR.finditer(self.text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            earlier = [p.match.place for p in self.places
                       if p.match.end <= m.start() and p.match.place.place_type in SETTLEMENT_TYPES + ("village",)]
            place = earlier[-1] if earlier else antecedents.get(m.group(1))
            if place:
                self.places.append(_Place(PlaceMatch(m.start(), m.end(), m.group(), place)))
        self.places.sort(key=lambda p: p.match.start)

    def _left_country(self, antecedents) -> None:
        """The country someone leaves or flees ('Assad had left the country') is Syria."""
        taken = [(p.match.start, p.match.end) for p in self.places]
        for m in _LEFT_COUNTRY.finditer(self.text):
            if not any(a <= m.start("country") < b for a, b in taken):
                self.places.append(_Place(PlaceMatch(*m.span("country"), m.group("country"), antecedents["country"])))
        self.places.sort(key=lambda p: p.match.start)

    def _kind_anaphora(self, gaz: Gazetteer, antecedents) -> None:
        """'the dam', 'the 13th-century citadel': the facility of that kind named last, in this
        sentence or before; with none named, the citadel, airport or prison of the city named last
        when the gazetteer lists it ('Aleppo Citadel')."""
        taken = [(p.match.start, p.match.end) for p in self.places]
        for m in _KIND_ANAPHOR.finditer(self.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            before = [p for p in self.places if p.match.end <= m.start()]
            if before and self.text[before[-1].match.end:m.start()].strip() == ",":
                continue   # 'Al-Bukamal, the main crossing point': an apposition names its own place
            kind = _facility_kind(m.group("kind"))
            earlier = [p.match.place for p in before if _facility_kind_of(p.match) == kind]
            named, index = antecedents.get(("facility", kind), (None, -_KIND_RECENT))
            place = earlier[-1] if earlier else named if self.s.index - index <= _KIND_RECENT else None
            if place is None and kind in _CITY_FACILITIES:
                cities = [p.match.place for p in self.places
                          if p.match.end <= m.start() and p.match.place.place_type in SETTLEMENT_TYPES]
                city = cities[-1] if cities else antecedents.get("city")
                own = gaz.resolve(f"{city.name} {kind}") if city else None
                place = own if own is not None and own != city else None
            if place:
                self.places.append(_Place(PlaceMatch(m.start(), m.end(), m.group(), place)))
        self.places.sort(key=lambda p: p.match.start)

    def _facility_anaphora(self, gaz: Gazetteer, antecedents) -> None:
        """'seized the city's international airport', 'took Aleppo, including its airport and
        citadel': the facility of the last city named (the gazetteer's own entry when it lists it)."""
        taken = [(p.match.start, p.match.end) for p in self.places]
        for m in _FACILITY_ANAPHOR.finditer(self.text):
            earlier = [p.match.place for p in self.places
                       if p.match.end <= m.start() and p.match.place.place_type in SETTLEMENT_TYPES]
            city = earlier[-1] if earlier else antecedents.get("city")
            if not city:
                continue
            for group in ("first", "second"):
                start, end = m.span(group)
                if start < 0 or any(a < end and start < b for a, b in taken):
                    continue
                kind = " ".join(m.group(group).lower().split())
                place = gaz.resolve(f"{city.name} {kind}") or city
                mention = self.text[m.start() if group == "first" else start:end]
                self.places.append(_Place(PlaceMatch(end - len(mention), end, mention, place, kind)))
        self.places.sort(key=lambda p: p.match.start)

    def _classify(self, p: _Place, gaz: Gazetteer) -> None:
        m, text = p.match, self.text
        w = [x.strip(_STRIP) for x in text[max(0, m.start - 60):m.start].lower().split()[-7:]]
        if w and w[-1] == "the":
            w.pop()
        last, prev = (w[-1] if w else ""), (w[-2] if len(w) > 1 else "")
        if ((last == "of" and prev in _DIRECTIONS and (len(w) < 3 or w[-3] != "the"))   # 'north of the capital'
                or (last in ("in", "of") and prev in _DESCRIPTIVE and _POSSESSIVE_WORDS & set(w[-5:-2])
                    and not any(0 <= m.start - t.end <= 4 for t in self.triggers))   # 'left their headquarters in'
                or last in _LINKERS or (last in ("to", "with", "and") and _LINKERS & set(w[-5:-1]))
                or (last == "to" and prev in _ROADS)
                or (last in _ALONG and m.place.name.rsplit(None, 1)[-1].lower() in _ROADS)):
            p.role = "reference"     # 'their stronghold in Idlib', 'the highway linking Aleppo to Damascus'
        elif text[m.end:m.end + 1] in "'’" and _POSSESSIVE.match(text, m.end) and (
                m.place.place_type == "country" or not _PART_OF_PLACE.match(text, m.end)):
            p.role = "reference"     # 'Syria's Hader area', 'Russia's foreign minister'
        elif "from" in (last, prev) and not any(
                t.end <= m.start and m.start - t.end < 16 and t.text.lower().endswith("from")
                and t.action.action != "redeployed" for t in self.triggers):   # 'moved from X to Y': Y
            p.role = "origin"        # 'launched the offensive from Idlib' (but 'withdrew from Hama')
        locator = (_LOCATOR.search(text, max(0, m.start - 60), m.start)
                   if "countryside" in text[max(0, m.start - 40):m.end] else None)
        if (locator and "countryside" in text[locator.start():m.end]
                and any(_KIND_WORD.fullmatch(text, q.match.end, locator.start()) for q in self.places)):
            p.role = "reference"     # 'Kafr Nabl and Hish in the southern countryside of Idlib': Idlib only locates
        if last == "of" and prev == "countryside" and m.place.place_type in SETTLEMENT_TYPES:
            province = gaz.resolve(m.place.name, "governorate")
            if province:
                p.match = replace(m, place=province)

    def associate(self) -> None:
        """Give each event place the triggers that govern it (see the module docstring)."""
        text, triggers = self.text, self.triggers
        fronted = _FRONTED.match(self.s.text)   # a heading is matched as written
        previous: _Place | None = None
        for p in self.places:
            if p.role == "reference":
                continue
            m = p.match
            listed = previous is not None and not any(previous.match.end <= t.start < m.start for t in triggers)
            if listed and previous.triggers and _LIST_SEP.fullmatch(text, previous.match.end, m.start):
                p.triggers, p.fronted = previous.triggers, previous.fronted   # not '…, Homs and reached Damascus'
            elif (listed and previous.triggers and previous.match.place.place_type == "country"
                  and _INSIDE_SEP.fullmatch(text, previous.match.end, m.start)):
                p.triggers = previous.triggers   # a place inside the country is the event's place too
            elif previous and previous.triggers and _DATED_SEP.fullmatch(text, previous.match.end, m.start):
                p.triggers, p.fronted, p.elided = previous.triggers, previous.fronted, True
                previous.elided = True
            else:
                p.triggers = self._governing(p)
                if fronted and m.end <= fronted.end():
                    p.fronted = True
                    p.triggers = tuple(t for t in triggers if t.start >= fronted.end())
                    abroad = m.place.place_type in _ABROAD
                    said = REPORTING.search(text, fronted.end()) if abroad else None
                    if said and (not p.triggers or said.start() < p.triggers[0].start):
                        p.triggers = ()   # 'In Washington, officials said US forces struck …': where it was said
            if _MODAL_AFTER.match(text, m.end):
                p.triggers = ()   # 'pulling out from Syria might be the best thing': hypothetical
            if p.role == "origin":
                p.triggers = tuple(t for t in p.triggers if t.action.action in _FROM_ACTIONS)
            p.triggers += tuple(t for t in self._where(p) if t not in p.triggers)
            if p.triggers:
                previous = p
        # 'QUNEITRA: Rebels entered the town of Khan Arnabah': a trigger with a place of its own is not the scene's
        for p in self.places:
            if p.fronted:
                own = {id(t) for q in self.places if not q.fronted and q.match.place != p.match.place
                       for t in q.triggers}
                p.triggers = tuple(t for t in p.triggers if id(t) not in own)
        self._orphans()

    def _governing(self, p: _Place) -> tuple:
        m, text = p.match, self.text
        country = m.place.place_type == "country"
        before = [t for t in self.triggers if t.end <= m.start]
        first = self.triggers[0]
        if (before and (first.action.place_role == "subject" or text.startswith(" by ", first.end))
                and _words(text[:first.start]) <= 1 and _OPENING_GAP.fullmatch(text, first.end, m.start)):
            return (first,)   # 'Entirely held by the rebels since 2015, Idlib …': the opening clause's subject
        if before and "," in text[before[-1].end:m.start]:
            # 'after two days of fighting, and the town of Maardes fell to them': the place is the
            # subject of the verb right after it, not the object of one before a comma
            following = next((t for t in self.triggers if t.start >= m.end), None)
            if (following and (following.action.place_role == "subject" or self._passive(following))
                    and _words(text[m.end:following.start]) <= 2 and not CLAUSE_BREAK.search(text, m.end, following.start)):
                return (following,)
        if before:
            t = before[-1]
            gap = text[t.end:m.start]
            limit = min(t.action.max_gap, 2) if country else t.action.max_gap
            listed = ("includ" in gap and _INCLUDE_GAP.fullmatch(gap)
                      and _KINDS_BEFORE.search(text, max(0, t.start - 30), t.start))
            if not listed and not country and _words(gap) > limit:
                # 'deployed troops along the border, including around Hermel'; 'struck depots and
                # armoured vehicles of the militants in the areas of Saraqib': a longer object that
                # ends in the list or the place where it happened
                tail = _INCLUDING_TAIL.search(gap) or (t.action.action in _WIDE_ACTIONS and _LOCATIVE_TAIL.search(gap))
                listed = bool(tail) and _words(gap[:tail.start()]) <= _WIDE_GAP
            if (t.action.place_role == "object" and (listed or _gap_words(gap) <= limit)
                    and (not self._passive(t) or _DESTINATION.match(gap) or t.text.endswith(" to"))
                    and not CLAUSE_BREAK.search(gap) and not _not_object(gap, country)):
                chain = [t]
                for earlier in reversed(before[:-1]):
                    between = text[earlier.end:chain[-1].start]
                    if (earlier.action.place_role != "object" or _words(between) > 8
                            or re.search(r"[,;]|\band\b", between) or CLAUSE_BREAK.search(between)
                            or _new_clause(between.split())):
                        break
                    chain.append(earlier)
                return tuple(reversed(chain))
        list_end = self._list_end(p)
        where = _WHERE_CLAUSE.match(text, list_end)   # 'Saraqeb, where the M5 meets the M4, fell to …'
        for t in self.triggers:
            if t.start < (where.end() if where else list_end):
                continue
            gap = text[list_end:t.start]
            if list_end > m.end and _DASH_CLOSE.match(gap):
                gap = gap[_DASH_CLOSE.match(gap).end():]   # '— Jaramana, Sahnaya, Douma — fell to the rebels'
            if (t.action.place_role == "subject" or self._passive(t)) and _APPOSITION.fullmatch(gap):
                # 'The Nasib crossing, Syria's main trade artery with Jordan, was captured': the
                # apposition's places only describe the subject
                for q in self.places:
                    if m.end < q.match.start < t.start:
                        q.role = "reference"
                return (t,)
            if CLAUSE_BREAK.search(gap) or _words(gap) > 8:
                break
            if (t.action.place_role == "subject" or self._passive(t)) and _words(gap) <= t.action.max_gap:
                return (t,)
            if t.action.place_role == "object" and _RELATIVE_GAP.match(gap):
                return (t,)
            if (not country and _LOCATIVE_BEFORE.search(text, max(0, m.start - 40), m.start)
                    and not _SAID_IN.search(text, max(0, m.start - 30), m.start)
                    and t.action.place_role == "object" and not self._has_own_place(t)):
                return (t,)
            break
        return ()

    def _where(self, p: _Place) -> tuple:
        """The trigger of a relative clause on the place: 'arrived from Damascus, where he met Assad'."""
        if ", where " not in self.text[p.match.end:p.match.end + 9]:
            return ()
        return tuple(t for t in self.triggers if t.start > p.match.end
                     and _WHERE_GAP.fullmatch(self.text, p.match.end, t.start))[:1]

    def _passive(self, t: Trigger) -> bool:
        return _passive(self.text, t)

    def _list_end(self, p: _Place) -> int:
        """Where the list of places that `p` opens ends ('Jaramana, Sahnaya and Douma'): the end of
        its last place (p's own end when it opens none)."""
        end, items, joined = p.match.end, 1, False
        for q in self.places:
            if q.match.start >= end and q.match.start - end <= 8:
                sep = _LIST_GAP.fullmatch(self.text, end, q.match.start)
                if not sep or q.role == "reference":
                    break
                end, items, joined = q.match.end, items + 1, joined or "and" in sep.group()
        # two names and a comma may be an apposition ('the Nasib crossing, Syria's …')
        return end if joined or items >= 3 else p.match.end

    def _has_own_place(self, t: Trigger) -> bool:
        return any(p.match.start >= t.end and _words(self.text[t.end:p.match.start]) <= t.action.max_gap
                   and not CLAUSE_BREAK.search(self.text[t.end:p.match.start]) for p in self.places)

    def _orphans(self) -> None:
        """'took control of Deir ez-Zor city after government troops withdrew': a trigger with no
        place of its own in a clause introduced by after/as/that takes the place before it."""
        used = {id(t) for p in self.places for t in p.triggers}
        for t in self.triggers:
            if id(t) in used or self._has_own_place(t):
                continue
            before = [p for p in self.places if p.triggers and p.match.end <= t.start]
            if not before:
                continue
            p = before[-1]
            gap = self.text[p.match.end:t.start]
            if _words(gap) <= 12 and _CONNECTIVE.search(gap) and not CLAUSE_BREAK.search(gap):
                p.triggers = p.triggers + (t,)


def extract_events(doc, scorer: PlaceScorer | None = None, sides: SideScorer | None = None) -> list[dict]:
    """Event rows of one document, in body order, with the columns of schema.TABLES['events']
    (`scorer`: the second look at places no trigger governs; `sides`: the second opinion on each
    row's side; by default the committed models).

    Speed: the gazetteer and the trigger matcher run once per sentence; speakers, actors and
    dates are only worked out for sentences that have an event place."""
    gaz, vocab = Gazetteer.load(), Vocabulary.load()
    scorer = scorer or PlaceScorer.load()
    claims = Claims(doc, lambda words: bool(vocab.find(words)))
    texts = [_uncapitalised(s.text, gaz) for s in doc.sentences]
    actors = ActorIndex(doc, lambda text: [t.start for t in vocab.find(text)] +
                        [m.start() for m in REPORTING.finditer(text)], texts)
    dates = _DocumentDates(doc)
    # 'city'/'town' -> the place 'the city'/'the town' refers to; 'country' -> Syria;
    # ('facility', kind) -> (the facility of that kind named last, the index of its sentence)
    antecedents: dict = {"country": gaz.resolve("Syria", "country")}
    rows: list[dict] = []
    found = [gaz.find(text) for text in texts]
    learned = _LearnedPlaces(texts, found)
    lead: tuple[int, list[dict]] | None = None   # (last sentence index, row templates) of a list's lead
    for s, text, places in zip(doc.sentences, texts, found):
        sent = _Sentence(s, text, learned.add(text, places), gaz, vocab, antecedents)
        if lead and s.index == lead[0] + 1 and not sent.triggers:
            names = names_line(text, [p.match for p in sent.places])
            if names:
                rows.extend(_listed_row(t, s, m) for t in lead[1] for m in names)
                lead = (s.index, lead[1])
                continue
        lead = None
        if text.rstrip().endswith(":"):
            templates = _lead_templates(doc, s, text, sent, vocab, actors, claims, dates)
            lead = (s.index, templates) if templates else None
        if not sent.places:
            continue
        for word, types in _ANAPHOR_TYPES.items():
            named = [p.match.place for p in sent.places if p.match.place.place_type in types]
            if named:
                antecedents[word] = named[0]
        for p in sent.places:
            if kind := _facility_kind_of(p.match):
                antecedents[("facility", kind)] = (p.match.place, s.index)
        if not sent.triggers:
            continue
        sent.associate()
        second = _second_look(sent, scorer)
        if not second and not any(p.triggers for p in sent.places):
            continue
        frames = claims.frames(s.index)
        actors.phrases(s.index, [t.start for t in sent.triggers] + [f.verb_start - s.start for f in frames],
                       [t.end for t in sent.triggers])
        mentions, carried = dates.of(s)
        history = is_history(s.text, doc.published)
        for p in sent.places:
            for t in p.triggers:
                row = _row(doc, s, p, t, sent.triggers, actors, frames, mentions, carried, history)
                if row:
                    rows.append(row)
        for p, t in second:
            row = _row(doc, s, p, t, sent.triggers, actors, frames, mentions, carried, history)
            if row:
                rows.append(row | {"rule": "learned-scorer"})
    rows = _dedupe(rows)
    _document_sides(rows)
    _learned_sides(doc, rows, actors, sides or SideScorer.load())
    rows.sort(key=lambda r: (r["start"], r["end"], r["place"]))
    for n, row in enumerate(rows, start=1):
        row["event_id"] = f"{doc.doc_id}-e{n:03d}"
    cols = columns("events")
    return [{c: row.get(c) for c in cols} for row in rows]


def _facility_kind(word: str) -> str:
    """'air base', 'airbase' and 'base' are one kind; other kinds are their word."""
    word = word.lower()
    return "base" if word.endswith("base") else word


def _facility_kind_of(m: PlaceMatch) -> str:
    """The kind of facility a mention names ('the Tishrin Dam': dam), or ''."""
    k = _KIND_OF_NAME.search(m.place_text) or _KIND_OF_NAME.search(m.place.name)
    return _facility_kind(k.group(1)) if k else ""


_NOWHERE = _Place(PlaceMatch(0, 0, "", Place("", "", "", "", "", "", None, None)))


def _lead_templates(doc, s, text: str, sent: _Sentence, vocab: Vocabulary, actors: ActorIndex, claims: Claims,
                    dates: _DocumentDates) -> list[dict]:
    """Rows, but for their place, of a line that ends in a colon after a trigger with no place
    ('SNA fighters entered the following villages:'): the names listed under it are its places."""
    triggers = [t for t in (sent.triggers or vocab.find(text))
                if not any(p.match.start >= t.end for p in sent.places)]
    if not triggers:
        return []
    frames = claims.frames(s.index)
    actors.phrases(s.index, [t.start for t in triggers] + [f.verb_start - s.start for f in frames],
                   [t.end for t in triggers])
    mentions, carried = dates.of(s)
    history = is_history(s.text, doc.published)
    nowhere = replace(_NOWHERE, match=replace(_NOWHERE.match, start=len(text), end=len(text)))
    rows = (_row(doc, s, nowhere, t, triggers, actors, frames, mentions, carried, history) for t in triggers)
    return [r for r in rows if r]


def _listed_row(template: dict, s, m: PlaceMatch) -> dict:
    """The row of a name listed under a lead line: the lead's act, actor, status and date there."""
    place = m.place
    return template | {
        "place": place.name, "place_text": m.place_text, "place_type": place.place_type, "admin1": place.admin1,
        "lat": place.lat, "lon": place.lon, "km_to_damascus": _km_to_damascus(place), "extent": "",
        "distance_km": None, "distance_from": "", "sentence_index": s.index, "sentence": s.text,
        "start": s.start + m.start, "end": s.start + m.end, "rule": "listed-under-lead", "_trigger": m.start}


def _document_sides(rows: list[dict]) -> None:
    """An event with no actor ('Saraqeb falls', 'was captured by midday') takes the side that does
    most of the same kind of act in the article, when one side does at least two thirds of it."""
    counts: dict = {}
    for r in rows:
        if r["actor_side"] != "unknown" and r["action"] in _KIND:
            counts.setdefault(_KIND[r["action"]], Counter())[r["actor_side"]] += 1
    for r in rows:
        kind = _KIND.get(r["action"])   # None for acts of no kind ('met', 'fled'): never guessed
        if r["actor_side"] == "unknown" and not r["actor"] and kind in counts:
            (side, n), total = counts[kind].most_common(1)[0], sum(counts[kind].values())
            if n >= 2 and 3 * n >= 2 * total:
                r["actor_side"], r["rule"] = side, r["rule"] + "+document-side"


def _learned_sides(doc, rows: list[dict], actors: ActorIndex, scorer: SideScorer) -> None:
    """The side scorer's word on each row (see `side_scorer`), read around its trigger (around its
    place when listed under a lead); a changed row's actor is the sentence's phrase of its new side
    nearest the trigger, else its own words if they named no side ('gunmen'), else none."""
    shares = side_shares(rows)
    for r in rows:
        base = doc.sentences[r["sentence_index"]].start
        phrases = sided(actors.phrases(r["sentence_index"]))
        side = scorer.side(side_features(r, r["_trigger"], phrases, shares, base), r)
        if side != r["actor_side"]:
            actor = nearest_of_side(phrases, side, base + r["_trigger"])
            if actor or r["actor_side"] != "unknown":
                r["actor"] = actor.text if actor else ""
            r.update(actor_side=side, rule=r["rule"] + LEARNED)


def _second_look(sent: _Sentence, scorer) -> list[tuple[_Place, Trigger]]:
    """The places no trigger governs that the scorer takes for event places (one mention per
    place, and none of a place that has a governed mention), each with its nearest trigger."""
    seen = {p.match.place.name for p in sent.places if p.triggers}
    has_rows, out = bool(seen), []
    for p in sent.places:
        m = p.match
        if m.place.name in seen:
            continue
        seen.add(m.place.name)
        if scorer.keep(features(sent.text, m.start, m.end, m.place.place_type, p.role, sent.triggers, has_rows),
                       (sent.s, m)):
            out.append((p, nearest(sent.triggers, m.start, m.end)))
    return out


def _headline_position(text: str, vocab: Vocabulary) -> list[Trigger]:
    """A headline with no verb that puts an armed side at a place ('Rebels in northern Homs',
    'Israeli troops at Quneitra'): the preposition is the trigger, 'in' an entry, 'at' a reach."""
    h = _HEADLINE_POSITION.match(text)
    if not h or len(text.split()) > 8 or side_of(h.group("actor")) == "unknown":
        return []
    action = vocab.actions["entered" if h.group("prep") in ("in", "inside", "into") else "reached"]
    return [Trigger(h.start("prep"), h.end("prep"), h.group("prep"), action, False)]


class _LearnedPlaces:
    """Places the gazetteer lacks, learnt from a place-introducing context anywhere in the document
    ('pushed into the nearby town of Qamhana'), so that their other mentions are places too (the
    headline 'Insurgents push into Qamhana')."""

    def __init__(self, texts: list[str], found: list[list[PlaceMatch]]):
        self.places: dict[str, object] = {}
        for text, known in zip(texts, found):
            if possible(text):
                for m in unlisted(text, known, ()):
                    self.places.setdefault(m.place_text, m.place)
        self._regex = re.compile(r"(?<![\w’'-])(?:" + trie_pattern(list(self.places)) + r")(?![\w’'-])") \
            if self.places else None

    def add(self, text: str, known: list[PlaceMatch]) -> list[PlaceMatch]:
        """`known` with the learnt places of `text` that overlap none of them (or replace one that
        are part of them: 'New Aleppo'), in text order."""
        if self._regex is None:
            return known
        extra = [PlaceMatch(m.start(), m.end(), m.group(), self.places[m.group()]) for m in self._regex.finditer(text)
                 if not any(k.start < m.end() and m.start() < k.end and not covers(m.span(), (k.start, k.end))
                            for k in known)]
        if not extra:
            return known
        known = [k for k in known if not any(covers((e.start, e.end), (k.start, k.end)) for e in extra)]
        return sorted(known + extra, key=lambda k: k.start)


class _DocumentDates:
    """Date mentions of the whole body, found in one pass, and the date each sentence inherits."""

    def __init__(self, doc):
        starts = [s.start for s in doc.sentences]
        ends = [s.end for s in doc.sentences]

        def in_sentence(m):
            k = bisect.bisect_right(starts, m.start) - 1
            return k >= 0 and m.end <= ends[k]

        self.mentions = [m for m in date_mentions(doc.body, doc.published) if in_sentence(m)]
        self._starts = [m.start for m in self.mentions]
        self._carried = [doc.published]   # _carried[k]: the last date given by the first k mentions
        for m in self.mentions:
            self._carried.append(m.date if m.date and m.carries else self._carried[-1])

    def of(self, s) -> tuple[list, str]:
        """(mentions inside sentence s, the date carried from before it: the last one the article
        gave, else the publication date)."""
        a = bisect.bisect_left(self._starts, s.start)
        b = bisect.bisect_left(self._starts, s.end)
        return self.mentions[a:b], self._carried[a]


_km_to_damascus = functools.lru_cache(maxsize=None)(km_to_damascus)


def _dedupe(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        key = (r["sentence_index"], r["_trigger"], r["place"])
        # 'tightened its grip on Saraqeb, which it seized': one capture of one place
        held = (r["sentence_index"], r["action"], r["place"]) if r["action"] == "took_control" else key
        if key not in seen and held not in seen:
            seen.update((key, held))
            out.append(r)
    return out


def _row(doc, s, p: _Place, t: Trigger, triggers, actors: ActorIndex, frames, mentions, carried,
         history) -> dict | None:
    m, text = p.match, s.text
    place = m.place
    frame = frame_at(frames, s.start + t.start)
    actor = _actor(t, s, actors, frame)
    if actor is None and t.action.action in _NEEDS_ACTOR:
        actor = _person_subject(s, t)
    if (actor and actor.side == "government" and _STATE_HEADS.search(actor.text)
            and _after_the_fall(doc.published, doc.body)):
        actor = replace(actor, side="opposition")   # the new authorities' security forces, not Assad's
    if actor and actor.neutral and t.action.action in _HARMS and (t.nominal or _passive(text, t)):
        actor = None   # 'civilians were killed in raids on Idlib': the victims, not the raiders
    if (actor.neutral if actor else t.action.action in _NEEDS_ACTOR) and t.action.action not in _CIVILIAN_ACTIONS:
        return None   # 'thousands of people fled Homs', 'many have fled towards Hama', 'a meeting in Beirut'
    if place.place_type in _ABROAD and (t.action.action == "advanced_toward" or (
            t.action.action == "redeployed" and (not actor or actor.side == "unknown"))):
        return None   # 'had moved on to Moscow', 'he left for Ankara': no offensive or unknown force abroad
    negated = bool(_NEGATION.search(text, max(0, t.start - 24), t.start)) or any(
        f.start("body") <= t.start < f.end("body") for f in _FALSE_REPORT.finditer(text))
    if negated or (frame and frame.denied):
        status = "denied"
    elif frame and not is_agency(frame.claimer):
        status = "claimed"
    else:
        status = "reported"
    date, date_text = _date(s, t, mentions, carried, history, m.end if p.elided else None)
    distance_km, distance_from = distance(text, t.text, m.end, place.name)
    start, end = min(t.start, m.start), max(t.end, m.end)
    return {
        "doc_id": doc.doc_id, "date": date, "date_text": date_text,
        "actor": actor.text if actor else "", "actor_side": actor.side if actor else "unknown",
        "action": t.action.action, "action_text": t.text,
        "acled_event_type": t.action.acled_event_type, "acled_sub_event_type": t.action.acled_sub_event_type,
        "place": place.name, "place_text": m.place_text, "place_type": place.place_type,
        "admin1": place.admin1, "lat": place.lat, "lon": place.lon, "km_to_damascus": _km_to_damascus(place),
        "extent": extent(text, t.end, m.start, next((u.start for u in triggers if u.start > t.start), len(text)))
        or m.qualifier,
        "distance_km": distance_km, "distance_from": distance_from,
        "status": status, "claimed_by": frame.claimer if frame else "",
        "sentence_index": s.index, "sentence": text, "start": s.start + start, "end": s.start + end,
        "rule": _rule(t, p), "_trigger": t.start,
    }


def _passive(text: str, t: Trigger) -> bool:
    """'was captured', 'was taken over' (but not 'were advancing', 'being granted asylum')."""
    word = t.text.lower()
    if " " in word:
        word, _, rest = word.partition(" ")
        if rest.rpartition(" ")[2] not in _PARTICLES:
            return False
    if not (word.endswith(("ed", "en", "wn")) or word in _IRREGULAR_PARTICIPLES):
        return False
    before = text[max(0, t.start - 24):t.start].replace("“", " ").replace('"', " ").split()[-2:]   # 'been “liberated”' 
    return bool(before) and (before[-1] in _BE or (len(before) == 2 and before[-1].endswith("ly")
                                                   and before[0] in _BE))


def _present(t: Trigger) -> bool:
    """'reach', 'take' (not 'took', 'seized'): a trigger that can speak of the future."""
    word = t.text.split(None, 1)[0].lower()
    return not word.endswith("ed") and word not in _PAST


def _rule(t: Trigger, p: _Place) -> str:
    if p.fronted:
        return "fronted-locative"
    if t.end <= p.match.start:
        return "trigger-before-place"
    return f"place-before-{t.action.place_role}-trigger"


def _actor(t: Trigger, s, actors: ActorIndex, frame: Frame | None) -> ActorPhrase | None:
    """Who did it: the agent after a passive ('fell to the rebels'), the subject before an active
    trigger (pronouns resolved), the phrase right before a nominal one, else the first phrase after."""
    base, text = s.start, s.text
    speaker = frame.claimer if frame else ""
    t0, t1 = base + t.start, base + t.end
    # 'told AFP': a channel; 'a regime checkpoint': an owner; 'residents said shelling …': a
    # neutral speaker tells of the act, it does not do it
    phrases = [a for a in actors.phrases(s.index)
               if not is_agency(a.text) and not _THING_AFTER.match(text, a.end - base)
               and not (a.neutral and frame and a.end <= frame.verb_start < t0)]
    said_after = bool(frame) and frame.verb_start > t0
    after = [a for a in phrases if a.start >= t0 and not a.pronoun]
    passive = t.action.place_role == "subject" or text.startswith(" by ", t.end) or (
        _passive(text, t) and not _DESTINATION.match(text, t.end) and t.action.action != "fled")   # 'driven to': Assad
    repelled = _REPELLED.search(text, max(0, t.start - 40), t.start)
    if passive or t.nominal or (repelled and t.action.action == "attacked"):   # 'repels militant attack'
        for a in after:
            if a.start < t1 or _AGENT_GAP.match(text[t.end:a.start - base] + " "):
                return a
        if passive:   # 'Rebels said Damascus had been liberated': no agent, the speaker's own side
            side = actors.speaker_side(speaker) if t.action.action not in _HARMS else "unknown"
            if frame and frame.denied:   # 'the ministry denied that Zain al-Abidin had fallen'
                side = _OTHER_SIDE.get(side, "unknown")
            return ActorPhrase(t0, t0, speaker, side, True) if side != "unknown" else None
        adjacent = [a for a in phrases if a.end <= t0 and _words(text[a.end - base:t.start].replace("’s", "")) <= 1]
        if adjacent:
            return _resolve(adjacent[-1], actors, s.index, speaker, said_after)
        defenders = [a for a in phrases if a.end <= base + (repelled.start() if repelled else 0)
                     and not a.object_position]
        if repelled and defenders:   # 'the army said units had repelled an attack on Qatana': the other side's
            side = _resolve(defenders[-1], actors, s.index, speaker, said_after).side
            if side in _OTHER_SIDE:
                return ActorPhrase(t0, t0, "", _OTHER_SIDE[side], True)
        return None
    first = t.text.split(None, 1)[0].lower()
    adjacent = [a for a in phrases if a.end <= t0 and not text[a.end - base:t.start].strip()]
    if adjacent and first in t.action.nouns:   # 'government shelling', 'Russian air strikes'
        return _resolve(adjacent[-1], actors, s.index, speaker, said_after)
    subjects = [a for a in phrases if a.end <= t0 and not a.object_position]
    if subjects:
        actor = _resolve(subjects[-1], actors, s.index, speaker, said_after)
        if (subjects[-1].pronoun and actor.side == "government" and t.action.action in _GAINS
                and _RETREAT.search(text, 0, t.start)):
            actor = _gainer(subjects[-1], actors, s.index) or actor
        if len(subjects) > 1 and _ORDERED.search(text, 0, actor.start - base):   # 'Netanyahu ordered troops to'
            return replace(actor, side=_resolve(subjects[-2], actors, s.index, speaker, said_after).side)
        if actor.side == "foreign" and _JOINT.search(text, subjects[-1].end - base, t.start) and any(
                a.side == "government" for a in phrases if subjects[-1].end <= a.start < t0):
            return replace(actor, side="government")   # 'Russian jets, together with the Syrian air force, struck'
        return actor
    clause_end = CLAUSE_BREAK.search(text, t.end)
    limit = base + (clause_end.start() if clause_end else len(text))
    later = [a for a in after if a.start < limit and not a.object_position and not a.neutral]
    if later:
        return _resolve(later[0], actors, s.index, speaker, said_after)
    speaker_side = actors.speaker_side(speaker)
    if speaker_side != "unknown":   # 'Officials said extra brigades had been moved to …'
        return ActorPhrase(t0, t0, speaker, speaker_side, True)
    return None


@functools.lru_cache(maxsize=16)
def _after_the_fall(published: str, body: str) -> bool:
    """Is the article from after Assad's fall (8 December 2024) and does it name the powers that
    replaced him? Then 'security forces', 'the authorities' and 'the interior ministry' are theirs,
    which the guidelines class with the opposition that took Damascus."""
    return published >= FALL_OF_DAMASCUS and bool(_SUCCESSORS.search(body))


def _person_subject(s, t: Trigger) -> ActorPhrase | None:
    """A named person who is the subject of a meeting or flight ('Blinken, who met Erdogan in
    Ankara', 'On Sunday, Awda met …'): the capitalised phrase right before the trigger, in its clause,
    that reads as a person (actors.csv or a role and a name), with its side from the same file;
    one who flees must have a side."""
    subject = _SUBJECT.search(s.text, 0, t.start)
    if not subject or cue_info(subject["who"])[1] == "neutral":
        return None
    person = parse_phrase(subject["who"])
    if not person or not person.name or person.type not in ("person", ""):
        return None
    side = _PERSON_SIDES.get(person.side, "unknown")
    if side == "unknown" and t.action.action != "met":
        return None   # 'Abu Ahmad fled to Idlib': a civilian's flight is no event
    start = s.start + subject.start("who")
    return ActorPhrase(start, start + len(subject["who"]), subject["who"], side, False)


def _gainer(pronoun: ActorPhrase, actors: ActorIndex, i: int) -> ActorPhrase | None:
    """'Government forces have been in retreat since Nov. 30, when they took Saraqeb': the 'they'
    who gained is the last opposition actor of this sentence or the two before."""
    p = actors.last_named(pronoun, i, lambda p: p.side == "opposition")
    return replace(pronoun, text=p.text, side=p.side) if p else None


def _resolve(a: ActorPhrase, actors: ActorIndex, i: int, speaker: str, said_after: bool = False) -> ActorPhrase:
    """A pronoun stands for its antecedent, a bare 'troops' for the last 'Israeli troops'; 'its
    forces', 'his government' take the side of what the possessive stands for; a phrase with no side
    inside a statement ('the air force', said an Israeli official) takes the speaker's side. The
    text stays as written unless it is a pronoun."""
    if a.pronoun:   # 'He flew out of Damascus, according to a diplomat': 'he' is not the diplomat
        a = actors.antecedent(a, i, speaker, third_person=not said_after) or a
    else:
        a = actors.same_head(a, i)
    lead = possessive_lead(a)
    ref = actors.antecedent(lead, i, speaker, third_person=not said_after) if lead else None
    if ref and ref.side != "unknown":
        return replace(a, side=ref.side)
    speaker_side = actors.speaker_side(speaker)
    if speaker_side == "foreign" and not a.pronoun and is_bare_head(a.text):
        return replace(a, side="foreign")   # 'IDF says troops seized the Hermon post': its own troops
    if a.side == "unknown" and not a.neutral and speaker_side != "unknown":
        return replace(a, side=speaker_side)
    if a.side == "unknown" and not a.neutral and is_group_head(a.text):
        # 'The groups captured Suran', 'Other units reached …': the armed side last named
        last = actors.last_named(a, i, lambda p: p.side != "unknown" and not p.object_position)
        return replace(a, side=last.side) if last else a
    return a


def _date(s, t: Trigger, mentions, carried: str, history: bool, place_end: int | None) -> tuple[str, str]:
    """The date words nearest the trigger in the sentence (right after the place in a list with the
    verb elided: 'Hama on Thursday'), else the date the article last gave."""
    following = [d for d in mentions if place_end is not None and 0 <= d.start - s.start - place_end < 16]
    if following:
        return following[0].date, following[0].text
    if mentions:
        t0, t1 = s.start + t.start, s.start + t.end
        best = min(mentions, key=lambda d: min(abs(d.start - t1), abs(t0 - d.end)))
        return best.date, best.text
    if history:
        return "", ""
    return carried, ""
