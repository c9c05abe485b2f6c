"""Throughput of event extraction on one process (target: 200,000 words a second).

    python benchmarks/events_speed.py [--words 2000000]

Builds an in-memory corpus of at least --words words by repeating the seed articles and the event
tests' own texts (wire, live-blog and analysis styles; each copy gets a distinct last line, so every
document has its own id), loads it, then times `extract_events` alone and prints words per second
of CPU time. Event-dense on purpose: almost every sentence names a place.
A benchmark that prints figures, not a test.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from analysis.corpus import document_from_text  # noqa: E402
from analysis.events import extract_events  # noqa: E402


def source_texts() -> list[str]:
    import test_events_rules as rules  # the tests' own texts

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts + [rules.WIRE_ALEPPO, rules.LIVE_DAMASCUS, rules.HOMS_ANALYSIS]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=2_000_000, help="minimum corpus size in words")
    args = parser.parse_args(argv)
    base, docs, words = source_texts(), [], 0
    while words < args.words:
        text = f"{base[len(docs) % len(base)]}\n\nCopy {len(docs)} of the benchmark corpus ends here.\n"
        docs.append(document_from_text(text, published="2024-12-07"))
        words += len(text.split())
    t0 = time.process_time()
    rows = sum(len(extract_events(doc)) for doc in docs)
    seconds = time.process_time() - t0
    print(f"corpus: {len(docs)} documents, {words:,} words; {rows:,} event rows")
    print(f"extract_events: {seconds:.2f} s CPU, {words / seconds:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
