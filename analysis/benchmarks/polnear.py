"""Score the statements extractor on PolNeAR (political news attribution relations).

    python -m analysis.benchmarks.polnear PATH [--split dev] [--limit N]

PATH is the PolNeAR folder (train/ and dev/, see its README); nothing from it is copied here.
For every article of the split, the first annotator's .ann file (in sorted order) is the gold.

Spans are compared as sets of word tokens (``\\w+``) by body position, as analysis/evaluation.py
does: a prediction and a gold content match when |gold ∩ pred| / max(|gold|, |pred|) >= 0.5
("overlap"); "exact" requires the two token sets to be equal (quote marks and punctuation at the
edges do not count). Rows of one statement_group (an interrupted quote) are scored as one span, as
PolNeAR joins Content and Content2. Matching is one-to-one, best overlap first.

Two subsets, each with precision, recall and F1:
  (a) quoted: gold attributions whose content holds a quote mark; predictions of kind direct/mixed;
  (b) speech verb: gold attributions whose cue contains a verb of data/reference/speech_verbs.csv
      (naming verbs such as "called" excluded); predictions with such a verb.
Recall counts the subset's gold attributions that some prediction matches; precision counts the
subset's predictions that match any gold attribution (the gold annotates every attribution, so a
prediction matching one outside the subset is still right). Source accuracy: over matched (b)
pairs whose gold source is a name (holds a capitalised word that is not a pronoun), the share where
the predicted speaker is right by analysis.evaluation.speaker_verdict (also: empty, wrong).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from analysis.attribution import VERB_KINDS
from analysis.corpus import document_from_text
from analysis.errors import InputError
from analysis.evaluation import speaker_verdict
from analysis.statements import extract_statements

_WORD = re.compile(r"\w+")
_QUOTE_MARKS = re.compile(r"[\"“”]")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"}
SPEECH_VERBS = {form for form, kind in VERB_KINDS.items() if not kind.startswith("naming")}
_SPEECH_CUE = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in SPEECH_VERBS) + r")\b", re.IGNORECASE)


def read_ann(path: Path) -> list[dict]:
    """Attributions of one brat .ann file: content spans, source span and text, cue text."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            spans[parts[0]] = (kind, pieces, parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for rel in relations:
        content = [spans[rel[k]] for k in ("Content", "Content2") if rel.get(k) in spans]
        if not content:
            continue
        source = spans.get(rel.get("Source", ""))
        cue = spans.get(rel.get("Cue", ""))
        out.append({
            "content": [p for _, pieces, _ in content for p in pieces],
            "content_text": " ".join(text for _, _, text in content),
            "source_text": source[2] if source else "",
            "cue_text": cue[2] if cue else "",
        })
    return out


class _Tokens:
    def __init__(self, body: str):
        self.starts = [(m.start(), m.end()) for m in _WORD.finditer(body)]

    def within(self, pieces) -> frozenset[int]:
        return frozenset(i for i, (s, e) in enumerate(self.starts) for a, b in pieces if s < b and e > a)


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def _is_name(source: str) -> bool:
    words = _WORD.findall(source)
    return any(w[0].isupper() and w.lower() not in _PRONOUNS for w in words)


def score_article(text: str, gold: list[dict]) -> dict:
    doc = document_from_text(text)
    if doc.body != text:
        raise InputError("article", "body differs from the file text (offsets would not line up)")
    toks = _Tokens(doc.body)
    groups: dict[str, dict] = {}
    for row in extract_statements(doc):
        g = groups.setdefault(row["statement_group"], {"pieces": [], "kinds": set(), "verb": row["verb"],
                                                       "speaker": row["speaker"]})
        g["pieces"].append((row["start"], row["end"]))
        g["kinds"].add(row["kind"])
    preds = list(groups.values())
    for p in preds:
        p["tokens"] = toks.within(p["pieces"])
        p["quoted"] = bool(p["kinds"] & {"direct", "mixed"})
        p["speech"] = bool(p["verb"]) and p["verb"].lower() in SPEECH_VERBS
    for g in gold:
        g["tokens"] = toks.within(g["content"])
        g["quoted"] = bool(_QUOTE_MARKS.search(g["content_text"]))
        g["speech"] = bool(_SPEECH_CUE.search(g["cue_text"]))
    pairs = sorted(((-_overlap(g["tokens"], p["tokens"]), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(preds) if _overlap(g["tokens"], p["tokens"]) >= 0.5))
    used_g, used_p, matched = set(), set(), []
    for neg, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matched.append((gi, pi, gold[gi]["tokens"] == preds[pi]["tokens"]))
    counts = {}
    for subset in ("quoted", "speech"):
        counts[subset] = {
            "gold": sum(g[subset] for g in gold),
            "pred": sum(p[subset] for p in preds),
            "recall_hits": sum(1 for gi, pi, _ in matched if gold[gi][subset]),
            "recall_exact": sum(1 for gi, pi, ex in matched if gold[gi][subset] and ex),
            "precision_hits": sum(1 for gi, pi, _ in matched if preds[pi][subset]),
            "precision_exact": sum(1 for gi, pi, ex in matched if preds[pi][subset] and ex),
        }
    verdicts = {"right": 0, "wrong": 0, "empty": 0}
    for gi, pi, _ in matched:
        if gold[gi]["speech"] and _is_name(gold[gi]["source_text"]):
            verdicts[speaker_verdict(preds[pi]["speaker"], gold[gi]["source_text"])] += 1
    counts["source"] = verdicts
    return counts


def _prf(hits_p: int, pred: int, hits_r: int, gold: int) -> tuple[float, float, float]:
    p = hits_p / pred if pred else 0.0
    r = hits_r / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.benchmarks.polnear", description=__doc__.split("\n")[0])
    parser.add_argument("path", help="PolNeAR folder holding train/ and dev/")
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    args = parser.parse_args(argv)
    split = Path(args.path) / args.split
    texts = sorted((split / "text").glob("*.txt"))
    if not texts:
        print(f"error: no articles in {split / 'text'}", file=sys.stderr)
        return 2
    if args.limit:
        texts = texts[:args.limit]
    total = {s: dict.fromkeys(("gold", "pred", "recall_hits", "recall_exact", "precision_hits", "precision_exact"), 0)
             for s in ("quoted", "speech")}
    sources = {"right": 0, "wrong": 0, "empty": 0}
    scored = skipped = 0
    t0 = time.perf_counter()
    for path in texts:
        anns = sorted((split / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            skipped += 1
            continue
        try:
            counts = score_article(path.read_text(encoding="utf-8"), read_ann(anns[0]))
        except InputError:
            skipped += 1
            continue
        scored += 1
        for s in total:
            for k in total[s]:
                total[s][k] += counts[s][k]
        for k in sources:
            sources[k] += counts["source"][k]
    print(f"PolNeAR {args.split}: {scored} articles scored, {skipped} skipped, {time.perf_counter() - t0:.1f} s")
    names = {"quoted": "(a) quoted attributions", "speech": "(b) speech-verb cues"}
    for s, t in total.items():
        po, ro, fo = _prf(t["precision_hits"], t["pred"], t["recall_hits"], t["gold"])
        pe, re_, fe = _prf(t["precision_exact"], t["pred"], t["recall_exact"], t["gold"])
        print(f"{names[s]:26} gold {t['gold']:5}  pred {t['pred']:5}  "
              f"overlap P {po:.3f} R {ro:.3f} F1 {fo:.3f}   exact P {pe:.3f} R {re_:.3f} F1 {fe:.3f}")
    n = sum(sources.values())
    if n:
        print(f"source (gold source is a name, {n} matched (b) pairs): right {sources['right'] / n:.3f}, "
              f"wrong {sources['wrong'] / n:.3f}, empty {sources['empty'] / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
