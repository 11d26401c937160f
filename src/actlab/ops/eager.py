"""Eager execution of a Spec: its formula as torch ops, with an analytical backward.

Two forms are derived from one Spec:

- :func:`composite` evaluates the formula op by op and lets autograd record every intermediate
  (the way people write activations by hand; kept as the reference for the fast paths);
- :func:`apply` runs the same forward inside an ``autograd.Function`` whose backward evaluates the
  symbolic derivative, so only the input is saved for backward and no NaN leaks from the branch of
  a ``where`` that was not taken.

Both apply the Spec's guards: infinite inputs give the mathematical limits and NaN propagates,
even where the plain formula would produce ``inf * 0``. On a side where f has a limit, the
gradient at an infinite input is the gradient at the largest finite number (:func:`finite_tails`),
so ``x * sigmoid(x)`` has gradient 1 at +inf and 0 at -inf instead of NaN.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import astuple, dataclass
from functools import cache

import mpmath
import torch

from actlab.catalog.spec import Spec

Params = Mapping[str, "float | torch.Tensor"]


@dataclass(frozen=True)
class Guards:
    """Output fix-ups that make the formula exact at the edges of the floating-point range."""

    at_low: float | None = None  # f(-inf), where the formula itself gives something else (NaN)
    at_high: float | None = None  # f(+inf), likewise
    keep_nan: bool = False  # the formula maps NaN to a number: pass NaN through

    def __call__(self, x: torch.Tensor, y_of: Callable[[torch.Tensor], torch.Tensor]):
        return guarded(x, y_of, *astuple(self))


def guarded(x: torch.Tensor, y_of: Callable[[torch.Tensor], torch.Tensor], at_low: float | None,
            at_high: float | None, keep_nan: bool) -> torch.Tensor:
    """``y_of(x)`` with the fix-ups of :class:`Guards` (plain values, so compilers trace it).

    Only the output is patched: a fused kernel computes the formula on x as it comes."""
    y = y_of(x)
    if at_low is not None:
        y = torch.where(x == -math.inf, at_low, y)
    if at_high is not None:
        y = torch.where(x == math.inf, at_high, y)
    return torch.where(torch.isnan(x), x, y) if keep_nan else y


@dataclass(frozen=True)
class Kernel:
    """The compiled torch functions of one Spec."""

    spec: Spec
    forward: Callable[..., list[torch.Tensor]]  # f
    gradients: Callable[..., list[torch.Tensor]]  # [df/dx, df/dp for each parameter]
    guards: Guards
    limits: tuple[float | None, float | None]  # f at -inf and +inf (None: no limit)


@cache
def kernel(spec: Spec) -> Kernel:
    """Compile ``spec`` once: forward, gradients with shared subexpressions, and guards."""
    names = [p.name for p in spec.params]
    derivatives = [spec.derivative_expression("x"), *(spec.derivative_expression(n) for n in names)]
    forward = spec.expression.torch_function()
    gradients = spec.expression.torch_function(*derivatives)
    limits = (limit(spec, -1), limit(spec, 1))
    return Kernel(spec, forward, gradients, _probe_guards(forward, spec, limits), limits)


def _probe_guards(forward: Callable[..., list[torch.Tensor]], spec: Spec,
                  limits: tuple[float | None, float | None]) -> Guards:
    """Decide the guards by evaluating the default-parameter formula at -inf, +inf and NaN."""
    probe = torch.tensor([-math.inf, math.inf, math.nan], dtype=torch.float64)
    y = forward(probe, **spec.defaults)[0].tolist()

    def fix(side: int) -> float | None:
        wanted = limits[side]
        return None if wanted is None or _same(y[side], wanted) else wanted

    return Guards(fix(0), fix(1), not math.isnan(y[2]))


def limit(spec: Spec, sign: int) -> float | None:
    """lim f(x) for x -> sign*inf from 50-digit evaluations at 1e40..1e60; None if there is none
    (or mpmath cannot evaluate that far)."""
    f = spec.expression.mpmath_function()
    with mpmath.workdps(50):
        try:
            far = [f(sign * mpmath.mpf(m) * mpmath.mpf(10) ** k, **spec.defaults)
                   for k in (40, 50, 60) for m in (1, 3.7)]
        except (OverflowError, ValueError, ZeroDivisionError):
            return None
        if any(mpmath.isnan(v) or isinstance(v, mpmath.mpc) for v in far):
            return None
        growing = all(abs(b) > abs(a) for a, b in zip(far, far[1:]))
        if growing and abs(far[0]) > 1e10 and all(mpmath.sign(v) == mpmath.sign(far[0])
                                                  for v in far):
            return math.copysign(math.inf, far[0])
        if max(far) - min(far) <= 1e-12 * (1 + abs(far[-1])):
            return float(far[-1])
    return None


def _same(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 1e-9 * (1 + abs(b))


class _SymbolicBackward(torch.autograd.Function):
    """f(x; params) with the backward from the symbolic derivative; saves x and the params."""

    @staticmethod
    def forward(ctx, x, k: Kernel, names: tuple[str, ...], *values):
        ctx.kernel, ctx.names = k, names
        ctx.save_for_backward(x, *(v for v in values if isinstance(v, torch.Tensor)))
        ctx.floats = [None if isinstance(v, torch.Tensor) else v for v in values]
        return k.guards(x, lambda z: k.forward(z, **dict(zip(names, values)))[0])

    @staticmethod
    def backward(ctx, grad):
        x, *tensors = ctx.saved_tensors
        it = iter(tensors)
        values = [next(it) if f is None else f for f in ctx.floats]
        at = finite_tails(x, ctx.kernel.limits)
        derivatives = ctx.kernel.gradients(at, **dict(zip(ctx.names, values)))
        grad_x = grad * derivatives[0] if ctx.needs_input_grad[0] else None
        grad_params = [
            reduce_to(grad * d, v) if ctx.needs_input_grad[3 + i] else None
            for i, (d, v) in enumerate(zip(derivatives[1:], values))
        ]
        return grad_x, None, None, *grad_params


def finite_tails(x: torch.Tensor, limits: tuple[float | None, float | None]) -> torch.Tensor:
    """``x`` with -inf / +inf replaced by the dtype's lowest / largest number on each side where
    f has a limit (``limits``: f at -inf and +inf, None where there is none), the point where
    gradients at infinity are evaluated.

    >>> finite_tails(torch.tensor([-math.inf, 1.0, math.inf]), (0.0, None)).tolist()
    [-3.4028234663852886e+38, 1.0, inf]
    """
    for sign, limit_ in zip((-1, 1), limits):
        if limit_ is not None:
            x = torch.where(x == sign * math.inf, sign * torch.finfo(x.dtype).max, x)
    return x


def reduce_to(grad: torch.Tensor, param: torch.Tensor) -> torch.Tensor:
    """Sum a broadcast gradient back to the shape of ``param``."""
    while grad.dim() > param.dim():
        grad = grad.sum(0)
    for dim, size in enumerate(param.shape):
        if size == 1 and grad.shape[dim] != 1:
            grad = grad.sum(dim, keepdim=True)
    return grad


def apply(spec: Spec, x: torch.Tensor, params: Params) -> torch.Tensor:
    """Evaluate ``spec`` at ``x`` with an analytical, memory-lean backward."""
    names = tuple(params)
    return _SymbolicBackward.apply(x, kernel(spec), names, *params.values())


def composite(spec: Spec, x: torch.Tensor, params: Params) -> torch.Tensor:
    """Evaluate ``spec`` op by op, differentiated by autograd through every intermediate."""
    k = kernel(spec)
    return k.guards(x, lambda z: k.forward(z, **params)[0])
