"""Placeholder until the statements extractor lands."""


def extract_statements(doc):
    return []
