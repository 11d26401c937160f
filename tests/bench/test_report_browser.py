"""The report in a real browser: the system's headless Chromium, driven by Playwright, opens the
file offline; every board, figure and export is there and the exports match the database."""

from __future__ import annotations

import base64
import csv
import io
import json
import shutil
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest

from actlab.bench.report import collect, write_report
from actlab.bench.store import Store
from bench.helpers import record

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
UNTESTED = "the report was NOT tested in a browser"
BOARDS = (("digits", "mlp"), ("mnist1d", "mlp"))
NOISE = (0.01, -0.02, 0.015, -0.01)


def chromium() -> str:
    """The system's Chromium; skips, loudly, when it or Playwright is missing."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip(f"Playwright not installed: {UNTESTED}; pip install 'playwright>=1.45'")
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip(f"Chromium not found: {UNTESTED}; install chromium (apt-get install chromium)")
    return path


@dataclass
class Opened:
    """The report as the browser showed it, and what happened while it loaded."""

    page: Page
    store: Store
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


def results(store: Store) -> Store:
    """Two boards, relu, a better gelu and a tanh like relu over four seeds, one failed run."""
    for task, model in BOARDS:
        for seed, e in enumerate(NOISE):
            store.record(record(seed, "relu", value=0.80 + e, task=task, model=model))
            store.record(record(seed, "gelu", value=0.90 + e + 0.001 * seed, task=task,
                                model=model))
            store.record(record(seed, "tanh", value=0.80 + NOISE[::-1][seed], task=task,
                                model=model))
    store.record(record(9, "tanh", status="failed", task="digits"))
    return store


@pytest.fixture(scope="module")
def opened(tmp_path_factory) -> Iterator[Opened]:
    executable = chromium()
    from playwright.sync_api import sync_playwright

    directory = tmp_path_factory.mktemp("browser")
    store = results(Store(f"sqlite:///{directory / 'results.sqlite'}"))
    path = write_report(collect(store), directory / "report.html")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=CHROMIUM_ARGS)
        context = browser.new_context()
        page = context.new_page()
        seen = Opened(page, store)

        def offline(route) -> None:
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                seen.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", offline)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.goto(path.as_uri(), wait_until="load")
        yield seen
        browser.close()


def test_the_page_loads_offline_without_errors(opened):
    assert opened.errors == []
    assert opened.blocked == []
    assert opened.requests and all(url.startswith(("file:", "data:")) for url in opened.requests)


def test_every_board_shows_its_table_and_figures(opened):
    page = opened.page
    for board in collect(opened.store).boards:
        section = page.locator(f"#{board.anchor}")
        assert section.count() == 1
        acts = section.locator("table.leaderboard tr[data-act]")
        assert sorted(acts.evaluate_all("rows => rows.map(r => r.dataset.act)")) == [
            "gelu", "relu", "tanh"]
        for figure in ("img.means", "img.curves"):
            assert section.locator(figure).evaluate("img => img.complete && img.naturalWidth") > 0
        tanh = section.locator('tr[data-act="tanh"] td.verdict')
        assert tanh.inner_text().startswith("no significant difference (could detect ≥ ")
        assert section.locator("td.interval.none").count() == 0  # four seeds: intervals


def export(page: Page, link: str) -> str:
    """The decoded data URI of the export link ``#link``."""
    anchor = page.locator(f"a#{link}")
    assert anchor.get_attribute("download")
    href = anchor.get_attribute("href")
    return base64.b64decode(href.split(",", 1)[1]).decode()


def stored(store: Store) -> set[tuple]:
    """Key, outcome and primary value of every stored run."""
    return {(r.task, r.model, r.act, r.seed, r.status, r.primary_value) for r in store.runs()}


def test_exports_match_the_database(opened):
    expected = stored(opened.store)
    rows = list(csv.DictReader(io.StringIO(export(opened.page, "export-csv"))))
    assert {(r["task"], r["model"], r["act"], int(r["seed"]), r["status"],
             float(r["primary_value"]) if r["primary_value"] else None) for r in rows} == expected
    assert len(rows) == len(expected) == 25
    results = json.loads(export(opened.page, "export-json"))
    assert {(r["task"], r["model"], r["act"], r["seed"], r["status"], r["primary_value"])
            for r in results["runs"]} == expected
    values = defaultdict(list)
    for task, model, act, _, status, value in expected:
        if status == "ok":
            values[(task, model, act)].append(value)
    shown = {(b["task"], b["model"], r["act"]): (r["n"], r["mean"])
             for b in results["boards"] for r in b["rows"]}
    assert shown == {key: (len(v), pytest.approx(sum(v) / len(v))) for key, v in values.items()}
