"""The functions a formula may call: sympy's own and those it lacks, with their derivatives in the
same vocabulary, listed with arities and docs in :data:`FUNCTIONS`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import mpmath
import sympy
from sympy.codegen.cfunctions import expm1, log1p


class _RealFunction(sympy.Function):
    """A real function of one real argument, rendered with a LaTeX name."""

    latex_name = ""
    mp_eval: Callable[[mpmath.mpf], mpmath.mpf]  # the value at mpmath's working precision

    @classmethod
    def eval(cls, arg):  # keep symbolic: evaluation belongs to the backends
        return None

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        call = rf"{self.latex_name}\left({printer._print(self.args[0])}\right)"
        return call if exp is None else rf"\left({call}\right)^{{{exp}}}"

    def _eval_evalf(self, prec):
        arg = self.args[0].evalf(prec)
        if not arg.is_Number:
            return None
        with mpmath.workprec(prec):
            return sympy.Float(self.mp_eval(mpmath.mpf(arg)), precision=prec)


class sigmoid(_RealFunction):
    latex_name = r"\sigma"
    mp_eval = staticmethod(lambda z: 1 / (1 + mpmath.exp(-z)))

    def fdiff(self, argindex=1):
        (z,) = self.args
        return sigmoid(z) * sigmoid(-z)


class softplus(_RealFunction):
    latex_name = r"\operatorname{softplus}"
    mp_eval = staticmethod(lambda z: mpmath.log1p(mpmath.exp(z)))

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])


class logsigmoid(_RealFunction):
    latex_name = r"\log\sigma"
    mp_eval = staticmethod(lambda z: -mpmath.log1p(mpmath.exp(-z)))

    def fdiff(self, argindex=1):
        return sigmoid(-self.args[0])


class normal_cdf(_RealFunction):
    latex_name = r"\Phi"
    mp_eval = staticmethod(mpmath.ncdf)

    def fdiff(self, argindex=1):
        return _normal_pdf(self.args[0])


def _normal_pdf(z: sympy.Expr) -> sympy.Expr:
    return sympy.exp(-(z**2) / 2) / sympy.sqrt(2 * sympy.pi)


def _relu(z: sympy.Expr) -> sympy.Expr:
    return sympy.Max(0, z)


def _where(cond: sympy.Basic, a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
    return sympy.Piecewise((a, cond), (b, True))


def _clamp(z: sympy.Expr, low: sympy.Expr, high: sympy.Expr) -> sympy.Expr:
    return sympy.Min(sympy.Max(z, low), high)


@dataclass(frozen=True)
class _Fn:
    build: Callable[..., sympy.Expr]
    arity: tuple[int, int]  # (min, max) number of arguments
    doc: str


FUNCTIONS: dict[str, _Fn] = {
    "exp": _Fn(sympy.exp, (1, 1), "e^u"),
    "log": _Fn(sympy.log, (1, 1), "natural logarithm"),
    "log1p": _Fn(log1p, (1, 1), "log(1 + u), accurate near 0"),
    "expm1": _Fn(expm1, (1, 1), "e^u - 1, accurate near 0"),
    "sqrt": _Fn(sympy.sqrt, (1, 1), "square root"),
    "abs": _Fn(sympy.Abs, (1, 1), "absolute value"),
    "sign": _Fn(sympy.sign, (1, 1), "-1, 0 or 1"),
    "heaviside": _Fn(sympy.Heaviside, (1, 1), "1 for u > 0, else 0"),
    "sin": _Fn(sympy.sin, (1, 1), "sine"),
    "cos": _Fn(sympy.cos, (1, 1), "cosine"),
    "tan": _Fn(sympy.tan, (1, 1), "tangent"),
    "sinh": _Fn(sympy.sinh, (1, 1), "hyperbolic sine"),
    "cosh": _Fn(sympy.cosh, (1, 1), "hyperbolic cosine"),
    "tanh": _Fn(sympy.tanh, (1, 1), "hyperbolic tangent"),
    "asinh": _Fn(sympy.asinh, (1, 1), "inverse hyperbolic sine"),
    "atan": _Fn(sympy.atan, (1, 1), "inverse tangent"),
    "erf": _Fn(sympy.erf, (1, 1), "error function"),
    "erfc": _Fn(sympy.erfc, (1, 1), "1 - erf(u)"),
    "sigmoid": _Fn(sigmoid, (1, 1), "logistic 1 / (1 + e^-u)"),
    "softplus": _Fn(softplus, (1, 1), "log(1 + e^u), overflow-safe"),
    "logsigmoid": _Fn(logsigmoid, (1, 1), "log(sigmoid(u)), overflow-safe"),
    "normal_cdf": _Fn(normal_cdf, (1, 1), "standard normal CDF Phi(u)"),
    "normal_pdf": _Fn(_normal_pdf, (1, 1), "standard normal density phi(u)"),
    "relu": _Fn(_relu, (1, 1), "max(0, u)"),
    "min": _Fn(sympy.Min, (2, 8), "smallest argument"),
    "max": _Fn(sympy.Max, (2, 8), "largest argument"),
    "clamp": _Fn(_clamp, (3, 3), "clamp(u, low, high)"),
    "where": _Fn(_where, (3, 3), "where(condition, value_if_true, value_if_false)"),
}
