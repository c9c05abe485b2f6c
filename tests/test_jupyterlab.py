"""The committed notebooks opened in JupyterLab, as someone cloning the repository would: untrusted,
served by `jupyter lab` on 127.0.0.1 with a token, and looked at in headless Chromium. Each one's
charts are drawn (interactive Vega-Lite) and its tables shown; then the server is stopped by PID."""
from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from analysis import report
from report_helpers import ROOT, browser_missing

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(bool(browser_missing()), reason=f"JupyterLab tests skipped: {browser_missing()}")]

VEGALITE = "application/vnd.vegalite.v5+json"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
# Settings for this server only: no news pop-up, every cell rendered (no windowing), and never
# a save of the committed notebooks.
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                       "checkForUpdates": False},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """(base URL, token) of a JupyterLab server of the repository, in its own process."""
    home = tmp_path_factory.mktemp("lab")
    for name, value in SETTINGS.items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(home / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
               JUPYTER_DATA_DIR=str(home / "data"))
    env.pop("JUPYTER_TOKEN", None)
    token, port = secrets.token_hex(16), free_port()
    jupyter = Path(sys.executable).with_name("jupyter")
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}",
         f"--FileCheckpoints.checkpoint_dir={home / 'checkpoints'}",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("jupyter lab did not start:\n" + (home / "server.log").read_text()[-3000:])
                time.sleep(0.2)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def expected(path: Path) -> tuple[int, int]:
    """(charts, tables) among the stored outputs of a notebook."""
    book = nbformat.read(path, as_version=4)
    outputs = [o.get("data", {}) for c in book.cells for o in c.get("outputs", [])]
    return (sum(VEGALITE in d for d in outputs), sum("<table" in d.get("text/html", "") for d in outputs))


@pytest.mark.parametrize("path", report.notebooks(), ids=lambda p: p.stem)
def test_notebook_renders_in_jupyterlab(lab, browser, path):
    base, token = lab
    charts, tables = expected(path)
    assert charts or tables, f"{path.name} stores nothing to look at"
    stored = path.read_bytes()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/lab/tree/{path.relative_to(ROOT).as_posix()}?reset&token={token}")
        page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=60_000)
        drawn = page.locator(f"{PANEL} .vega-embed").filter(has=page.locator("svg.marks, canvas.marks"))
        shown = page.locator(f"{PANEL} .jp-OutputArea-output table")
        deadline = time.monotonic() + 60
        while (drawn.count() < charts or shown.count() < tables) and time.monotonic() < deadline:
            page.wait_for_timeout(250)
        assert drawn.count() == charts, f"{path.name}: {drawn.count()} of {charts} charts drawn"
        assert shown.count() == tables, f"{path.name}: {shown.count()} of {tables} tables shown"
        for i in range(charts):
            box = drawn.nth(i).locator("svg.marks, canvas.marks").first.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 50, f"{path.name}: chart {i} is {box}"
        assert page.locator(f"{PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    finally:
        page.close()
    assert path.read_bytes() == stored, f"JupyterLab rewrote {path.name}"
