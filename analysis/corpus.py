"""Article files to documents: metadata, a normalised body, furniture, paragraphs and sentences.

Metadata precedence: YAML front matter in the file, then the folder's manifest.csv, then the
`published` fallback given by the caller. Every offset in every table indexes into `Document.body`.
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import CorpusError, InputError
from .furniture import find_furniture
from .sentences import Paragraph, Sentence, segment

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ["file", "title", "outlet", "url", "published", "sha256", "notes"]
FRONT_MATTER_KEYS = {"title", "outlet", "url", "published", "author", "notes"}


@dataclass
class Document:
    doc_id: str
    source: str
    title: str
    outlet: str
    url: str
    published: str          # ISO date, "" when unknown
    sha256: str             # of the file's bytes
    body: str
    agency: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing body offset `offset` (binary search: sentences are in order)."""
        i = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None


@dataclass
class Corpus:
    documents: list[Document]
    skipped: list[InputError]


def parse_date(value, path, what: str = "published") -> str:
    """An ISO date string, or InputError naming the file."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(path, f"{what} {str(value)!r} is not a date (expected YYYY-MM-DD)") from None


def decode(raw: bytes, path) -> str:
    """UTF-8 text without BOM and with '\\n' line endings; InputError with the bad byte's offset."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8 text (invalid byte 0x{raw[e.start]:02x} at byte offset {e.start})") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, path) -> tuple[dict, str]:
    """(metadata, body). Front matter is a '---' first line, YAML key: value lines, a '---' line."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise InputError(path, "malformed front matter: the '---' on line 1 is never closed") from None
    try:
        meta = yaml.safe_load("\n".join(lines[1:close])) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        problem = getattr(e, "problem", None) or "invalid YAML"
        raise InputError(path, f"malformed front matter on line {line}: {problem}") from None
    if not isinstance(meta, dict):
        raise InputError(path, "malformed front matter on line 2: expected 'key: value' lines")
    for i, line in enumerate(lines[1:close], start=2):
        key = line.split(":", 1)[0].strip()
        if line.strip() and not line.startswith((" ", "\t", "#")) and key not in FRONT_MATTER_KEYS:
            raise InputError(path, f"malformed front matter on line {i}: unknown key {key!r} "
                                   f"(allowed: {', '.join(sorted(FRONT_MATTER_KEYS))})")
    return meta, "\n".join(lines[close + 1:])


def read_manifest(folder: Path) -> dict[str, dict]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    raw = decode(path.read_bytes(), path)
    rows = list(csv.DictReader(raw.splitlines()))
    missing = [c for c in MANIFEST_COLUMNS if rows and c not in rows[0]]
    if missing:
        raise InputError(path, f"missing column(s): {', '.join(missing)}")
    return {row["file"]: row for row in rows}


def make_document(raw: bytes, source: str, path=None, manifest_row: dict | None = None,
                  published: str | None = None) -> Document:
    """Build a Document from a file's bytes (also used by tests on inline text)."""
    path = path or source
    sha = hashlib.sha256(raw).hexdigest()
    text = decode(raw, path)
    meta, body = split_front_matter(text, path)
    if not body.strip():
        raise InputError(path, "empty file (no article text)" if not meta else "no article text after the front matter")
    row = manifest_row or {}
    if row.get("sha256") and row["sha256"] != sha:
        raise InputError(path, f"bytes do not match the sha256 in {MANIFEST} ({row['sha256'][:12]}… expected, {sha[:12]}… found)")

    def pick(key):
        value = meta.get(key)
        if value is None or value == "":
            value = row.get(key) or ""
        return value

    date = parse_date(pick("published"), path) or parse_date(published, "--published")
    furniture = find_furniture(body)
    paragraphs, sentences = segment(body, furniture.spans)
    return Document(
        doc_id=f"d{sha[:10]}",
        source=source,
        title=str(pick("title")).strip() or furniture.headline,
        outlet=str(pick("outlet")).strip(),
        url=str(pick("url")).strip(),
        published=date,
        sha256=sha,
        body=body,
        agency=furniture.agency,
        paragraphs=paragraphs,
        sentences=sentences,
    )


def document_from_text(text: str, source: str = "inline.txt", published: str | None = None) -> Document:
    """A Document from a string: the loader as the extractors' tests use it."""
    return make_document(text.encode("utf-8"), source, published=published)


def input_files(inputs) -> list[Path]:
    """The .txt files named by INPUT arguments (files, or folders read in sorted order)."""
    files: list[Path] = []
    errors: list[InputError] = []
    for item in inputs:
        path = Path(item)
        if not path.exists():
            errors.append(InputError(path, "no such file or folder"))
        elif path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
            if not found:
                errors.append(InputError(path, "folder holds no .txt files"))
            files.extend(found)
        elif path.suffix.lower() != ".txt":
            errors.append(InputError(path, "not a .txt file"))
        else:
            files.append(path)
    if errors:
        raise CorpusError(errors)
    return files


def load_corpus(inputs, published: str | None = None, skip_bad: bool = False) -> Corpus:
    """Every document named by `inputs`. Bad files raise CorpusError listing all of them,
    unless `skip_bad`, which loads the rest and reports what it skipped."""
    fallback = parse_date(published, "--published") if published else None
    documents, errors = [], []
    manifests: dict[Path, dict] = {}
    seen: dict[str, str] = {}
    for path in input_files(inputs):
        try:
            folder = path.parent
            if folder not in manifests:
                manifests[folder] = read_manifest(folder)
            doc = make_document(path.read_bytes(), path.name, path, manifests[folder].get(path.name), fallback)
        except InputError as e:
            errors.append(e)
            continue
        except OSError as e:
            errors.append(InputError(path, e.strerror or str(e)))
            continue
        if doc.doc_id in seen:
            errors.append(InputError(path, f"same content as {seen[doc.doc_id]} (read once)"))
            continue
        seen[doc.doc_id] = str(path)
        documents.append(doc)
    if errors and not skip_bad:
        raise CorpusError(errors)
    return Corpus(documents, errors)
