"""The report's findings as plain sentences, computed from the tables (never written by hand).

Every sentence counts, names or ranks what the tables hold, so a new article set gives new
findings; empty or partial tables give sentences that say so instead of failing.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .reference import mapping

TOP = 6     # names listed in one sentence at most


def governorate_name(code: str) -> str:
    """'SY-HI' -> 'Homs' (the code itself when unknown)."""
    return mapping("places.csv", "admin1", "admin1_name").get(code, code)


def country_name(code: str) -> str:
    """'RUS' -> 'Russia' (the code itself when unknown)."""
    return mapping("countries.csv", "iso3", "country").get(code, code)


def _words(name: str) -> str:
    """An action of the fixed vocabulary as words: 'took_control' -> 'took control'."""
    return name.replace("_", " ")


def _values(series: pd.Series) -> list[str]:
    """Non-empty values as stripped strings."""
    return [str(v).strip() for v in series if not _blank(v)]


def _blank(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == ""


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _listing(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _ranked(counter: Counter, top: int = TOP) -> str:
    """'A (3), B (2) and 2 others', most frequent first, ties in alphabetical order."""
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = [f"{k} ({v})" if v > 1 else k for k, v in ranked[:top]]
    if len(ranked) > top:
        shown.append(_plural(len(ranked) - top, "other"))
    return _listing(shown)


def _col(df: pd.DataFrame, name: str) -> pd.Series:
    return df[name] if name in df.columns else pd.Series([None] * len(df), dtype=object)


def corpus_findings(tables: dict[str, pd.DataFrame]) -> list[str]:
    docs = tables["documents"]
    if docs.empty:
        return ["No articles were loaded."]
    dates = sorted(_values(_col(docs, "published")))
    when = ("published " + (dates[0] if dates[0] == dates[-1] else f"between {dates[0]} and {dates[-1]}")) \
        if dates else "with no publication date"
    outlets = sorted(set(_values(_col(docs, "outlet"))))
    source = f" from {_listing(outlets)}" if outlets else ""
    return [f"{_plural(len(docs), 'article')}{source}, {when}, give {_plural(len(tables['sentences']), 'sentence')}, "
            f"{_plural(len(tables['events']), 'event')} and {_plural(len(tables['statements']), 'statement')}."]


def event_findings(events: pd.DataFrame) -> list[str]:
    if events.empty:
        return ["No events were extracted from these articles."]
    out = []
    sides = Counter(_values(_col(events, "actor_side")))
    rebels = events[_col(events, "actor_side").astype(str) == "opposition"]
    if not rebels.empty:
        places = Counter(_values(_col(rebels, "place")))
        actions = Counter(_words(a) for a in _values(_col(rebels, "action")))
        govs = sorted({governorate_name(g) for g in _values(_col(rebels, "admin1"))})
        sentence = f"Rebel (opposition) actions: {_plural(len(rebels), 'event')}"
        if places:
            sentence += f" in {_plural(len(places), 'place')}: {_ranked(places)}"
        if govs:
            sentence += f", across {_plural(len(govs), 'governorate')} ({_listing(govs)})"
        out.append(sentence + ".")
        if actions:
            out.append(f"What the rebels did, by the fixed action vocabulary: {_ranked(actions)}.")
        km = pd.to_numeric(_col(rebels, "km_to_damascus"), errors="coerce")
        at_capital = int((km < 1).sum())
        if at_capital:
            out.append(f"{_plural(at_capital, 'rebel event')} name{'s' if at_capital == 1 else ''} Damascus itself.")
        outside = km[km >= 1]
        if not outside.empty:
            row = rebels.loc[outside.idxmin()]
            lead = "Apart from the capital, the nearest place" if at_capital else "The nearest place"
            out.append(f"{lead} named in a rebel action is {row['place']} "
                       f"({float(outside.min()):.0f} km from Damascus).")
    else:
        out.append("No event is attributed to the opposition.")
    stated = events[pd.to_numeric(_col(events, "distance_km"), errors="coerce").notna()]
    if not stated.empty:
        pairs = Counter(f"{float(r['distance_km']):g} km from {r['distance_from'] or 'an unnamed place'}"
                        for _, r in stated.iterrows())
        out.append(f"Distances stated in the text: {_ranked(pairs)}.")
    others = {k: v for k, v in sides.items() if k != "opposition"}
    if others:
        out.append(f"Events by other actors: {_ranked(Counter(others))}.")
    status = Counter(_values(_col(events, "status")))
    if status:
        meaning = {"reported": "reported by the outlet", "claimed": "claimed by a party", "denied": "denied"}
        parts = [f"{v} {meaning.get(k, k)}" for k, v in sorted(status.items(), key=lambda kv: (-kv[1], kv[0]))]
        claimants = Counter(_values(_col(events[_col(events, "status").astype(str) == "claimed"], "claimed_by")))
        sentence = f"Of the {_plural(len(events), 'event')}, {_listing(parts)}"
        if claimants:
            sentence += f"; the claims come from {_ranked(claimants)}"
        out.append(sentence + ".")
    dates = sorted(_values(_col(events, "date")))
    if dates:
        undated = len(events) - len(dates)
        span = f"fall on {dates[0]}" if dates[0] == dates[-1] else f"run from {dates[0]} to {dates[-1]}"
        out.append(f"Dated events {span}" + (f"; {_plural(undated, 'event')} carry no date." if undated else "."))
    return out


def statement_findings(statements: pd.DataFrame) -> list[str]:
    if statements.empty:
        return ["No statements were extracted from these articles."]
    out = []
    groups = _col(statements, "statement_group")
    n = groups.nunique() if groups.notna().any() else len(statements)
    speakers = Counter(_values(_col(statements, "speaker")))
    kinds = Counter(_values(_col(statements, "kind")))
    sentence = f"{_plural(n, 'statement')} from {_plural(len(speakers), 'named speaker')}"
    if kinds:
        sentence += f" ({_ranked(kinds)})"
    out.append(sentence + ".")
    sides = Counter(_values(_col(statements, "side")))
    if sides:
        out.append(f"By side: {_ranked(sides)}.")
    if speakers:
        out.append(f"Most quoted: {_ranked(speakers)}.")
    stances = Counter()
    by_country: dict[str, Counter] = {}
    for _, row in statements.iterrows():
        found = [s.strip() for s in str(row.get("stances") or "").split(";") if s.strip() and not _blank(s)]
        stances.update(found)
        country = "" if _blank(row.get("speaker_country")) else country_name(str(row["speaker_country"]))
        if country:
            by_country.setdefault(country, Counter()).update(found)
    if stances:
        out.append(f"Stances found: {_ranked(stances)}.")
    for country in sorted(by_country, key=lambda c: (-sum(by_country[c].values()), c))[:TOP]:
        if by_country[country]:
            out.append(f"{country}: {_ranked(by_country[country], top=3)}.")
    unattributed = sum(1 for v in _col(statements, "speaker") if _blank(v))
    if unattributed:
        out.append(f"{_plural(unattributed, 'statement row')} name no speaker.")
    return out


def findings(tables: dict[str, pd.DataFrame]) -> list[str]:
    """All findings, in the report's order."""
    return corpus_findings(tables) + event_findings(tables["events"]) + statement_findings(tables["statements"])
