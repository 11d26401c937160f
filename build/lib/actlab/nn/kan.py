"""Kolmogorov-Arnold layers: a learnable function on every edge, as basis expansion + one matmul.

A KAN layer computes y_o = sum_i phi_oi(x_i) with phi_oi(x) = sum_k w_oik B_k(x). Expanding
every input in the basis once (N, in, K) and multiplying by the (out, in*K) weight evaluates all
in*out edge functions in one matmul (the formulation of efficient-kan) instead of a loop over
edges. The bases:

- ``"bspline"``: B-splines of order k on a grid (Liu et al. 2024, "KAN: Kolmogorov-Arnold
  Networks", arXiv:2404.19756), plus the SiLU residual w_b SiLU(x) as one more basis function;
  the grid adapts to data with :meth:`KANLinear.update_grid`;
- ``"relu"``: ReLU-KAN's bumps [ReLU(e_i - x) ReLU(x - s_i)]^2 16/(e_i - s_i)^4 (Qiu et al. 2024,
  "ReLU-KAN: New Kolmogorov-Arnold Networks that Only Need Matrix Addition, Dot Multiplication,
  and ReLU", arXiv:2406.02075);
- ``"fourier"``: cos kx, sin kx for k = 1..K (Mehrabian et al. 2024, "Implicit Neural
  Representations with Fourier Kolmogorov-Arnold Networks", arXiv:2409.09323);
- ``"rational"``: one group-rational function per input channel group (Yang & Wang 2024,
  "Kolmogorov-Arnold Transformer", arXiv:2409.10594), K = 1.

Each basis is evaluated by one compiled (fused) function of x.
"""

from __future__ import annotations

import inspect
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from actlab.errors import ParameterError
from actlab.nn.learnable.rational import Rational
from actlab.ops.compile import compiled


def _check_positive(**values: int) -> None:
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ParameterError(f"{name} must be a positive integer, got {value!r}")


def _check_range(grid_range: tuple[float, float]) -> tuple[float, float]:
    low, high = (float(v) for v in grid_range)
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ParameterError(f"grid_range must be two finite numbers low < high, got "
                             f"{grid_range!r}")
    return low, high


def bspline_bases(x: torch.Tensor, grid: torch.Tensor, order: int) -> torch.Tensor:
    """B-splines of ``order`` on the knots ``grid`` (in, G + 2k + 1) at x (N, in): (N, in, G + k).

    Cox-de Boor recursion from the order-0 indicators of the knot intervals.
    """
    x = x[..., None]
    bases = ((x >= grid[:, :-1]) & (x < grid[:, 1:])).to(x.dtype)
    for k in range(1, order + 1):
        left = (x - grid[:, : -(k + 1)]) / (grid[:, k:-1] - grid[:, : -(k + 1)])
        right = (grid[:, k + 1:] - x) / (grid[:, k + 1:] - grid[:, 1:-k])
        bases = left * bases[..., :-1] + right * bases[..., 1:]
    return bases


def _bspline_features(x: torch.Tensor, grid: torch.Tensor, order: int,
                      base: bool) -> torch.Tensor:
    bases = bspline_bases(x, grid, order)
    return torch.cat([bases, F.silu(x)[..., None]], -1) if base else bases


def _relu_features(x: torch.Tensor, starts: torch.Tensor, ends: torch.Tensor) -> torch.Tensor:
    x = x[..., None]
    bump = F.relu(ends - x) * F.relu(x - starts)
    return bump * bump * (16 / (ends - starts) ** 4)


def _fourier_features(x: torch.Tensor, frequencies: torch.Tensor) -> torch.Tensor:
    angles = x[..., None] * frequencies
    return torch.cat([angles.cos(), angles.sin()], -1)


_BSPLINE = compiled(_bspline_features)
_RELU = compiled(_relu_features)
_FOURIER = compiled(_fourier_features)


class BSplineBasis(nn.Module):
    """B-splines of ``order`` k on ``grid_size`` G equal intervals of ``grid_range`` (extended by k
    intervals on each side), per input; ``base=True`` appends SiLU(x), the KAN paper's residual.
    The knots are a buffer (in, G + 2k + 1), moved to the data by :meth:`refit`."""

    def __init__(self, in_features: int, grid_size: int = 5, order: int = 3,
                 grid_range: tuple[float, float] = (-1.0, 1.0), base: bool = True):
        super().__init__()
        _check_positive(grid_size=grid_size)
        if isinstance(order, bool) or not isinstance(order, int) or order < 0:
            raise ParameterError(f"order must be an integer >= 0, got {order!r}")
        low, high = _check_range(grid_range)
        step = (high - low) / grid_size
        knots = low + step * torch.arange(-order, grid_size + order + 1,
                                          dtype=torch.get_default_dtype())
        self.register_buffer("grid", knots.expand(in_features, -1).contiguous())
        self.order, self.base, self.splines = order, base, grid_size + order
        self.size = self.splines + int(base)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return _BSPLINE(x, self.grid.to(x.dtype), self.order, self.base)

    @torch.no_grad()
    def refit(self, x: torch.Tensor, weight: torch.Tensor, margin: float = 0.01,
              uniform_fraction: float = 0.02) -> torch.Tensor:
        """Move the knots to the data ``x`` (N, in) and return ``weight`` (out, in, size) with the
        spline coefficients refitted (least squares) so that every edge keeps its function.

        The new knots are the data's quantiles, mixed with a uniform grid over the data's range
        (+- ``margin``) in the proportion ``uniform_fraction``, as in efficient-kan.
        """
        splines = self.splines
        old = bspline_bases(x, self.grid.to(x.dtype), self.order)
        edges = torch.einsum("nik,oik->ino", old, weight[..., :splines].to(x.dtype))
        ordered = x.sort(0).values
        grid_size = splines - self.order
        quantiles = ordered[torch.linspace(0, x.shape[0] - 1, grid_size + 1).long()]
        step = (ordered[-1] - ordered[0] + 2 * margin) / grid_size
        uniform = ordered[0] - margin + step * torch.arange(grid_size + 1, dtype=x.dtype)[:, None]
        inner = uniform_fraction * uniform + (1 - uniform_fraction) * quantiles
        outside = step * torch.arange(1, self.order + 1, dtype=x.dtype)[:, None]
        knots = torch.cat([inner[:1] - outside.flip(0), inner, inner[-1:] + outside])
        self.grid.copy_(knots.T)
        new = bspline_bases(x, self.grid.to(x.dtype), self.order).transpose(0, 1)
        solution = torch.linalg.lstsq(new, edges).solution  # (in, splines, out)
        refitted = weight.clone()
        refitted[..., :splines] = solution.permute(2, 0, 1).to(weight.dtype)
        return refitted


class ReLUBasis(nn.Module):
    """ReLU-KAN bumps on ``grid_size`` G intervals of ``grid_range``: G + k bumps of width
    (k + 1) intervals, the i-th starting k - i intervals left of the range; height 1."""

    def __init__(self, in_features: int, grid_size: int = 5, order: int = 3,
                 grid_range: tuple[float, float] = (-1.0, 1.0)):
        super().__init__()
        _check_positive(grid_size=grid_size, order=order)
        low, high = _check_range(grid_range)
        step = (high - low) / grid_size
        starts = low + step * torch.arange(-order, grid_size, dtype=torch.get_default_dtype())
        self.register_buffer("starts", starts)
        self.register_buffer("ends", starts + (order + 1) * step)
        self.size = grid_size + order

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return _RELU(x, self.starts.to(x.dtype), self.ends.to(x.dtype))


class FourierBasis(nn.Module):
    """cos kx and sin kx for k = 1..``frequencies`` (the layer's bias is the constant term)."""

    def __init__(self, in_features: int, frequencies: int = 4):
        super().__init__()
        _check_positive(frequencies=frequencies)
        self.register_buffer("frequencies", torch.arange(1, frequencies + 1,
                                                         dtype=torch.get_default_dtype()))
        self.size = 2 * frequencies

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return _FOURIER(x, self.frequencies.to(x.dtype))


class RationalBasis(nn.Module):
    """One learnable rational function per group of input channels (a :class:`Rational` unit,
    fused forward and backward), initialized to ``init`` (default SiLU); K = 1."""

    def __init__(self, in_features: int, groups: int = 8, degree: tuple[int, int] = (5, 4),
                 init: str = "silu"):
        super().__init__()
        _check_positive(groups=groups)
        if in_features % groups:
            raise ParameterError(f"in_features {in_features} does not split into {groups} equal "
                                 f"groups; choose groups dividing it")
        self.rational = Rational(degree, groups=groups, dim=-1, init=init)
        self.size = 1

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.rational(x)[..., None]


BASES: dict[str, type[nn.Module]] = {"bspline": BSplineBasis, "relu": ReLUBasis,
                                     "fourier": FourierBasis, "rational": RationalBasis}


class KANLinear(nn.Module):
    """A KAN layer with the interface of ``nn.Linear``: (..., in_features) -> (..., out_features).

    ``basis`` is ``"bspline"`` (default), ``"relu"``, ``"fourier"`` or ``"rational"`` (see the
    module docstring); ``options`` go to the basis (``grid_size``, ``order``, ``grid_range``,
    ``base`` for B-splines; ``grid_size``, ``order``, ``grid_range`` for ReLU bumps;
    ``frequencies`` for Fourier; ``groups``, ``degree``, ``init`` for rational).

    Initialization (variance preserving, for every basis): weights ~ N(0, 1/(in * m)) where
    m = sum_k E[B_k(x)^2] for x ~ N(0, 1) (Gauss-Hermite quadrature, 64 nodes), so that unit-normal
    inputs give outputs of variance about 1 (exact when the basis functions are uncorrelated);
    this is the Kolmogorov-Arnold Transformer's rule for rational bases, applied to all. Bias 0.

    >>> layer = KANLinear(4, 3)
    >>> layer(torch.randn(2, 5, 4)).shape
    torch.Size([2, 5, 3])
    """

    def __init__(self, in_features: int, out_features: int, basis: str = "bspline", *,
                 bias: bool = True, **options):
        super().__init__()
        _check_positive(in_features=in_features, out_features=out_features)
        if basis not in BASES:
            raise ParameterError(f"basis must be one of {', '.join(BASES)}, got {basis!r}")
        valid = list(inspect.signature(BASES[basis]).parameters)[1:]
        unknown = sorted(set(options) - set(valid))
        if unknown:
            raise ParameterError(f"the {basis} basis has no option {', '.join(unknown)}; its "
                                 f"options: {', '.join(valid)}")
        self.basis = BASES[basis](in_features, **options)
        self.in_features, self.out_features, self.kind = in_features, out_features, basis
        self.weight = nn.Parameter(torch.empty(out_features, in_features * self.basis.size))
        self.bias = nn.Parameter(torch.zeros(out_features)) if bias else None
        self.reset_parameters()

    @torch.no_grad()
    def reset_parameters(self) -> None:
        nodes, weights = np.polynomial.hermite_e.hermegauss(64)
        dtype = self.weight.dtype
        x = torch.tensor(nodes, dtype=dtype)[:, None].expand(-1, self.in_features)
        w = torch.tensor(weights / math.sqrt(2 * math.pi), dtype=dtype)
        moments = torch.einsum("n,nik->", w, self.basis(x).square()) / self.in_features
        std = 1 / math.sqrt(self.in_features * max(float(moments), 1e-12))
        self.weight.normal_(0, std)
        if self.bias is not None:
            self.bias.zero_()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[-1] != self.in_features:
            raise ParameterError(f"KANLinear expects inputs with {self.in_features} features in "
                                 f"the last dim, got shape {tuple(x.shape)}")
        features = self.basis(x.reshape(-1, self.in_features))
        y = F.linear(features.flatten(1), self.weight, self.bias)
        return y.reshape(*x.shape[:-1], self.out_features)

    @torch.no_grad()
    def update_grid(self, x: torch.Tensor, margin: float = 0.01,
                    uniform_fraction: float = 0.02) -> None:
        """Adapt the B-spline knots to the inputs ``x`` (..., in_features), keeping each edge's
        function (least-squares refit of its coefficients on ``x``)."""
        if not isinstance(self.basis, BSplineBasis):
            raise ParameterError(f"update_grid needs the bspline basis; this layer uses "
                                 f"{self.kind!r}")
        x = x.reshape(-1, self.in_features)
        weight = self.weight.view(self.out_features, self.in_features, self.basis.size)
        self.weight.copy_(self.basis.refit(x, weight, margin, uniform_fraction).flatten(1))

    def extra_repr(self) -> str:
        return (f"in_features={self.in_features}, out_features={self.out_features}, "
                f"basis={self.kind}, size={self.basis.size}, bias={self.bias is not None}")
