"""Fit the place scorer of `analysis.place_scorer` on the hand-annotated fixture articles.

    python -m analysis.benchmarks.train_place_scorer [--dirs DIR ...] [--out FILE] [--cv]

Examples are the places the rules leave without an event in sentences that have triggers (the
scorer's only input); a place is positive when the gold has a (place, sentence) pair for it,
matched by the evaluation's names. Logistic regression (scikit-learn, lbfgs, L2 with C = 1): a
model small and plain enough to read as a JSON table of weights. `--cv` leaves each fixture set
out in turn, fits on the others and prints the set's event scores with the rules alone and with
that scorer: the honest figure, since the committed model is fitted on every set. Needs
scikit-learn (installed with the test extra); the extractor itself does not.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

from analysis.benchmarks.fixtures import REPO, fixture_articles, fixture_sets
from analysis.corpus import load_corpus
from analysis.evaluation import _aliases, micro_average, normalise_place, read_body, read_gold, score_events
from analysis.events import extract_events
from analysis.files import write_atomic
from analysis.place_scorer import MODEL_PATH, PlaceScorer
from analysis.schema import columns

C, THRESHOLD = 1.0, 0.5


class _Recorder:
    """A scorer that keeps no place and writes down each one it was asked about."""

    def __init__(self):
        self.seen: list[tuple[dict, object, object]] = []

    def keep(self, feats: dict, mention) -> bool:
        self.seen.append((feats, *mention))
        return False


def _articles(fixture_dir: Path):
    """(document, gold events, body) of every article of a fixture set."""
    for stem, path in fixture_articles(fixture_dir):
        doc = load_corpus([str(path)]).documents[0]
        yield doc, read_gold(fixture_dir / "gold", stem)[1], read_body(path)


def examples(fixture_dir: Path) -> list[tuple[dict, bool]]:
    """(features, is a gold event place) for every place the scorer is asked about in a set."""
    out = []
    for doc, gold, _ in _articles(fixture_dir):
        names = defaultdict(set)   # gold sentence span -> place names
        for g in gold.itertuples():
            start = doc.body.find(g.sentence)
            names[start, start + len(g.sentence)].update(_aliases(g.place, normalise_place))
        recorder = _Recorder()
        extract_events(doc, scorer=recorder)
        for feats, sentence, match in recorder.seen:
            wanted = set().union(*(v for (a, b), v in names.items() if a < sentence.end and sentence.start < b))
            mention = {normalise_place(match.place.name), normalise_place(match.place_text)}
            out.append((feats, bool(mention & wanted)))
    return out


def fit(data: list[tuple[dict, bool]]) -> PlaceScorer:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([f for f, _ in data])
    model = LogisticRegression(C=C, max_iter=5000).fit(x, [y for _, y in data])
    weights = {name: round(float(w), 5) for name, w in zip(vec.feature_names_, model.coef_[0]) if round(float(w), 5)}
    return PlaceScorer(weights, round(float(model.intercept_[0]), 5), THRESHOLD)


def _scores(fixture_dir: Path, scorer) -> dict:
    scores = [score_events(pd.DataFrame(extract_events(doc, scorer=scorer), columns=columns("events")), gold, body)
              for doc, gold, body in _articles(fixture_dir)]
    return micro_average([], scores)["events"]


def cross_validate(by_set: dict[str, tuple[Path, list]]) -> None:
    """Events R / P / side / status of each set with the rules alone and with a scorer fitted on the other sets."""
    print(f"{'left-out set':28} {'pairs':>5}  {'rules alone R / P / side / status':>33}  {'with the scorer':>30}")
    rules_only = PlaceScorer({}, 0.0, 2.0)   # keeps nothing
    for held, (path, _) in by_set.items():
        scorer = fit([e for name, (_, data) in by_set.items() if name != held for e in data])
        scores = [_scores(path, s) for s in (rules_only, scorer)]
        a, b = ("{recall:.2f} / {precision:.2f} / {actor_side_right:.2f} / {status_right:.2f}".format(**x) for x in scores)
        print(f"{held:28} {scores[0]['n_gold']:5d}  {a:>33}  {b:>30}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.benchmarks.train_place_scorer",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--dirs", nargs="+", default=[str(d) for d in fixture_sets()], help="fixture folders")
    parser.add_argument("--out", default=str(MODEL_PATH), help=f"model file (default {MODEL_PATH})")
    parser.add_argument("--cv", action="store_true", help="leave each set out in turn and print what the scorer adds")
    args = parser.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("error: training needs scikit-learn (pip install -r requirements.lock)", file=sys.stderr)
        return 2
    by_set = {}   # set name -> (folder, examples)
    for d in args.dirs:
        path = Path(d).resolve()
        name = path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else d
        try:
            by_set[name] = path, examples(path)
        except (OSError, ValueError) as e:
            print(f"error: {d}: {e}", file=sys.stderr)
            return 2
    if args.cv:
        cross_validate(by_set)
        return 0
    scorer = fit([e for _, data in by_set.values() for e in data])
    model = {
        "about": "analysis/place_scorer.py: logistic regression over its features; fitted by "
                 "python -m analysis.benchmarks.train_place_scorer",
        "trained_on": {name: len(data) for name, (_, data) in by_set.items()},
        "C": C, "threshold": THRESHOLD, "intercept": scorer.intercept, "weights": scorer.weights,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    write_atomic(Path(args.out), (json.dumps(model, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    print(f"wrote {args.out}: {len(scorer.weights)} weights from {sum(len(data) for _, data in by_set.values())} examples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
