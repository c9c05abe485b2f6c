"""Page furniture: the parts of a copied web page that are not the article.

Recognised by general shapes, not by any one outlet's strings: breadcrumb trails, teaser and
navigation lines, agency credits and wire datelines. Each finding is a span of the body that the
sentence splitter leaves out; a breadcrumb's headline and an agency credit are kept as metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SEGMENT = r"[A-Z][\w&'’.-]*(?: [\w&'’.-]+){0,3}"
# "News/World News/ Headline", "Home > World > Middle East > Headline", "World › Middle East"
_BREADCRUMB = re.compile(
    rf"^\s*(?P<trail>{_SEGMENT}(?:\s*(?:/|>|›|»)\s*{_SEGMENT}){{1,5}}\s*(?:/|>|›|»))\s*(?P<headline>.*?)\s*$"
)
# A trailing " | Top updates" style section label after a headline.
_SECTION_SUFFIX = re.compile(r"\s+\|\s+[^|]{1,40}$")
_NAV_START = re.compile(
    r"^\s*(?:read|see|click|watch|subscribe|sign up|follow|also read|more from|more on|share|"
    r"download|get the latest|catch all|listen|advertisement|related|trending|top stories|"
    r"recommended|you may also like|continue reading)\b",
    re.IGNORECASE,
)
# "Read more: <a teaser headline of any length>", "Related | …"
_TEASER = re.compile(r"^\s*[\w ]{2,25}?\s*[:|]")
_AGENCIES = r"AFP|Reuters|AP|Associated Press|PTI|ANI|IANS|dpa|DPA|Xinhua|Anadolu|SANA|EFE|Bloomberg|UNI"
_CREDIT_LINE = re.compile(
    rf"^\s*(?:\(\s*(?P<paren>(?:with\s+)?(?:inputs?\s+from\s+)?(?:agency\s+inputs|agencies|{_AGENCIES})"
    rf"(?:\s*(?:,|and|&)\s*(?:{_AGENCIES}))*)\s*\)"
    rf"|[-–—]\s*(?P<dash>{_AGENCIES})"
    rf"|(?P<plain>(?:with\s+)?(?:inputs\s+from\s+)?(?:agency\s+inputs|agencies)|"
    rf"with (?:inputs|reporting) from (?:{_AGENCIES})(?:\s*(?:,|and|&)\s*(?:{_AGENCIES}))*))\s*\.?\s*$",
    re.IGNORECASE,
)
# "BEIRUT (Reuters) - ", "DAMASCUS, Syria (AP) — ", "BEIRUT, Nov 30 (Wire Service) - ", "Beirut (AFP) – ":
# a capitalised place, an optional date, the agency in brackets, a dash. Any agency name after a
# place in capitals; a known agency after a place in mixed case.
_DATELINE = re.compile(
    r"^(?:(?P<caps>[A-Z][A-Z .'-]{1,40})|[A-Z][A-Za-z .'-]{1,40})(?:,\s*[A-Za-z0-9 .]{1,25})?\s*"
    rf"\((?P<agency>[A-Z][\w .&-]{{1,30}})\)\s*[-–—]+\s*"
)
_KNOWN_AGENCY = re.compile(rf"(?:{_AGENCIES})$")


@dataclass(frozen=True)
class Furniture:
    spans: list[tuple[int, int]]   # body spans that are not article text
    headline: str                  # from a breadcrumb, "" if none
    agency: str                    # the agency credit as written, "" if none


def find_furniture(body: str) -> Furniture:
    spans: list[tuple[int, int]] = []
    headline = ""
    agencies: list[str] = []
    pos = 0
    for line in body.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        words = len(line.split())
        crumb = _BREADCRUMB.match(line)
        credit = _CREDIT_LINE.match(line)
        if crumb and "://" not in line and not re.search(r"\d/\d", line):
            spans.append((start, end))
            candidate = _SECTION_SUFFIX.sub("", crumb.group("headline"))
            if len(candidate.split()) >= 4:
                headline = headline or candidate
        elif credit:
            spans.append((start, end))
            agencies.append(next(g for g in credit.groups() if g))
        elif (words <= 8 or (words <= 30 and _TEASER.match(line))) and _NAV_START.match(line) \
                and not line.rstrip().endswith((".", "”", '"')):
            spans.append((start, end))
        else:
            dateline = _DATELINE.match(line)
            if dateline and (dateline.group("caps") or _KNOWN_AGENCY.match(dateline.group("agency"))):
                spans.append((start, start + dateline.end()))
                agencies.append(dateline.group("agency"))
    return Furniture(spans, headline.strip(), "; ".join(dict.fromkeys(agencies)))
