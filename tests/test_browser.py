"""The HTML report as a reader sees it: headless Chromium (Debian's chromium, driven by Playwright)
finds every chart drawn, no console error and no request leaving the machine; markup inside an
article is shown as text and never runs."""
from __future__ import annotations

import re

import nbformat
import pytest

from report_helpers import (LOCAL_PREFIXES, XSS_OUTLET, XSS_TITLE, XSS_URL, browser_missing, default_report,
                            xss_report)

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(bool(browser_missing()), reason=f"browser tests skipped: {browser_missing()}")]


class Visit:
    """A page opened in Chromium with every request, console message, page error and dialog recorded."""

    def __init__(self, browser, url: str):
        self.requests, self.console, self.errors, self.dialogs = [], [], [], []
        self.page = browser.new_page(viewport={"width": 1200, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(url, wait_until="load")
        self.page.wait_for_timeout(300)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL_PREFIXES)]


def chart_outputs(path) -> int:
    book = nbformat.read(path, as_version=4)
    return sum(1 for c in book.cells for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {}))


def test_report_charts_drawn_offline_without_errors(browser, tmp_path):
    out, proc = default_report()
    assert proc.returncode == 0, proc.stderr
    expected = chart_outputs(out / "04_report.ipynb")
    assert expected >= 4
    visit = Visit(browser, (out / "report.html").as_uri())
    page = visit.page
    charts = page.locator('[data-mime-type="image/svg+xml"]')
    assert charts.count() == expected
    for i in range(expected):
        drawn = charts.nth(i).locator("svg, canvas").first
        box = drawn.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50, f"chart {i} not drawn: {box}"
        assert charts.nth(i).locator("svg path, svg text").count() > 0, f"chart {i} is an empty svg"
    assert page.locator("table.report-table").count() >= 2, "the key tables are not shown"
    assert "Findings" in page.inner_text("body")
    assert not [m for m in visit.console if m[0] == "error"], visit.console
    assert not visit.errors
    assert not visit.external_requests(), visit.external_requests()
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    page.close()


def test_markup_in_a_seed_is_reported_as_text_and_never_runs(browser):
    out, proc = xss_report()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>document.title" not in html and "<img src=x onerror" not in html
    assert not re.search(r"<a\b[^>]*href\s*=\s*[\"']?\s*javascript:", html, re.I)
    visit = Visit(browser, (out / "report.html").as_uri())
    page = visit.page
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.title() != "pwned"
    assert visit.dialogs == []
    assert visit.errors == []
    text = page.inner_text("body")
    for shown in (XSS_TITLE, XSS_OUTLET, XSS_URL):
        assert shown in text, f"not shown as text: {shown}"
    assert page.locator("script").count() == 0
    assert page.locator("img[onerror]").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert not visit.external_requests(), visit.external_requests()
    page.close()
