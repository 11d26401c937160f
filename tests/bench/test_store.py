"""The results database: round trip, duplicates, concurrent writers, unreachable URLs; on a
SQLite file and on a live PostgreSQL server."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from actlab.bench.store import CurvePoint, Run, Store
from actlab.errors import StoreError
from bench.helpers import record


def test_round_trip(database_url):
    store = Store(database_url)
    assert store.record(record(0)) and store.record(record(1, status="failed"))
    again = Store(database_url)
    runs = again.runs()
    assert [(r.seed, r.status, r.primary_value) for r in runs] == [(0, "ok", 0.9),
                                                                     (1, "failed", None)]
    assert runs[0].metrics == {"test_accuracy": 0.9, "test_loss": 0.3}
    assert runs[0].environment == {"torch": "x", "threads": 1} and runs[1].reason == "boom"
    assert again.curves([runs[0].id]) == {runs[0].id: {"test_accuracy": [(2, 0.9)],
                                                       "train_loss": [(1, 2.0), (2, 1.5)]}}
    assert again.completed([record(0).key, record(5).key]) == {record(0).key}
    assert again.runs(suite="standard") == []


def test_a_run_is_written_once(database_url):
    store = Store(database_url)
    assert store.record(record(0)) is True
    assert store.record(record(0, value=0.1)) is False
    assert [r.primary_value for r in store.runs()] == [0.9]
    with store.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(CurvePoint)) == 3


def test_non_finite_metrics_are_dropped(database_url):
    store = Store(database_url)
    noisy = record(0, value=float("nan"))
    noisy.curves["train_loss"].append((3, float("inf")))
    store.record(noisy)
    run = store.runs()[0]
    assert run.primary_value is None and run.metrics == {"test_loss": 0.3}
    assert store.curves([run.id])[run.id]["train_loss"] == [(1, 2.0), (2, 1.5)]


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from bench.helpers import record
    from actlab.bench.store import Store
    store = Store(sys.argv[1])
    offset = int(sys.argv[2])
    for seed in range(12):
        store.record(record(seed))             # the same runs in every writer
        store.record(record(seed, act=f"act{{offset}}"))  # and runs of its own
""")


def test_concurrent_writers_neither_corrupt_nor_duplicate(database_url, tmp_path):
    url = database_url
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(tests=str(Path(__file__).parents[1])))
    writers = [subprocess.Popen([sys.executable, str(script), url, str(i)]) for i in range(4)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0, 0]
    store = Store(url)
    with store.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Run)) == 12 + 4 * 12
        assert connection.scalar(select(func.count()).select_from(CurvePoint)) == 3 * 60
        if store.engine.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert sorted((r.act, r.seed) for r in store.runs()) == sorted(
        (act, seed) for act in ("relu", "act0", "act1", "act2", "act3") for seed in range(12))


@pytest.mark.parametrize("url", ["not a url", "sqlite:////no/such/dir/r.sqlite",
                                 "postgresql+nodriver://u@localhost/db"])
def test_unusable_database_fails_clearly(url):
    with pytest.raises(StoreError, match="database|driver|URL"):
        Store(url)


def test_a_full_database_is_a_clear_error_and_keeps_no_partial_run(tmp_path):
    from sqlalchemy import event

    store = Store(f"sqlite:///{tmp_path / 'full.sqlite'}")
    assert store.record(record(0))
    store.engine.dispose()
    event.listen(store.engine, "connect",
                 lambda connection, _: connection.execute("PRAGMA max_page_count = 1"))
    big = record(1)
    big.curves["train_loss"] = [(step, 1.0) for step in range(5000)]
    with pytest.raises(StoreError, match="full"):
        store.record(big)
    assert [r.seed for r in Store(store.url).runs()] == [0]
