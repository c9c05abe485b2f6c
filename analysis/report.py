"""The report command: run the notebooks headlessly with papermill and publish what they make.

    python -m analysis.report [--params params/report.yaml] [--jobs N] [-p NAME VALUE ...] [--notebooks DIR]
    python -m analysis.report --store-notebooks

The first writes into OUT_DIR (the `out_dir` parameter, `reports/` by default): the executed
notebooks, `report.html` (self-contained, no network request), the figures as PNG and SVG in
`figures/`, the tables as CSV and Parquet with `DATA_DICTIONARY.md` in `tables/`, and `findings.md`.
The second executes the notebooks with their default parameters and stores them back into
`notebooks/` (what is committed and what nbval checks), and copies the PNG figures to `docs/figures/`.

The notebooks do not depend on one another (each extracts its tables from the seeds), so they
all run in parallel, `--jobs` at a time. Stored notebooks carry no timings or timestamps.
On failure: one line naming the notebook and the cell, exit status 1.
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import re
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml
from markupsafe import Markup

from . import config
from .corpus import load_corpus
from .errors import CorpusError, InputError, print_errors
from .files import write_atomic
from .notebook import resolve, shown_path

DEFAULT_PARAMS = config.ROOT / "params" / "report.yaml"
REPORT_NOTEBOOK = "04_report"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
DOCS_FIGURES = config.ROOT / "docs" / "figures"
CELL_TIMEOUT = 600          # seconds one cell may take


def notebooks(folder: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The story's notebooks, in order: NN_name.ipynb."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


# ---------------------------------------------------------------------------------------------
# Parameters

def read_params(path: Path) -> dict:
    """The `parameters` mapping of the YAML file; InputError when unreadable or malformed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as e:
        raise InputError(shown_path(path), e.strerror or str(e)) from None
    except yaml.YAMLError as e:
        raise InputError(shown_path(path), f"not valid YAML ({str(e).splitlines()[0]})") from None
    params = data.get("parameters") if isinstance(data, dict) else None
    if not isinstance(params, dict):
        raise InputError(shown_path(path), "expected a 'parameters:' mapping of name: value")
    return {str(k): _plain(v) for k, v in params.items()}


def _plain(value):
    """A YAML value as a notebook parameter: None -> '', dates (published: 2024-12-07) -> ISO text."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def notebook_parameters(path: Path) -> dict[str, str]:
    """Name -> default (as written) of a notebook's `parameters` cell."""
    import papermill
    return {name: spec["default"] for name, spec in papermill.inspect_notebook(str(path)).items()}


def check_params(params: dict, books: list[Path], source: str) -> None:
    known: set[str] = set()
    for book in books:
        known |= set(notebook_parameters(book))
    unknown = sorted(set(params) - known)
    if unknown:
        raise InputError(source, f"unknown parameter(s) {', '.join(unknown)} (the notebooks take: "
                                 f"{', '.join(sorted(known))})")


# ---------------------------------------------------------------------------------------------
# Running one notebook

@dataclass
class Result:
    name: str
    seconds: float
    cells: int = 0
    error: str = ""          # one line, empty when the notebook ran


def clean(nb, keep_parameters: bool) -> None:
    """Drop papermill's timings and the kernel's execution timestamps (keep execution counts)."""
    meta = nb.metadata.pop("papermill", {}) or {}
    if keep_parameters and meta.get("parameters"):
        nb.metadata["papermill"] = {"parameters": meta["parameters"]}
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)


def describe_failure(err, nb_path: Path, executed) -> str:
    """'notebooks/X.ipynb, cell N (In [k]): Error: message' for a PapermillExecutionError."""
    index = getattr(err, "cell_index", None)
    where = shown_path(nb_path)
    if index is None:
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        return f"{where}: {type(err).__name__}: {first}"
    cells = [c for c in (executed.cells if executed is not None else [])
             if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
    injected = sum(1 for c in cells[:index] if "injected-parameters" in c.metadata.get("tags", []))
    number = index - injected + 1
    source = ""
    if index < len(cells):
        line = next((ln.strip() for ln in cells[index].source.splitlines() if ln.strip()), "")
        source = f" `{line[:60]}`" if line else ""
    message = (str(getattr(err, "evalue", "")).strip().splitlines() or [""])[0]
    return (f"{where}, cell {number} (In [{getattr(err, 'exec_count', '?')}]){source}: "
            f"{getattr(err, 'ename', type(err).__name__)}: {message}")


class Interrupted(Exception):
    """Raised between cells once the user pressed Ctrl-C."""


STOP = threading.Event()


class Progress:
    """Start/finish lines per notebook; on a terminal, a status line with each one's cell count."""

    def __init__(self, names: list[str], stream=sys.stdout):
        self.stream = stream
        self.tty = stream.isatty()
        self.width = max(len(n) for n in names)
        self.state: dict[str, str] = {}
        self.lock = threading.Lock()

    def _status(self) -> str:
        return "  running: " + ", ".join(f"{n} cell {s}" for n, s in sorted(self.state.items()))

    def line(self, text: str) -> None:
        with self.lock:
            if self.tty:
                self.stream.write("\r\033[K")
            self.stream.write(text + "\n")
            if self.tty and self.state:
                self.stream.write(self._status())
            self.stream.flush()

    def cell(self, name: str, done: int, total: int) -> None:
        with self.lock:
            self.state[name] = f"{done}/{total}"
            if self.tty:
                self.stream.write("\r\033[K" + self._status())
                self.stream.flush()

    def finish(self, name: str) -> None:
        with self.lock:
            self.state.pop(name, None)


def kernel_logging_to(log: Path) -> type:
    """A kernel manager whose kernel writes its own log (stderr) to `log` instead of the
    terminal: the kernel's shutdown noise (ZMQ socket errors after a failed cell) must not
    print a traceback over the one-line error; the log's last line is kept for a dead kernel."""
    from jupyter_client import AsyncKernelManager

    class KernelLoggingToFile(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            with open(log, "ab") as stream:         # the kernel keeps its own copy of the handle
                await super()._async_launch_kernel(kernel_cmd, stderr=stream, **kw)

    return KernelLoggingToFile


def last_line(path: Path) -> str:
    """The last non-blank line of a text file, '' when there is none."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n") if path.exists() else []
    return next((line.strip() for line in reversed(lines) if line.strip()), "")


def run_notebook(path: Path, dest: Path, parameters: dict | None, progress: Progress) -> Result:
    """Execute `path` with papermill (kernel in the repository root) and write the cleaned result
    to `dest` atomically. Never raises: failures come back as Result.error."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    name = path.stem
    start = time.perf_counter()
    total = sum(c.cell_type == "code" for c in nbformat.read(path, as_version=4).cells) + (1 if parameters else 0)
    done = 0

    def on_cell(**_):
        nonlocal done
        done += 1
        progress.cell(name, done, total)
        if STOP.is_set():
            raise Interrupted(name)

    def on_start(**_):
        if STOP.is_set():
            raise Interrupted(name)

    progress.line(f"  {name:<{progress.width}}  started")
    executed, error = None, ""
    with tempfile.TemporaryDirectory(prefix="report-") as tmp:
        out, kernel_log = Path(tmp) / path.name, Path(tmp) / "kernel.log"
        try:
            executed = papermill.execute_notebook(
                str(path), str(out), parameters=parameters or None, kernel_name="python3",
                progress_bar=False, log_output=False, request_save_on_cell_execute=False,
                execution_timeout=CELL_TIMEOUT, resources={"metadata": {"path": str(config.ROOT)}},
                on_cell_executed=on_cell, on_cell_start=on_start, extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
                kernel_manager_class=kernel_logging_to(kernel_log))
        except PapermillExecutionError as e:
            executed = nbformat.read(out, as_version=4) if out.exists() else None
            error = describe_failure(e, path, executed)
        except Exception as e:          # kernel died, timeout, unreadable notebook …
            executed = nbformat.read(out, as_version=4) if out.exists() else None
            first = (str(e).strip().splitlines() or [""])[0]
            error = f"{shown_path(path)}: {type(e).__name__}: {first}"
            if logged := last_line(kernel_log):
                error += f" (kernel log: {logged})"
    if executed is not None:
        clean(executed, keep_parameters=bool(parameters))
        dest.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(dest, nbformat.writes(executed).encode("utf-8") + b"\n")
    seconds = time.perf_counter() - start
    progress.finish(name)
    status = "FAILED" if error else "done"
    progress.line(f"  {name:<{progress.width}}  {status} in {seconds:.1f} s")
    return Result(name, seconds, done, error)


def run_all(books: list[Path], dest_dir: Path, parameters: dict | None, jobs: int) -> list[Result]:
    """Run every notebook, `jobs` at a time, the longest first (most code cells) so the last one to
    start is a short one; results in the notebooks' order."""
    progress = Progress([b.stem for b in books])
    size = {b: sum(c.cell_type == "code" for c in nbformat.read(b, as_version=4).cells) for b in books}
    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        futures = {b: pool.submit(run_notebook, b, dest_dir / b.name, parameters, progress)
                   for b in sorted(books, key=lambda b: -size[b])}
        return [futures[b].result() for b in books]
    except KeyboardInterrupt:
        STOP.set()              # running notebooks stop at their next cell, queued ones never start
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)


# ---------------------------------------------------------------------------------------------
# The HTML report

ACTIVE_SVG = re.compile(r"<\s*(script|foreignObject|iframe|object|embed|use)\b|\son[a-z]+\s*=|"
                        r"(href|src)\s*=\s*[\"']?\s*(javascript|data|https?):", re.IGNORECASE)


def inline_svg(svg) -> Markup:
    """An SVG output as markup to inline in the page; one with any active or external content
    (scripts, event handlers, links) is embedded as an inert <img> instead."""
    svg = re.sub(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", "", str(svg))
    if svg.startswith("<svg") and not ACTIVE_SVG.search(svg):
        return Markup(svg)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup(f'<img alt="chart" src="data:image/svg+xml;base64,{data}">')


def html_report(notebook_path: Path, dest: Path) -> None:
    """The executed report notebook as one offline HTML file (inputs hidden, charts inline SVG)."""
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES_DIR)], template_name="offline",
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            filters={"inline_svg": inline_svg})
    book = nbformat.read(notebook_path, as_version=4)
    heading = next((line[2:].strip() for c in book.cells if c.cell_type == "markdown"
                    for line in c.source.splitlines() if line.startswith("# ")), "")
    if heading:
        book.metadata["title"] = heading
    body, _ = exporter.from_notebook_node(book)
    write_atomic(dest, body.encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Command line

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.report",
        description="Run the notebooks headlessly and write the report, figures and tables.")
    parser.add_argument("--params", default=str(DEFAULT_PARAMS), metavar="YAML",
                        help="parameters file (default: params/report.yaml)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="override one parameter, e.g. -p seeds other/articles (repeatable)")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="notebooks run at once (default: one per CPU core, at most one per notebook)")
    parser.add_argument("--notebooks", default=str(config.NOTEBOOKS_DIR), metavar="DIR",
                        help="folder of the NN_name.ipynb notebooks to run (default: notebooks/)")
    parser.add_argument("--store-notebooks", action="store_true",
                        help="execute with the notebooks' default parameters and store them in notebooks/")
    return parser


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    books = notebooks(resolve(args.notebooks))
    if not books:
        print(f"error: no NN_name.ipynb notebooks in {shown_path(resolve(args.notebooks))}", file=sys.stderr)
        return 2
    jobs = args.jobs or min(len(books), os.cpu_count() or 1)
    try:
        if args.store_notebooks:
            if args.parameter:
                raise InputError("-p", "--store-notebooks runs the notebooks with their default parameters only")
            defaults = notebook_parameters(books[0])
            parameters = None
            values = {k: _literal(v) for k, v in defaults.items()}
            dest_dir = resolve(args.notebooks)
        else:
            values = read_params(resolve(args.params))
            values.update({k: v for k, v in args.parameter})
            check_params(values, books, shown_path(resolve(args.params)))
            if not str(values.get("out_dir", "reports")).strip():
                raise InputError(shown_path(resolve(args.params)), "out_dir is empty: name the folder for the report")
            parameters = values
            dest_dir = resolve(values.get("out_dir", "reports"))
        load_corpus([resolve(values.get("seeds", "seeds"))], str(values.get("published") or "") or None)
    except (CorpusError, InputError) as e:
        return print_errors(e)

    out_dir = resolve(values.get("out_dir", "reports"))
    shown = " ".join(f"{k}={v!r}" for k, v in values.items())
    print(f"running {len(books)} notebooks, {jobs} at a time ({shown})", flush=True)
    with tempfile.TemporaryDirectory(prefix="notebooks-") as staging:
        # --store-notebooks replaces the committed notebooks only when every one of them ran
        run_dir = Path(staging) if args.store_notebooks else dest_dir
        try:
            results = run_all(books, run_dir, parameters, jobs)
        except KeyboardInterrupt:
            print(f"\ninterrupted after {time.perf_counter() - started:.1f} s", file=sys.stderr)
            return 130
        failed = [r for r in results if r.error]
        for r in failed:
            print(f"error: {r.error}", file=sys.stderr)
        if failed:
            if args.store_notebooks:
                out_dir.mkdir(parents=True, exist_ok=True)
                for r in failed:
                    executed = run_dir / f"{r.name}.ipynb"
                    if executed.exists():
                        write_atomic(out_dir / executed.name, executed.read_bytes())
                where = f"{shown_path(dest_dir)}/ unchanged; the failed runs are in {shown_path(out_dir)}/"
            else:
                where = f"executed notebooks in {shown_path(dest_dir)}/"
            print(f"failed after {time.perf_counter() - started:.1f} s; {where}", file=sys.stderr)
            return 1
        if args.store_notebooks:
            for book in books:
                write_atomic(dest_dir / book.name, (run_dir / book.name).read_bytes())

    if args.store_notebooks:
        copied = copy_figures(out_dir / "figures", DOCS_FIGURES)
        print(f"stored {len(books)} notebooks in {shown_path(dest_dir)}/; {copied} PNG figures in {shown_path(DOCS_FIGURES)}/")
    else:
        report_nb = dest_dir / f"{REPORT_NOTEBOOK}.ipynb"
        if report_nb.exists():
            html_report(report_nb, out_dir / "report.html")
        print(summary(out_dir))
    print(f"took {time.perf_counter() - started:.1f} s")
    return 0


def _literal(default: str):
    """A parameter default as written in the notebook ('"seeds"') as a value."""
    import ast
    try:
        return ast.literal_eval(default)
    except (ValueError, SyntaxError):
        return default


def copy_figures(src: Path, dest: Path) -> int:
    if not src.is_dir():
        return 0
    dest.mkdir(parents=True, exist_ok=True)
    n = 0
    for png in sorted(src.glob("*.png")):
        write_atomic(dest / png.name, png.read_bytes())
        n += 1
    return n


def summary(out_dir: Path) -> str:
    def count(pattern):
        return len(list(out_dir.glob(pattern)))
    lines = [f"wrote {shown_path(out_dir)}/:",
             f"  report.html ({(out_dir / 'report.html').stat().st_size // 1024} KB, offline)"
             if (out_dir / "report.html").exists() else "  (no report.html: no 04_report notebook)",
             f"  {count('*.ipynb')} executed notebooks",
             f"  figures/: {count('figures/*.png')} PNG, {count('figures/*.svg')} SVG",
             f"  tables/: {count('tables/*.csv')} CSV, {count('tables/*.parquet')} Parquet, "
             f"{'DATA_DICTIONARY.md' if (out_dir / 'tables' / 'DATA_DICTIONARY.md').exists() else 'no data dictionary'}"]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
