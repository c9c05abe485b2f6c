"""How far `make report` is from the floor: the time to start one kernel per notebook that only
imports pandas and altair, run the same number at a time.

    .venv/bin/python benchmarks/report_floor.py [--jobs N] [--repeat R]

Prints the report's time (as the report command prints it: from its start to its end), the
floor's, and their ratio. Best of R runs each. The report is written to a temporary folder.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import papermill
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from analysis import report  # noqa: E402


def floor_once(n: int, jobs: int) -> float:
    """Wall time to run `n` one-cell notebooks (import pandas, altair), `jobs` at a time."""
    with tempfile.TemporaryDirectory(prefix="floor-") as tmp:
        book = new_notebook(cells=[new_code_cell("import pandas\nimport altair")],
                            metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                     "language": "python"}})
        paths = []
        for i in range(n):
            path = Path(tmp) / f"{i:02d}_floor.ipynb"
            nbformat.write(book, path)
            paths.append(path)

        def run(path: Path):
            papermill.execute_notebook(str(path), str(path.with_suffix(".out.ipynb")), kernel_name="python3",
                                       progress_bar=False, request_save_on_cell_execute=False,
                                       resources={"metadata": {"path": str(ROOT)}},
                                       extra_arguments=["--IPKernelApp.log_level=CRITICAL"])

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(run, paths))
        return time.perf_counter() - start


def report_once(jobs: int) -> float:
    """The report command's own measure of its run ('took N s'), into a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="report-") as tmp:
        proc = subprocess.run([sys.executable, "-m", "analysis.report", "--jobs", str(jobs), "-p", "out_dir", tmp],
                              cwd=ROOT, capture_output=True, text=True)
        if proc.returncode:
            sys.exit(f"the report failed:\n{proc.stderr}")
        return float(re.search(r"^took (\d+(?:\.\d+)?) s$", proc.stdout, re.M)[1])


def main(argv=None) -> int:
    books = report.notebooks()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=min(len(books), os.cpu_count() or 1))
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    reports = [report_once(args.jobs) for _ in range(args.repeat)]
    floors = [floor_once(len(books), args.jobs) for _ in range(args.repeat)]
    best_report, best_floor = min(reports), min(floors)
    print(f"notebooks: {len(books)}, {args.jobs} at a time, best of {args.repeat}")
    print(f"report: {best_report:.1f} s")
    print(f"floor:  {best_floor:.1f} s (one kernel per notebook importing pandas and altair)")
    print(f"ratio:  {best_report / best_floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
