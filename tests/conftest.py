import os
import tempfile

import pytest

from actlab.catalog.registry import CATALOG

# measured cost tables and auto choices of the developer's machine stay out of the tests
os.environ["ACTLAB_CACHE"] = tempfile.mkdtemp(prefix="actlab-test-cache-")


@pytest.fixture
def scratch_registry():
    """User registrations made by a test vanish after it."""
    with CATALOG.scratch():
        yield


@pytest.fixture
def no_compile(monkeypatch):
    """Fused kernels run their generated code eagerly (same forms, same autograd.Function)."""
    monkeypatch.setenv("ACTLAB_COMPILE", "0")


@pytest.fixture
def fresh_cache(monkeypatch, tmp_path):
    """An empty machine cache: no calibrated costs, no recorded auto choices."""
    from actlab.ops import backend, costs

    monkeypatch.setenv("ACTLAB_CACHE", str(tmp_path))
    for cached in (backend.measured_choices, costs.table_for):
        cached.cache_clear()
    yield tmp_path
    for cached in (backend.measured_choices, costs.table_for):
        cached.cache_clear()


LOUD_SKIP = "NOT tested"  # in the reason of a skip that leaves a real part (database, browser) out
REAL_PARTS = {"a live PostgreSQL server": "[postgresql]",
              "headless Chromium": "_browser.py",
              "all-MiniLM-L6-v2": "test_minilm.py"}  # what ran -> how its tests are named


def pytest_terminal_summary(terminalreporter) -> None:
    """Say how many tests ran against each real part, and repeat every skip that left a real part
    untested as a warning at the very end."""
    passed = [report.nodeid for report in terminalreporter.stats.get("passed", [])]
    for part, marker in REAL_PARTS.items():
        count = sum(marker in nodeid for nodeid in passed)
        if count:
            terminalreporter.write_line(f"{count} tests passed against {part}")
    reasons = {str(report.longrepr[2]).removeprefix("Skipped: ")
               for report in terminalreporter.stats.get("skipped", [])
               if isinstance(report.longrepr, (tuple, list)) and LOUD_SKIP in report.longrepr[2]}
    for reason in sorted(reasons):
        terminalreporter.write_sep("!", f"WARNING: {reason}", red=True, bold=True)
