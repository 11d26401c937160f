"""High-precision truth: the standard verification points and 30-digit mpmath values of a formula.

Both `actlab verify` and the formula optimizer judge a torch evaluation against these values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import mpmath
import sympy
import torch

from actlab.formula import Formula

REFERENCE_DIGITS = 30


def verification_points() -> torch.Tensor:
    """About 1 560 float32 points: dense near 0, logarithmic out to +-1e4, sorted and unique."""
    near = torch.linspace(-1, 1, 401, dtype=torch.float64)
    mid = torch.linspace(-10, 10, 401, dtype=torch.float64)
    far = torch.logspace(-6, 4, 400, dtype=torch.float64)
    points = torch.cat([near, mid, far, -far]).float()
    return torch.unique(points)


def dtype_points(dtype: torch.dtype) -> torch.Tensor:
    """Points spanning the whole finite range of ``dtype``, both signs, plus 0, 0.5, 1 and 2."""
    info = torch.finfo(dtype)
    mags = torch.logspace(math.log10(info.tiny), math.log10(info.max), 120, dtype=torch.float64)
    mags = torch.cat([mags, torch.tensor([info.max, 1.0, 0.5, 2.0], dtype=torch.float64)])
    return torch.unique(torch.cat([-mags, torch.zeros(1, dtype=torch.float64), mags]).to(dtype))


def reference(formula: Formula, params: Mapping[str, float],
              expr: sympy.Expr | None = None) -> Callable[[float], float]:
    """``x -> float(expr(x))`` at 30 digits (default: the formula itself); NaN where undefined,
    +-inf beyond the float64 range."""
    f = formula.mpmath_function(expr)

    def value(x: float) -> float:
        with mpmath.workdps(REFERENCE_DIGITS):
            try:
                y = f(x, **params)
            except (ZeroDivisionError, ValueError, OverflowError):
                return math.nan
            if isinstance(y, mpmath.mpc):
                return math.nan
            return float(y) if abs(y) < 1.7e308 or mpmath.isnan(y) else math.copysign(math.inf, y)

    return value


def reference_values(formula: Formula, params: Mapping[str, float], x: torch.Tensor,
                     expr: sympy.Expr | None = None) -> torch.Tensor:
    """:func:`reference` at every point of ``x``, as a float64 tensor."""
    value = reference(formula, params, expr)
    return torch.tensor([value(v) for v in x.double().tolist()], dtype=torch.float64)


def relative_error(y: torch.Tensor, ref: torch.Tensor) -> torch.Tensor:
    """``|y - ref| / (1 + |ref|)``; 0 where both are NaN or where ``ref`` overflows ``y``'s dtype
    and ``y`` is the infinity of the same sign."""
    return _error(y, ref, 1 + ref.abs())


def floored_relative_error(y: torch.Tensor, ref: torch.Tensor) -> torch.Tensor:
    """``|y - ref| / max(|ref|, tiny)``, tiny the smallest normal number of ``y``'s dtype: the
    relative error wherever ``ref`` is a normal number of that dtype; 0 where both are NaN or
    where ``ref`` overflows and ``y`` is the infinity of the same sign.

    >>> ref = torch.tensor([1e-30, 1.5], dtype=torch.float64)
    >>> floored_relative_error(torch.tensor([0.0, 1.0]), ref)
    tensor([1.0000, 0.3333], dtype=torch.float64)
    """
    return _error(y, ref, ref.abs().clamp_min(torch.finfo(y.dtype).tiny))


def _error(y: torch.Tensor, ref: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    big = torch.finfo(y.dtype).max
    y = y.double()
    both_nan = ref.isnan() & y.isnan()
    expected_inf = (ref.abs() > big) & (y == torch.sign(ref) * math.inf)
    err = (y - ref).abs() / scale
    return err.masked_fill(both_nan | expected_inf, 0.0).nan_to_num(math.inf)


def pointwise_relative_error(y: torch.Tensor, ref: torch.Tensor) -> torch.Tensor:
    """``|y - ref| / |ref|`` where ``ref`` is a normal float32 number (inf where ``y`` is not
    finite), else 0: how much of its relative accuracy ``y`` keeps, point by point.

    >>> pointwise_relative_error(torch.tensor([1.0, 0.0, 0.0]), torch.tensor([1.0, 1e-30, 0.0]))
    tensor([0., 1., 0.], dtype=torch.float64)
    """
    normal = ref.isfinite() & (ref.abs() >= torch.finfo(torch.float32).tiny)
    err = (y.double() - ref).abs() / ref.abs()
    return torch.where(normal, err.nan_to_num(math.inf), 0.0)
