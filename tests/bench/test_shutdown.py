"""A sweep stopped by SIGTERM or SIGHUP cleans up like Ctrl-C, and one killed with SIGKILL leaves
no worker behind: each notices its parent is gone and exits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

SWEEP = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from bench.helpers import micro
    from actlab.bench import ActChoice, RunSpec, Store, sweep

    if __name__ == "__main__":
        specs = [RunSpec.create("digits", "mlp", ActChoice.of(act), seed, "quick",
                                micro("digits", "mlp", steps=100_000))
                 for seed in range(2) for act in ("relu", "gelu")]
        try:
            sweep(specs, Store(sys.argv[1]), workers=2)
        except KeyboardInterrupt as stop:
            print("interrupted by", stop, flush=True)
            sys.exit(130)
""")


def workers_of(parent: int) -> list[int]:
    """Pids of the spawned pool workers whose parent is ``parent``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent and b"spawn_main" in command:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def start_sweep(tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    script = tmp_path / "sweep.py"
    script.write_text(SWEEP.format(tests=str(Path(__file__).parents[1])))
    process = subprocess.Popen(
        [sys.executable, str(script), f"sqlite:///{tmp_path / 'r.db'}"],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while len(workers := workers_of(process.pid)) < 2 and time.monotonic() < deadline:
        assert process.poll() is None, "the sweep ended before its workers started"
        time.sleep(0.1)
    assert len(workers) == 2
    return process, workers


def wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [p for p in pids if alive(p)]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_sigkill_of_the_parent_leaves_no_worker_alive_10_s_later(tmp_path):
    process, workers = start_sweep(tmp_path)
    try:
        process.kill()
        process.wait()
        assert wait_gone(workers, 10) == []
    finally:
        os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize(
    "sig",
    [signal.SIGTERM, pytest.param(signal.SIGHUP, marks=pytest.mark.slow)],
    ids=lambda s: s.name,
)
def test_sigterm_and_sighup_stop_the_sweep_like_ctrl_c(tmp_path, sig):
    process, workers = start_sweep(tmp_path)
    try:
        process.send_signal(sig)
        out, _ = process.communicate(timeout=60)
        assert process.returncode == 130 and f"interrupted by {sig.name}" in out
        assert wait_gone(workers, 5) == []
    finally:
        os.killpg(process.pid, signal.SIGKILL)
