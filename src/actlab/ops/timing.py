"""Timing primitives built on ``torch.utils.benchmark``, for the cost calibration of
:mod:`actlab.ops.costs` and every benchmark of :mod:`actlab.perf`."""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch.utils import benchmark


def median_seconds(work: Callable[[], object], *, min_run_time: float = 0.3) -> float:
    """Median wall time of ``work()`` in seconds, after a warm-up call (which also compiles)."""
    return _measure(work, min_run_time).median


def best_seconds(work: Callable[[], object], *, min_run_time: float = 0.3) -> float:
    """Fastest block's mean time of ``work()``: robust when other processes share the cores
    (interference only ever adds time). Used for calibration, where a cost must not be noise."""
    return min(_measure(work, min_run_time).times)


def _measure(work: Callable[[], object], min_run_time: float) -> benchmark.Measurement:
    work()
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    timer = benchmark.Timer(stmt="work()", globals={"work": work},
                            num_threads=torch.get_num_threads())
    return timer.blocked_autorange(min_run_time=min_run_time)
