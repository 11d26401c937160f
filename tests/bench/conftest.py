"""Fixtures of the benchmark tests: a small stand-in corpus, an offline user cache, and results
databases of every backend (a SQLite file and a live PostgreSQL server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import postgres


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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """``postgresql+psycopg://postgres@127.0.0.1:PORT/actlab_test`` on a temporary PostgreSQL
    cluster of this test session (of each xdist worker), stopped and removed afterwards. Skipped,
    loudly, without server binaries; a server that fails to start is an error."""
    bindir = postgres.find_bindir()
    if bindir is None:
        pytest.skip(postgres.NOT_INSTALLED)
    with postgres.Cluster(bindir) as cluster:
        yield cluster.create_database("actlab_test")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty results database of each backend: a new SQLite file, or a new database on
    the session's PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'results.sqlite'}"
        return
    with postgres.fresh_database(request.getfixturevalue("postgres_url")) as url:
        yield url
