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
    return r"\b" + r"\s+".join(parts).replace("'", "['’]") + (r"" if cue.endswith("*") else r"(?![\w-])")


@lru_cache(maxsize=None)
def _stance_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One compiled alternation with a named group per stance (stances in file order)."""
    cues: dict[str, list[str]] = {}
    with open(REFERENCE_DIR / "stance_cues.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cues.setdefault(row["stance"], []).append(row["cue"])
    groups = {f"s{i}": stance for i, stance in enumerate(cues)}
    pattern = "|".join(f"(?P<{g}>" + "|".join(_cue_pattern(c) for c in sorted(cues[stance], key=len, reverse=True)) + ")"
                       for g, stance in groups.items())
    return re.compile(pattern, re.IGNORECASE), groups


def find_stances(text: str) -> tuple[list[str], list[str]]:
    """(stances, cues as 'stance: words') found in `text`, without repeats, in the file's stance order."""
    pattern, groups = _stance_pattern()
    found: dict[str, dict[str, None]] = {}
    for m in pattern.finditer(text):
        if m.start() and text[m.start() - 1] == "-":
            continue  # inside a hyphenated word
        found.setdefault(m.lastgroup, {})[" ".join(m.group().split())] = None
    order = [g for g in groups if g in found]
    return [groups[g] for g in order], [f"{groups[g]}: {w}" for g in order for w in found[g]]
