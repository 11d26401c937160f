"""Timing primitives shared by every benchmark: medians from ``torch.utils.benchmark``."""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch.utils import benchmark


def median_seconds(work: Callable[[], object], *, min_run_time: float = 0.3) -> float:
    """Median wall time of ``work()`` in seconds, after a warm-up call (which also compiles).

    >>> median_seconds(lambda: torch.ones(8).sum(), min_run_time=0.01) > 0
    True
    """
    work()
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    timer = benchmark.Timer(stmt="work()", globals={"work": work},
                            num_threads=torch.get_num_threads())
    return timer.blocked_autorange(min_run_time=min_run_time).median
