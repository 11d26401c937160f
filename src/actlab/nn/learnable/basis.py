"""Orthogonal-basis and tropical activations: Hermite, Fourier and max-plus units.

Khalfaoui-Hassani & Kesselheim (2025), "Polynomial, trigonometric, and tropical activations",
arXiv:2502.01247. Each unit is a learnable combination of a fixed basis, shared by the layer.

Variance-preserving initialization means here: for x ~ N(0, 1), E[f(x)^2] = E[x^2] = 1 (the
forward second moment that He initialization preserves), computed by quadrature. The paper's
exact initial coefficients are not reproduced; the rule each unit uses is in its docstring.
``init="gelu"`` (any catalog name) instead fits the unit to that activation by Hermite
interpolation (value and derivative, weighted by the N(0, 1) density) with :func:`actlab.fit`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch
from torch import nn

from actlab.errors import ParameterError
from actlab.fit import fit
from actlab.series import fourier_features, hermite_features

_GRID = torch.linspace(-10.0, 10.0, 20_001, dtype=torch.float64)
_DENSITY = torch.exp(-_GRID**2 / 2) / math.sqrt(2 * math.pi) * (_GRID[1] - _GRID[0])


def second_moment(f: Callable[[torch.Tensor], torch.Tensor]) -> float:
    """E[f(x)^2] for x ~ N(0, 1), by the rectangle rule on [-10, 10] (float64).

    >>> round(second_moment(torch.relu), 6)
    0.5
    """
    with torch.no_grad():
        return float((_DENSITY * f(_GRID) ** 2).sum())


def _degree(value: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ParameterError(f"{name} must be a positive integer, got {value!r}")
    return value


def _normal_weight(x: torch.Tensor) -> torch.Tensor:
    return torch.exp(-x**2 / 2)


class Hermite(nn.Module):
    """f(x) = sum_{k=0}^{n} a_k He_k(x)/sqrt(k!), probabilists' Hermite polynomials He_k, which
    are orthonormal under N(0, 1); ``degree`` n (default 3).

    Initialization: ``init=None`` gives a_0 = 0, a_k = 1/sqrt(n) (so E[f^2] = sum a_k^2 = 1 for
    x ~ N(0, 1)); a catalog name fits that activation (value and derivative) on [-4, 4].

    >>> unit = Hermite()
    >>> round(second_moment(lambda x: unit.double()(x)), 4)
    1.0
    """

    def __init__(self, degree: int = 3, init: str | None = None):
        super().__init__()
        n = _degree(degree, "degree")
        if init is None:
            start = torch.tensor([0.0] + [1 / math.sqrt(n)] * n)
        else:
            start = fit(init, "hermite", degree=n, domain=(-4.0, 4.0), weight=_normal_weight,
                        derivative=True).coefficients["coefficients"]
        self.coefficients = nn.Parameter(start.to(torch.get_default_dtype()))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return hermite_features(x, self.coefficients.numel() - 1) @ self.coefficients.to(x.dtype)

    def extra_repr(self) -> str:
        return f"degree={self.coefficients.numel() - 1}"


class Fourier(nn.Module):
    """f(x) = a_0 + sum_{k=1}^{K} (a_k cos kx + b_k sin kx), ``frequencies`` K (default 3).

    Initialization: ``init=None`` gives the truncated sine series of x on (-pi, pi),
    b_k = c (-1)^(k+1)/k with a = 0, scaled by c so that E[f^2] = 1 for x ~ N(0, 1) (a smooth,
    odd, near-identity start); a catalog name fits that activation (value and derivative) on
    [-pi, pi].

    >>> Fourier()(torch.tensor([0.0, 0.5])).shape
    torch.Size([2])
    """

    def __init__(self, frequencies: int = 3, init: str | None = None):
        super().__init__()
        k = _degree(frequencies, "frequencies")
        if init is None:
            cos = torch.zeros(k + 1, dtype=torch.float64)
            sin = torch.tensor([(-1) ** (j + 1) / j for j in range(1, k + 1)],
                               dtype=torch.float64)
            sin = sin / math.sqrt(second_moment(
                lambda x: fourier_features(x, k)[..., k + 1:] @ sin))
        else:
            result = fit(init, "fourier", degree=k, domain=(-math.pi, math.pi),
                         weight=_normal_weight, derivative=True)
            cos, sin = result.coefficients["cos"], result.coefficients["sin"]
        dtype = torch.get_default_dtype()
        self.cos = nn.Parameter(cos.to(dtype))
        self.sin = nn.Parameter(sin.to(dtype))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        coefficients = torch.cat([self.cos, self.sin]).to(x.dtype)
        return fourier_features(x, self.sin.numel()) @ coefficients

    def extra_repr(self) -> str:
        return f"frequencies={self.sin.numel()}"


class Tropical(nn.Module):
    """f(x) = max_{k=0}^{K} (c_k + k x), a tropical (max-plus) polynomial of ``degree`` K
    (default 3): convex, piecewise linear, with slopes 0, 1, ..., K.

    Initialization: c_k = -(b_1 + ... + b_k) with knots b_j = d + (j - 1), i.e.
    f(x) = sum_j ReLU(x - b_j), the slope rising by one at each unit-spaced knot; the shift d is
    solved (bisection) for E[f^2] = 1 with x ~ N(0, 1). Tropical units cannot be fitted by
    least squares (``init`` is not offered).

    >>> round(second_moment(lambda x: Tropical().double()(x)), 4)
    1.0
    """

    def __init__(self, degree: int = 3):
        super().__init__()
        k = _degree(degree, "degree")
        shift = _bisect(lambda d: second_moment(lambda x: _tropical(x, _intercepts(d, k))) - 1)
        self.intercepts = nn.Parameter(_intercepts(shift, k).to(torch.get_default_dtype()))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return _tropical(x, self.intercepts.to(x.dtype))

    def extra_repr(self) -> str:
        return f"degree={self.intercepts.numel() - 1}"


def _tropical(x: torch.Tensor, intercepts: torch.Tensor) -> torch.Tensor:
    slopes = torch.arange(intercepts.numel(), dtype=x.dtype, device=x.device)
    return (intercepts + slopes * x[..., None]).amax(-1)


def _intercepts(shift: float, degree: int) -> torch.Tensor:
    knots = shift + torch.arange(degree, dtype=torch.float64)
    return torch.cat([torch.zeros(1, dtype=torch.float64), -knots.cumsum(0)])


def _bisect(decreasing: Callable[[float], float], low: float = -20.0,
            high: float = 20.0) -> float:
    """The root of a decreasing function on [low, high]."""
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if decreasing(middle) > 0 else (low, middle)
    return (low + high) / 2
