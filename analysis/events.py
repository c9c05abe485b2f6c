"""Placeholder until the events extractor lands."""


def extract_events(doc):
    return []
