"""Lookups from the curated reference tables in data/reference/, read once per process."""
from __future__ import annotations

import csv
import functools

from .config import REFERENCE_DIR


@functools.lru_cache(maxsize=None)
def mapping(filename: str, key: str, value: str) -> dict[str, str]:
    """key -> value from a reference CSV ('countries.csv', 'iso3', 'country': 'RUS' -> 'Russia')."""
    with open(REFERENCE_DIR / filename, newline="", encoding="utf-8") as fh:
        return {row[key]: row[value] for row in csv.DictReader(fh) if row.get(key) and row.get(value)}
