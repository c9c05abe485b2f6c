"""Throughput of statement extraction (loader + statements) on one process.

    python benchmarks/statements_speed.py [--words 5000000]

Builds an in-memory corpus of at least --words words by repeating varied articles (the seed
articles and article-sized texts made of the statement tests' pattern texts; each copy gets a
distinct last line, so every document has its own id), then times loading and extraction and
prints words per second and peak memory. Speaker phrases repeat across copies, as names do in
real coverage, so the speaker-phrase cache is warm after the first copies.
A benchmark that prints figures, not a test.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from analysis.corpus import document_from_text  # noqa: E402
from analysis.statements import extract_statements  # noqa: E402


def source_texts() -> list[str]:
    """The seed articles, and article-sized texts made of the statement tests' pattern texts
    (eight snippets to an article, in several orders)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    from test_statements_patterns import PATTERN_TEXTS  # the tests' own texts
    snippets = list(PATTERN_TEXTS.values())
    for step in (1, 3, 7):
        order = [snippets[(i * step) % len(snippets)] for i in range(len(snippets))]
        texts.extend("\n\n".join(order[i:i + 8]) for i in range(0, len(order), 8))
    return texts


def build_corpus(min_words: int) -> tuple[list[str], int]:
    base = source_texts()
    docs, words, n = [], 0, 0
    while words < min_words:
        text = f"{base[n % len(base)]}\n\nCopy {n} of the benchmark corpus ends here.\n"
        docs.append(text)
        words += len(text.split())
        n += 1
    return docs, words


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=5_000_000, help="minimum corpus size in words")
    args = parser.parse_args(argv)
    docs, words = build_corpus(args.words)
    print(f"corpus: {len(docs)} documents, {words:,} words")

    t0, c0 = time.perf_counter(), time.process_time()
    rows = 0
    for text in docs:
        rows += len(extract_statements(document_from_text(text)))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"loader + statements: {elapsed:.1f} s wall, {words / elapsed:,.0f} words/s; "
          f"{cpu:.1f} s CPU, {words / cpu:,.0f} words per CPU second; {rows:,} statements")
    print(f"load average during the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs "
          f"(other processes slow the wall-clock figure)")

    tracemalloc.start()
    for text in docs[:200]:
        extract_statements(document_from_text(text))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory over 200 documents: {peak / 2**20:.1f} MiB; "
          f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
