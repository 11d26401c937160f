"""The rediscovery detector: is a formula a catalog entry in disguise, or near one?

A formula *equals* an entry when, with the entry's parameters fitted, the two agree within
:data:`EQUAL_TOL` in sup-norm on [-6, 6] (float64, :data:`POINTS` points); the match is *symbolic*
when sympy also proves the difference zero once the helper functions (sigmoid, softplus,
normal_cdf...) are written out in exp, log and erf. Otherwise the entries are ranked by that
sup-norm distance.

The work stays small: every entry's values on the grid at a few parameter settings are computed
once per process and cached (the *fingerprints*), the sup-norm to those fingerprints ranks every
entry in one vectorised pass, and only the closest few get their parameters fitted (scipy's
bounded least squares).

>>> from actlab.catalog import catalog
>>> [(m.label, m.verdict) for m in nearest("x*sigmoid(1.702*x)", catalog())[:2]]
[('gelu_sigmoid', 'equal (numeric)'), ('swish(beta=1.702)', 'equal (symbolic)')]
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import sympy
import torch
from scipy.optimize import least_squares
from sympy.codegen.cfunctions import expm1, log1p

from actlab.catalog.spec import Param, Spec
from actlab.formula import Formula, logsigmoid, normal_cdf, sigmoid, softplus

LOW, HIGH, POINTS = -6.0, 6.0, 1201
EQUAL_TOL = 1e-6
FITTED = 8  # parametric entries fitted without a match before the search stops
PREFILTER = 0.1  # define fits only entries whose fingerprints come this close (relative)
CANDIDATES = 32  # and at most this many of them (generalizations of one function tie)
_GRID = torch.linspace(LOW, HIGH, POINTS, dtype=torch.float64)
_COARSE = _GRID[::6]  # 201 points: fingerprints and the least-squares residuals
_MISFIT = 1e3  # residual standing in for a non-finite value


class RediscoveryWarning(UserWarning):
    """A defined formula equals a catalog entry."""


@dataclass(frozen=True)
class Match:
    """A catalog entry near a formula: sup-norm ``distance`` on [-6, 6] at the fitted ``params``.

    ``equal``: within :data:`EQUAL_TOL`; ``symbolic``: sympy proves the equality.
    """

    name: str
    distance: float
    params: Mapping[str, float]
    equal: bool
    symbolic: bool = False

    @property
    def label(self) -> str:
        """``swish(beta=1.702)``: the entry with its fitted parameters."""
        inner = ", ".join(f"{k}={v:.4g}" for k, v in self.params.items())
        return f"{self.name}({inner})" if inner else self.name

    @property
    def verdict(self) -> str:
        if self.symbolic:
            return "equal (symbolic)"
        return "equal (numeric)" if self.equal else "near"


def elementary(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with the formula language's helpers written in exp, log and erf, the canonical
    form equal formulas are compared in.

    >>> from actlab.formula import parse
    >>> elementary(parse("x * sigmoid(x)")) == elementary(parse("x / (1 + exp(-x))"))
    True
    """
    rules = (
        (sigmoid, lambda z: 1 / (1 + sympy.exp(-z))),
        (softplus, lambda z: sympy.log(1 + sympy.exp(z))),
        (logsigmoid, lambda z: -sympy.log(1 + sympy.exp(-z))),
        (normal_cdf, lambda z: (1 + sympy.erf(z / sympy.sqrt(2))) / 2),
        (expm1, lambda z: sympy.exp(z) - 1),
        (log1p, lambda z: sympy.log(1 + z)),
    )
    for function, rewrite in rules:
        expr = expr.replace(function, rewrite)
    return expr


def nearest(
    formula: str | Spec, specs: Iterable[Spec], top: int = 5, **params: float
) -> list[Match]:
    """Every entry of ``specs`` equal to ``formula`` (text with ``params`` as defaults, or a
    Spec), the most specific first, then the ``top`` nearest others by distance; a Spec is
    never matched with itself.

    >>> from actlab.catalog import catalog
    >>> [m.name for m in nearest("x*tanh(log(1+exp(x)))", catalog(), top=1)][0]
    'mish'
    """
    target = formula if isinstance(formula, Spec) else _spec(formula, params)
    y, ranked = _ranked(target, specs)
    fitted: list[Match] = []
    for _, spec in ranked:
        fitted.append(_fit(spec, target, y))
        unequal = [m for m in fitted if not m.equal]
        if len(unequal) >= top and sum(bool(m.params) for m in unequal) >= FITTED:
            break
    ordered = sorted(fitted, key=_rank)
    equal = sum(m.equal for m in ordered)
    return ordered[: equal + top]


def rediscovery(spec: Spec, specs: Iterable[Spec]) -> Match | None:
    """The entry of ``specs`` that ``spec`` equals, if any. Only the few entries whose cached
    fingerprints come within :data:`PREFILTER` (relative to the formula's scale on [-6, 6]) get
    their parameters fitted, so the check costs little for a formula that is new."""
    y, ranked = _ranked(spec, specs)
    scale = 1.0 + float(np.nanmax(np.abs(y))) if ranked else 1.0
    close = [s for distance, s in ranked[:CANDIDATES] if distance <= PREFILTER * scale]
    matches = [m for m in (_fit(s, spec, y) for s in close) if m.equal]
    return min(matches, key=_rank, default=None)


def _rank(match: Match) -> tuple:
    """Equal entries first, the most specific (fewest parameters) of them first, proofs before
    numerics; then the others by distance."""
    return (not match.equal, len(match.params) if match.equal else 0, not match.symbolic,
            match.distance, match.name)


def warn_if_rediscovered(spec: Spec, specs: Iterable[Spec]) -> None:
    """Warn with :class:`RediscoveryWarning` when ``spec`` equals one of ``specs``."""
    match = rediscovery(spec, specs)
    if match is not None:
        warnings.warn(
            f"{spec.formula!r} equals the catalog entry {match.label} "
            f"({match.verdict}, sup-norm {match.distance:.1e} on [{LOW:g}, {HIGH:g}]); "
            f"actlab.get({match.name!r}) has its citation and verified kernels",
            RediscoveryWarning,
            stacklevel=3,
        )


def _spec(text: str, params: Mapping[str, float]) -> Spec:
    return Spec(
        "formula", text, "user", None, None, tuple(Param(k, float(v)) for k, v in params.items())
    )


def _values(spec: Spec, params: Mapping[str, float], x: torch.Tensor) -> np.ndarray:
    """``spec`` at ``params`` on ``x`` in float64; NaN where it fails or is not finite."""
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            (y,) = _function(spec)(x, **params)
        y = y.to(torch.float64).numpy()
    except (ArithmeticError, RuntimeError, TypeError, ValueError):
        return np.full(x.shape, np.nan)
    return np.where(np.isfinite(y), y, np.nan)


_FUNCTIONS: dict[Spec, object] = {}
_FINGERPRINTS: dict[Spec, list[tuple[dict[str, float], np.ndarray]]] = {}


def _function(spec: Spec):
    if spec not in _FUNCTIONS:
        _FUNCTIONS[spec] = Formula(
            spec.formula, tuple(p.name for p in spec.params)
        ).torch_function()
    return _FUNCTIONS[spec]


def _fingerprints(spec: Spec) -> list[tuple[dict[str, float], np.ndarray]]:
    """The entry's values on the coarse grid at its defaults and with each parameter moved
    (halved and doubled, or -1 and 1 from 0) within its range; cached per process."""
    if spec not in _FINGERPRINTS:
        settings = [spec.defaults]
        for p in spec.params:
            moves = (p.default / 2, p.default * 2) if p.default else (-1.0, 1.0)
            for value in moves:
                if p.low < value < p.high:
                    settings.append({**spec.defaults, p.name: value})
        _FINGERPRINTS[spec] = [(s, _values(spec, s, _COARSE)) for s in settings]
    return _FINGERPRINTS[spec]


def _sup(a: np.ndarray, b: np.ndarray) -> float:
    """Sup-norm of ``a - b``; infinite where one is defined and the other not."""
    if (np.isnan(a) != np.isnan(b)).any():
        return math.inf
    diff = np.abs(a - b)
    return float(np.nanmax(diff)) if np.isfinite(diff).any() else math.inf


def _ranked(target: Spec, specs: Iterable[Spec]) -> tuple[np.ndarray, list[tuple[float, Spec]]]:
    """The target on the coarse grid, and ``specs`` (less the target itself) by the smallest
    sup-norm distance of their cached fingerprints to it; nothing when the target is nowhere
    finite."""
    y = _values(target, target.defaults, _COARSE)
    if not np.isfinite(y).any():
        return y, []
    others = [s for s in specs if s.name != target.name or s.formula != target.formula]
    scores = [min(_sup(values, y) for _, values in _fingerprints(s)) for s in others]
    order = sorted(range(len(others)), key=lambda i: (scores[i], others[i].name))
    return y, [(scores[i], others[i]) for i in order]


def _fit(spec: Spec, target: Spec, y_coarse: np.ndarray) -> Match:
    """Fit ``spec``'s parameters to the target by bounded least squares; the distance is the
    sup-norm on the fine grid."""
    start = min(_fingerprints(spec), key=lambda item: _sup(item[1], y_coarse))[0]
    params = dict(start)
    if spec.params:
        names = [p.name for p in spec.params]
        low = np.array([_inside(p.low, p.open_low, 1) for p in spec.params])
        high = np.array([_inside(p.high, p.open_high, -1) for p in spec.params])
        defined = np.isfinite(y_coarse)

        def residual(theta: np.ndarray) -> np.ndarray:
            r = _values(spec, dict(zip(names, theta)), _COARSE)[defined] - y_coarse[defined]
            return np.nan_to_num(r, nan=_MISFIT)

        x0 = np.clip([start[n] for n in names], low, high)
        result = least_squares(
            residual,
            x0,
            bounds=(low, high),
            method="trf",
            max_nfev=100,
            xtol=1e-15,
            ftol=1e-15,
            gtol=1e-15,
        )
        params = {n: float(v) for n, v in zip(names, result.x)}
    y = _values(target, target.defaults, _GRID)
    distance = _sup(_values(spec, params, _GRID), y)
    equal = distance <= EQUAL_TOL
    return Match(spec.name, distance, params, equal, equal and _proved(spec, target, params))


def _inside(bound: float, open_: bool, side: int) -> float:
    """A finite-or-infinite bound moved just inside when the interval is open."""
    if math.isinf(bound) or not open_:
        return bound
    return bound + side * 1e-9 * max(1.0, abs(bound))


def _proved(spec: Spec, target: Spec, params: Mapping[str, float]) -> bool:
    """Whether sympy shows ``spec`` at ``params`` (rounded to 10 significant digits) minus the
    target is zero; simplification is tried only on small expressions."""
    values = {sympy.Symbol(k, real=True): sympy.Float(f"{v:.10g}") for k, v in params.items()}
    mine = elementary(spec.expression.expr.subs(values))
    theirs = elementary(
        target.expression.expr.subs(
            {sympy.Symbol(k, real=True): v for k, v in target.defaults.items()}
        )
    )
    difference = mine - theirs
    if difference == 0:
        return True
    if sympy.count_ops(difference) > 40:
        return False
    return sympy.simplify(difference) == 0
