"""The report in a real browser: the system's headless Chromium, driven by Playwright, opens the
file offline; every board, figure and export is there and the exports match the database."""

from __future__ import annotations

import base64
import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from browser import offline_page

from actlab.bench.report import collect, write_report
from actlab.bench.store import Store
from bench.helpers import record

if TYPE_CHECKING:
    from playwright.sync_api import Page

BOARDS = (("digits", "mlp"), ("mnist1d", "mlp"))
NOISE = (0.01, -0.02, 0.015, -0.01)


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
    directory = tmp_path_factory.mktemp("browser")
    store = results(Store(f"sqlite:///{directory / 'results.sqlite'}"))
    path = write_report(collect(store), directory / "report.html")
    with offline_page(path, "the report") as loaded:
        yield Opened(loaded.page, store, loaded.errors, loaded.requests, loaded.blocked)


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
