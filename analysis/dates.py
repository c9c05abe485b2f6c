"""Date words in news text resolved against the publication date.

Why: wire copy says "on Saturday" or "the next day", not 2024-12-07. A weekday means the latest such
day on or before publication; "the next day" counts from the last date the article gave; a bare
year ("the 2011 uprising", "in 2016") is never an event date, but "in 2016" marks a sentence as
history, so its events get no date rather than a carried-over one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .wordlists import trie_pattern

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, ms in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in ms}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?"
_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_PART = r"(?:\s+(?:night|morning|afternoon|evening))?"
# every alternative starts with a distinctive word, so the scan stays fast; prefixes ('late on',
# 'in the early hours of') are picked up afterwards by _PREFIX
_HEADS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
          "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
          "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "today", "Today",
          "tonight", "Tonight", "this", "This", "yesterday", "Yesterday", "last", "Last", "overnight", "Overnight",
          "the", "The", "a", "A", "an", "An", "one", "One", "two", "Two", "three", "Three", "four", "Four", "five",
          "Five", "six", "Six", "seven", "Seven"]
# the lookahead on a trie of first words rejects most positions at once (speed)
DATE_RE = re.compile(
    r"\b(?=" + trie_pattern(_HEADS) + r"\b|\d)(?:" + _WD + _PART +
    r"|" + _DAY.replace("day>", "day1>") + r"\s+" + _MON.replace("mon>", "mon1>") + _YEAR.replace("year>", "year1>") +
    r"|" + _MON + r"\s+" + _DAY + r"\b" + _YEAR +
    r"|(?P<today>[Tt]oday|[Tt]onight|[Tt]his (?:morning|afternoon|evening))"
    r"|(?P<yesterday>[Yy]esterday|[Ll]ast night|[Oo]vernight)"
    r"|(?P<next>[Tt]he (?:next|following) (?:day|morning)|(?:[Aa]|[Oo]ne) day later)"
    r"|(?P<prev>[Tt]he (?:previous|preceding) day|[Tt]he day before|(?:[Aa]|[Oo]ne) day (?:earlier|after))"
    r"|(?P<n>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|\d) (?P<unit>days?|weeks?)"
    r" (?:ago|earlier|after)"
    r")\b")
_PREFIX = re.compile(r"(?:(?:[Ll]ate|[Ee]arly)\s+(?:on\s+)?|[Oo]n\s+|in the early hours of\s+|[Ss]ince\s+|[Bb]y\s+)$")
# a year that dates the sentence to the past: "in 2016", "since 2011", "to 1982" (not "the 2011 uprising")
HISTORY_RE = re.compile(r"\b(?:in|since|to|until|from|by)\s+(?:early\s+|late\s+|mid-)?((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: str   # ISO, "" when it cannot be resolved
    carries: bool = True   # False for 'a day after', 'two days ago': later sentences keep the date before


def _published(published: str) -> dt.date | None:
    return dt.date.fromisoformat(published) if published else None


def resolve(m: re.Match, published: dt.date | None, anchor: dt.date | None) -> dt.date | None:
    """The calendar date of one DATE_RE match."""
    g = m.groupdict()
    if g["wd"]:
        if not published:
            return None
        back = (published.weekday() - WEEKDAYS.index(g["wd"].lower())) % 7
        return published - dt.timedelta(days=back)
    if g["day1"] or g["day"]:
        day = int(g["day1"] or g["day"])
        month = MONTHS[(g["mon1"] or g["mon"]).lower().rstrip(".")]
        year = g["year1"] or g["year"]
        if not year and not published:
            return None
        try:
            date = dt.date(int(year or published.year), month, day)
            if not year and date > published + dt.timedelta(days=7):
                date = date.replace(year=date.year - 1)
        except ValueError:
            return None
        return date
    if g["today"]:
        return published
    if g["yesterday"]:
        return published and published - dt.timedelta(days=1)
    if not anchor:
        return None
    if g["next"]:
        return anchor + dt.timedelta(days=1)
    if g["prev"]:
        return anchor - dt.timedelta(days=1)
    n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
    return anchor - dt.timedelta(days=n * (7 if g["unit"].lower().startswith("week") else 1))


def date_mentions(text: str, published: str) -> list[DateMention]:
    """Every date mention of a text in reading order, each resolved against the one before it
    ('the next day'), weekdays and bare day-months against the publication date."""
    pub = _published(published)
    last = None
    out = []
    for m in DATE_RE.finditer(text):
        date = resolve(m, pub, last or pub)
        carries = not (m.group("prev") or m.group("n"))
        if date and carries:
            last = date
        start = m.start()
        if not (m.group("today") or m.group("yesterday") or m.group("next") or m.group("prev") or m.group("n")):
            prefix = _PREFIX.search(text, max(0, start - 30), start)
            start = prefix.start() if prefix else start
        out.append(DateMention(start, m.end(), text[start:m.end()], date.isoformat() if date else "", carries))
    return out


def is_history(text: str, published: str) -> bool:
    """Does the sentence place itself in an earlier year ('retook Aleppo in 2016')?"""
    year = int(published[:4]) if published else None
    return any(year is None or int(y) < year for y in HISTORY_RE.findall(text)) if "19" in text or "20" in text \
        else False
