"""Least-squares fits of learnable families to a target nonlinearity.

``fit(target, family, ...)`` returns the coefficients of a rational, Hermite or Fourier unit that
approximate ``target`` over a domain, and how far off they are. Learnable modules use it for their
initialization (a PAU starts as leaky ReLU, a Hermite unit as GELU), and model surgery uses it to
replace a trained network's activation by a learnable one.

The families' plain formulas are in :mod:`actlab.series`: the fit, the modules and the fused
kernels' reference all evaluate the same expressions.

>>> result = fit("tanh", "hermite", degree=5, domain=(-2.0, 2.0))
>>> result.coefficients["coefficients"].shape, result.max_error < 0.05
(torch.Size([6]), True)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch

from actlab.catalog.registry import lookup
from actlab.catalog.spec import Spec
from actlab.errors import ParameterError
from actlab.ops import eager
from actlab.series import (
    DENOMINATORS,
    Denominator,
    fourier_features,
    hermite_features,
    rational_value,
)

Target = str | Spec | Callable[[torch.Tensor], torch.Tensor]
Weight = Callable[[torch.Tensor], torch.Tensor]
FAMILIES = ("rational", "hermite", "fourier")


@dataclass(frozen=True)
class Fit:
    """Fitted coefficients (float64) and the fit's error on the domain.

    ``max_error`` is max |unit(x) - target(x)| over a dense grid (20,001 points) of ``domain``;
    ``rms_error`` the weighted root-mean-square error on the same grid.
    """

    family: str
    degree: int | tuple[int, int]
    coefficients: dict[str, torch.Tensor]
    max_error: float
    rms_error: float
    domain: tuple[float, float]


def _feature_derivatives(family: str, x: torch.Tensor, degree: int) -> torch.Tensor:
    if family == "hermite":  # d/dx He_k/sqrt(k!) = sqrt(k) He_{k-1}/sqrt((k-1)!)
        lower = hermite_features(x, degree)[..., :-1]
        scale = torch.arange(1, degree + 1, dtype=x.dtype).sqrt()
        return torch.cat([torch.zeros_like(x)[..., None], lower * scale], -1)
    k = torch.arange(1, degree + 1, dtype=x.dtype)
    angles = x[..., None] * k
    return torch.cat([torch.zeros_like(x)[..., None], -k * angles.sin(), k * angles.cos()], -1)


# --- fitting ----------------------------------------------------------------------------------


def fit(
    target: Target,
    family: str,
    *,
    degree: int | tuple[int, int] | None = None,
    domain: tuple[float, float] = (-3.0, 3.0),
    weight: Weight | None = None,
    derivative: bool = False,
    denominator: Denominator = "abs_sum",
) -> Fit:
    """Fit ``family`` to ``target`` over ``domain`` by weighted least squares.

    ``target`` is a catalog name, a Spec or a function of a tensor; ``weight(x) >= 0`` weighs the
    domain (uniform by default; e.g. ``lambda x: torch.exp(-x**2 / 2)`` for unit-normal inputs).

    Families and their ``degree``:

    - ``"rational"``, ``(m, n)`` (default ``(5, 4)``): a PAU with numerator degree m and
      denominator degree n, in the safe ``denominator`` form (see :func:`rational_value`).
      Linearized least squares (min ||P - y Q||) gives the start, L-BFGS on the true error the
      result.
    - ``"hermite"``, n (default 5): sum_k a_k He_k(x)/sqrt(k!), k = 0..n.
    - ``"fourier"``, K (default 3): a_0 + sum_k (a_k cos kx + b_k sin kx), k = 1..K.

    The linear families (Hermite, Fourier) are solved exactly; ``derivative=True`` makes the fit
    a Hermite interpolation: it matches the target's derivative as well as its value.

    >>> pau = fit("leaky_relu", "rational")
    >>> sorted(pau.coefficients), pau.max_error < 0.05
    (['denominator', 'numerator'], True)
    """
    if family not in FAMILIES:
        raise ParameterError(f"fit family must be one of {', '.join(FAMILIES)}; got {family!r} "
                             "(tropical units are not linear in their coefficients: fit them by "
                             "training)")
    low, high = (float(v) for v in domain)
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ParameterError(f"domain must be two finite numbers low < high, got {domain!r}")
    if denominator not in DENOMINATORS:
        raise ParameterError(f"denominator must be one of {DENOMINATORS}, got {denominator!r}")
    x = torch.linspace(low, high, 20_001, dtype=torch.float64)
    y, dy = _evaluate(target, x, derivative)
    w = torch.ones_like(x) if weight is None else weight(x).to(torch.float64)
    if w.shape != x.shape or not bool(torch.all(w >= 0)) or not bool(torch.any(w > 0)):
        raise ParameterError("weight(x) must return one non-negative value per point, not all 0")
    if family == "rational":
        m, n = _rational_degree(degree)
        if derivative:
            raise ParameterError("derivative=True (Hermite interpolation) applies to the linear "
                                 "families hermite and fourier, not to rational")
        coefficients = _fit_rational(x, y, w, m, n, denominator)
        values = rational_value(x, coefficients["numerator"], coefficients["denominator"],
                                denominator)
        degree = (m, n)
    else:
        degree = _linear_degree(family, degree)
        coefficients, values = _fit_linear(family, x, y, dy, w, degree)
    error = (values - y).abs()
    rms = math.sqrt(float((w * error**2).sum() / w.sum()))
    return Fit(family, degree, coefficients, float(error.max()), rms, (low, high))


MAX_DEGREE = 64


def _rational_degree(degree: object) -> tuple[int, int]:
    if degree is None:
        return 5, 4
    if (isinstance(degree, tuple) and len(degree) == 2
            and all(isinstance(d, int) and not isinstance(d, bool) for d in degree)
            and 0 <= degree[0] <= MAX_DEGREE and 1 <= degree[1] <= MAX_DEGREE):
        return degree
    raise ParameterError(f"a rational degree is (numerator, denominator) with 0 <= numerator <= "
                         f"{MAX_DEGREE} and 1 <= denominator <= {MAX_DEGREE}, e.g. (5, 4); got "
                         f"{degree!r}")


def _linear_degree(family: str, degree: object) -> int:
    if degree is None:
        return 5 if family == "hermite" else 3
    if isinstance(degree, int) and not isinstance(degree, bool) and 1 <= degree <= MAX_DEGREE:
        return degree
    raise ParameterError(f"the {family} degree is an integer from 1 to {MAX_DEGREE}, got "
                         f"{degree!r}")


def _evaluate(target: Target, x: torch.Tensor,
              derivative: bool) -> tuple[torch.Tensor, torch.Tensor | None]:
    """The target's values (and derivative) at ``x``, in float64."""
    if isinstance(target, str | Spec):
        spec = lookup(target)
        function = lambda z: eager.apply(spec, z, spec.defaults)  # noqa: E731
    elif callable(target):
        function = target
    else:
        raise ParameterError(f"target must be a catalog name, a Spec or a function of a tensor; "
                             f"got {type(target).__name__}")
    z = x.clone().requires_grad_(derivative)
    with torch.enable_grad():
        y = function(z)
        if not isinstance(y, torch.Tensor) or y.shape != x.shape:
            raise ParameterError("target(x) must return a tensor of the shape of x")
        dy = torch.autograd.grad(y.sum(), z)[0] if derivative else None
    if not bool(torch.isfinite(y).all()):
        raise ParameterError("target is not finite on the whole domain; choose a smaller domain")
    return y.detach().to(torch.float64), None if dy is None else dy.to(torch.float64)


def _fit_linear(family: str, x: torch.Tensor, y: torch.Tensor, dy: torch.Tensor | None,
                w: torch.Tensor, degree: int) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    features = hermite_features(x, degree) if family == "hermite" else fourier_features(x, degree)
    rows, rhs, weights = [features], [y], [w]
    if dy is not None:
        rows.append(_feature_derivatives(family, x, degree))
        rhs.append(dy)
        weights.append(w)
    root = torch.cat(weights).sqrt()
    solution = _lstsq(torch.cat(rows) * root[:, None], torch.cat(rhs) * root)
    values = features @ solution
    if family == "hermite":
        return {"coefficients": solution}, values
    return {"cos": solution[: degree + 1], "sin": solution[degree + 1:]}, values


def _fit_rational(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, m: int, n: int,
                  form: Denominator) -> dict[str, torch.Tensor]:
    """Linearized start (P - y*Q = 0 with Q = 1 + sum b_k x^k), then L-BFGS on the true error,
    also from the polynomial fit (b = 0); the better of the two."""
    root = w.sqrt()
    powers = x[:, None] ** torch.arange(max(m, n) + 1, dtype=x.dtype)
    system = torch.cat([powers[:, : m + 1], -y[:, None] * powers[:, 1: n + 1]], 1)
    linear = _lstsq(system * root[:, None], y * root)
    polynomial = _lstsq(powers[:, : m + 1] * root[:, None], y * root)
    starts = [(linear[: m + 1], linear[m + 1:]), (polynomial, torch.zeros(n, dtype=x.dtype))]
    best = min((_refine(x, y, w, a, b, form) for a, b in starts), key=lambda r: r[0])
    return {"numerator": best[1], "denominator": best[2]}


def _refine(x, y, w, numerator, denominator, form):
    a = numerator.clone().requires_grad_(True)
    b = denominator.clone().requires_grad_(True)
    optimizer = torch.optim.LBFGS([a, b], lr=1, max_iter=400, tolerance_grad=1e-14,
                                  tolerance_change=1e-16, history_size=50,
                                  line_search_fn="strong_wolfe")
    scale = w / w.sum()

    def loss() -> torch.Tensor:
        optimizer.zero_grad()
        value = (scale * (rational_value(x, a, b, form) - y) ** 2).sum()
        value.backward()
        return value

    with torch.enable_grad():
        optimizer.step(loss)
    with torch.no_grad():
        final = float((scale * (rational_value(x, a, b, form) - y) ** 2).sum())
    if not math.isfinite(final):
        return math.inf, numerator, denominator
    return final, a.detach(), b.detach()


def _lstsq(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Least squares with columns scaled to unit norm (powers of x differ by orders of
    magnitude)."""
    norms = a.norm(dim=0).clamp_min(1e-300)
    return torch.linalg.lstsq(a / norms, b[:, None], driver="gelsd").solution[:, 0] / norms
