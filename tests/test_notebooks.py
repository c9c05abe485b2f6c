"""The committed notebooks: one typed `parameters` cell, narrative plus calls to `analysis` only,
nothing specific to the seed articles, stored executed and free of timings, held by nbval."""
from __future__ import annotations

import ast
import csv
import json
import re
import subprocess
import sys

import nbformat
import pytest

from analysis import config, report
from analysis.corpus import load_corpus

BOOKS = report.notebooks()
REQUIRED = {"seeds": "str", "published": "str", "out_dir": "str"}
VEGALITE = "application/vnd.vegalite.v5+json"


def load(path):
    return nbformat.read(path, as_version=4)


def code_cells(book):
    return [c for c in book.cells if c.cell_type == "code"]


def test_the_story_has_its_four_steps():
    names = [b.stem for b in BOOKS]
    assert [n[:2] for n in names] == ["01", "02", "03", "04"], names
    assert report.REPORT_NOTEBOOK in names


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.stem)
def test_one_typed_commented_parameters_cell(path):
    book = load(path)
    tagged = [c for c in book.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    cell = tagged[0]
    assert cell.cell_type == "code"
    assert not [c for c in book.cells if "injected-parameters" in c.metadata.get("tags", [])]
    found = {}
    for node, line in zip(ast.parse(cell.source).body, cell.source.splitlines()):
        assert isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Constant), line
        assert "#" in line and line.split("#", 1)[1].strip(), f"parameter without a comment: {line}"
        found[node.target.id] = node.annotation.id
    assert {k: found.get(k) for k in REQUIRED} == REQUIRED


def _is_analysis_call(node, names) -> bool:
    """A call (possibly chained through attributes) whose root is a name imported from analysis."""
    func = node.func
    while isinstance(func, ast.Attribute):
        func = func.value
    return isinstance(func, ast.Name) and func.id in names


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.stem)
def test_notebooks_hold_only_narrative_and_calls_to_analysis(path):
    book = load(path)
    imported: set[str] = set()
    assigned: set[str] = set()
    for cell in code_cells(book):
        if "parameters" in cell.metadata.get("tags", []):
            assigned |= {n.target.id for n in ast.parse(cell.source).body}
            continue
        tree = ast.parse(cell.source)
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                assert module == "analysis" or module.startswith("analysis."), ast.unparse(node)
                imported |= {a.asname or a.name for a in node.names}
                continue
            if isinstance(node, ast.Assign):
                assert all(isinstance(t, ast.Name) for t in node.targets), ast.unparse(node)
                value = node.value
                assigned |= {t.id for t in node.targets}
            elif isinstance(node, ast.Expr):
                value = node.value
            else:
                pytest.fail(f"{path.name}: logic in a notebook: {ast.unparse(node)}")
            assert isinstance(value, ast.Call) and _is_analysis_call(value, imported), ast.unparse(node)
            for sub in ast.walk(value):
                assert not isinstance(sub, (ast.Lambda, ast.ListComp, ast.DictComp, ast.SetComp,
                                            ast.GeneratorExp, ast.IfExp, ast.BinOp, ast.BoolOp, ast.Compare)), \
                    f"{path.name}: logic in a notebook: {ast.unparse(node)}"
                if isinstance(sub, ast.Call) and sub is not value:
                    pytest.fail(f"{path.name}: nested call: {ast.unparse(node)}")
                if isinstance(sub, ast.Name) and sub is not value.func:
                    assert sub.id in imported | assigned, f"{path.name}: unknown name {sub.id}"


def seed_specific_strings() -> set[str]:
    """Names and values that belong to the current seed articles."""
    seeds = config.SEEDS_DIR
    strings = set()
    for path in seeds.glob("*.txt"):
        strings |= {path.name, path.stem}
    manifest = seeds / "manifest.csv"
    if manifest.exists():
        for row in csv.DictReader(manifest.read_text(encoding="utf-8").splitlines()):
            strings |= {v for k, v in row.items() if k in ("file", "title", "url", "sha256") and v}
    for doc in load_corpus([seeds]).documents:
        strings |= {doc.doc_id, doc.sha256[:12], doc.title, doc.url} - {""}
    return {s for s in strings if len(s) >= 8}


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.stem)
def test_nothing_refers_to_the_seed_articles(path):
    sources = "\n".join(c.source for c in load(path).cells)
    for value in seed_specific_strings():
        assert value not in sources, f"{path.name} names {value!r}"
    assert "../" not in sources and "/work/" not in sources and not re.search(r"['\"]/", sources)


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.stem)
def test_stored_executed_without_timings(path):
    raw = path.read_text(encoding="utf-8")
    book = nbformat.reads(raw, as_version=4)
    nbformat.validate(book)
    assert book.metadata.kernelspec.name == "python3"
    assert "papermill" not in book.metadata
    cells = code_cells(book)
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), "not executed in order"
    for cell in book.cells:
        assert "papermill" not in cell.metadata and "execution" not in cell.metadata
        for output in cell.get("outputs", []):
            assert output.output_type != "error"
            assert output.output_type != "stream" or output.name != "stderr", output.text
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+", raw), "a timestamp is stored"
    assert not re.search(r"altair-viz-|/tmp/|0x[0-9a-f]{6,}", raw), "a run-specific value is stored"


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.stem)
def test_charts_stored_offline(path):
    """Every chart output carries an SVG and the Vega-Lite v5 spec, never HTML loading a CDN."""
    for cell in code_cells(load(path)):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            assert not any("vegalite.v6" in k for k in data)
            if VEGALITE in data:
                assert data["image/svg+xml"].lstrip().startswith("<svg")
            assert "cdn.jsdelivr" not in json.dumps(data)


def test_nbval_fails_when_a_stored_table_changes(tmp_path):
    """The stored outputs are what nbval compares: a freshly executed notebook passes, the same
    notebook with one number of a table changed fails."""
    source = next(b for b in BOOKS if b.stem.startswith("01"))
    result = report.run_notebook(source, tmp_path / "same.ipynb", None, report.Progress([source.stem]))
    assert not result.error
    book = load(tmp_path / "same.ipynb")
    changed = False
    for cell in code_cells(book):
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            if not changed and "<table" in html and re.search(r"(<td[^>]*>)(\d+)</td>", html):
                output["data"]["text/html"] = re.sub(r"(<td[^>]*>)(\d+)</td>", lambda m: f"{m[1]}{int(m[2]) + 1}</td>",
                                                     html, count=1)
                changed = True
    assert changed
    nbformat.write(book, tmp_path / "changed.ipynb")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
                           "--nbval-current-env", str(tmp_path / "same.ipynb"), str(tmp_path / "changed.ipynb"),
                           "-o", "addopts="], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout[-3000:]
    failed = re.findall(r"FAILED (\S+)", proc.stdout)
    assert failed and all("changed.ipynb" in f for f in failed), proc.stdout[-3000:]
