"""A learned second opinion on the side of each event row.

Why: the rules of `events` take an event's side from the one actor phrase they pick. When they
pick the wrong phrase ('army units repelled a terrorist attack on Qamhana and regained control of
Maardes': the terrorists) or none ('Saraqib fell on Saturday'), the side is wrong or unknown, yet
the sentence and the article around it usually say whose act it was. A multinomial logistic
regression over the row's act, status, rule and the side the rules gave, the sides of the actor
phrases before and after its trigger, the sentence's words and each side's share of
the article's other rows gives each side a probability.

A row the rules left 'unknown' takes the likeliest side (which may still be 'unknown'); a row
whose side the rules named takes another side only when the model gives that side at least the
threshold. A changed row's rule gains '+learned-side' and its actor becomes the phrase of that
side nearest the trigger in the sentence, else the rules' actor when it named no side ('gunmen'),
else none, so that actor and side never disagree.

The weights are data, `data/models/event_sides.json`, read with the standard library.
`python -m analysis.benchmarks.train_event_models` fits them (and the place scorer's) on the
hand-annotated fixture articles and measures both set by set on articles left out of training.
"""
from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from pathlib import Path

from .actors import ActorPhrase, side_of
from .config import MODELS_DIR

MODEL_PATH = MODELS_DIR / "event_sides.json"
LEARNED = "+learned-side"
_SIDES = ("opposition", "government", "foreign", "international")
_WORD = re.compile(r"[a-z]+")


def side_shares(rows: list[dict]) -> dict[str, float]:
    """Each side's share of an article's rows whose side is known."""
    counts = Counter(r["actor_side"] for r in rows if r["actor_side"] in _SIDES)
    total = sum(counts.values())
    return {s: counts[s] / total for s in _SIDES if counts[s]} if total else {}


def sided(phrases: list[ActorPhrase]) -> list[ActorPhrase]:
    """The actor phrases that have a side (no pronouns, no bystanders)."""
    return [a for a in phrases if a.side in _SIDES and not a.neutral]


@functools.lru_cache(maxsize=256)
def _sentence_words(sentence: str) -> dict[str, float]:
    """The 's:' features of a sentence: worked out once for all the rows it holds."""
    return {"s:" + w: 1.0 for w in _WORD.findall(sentence.lower())}


def features(row: dict, at: int, phrases: list[ActorPhrase], shares: dict[str, float], base: int = 0) -> dict:
    """Features of an event row whose trigger is at offset `at` of its sentence (`phrases`: the
    `sided` actor phrases of the sentence, at offset `base`; `shares`: the article's `side_shares`)."""
    f = {"rules:" + row["actor_side"]: 1.0, "act:" + row["action"]: 1.0, "status:" + row["status"]: 1.0,
         "rule:" + row["rule"].split("+")[0]: 1.0, "actor:" + ("named" if row["actor"] else "none"): 1.0}
    if row["claimed_by"]:
        f["claim:" + side_of(row["claimed_by"])] = 1.0
    f.update(_sentence_words(row["sentence"]))
    f.update(("b:" + w, 1.0) for w in _WORD.findall(row["sentence"][:at].lower())[-6:])
    before = [a.side for a in phrases if a.start - base < at]
    for a in phrases:
        key = ("sb:" if a.start - base < at else "sa:") + a.side
        f[key] = f.get(key, 0.0) + 1.0
    if before:
        f["nb:" + before[-1]] = 1.0
    f.update(("da:" + s, share) for s, share in shares.items())
    return f


class SideScorer:
    """Per-side weights and intercepts of a multinomial logistic regression over `features`, and
    the probability another side needs to overrule a side the rules named."""

    def __init__(self, weights: dict[str, dict[str, float]], intercepts: dict[str, float], threshold: float):
        self.weights, self.intercepts, self.threshold = weights, intercepts, threshold
        self._sides = sorted(intercepts)
        # feature -> its weight for each side, in `_sides` order: one lookup per feature, not one per side
        self._columns = {k: [weights[side].get(k, 0.0) for side in self._sides]
                         for k in set().union(*map(set, weights.values()))}

    @classmethod
    @functools.cache
    def load(cls, path: str | Path = MODEL_PATH) -> "SideScorer":
        model = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(model["weights"], model["intercepts"], model["threshold"])

    def probabilities(self, feats: dict) -> dict[str, float]:
        z = [self.intercepts[side] for side in self._sides]
        for k, v in feats.items():
            column = self._columns.get(k)
            if column:
                z = [a + w * v for a, w in zip(z, column)]
        top = max(z)
        e = [math.exp(a - top) for a in z]
        total = sum(e)
        return {side: x / total for side, x in zip(self._sides, e)}

    def side(self, feats: dict, row: dict) -> str:
        """The row's side: the rules' own unless the model says otherwise (see module doc)."""
        if not self.intercepts:
            return row["actor_side"]
        p = self.probabilities(feats)
        best = max(sorted(p), key=p.get)
        return best if row["actor_side"] == "unknown" or p[best] >= self.threshold else row["actor_side"]


def nearest_of_side(phrases: list[ActorPhrase], side: str, at: int) -> ActorPhrase | None:
    """The phrase of `side` nearest the trigger at `at`, one before it first."""
    of_side = [a for a in phrases if a.side == side]
    before = [a for a in of_side if a.start < at]
    return before[-1] if before else (of_side[0] if of_side else None)
