"""Score extracted statements and events against hand-made gold annotations.

Pure functions on pandas DataFrames; `python -m analysis.benchmarks.fixtures` runs them over the
fixture articles. The gold format and the annotation rules are in tests/fixtures/GUIDELINES.md.

Matching rules (exact)
----------------------
Tokens. The body is split into word tokens (maximal runs of letters/digits, regex ``\\w+``); a span
"holds" every token that overlaps it by at least one character.

Statements. A gold row's span is the `occurrence`-th exact find of its `text` in the body. A
predicted row's span is ``[start, end)`` (when `start`/`end` are missing, the first find of its
`text`). A prediction and a gold statement are a candidate pair when

    |tokens(gold) ∩ tokens(pred)| / max(|tokens(gold)|, |tokens(pred)|) >= 0.5

with tokens compared by position in the body (so two identical sentences in different places do
not match each other). Pairs are then matched one-to-one greedily: highest overlap first, ties by
the smaller distance between the two starts. recall = matched / gold rows, precision = matched /
predicted rows, f1 = their harmonic mean.

Speakers (on matched pairs). The gold `speaker` may list accepted names separated by ``|`` (first
is canonical). Names are normalised: Unicode accents removed, lower case, possessive 's and then apostrophes dropped,
every other non-alphanumeric character made a space, a leading "the"/"a"/"an" dropped. The
predicted speaker is *right* when, for some gold name,
  1. the normalised names are equal; or
  2. one is contained in the other as whole words, the contained one having at least one word of
     three letters or more that is not a generic word (see `_GENERIC`); or
  3. both have a last word that is not generic, and the last words are equal (surname match:
     "Lavrov" / "Mr Lavrov" / "Sergei Lavrov").
An empty gold speaker is right only against an empty prediction. *empty*: the prediction has no
speaker; *wrong*: it has one and it is not right. The three shares are over matched pairs.

Events. Gold rows are grouped into (place, sentence) pairs. A pair's span is the exact find of its
`sentence` (which must occur once in the body). `place` may list accepted names separated by
``|``; names are normalised as speakers are. A predicted row *hits* a pair when its normalised
`place` (or `place_text`, the name as the article spells it: 'Taibat al-Imam' for the gazetteer's
'Taybat al-Imam') equals one of the pair's names (a trailing 'governorate' or 'province' aside:
'Aleppo governorate' is the governorate Aleppo) and its `start` lies inside the pair's span (when `start`
is missing, the start of its `sentence` found in the body). recall = pairs hit / gold pairs;
precision = predicted rows that hit some pair / predicted rows. actor_side_right (status_right) =
share of hit pairs where at least one hitting row has an actor_side (status) among the gold rows'
values for that pair.
"""
from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

import pandas as pd

from .corpus import decode, split_front_matter

MATCH_THRESHOLD = 0.5
_TOKEN = re.compile(r"\w+")
_GENERIC = {
    "army", "armed", "forces", "force", "command", "general", "ministry", "minister", "government", "media",
    "state", "source", "sources", "official", "officials", "spokesman", "spokesperson", "spokeswoman",
    "monitor", "group", "rebels", "rebel", "residents", "military", "foreign", "defence", "defense",
    "office", "president", "prime", "statement", "agency", "agencies", "news", "leader", "commander",
    "syrian", "syria", "senior", "security", "war", "and", "of", "for", "the", "a", "an", "he", "she", "it",
    "they", "said", "his", "her", "its", "their", "national", "human", "rights", "united", "nations",
}

STATEMENT_GOLD_COLUMNS = ["text", "kind", "speaker", "speaker_side", "occurrence"]
EVENT_GOLD_COLUMNS = ["place", "place_type", "sentence", "action", "actor_side", "status", "date", "distance_km"]


# ---------------------------------------------------------------- reading fixtures

def read_body(path) -> str:
    """An article's body exactly as the project's loader defines it (offsets index into it)."""
    return split_front_matter(decode(Path(path).read_bytes(), path), path)[1]


def read_gold(gold_dir, stem: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(statements, events) gold tables for an article stem; empty strings, not NaN."""
    gold_dir = Path(gold_dir)
    st = pd.read_csv(gold_dir / f"{stem}.statements.csv", dtype=str, keep_default_na=False)
    ev = pd.read_csv(gold_dir / f"{stem}.events.csv", dtype=str, keep_default_na=False)
    st["occurrence"] = st["occurrence"].replace("", "1").astype(int)
    return st, ev


# ---------------------------------------------------------------- helpers

def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


def _str(value) -> str:
    return "" if _blank(value) else str(value)


def normalise_name(name) -> str:
    """Lower case, accents removed, apostrophes dropped, other punctuation as spaces, no leading article."""
    s = unicodedata.normalize("NFKD", _str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’‘`´]s\b", "", s)      # possessive: "Russia's" -> "russia"
    s = re.sub(r"['’‘`´]", "", s)
    s = re.sub(r"[^\w]+", " ", s).strip()
    s = re.sub(r"^(the|a|an) ", "", s)
    return s


_ADMIN_SUFFIX = re.compile(r" (?:governorate|province)$")


def normalise_place(name) -> str:
    """A place name normalised as a speaker's, without a trailing 'governorate' or 'province'."""
    return _ADMIN_SUFFIX.sub("", normalise_name(name))


def _aliases(value, normalise=normalise_name) -> list[str]:
    return [n for n in (normalise(a) for a in _str(value).split("|")) if n]


def _find_nth(body: str, text: str, n: int = 1) -> int:
    pos = -1
    for _ in range(max(int(n), 1)):
        pos = body.find(text, pos + 1)
        if pos < 0:
            return -1
    return pos


class _Tokens:
    """Word tokens of a body, for positional overlap."""

    def __init__(self, body: str):
        self.spans = [(m.start(), m.end()) for m in _TOKEN.finditer(body)]

    def within(self, start: int, end: int) -> frozenset[int]:
        return frozenset(i for i, (s, e) in enumerate(self.spans) if s < end and e > start)


def overlap(a: frozenset, b: frozenset) -> float:
    """|a ∩ b| / max(|a|, |b|): the statement matching measure."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def speaker_verdict(pred, gold) -> str:
    """'right', 'wrong' or 'empty' for a predicted speaker against a gold speaker (aliases with '|')."""
    p = normalise_name(pred)
    names = _aliases(gold)
    if not p:
        return "right" if not names else "empty"
    if not names:
        return "wrong"
    pw = p.split()
    for g in names:
        gw = g.split()
        if p == g:
            return "right"
        for small, big in ((p, g), (g, p)):
            if f" {small} " in f" {big} " and any(len(w) >= 3 and w not in _GENERIC for w in small.split()):
                return "right"
        if pw[-1] not in _GENERIC and gw[-1] not in _GENERIC and len(pw[-1]) >= 3 and pw[-1] == gw[-1]:
            return "right"
    return "wrong"


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------- statements

def score_statements(pred: pd.DataFrame, gold: pd.DataFrame, body: str) -> dict:
    """Recall, precision, f1 and speaker shares of predicted statements against gold (see module doc)."""
    toks = _Tokens(body)
    gold_items = []
    for i, row in enumerate(gold.to_dict("records")):
        occ = 1 if _blank(row.get("occurrence")) else int(float(row["occurrence"]))
        start = _find_nth(body, row["text"], occ)
        if start < 0:
            raise ValueError(f"gold statement not found in body (occurrence {occ}): {row['text'][:60]!r}")
        gold_items.append({"i": i, "start": start, "end": start + len(row["text"]), "row": row,
                           "tokens": toks.within(start, start + len(row["text"]))})
    pred_items = []
    for j, row in enumerate((pred if pred is not None else pd.DataFrame()).to_dict("records")):
        text = _str(row.get("text"))
        if not _blank(row.get("start")) and not _blank(row.get("end")):
            start, end = int(row["start"]), int(row["end"])
        else:
            start = body.find(text) if text else -1
            end = start + len(text)
        pred_items.append({"j": j, "start": start, "end": end, "row": row,
                           "tokens": toks.within(start, end) if start >= 0 else frozenset()})

    candidates = []
    for g in gold_items:
        for p in pred_items:
            ov = overlap(g["tokens"], p["tokens"])
            if ov >= MATCH_THRESHOLD:
                candidates.append((-ov, abs(g["start"] - p["start"]), g["i"], p["j"], ov))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pj, ov in candidates:
        if gi in used_g or pj in used_p:
            continue
        used_g.add(gi)
        used_p.add(pj)
        pairs.append((gi, pj, ov))

    verdicts = {"right": 0, "wrong": 0, "empty": 0}
    matched, speaker_errors = [], []
    for gi, pj, ov in pairs:
        g, p = gold_items[gi], pred_items[pj]
        v = speaker_verdict(p["row"].get("speaker"), g["row"].get("speaker"))
        verdicts[v] += 1
        item = {"gold_text": g["row"]["text"], "pred_text": _str(p["row"].get("text")), "overlap": round(ov, 3),
                "gold_speaker": _str(g["row"].get("speaker")).split("|")[0],
                "pred_speaker": _str(p["row"].get("speaker")), "speaker": v,
                "gold_kind": _str(g["row"].get("kind")), "pred_kind": _str(p["row"].get("kind"))}
        matched.append(item)
        if v != "right":
            speaker_errors.append(item)

    n_gold, n_pred, n_match = len(gold_items), len(pred_items), len(pairs)
    recall, precision = _ratio(n_match, n_gold), _ratio(n_match, n_pred)
    return {
        "n_gold": n_gold, "n_pred": n_pred, "n_matched": n_match,
        "recall": recall, "precision": precision, "f1": _f1(precision, recall),
        "n_speaker_right": verdicts["right"], "n_speaker_wrong": verdicts["wrong"],
        "n_speaker_empty": verdicts["empty"],
        "speaker_right": _ratio(verdicts["right"], n_match),
        "speaker_wrong": _ratio(verdicts["wrong"], n_match),
        "speaker_empty": _ratio(verdicts["empty"], n_match),
        "kind_right": _ratio(sum(m["gold_kind"] == m["pred_kind"] for m in matched), n_match),
        "misses": [{"text": g["row"]["text"], "speaker": _str(g["row"].get("speaker")).split("|")[0],
                    "kind": g["row"].get("kind", ""), "start": g["start"]}
                   for g in gold_items if g["i"] not in used_g],
        "false_positives": [{"text": _str(p["row"].get("text")), "speaker": _str(p["row"].get("speaker")),
                             "start": p["start"]} for p in pred_items if p["j"] not in used_p],
        "speaker_errors": speaker_errors,
        "matched": matched,
    }


# ---------------------------------------------------------------- events

def score_events(pred: pd.DataFrame, gold: pd.DataFrame, body: str) -> dict:
    """Recall and precision of predicted events over gold (place, sentence) pairs (see module doc)."""
    pairs: dict[tuple, dict] = {}
    for row in gold.to_dict("records"):
        key = (tuple(_aliases(row["place"], normalise_place)), row["sentence"])
        if key not in pairs:
            start = body.find(row["sentence"])
            if start < 0:
                raise ValueError(f"gold event sentence not found in body: {row['sentence'][:60]!r}")
            pairs[key] = {"place": _str(row["place"]).split("|")[0], "names": set(key[0]),
                          "sentence": row["sentence"], "start": start, "end": start + len(row["sentence"]),
                          "sides": set(), "statuses": set(), "actions": set(), "hits": []}
        pairs[key]["sides"].add(_str(row.get("actor_side")))
        pairs[key]["statuses"].add(_str(row.get("status")))
        pairs[key]["actions"].add(_str(row.get("action")))

    pred_rows = (pred if pred is not None else pd.DataFrame()).to_dict("records")
    false_positives = []
    n_hit_rows = 0
    for row in pred_rows:
        names = {normalise_place(row.get("place")), normalise_place(row.get("place_text"))} - {""}
        if not _blank(row.get("start")):
            start = int(row["start"])
        else:
            start = body.find(_str(row.get("sentence"))) if _str(row.get("sentence")) else -1
        hit = False
        for pair in pairs.values():
            if names & pair["names"] and pair["start"] <= start < pair["end"]:
                pair["hits"].append(row)
                hit = True
        if hit:
            n_hit_rows += 1
        else:
            false_positives.append({"place": _str(row.get("place")), "action": _str(row.get("action")),
                                    "start": start, "sentence": _str(row.get("sentence"))[:100]})

    found = [p for p in pairs.values() if p["hits"]]
    side_ok = [p for p in found if any(_str(h.get("actor_side")) in p["sides"] for h in p["hits"])]
    status_ok = [p for p in found if any(_str(h.get("status")) in p["statuses"] for h in p["hits"])]
    action_ok = [p for p in found if any(_str(h.get("action")) in p["actions"] for h in p["hits"])]
    n_gold, n_pred = len(pairs), len(pred_rows)
    recall, precision = _ratio(len(found), n_gold), _ratio(n_hit_rows, n_pred)
    return {
        "n_gold": n_gold, "n_pred": n_pred, "n_found": len(found), "n_pred_matched": n_hit_rows,
        "recall": recall, "precision": precision, "f1": _f1(precision, recall),
        "n_actor_side_right": len(side_ok), "n_status_right": len(status_ok), "n_action_right": len(action_ok),
        "actor_side_right": _ratio(len(side_ok), len(found)),
        "status_right": _ratio(len(status_ok), len(found)),
        "action_right": _ratio(len(action_ok), len(found)),
        "misses": [{"place": p["place"], "sentence": p["sentence"][:100], "actions": sorted(p["actions"])}
                   for p in pairs.values() if not p["hits"]],
        "false_positives": false_positives,
        "attribute_errors": [{"place": p["place"], "sentence": p["sentence"][:80],
                              "gold_sides": sorted(p["sides"]), "gold_statuses": sorted(p["statuses"]),
                              "pred_sides": sorted({_str(h.get("actor_side")) for h in p["hits"]}),
                              "pred_statuses": sorted({_str(h.get("status")) for h in p["hits"]})}
                             for p in found if p not in side_ok or p not in status_ok],
    }


# ---------------------------------------------------------------- totals

def micro_average(statement_scores: list[dict], event_scores: list[dict]) -> dict:
    """Micro-averaged totals over articles (sums of counts, then ratios)."""
    s = {k: sum(x[k] for x in statement_scores) for k in
         ("n_gold", "n_pred", "n_matched", "n_speaker_right", "n_speaker_wrong", "n_speaker_empty")}
    e = {k: sum(x[k] for x in event_scores) for k in
         ("n_gold", "n_pred", "n_found", "n_pred_matched", "n_actor_side_right", "n_status_right", "n_action_right")}
    sr, sp = _ratio(s["n_matched"], s["n_gold"]), _ratio(s["n_matched"], s["n_pred"])
    er, ep = _ratio(e["n_found"], e["n_gold"]), _ratio(e["n_pred_matched"], e["n_pred"])
    return {
        "statements": {**s, "recall": sr, "precision": sp, "f1": _f1(sp, sr),
                       "speaker_right": _ratio(s["n_speaker_right"], s["n_matched"]),
                       "speaker_wrong": _ratio(s["n_speaker_wrong"], s["n_matched"]),
                       "speaker_empty": _ratio(s["n_speaker_empty"], s["n_matched"])},
        "events": {**e, "recall": er, "precision": ep, "f1": _f1(ep, er),
                   "actor_side_right": _ratio(e["n_actor_side_right"], e["n_found"]),
                   "status_right": _ratio(e["n_status_right"], e["n_found"]),
                   "action_right": _ratio(e["n_action_right"], e["n_found"])},
    }
