"""A sweep killed at any moment keeps every completed run, and rerunning skips them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import func, select

from actlab.bench.store import Run, Store

SWEEP = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from bench.helpers import micro
    from actlab.bench import ActChoice, RunSpec, Store, sweep

    if __name__ == "__main__":
        specs = [RunSpec.create("digits", "mlp", ActChoice.of(act), seed, "quick",
                                micro("digits", "mlp", steps=150))
                 for seed in range(4) for act in ("relu", "gelu", "tanh")]
        progress = sweep(specs, Store(sys.argv[1]), workers=1)
        print(progress.skipped, progress.ok)
""")


def count(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(Run))


def test_kill_then_rerun_keeps_completed_runs_and_skips_them(database_url, tmp_path):
    url = database_url
    script = tmp_path / "sweep.py"
    script.write_text(SWEEP.format(tests=str(Path(__file__).parents[1])))
    process = subprocess.Popen([sys.executable, str(script), url], start_new_session=True)
    store = Store(url)
    deadline = time.monotonic() + 120
    while count(store) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the sweep and its worker, mid-run
    process.wait()
    survivors = {(r.id, r.seed, r.act, r.finished) for r in store.runs()}
    assert 2 <= len(survivors) < 12

    rerun = subprocess.run([sys.executable, str(script), url], capture_output=True, text=True,
                           timeout=300, check=True)
    skipped, ok = map(int, rerun.stdout.split())
    assert skipped == len(survivors) and skipped + ok == 12
    runs = store.runs()
    assert len(runs) == 12 and all(r.status == "ok" for r in runs)
    assert survivors <= {(r.id, r.seed, r.act, r.finished) for r in runs}
