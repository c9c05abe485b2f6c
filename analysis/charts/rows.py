"""The events and statements columns the figures use, cleaned once: CSV blanks as '', numbers as
floats, and the defaults the schema implies (no statement around an event means it is reported)."""
from __future__ import annotations

import pandas as pd

from ..reference import mapping
from .base import days, number, text

NO_COUNTRY = "Not stated"


def event_rows(events: pd.DataFrame) -> pd.DataFrame:
    """Events in reading order (date, document, sentence), with a day label and readable actions."""
    rows = pd.DataFrame({c: text(events, c) for c in [
        "event_id", "doc_id", "date", "actor", "actor_side", "action", "action_text", "place",
        "place_type", "admin1", "extent", "distance_from", "status", "claimed_by", "sentence"]})
    for column in ["lat", "lon", "km_to_damascus", "distance_km", "sentence_index"]:
        rows[column] = number(events, column)
    rows["actor_side"] = rows["actor_side"].replace("", "unknown")
    rows["status"] = rows["status"].replace("", "reported")
    # Where, as a reader should see it: a governorate is not its capital city ('Homs governorate', 'Homs').
    rows["where"] = rows["place"].where(rows["place_type"] != "governorate", rows["place"] + " governorate")
    # What happened, with the extent the text gives ('lost control (most of)'), for labels and tooltips.
    rows["what"] = rows["action"].str.replace("_", " ") + (" (" + rows["extent"] + ")").where(rows["extent"] != "", "")
    rows["day"], _ = days(rows["date"])
    rows["_when"] = pd.to_datetime(rows["date"].replace("", pd.NA), errors="coerce")
    rows = rows.sort_values(["_when", "doc_id", "sentence_index", "event_id"], na_position="last", kind="stable")
    return rows.drop(columns="_when").reset_index(drop=True)


def statement_rows(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per statement group: a quote interrupted by its attribution is one statement."""
    rows = pd.DataFrame({c: text(statements, c) for c in [
        "statement_id", "statement_group", "doc_id", "text", "speaker", "speaker_role",
        "speaker_country", "side", "stances", "stance_cues"]})
    rows["side"] = rows["side"].replace("", "unknown")
    rows["statement_group"] = rows["statement_group"].where(rows["statement_group"] != "", rows["statement_id"])
    rows["who"] = rows["speaker"].where(rows["speaker"] != "", "unnamed " + rows["side"] + " source")
    names = mapping("countries.csv", "iso3", "country")
    rows["country"] = rows["speaker_country"].map(lambda code: names.get(code, code) or NO_COUNTRY)
    joined = lambda s: "; ".join(x for x in s if x)  # noqa: E731
    grouped = rows.groupby("statement_group", sort=False).agg(
        text=("text", " … ".join), stances=("stances", joined), stance_cues=("stance_cues", joined),
        **{c: (c, "first") for c in ["doc_id", "who", "speaker_role", "country", "side"]})
    return grouped.reset_index()


def split_list(value: str) -> list[str]:
    """'a; b; a' -> ['a', 'b']: the tables' semicolon-joined lists, without repeats."""
    return list(dict.fromkeys(p.strip() for p in value.split(";") if p.strip()))
