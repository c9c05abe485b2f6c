"""One regex for a long list of literal words, laid out as a trie.

Why: Python's regex engine tries the alternatives of `a|b|c|…` one after another at every position;
a trie shares prefixes, so matching hundreds of trigger or actor words costs little more than one.
"""
from __future__ import annotations

import re


def trie_regex(words) -> str:
    """Regex source matching any of `words` (literal strings; longest match preferred)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + render(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return render(trie)
