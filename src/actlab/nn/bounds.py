"""Learnable parameters stay inside their declared ranges.

Two guards, used by :class:`~actlab.nn.activation.Activation`:

- **projection after every optimizer step**: a value the step pushed out of its range is put
  back, at the closed bound it crossed, or, for an open bound (such as ``a > 0`` of snake, where
  ``a = 0`` divides by zero), at the point a thousandth of the way from the bound to the default
  (snake's ``a`` then lands at 0.001). Values inside the range are never touched, so training
  follows the plain gradient wherever the formula is defined.
- **loading checks**: ``load_state_dict`` rejects an out-of-range or non-finite value with a
  ParameterError naming the range, before anything is copied.

Projection runs from one global optimizer step hook (registered when the first module with a
bounded learnable parameter is built) on the parameters of that optimizer only.

>>> import torch, actlab
>>> act = actlab.get("snake", learnable=True, backend="eager")
>>> opt = torch.optim.SGD(act.parameters(), lr=10.0)
>>> act(torch.linspace(-3, 3, 50)).sum().backward(); opt.step()
>>> bool(act.a > 0)
True
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable

import torch
from torch.optim.optimizer import register_optimizer_step_post_hook

from actlab.catalog.spec import Param

OPEN_BOUND_STEP = 1e-3  # how far from an open bound, as a fraction of its distance to the default

# id(tensor) -> (a weak reference to it, its declaration); keyed by id because tensors compare
# elementwise, so they cannot be dictionary keys of their own
_guarded: dict[int, tuple[weakref.ref, Param]] = {}
_hook: list[object] = []


def bounded(param: Param) -> bool:
    """Whether ``param`` declares a finite bound."""
    return math.isfinite(param.low) or math.isfinite(param.high)


def guard(tensor: torch.Tensor, param: Param) -> None:
    """Project ``tensor`` into ``param``'s range after every optimizer step that updates it."""
    if not _hook:
        _hook.append(register_optimizer_step_post_hook(_after_step))
    key = id(tensor)

    def forget(ref: weakref.ref) -> None:
        if _guarded.get(key, (None,))[0] is ref:
            del _guarded[key]

    _guarded[key] = (weakref.ref(tensor, forget), param)


def inside(param: Param) -> tuple[float, float]:
    """The closed interval values are projected into."""
    low = param.low + OPEN_BOUND_STEP * (param.default - param.low) if param.open_low else param.low
    high = (
        param.high - OPEN_BOUND_STEP * (param.high - param.default)
        if param.open_high
        else param.high
    )
    return low, high


def project(tensor: torch.Tensor, param: Param) -> None:
    """Put the out-of-range values of ``tensor`` back into ``param``'s range, in place."""
    low, high = inside(param)
    with torch.no_grad():
        outside_low = tensor <= param.low if param.open_low else tensor < param.low
        outside_high = tensor >= param.high if param.open_high else tensor > param.high
        tensor.masked_fill_(outside_low, low).masked_fill_(outside_high, high)


def check_all(values: Iterable[tuple[torch.Tensor, Param]]) -> None:
    """ParameterError naming the range for the first out-of-range or non-finite value."""
    for value, param in values:
        for element in value.detach().reshape(-1).double().tolist():
            param.check(element)


def _after_step(optimizer: torch.optim.Optimizer, _args, _kwargs) -> None:
    for group in optimizer.param_groups:
        for tensor in group["params"]:
            ref, param = _guarded.get(id(tensor), (None, None))
            if ref is not None and ref() is tensor:
                project(tensor, param)
