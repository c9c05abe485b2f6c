"""The report command and the notebook helpers: what `make report` writes, how it fails, and that
what the notebooks show is escaped and deterministic."""
from __future__ import annotations

import re
import subprocess
import sys

import nbformat
import pandas as pd
import yaml
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis import charts, config, notebook as nb, report
from analysis.findings import findings
from analysis.schema import TABLES, columns
from report_helpers import default_report, run_report


def empty_tables() -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame(columns=columns(name)) for name in TABLES}


# ---------------------------------------------------------------------------------------------
# The command, end to end on seeds/

def test_report_writes_everything():
    out, proc = default_report()
    assert proc.returncode == 0, proc.stderr
    books = report.notebooks()
    for book in books:
        executed = nbformat.read(out / book.name, as_version=4)
        assert "papermill" not in executed.metadata or set(executed.metadata.papermill) == {"parameters"}
        for cell in executed.cells:
            assert "papermill" not in cell.metadata and "execution" not in cell.metadata
            assert not [o for o in cell.get("outputs", []) if o.output_type == "error"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html
    for name in charts.FIGURES:
        for ext in ("png", "svg"):
            assert (out / "figures" / f"{name}.{ext}").stat().st_size > 0, (name, ext)
    for name in TABLES:
        csv = pd.read_csv(out / "tables" / f"{name}.csv", keep_default_na=False)
        parquet = pd.read_parquet(out / "tables" / f"{name}.parquet")
        assert list(csv.columns) == columns(name) == list(parquet.columns)
        assert len(csv) == len(parquet)
    dictionary = (out / "tables" / "DATA_DICTIONARY.md").read_text(encoding="utf-8")
    for name, cols in TABLES.items():
        assert f"## {name} (" in dictionary
        assert all(f"`{col}`" in dictionary for col in cols)
    assert "## Sources" in dictionary
    assert (out / "findings.md").read_text(encoding="utf-8").startswith("# Findings\n\n- ")
    # progress and timing on the terminal
    for book in books:
        assert f"{book.stem}" in proc.stdout
    assert re.search(r"^took \d+\.\d s$", proc.stdout, re.M)
    assert not list(out.rglob(".*.tmp")), "a temporary file was left behind"


def test_report_html_makes_no_external_reference():
    out, proc = default_report()
    assert proc.returncode == 0, proc.stderr
    html = (out / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", html, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"""url\(\s*['"]?(?!data:)""", html), "a stylesheet loads something"
    assert not re.search(r"@import", html)
    assert "cdnjs" not in html and "require.js" not in html and "mathjax" not in html.lower()
    assert "<script" not in html.lower(), "the report needs no JavaScript at all"


def test_report_failure_names_notebook_and_cell(tmp_path):
    books = tmp_path / "books"
    books.mkdir()
    params = new_code_cell('seeds: str = "seeds"  # folder\npublished: str = ""  # date\nout_dir: str = "reports"  # out')
    params.metadata["tags"] = ["parameters"]
    nbformat.write(new_notebook(cells=[new_markdown_cell("# ok"), params, new_code_cell("x = 1")],
                                metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                         "language": "python"}}), books / "01_fine.ipynb")
    nbformat.write(new_notebook(cells=[new_markdown_cell("# boom"), params, new_code_cell("x = 1"),
                                       new_code_cell("raise ValueError('the seeds are odd')")],
                                metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                         "language": "python"}}), books / "02_boom.ipynb")
    proc = run_report("--notebooks", str(books), "-p", "out_dir", str(tmp_path / "out"))
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, proc.stderr
    assert "02_boom.ipynb, cell 4 (In [4])" in errors[0]
    assert "ValueError: the seeds are odd" in errors[0]
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert (tmp_path / "out" / "02_boom.ipynb").exists(), "the failed notebook is kept for inspection"
    assert not (tmp_path / "out" / "report.html").exists()


def test_kernel_noise_stays_off_the_terminal_and_a_dead_kernel_says_why(tmp_path):
    """The kernel's own stderr (where its shutdown errors land) is not the user's terminal; when
    the kernel dies, the last line it logged ends the one-line error."""
    books = tmp_path / "books"
    books.mkdir()
    meta = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    params = new_code_cell(f'seeds: str = "seeds"  # folder\npublished: str = ""  # date\nout_dir: str = "{tmp_path / "out"}"  # out')
    params.metadata["tags"] = ["parameters"]
    noisy = "import os\nos.write(2, b'Traceback (most recent call last): kernel noise\\n')"
    nbformat.write(new_notebook(cells=[params, new_code_cell(noisy)], metadata=meta), books / "01_noisy.ipynb")
    proc = run_report("--notebooks", str(books))
    assert proc.returncode == 0, proc.stderr
    assert "kernel noise" not in proc.stderr + proc.stdout
    dying = "import os\nos.write(2, b'the kernel gives up\\n')\nos._exit(3)"
    nbformat.write(new_notebook(cells=[params, new_code_cell(dying)], metadata=meta), books / "01_noisy.ipynb")
    proc = run_report("--notebooks", str(books))
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "01_noisy.ipynb" in errors[0], proc.stderr
    assert errors[0].endswith("(kernel log: the kernel gives up)"), errors[0]
    assert "Traceback" not in proc.stderr


def test_store_notebooks_replaces_them_only_when_all_ran(tmp_path):
    books, out = tmp_path / "books", tmp_path / "out"
    books.mkdir()
    params = new_code_cell(f'seeds: str = "seeds"  # folder\npublished: str = ""  # date\nout_dir: str = "{out}"  # out')
    params.metadata["tags"] = ["parameters"]
    meta = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    nbformat.write(new_notebook(cells=[params, new_code_cell("1 + 1")], metadata=meta), books / "01_fine.ipynb")
    nbformat.write(new_notebook(cells=[params, new_code_cell("1 / 0")], metadata=meta), books / "02_boom.ipynb")
    before = {p.name: p.read_bytes() for p in books.iterdir()}
    proc = run_report("--notebooks", str(books), "--store-notebooks")
    assert proc.returncode == 1 and "02_boom.ipynb, cell 2" in proc.stderr and "ZeroDivisionError" in proc.stderr
    assert {p.name: p.read_bytes() for p in books.iterdir()} == before, "a failed run changed the stored notebooks"
    assert (out / "02_boom.ipynb").exists()
    (books / "02_boom.ipynb").unlink()
    proc = run_report("--notebooks", str(books), "--store-notebooks")
    assert proc.returncode == 0, proc.stderr
    stored = nbformat.read(books / "01_fine.ipynb", as_version=4)
    assert stored.cells[1].execution_count == 2 and stored.cells[1].outputs[0]["data"]["text/plain"] == "2"
    assert "papermill" not in stored.metadata and not [c for c in stored.cells if "injected-parameters" in
                                                         c.metadata.get("tags", [])]


def test_report_bad_inputs_fail_before_any_kernel(tmp_path):
    proc = run_report("-p", "seeds", str(tmp_path / "nowhere"), "-p", "out_dir", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("error:") and "no such file or folder" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run_report("-p", "colour", "blue", "-p", "out_dir", str(tmp_path / "out"))
    assert proc.returncode == 2 and "unknown parameter(s) colour" in proc.stderr
    bad = tmp_path / "params.yaml"
    bad.write_text("parameters: [1, 2]\n")
    proc = run_report("--params", str(bad))
    assert proc.returncode == 2 and "parameters:" in proc.stderr
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------------------------------------
# Parameters

def test_params_file_matches_the_notebooks_defaults():
    """`make report` and the committed notebooks (run with their defaults) use the same parameters."""
    params = report.read_params(report.DEFAULT_PARAMS)
    for book in report.notebooks():
        defaults = {k: report._literal(v) for k, v in report.notebook_parameters(book).items()}
        assert params == defaults, book.name


def test_params_file_values_become_notebook_values(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("parameters:\n  seeds: other\n  published: 2024-12-07\n  out_dir:\n")
    assert report.read_params(path) == {"seeds": "other", "published": "2024-12-07", "out_dir": ""}


def test_papermill_help_documents_the_parameters():
    for book in report.notebooks():
        proc = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(book)],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        text = " ".join(proc.stdout.split())
        for name, default, words in (("seeds", '"seeds"', "article texts"),
                                     ("published", '""', "fallback publication date"),
                                     ("out_dir", '"reports"', "where tables and figures go")):
            assert f"{name}: str (default {default})" in text, (book.name, proc.stdout)
            assert words in text.split(f"{name}: str", 1)[1], (book.name, name)


# ---------------------------------------------------------------------------------------------
# Cleaning executed notebooks

def test_clean_drops_timings_and_keeps_counts():
    book = new_notebook(cells=[new_code_cell("1", execution_count=1)])
    book.metadata["papermill"] = {"start_time": "t", "duration": 1.5, "parameters": {"seeds": "x"},
                                  "input_path": "/tmp/a", "output_path": "/tmp/b"}
    book.cells[0].metadata.update({"papermill": {"duration": 0.1}, "execution": {"iopub.status.busy": "t"}})
    report.clean(book, keep_parameters=False)
    assert "papermill" not in book.metadata and book.cells[0].metadata == {}
    assert book.cells[0].execution_count == 1
    book.metadata["papermill"] = {"start_time": "t", "parameters": {"seeds": "x"}}
    report.clean(book, keep_parameters=True)
    assert book.metadata["papermill"] == {"parameters": {"seeds": "x"}}


def test_inline_svg_only_for_inert_svg():
    assert str(report.inline_svg('<?xml version="1.0"?>\n<svg><text>&lt;b&gt;</text></svg>')).startswith("<svg>")
    for active in ('<svg onload="alert(1)"></svg>', "<svg><script>alert(1)</script></svg>",
                   '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
                   '<svg><image href="https://example.org/x.png"/></svg>'):
        assert str(report.inline_svg(active)).startswith('<img alt="chart" src="data:image/svg+xml;base64,')


# ---------------------------------------------------------------------------------------------
# Notebook helpers

def test_show_table_escapes_and_is_deterministic():
    df = pd.DataFrame({"text": ["<script>alert(1)</script>", "a & b " + "x" * 300], "km": [1.25, float("nan")]})
    shown = nb.show_table(df, caption="T")
    html = shown._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a &amp; b" in html and "…" in html and "nan" not in html.lower()
    assert html == nb.show_table(df.copy(), caption="T")._repr_html_()
    assert repr(shown).startswith("T (2 rows)")
    assert "the table is empty" in repr(nb.show_table(df.head(0)))


def test_prose_escapes():
    shown = nb.prose(["<b>bold</b>"], ["<img src=x onerror=alert(1)>"])
    assert "<img" not in shown._repr_html_() and "&lt;img src=x onerror=alert(1)&gt;" in shown._repr_html_()


def test_paths_resolve_against_the_repository_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert nb.resolve("seeds") == config.ROOT / "seeds"
    assert nb.resolve(tmp_path) == tmp_path
    assert nb.shown_path(config.ROOT / "reports" / "x.csv") == "reports/x.csv"
    tables = nb.load_tables("seeds")
    assert len(tables["documents"]) == len(list((config.ROOT / "seeds").glob("*.txt")))


def test_save_tables_and_dictionary(tmp_path):
    tables = empty_tables()
    tables["documents"] = pd.DataFrame([{c: "x|y" if c == "title" else "1" for c in columns("documents")}])
    shown = nb.save_tables(tables, list(TABLES), str(tmp_path))
    for name in TABLES:
        assert (tmp_path / "tables" / f"{name}.csv").exists() and (tmp_path / "tables" / f"{name}.parquet").exists()
    assert "8 rows" in repr(shown)
    nb.save_data_dictionary(tables, str(tmp_path))
    text = (tmp_path / "tables" / "DATA_DICTIONARY.md").read_text()
    assert "## documents (1 rows)" in text and "x\\|y" in text
    assert (tmp_path / "tables" / "documents.csv").stat().st_mode & 0o644 == 0o644


def test_figure_draws_and_saves_even_empty_tables(tmp_path):
    nb.setup()
    for name in charts.FIGURES:
        chart = nb.figure(name, empty_tables(), str(tmp_path))
        assert chart.to_dict()
        assert (tmp_path / "figures" / f"{name}.png").exists() and (tmp_path / "figures" / f"{name}.svg").exists()


def test_quality_file_is_read(tmp_path):
    data = yaml.safe_load((config.DATA_DIR / "quality.yaml").read_text())
    assert set(data) >= {"measured", "tables", "known_limits"}
    assert {name.split(",")[0] for name in data["tables"]} == {"events", "statements"}
    assert all(0 <= m["precision"] <= 1 and 0 <= m["recall"] <= 1 for m in data["tables"].values())
    path = tmp_path / "quality.yaml"
    path.write_text(yaml.safe_dump({
        "measured": {"date": "2024-12-20", "command": "make quality", "gold": "tests/fixtures/gold"},
        "tables": {"events": {"gold_rows": 40, "precision": 0.9, "recall": 0.75, "f1": 0.818, "matched_on": "place"}},
        "known_limits": ["Pronouns are not resolved."]}))
    text = repr(nb.show_quality(path))
    assert "Measured on 2024-12-20" in text and "90%" in text and "75%" in text and "82%" in text
    assert "Pronouns are not resolved." in text
    assert "Not measured yet" in repr(nb.show_quality(tmp_path / "missing.yaml"))


# ---------------------------------------------------------------------------------------------
# Findings: computed from the tables, sensible when they are empty

def test_findings_from_empty_tables():
    tables = empty_tables()
    text = findings(tables)
    assert text[0] == "No articles were loaded."
    assert "No events were extracted from these articles." in text
    assert "No statements were extracted from these articles." in text


def test_findings_from_tables():
    tables = empty_tables()
    tables["documents"] = pd.DataFrame([{"doc_id": "d1", "outlet": "Wire", "published": "2024-12-07"},
                                        {"doc_id": "d2", "outlet": "", "published": "2024-12-08"}],
                                       columns=columns("documents"))
    tables["events"] = pd.DataFrame([
        {"place": "Homs", "actor_side": "opposition", "action": "entered", "admin1": "SY-HI",
         "km_to_damascus": 160.4, "status": "reported", "date": "2024-12-07"},
        {"place": "Daraa", "actor_side": "opposition", "action": "took_control", "admin1": "SY-DR",
         "km_to_damascus": 95.2, "status": "claimed", "claimed_by": "HTS", "date": ""},
        {"place": "Damascus", "actor_side": "opposition", "action": "advanced_toward", "admin1": "SY-DI",
         "km_to_damascus": 0.0, "distance_km": 20.0, "distance_from": "Damascus", "status": "reported", "date": "2024-12-07"},
        {"place": "Homs", "actor_side": "government", "action": "redeployed", "status": "denied"},
    ], columns=columns("events"))
    tables["statements"] = pd.DataFrame([
        {"statement_group": "g1", "speaker": "Sergei Lavrov", "speaker_country": "RUS", "side": "foreign government",
         "kind": "direct", "stances": "support for the government"},
        {"statement_group": "g1", "speaker": "Sergei Lavrov", "speaker_country": "RUS", "side": "foreign government",
         "kind": "direct", "stances": ""},
        {"statement_group": "g2", "speaker": "Geir Pedersen", "speaker_country": "", "side": "international",
         "kind": "indirect", "stances": "de-escalation;dialogue"},
    ], columns=columns("statements"))
    text = "\n".join(findings(tables))
    assert "2 articles from Wire, published between 2024-12-07 and 2024-12-08" in text
    assert "3 events in 3 places" in text and "across 3 governorates" in text
    assert "1 rebel event names Damascus itself." in text
    assert "Apart from the capital, the nearest place named in a rebel action is Daraa (95 km from Damascus)" in text
    assert "20 km from Damascus" in text
    assert "1 claimed by a party" in text and "claims come from HTS" in text and "1 denied" in text
    assert "2 statements from 2 named speakers" in text
    assert "Most quoted: Sergei Lavrov (2) and Geir Pedersen" in text
    assert "Russia: support for the government" in text
    assert "(Damascus, Daraa and Homs)" in text and "took control" in text
