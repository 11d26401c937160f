"""The atlas in a real browser: the system's headless Chromium, driven by Playwright, opens the
whole catalog's page offline; cards, search, filters, values, sliders and the overlay are checked
against the Python catalog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import torch
from browser import Loaded, offline_page

import actlab
from actlab.atlas import FILTERS, write_atlas
from actlab.atlas.entries import SMOOTHNESS

if TYPE_CHECKING:
    from playwright.sync_api import Page

MAX_BYTES = 25_000_000
POINTS = torch.linspace(-5, 5, 21, dtype=torch.float64) + 0.01234567  # off the kinks at integers


@pytest.fixture(scope="module")
def atlas(tmp_path_factory) -> Path:
    return write_atlas(tmp_path_factory.mktemp("atlas") / "atlas.html")


@pytest.fixture(scope="module")
def opened(atlas) -> Iterator[Loaded]:
    with offline_page(atlas, "the atlas", viewport={"width": 1400, "height": 1000}) as loaded:
        yield loaded


def shown(page: Page) -> set[str]:
    return set(page.evaluate("atlas.shown()"))


def test_the_page_loads_offline_without_errors(opened, atlas):
    assert opened.errors == []
    assert opened.blocked == []
    assert opened.requests and all(url.startswith(("file:", "data:")) for url in opened.requests)
    assert atlas.stat().st_size <= MAX_BYTES


def test_one_card_per_entry(opened):
    names = {s.name for s in actlab.catalog()}
    cards = opened.page.locator("article.card")
    assert cards.count() == len(names)
    assert set(cards.evaluate_all("cards => cards.map(c => c.dataset.name)")) == names
    assert shown(opened.page) == names
    assert opened.page.locator("#count").inner_text() == f"{len(names)} of {len(names)} shown"


def test_search_finds_names_aliases_and_authors(opened):
    page = opened.page
    for query in ("swish", "h_swish", "Hendrycks", "SiLU"):
        page.fill("#search", query)
        expected = {
            s.name
            for s in actlab.catalog()
            if query.lower() in " ".join([s.name, *s.aliases, s.citation.authors]).lower()
        }
        assert shown(page) == expected, query
    page.fill("#search", "swish")
    found = shown(page)
    assert {"swish", "hardswish", "eswish"} <= found
    for name in found:  # each card lists the entry's aliases
        aliases = page.locator(f"#entry-{name} .alias").all_inner_texts()
        assert aliases == list(actlab.lookup(name).aliases), name
    page.fill("#search", "")


def test_each_filter_returns_the_catalog_query(opened):
    page = opened.page
    for name, holds in FILTERS.items():
        box = page.locator(f'input[data-filter="{name}"]')
        box.check()
        assert shown(page) == {s.name for s in actlab.catalog(where=holds)}, name
        box.uncheck()
    for level in SMOOTHNESS:
        page.select_option("#smoothness", level)
        assert shown(page) == {
            s.name
            for s in actlab.catalog(where=lambda s, level=level: s.properties.smoothness == level)
        }, level
    page.select_option("#smoothness", "")
    page.select_option("#family", "periodic")
    page.locator('input[data-filter="monotonic"]').check()
    assert shown(page) == {
        s.name for s in actlab.catalog(family="periodic", where=FILTERS["monotonic"])
    }
    page.locator('input[data-filter="monotonic"]').uncheck()
    page.select_option("#family", "")
    assert len(shown(page)) == len(actlab.catalog())


def test_in_browser_values_match_torch_for_every_entry(opened):
    names = [s.name for s in actlab.catalog()]
    values = opened.page.evaluate(
        "([names, xs]) => names.map(name => atlas.evaluate(name, xs))", [names, POINTS.tolist()]
    )
    wrong = {}
    for name, js in zip(names, values):
        ours = actlab.fn(name, backend="eager")(POINTS)
        theirs = torch.tensor(js, dtype=torch.float64)
        close = ((theirs - ours).abs() <= 1e-5 * (1 + ours.abs())) | (theirs.isnan() & ours.isnan())
        if not close.all():
            i = int((~close).nonzero()[0])
            wrong[name] = (POINTS[i].item(), theirs[i].item(), ours[i].item())
    assert wrong == {}, "x, browser, torch"


def paths(page: Page, card: str) -> tuple[str, str]:
    return (
        page.locator(f"#entry-{card} path.f").get_attribute("d"),
        page.locator(f"#entry-{card} path.df").get_attribute("d"),
    )


def test_moving_a_slider_redraws_the_curves(opened):
    page = opened.page
    before = paths(page, "swish")
    assert before[0].count("L") == 200  # every point of [-5, 5] drawn
    slider = page.locator('#entry-swish input[data-param="beta"]')
    slider.fill("3")
    after = paths(page, "swish")
    assert after[0] != before[0] and after[1] != before[1]
    assert page.locator("#entry-swish output").inner_text() == "3.000"
    slider.fill(str(actlab.lookup("swish").defaults["beta"]))
    assert paths(page, "swish") == before


def test_the_overlay_compares_chosen_entries(opened):
    page = opened.page
    assert page.locator("#overlay").is_hidden()
    for name in ("relu", "gelu", "mish"):
        page.locator(f"#entry-{name} input.compare").check()
    assert page.locator("#overlay-plot path").evaluate_all("ps => ps.map(p => p.dataset.name)") == [
        "relu",
        "gelu",
        "mish",
    ]
    assert page.locator("#legend li").all_inner_texts() == ["relu", "gelu", "mish"]
    page.locator("#entry-gelu input.compare").uncheck()
    assert page.locator("#overlay-plot path").count() == 2
    page.click("#clear")
    assert page.locator("#overlay").is_hidden()
    assert opened.errors == []
