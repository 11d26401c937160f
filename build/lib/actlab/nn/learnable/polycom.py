"""Polynomial composition activations (PolyCom): PolyReLU and PolyNorm.

Zhuo et al. (2024), "Polynomial Composition Activations: Unleashing the Dynamics of Large
Language Models", arXiv:2411.03884 (ICLR 2025).
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from actlab.errors import ParameterError


def _coefficients(order: int) -> nn.Parameter:
    """a_0 = 0 and a_i = 1/r: the reference code's PolyNorm initialization."""
    if isinstance(order, bool) or not isinstance(order, int) or order < 1:
        raise ParameterError(f"order must be a positive integer, got {order!r}")
    return nn.Parameter(torch.tensor([0.0] + [1 / order] * order))


class PolyReLU(nn.Module):
    """PolyReLU(x) = sum_{i=0}^{r} a_i ReLU(x)^i with learnable a, order r (default 3).

    Initialization: a = (0, 1/r, ..., 1/r), the weights the PolyCom reference code gives PolyNorm
    (the paper does not state PolyReLU's; the same rule is assumed here). a = (0, 1, 0, ..., 0) is
    ReLU. The catalog entry ``polyrelu`` is this unit at r = 3 with fixed coefficients.

    >>> unit = PolyReLU()
    >>> with torch.no_grad():
    ...     _ = unit.coefficients.copy_(torch.tensor([0.0, 1.0, 0.0, 0.0]))
    >>> unit(torch.tensor([-2.0, 3.0]))
    tensor([0., 3.], grad_fn=<AddBackward0>)
    """

    def __init__(self, order: int = 3):
        super().__init__()
        self.coefficients = _coefficients(order)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        r = F.relu(x)
        a = self.coefficients.to(x.dtype)
        y = a[-1] * r
        for c in a.flip(0)[1:-1]:  # Horner's rule: a_0 + r(a_1 + r(a_2 + ...))
            y = (y + c) * r
        return y + a[0]

    def extra_repr(self) -> str:
        return f"order={self.coefficients.numel() - 1}"


class PolyNorm(nn.Module):
    """PolyNorm(x) = a_0 + sum_{i=1}^{r} a_i N(x^i), powers taken elementwise and N normalizing
    over ``dim`` (the hidden dimension): N(u) = u / sqrt(mean(u^2) + eps).

    N is the RMS normalization of the PolyCom reference code; one account of the paper writes the
    L2 norm ||x^i||_2 instead, which differs from RMS by the constant sqrt(d) (absorbed by a_i).
    Initialization: a = (0, 1/r, ..., 1/r), eps = 1e-6, as in the reference code.

    >>> PolyNorm()(torch.randn(2, 8)).shape
    torch.Size([2, 8])
    """

    def __init__(self, order: int = 3, dim: int = -1, eps: float = 1e-6):
        super().__init__()
        self.coefficients = _coefficients(order)
        if not eps > 0:
            raise ParameterError(f"eps must be > 0, got {eps!r}")
        self.dim, self.eps = dim, eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a = self.coefficients.to(x.dtype)
        y, power = a[0], x
        for i in range(1, a.numel()):
            if i > 1:
                power = power * x
            y = y + a[i] * power * torch.rsqrt(power.square().mean(self.dim, keepdim=True)
                                               + self.eps)
        return y

    def extra_repr(self) -> str:
        return f"order={self.coefficients.numel() - 1}, dim={self.dim}, eps={self.eps:g}"
