"""A learned second look at the places a sentence's rules leave without an event.

Why: the rules of `events` name an event only where a trigger they know governs the place. On
coverage they have never seen, many event places escape them: an event named by a noun ('repelled
attacks on the axes of Morek'), a verb the vocabulary lacks, a place far from its verb. For every
place of a sentence that has triggers but got none, a logistic regression over the words around
the place, the sentence's words and the nearest trigger (its action, whether it comes before or
after the place, its distance, and whether a clause break or a speech verb lies between) gives the chance that the place is an event's place.
Above the threshold, the place becomes a row with the nearest trigger's action, actor and status,
and rule 'learned-scorer', so users can filter such rows.

The weights are data, `data/models/event_places.json`, read with the standard library: no model
package at run time. `python -m analysis.benchmarks.train_event_models` fits them on the
hand-annotated fixture articles and measures them set by set on articles left out of training.
"""
from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

from .config import MODELS_DIR

MODEL_PATH = MODELS_DIR / "event_places.json"
_WORD = re.compile(r"[a-z]+")
_BREAK = re.compile(r"[;:—]|, (?:but|while|and|as|after|which|who)\b")
_SAID = re.compile(r"\b(?:said|told|says|according)\b")


def nearest(triggers, start: int, end: int):
    """The trigger closest to the place at [start, end) (the first of two at equal distance)."""
    return min(triggers, key=lambda t: max(t.start - end, start - t.end, 0))


def features(text: str, start: int, end: int, place_type: str, role: str, triggers, governed: bool) -> dict:
    """Binary and scaled features of the place at [start, end) of the sentence `text` (`triggers`:
    the sentence's, at least one; `governed`: whether another place of the sentence has one)."""
    low = text.lower()
    before, after = _WORD.findall(low[:start]), _WORD.findall(low[end:])
    f = {"s:" + w: 1.0 for w in _WORD.findall(low)}
    f.update({f"b{i}:{w}": 1.0 for i, w in enumerate(reversed(before[-4:]))})
    f.update({"bw:" + w: 1.0 for w in before[-8:]})
    f.update({f"a{i}:{w}": 1.0 for i, w in enumerate(after[:3])})
    f["role:" + role] = 1.0
    f["type:" + place_type] = 1.0
    f["rows"] = float(governed)
    head = text[:start]
    f["quote"] = float(head.count("“") > head.count("”") or head.count('"') % 2 == 1)
    f["first"] = float(len(before) < 3)
    t = nearest(triggers, start, end)
    gap = text[t.end:start] if t.end <= start else text[end:t.start]
    n = len(_WORD.findall(gap.lower()))
    f["tdir:" + ("before" if t.end <= start else "after")] = 1.0
    f["tact:" + t.action.action] = 1.0
    f["tgap"] = min(n, 20) / 20
    f["tgap<4"] = float(n < 4)
    f["tbreak"] = float(bool(_BREAK.search(gap)))
    f["tsaid"] = float(bool(_SAID.search(gap)))
    return {k: v for k, v in f.items() if v}


class PlaceScorer:
    """Weights of a logistic regression over `features`, and the threshold for keeping a place."""

    def __init__(self, weights: dict[str, float], intercept: float, threshold: float):
        self.weights, self.intercept, self.threshold = weights, intercept, threshold

    @classmethod
    @functools.cache
    def load(cls, path: str | Path = MODEL_PATH) -> "PlaceScorer":
        model = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(model["weights"], model["intercept"], model["threshold"])

    def probability(self, feats: dict) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def keep(self, feats: dict, mention=None) -> bool:
        """Is the place an event's place? (`mention`: the sentence and place, for recorders.)"""
        return self.probability(feats) >= self.threshold
