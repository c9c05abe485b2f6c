"""Pieces every figure shares: cleaned columns, titles that name the source, the day axis, 'no data'."""
from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from .theme import MUTED, WIDTH

UNDATED = "undated"
FEW_DAYS = 3  # up to this many days there is room to write the actions beside the marks
MAX_ROWS = 40  # rows (places, speakers) a figure shows before it keeps only the busiest
STATUSES = ["reported", "claimed", "denied"]
# Symbol paths in the unit square, so marks and legend agree: a disc for a fact, a ring for a claim,
# a saltire for a denial. Every symbol is filled with the side's colour.
DISC = "circle"
RING = ("M0,-1A1,1 0 1,1 0,1A1,1 0 1,1 0,-1Z"
        "M0,-0.55A0.55,0.55 0 1,0 0,0.55A0.55,0.55 0 1,0 0,-0.55Z")
SALTIRE = "M-1,-0.7L-0.7,-1L0,-0.3L0.7,-1L1,-0.7L0.3,0L1,0.7L0.7,1L0,0.3L-0.7,1L-1,0.7L-0.3,0Z"


def text(df: pd.DataFrame, column: str) -> pd.Series:
    """A text column with missing values as '' (CSV readers turn empty cells into NaN)."""
    if column not in df:
        return pd.Series("", index=df.index, dtype=object)
    return df[column].astype(object).where(df[column].notna(), "").astype(str).str.strip()


def number(df: pd.DataFrame, column: str) -> pd.Series:
    if column not in df:
        return pd.Series(float("nan"), index=df.index)
    return pd.to_numeric(df[column], errors="coerce")


def source_line(df: pd.DataFrame, unit: str) -> str:
    """'Source: 12 events from 3 articles …': every figure says where its numbers come from."""
    n_docs = text(df, "doc_id").replace("", pd.NA).nunique()
    units = f"{len(df)} {unit}{'' if len(df) == 1 else 's'}"
    articles = f"{n_docs} article{'' if n_docs == 1 else 's'}"
    return f"Source: {units} extracted from {articles} of the desk's news corpus."


def title(text_: str, *subtitle: str) -> alt.Title:
    return alt.Title(text_, subtitle=[line for line in subtitle if line])


def no_data(heading: str, note: str, height: int = 120) -> alt.Chart:
    """A figure that says plainly there is nothing to show, instead of failing or drawing empty axes."""
    return (alt.Chart(alt.Data(values=[{"note": note}]), title=title(heading, note))
            .mark_text(fontSize=14, color=MUTED, fontStyle="italic")
            .encode(text="note:N")
            .properties(width=WIDTH, height=height))


def busiest(counts: pd.Series, limit: int, noun: str) -> tuple[set, tuple[str, ...]]:
    """The `limit` keys with the highest counts (ties by name) and, when some are left out, a caption
    line that says so: a long corpus must not turn a figure into a scroll."""
    keys = sorted(counts.index, key=lambda k: (-counts[k], str(k)))
    if len(keys) <= limit:
        return set(keys), ()
    return set(keys[:limit]), (f"Showing the {limit} {noun} with the most entries, of {len(keys)}.",)


def day_label(day: dt.date) -> str:
    return f"{day:%b} {day.day}"


def days(dates: pd.Series) -> tuple[pd.Series, list[str]]:
    """Day labels for each row and the axis domain: every day from first to last, gaps included, so
    one day reads as one column and a long offensive keeps its rhythm; rows without a date go last."""
    parsed = pd.to_datetime(dates.replace("", pd.NA), errors="coerce").dt.date
    known = sorted(parsed.dropna().unique())
    domain = []
    if known:
        span = (known[-1] - known[0]).days
        domain = [day_label(known[0] + dt.timedelta(days=i)) for i in range(span + 1)]
    labels = parsed.map(lambda d: UNDATED if pd.isna(d) else day_label(d))
    if (labels == UNDATED).any():
        domain.append(UNDATED)
    return labels.astype(str), domain


def status_shape() -> alt.Shape:
    """Facts as discs, claims as rings, denials as crosses: the same marks in every figure."""
    return alt.Shape("status:N", title="Status", scale=alt.Scale(domain=STATUSES, range=[DISC, RING, SALTIRE]),
                     legend=alt.Legend(symbolFillColor="#555555", symbolStrokeWidth=0, symbolSize=130))
