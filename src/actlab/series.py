"""The learnable families written plainly in torch: rational functions with a safe denominator,
and Hermite and Fourier features. :mod:`actlab.fit` fits them, the modules of
:mod:`actlab.nn.learnable` train them (their fused kernels are tested against these forms), and
the catalog's PAU entry is checked against :func:`rational_value`.
"""

from __future__ import annotations

import math
from typing import Literal

import torch

Denominator = Literal["abs_sum", "sum_abs"]
DENOMINATORS: tuple[Denominator, ...] = ("abs_sum", "sum_abs")


def rational_value(x: torch.Tensor, numerator: torch.Tensor, denominator: torch.Tensor,
                   form: Denominator = "abs_sum") -> torch.Tensor:
    """P(x)/Q(x) with P = sum_j a_j x^j and a safe denominator, written plainly.

    ``form="abs_sum"``: Q = 1 + |sum_k b_k x^k| (the PAU paper's safe PAU); ``"sum_abs"``:
    Q = 1 + sum_k |b_k| |x|^k (the PAU reference code). ``numerator`` holds a_0..a_m and
    ``denominator`` b_1..b_n along their last dim; leading dims broadcast against ``x``.
    """
    p = sum(numerator[..., j] * x**j for j in range(numerator.shape[-1]))
    orders = range(1, denominator.shape[-1] + 1)
    if form == "abs_sum":
        q = 1 + sum(denominator[..., k - 1] * x**k for k in orders).abs()
    else:
        q = 1 + sum(denominator[..., k - 1].abs() * x.abs() ** k for k in orders)
    return p / q


def hermite_features(x: torch.Tensor, degree: int) -> torch.Tensor:
    """He_k(x)/sqrt(k!) for k = 0..degree along a new last dim: orthonormal under N(0, 1).

    >>> hermite_features(torch.tensor([2.0]), 2)  # 1, x, (x^2 - 1)/sqrt(2)
    tensor([[1.0000, 2.0000, 2.1213]])
    """
    values = [torch.ones_like(x), x]
    for k in range(1, degree):  # He_{k+1} = x He_k - k He_{k-1}
        values.append(x * values[k] - k * values[k - 1])
    return torch.stack(
        [v / math.sqrt(math.factorial(k)) for k, v in enumerate(values[: degree + 1])], -1)


def fourier_features(x: torch.Tensor, frequencies: int) -> torch.Tensor:
    """[1, cos x, ..., cos Kx, sin x, ..., sin Kx] along a new last dim."""
    k = torch.arange(1, frequencies + 1, dtype=x.dtype, device=x.device)
    angles = x[..., None] * k
    return torch.cat([torch.ones_like(x)[..., None], angles.cos(), angles.sin()], -1)
