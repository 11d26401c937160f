"""Polynomial approximations of any nonlinearity on an interval, for encrypted inference.

- :func:`chebyshev`: interpolation at the Chebyshev points (the baseline);
- :func:`remez`: the minimax polynomial by the Remez exchange algorithm, its equioscillation
  checked against the 30-digit mpmath reference for catalog entries;
- :func:`least_squares`: least squares weighted by a recorded input distribution (samples or a
  histogram), as AutoReP's distribution-aware polynomials;
- :func:`composite_sign` and :func:`composite_relu`: compositions of the low-degree odd
  polynomials ``f_n(x) = sum_{i<=n} binom(2i, i) / 4^i x (1 - x^2)^i`` of Cheon, Kim and Kim
  ("Efficient Homomorphic Comparison Methods with Optimal Complexity", Asiacrypt 2020), with
  ReLU = x (1 + sign x) / 2.

Each returns an :class:`Approximation` whose ``module`` is the activation to put in a model.

>>> fit = remez("abs", (-1.0, 1.0), degree=2)        # the minimax x^2 + 1/8
>>> round(fit.max_error, 9), [round(a, 9) + 0.0 for a in fit.module.power_coefficients()]
(0.125, [0.125, 0.0, 1.0])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import mpmath
import numpy as np
import torch
from numpy.polynomial import chebyshev as cheb

from actlab.catalog.registry import lookup
from actlab.catalog.spec import Spec
from actlab.errors import ActlabError, ParameterError
from actlab.ops import eager
from actlab.pi.polynomial import Composite, Polynomial, check_interval
from actlab.precision import reference

Target = str | Spec | Callable[[torch.Tensor], torch.Tensor]
GRID = 20_001
MAX_DEGREE = 40  # float64 Remez stays reliable well beyond; past this CKKS depth is impractical


class ApproximationError(ActlabError, ValueError):
    """A polynomial approximation that cannot be made as asked (degree, interval, data)."""


@dataclass(frozen=True)
class Approximation:
    """A fitted polynomial activation and how far it is from its target on its interval.

    ``max_error`` is max |p - f| on the interval (at the reference for Remez, else on a grid of
    20,001 points); ``extrema`` the Remez reference points where the error equioscillates.
    """

    target: str
    method: str
    module: Polynomial | Composite
    max_error: float
    extrema: tuple[float, ...] = field(default=())

    @property
    def interval(self) -> tuple[float, float]:
        return self.module.interval

    @property
    def degree(self) -> int:
        return self.module.degree

    @property
    def depth(self) -> int:
        return self.module.depth

    @property
    def multiplications(self) -> int:
        return self.module.multiplications


def target_function(target: Target) -> tuple[str, Callable[[np.ndarray], np.ndarray]]:
    """The target's name and its float64 values as a function of a numpy array."""
    if isinstance(target, str | Spec):
        spec = lookup(target)

        def values(x: np.ndarray) -> np.ndarray:
            with torch.no_grad():
                return eager.apply(spec, torch.as_tensor(x), spec.defaults).numpy()

        return spec.name, values
    if callable(target):

        def custom(x: np.ndarray) -> np.ndarray:
            with torch.no_grad():
                return np.asarray(target(torch.as_tensor(x)), dtype=np.float64)

        return getattr(target, "__name__", "function"), custom
    raise ParameterError(
        f"target must be a catalog name, a Spec or a function of a tensor; "
        f"got {type(target).__name__}"
    )


def _degree(degree: object) -> int:
    if isinstance(degree, int) and not isinstance(degree, bool) and 1 <= degree <= MAX_DEGREE:
        return degree
    raise ApproximationError(
        f"degree must be an integer from 1 to {MAX_DEGREE} (the CKKS depth "
        f"of degree {MAX_DEGREE} is already {math.ceil(math.log2(41))}); "
        f"got {degree!r}"
    )


def _finite(name: str, y: np.ndarray) -> np.ndarray:
    if not np.all(np.isfinite(y)):
        raise ApproximationError(
            f"{name} is not finite on the whole interval; choose a smaller interval"
        )
    return y


def _grid_error(module: Polynomial, f: Callable[[np.ndarray], np.ndarray]) -> float:
    x = np.linspace(module.low, module.high, GRID)
    return float(np.max(np.abs(module.series()(x) - f(x))))


def chebyshev(target: Target, interval: Sequence[float], degree: int) -> Approximation:
    """Interpolation at the ``degree + 1`` Chebyshev points of the first kind.

    >>> fit = chebyshev("gelu", (-4.0, 4.0), degree=8)
    >>> fit.degree, fit.max_error < 0.02
    (8, True)
    """
    low, high = check_interval(interval)
    n = _degree(degree)
    name, f = target_function(target)
    t = np.cos(np.pi * (np.arange(n + 1) + 0.5) / (n + 1))
    y = _finite(name, f(_to_x(t, low, high)))
    module = Polynomial(cheb.chebfit(t, y, n), (low, high), f"{name}~chebyshev{n}")
    return Approximation(name, "chebyshev", module, _grid_error(module, f))


def least_squares(
    target: Target,
    interval: Sequence[float],
    degree: int,
    samples: torch.Tensor | tuple[torch.Tensor, torch.Tensor] | None = None,
    bins: int = 512,
) -> Approximation:
    """The polynomial minimizing E[(p(x) - f(x))^2] under the input distribution.

    ``samples``: recorded inputs (any shape; those outside ``interval`` are left out), or a
    histogram ``(edges, counts)`` with ``len(edges) == len(counts) + 1``; ``None`` weighs the
    interval uniformly. The samples are binned (``bins`` bins on the interval) and each bin's
    centre weighted by its count.

    >>> x = torch.randn(10_000, generator=torch.Generator().manual_seed(0))
    >>> fit = least_squares("relu", (-4.0, 4.0), degree=2, samples=x)
    >>> [round(a, 2) for a in fit.module.power_coefficients()]
    [0.2, 0.5, 0.2]
    """
    low, high = check_interval(interval)
    n = _degree(degree)
    name, f = target_function(target)
    centres, weights = _histogram(samples, low, high, bins)
    if np.count_nonzero(weights) <= n:
        raise ApproximationError(
            f"the samples fall into {np.count_nonzero(weights)} bins of "
            f"({low:g}, {high:g}); a degree-{n} fit needs at least {n + 1}: "
            "widen the interval to the samples' range or lower the degree"
        )
    y = _finite(name, f(centres))
    t = (2 * centres - low - high) / (high - low)
    coefficients = cheb.chebfit(t, y, n, w=np.sqrt(weights))
    module = Polynomial(coefficients, (low, high), f"{name}~lsq{n}")
    return Approximation(name, "least_squares", module, _grid_error(module, f))


def _histogram(samples, low: float, high: float, bins: int) -> tuple[np.ndarray, np.ndarray]:
    if samples is None:
        edges, counts = np.linspace(low, high, bins + 1), np.ones(bins)
    elif isinstance(samples, tuple):
        edges, counts = (np.asarray(torch.as_tensor(s).double()) for s in samples)
        if edges.ndim != 1 or counts.shape != (edges.size - 1,) or np.any(counts < 0):
            raise ApproximationError(
                "a histogram is (edges, counts) with len(edges) == len(counts) + 1 and counts >= 0"
            )
    else:
        values = torch.as_tensor(samples).detach().double().flatten().numpy()
        counts, edges = np.histogram(values, bins=bins, range=(low, high))
    centres = (edges[:-1] + edges[1:]) / 2
    inside = (centres >= low) & (centres <= high)
    return centres[inside], counts[inside].astype(np.float64)


def _to_x(t: np.ndarray, low: float, high: float) -> np.ndarray:
    return (t * (high - low) + low + high) / 2


def remez(
    target: Target,
    interval: Sequence[float],
    degree: int,
    *,
    tolerance: float = 1e-10,
    iterations: int = 100,
) -> Approximation:
    """The minimax polynomial of ``degree`` by the Remez exchange algorithm.

    Start from the Chebyshev extrema; each step solves ``p(x_i) - f(x_i) = (-1)^i E`` on the
    ``degree + 2`` reference points, then moves the reference to the alternating extrema of the
    error (a dense grid, refined by golden-section search) until the largest error exceeds
    ``|E|`` by less than ``tolerance`` (relative). For a catalog entry the result is checked
    against its 30-digit mpmath reference: the error must equioscillate at the reference points
    within 1e-6 relative, or :class:`ApproximationError` is raised.
    """
    low, high = check_interval(interval)
    n = _degree(degree)
    name, f = target_function(target)
    g = lambda t: f(_to_x(t, low, high))  # noqa: E731  (the target on [-1, 1])
    grid = np.unique(
        np.concatenate([np.linspace(-1, 1, GRID), np.cos(np.linspace(0, np.pi, GRID))])
    )
    _finite(name, g(grid))
    # the Chebyshev extrema, warped off symmetry: a symmetric reference makes E = 0 for even or
    # odd targets whose best approximation skips a degree (|x| at degree 4 is its degree 5)
    points = np.sort(np.cos(np.pi * np.arange(n + 2) / (n + 1)))
    points = points + 0.1 * (1 - points**2) / (n + 1)
    signs = (-1.0) ** np.arange(n + 2)
    for _ in range(iterations):
        system = np.column_stack([cheb.chebvander(points, n), signs])
        try:
            solution = np.linalg.solve(system, g(points))
        except np.linalg.LinAlgError:
            raise ApproximationError(
                f"Remez: the reference of {name} at degree {n} became singular; try another degree"
            ) from None
        coefficients, level = solution[:-1], abs(solution[-1])
        error = lambda t, c=coefficients: cheb.chebval(t, c) - g(t)  # noqa: E731
        points = _alternating_extrema(error, grid, n + 2)
        largest = float(np.max(np.abs(error(points))))
        if largest - level <= tolerance * max(largest, 1e-300):
            break
    else:
        raise ApproximationError(
            f"Remez did not converge for {name} at degree {n} on "
            f"({low:g}, {high:g}) in {iterations} exchanges; try another "
            "degree or a narrower interval"
        )
    module = Polynomial(coefficients, (low, high), f"{name}~minimax{n}")
    extrema = _to_x(points, low, high)
    if isinstance(target, str | Spec):
        check_equioscillation(module, lookup(target), extrema)
    return Approximation(name, "remez", module, largest, tuple(float(x) for x in extrema))


def _alternating_extrema(
    error: Callable[[np.ndarray], np.ndarray], grid: np.ndarray, count: int
) -> np.ndarray:
    """``count`` points of alternating error sign, the largest |error| of each sign run."""
    e = error(grid)
    if np.max(np.abs(e)) == 0.0:
        raise ApproximationError("the target is a polynomial of this degree: nothing to fit")
    sign = np.where(e >= 0, 1, -1)
    breaks = np.flatnonzero(np.diff(sign)) + 1
    runs = np.split(np.arange(grid.size), breaks)
    peaks = [_refine(error, grid, run[np.argmax(np.abs(e[run]))]) for run in runs]
    values = np.abs(error(np.array(peaks)))
    while len(peaks) > count:  # dropping an end keeps the signs alternating
        drop = 0 if values[0] < values[-1] else -1
        peaks.pop(drop)
        values = np.delete(values, drop)
    if len(peaks) < count:
        raise ApproximationError(
            f"Remez: the error alternates at {len(peaks)} points, the "
            f"degree needs {count}; the degree cannot be met on this grid"
        )
    return np.array(peaks)


def _refine(error, grid: np.ndarray, i: int, steps: int = 60) -> float:
    """Golden-section search for max |error| between the grid neighbours of ``grid[i]``."""
    a, b = grid[max(i - 1, 0)], grid[min(i + 1, grid.size - 1)]
    best = grid[i]
    ratio = (math.sqrt(5) - 1) / 2
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    for _ in range(steps):
        if abs(error(np.array([c])))[0] > abs(error(np.array([d])))[0]:
            b, d = d, c
            c = b - ratio * (b - a)
        else:
            a, c = c, d
            d = a + ratio * (b - a)
    candidate = (a + b) / 2
    return float(
        candidate
        if abs(error(np.array([candidate])))[0] > abs(error(np.array([best])))[0]
        else best
    )


def check_equioscillation(
    module: Polynomial, spec: Spec, points: Sequence[float], rtol: float = 1e-6
) -> list[float]:
    """The error ``p - f`` at ``points`` in 30-digit arithmetic; raises unless its signs
    alternate and its magnitudes agree within ``rtol`` (relative to their largest)."""
    power = [mpmath.mpf(a) for a in module.power_coefficients()]
    f = reference(spec.expression, spec.defaults)
    errors = []
    with mpmath.workdps(30):
        for x in points:
            value = mpmath.polyval(power[::-1], mpmath.mpf(x))
            errors.append(float(value - mpmath.mpf(f(x))))
    levels = np.abs(errors)
    alternates = all(a * b < 0 for a, b in zip(errors, errors[1:]))
    if not alternates or (levels.max() - levels.min()) > rtol * levels.max():
        raise ApproximationError(
            f"Remez: the error of {spec.name} at degree {module.degree} "
            f"does not equioscillate within {rtol:g} relative (levels "
            f"{levels.min():.3g} to {levels.max():.3g}); the degree "
            "cannot be met, try another degree"
        )
    return errors


def sign_stage(n: int) -> Polynomial:
    """Cheon, Kim and Kim's ``f_n``: odd, degree ``2n + 1``, ``f_n(+-1) = +-1``, flat to order
    ``n`` at +-1; composed, it sends (0, 1] towards 1.

    >>> sign_stage(1).power_coefficients()
    [0.0, 1.5, 0.0, -0.5]
    """
    if not (isinstance(n, int) and 1 <= n <= 7):
        raise ParameterError(f"the sign stage f_n takes n from 1 to 7, got {n!r}")
    power = np.zeros(2 * n + 2)
    for i in range(n + 1):  # binom(2i, i) / 4^i * x (1 - x^2)^i
        expansion = np.polynomial.polynomial.polypow([1.0, 0.0, -1.0], i)
        power[1 : 2 * i + 2] += math.comb(2 * i, i) / 4**i * expansion
    return Polynomial.from_power(power, (-1.0, 1.0), f"f{n}")


def composite_sign(n: int = 3, stages: int = 5, epsilon: float = 0.05) -> Approximation:
    """sign(x) on [-1, 1] as ``f_n`` composed ``stages`` times.

    ``max_error`` is the error on ``epsilon <= |x| <= 1`` (inputs closer to 0 cannot be
    separated): ``1 - f_n^(stages)(epsilon)``, exact because f_n is increasing on [0, 1].

    >>> fit = composite_sign(n=3, stages=5, epsilon=0.05)
    >>> fit.degree, fit.depth, fit.multiplications, f"{fit.max_error:.1e}"
    (16807, 15, 30, '2.0e-03')
    """
    module = _sign_module(n, stages, epsilon, bound=1.0, relu=False)
    level = torch.tensor([epsilon], dtype=torch.float64)
    return Approximation("sign", "composite", module, float(1 - module.double()(level)[0]))


def composite_relu(
    bound: float, n: int = 3, stages: int = 5, epsilon: float = 0.05
) -> Approximation:
    """ReLU on [-bound, bound] as ``x (1 + s(x / bound)) / 2`` with ``s`` the composite sign.

    ``max_error`` bounds |p - relu| on the whole interval: ``bound * max(epsilon, delta / 2)``
    with ``delta`` the sign error beyond ``epsilon`` (near 0, |x (1 + s) / 2 - relu x| <= |x|).

    >>> fit = composite_relu(bound=10.0)
    >>> fit.depth, round(fit.max_error, 3)
    (16, 0.5)
    """
    sign = composite_sign(n, stages, epsilon)
    module = _sign_module(n, stages, epsilon, bound, relu=True)
    return Approximation(
        "relu", "composite", module, float(bound * max(epsilon, sign.max_error / 2))
    )


def _sign_module(n: int, stages: int, epsilon: float, bound: float, relu: bool) -> Composite:
    if not (isinstance(stages, int) and stages >= 1):
        raise ParameterError(f"stages must be an integer >= 1, got {stages!r}")
    if not 0 < epsilon < 1:
        raise ParameterError(f"epsilon must lie in (0, 1), got {epsilon!r}")
    check_interval((-bound, bound))
    kind = "relu" if relu else "sign"
    return Composite([sign_stage(n) for _ in range(stages)], bound, relu, f"{kind}~f{n}^{stages}")
