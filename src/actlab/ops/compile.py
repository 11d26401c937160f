"""Lazy ``torch.compile`` with a one-time fallback to eager where compilation is unavailable.

Inductor turns a function of pointwise ops into one vectorized C++ loop on CPU and one Triton
kernel on CUDA. :func:`compiled` compiles on first call (shapes are dynamic, so a new size does not
recompile), runs the plain function when an outer ``torch.compile`` is tracing (so the user's
compiled model inlines it without a graph break), and falls back to eager for good, with one
warning, if compilation fails. ``ACTLAB_COMPILE=0`` turns compilation off.
"""

from __future__ import annotations

import functools
import logging
import os
import warnings
from collections.abc import Callable
from typing import TypeVar

import torch

F = TypeVar("F", bound=Callable[..., object])

log = logging.getLogger(__name__)


def enabled() -> bool:
    """Whether actlab compiles its kernels (``ACTLAB_COMPILE=0`` turns it off)."""
    return os.environ.get("ACTLAB_COMPILE", "1") != "0"


def compiled(fn: F) -> F:
    """``fn`` compiled by Inductor on first use; ``fn`` itself where that is not possible."""
    state: dict[str, object] = {}

    @functools.wraps(fn)
    def run(*args, **kwargs):
        if torch.compiler.is_compiling() or not enabled() or state.get("failed"):
            return fn(*args, **kwargs)
        if "fast" not in state:
            state["fast"] = torch.compile(fn, dynamic=True, fullgraph=True)
        try:
            return state["fast"](*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - any compiler failure means: run eagerly
            result = fn(*args, **kwargs)  # a genuine error in the inputs raises here instead
            state["failed"] = True
            warnings.warn(f"actlab: compiling {fn.__qualname__} failed ({type(error).__name__}: "
                          f"{str(error).splitlines()[0] if str(error) else ''}); running it "
                          "eagerly from now on", RuntimeWarning, stacklevel=2)
            log.debug("compile failure", exc_info=error)
            return result

    return run  # type: ignore[return-value]
