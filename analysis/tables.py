"""From documents to the published tables, and writing them atomically."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd

from .corpus import Corpus, Document, load_corpus
from .errors import InputError
from .events import extract_events
from .files import write_atomic
from .schema import columns
from .statements import extract_statements


def document_tables(documents: list[Document]) -> dict[str, pd.DataFrame]:
    """The four tables for already-loaded documents."""
    docs, sents, stmts, events = [], [], [], []
    for doc in documents:
        docs.append({
            "doc_id": doc.doc_id, "source": doc.source, "title": doc.title, "outlet": doc.outlet,
            "url": doc.url, "published": doc.published, "sha256": doc.sha256,
            "n_chars": len(doc.body), "n_sentences": len(doc.sentences), "agency": doc.agency,
        })
        sents.extend({"doc_id": doc.doc_id, "sentence_index": s.index, "paragraph_index": s.paragraph_index,
                      "start": s.start, "end": s.end, "text": s.text} for s in doc.sentences)
        stmts.extend(extract_statements(doc))
        events.extend(extract_events(doc))
    rows = {"documents": docs, "sentences": sents, "statements": stmts, "events": events}
    return {name: pd.DataFrame(data, columns=columns(name)) for name, data in rows.items()}


def extract_tables(inputs, published: str | None = None, skip_bad: bool = False) -> dict[str, pd.DataFrame]:
    """documents, sentences, statements and events for article files or folders (as `extract`)."""
    return document_tables(load_corpus(inputs, published, skip_bad).documents)


def check_writable(out: Path) -> None:
    """InputError unless `out` is (or can be made) a folder we can write into."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".probe-"):
            pass
    except (OSError, ValueError) as e:
        raise InputError(out, f"cannot write the output folder ({getattr(e, 'strerror', None) or e})") from None


def table_csv(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_tables(tables: dict[str, pd.DataFrame], out) -> list[Path]:
    """Each table as OUT/NAME.csv (UTF-8, header row), written atomically."""
    out = Path(out)
    check_writable(out)
    payloads = {out / f"{name}.csv": table_csv(df) for name, df in tables.items()}
    for path, data in payloads.items():
        write_atomic(path, data)
    return list(payloads)


__all__ = ["Corpus", "extract_tables", "document_tables", "write_tables", "load_corpus"]
