"""HTML pages in the system's headless Chromium, driven by Playwright, offline: every request that
is not for a file or a data URI is aborted and recorded, and console errors are collected."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium(what: str) -> str:
    """The system's Chromium; skips, loudly (``what`` was NOT tested), when it or Playwright is
    missing."""
    untested = f"{what} was NOT tested in a browser"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip(f"Playwright not installed: {untested}; pip install 'playwright>=1.45'")
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip(f"Chromium not found: {untested}; install chromium (apt-get install chromium)")
    return path


@dataclass
class Loaded:
    """A page as the browser showed it, and what happened while it loaded."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


@contextmanager
def offline_page(path: Path, what: str, viewport: dict | None = None) -> Iterator[Loaded]:
    """``path`` opened in headless Chromium with the network blocked."""
    executable = chromium(what)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport=viewport)
        loaded = Loaded(context.new_page())

        def offline(route) -> None:
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                loaded.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", offline)
        loaded.page.on("request", lambda request: loaded.requests.append(request.url))
        loaded.page.on(
            "console", lambda m: loaded.errors.append(m.text) if m.type == "error" else None
        )
        loaded.page.on("pageerror", lambda error: loaded.errors.append(str(error)))
        loaded.page.goto(Path(path).as_uri(), wait_until="load")
        try:
            yield loaded
        finally:
            browser.close()
