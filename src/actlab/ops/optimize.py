"""The formula optimizer: the cheapest numerically sound form of a Spec's forward and backward.

For the forward ``[f]`` and the backward ``[df/dx, df/dp...]`` separately, candidate forms are
derived from the formula as written:

- ``as written``;
- ``exp form``: sigmoid, tanh, softplus, logsigmoid, sinh and cosh rewritten through ``exp`` and
  ``log`` (Inductor's vectorized ``exp`` is several times cheaper than its ``tanh``, and its
  ``log1p`` runs scalar);
- ``tanh via expm1``: ``tanh(u) = -sign(u) m / (2 + m)``, ``m = expm1(-2|u|)``;
- ``exp-rational``: the exp form with every ``exp(k*a)`` of the most common argument ``a`` written
  as a power of one ``E = exp(-|a|)``, split on the sign of ``a`` so that only powers of
  ``E <= 1`` appear (no overflow), rational parts cancelled and logarithms of ``1 + ...``
  separated from their ``log E = -|a|`` part. Mish then needs one ``exp`` instead of ``exp``,
  ``log1p`` and ``tanh``, for its forward and for its derivative.

A candidate is kept only if it matches the 30-digit value of the formula as written on the
verification points (float32, the entry's tolerance) and stays finite in float32, bfloat16 and
float16 wherever the formula as written does. Among the kept ones the cheapest under this
machine's cost table wins (:mod:`actlab.ops.costs`), with common subexpressions counted once
across the list. Each candidate (rewrite, cost and accuracy check) has a time budget
(:mod:`actlab.ops.budget`); one that runs past it is skipped.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache

import sympy
import torch
from sympy.codegen.cfunctions import expm1, log1p

from actlab.catalog.spec import Spec
from actlab.formula import Definitions, Formula, logsigmoid, normal_cdf, sigmoid, softplus
from actlab.ops import budget
from actlab.ops.costs import table_for
from actlab.precision import (
    dtype_points,
    pointwise_relative_error,
    reference_values,
    relative_error,
    verification_points,
)

log = logging.getLogger(__name__)

Exprs = tuple[sympy.Expr, ...]

_EXP_FORMS: dict[type, Callable[[sympy.Expr], sympy.Expr]] = {
    sigmoid: lambda u: 1 / (1 + sympy.exp(-u)),
    softplus: lambda u: sympy.log(1 + sympy.exp(u)),
    logsigmoid: lambda u: -sympy.log(1 + sympy.exp(-u)),
    sympy.tanh: lambda u: (1 - sympy.exp(-2 * u)) / (1 + sympy.exp(-2 * u)),
    sympy.sinh: lambda u: (sympy.exp(u) - sympy.exp(-u)) / 2,
    sympy.cosh: lambda u: (sympy.exp(u) + sympy.exp(-u)) / 2,
    log1p: lambda u: sympy.log(1 + u),
}
_FUNCTION_COSTS = {
    sympy.exp: "exp", expm1: "expm1", sympy.log: "log", log1p: "log1p", sigmoid: "sigmoid",
    softplus: "softplus", logsigmoid: "logsigmoid", sympy.tanh: "tanh", sympy.sinh: "sinh",
    sympy.cosh: "cosh", sympy.asinh: "asinh", sympy.atan: "atan", sympy.sin: "sin",
    sympy.cos: "cos", sympy.tan: "tan", sympy.erf: "erf", sympy.erfc: "erfc",
    normal_cdf: "normal_cdf", sympy.Abs: "abs", sympy.sign: "sign", sympy.Heaviside: "where",
}  # fmt: skip
TRANSCENDENTAL = frozenset(_FUNCTION_COSTS.values()) - {"abs", "sign", "where"} | {"pow"}


@dataclass(frozen=True)
class Form:
    """One way to compute a list of expressions, with its estimated cost (ms per 2^22 elements).

    ``given`` defines helper symbols (such as ``E = exp(-|x|)``) computed before the expressions.
    """

    name: str
    exprs: Exprs
    given: Definitions = ()
    cost: float = 0.0
    primitives: tuple[str, ...] = ()  # transcendental calls per element, after sharing

    def costed(self, table: Mapping[str, float]) -> Form:
        return replace(self, **dict(zip(("cost", "primitives"), cost(self, table))))

    def torch_function(self, formula: Formula) -> Callable[..., list[torch.Tensor]]:
        return formula.torch_function(*self.exprs, given=self.given)


@dataclass(frozen=True)
class Optimized:
    """The chosen forward and backward forms of a Spec, beside the forms as written."""

    spec: Spec
    forward: Form
    backward: Form
    written_forward: Form
    written_backward: Form

    @property
    def primitives(self) -> tuple[str, ...]:
        return self.forward.primitives


@cache
def optimize(spec: Spec, device_type: str = "cpu") -> Optimized:
    """The cheapest accurate forward and backward forms of ``spec`` on ``device_type``."""
    table = table_for(device_type)
    names = [p.name for p in spec.params]
    forward = (spec.expression.expr,)
    backward = (spec.derivative_expression("x"), *(spec.derivative_expression(n) for n in names))
    chosen, end = [], time.monotonic() + budget.OPTIMIZE_SECONDS
    for exprs, formula in ((forward, spec.expression), (backward, spec.backward_formula)):
        written = Form("as written", exprs).costed(table)
        best = written
        for rewrite in REWRITES:
            try:
                with budget.deadline(min(budget.REWRITE_SECONDS, end - time.monotonic())):
                    best = _better(spec, formula, exprs, rewrite, best, table)
            except budget.BudgetExceeded:
                log.info("%s: %s skipped, over its time budget", spec.name, rewrite.__name__)
        chosen += [best, written]
        log.debug("%s: %s form %.2f ms vs %.2f as written", spec.name, best.name, best.cost,
                  written.cost)
    return Optimized(spec, chosen[0], chosen[2], chosen[1], chosen[3])


def _better(spec: Spec, formula: Formula, exprs: Exprs, rewrite: Callable[[Exprs], Form | None],
            best: Form, table: Mapping[str, float]) -> Form:
    """The form ``rewrite`` makes of ``exprs`` if it is accurate and cheaper than ``best``."""
    try:
        form = rewrite(exprs)
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return best
    if form is None or form.exprs == exprs:
        return best
    form = form.costed(table)
    return form if form.cost < best.cost and _accurate(spec, formula, exprs, form) else best


# --- rewrites ---------------------------------------------------------------------------------


def exp_form(exprs: Exprs) -> Form:
    """Sigmoid, tanh, softplus, logsigmoid, sinh and cosh through exp and log."""
    return Form("exp form", tuple(_exp_form(e) for e in exprs))


def _exp_form(expr: sympy.Expr) -> sympy.Expr:
    for fn, form in _EXP_FORMS.items():
        expr = expr.replace(fn, form)
    return expr


def tanh_expm1(exprs: Exprs) -> Form | None:
    """``tanh(u) = -sign(u) * m / (2 + m)`` with ``m = expm1(-2|u|)``: one ``expm1`` instead of a
    ``tanh``, accurate in relative terms near 0 and never overflowing."""
    if not any(e.has(sympy.tanh) for e in exprs):
        return None

    def form(u: sympy.Expr) -> sympy.Expr:
        m = expm1(-2 * sympy.Abs(u))
        return -sympy.sign(u) * m / (2 + m)

    return Form("tanh via expm1", tuple(e.replace(sympy.tanh, form) for e in exprs))


def exp_rational(exprs: Exprs) -> Form | None:
    """The exp form with ``exp(k*a) = E**-k`` (``a >= 0``) or ``E**k`` (``a < 0``), where
    ``E = exp(-|a|)``; None when some power of ``E`` would still be negative (could overflow)."""
    exprs = exp_form(exprs).exprs
    atoms = {e: e.args[0].as_coeff_Mul() for expr in exprs for e in expr.atoms(sympy.exp)}
    bases = Counter(a for k, a in atoms.values() if k.is_Rational)
    if not bases:
        return None
    base = max(bases, key=lambda a: (not a.atoms(sympy.Function), bases[a]))
    E = sympy.Symbol("_E", positive=True)
    branches = []
    for sign in (1, -1):
        mapping = {e: E ** (-sign * k) for e, (k, a) in atoms.items()
                   if a == base and k.is_Rational}
        branch = [_cancel(_split_logs(expr.xreplace(mapping), E, -sign * base), E)
                  for expr in exprs]
        if any(_has_negative_power(b, E) or b.has(sympy.zoo, sympy.nan) for b in branch):
            return None
        branches.append(branch)
    pieces = tuple(sympy.Piecewise((pos, base >= 0), (neg, True)) for pos, neg in zip(*branches))
    return Form("exp-rational", pieces, ((E, sympy.exp(-sympy.Abs(base))),))


REWRITES: tuple[Callable[[Exprs], Form | None], ...] = (exp_form, tanh_expm1, exp_rational)


def _split_logs(expr: sympy.Expr, E: sympy.Symbol, log_e: sympy.Expr) -> sympy.Expr:
    """log(E**m * p(E) / (E**n * q(E))) -> (m - n)*log_e + log1p(p - 1) - log1p(q - 1)."""

    def split(arg: sympy.Expr) -> sympy.Expr:
        numerator, denominator = sympy.fraction(sympy.together(arg))
        out = sympy.Integer(0)
        for part, sign in ((numerator, 1), (denominator, -1)):
            if not part.has(E):
                out += sign * sympy.log(part)
                continue
            poly = sympy.Poly(sympy.expand(part), E)
            low = min(m[0] for m in poly.monoms())
            rest = sympy.expand(part / E**low)
            one_plus = rest.subs(E, 0) == 1
            out += sign * (low * log_e + (log1p(rest - 1) if one_plus else sympy.log(rest)))
        return out

    return expr.replace(lambda e: isinstance(e, sympy.log) and e.has(E),
                        lambda e: split(e.args[0]))


def _cancel(expr: sympy.Expr, E: sympy.Symbol) -> sympy.Expr:
    """Rational parts in ``E`` as one polynomial over another whose constant term is 1, the
    numerator collected by x and the parameters: no negative powers of E, and ``x * p(E)`` is
    formed only after ``p(E)``, so a huge x meets E**k = 0 as 0, not as inf * 0."""
    try:
        numerator, denominator = sympy.fraction(sympy.cancel(expr, E))
    except sympy.PolynomialError:
        return expr
    constant = denominator.subs(E, 0)
    if constant.is_number and constant != 0:
        numerator, denominator = numerator / constant, denominator / constant
    others = sorted(numerator.free_symbols - {E}, key=str)
    return sympy.collect(sympy.expand(numerator), others) / sympy.expand(denominator)


def _has_negative_power(expr: sympy.Expr, E: sympy.Symbol) -> bool:
    return any(p.base == E and p.exp.is_negative for p in expr.atoms(sympy.Pow))


# --- cost -------------------------------------------------------------------------------------


def cost(form: Form, table: Mapping[str, float]) -> tuple[float, tuple[str, ...]]:
    """Estimated ms per 2^22 elements of computing ``form`` in one fused kernel (one pass over
    memory per output) and the transcendental primitives it calls (shared ones counted once)."""
    replacements, reduced = sympy.cse(list(form.exprs), optimizations=None)
    counts: Counter[str] = Counter()
    for expr in [e for _, e in form.given] + [e for _, e in replacements] + list(reduced):
        for node in sympy.preorder_traversal(expr):
            _count(node, counts)
    total = table["copy"] * (1 + len(form.exprs)) / 2 + sum(table[k] * n for k, n in counts.items())
    return total, tuple(sorted(k for k in counts.elements() if k in TRANSCENDENTAL))


def _count(node: sympy.Basic, counts: Counter[str]) -> None:
    kind = type(node)
    if isinstance(node, sympy.Expr) and not node.free_symbols:
        return
    if kind in (sympy.Add, sympy.Mul):
        counts["add" if kind is sympy.Add else "mul"] += len(node.args) - 1
    elif kind is sympy.Pow:
        exponent = node.args[1]
        if exponent == -1:
            counts["div"] += 1
        elif exponent in (sympy.S.Half, -sympy.S.Half):
            counts["sqrt" if exponent > 0 else "rsqrt"] += 1
        elif exponent.is_Integer:
            counts["mul"] += abs(int(exponent)) - 1
            counts["div"] += int(bool(exponent.is_negative))
        else:
            counts["pow"] += 1
    elif kind in (sympy.Max, sympy.Min):
        counts["max"] += len(node.args) - 1
    elif kind is sympy.Piecewise:
        counts["where"] += len(node.args) - 1
    elif kind in _FUNCTION_COSTS:
        counts[_FUNCTION_COSTS[kind]] += 1


# --- acceptance -------------------------------------------------------------------------------


def _accurate(spec: Spec, formula: Formula, written: Exprs, form: Form) -> bool:
    """``form`` matches the written expressions at 30 digits in float32 within the entry's
    tolerance, is nowhere much less accurate than the written form in relative terms, and is
    finite in every dtype wherever the written form is."""
    params = spec.defaults
    candidate, as_written = form.torch_function(formula), formula.torch_function(*written)
    x = verification_points()
    for expr, y, y_written in zip(written, candidate(x, **params), as_written(x, **params)):
        ref = _reference(formula, expr, tuple(params.items()))
        err = relative_error(y, ref)
        if not bool((err <= spec.rtol).all()):
            log.debug("%s: %s rejected, error %.2e", spec.name, form.name, err.max().item())
            return False
        written_error = pointwise_relative_error(y_written, ref)
        loss = pointwise_relative_error(y, ref) / (written_error + spec.rtol)
        if loss.max().item() > 4:
            log.debug("%s: %s rejected, relative error up %.1fx", spec.name, form.name,
                      loss.max().item())
            return False
    for dtype in (torch.float32, torch.bfloat16, torch.float16):
        x = dtype_points(dtype)
        for y, y_written in zip(candidate(x, **params), as_written(x, **params)):
            if bool((y_written.isfinite() & ~y.isfinite()).any()):
                log.debug("%s: %s rejected, not finite in %s", spec.name, form.name, dtype)
                return False
    return True


@cache
def _reference(formula: Formula, expr: sympy.Expr, params: tuple[tuple[str, float], ...]
               ) -> torch.Tensor:
    return reference_values(formula, dict(params), verification_points(), expr)
