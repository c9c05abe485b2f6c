"""Shared by the report, browser and JupyterLab tests: run the report command, launch Chromium."""
from __future__ import annotations

import atexit
import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from analysis import config

ROOT = config.ROOT
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))     # Debian's package
# Flags that work headless in a container (see shared NOTES.md); Playwright makes its own profile dir.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_PREFIXES = ("file://", "data:", "http://127.0.0.1", "about:blank", "blob:")


def browser_missing() -> str:
    """Why the browser tests cannot run here, or '' when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "playwright (PyPI) is not installed"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is absent (apt-get install -y chromium; .ci/run installs it)"
    return ""


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def run_report(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """`python -m analysis.report ARGS` from the repository root."""
    return subprocess.run([sys.executable, "-m", "analysis.report", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def _scratch() -> Path:
    path = Path(tempfile.mkdtemp(prefix="report-test-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


@functools.lru_cache(maxsize=None)
def default_report() -> tuple[Path, subprocess.CompletedProcess]:
    """The report for seeds/ (parameters from params/report.yaml) in a temporary folder, made once
    per test session."""
    out = _scratch() / "reports"
    return out, run_report("-p", "out_dir", str(out))


XSS_TITLE = "Rebels <script>document.title='pwned';window.__xss=1;alert(1)</script> advance"
XSS_OUTLET = "Desk <img src=x onerror=\"window.__xss=2;alert(2)\">"
XSS_URL = "javascript:window.__xss=3;alert(3)"
XSS_BODY = (
    "Syrian rebels took control of the city of Hama on Thursday, the war monitor said.\n"
    "\u201cWe will <script>window.__xss=4;alert(4)</script> protect civilians,\u201d rebel commander Abu Test said. "
    "Russia\u2019s foreign minister Sergei Lavrov said <img src=x onerror=\"window.__xss=5;alert(5)\"> "
    "the rebels must be stopped.\n"
    "Readers can see <a href=\"javascript:window.__xss=6;alert(6)\">the statement</a> online, officials said.\n"
)


@functools.lru_cache(maxsize=None)
def xss_report() -> tuple[Path, subprocess.CompletedProcess]:
    """The report for one seed full of markup, written into a temporary folder (never seeds/)."""
    scratch = _scratch()
    seeds = scratch / "seeds"
    seeds.mkdir()
    (seeds / "markup.txt").write_text(
        f"---\ntitle: \"{XSS_TITLE}\"\noutlet: '{XSS_OUTLET}'\nurl: \"{XSS_URL}\"\npublished: 2024-12-05\n---\n"
        + XSS_BODY, encoding="utf-8")
    out = scratch / "reports"
    return out, run_report("-p", "seeds", str(seeds), "-p", "out_dir", str(out))
