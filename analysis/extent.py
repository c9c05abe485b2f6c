"""Extent qualifiers and stated distances of an event.

Why apart from `events`: they read only the words around a trigger and its place ('most of'
Daraa, 'several key checkpoints', 'the north and east of the city', '20 km away from the
capital', ', about 15km south of Damascus') and are the same whatever the action.
"""
from __future__ import annotations

import re

from .actions import KM, NUMBER, NUMBER_WORDS
from .claims import CLAUSE_BREAK
from .places import Gazetteer

_EXTENT_BEFORE = re.compile(
    r"(?:\b(?:most|much|all|[\"“]?(?:large )?parts[\"”]?|a large part|swathes|the rest|the whole|"
    r"the (?:far )?(?:outskirts|edges?)|the cent(?:re|er)|the heart|the countryside|the suburbs|"
    r"the (?:north|south|east|west)(?:ern)?(?: and (?:north|south|east|west)(?:ern)?)?"
    r"(?: (?:parts?|outskirts|countryside|suburbs|districts|neighbourhoods|edge|approaches))?)"
    r"\s+of\s+(?:the\s+)?|\b(?:close to|near|just outside|outside|around|on the outskirts of|within)\s+)$", re.I)
_CAPITAL_APPOSITION = re.compile(r"(?:the\s+)?(?:Syrian\s+|country['’]s\s+)?capital,?\s+$")
_NEAR_WORDS = frozenset({"close", "near", "outside", "around", "within"})
_EXTENT_DIRECTION = re.compile(
    r"\b(?:in|from|on)\s+(the\s+(?:north|south|east|west)(?:-?(?:east|west))?"
    r"(?:\s+and\s+(?:north|south|east|west)(?:-?(?:east|west))?)?(?:\s+of\s+the\s+(?:city|town|province|country))?)"
    r"\b(?!\s+[A-Z])")
_EXTENT_QUANTITY = re.compile(
    r"\b((?:several|some|two|three|four|five|six|dozens of|hundreds of|a number of|many|most of the|all the|"
    r"most of)\s+(?:[\w’'-]+\s+){0,2}?(?:checkpoints|villages|towns|positions|bases|neighbourhoods|districts|"
    r"areas|suburbs|posts|sites|airports?|crossings?|prisons?))\b")
_KM_VALUE = re.compile(r"(" + NUMBER + r")\s?(km|kms|kilometres|kilometers|miles)\b")
_DISTANCE_AFTER = re.compile(
    r",?\s*(?:about|around|some|nearly|roughly|just|only|less than|more than)?\s*" + KM +
    r"\s*(?:away\s+)?(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?"
    r"(?:ern)?\s*)?(?:of|from)?\s*")


def _km(text: str) -> float | None:
    m = _KM_VALUE.search(text)
    if not m:
        return None
    number = m.group(1).lower()
    value = float(NUMBER_WORDS.get(number) or number.replace(",", "."))
    return round(value * 1.609344, 1) if m.group(2) == "miles" else value


def distance(text: str, trigger_text: str, place_end: int, place_name: str) -> tuple[float | None, str]:
    """(km, from where): 'are just 20 km away from the capital' in the trigger measures from the
    place; ', about 15km south of Damascus' right after the place measures from the place named."""
    km = _km(trigger_text)
    if km is not None:
        return km, place_name
    tail = _DISTANCE_AFTER.match(text, place_end)
    if tail and _km(tail.group()):
        ref = Gazetteer.load().find(text[tail.end():tail.end() + 40])
        origin = ref[0].place.name if ref and ref[0].start == 0 else ""
        return _km(tail.group()), origin
    return None, ""


def extent(text: str, trigger_end: int, place_start: int, window_end: int) -> str:
    """The qualifier right before the place ('most of', 'close to'), else a direction or a
    quantified object after the trigger, up to `window_end` (the next trigger)."""
    window = _CAPITAL_APPOSITION.sub("", text[max(0, trigger_end - 1):place_start])   # 'close to the capital, Damascus'
    prefix = _EXTENT_BEFORE.search(window) if (" of " in window or _NEAR_WORDS & set(window.split())) else None
    if prefix:
        return re.sub(r"\s+(?:of\s+)?(?:the\s+)?$", "", prefix.group()).strip("“”\"") + \
            (" of" if re.search(r"\bof\s+(?:the\s+)?$", prefix.group()) else "")
    window = text[trigger_end:window_end]
    for rx in (_EXTENT_DIRECTION, _EXTENT_QUANTITY):
        hit = rx.search(window)
        if hit and not CLAUSE_BREAK.search(window, 0, hit.start()):
            return hit.group(1)
    return ""
