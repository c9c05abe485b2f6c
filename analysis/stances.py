"""Stances of a statement, from the transparent cue list in data/reference/stance_cues.csv.

Each cue is a word or phrase (a trailing * matches any word ending); a statement gets every
stance one of its cues appears in, and the exact words that matched, so an editor sees why.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from .config import REFERENCE_DIR
from .wordlists import trie_pattern


def _piece(ch: str) -> str:
    """Regex for one character of a cue: * is any word ending, a space any whitespace, ' either apostrophe."""
    return {"*": r"[\w-]*", " ": r"\s+", "'": "['’]"}.get(ch) or re.escape(ch)


@lru_cache(maxsize=None)
def _stance_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One compiled regex with a named group per stance (stances in file order), each a trie of its cues."""
    cues: dict[str, list[str]] = {}
    with open(REFERENCE_DIR / "stance_cues.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cues.setdefault(row["stance"], []).append(row["cue"].strip().lower())
    groups = {f"s{i}": stance for i, stance in enumerate(cues)}
    pattern = r"\b(?:" + "|".join(f"(?P<{g}>{trie_pattern(cues[stance], _piece)})" for g, stance in groups.items()) \
        + r")(?![\w-])"
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
