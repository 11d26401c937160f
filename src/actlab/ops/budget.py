"""Time budgets for the optimizer's rewrites and for compilation.

:func:`deadline` runs a block with a time limit: when it runs out, :class:`BudgetExceeded` is
raised inside the block, in whichever thread runs it (by CPython's asynchronous exception, checked
between bytecodes, so sympy and Inductor's Python code stop; a single long call into C finishes
first). The exception derives from ``BaseException`` so that the broad ``except Exception``
handlers inside sympy and Inductor do not swallow it, and it is raised again every
``RETRY_SECONDS`` until the block ends.

>>> with deadline(5.0):
...     total = sum(range(1000))
>>> total
499500
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager

REWRITE_SECONDS = 2.0  # one optimizer candidate: rewrite, cost and accuracy check
OPTIMIZE_SECONDS = 6.0  # all candidates of one Spec together
COMPILE_SECONDS = 60.0  # one torch.compile of one kernel
RETRY_SECONDS = 0.5


class BudgetExceeded(BaseException):  # noqa: N818 - a signal to stop, like KeyboardInterrupt
    """A block ran past its :func:`deadline`."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` in the calling thread if the block runs ``seconds``."""
    if seconds <= 0:
        raise BudgetExceeded
    thread, stop, lock = threading.get_ident(), threading.Event(), threading.Lock()
    fired = False

    def watch() -> None:
        nonlocal fired
        wait = seconds
        while not stop.wait(wait):
            with lock:
                if stop.is_set():
                    return
                fired = True
                _raise_in(thread, BudgetExceeded)
            wait = RETRY_SECONDS

    threading.Thread(target=watch, name="actlab-deadline", daemon=True).start()
    try:
        yield
    finally:
        with lock:
            stop.set()
            if fired:
                _raise_in(thread, None)  # drop one raised too late to arrive inside the block


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread),
        ctypes.py_object(exception) if exception is not None else ctypes.c_void_p(),
    )
