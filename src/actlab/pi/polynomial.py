"""Polynomial activations: the modules private inference runs, with what they cost under CKKS.

A :class:`Polynomial` holds Chebyshev coefficients on the interval it was fitted on (well
conditioned at any degree) and evaluates them by Clenshaw's recurrence, so autograd gives its
exact derivative; :meth:`Polynomial.derivative` is that derivative as a module of its own.
A :class:`Composite` chains polynomials (``p_k(...p_1(x))``), optionally as the ReLU
``x (1 + p(x / bound)) / 2`` built from a composite sign.

CKKS cost of a degree-d polynomial with plaintext coefficients, the scheme TenSEAL's ``polyval``
uses: multiplicative depth ``ceil(log2(d + 1))`` (the powers x^2, x^4, ... by squaring, the
coefficient folded into the last product) and ``d - 1`` ciphertext-ciphertext multiplications
(one per power x^2 ... x^d).

>>> p = Polynomial.from_power([0.125, 0.0, 1.0], interval=(-1.0, 1.0))   # x^2 + 1/8
>>> p(torch.tensor([0.0, 0.5])), p.derivative()(torch.tensor([0.5]))
(tensor([0.1250, 0.3750]), tensor([1.]))
>>> p.degree, p.depth, p.multiplications
(2, 2, 1)
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import torch
from numpy.polynomial import Chebyshev
from numpy.polynomial import Polynomial as PowerSeries
from torch import nn

from actlab.errors import ParameterError


def check_interval(interval: Sequence[float]) -> tuple[float, float]:
    """``(low, high)`` as floats; raises unless both are finite and ``low < high``."""
    try:
        low, high = (float(v) for v in interval)
    except (TypeError, ValueError):
        raise ParameterError(f"an interval is two numbers (low, high), got {interval!r}") from None
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ParameterError(f"an interval needs finite low < high, got ({low:g}, {high:g})")
    return low, high


def ckks_depth(degree: int) -> int:
    """Multiplicative depth of a degree-``degree`` polynomial with plaintext coefficients.

    >>> [ckks_depth(d) for d in (1, 2, 3, 4, 7, 8)]
    [1, 2, 2, 3, 3, 4]
    """
    return math.ceil(math.log2(degree + 1)) if degree > 0 else 0


class Polynomial(nn.Module):
    """``p(x) = sum_k c_k T_k(t)``, ``t = (2x - low - high) / (high - low)``: any shape in, the
    same shape out. ``interval`` is where it was fitted (and where the range monitor expects its
    inputs); outside it the polynomial still evaluates, and usually grows fast.

    Coefficients are a float64 buffer; evaluation runs in the input's dtype.
    """

    def __init__(
        self,
        chebyshev: Sequence[float] | torch.Tensor,
        interval: Sequence[float],
        name: str = "polynomial",
    ):
        super().__init__()
        self.low, self.high = check_interval(interval)
        coefficients = torch.as_tensor(chebyshev, dtype=torch.float64).flatten()
        if coefficients.numel() == 0 or not bool(torch.isfinite(coefficients).all()):
            raise ParameterError("a polynomial needs at least one finite coefficient")
        self.register_buffer("coefficients", coefficients)
        self.name = name

    @classmethod
    def from_power(
        cls, power: Sequence[float], interval: Sequence[float], name: str = "polynomial"
    ) -> Polynomial:
        """The polynomial ``sum_k power[k] x^k``, declared on ``interval``."""
        low, high = check_interval(interval)
        series = PowerSeries(np.asarray(power, dtype=np.float64))
        return cls(series.convert(kind=Chebyshev, domain=[low, high]).coef, (low, high), name)

    @property
    def interval(self) -> tuple[float, float]:
        return self.low, self.high

    @property
    def degree(self) -> int:
        nonzero = torch.nonzero(self.coefficients).flatten()
        return int(nonzero[-1]) if nonzero.numel() else 0

    @property
    def depth(self) -> int:
        """CKKS multiplicative depth (see the module docstring)."""
        return ckks_depth(self.degree)

    @property
    def multiplications(self) -> int:
        """CKKS ciphertext-ciphertext multiplications (see the module docstring)."""
        return max(self.degree - 1, 0)

    def series(self) -> Chebyshev:
        """The numpy Chebyshev series (float64), for analysis."""
        return Chebyshev(self.coefficients.numpy(), domain=[self.low, self.high])

    def power_coefficients(self) -> list[float]:
        """``a_k`` with ``p(x) = sum_k a_k x^k`` (what an encrypted evaluation uses)."""
        power = self.series().convert(kind=PowerSeries).coef
        return [float(a) for a in power[: self.degree + 1]]

    def derivative(self) -> Polynomial:
        """p' as a Polynomial on the same interval."""
        return Polynomial(self.series().deriv().coef, self.interval, f"{self.name}'")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Clenshaw's recurrence on ``t``; differentiable in ``x``."""
        c = self.coefficients.to(x.dtype)
        t = (2 * x - (self.low + self.high)) / (self.high - self.low)
        b1 = torch.zeros_like(x)
        b2 = torch.zeros_like(x)
        for k in range(c.numel() - 1, 0, -1):
            b1, b2 = 2 * t * b1 - b2 + c[k], b1
        return t * b1 - b2 + c[0]

    def extra_repr(self) -> str:
        return f"{self.name}, degree={self.degree}, interval=({self.low:g}, {self.high:g})"


class Composite(nn.Module):
    """``stages[-1](...stages[0](x / bound))``; with ``relu=True`` the ReLU
    ``x (1 + s) / 2`` built from that composite sign ``s``.

    Its interval is ``(-bound, bound)``. CKKS cost: the stages' depths and multiplications add
    up; the ReLU form adds one level and one multiplication (``x`` times ``(1 + s) / 2``, the 1/2
    folded into the last stage's coefficients). The ``1 / bound`` scaling folds into the first
    stage's coefficients.
    """

    def __init__(
        self,
        stages: Sequence[Polynomial],
        bound: float = 1.0,
        relu: bool = False,
        name: str = "composite",
    ):
        super().__init__()
        if not stages:
            raise ParameterError("a composite polynomial needs at least one stage")
        self.stages = nn.ModuleList(stages)
        self.low, self.high = check_interval((-float(bound), float(bound)))
        self.relu, self.name = relu, name

    @property
    def bound(self) -> float:
        return self.high

    @property
    def interval(self) -> tuple[float, float]:
        return self.low, self.high

    @property
    def degree(self) -> int:
        return math.prod(stage.degree for stage in self.stages) + int(self.relu)

    @property
    def depth(self) -> int:
        return sum(stage.depth for stage in self.stages) + int(self.relu)

    @property
    def multiplications(self) -> int:
        return sum(stage.multiplications for stage in self.stages) + int(self.relu)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        s = x / self.bound
        for stage in self.stages:
            s = stage(s)
        return x * (1 + s) / 2 if self.relu else s

    def extra_repr(self) -> str:
        kind = "relu" if self.relu else "sign"
        return (
            f"{self.name}, {kind}, stages={len(self.stages)}, degree={self.degree}, "
            f"bound={self.bound:g}"
        )


PolynomialModule = Polynomial | Composite
