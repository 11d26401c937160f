"""The public :class:`Formula`: a parsed formula with its derivatives, LaTeX and compiled
functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import mpmath
import sympy
import torch

from actlab.errors import FormulaError
from actlab.formula.parsing import X, parse
from actlab.formula.targets import Definitions, _compile, _MpmathOps, _sequence, _TorchOps


@dataclass(frozen=True)
class Formula:
    """A parsed, validated formula in ``x`` and named parameters.

    >>> f = Formula("x * sigmoid(beta * x)", ("beta",))
    >>> print(f.latex())
    x \\sigma\\left(\\beta x\\right)
    >>> f.derivative()
    beta*x*sigmoid(-beta*x)*sigmoid(beta*x) + sigmoid(beta*x)
    """

    text: str
    params: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", tuple(self.params))
        self.expr  # noqa: B018  (parse now so that errors surface at construction)

    @cached_property
    def expr(self) -> sympy.Expr:
        return parse(self.text, self.params)

    def symbol(self, name: str) -> sympy.Symbol:
        if name == "x":
            return X
        if name not in self.params:
            raise FormulaError(f"{name!r} is neither x nor a parameter of {self.text!r}")
        return sympy.Symbol(name, real=True)

    def derivative(self, wrt: str = "x", order: int = 1) -> sympy.Expr:
        """The symbolic derivative with respect to ``x`` or a parameter; ``c - c tanh(u)^2``
        (sympy's derivative of tanh) is written ``c / cosh(u)^2``, which keeps its relative
        accuracy in the tails, where ``tanh(u)^2`` rounds to 1."""
        return _sech_squared(sympy.diff(self.expr, self.symbol(wrt), order))

    def latex(self, expr: sympy.Expr | None = None) -> str:
        return sympy.latex(self.expr if expr is None else expr)

    def torch_function(self, *exprs: sympy.Expr, given: Definitions = ()
                       ) -> Callable[..., list[torch.Tensor]]:
        """``fn(x, **params) -> [value of each expr]`` (default: the formula itself) in torch ops,
        with common subexpressions computed once; ``given`` defines extra symbols in order."""
        run = _sequence(list(exprs) or [self.expr], _TorchOps(), given)
        return lambda x, **params: [_like(v, x) for v in run({"x": x, **params})]

    def mpmath_function(self, expr: sympy.Expr | None = None) -> Callable[..., Any]:
        """``fn(x, **params)`` evaluated in mpmath at the working precision (use mpmath.workdps)."""
        compiled = _compile(self.expr if expr is None else expr, _MpmathOps())
        return lambda x, **params: compiled({"x": mpmath.mpf(x), **{
            k: mpmath.mpf(v) for k, v in params.items()}})


def _sech_squared(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with every sum ``... + c - c tanh(u)^2`` (c a number) written with ``cosh``."""

    def rewrite(add: sympy.Add) -> sympy.Expr:
        terms = list(add.args)
        for term in add.args:
            coefficient, rest = term.as_coeff_Mul()
            if (rest.is_Pow and rest.exp == 2 and isinstance(rest.base, sympy.tanh)
                    and -coefficient in terms):
                u = rest.base.args[0]
                terms.remove(term)
                terms.remove(-coefficient)
                terms.append(-coefficient / sympy.cosh(u) ** 2)
        return sympy.Add(*terms)

    return expr.replace(lambda e: e.is_Add, rewrite)


def _like(value: Any, x: torch.Tensor) -> torch.Tensor:
    """Broadcast a possibly constant result to the shape and dtype of ``x``."""
    if isinstance(value, torch.Tensor):
        return value if value.shape == x.shape else value.to(x.dtype).expand_as(x).clone()
    return torch.full_like(x, value)
