"""Fixtures of the benchmark tests: a small stand-in corpus and an offline user cache."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    """A directory holding a tinyshakespeare.txt stand-in (long enough for the loader)."""
    directory = tmp_path_factory.mktemp("data")
    lines = ["First Citizen:\nBefore we proceed any further, hear me speak.\n",
             "All:\nSpeak, speak.\n", "MENENIUS:\nWhat work's, my countrymen, in hand?\n"]
    (directory / "tinyshakespeare.txt").write_text("".join(lines) * 200)
    return directory


@pytest.fixture
def offline(monkeypatch, tmp_path):
    """No user cache and no download source: missing data stays missing."""
    from actlab.bench.tasks import shakespeare_char

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ACTLAB_DATA", raising=False)
    monkeypatch.setattr(shakespeare_char, "URL", "http://127.0.0.1:9/tinyshakespeare.txt")
