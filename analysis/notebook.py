"""What the notebooks call: load the tables, show them deterministically, save tables and figures.

The notebooks hold narrative and calls to these functions only. Every relative path is resolved
against `config.ROOT` (the kernel may run in the repository root or in `notebooks/`), and every
display object renders the same bytes on every run, so nbval can hold the stored outputs steady.
Text from the articles is always HTML-escaped: a seed containing markup is shown as text.
"""
from __future__ import annotations

import html
import io
from pathlib import Path

import pandas as pd
import yaml

from . import config
from .schema import TABLES
from .files import write_atomic
from .tables import extract_tables, table_csv

TEXT_WIDTH = 160            # characters of a long text cell shown in a table
DEFAULT_ROWS = 20           # rows shown by show_table unless asked otherwise
LONG_CELL = 24              # characters from which a table cell may wrap


# ---------------------------------------------------------------------------------------------
# Paths and loading

def resolve(path: str | Path) -> Path:
    """`path` as an absolute path; a relative one is taken from the repository root."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else config.ROOT / path


def shown_path(path: str | Path) -> str:
    """A path as shown in outputs: relative to the repository root when inside it."""
    path = Path(path)
    try:
        return path.resolve().relative_to(config.ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def setup() -> None:
    """Register the house chart theme and the offline renderer (call once, first)."""
    from . import charts
    charts.setup()


def load_tables(seeds: str = "seeds", published: str = "") -> dict[str, pd.DataFrame]:
    """documents, sentences, statements and events for the articles in `seeds` (file or folder)."""
    return extract_tables([resolve(seeds)], published or None)


# ---------------------------------------------------------------------------------------------
# Display objects: HTML for browsers, text for terminals; both escaped and deterministic

class Display:
    """Something a notebook cell shows: `html` (already escaped) and `text`."""

    def __init__(self, html_body: str, text: str):
        self.html_body = html_body
        self.text = text

    def _repr_html_(self) -> str:
        return self.html_body

    def __repr__(self) -> str:
        return self.text


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
    text = str(value).replace("\n", " ")
    return text if len(text) <= TEXT_WIDTH else text[:TEXT_WIDTH - 1] + "…"


def _plain_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Every value as a display string (so floats, NaN and long texts look the same everywhere)."""
    return pd.DataFrame({c: [_cell(v) for v in df[c]] for c in df.columns}, columns=list(df.columns), dtype=object)


CELL_STYLE = "text-align: left; vertical-align: top; padding: 0.2em 0.6em"
SHORT_STYLE = CELL_STYLE + "; white-space: nowrap"
LONG_STYLE = CELL_STYLE + "; white-space: normal; min-width: 10em; max-width: 36em"


def _html_table(shown: pd.DataFrame) -> str:
    """A plain, escaped HTML table of display strings; long texts wrap, short values do not.
    Inline styles (which JupyterLab keeps in untrusted outputs) align it the same everywhere."""
    head = "".join(f'<th style="{SHORT_STYLE}">{html.escape(str(c))}</th>' for c in shown.columns)
    rows = []
    for values in shown.itertuples(index=False):
        cells = "".join(f'<td class="long" style="{LONG_STYLE}">{html.escape(v)}</td>' if len(v) > LONG_CELL
                        else f'<td style="{SHORT_STYLE}">{html.escape(v)}</td>' for v in values)
        rows.append(f"<tr>{cells}</tr>")
    return ('<table class="report-table">\n<thead><tr>' + head + "</tr></thead>\n<tbody>\n"
            + "\n".join(rows) + "\n</tbody>\n</table>")


def show_table(df: pd.DataFrame, columns: list[str] | None = None, rows: int = DEFAULT_ROWS,
               caption: str = "") -> Display:
    """The first `rows` rows of `df` (selected `columns`), as an escaped HTML table and as text."""
    columns = [c for c in (columns or list(df.columns)) if c in df.columns]
    shown = _plain_frame(df[columns].head(rows))
    note = f"{len(df)} row{'s' if len(df) != 1 else ''}"
    if len(df) > rows:
        note += f", first {rows} shown"
    caption = f"{caption} ({note})" if caption else note.capitalize()
    if df.empty:
        body = f'<p class="report-caption">{html.escape(caption)}: the table is empty.</p>'
        return Display(body, f"{caption}: the table is empty.")
    table = _html_table(shown)
    text = shown.to_string(index=False, max_colwidth=60)
    return Display(f'<p class="report-caption">{html.escape(caption)}</p>\n{table}', f"{caption}\n{text}")


def prose(paragraphs: list[str], bullets: list[str] | None = None) -> Display:
    """Paragraphs (and an optional bullet list) of plain text, escaped."""
    parts = [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    if bullets:
        parts.append("<ul>" + "".join(f"<li>{html.escape(b)}</li>" for b in bullets) + "</ul>")
    text = "\n\n".join(paragraphs + ([("\n".join(f"- {b}" for b in bullets))] if bullets else []))
    return Display('<div class="report-prose">' + "\n".join(parts) + "</div>", text)


# ---------------------------------------------------------------------------------------------
# The corpus

def corpus_summary(tables: dict[str, pd.DataFrame], seeds: str) -> Display:
    """What was loaded and from where, in words."""
    docs = tables["documents"]
    where = shown_path(resolve(seeds))
    dates = sorted(d for d in docs["published"] if d)
    span = ("published " + (dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}")) if dates \
        else "with no publication date"
    counts = ", ".join(f"{name} {len(df)}" for name, df in tables.items())
    return prose([
        f"Loaded {len(docs)} article{'s' if len(docs) != 1 else ''} from {where}, {span}.",
        f"Rows extracted: {counts}.",
    ])


def show_documents(tables: dict[str, pd.DataFrame]) -> Display:
    """The documents with their provenance: file, title, outlet, date and the file's SHA-256."""
    return show_table(tables["documents"], ["source", "title", "outlet", "published", "n_sentences",
                                            "n_chars", "agency", "sha256"], rows=200, caption="Documents")


def sentences_per_document(tables: dict[str, pd.DataFrame]) -> Display:
    """How many sentences and paragraphs each document has."""
    sents = tables["sentences"]
    docs = tables["documents"][["doc_id", "source"]]
    if sents.empty:
        return show_table(sents, caption="Sentences")
    per_doc = (sents.groupby("doc_id", sort=False)
               .agg(sentences=("sentence_index", "size"), paragraphs=("paragraph_index", "nunique"),
                    mean_chars=("text", lambda t: round(float(t.str.len().mean()), 1)))
               .reset_index())
    return show_table(docs.merge(per_doc, on="doc_id", how="left"), rows=200, caption="Sentences per document")


# ---------------------------------------------------------------------------------------------
# Charts

def figure(name: str, tables: dict[str, pd.DataFrame], out_dir: str = ""):
    """The chart `name` of charts.FIGURES drawn from `tables` (an empty table gives the chart's own
    "nothing to show" figure); also saved as OUT_DIR/figures/NAME.png and .svg when `out_dir` is given."""
    from . import charts
    factory, needs = charts.FIGURES[name]
    chart = factory(*[tables[t] for t in needs])
    if out_dir:
        folder = resolve(out_dir) / "figures"
        folder.mkdir(parents=True, exist_ok=True)
        charts.save_chart(chart, folder / name)
    return chart


# ---------------------------------------------------------------------------------------------
# Writing tables and the data dictionary

def save_tables(tables: dict[str, pd.DataFrame], names: list[str], out_dir: str) -> Display:
    """Tables `names` as OUT_DIR/tables/NAME.csv and NAME.parquet, written atomically (nothing
    when `out_dir` is empty)."""
    if not out_dir:
        return prose(["Not saved: out_dir is empty."])
    folder = resolve(out_dir) / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        df = tables[name]
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        for path, data in ((folder / f"{name}.csv", table_csv(df)), (folder / f"{name}.parquet", buf.getvalue())):
            write_atomic(path, data)
            written.append({"file": shown_path(path), "rows": len(df), "columns": len(df.columns)})
    return show_table(pd.DataFrame(written), rows=100, caption="Written")


def _md_cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def data_dictionary(tables: dict[str, pd.DataFrame]) -> str:
    """Markdown: every published table, its columns with descriptions, and the sources."""
    lines = ["# Data dictionary", "",
             "Each table is in this folder twice: `NAME.csv` (UTF-8, header row) and `NAME.parquet`.",
             "Offsets (`start`, `end`) index into the document's body, so `body[start:end]` is the text.", ""]
    for name, cols in TABLES.items():
        n = len(tables[name]) if name in tables else 0
        lines += [f"## {name} ({n} rows)", "", "| column | description |", "| --- | --- |"]
        lines += [f"| `{col}` | {_md_cell(desc)} |" for col, desc in cols.items()]
        lines.append("")
    lines += ["## Sources", "", "| file | title | outlet | url | published | sha256 |", "| --- | --- | --- | --- | --- | --- |"]
    for row in tables["documents"].itertuples():
        lines.append("| " + " | ".join(_md_cell(v) for v in (row.source, row.title, row.outlet, row.url,
                                                            row.published, row.sha256)) + " |")
    return "\n".join(lines) + "\n"


def save_data_dictionary(tables: dict[str, pd.DataFrame], out_dir: str) -> Display:
    """OUT_DIR/tables/DATA_DICTIONARY.md, written atomically (nothing when `out_dir` is empty)."""
    if not out_dir:
        return prose(["Not saved: out_dir is empty."])
    path = resolve(out_dir) / "tables" / "DATA_DICTIONARY.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data_dictionary(tables).encode("utf-8"))
    return prose([f"Wrote {shown_path(path)}: {len(TABLES)} tables, {len(tables['documents'])} sources."])


def show_dictionary(name: str) -> Display:
    """The data dictionary entry of one table."""
    return show_table(pd.DataFrame({"column": list(TABLES[name]), "description": list(TABLES[name].values())}),
                      rows=100, caption=f"Columns of {name}")


# ---------------------------------------------------------------------------------------------
# The report: findings, sources, measured quality

def show_findings(tables: dict[str, pd.DataFrame]) -> Display:
    """The findings in prose, computed from the tables."""
    from .findings import findings
    return prose([], findings(tables))


def event_summary(tables: dict[str, pd.DataFrame]) -> Display:
    """The events findings in prose."""
    from .findings import event_findings
    return prose([], event_findings(tables["events"]))


def statement_summary(tables: dict[str, pd.DataFrame]) -> Display:
    """The statements findings in prose."""
    from .findings import statement_findings
    return prose([], statement_findings(tables["statements"]))


def save_findings(tables: dict[str, pd.DataFrame], out_dir: str) -> None:
    """The findings as OUT_DIR/findings.md (plain text, one bullet each), written atomically; no output
    (and no file when `out_dir` is empty)."""
    if not out_dir:
        return
    from .findings import findings
    path = resolve(out_dir) / "findings.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, ("# Findings\n\n" + "".join(f"- {f}\n" for f in findings(tables))).encode("utf-8"))


def show_sources(tables: dict[str, pd.DataFrame]) -> Display:
    """Where the articles come from: title, outlet, date, address and hash."""
    docs = tables["documents"]
    shown = pd.DataFrame({"file": docs["source"], "title": docs["title"], "outlet": docs["outlet"],
                          "published": docs["published"], "url": docs["url"],
                          "sha256 (first 16)": docs["sha256"].astype(str).str[:16]})
    return show_table(shown, rows=200, caption="Sources")


QUALITY_FILE = config.DATA_DIR / "quality.yaml"


def read_quality(path: str | Path = QUALITY_FILE) -> dict:
    data = yaml.safe_load(resolve(path).read_text(encoding="utf-8")) if resolve(path).exists() else None
    return data or {}


def _percent(value) -> str:
    return "not measured" if value is None else f"{100 * float(value):.0f}%"


def show_quality(path: str | Path = QUALITY_FILE) -> Display:
    """The extraction's measured accuracy and its known limits, as recorded in data/quality.yaml."""
    data = read_quality(path)
    measured = data.get("measured") or {}
    rows = []
    for name, m in (data.get("tables") or {}).items():
        m = m or {}
        rows.append({"table": name, "gold rows": "" if m.get("gold_rows") is None else m["gold_rows"],
                     "precision": _percent(m.get("precision")), "recall": _percent(m.get("recall")),
                     "F1": _percent(m.get("f1")), "matched on": m.get("matched_on") or ""})
    gold = measured.get("gold") or "the gold tables"
    if measured.get("date"):
        intro = f"Measured on {measured['date']} against the hand-checked rows in {gold}"
        intro += f" with `{measured['command']}`." if measured.get("command") else "."
    else:
        intro = f"Not measured yet: {shown_path(resolve(path))} records no measurement against {gold}."
    limits = [str(x) for x in (data.get("known_limits") or [])] or ["None recorded yet."]
    return combine(prose([intro]), show_table(pd.DataFrame(rows), rows=20, caption="Measured accuracy"),
                   prose(["Known limits:"], limits))


def combine(*parts: Display) -> Display:
    """Several display objects shown as one output."""
    return Display("\n".join(p.html_body for p in parts), "\n\n".join(p.text for p in parts))
