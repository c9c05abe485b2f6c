"""Score the extractors on the hand-annotated fixture articles.

    python -m analysis.benchmarks.fixtures [--dir tests/fixtures | --all] [--verbose]

Articles are `DIR/articles/*.txt` plus any article named by a gold file that lives in the
repository's `seeds/` folder; gold is `DIR/gold/<stem>.statements.csv` and `<stem>.events.csv`.
Prints per-article scores and micro-averages (matching rules: analysis/evaluation.py).
Exit status: 0 on success, 2 when the extractors or the fixtures cannot be used.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from analysis.evaluation import micro_average, read_body, read_gold, score_events, score_statements

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def fixture_sets() -> list[Path]:
    """The development set, then the held-out sets `heldout`, `heldout2`, … in the order they arrived."""
    held = [p for p in FIXTURES.glob("heldout*") if re.fullmatch(r"heldout\d*", p.name) and (p / "gold").is_dir()]
    return [FIXTURES] + sorted(held, key=lambda p: int(p.name[len("heldout"):] or 1))


def fixture_articles(fixture_dir: Path) -> list[tuple[str, Path]]:
    """(stem, article path) for every stem that has both gold files."""
    gold_dir = fixture_dir / "gold"
    stems = sorted(p.name[: -len(".statements.csv")] for p in gold_dir.glob("*.statements.csv")
                   if (gold_dir / p.name.replace(".statements.csv", ".events.csv")).exists())
    out = []
    for stem in stems:
        for folder in (fixture_dir / "articles", REPO / "seeds"):
            if (folder / f"{stem}.txt").exists():
                out.append((stem, folder / f"{stem}.txt"))
                break
        else:
            raise FileNotFoundError(f"no article {stem}.txt in {fixture_dir / 'articles'} or {REPO / 'seeds'}")
    return out


def _fmt(x: float) -> str:
    return f"{x:5.2f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.benchmarks.fixtures", description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--dir", default=str(FIXTURES), help="fixture folder (articles/ and gold/)")
    where.add_argument("--all", action="store_true", help="every fixture set: the development and held-out sets")
    parser.add_argument("--verbose", action="store_true", help="list misses, false positives and speaker errors")
    args = parser.parse_args(argv)

    try:
        from analysis.tables import extract_tables
    except Exception as e:  # ImportError, or an extractor module failing at import
        print(f"error: the extractors are not available (analysis.tables.extract_tables: {type(e).__name__}: {e})",
              file=sys.stderr)
        return 2
    if not args.all:
        return _score_set(Path(args.dir), args.verbose, extract_tables)
    for n, folder in enumerate(fixture_sets()):
        print(f"{chr(10) if n else ''}== {folder.relative_to(REPO).as_posix()}")
        status = _score_set(folder, args.verbose, extract_tables)
        if status:
            return status
    return 0


def _score_set(fixture_dir: Path, verbose: bool, extract_tables) -> int:
    """Print the per-article and micro-averaged scores of one fixture folder; 2 when it cannot be used."""
    try:
        articles = fixture_articles(fixture_dir)
    except (OSError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not articles:
        print(f"error: no gold files in {fixture_dir / 'gold'}", file=sys.stderr)
        return 2
    try:
        tables = extract_tables([str(p) for _, p in articles])
    except Exception as e:
        print(f"error: extract_tables failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 2

    docs, stmts, events = tables["documents"], tables["statements"], tables["events"]
    if stmts.empty and events.empty:
        print(f"error: the extractors returned no statements and no events for any of the {len(articles)} fixture "
              "articles (still placeholders?)", file=sys.stderr)
        return 2
    st_scores, ev_scores = [], []
    header = (f"{'article':44} {'st gold':>7} {'pred':>5} {'R':>5} {'P':>5} {'F1':>5} {'spk ok':>6} "
              f"{'ev gold':>7} {'pred':>5} {'R':>5} {'P':>5} {'side':>5} {'stat':>5}")
    print(header)
    print("-" * len(header))
    for stem, path in articles:
        body = read_body(path)
        row = docs[docs["source"] == path.name]
        if row.empty:
            print(f"error: {path.name} missing from the documents table", file=sys.stderr)
            return 2
        doc_id = row.iloc[0]["doc_id"]
        if "n_chars" in row and int(row.iloc[0]["n_chars"]) != len(body):
            print(f"warning: {path.name}: loader body has {row.iloc[0]['n_chars']} chars, evaluation body {len(body)}",
                  file=sys.stderr)
        gold_st, gold_ev = read_gold(fixture_dir / "gold", stem)
        s = score_statements(stmts[stmts["doc_id"] == doc_id], gold_st, body)
        e = score_events(events[events["doc_id"] == doc_id], gold_ev, body)
        st_scores.append(s)
        ev_scores.append(e)
        print(f"{stem[:44]:44} {s['n_gold']:7d} {s['n_pred']:5d} {_fmt(s['recall'])} {_fmt(s['precision'])} "
              f"{_fmt(s['f1'])} {_fmt(s['speaker_right']):>6} {e['n_gold']:7d} {e['n_pred']:5d} "
              f"{_fmt(e['recall'])} {_fmt(e['precision'])} {_fmt(e['actor_side_right'])} {_fmt(e['status_right'])}")
        if verbose:
            for m in s["misses"]:
                print(f"    st MISS  [{m['kind']}] {m['speaker']!r}: {m['text'][:90]!r}")
            for fp in s["false_positives"]:
                print(f"    st FP    {fp['speaker']!r}: {fp['text'][:90]!r}")
            for m in s["speaker_errors"]:
                print(f"    st SPK   {m['speaker']}: gold {m['gold_speaker']!r} pred {m['pred_speaker']!r}: "
                      f"{m['gold_text'][:60]!r}")
            for m in e["misses"]:
                print(f"    ev MISS  {m['place']} ({', '.join(m['actions'])}): {m['sentence'][:80]!r}")
            for fp in e["false_positives"]:
                print(f"    ev FP    {fp['place']} ({fp['action']}) @{fp['start']}: {fp['sentence'][:80]!r}")
            for a in e["attribute_errors"]:
                print(f"    ev ATTR  {a['place']}: side gold {a['gold_sides']} pred {a['pred_sides']}, "
                      f"status gold {a['gold_statuses']} pred {a['pred_statuses']}")
    m = micro_average(st_scores, ev_scores)
    s, e = m["statements"], m["events"]
    print("-" * len(header))
    print(f"{'MICRO-AVERAGE':44} {s['n_gold']:7d} {s['n_pred']:5d} {_fmt(s['recall'])} {_fmt(s['precision'])} "
          f"{_fmt(s['f1'])} {_fmt(s['speaker_right']):>6} {e['n_gold']:7d} {e['n_pred']:5d} "
          f"{_fmt(e['recall'])} {_fmt(e['precision'])} {_fmt(e['actor_side_right'])} {_fmt(e['status_right'])}")
    print(f"statements: speaker right {s['speaker_right']:.2f}, wrong {s['speaker_wrong']:.2f}, "
          f"empty {s['speaker_empty']:.2f} (of {s['n_matched']} matched); "
          f"events: action right {e['action_right']:.2f} (of {e['n_found']} found (place, sentence) pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
