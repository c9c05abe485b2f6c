"""Fit the two learned models of the event extractor on the hand-annotated fixture articles.

    python -m analysis.benchmarks.train_event_models [--dirs DIR ...] [--out FILE] [--sides-out FILE] [--cv]

The place scorer (`analysis.place_scorer`): its examples are the places the rules leave without an
event in sentences that have triggers; a place is positive when the gold has a (place, sentence)
pair for it, matched by the evaluation's names. Logistic regression (scikit-learn, lbfgs, L2 with
C = 1).

The side scorer (`analysis.side_scorer`): its examples are the event rows the extractor writes with
that place scorer, each labelled with the side of the gold pair it matches (rows that match no
pair, or a pair annotated with two sides, are left out). Multinomial logistic regression, C = 1.

Both are small and plain enough to read as JSON tables of weights. `--cv` leaves each fixture set
out in turn, fits both models on the others and prints the set's event scores with the rules
alone, with the place scorer and with both: the honest figure, since the committed models are
fitted on every set. Needs scikit-learn (installed with the test extra); the extractor does not.
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
from analysis.side_scorer import MODEL_PATH as SIDES_PATH
from analysis.side_scorer import SideScorer

C, THRESHOLD = 1.0, 0.5
SIDES_C, SIDES_THRESHOLD = 1.0, 0.7
_NO_SIDES = SideScorer({}, {}, 2.0)   # leaves every side as the rules gave it


class _Recorder:
    """A place scorer that keeps no place and writes down each one it was asked about."""

    def __init__(self):
        self.seen: list[tuple[dict, object, object]] = []

    def keep(self, feats: dict, mention) -> bool:
        self.seen.append((feats, *mention))
        return False


class _SideRecorder(SideScorer):
    """A side scorer that changes no side and writes down the features and row it was shown."""

    def __init__(self):
        super().__init__({}, {}, 2.0)
        self.seen: list[tuple[dict, dict]] = []

    def side(self, feats: dict, row: dict) -> str:
        self.seen.append((feats, row))
        return row["actor_side"]


def _articles(fixture_dir: Path):
    """(document, gold events, body) of every article of a fixture set."""
    for stem, path in fixture_articles(fixture_dir):
        doc = load_corpus([str(path)]).documents[0]
        yield doc, read_gold(fixture_dir / "gold", stem)[1], read_body(path)


def _gold_spans(doc, gold) -> dict[tuple[int, int], dict]:
    """Gold (sentence start, end) -> {'names': place names, 'sides': {name: sides}} of an article."""
    spans: dict = defaultdict(lambda: {"names": set(), "sides": defaultdict(set)})
    for g in gold.itertuples():
        start = doc.body.find(g.sentence)
        names = _aliases(g.place, normalise_place)
        spans[start, start + len(g.sentence)]["names"].update(names)
        for name in names:
            spans[start, start + len(g.sentence)]["sides"][name].add(str(g.actor_side))
    return spans


def examples(fixture_dir: Path) -> list[tuple[dict, bool]]:
    """(features, is a gold event place) for every place the place scorer is asked about in a set."""
    out = []
    for doc, gold, _ in _articles(fixture_dir):
        spans = _gold_spans(doc, gold)
        recorder = _Recorder()
        extract_events(doc, scorer=recorder, sides=_NO_SIDES)
        for feats, sentence, match in recorder.seen:
            wanted = set().union(*(v["names"] for (a, b), v in spans.items() if a < sentence.end and sentence.start < b))
            mention = {normalise_place(match.place.name), normalise_place(match.place_text)}
            out.append((feats, bool(mention & wanted)))
    return out


def side_examples(fixture_dir: Path, scorer: PlaceScorer) -> list[tuple[dict, str]]:
    """(features, gold side) for every row the extractor writes with `scorer` that matches a gold
    pair annotated with one side."""
    out = []
    for doc, gold, _ in _articles(fixture_dir):
        spans = _gold_spans(doc, gold)
        recorder = _SideRecorder()
        extract_events(doc, scorer=scorer, sides=recorder)
        for feats, row in recorder.seen:
            names = {normalise_place(row["place"]), normalise_place(row["place_text"])} - {""}
            span = next((v for (a, b), v in spans.items() if a <= row["start"] < b and names & v["names"]), None)
            if span:
                sides = set().union(*(span["sides"][n] for n in names & span["names"]))
                if len(sides) == 1:
                    out.append((feats, sides.pop()))
    return out


def _logistic(data: list[tuple[dict, object]], c: float):
    """The feature names and a scikit-learn logistic regression fitted on (features, label) pairs."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([f for f, _ in data])
    return vec.feature_names_, LogisticRegression(C=c, max_iter=5000).fit(x, [y for _, y in data])


def _rounded(names, coef) -> dict[str, float]:
    return {name: round(float(w), 5) for name, w in zip(names, coef) if round(float(w), 5)}


def fit(data: list[tuple[dict, bool]]) -> PlaceScorer:
    names, model = _logistic(data, C)
    return PlaceScorer(_rounded(names, model.coef_[0]), round(float(model.intercept_[0]), 5), THRESHOLD)


def fit_sides(data: list[tuple[dict, str]]) -> SideScorer:
    names, model = _logistic(data, SIDES_C)
    return SideScorer({str(side): _rounded(names, coef) for side, coef in zip(model.classes_, model.coef_)},
                      {str(side): round(float(b), 5) for side, b in zip(model.classes_, model.intercept_)},
                      SIDES_THRESHOLD)


def _scores(fixture_dir: Path, scorer, sides: SideScorer = _NO_SIDES) -> dict:
    scores = [score_events(pd.DataFrame(extract_events(doc, scorer=scorer, sides=sides), columns=columns("events")),
                           gold, body)
              for doc, gold, body in _articles(fixture_dir)]
    return micro_average([], scores)["events"]


def cross_validate(by_set: dict[str, tuple[Path, list]]) -> None:
    """Events R / P / side / status of each set with the rules alone, with a place scorer fitted on
    the other sets, and with a side scorer fitted on the rows of the other sets too."""
    print(f"{'left-out set':28} {'pairs':>5}  {'rules alone R / P / side / status':>33}  "
          f"{'with the place scorer':>24}  {'and the side scorer':>24}")
    rules_only = PlaceScorer({}, 0.0, 2.0)   # keeps nothing
    scorers = {held: fit([e for name, (_, data) in by_set.items() if name != held for e in data]) for held in by_set}
    rows = {held: side_examples(path, scorers[held]) for held, (path, _) in by_set.items()}
    for held, (path, _) in by_set.items():
        sides = fit_sides([e for name, data in rows.items() if name != held for e in data])
        scores = [_scores(path, rules_only), _scores(path, scorers[held]), _scores(path, scorers[held], sides)]
        cells = ["{recall:.2f} / {precision:.2f} / {actor_side_right:.2f} / {status_right:.2f}".format(**x)
                 for x in scores]
        print(f"{held:28} {scores[0]['n_gold']:5d}  {cells[0]:>33}  {cells[1]:>24}  {cells[2]:>24}")


def _write(path: str, model: dict) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    write_atomic(Path(path), (json.dumps(model, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.benchmarks.train_event_models",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--dirs", nargs="+", default=[str(d) for d in fixture_sets()], help="fixture folders")
    parser.add_argument("--out", default=str(MODEL_PATH), help=f"place scorer file (default {MODEL_PATH})")
    parser.add_argument("--sides-out", default=str(SIDES_PATH), help=f"side scorer file (default {SIDES_PATH})")
    parser.add_argument("--cv", action="store_true", help="leave each set out in turn and print what the models add")
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
    rows = {name: side_examples(path, scorer) for name, (path, _) in by_set.items()}
    sides = fit_sides([e for data in rows.values() for e in data])
    _write(args.out, {
        "about": "analysis/place_scorer.py: logistic regression over its features; fitted by "
                 "python -m analysis.benchmarks.train_event_models",
        "trained_on": {name: len(data) for name, (_, data) in by_set.items()},
        "C": C, "threshold": THRESHOLD, "intercept": scorer.intercept, "weights": scorer.weights,
    })
    _write(args.sides_out, {
        "about": "analysis/side_scorer.py: multinomial logistic regression over its features; fitted by "
                 "python -m analysis.benchmarks.train_event_models",
        "trained_on": {name: len(data) for name, data in rows.items()},
        "C": SIDES_C, "threshold": SIDES_THRESHOLD, "intercepts": sides.intercepts, "weights": sides.weights,
    })
    print(f"wrote {args.out}: {len(scorer.weights)} weights from {sum(len(d) for _, d in by_set.values())} examples")
    print(f"wrote {args.sides_out}: {sum(map(len, sides.weights.values()))} weights from "
          f"{sum(map(len, rows.values()))} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
