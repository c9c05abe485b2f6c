"""Benchmarks: scoring the extractors on hand-annotated fixtures."""
