"""Clean shutdown of a sweep: termination signals stop it like Ctrl-C, and no worker outlives it.

- :func:`signals_interrupt`: while a sweep runs, SIGTERM and SIGHUP raise KeyboardInterrupt in the
  main thread, as SIGINT does, so the same cleanup runs (workers terminated, completed runs
  kept).
- When the sweep's process is killed with SIGKILL, which runs no cleanup, its workers end two
  ways: a :class:`Reaper` (a small stdlib-only process holding a pipe from the sweep) kills them
  the moment the pipe closes, whatever they are doing, still importing included; and each worker
  checks every ``CHECK_SECONDS`` that the process that started it is still its parent
  (:func:`exit_with_parent`, its pool initializer), in case the reaper was killed too.
- :func:`terminate`: stop a process pool now, running runs included.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

CHECK_SECONDS = 1.0
ORPHAN_EXIT_STATUS = 3


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP raise KeyboardInterrupt inside the block (main thread only; elsewhere
    signal handlers cannot be set and the block runs unchanged)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {sig: signal.signal(sig, _interrupt) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def exit_with_parent(parent: int) -> None:
    """Start watching ``parent`` (the pid that started this worker): exit when it is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(CHECK_SECONDS)
        os._exit(ORPHAN_EXIT_STATUS)

    threading.Thread(target=watch, name="actlab-parent-watch", daemon=True).start()


def terminate(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and terminate the workers, running runs included."""
    processes = list((pool._processes or {}).values())  # the executor has no public handle
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


_REAPER = """
import os, signal, sys
pids = set()
for line in sys.stdin:
    if line.strip() == "done":
        sys.exit(0)
    pids.add(int(line))
for pid in pids:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
"""


class Reaper:
    """A process that SIGKILLs the registered workers when this process dies without cleanup
    (its end of the pipe closes); :meth:`close` releases it without killing anything."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _REAPER],
            stdin=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def watch(self, pool: ProcessPoolExecutor) -> None:
        """Register the pool's worker processes started so far."""
        self.process.stdin.write("".join(f"{pid}\n" for pid in (pool._processes or {})))
        self.process.stdin.flush()

    def close(self) -> None:
        self.process.stdin.write("done\n")
        self.process.stdin.close()
        self.process.wait()
