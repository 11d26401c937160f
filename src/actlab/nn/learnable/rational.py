"""Padé activation units: learnable rational functions with a safe denominator.

F(x) = P(x)/Q(x), P = a_0 + a_1 x + ... + a_m x^m, and Q never zero:

- ``"abs_sum"``: Q = 1 + |b_1 x + ... + b_n x^n| (the safe PAU as the PAU paper writes it, and
  the group-rational unit of the Kolmogorov-Arnold Transformer);
- ``"sum_abs"``: Q = 1 + |b_1||x| + ... + |b_n||x|^n (what the PAU reference code computes; its
  published leaky-ReLU initialization is reproduced by ``fit(..., denominator="sum_abs")``).

:func:`rational` runs forward and backward as one fused pass each (Inductor on CPU and GPU): the
backward evaluates the powers of x once and reduces dL/da and dL/db per group in the same pass
that produces dL/dx, instead of autograd's chain of saved intermediates.
"""

from __future__ import annotations

from functools import lru_cache

import torch
from torch import nn

from actlab.errors import ParameterError
from actlab.fit import fit
from actlab.ops.compile import compiled
from actlab.series import DENOMINATORS, Denominator


def _horner(x: torch.Tensor, coefficients: list[torch.Tensor]) -> tuple[torch.Tensor, ...]:
    """sum_j c_j x^j and its x-derivative, by Horner's rule."""
    value, slope = coefficients[-1] + 0 * x, torch.zeros_like(x)
    for c in reversed(coefficients[:-1]):
        slope = slope * x + value
        value = value * x + c
    return value, slope


def _columns(t: torch.Tensor) -> list[torch.Tensor]:
    """(G, k) coefficients as k tensors of shape (G, 1), broadcasting against (B, G, L)."""
    return [t[:, j, None] for j in range(t.shape[1])]


def _numerator_and_denominator(x, numerator, denominator, form: str):
    """P, P', Q, Q' at x (B, G, L), and sign(S) (abs_sum) or |x| (sum_abs) for dQ/db."""
    zero = torch.zeros_like(denominator[:, :1])
    p, dp = _horner(x, _columns(numerator))
    if form == "abs_sum":
        s, ds = _horner(x, [zero, *_columns(denominator)])
        sign = torch.sign(s)
        return p, dp, 1 + s.abs(), sign * ds, sign
    magnitude = x.abs()
    s, ds = _horner(magnitude, [zero, *_columns(denominator.abs())])
    return p, dp, 1 + s, torch.sign(x) * ds, magnitude


def _moments(weight: torch.Tensor, base: torch.Tensor, count: int) -> torch.Tensor:
    """sum(weight * base^j) over the batch and in-group dims, j = 0..count-1: (G, count)."""
    sums, power = [weight.sum((0, 2))], weight
    for _ in range(1, count):
        power = power * base
        sums.append(power.sum((0, 2)))
    return torch.stack(sums, 1)


def _forward(x, numerator, denominator, form: str):
    p, _, q, _, _ = _numerator_and_denominator(x, numerator, denominator, form)
    return (p / q).to(x.dtype)


def _backward(grad, x, numerator, denominator, form: str):
    p, dp, q, dq, extra = _numerator_and_denominator(x, numerator, denominator, form)
    inverse = 1 / q
    y = p * inverse
    grad_x = (grad * (dp - y * dq) * inverse).to(x.dtype)
    # dF/da_j = x^j/Q;  dF/db_k = -F/Q sign(S) x^k (abs_sum)  or  -F/Q sign(b_k) |x|^k (sum_abs)
    grad_a = _moments(grad * inverse, x, numerator.shape[1])
    by_denominator = -grad * y * inverse
    if form == "abs_sum":
        grad_b = _moments(by_denominator * extra, x, denominator.shape[1] + 1)[:, 1:]
    else:
        grad_b = _moments(by_denominator, extra, denominator.shape[1] + 1)[:, 1:]
        grad_b = grad_b * torch.sign(denominator)
    return grad_x, grad_a, grad_b


def _forward_abs_sum(x, numerator, denominator):
    return _forward(x, numerator, denominator, "abs_sum")


def _forward_sum_abs(x, numerator, denominator):
    return _forward(x, numerator, denominator, "sum_abs")


def _backward_abs_sum(grad, x, numerator, denominator):
    return _backward(grad, x, numerator, denominator, "abs_sum")


def _backward_sum_abs(grad, x, numerator, denominator):
    return _backward(grad, x, numerator, denominator, "sum_abs")


_KERNELS = {
    "abs_sum": (compiled(_forward_abs_sum), compiled(_backward_abs_sum)),
    "sum_abs": (compiled(_forward_sum_abs), compiled(_backward_sum_abs)),
}


class _Rational(torch.autograd.Function):
    """F(x) per group with a one-pass backward; saves x and the coefficients only."""

    @staticmethod
    def forward(ctx, x, numerator, denominator, dim: int, form: str):
        ctx.dim, ctx.form = dim, form
        ctx.save_for_backward(x, numerator, denominator)
        return _KERNELS[form][0](_grouped(x, dim, numerator.shape[0]), numerator,
                                 denominator).view(x.shape)

    @staticmethod
    def backward(ctx, grad):
        x, numerator, denominator = ctx.saved_tensors
        groups = numerator.shape[0]
        grad_x, grad_a, grad_b = _KERNELS[ctx.form][1](
            _grouped(grad, ctx.dim, groups), _grouped(x, ctx.dim, groups), numerator, denominator)
        return grad_x.view(x.shape), grad_a.to(numerator.dtype), grad_b.to(denominator.dtype), \
            None, None


def _grouped(x: torch.Tensor, dim: int, groups: int) -> torch.Tensor:
    """x as (outer, groups, inner): group g holds channels [g*C/G, (g+1)*C/G) of ``dim``."""
    outer = 1
    for size in x.shape[:dim]:
        outer *= size
    return x.reshape(outer, groups, -1)


def rational(x: torch.Tensor, numerator: torch.Tensor, denominator: torch.Tensor, *,
             dim: int = -1, form: Denominator = "abs_sum") -> torch.Tensor:
    """The rational unit P(x)/Q(x) with coefficients shared per channel group, fused.

    ``numerator`` is (G, m+1) or (m+1,), ``denominator`` (G, n) or (n,): group g applies to
    channels [g*C/G, (g+1)*C/G) of ``dim`` (C channels); ``form`` picks the safe denominator.

    >>> a, b = torch.tensor([0.0, 1.0]), torch.tensor([0.0, 0.0])
    >>> rational(torch.tensor([-2.0, 3.0]), a, b)
    tensor([-2.,  3.])
    """
    if form not in DENOMINATORS:
        raise ParameterError(f"form must be one of {DENOMINATORS}, got {form!r}")
    numerator, denominator = numerator.reshape(-1, numerator.shape[-1]), \
        denominator.reshape(-1, denominator.shape[-1])
    groups = numerator.shape[0]
    if denominator.shape[0] != groups:
        raise ParameterError(f"numerator and denominator must have the same number of groups, "
                             f"got {numerator.shape[0]} and {denominator.shape[0]}")
    if x.dim() == 0 or not -x.dim() <= dim < x.dim():
        raise ParameterError(f"dim {dim} is out of range for an input of shape {tuple(x.shape)}")
    dim %= x.dim()
    if x.shape[dim] % groups:
        raise ParameterError(f"{x.shape[dim]} channels (dim {dim}) do not split into {groups} "
                             f"equal groups; choose groups dividing the channel count")
    return _Rational.apply(x, numerator, denominator, dim, form)


@lru_cache(maxsize=32)
def _initial_coefficients(target: str, degree: tuple[int, int], form: Denominator,
                          domain: tuple[float, float]) -> tuple[torch.Tensor, torch.Tensor, float]:
    result = fit(target, "rational", degree=degree, domain=domain, denominator=form)
    return result.coefficients["numerator"], result.coefficients["denominator"], result.max_error


class Rational(nn.Module):
    """Padé activation unit (PAU): a learnable rational function, shared per channel group.

    Molina, Schramowski, Kersting (2019), "Padé Activation Units: End-to-end Learning of Flexible
    Activation Functions in Deep Networks", arXiv:1907.06732 (ICLR 2020); with ``groups > 1`` the
    group-rational unit of Yang & Wang (2024), "Kolmogorov-Arnold Transformer",
    arXiv:2409.10594.

    ``degree=(m, n)`` (default 5/4), ``groups`` channel groups along ``dim`` (1: one shared
    rational), ``form`` the safe denominator (``"abs_sum"`` or ``"sum_abs"``, see the module
    docstring; which one the PAU paper trains with is not certain: its equation uses
    ``abs_sum``, its reference code ``sum_abs``).

    Initialization: every group starts as the least-squares fit of ``init`` (a catalog name,
    default ``"leaky_relu"`` with slope 0.01, as in the PAU paper) over ``domain`` (default
    [-3, 3], uniform weight), computed by :func:`actlab.fit`; ``fit_error`` keeps its max error.

    >>> pau = Rational()
    >>> pau.numerator.shape, pau.denominator.shape
    (torch.Size([1, 6]), torch.Size([1, 4]))
    >>> bool((pau(torch.tensor([-2.0, 2.0])) - torch.tensor([-0.02, 2.0])).abs().max() < 0.05)
    True
    """

    def __init__(self, degree: tuple[int, int] = (5, 4), *, groups: int = 1, dim: int = -1,
                 form: Denominator = "abs_sum", init: str = "leaky_relu",
                 domain: tuple[float, float] = (-3.0, 3.0)):
        super().__init__()
        if not isinstance(groups, int) or groups < 1:
            raise ParameterError(f"groups must be a positive integer, got {groups!r}")
        if form not in DENOMINATORS:
            raise ParameterError(f"form must be one of {DENOMINATORS}, got {form!r}")
        if not isinstance(degree, tuple | list):
            raise ParameterError(f"degree is (numerator, denominator), e.g. (5, 4); got {degree!r}")
        a, b, self.fit_error = _initial_coefficients(init, tuple(degree), form,
                                                     tuple(map(float, domain)))
        dtype = torch.get_default_dtype()
        self.numerator = nn.Parameter(a.to(dtype).repeat(groups, 1))
        self.denominator = nn.Parameter(b.to(dtype).repeat(groups, 1))
        self.dim, self.form, self.init = dim, form, init

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return rational(x, self.numerator, self.denominator, dim=self.dim, form=self.form)

    def extra_repr(self) -> str:
        m, n = self.numerator.shape[1] - 1, self.denominator.shape[1]
        return (f"degree=({m}, {n}), groups={self.numerator.shape[0]}, dim={self.dim}, "
                f"form={self.form}, init={self.init}")
