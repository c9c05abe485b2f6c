"""Figures about who said what: stances and countries from the statements table, and the claims
and counter-claims the events table records place by place."""
from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from .base import MAX_ROWS, busiest, no_data, source_line, title
from .rows import NO_COUNTRY, event_rows, split_list, statement_rows
from .theme import INK, MUTED, STANCE_COLORS, WIDTH, side_scale

NO_STANCE = "no stance cue"
COLUMNS = {"reported": "Reported as fact", "claimed": "Claimed in a statement", "denied": "Denied"}


def _lookup_expr(mapping: dict, default: str = "datum.value") -> str:
    """A Vega expression that relabels axis values through a fixed table (labels wrapped or renamed)."""
    return f"{json.dumps(mapping, ensure_ascii=False)}[datum.value] || {default}"


def _wrap(label: str, width: int) -> list[str]:
    """Lines of at most `width` characters; only words too long for a line break at their hyphens."""
    words = [w.replace("-", "- ") if len(w) > width else w for w in label.split()]
    return [line.replace("- ", "-") for line in textwrap.wrap(" ".join(words), width, break_long_words=False)]


def _light(color: str) -> bool:
    """Whether dark text reads better than white on this '#rrggbb' colour (relative luminance)."""
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5


def _shorten(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def stance_cells(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker and stance: how many statements, the cue words, the first quote."""
    cells = []
    for r in statement_rows(statements).itertuples():
        for stance in split_list(r.stances) or [NO_STANCE]:
            cells.append({"who": r.who, "side": r.side, "country": r.country, "role": r.speaker_role,
                          "stance": stance, "cues": ", ".join(split_list(r.stance_cues)), "quote": r.text})
    if not cells:
        return pd.DataFrame(columns=["who", "stance", "side", "country", "role", "n", "cues", "quote"])
    return (pd.DataFrame(cells).groupby(["who", "stance"], sort=False)
            .agg(side=("side", "first"), country=("country", "first"), role=("role", "first"),
                 n=("quote", "size"), cues=("cues", lambda s: ", ".join(dict.fromkeys(c for c in s if c))),
                 quote=("quote", lambda s: _shorten(s.iloc[0], 300) + (f" (+{len(s) - 1} more)" if len(s) > 1 else "")))
            .reset_index())


def stance_matrix(statements: pd.DataFrame) -> alt.FacetChart | alt.Chart:
    """Who said what kind of thing: speakers (grouped by side) against the stances their words signal."""
    heading = "Who said what: the stances in the statements"
    source = source_line(statements, "statement")
    cells = stance_cells(statements)
    if cells.empty:
        return no_data(heading, "No statements in this corpus. " + source)
    kept, note = busiest(cells.groupby("who")["n"].sum(), MAX_ROWS, "speakers")
    cells = cells[cells["who"].isin(kept)]
    totals = cells.groupby("stance")["n"].sum()
    stances = sorted(totals.index, key=lambda s: (s == NO_STANCE, -totals[s], s))
    sides = list(side_scale(cells["side"]).domain)
    said = cells.groupby("who")["n"].sum()
    order = sorted(said.index, key=lambda w: (-said[w], w))
    named = [s for s in stances if s != NO_STANCE]
    palette = dict(zip(named + [NO_STANCE], [STANCE_COLORS[i % len(STANCE_COLORS)] for i in range(len(named))]
                       + ["#bbbbbb"]))
    colors = alt.Scale(domain=list(palette), range=list(palette.values()))
    cells = cells.assign(ink=cells["stance"].map(lambda s: INK if _light(palette[s]) else "white"))
    lines = {s: _wrap(s, 13) for s in stances}
    depth = max(len(v) for v in lines.values())
    wrapped = {s: [""] * (depth - len(v)) + v for s, v in lines.items()}  # bottom-aligned headers
    line_height = 13
    x = alt.X("stance:N", sort=stances, title=None, scale=alt.Scale(domain=stances),
              axis=alt.Axis(orient="top", labelAngle=0, labelExpr=_lookup_expr(wrapped), labelBaseline="bottom",
                            labelLineHeight=line_height, labelFontSize=10.5, domain=False, ticks=False,
                            labelPadding=(depth - 1) * line_height + 8))
    y = alt.Y("who:N", sort=order, title=None,
              axis=alt.Axis(labelLimit=220, ticks=False, domain=False, grid=True, gridDash=[1, 3]))
    tooltip = [alt.Tooltip("who:N", title="Speaker"), alt.Tooltip("role:N", title="Role"),
               alt.Tooltip("country:N", title="Country"), alt.Tooltip("side:N", title="Side"),
               alt.Tooltip("stance:N", title="Stance"), alt.Tooltip("cues:N", title="Cue words"),
               alt.Tooltip("n:Q", title="Statements"), alt.Tooltip("quote:N", title="Quote")]
    base = alt.Chart(cells).encode(x=x, y=y, tooltip=tooltip)
    dots = base.mark_circle(size=300, opacity=1).encode(color=alt.Color("stance:N", scale=colors, legend=None))
    counts = base.mark_text(fontWeight="bold", fontSize=11).encode(
        text=alt.condition("datum.n > 1", alt.Text("n:Q"), alt.value("")), fill=alt.Fill("ink:N", scale=None))
    step = max(68, min(100, (WIDTH - 220) // len(stances)))
    subtitle = ("A dot: the speaker used words the desk's stance list ties to that stance; a number: how many "
                "statements did.", "Speakers grouped by side; hover for the cue words and the quote.")
    return (alt.layer(dots, counts).properties(width=alt.Step(step), height=alt.Step(28))
            .facet(row=alt.Row("side:N", sort=sides, title=None,
                               header=alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start",
                                                 labelAlign="left", labelFontSize=12, labelColor=MUTED,
                                                 labelPadding=4)),
                   spacing=10)
            .resolve_scale(y="independent")
            .properties(title=title(heading, *subtitle, *note, source)))


def statements_by_country(statements: pd.DataFrame) -> alt.LayerChart | alt.Chart:
    """Whose voices the corpus carries: statements by the speaker's country, split by side."""
    heading = "Whose voices: statements by country and side"
    source = source_line(statements, "statement")
    rows = statement_rows(statements)
    if rows.empty:
        return no_data(heading, "No statements in this corpus. " + source)
    bars = (rows.groupby(["country", "side"], sort=False)
            .agg(n=("statement_group", "size"), speakers=("who", lambda s: ", ".join(dict.fromkeys(s))))
            .reset_index())
    totals = bars.groupby("country")["n"].sum()
    order = sorted(totals.index, key=lambda c: (c == NO_COUNTRY, -totals[c], c))
    totals = totals.rename("total").reset_index()
    scale = side_scale(bars["side"])
    bars["stack"] = bars["side"].map(list(scale.domain).index)
    y = alt.Y("country:N", sort=order, title=None, axis=alt.Axis(labelLimit=200, ticks=False))
    x_scale = alt.Scale(domain=[0, float(totals["total"].max()) * 1.08], nice=False)
    stack = alt.Chart(bars).mark_bar(height={"band": 0.72}).encode(
        x=alt.X("n:Q", title="Statements", scale=x_scale, axis=alt.Axis(tickMinStep=1, format="d", grid=True)),
        y=y, color=alt.Color("side:N", title="Speaker's side", scale=scale), order=alt.Order("stack:Q"),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("side:N", title="Side"),
                 alt.Tooltip("n:Q", title="Statements"), alt.Tooltip("speakers:N", title="Speakers")])
    labels = alt.Chart(totals).mark_text(align="left", dx=5, color=MUTED, fontSize=11.5).encode(
        x=alt.X("total:Q", scale=x_scale), y=y, text=alt.Text("total:Q", format="d"))
    subtitle = ("The speaker's country as the statements table records it; a quote split by its attribution "
                "counts once.",)
    return (alt.layer(stack, labels)
            .properties(width=WIDTH - 160, height=alt.Step(28), title=title(heading, *subtitle, source)))


def claim_lines(events: pd.DataFrame, limit: int = MAX_ROWS) -> pd.DataFrame:
    """The grid behind claims_by_place: one text line per assertion, laid out in rows so that each
    place's reported, claimed and denied assertions stand side by side; the `limit` most disputed
    places (most kinds of assertion, then most assertions) first."""
    rows = event_rows(events)
    rows = rows[rows["place"] != ""]
    assertions = (rows.groupby(["where", "status", "actor_side", "what", "claimed_by"], sort=False)
                  .agg(actor=("actor", "first"), sentence=("sentence", "first"), n=("event_id", "size"))
                  .reset_index())
    lines = []
    for a in assertions.itertuples():
        column = COLUMNS.get(a.status, a.status)
        main = {"place": a.where, "column": column, "side": a.actor_side, "actor": a.actor, "n": a.n,
                "claimed_by": a.claimed_by, "sentence": a.sentence, "kind": "assertion",
                "text": f"{a.actor_side}: {a.what}" + (f" ×{a.n}" if a.n > 1 else "")}
        lines.append(main)
        if a.claimed_by:
            lines.append(dict(main, kind="source", text=f"per {a.claimed_by}"))
    lines = pd.DataFrame(lines)
    if lines.empty:
        return lines
    lines["slot"] = lines.groupby(["place", "column"], sort=False).cumcount()
    stats = assertions.groupby("where", sort=False).agg(kinds=("status", "nunique"), n=("n", "sum"))
    places = sorted(stats.index, key=lambda p: (-stats.loc[p, "kinds"], -stats.loc[p, "n"], p))[:limit]
    lines = lines[lines["place"].isin(places)]
    depth = lines.groupby("place")["slot"].max() + 1
    first = dict(zip(places, (depth[places].cumsum() - depth[places]).astype(int)))
    lines["row"] = lines["place"].map(first) + lines["slot"]
    lines["first_row"] = lines["place"].map(first)
    return lines.sort_values(["row", "column"], kind="stable").reset_index(drop=True)


def claims_by_place(events: pd.DataFrame) -> alt.LayerChart | alt.Chart:
    """Claims and counter-claims side by side: for each place, what is reported, claimed and denied."""
    heading = "Claims and counter-claims, place by place"
    source = source_line(events, "event")
    lines = claim_lines(events)
    if lines.empty:
        return no_data(heading, "No located events in this corpus. " + source)
    n_places = event_rows(events).query("place != ''")["where"].nunique()
    note = (f"Showing the {MAX_ROWS} most disputed places, of {n_places}.",) if n_places > MAX_ROWS else ()
    step, columns = 20, list(COLUMNS.values())
    n_rows = int(lines["row"].max()) + 1
    place_at = {str(r): p for r, p in lines.groupby("first_row")["place"].first().items()}
    to_start = -(WIDTH / len(columns)) / 2 + 4  # text marks sit at the band's centre; columns read from its start
    x = alt.X("column:N", title=None, scale=alt.Scale(domain=columns, paddingInner=0, paddingOuter=0),
              axis=alt.Axis(orient="top", labelAngle=0, labelAlign="left", labelOffset=to_start,
                            labelFontWeight="bold", labelFontSize=12.5, labelColor=INK, ticks=False, domain=False))
    y = alt.Y("row:O", title=None, scale=alt.Scale(domain=list(range(n_rows))),
              axis=alt.Axis(labelExpr=_lookup_expr(place_at, "''"), labelFontWeight="bold", labelFontSize=12.5,
                            labelColor=INK, ticks=False, domain=False, labelLimit=180, labelPadding=10))
    tooltip = [alt.Tooltip("place:N", title="Place"), alt.Tooltip("column:N", title="Status"),
               alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("side:N", title="Actor side"),
               alt.Tooltip("claimed_by:N", title="Claimed by"), alt.Tooltip("n:Q", title="Events"),
               alt.Tooltip("sentence:N", title="Source sentence")]
    limit = WIDTH / len(columns) - 14
    main = alt.Chart(lines[lines["kind"] == "assertion"]).mark_text(align="left", dx=to_start, fontSize=12,
                                                                   limit=limit)
    main = main.encode(x=x, y=y, text="text:N", tooltip=tooltip,
                       color=alt.Color("side:N", title="Actor side", scale=side_scale(lines["side"])))
    source_notes = (alt.Chart(lines[lines["kind"] == "source"])
                    .mark_text(align="left", dx=to_start + 12, fontSize=11, fontStyle="italic", color=MUTED,
                               limit=limit - 12)
                    .encode(x=x, y=y, text="text:N", tooltip=tooltip))
    separators = (alt.Chart(lines.drop_duplicates("first_row")[["first_row"]].query("first_row > 0"))
                  .mark_rule(color="#d9d9d9", yOffset=-step / 2)
                  .encode(y=alt.Y("first_row:O", scale=alt.Scale(domain=list(range(n_rows)))),
                          x=alt.value(-190), x2=alt.value(WIDTH)))
    subtitle = ("Each line: the acting side and what it did there; under a claim or denial, who asserts it.",)
    layers = [separators, main, source_notes] if n_rows > 1 else [main, source_notes]
    return (alt.layer(*layers)
            .properties(width=WIDTH, height=alt.Step(step), title=title(heading, *subtitle, *note, source)))
