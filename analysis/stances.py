"""Stances of a statement, from the transparent cue list in data/reference/stance_cues.csv.

Each cue is a word or phrase (a trailing * matches any word ending); a statement gets every
stance one of its cues appears in, and the exact words that matched, so an editor sees why.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from .config import REFERENCE_DIR


def _cue_pattern(cue: str) -> str:
    words = cue.strip().split()
    parts = [re.escape(w[:-1]) + r"[\w-]*" if w.endswith("*") else re.escape(w) for w in words]
    return r"(?<![\w-])" + r"\s+".join(parts).replace("'", "['’]") + (r"" if cue.endswith("*") else r"(?![\w-])")


@lru_cache(maxsize=None)
def _stance_patterns() -> list[tuple[str, re.Pattern]]:
    """One compiled alternation per stance, in the order the stances first appear in the file."""
    cues: dict[str, list[str]] = {}
    with open(REFERENCE_DIR / "stance_cues.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cues.setdefault(row["stance"], []).append(row["cue"])
    return [(stance, re.compile("|".join(_cue_pattern(c) for c in sorted(cs, key=len, reverse=True)), re.IGNORECASE))
            for stance, cs in cues.items()]


def find_stances(text: str) -> tuple[list[str], list[str]]:
    """(stances, cues as 'stance: words') found in `text`, without repeats, in a stable order."""
    stances, cues = [], []
    for stance, pattern in _stance_patterns():
        found = list(dict.fromkeys(" ".join(m.group().split()) for m in pattern.finditer(text)))
        if found:
            stances.append(stance)
            cues.extend(f"{stance}: {w}" for w in found)
    return stances, cues
