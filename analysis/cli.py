"""Command line: `python -m analysis extract INPUT [INPUT ...] --out DIR`."""
from __future__ import annotations

import argparse
import sys

from .corpus import load_corpus
from .errors import CorpusError, InputError, print_errors
from .tables import document_tables, write_tables


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract documents, sentences, statements and events tables")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="a .txt article or a folder of them")
    ex.add_argument("--out", required=True, metavar="DIR", help="folder for the CSV tables")
    ex.add_argument("--published", metavar="YYYY-MM-DD",
                    help="publication date for files whose front matter and manifest give none")
    ex.add_argument("--skip-bad", action="store_true", help="extract the good files, list the bad ones")
    return parser


def extract(args) -> int:
    corpus = load_corpus(args.inputs, args.published, args.skip_bad)
    for err in corpus.skipped:
        print(f"skipped {err}", file=sys.stderr)
    tables = document_tables(corpus.documents)
    for path in write_tables(tables, args.out):
        print(f"wrote {path} ({len(tables[path.stem])} rows)")
    return 0


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        return extract(args)
    except (CorpusError, InputError) as e:
        return print_errors(e)
