"""Turn news articles into tables of events and actor statements, with exact provenance."""
from .corpus import Document, document_from_text, load_corpus
from .tables import extract_tables

__all__ = ["Document", "document_from_text", "extract_tables", "load_corpus"]
