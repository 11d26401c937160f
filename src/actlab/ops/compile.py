"""Lazy ``torch.compile`` with a one-time fallback to eager where compilation is unavailable.

Inductor turns a function of pointwise ops into one vectorized C++ loop on CPU and one Triton
kernel on CUDA. :func:`compiled` compiles on first call, specialized to that call's sizes and
numbers (the formula's constants are folded into the loop rather than passed in as tensors, as
they are with ``dynamic=True``); a later call with another size or parameter value
compiles once more with that quantity dynamic, so a kernel holds a few graphs, not one per shape.
It runs the plain function when an outer ``torch.compile`` or a ``torch.func`` transform
is tracing (so the user's compiled model inlines it without a graph break), and falls back to
eager for good, with one warning, if compilation fails or runs past its time budget
(:data:`actlab.ops.budget.COMPILE_SECONDS`). ``ACTLAB_COMPILE=0`` turns it off.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import types
import warnings
from collections.abc import Callable
from typing import TypeVar

import torch

from actlab.ops import budget

F = TypeVar("F", bound=Callable[..., object])

log = logging.getLogger(__name__)
_serial = itertools.count()


def enabled() -> bool:
    """Whether actlab compiles its kernels (``ACTLAB_COMPILE=0`` turns it off)."""
    return os.environ.get("ACTLAB_COMPILE", "1") != "0"


def compiled(fn: F) -> F:
    """``fn`` compiled by Inductor on first use (automatic dynamic shapes: specialized first,
    dynamic where a later call differs); ``fn`` itself where that is not possible."""
    state: dict[str, object] = {}

    @functools.wraps(fn)
    def run(*args, **kwargs):
        if _tracing() or not enabled() or state.get("failed"):
            return fn(*args, **kwargs)
        if "fast" not in state:
            state["fast"] = torch.compile(own_code(fn), dynamic=None, fullgraph=True)
        try:
            key = _compile_key(args)
            if key in state:
                return state["fast"](*args, **kwargs)
            with budget.deadline(budget.COMPILE_SECONDS):  # a new key compiles a new graph
                result = state["fast"](*args, **kwargs)
            state[key] = True
            return result
        except (Exception, budget.BudgetExceeded) as error:  # noqa: BLE001 - any failure: eager
            result = fn(*args, **kwargs)  # a genuine error in the inputs raises here instead
            state["failed"] = True
            reason = (f"it took over {budget.COMPILE_SECONDS:g} s"
                      if isinstance(error, budget.BudgetExceeded) else
                      f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
            warnings.warn(f"actlab: compiling {fn.__qualname__} failed ({reason}); running it "
                          "eagerly from now on", RuntimeWarning, stacklevel=2)
            log.debug("compile failure", exc_info=error)
            return result

    return run  # type: ignore[return-value]


def _compile_key(args: tuple) -> tuple:
    """What makes Inductor compile a new graph for a call (shapes are dynamic)."""
    return tuple((a.dtype, a.device.type, a.dim() == 0) for a in args
                 if isinstance(a, torch.Tensor))


def _tracing() -> bool:
    """Inside an outer torch.compile / torch.export, or a torch.func transform (vmap, grad):
    the plain function is what they trace."""
    return torch.compiler.is_compiling() or torch._C._functorch.peek_interpreter_stack() is not None


def own_code(fn: Callable) -> Callable:
    """A copy of ``fn`` with a code object of its own. Dynamo caches compiled graphs per code
    object, so closures made by one factory would otherwise share (and exhaust) one cache."""
    code = fn.__code__.replace(co_name=f"{fn.__name__}_{next(_serial)}")
    copy = types.FunctionType(code, fn.__globals__, fn.__name__, fn.__defaults__, fn.__closure__)
    copy.__kwdefaults__ = fn.__kwdefaults__
    return copy
