"""Structural work limits on a parsed formula, checked on the expression sympy built (after its own
simplification, which folds ``(x**64)**64`` into ``x**4096``).

Three measures bound what later stages (derivatives, the optimizer's rewrites, compilation) can be
asked to do: the total polynomial degree (function calls and symbols count as degree-1 atoms,
their arguments are measured on their own), the size of the expression tree, and the number of
distinct transcendental calls.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> degree((x**3 + 1) ** 4 * sympy.exp(x**2))
13
>>> degree(x**4096) > MAX_DEGREE
True
"""

from __future__ import annotations

import math

import sympy

from actlab.errors import FormulaError

MAX_DEGREE = 256
MAX_TREE_SIZE = 1_500
MAX_TRANSCENDENTAL = 32

_STRUCTURAL = (sympy.Abs, sympy.sign, sympy.Heaviside, sympy.Max, sympy.Min, sympy.Piecewise)


def degree(expr: sympy.Basic) -> int:
    """Total polynomial degree of ``expr``, function calls and symbols counted as degree-1 atoms,
    or the degree of a function argument or exponent inside it, whichever is largest."""
    inner = [degree(a) for a in _opaque_parts(expr)]
    return max([_outer_degree(expr), *inner])


def _outer_degree(expr: sympy.Basic) -> int:
    if not expr.free_symbols:
        return 0
    if isinstance(expr, sympy.Add | sympy.Piecewise):
        return max(_outer_degree(a) for a in _pieces(expr))
    if isinstance(expr, sympy.Mul):
        return sum(_outer_degree(a) for a in expr.args)
    if isinstance(expr, sympy.Pow) and expr.exp.is_Number:
        return _outer_degree(expr.base) * math.ceil(abs(expr.exp))
    if isinstance(expr, sympy.Pow):
        return _outer_degree(expr.base)
    return 1  # a symbol or a function call


def _pieces(expr: sympy.Basic) -> list[sympy.Basic]:
    return [value for value, _ in expr.args] if isinstance(expr, sympy.Piecewise) else expr.args


def _opaque_parts(expr: sympy.Basic) -> list[sympy.Basic]:
    """The subexpressions whose degree does not add to that of ``expr``: function arguments,
    symbolic exponents and piecewise conditions, found below any sums, products and powers."""
    if isinstance(expr, sympy.Add | sympy.Mul):
        return [p for a in expr.args for p in _opaque_parts(a)]
    if isinstance(expr, sympy.Pow):
        return [*_opaque_parts(expr.base), *([] if expr.exp.is_Number else [expr.exp])]
    if isinstance(expr, sympy.Piecewise):
        return [p for value, cond in expr.args for p in (*_opaque_parts(value), *cond.args)]
    if isinstance(expr, sympy.Function):
        return list(expr.args)
    return []


def transcendental_calls(expr: sympy.Basic) -> int:
    """The number of distinct calls of functions other than abs, sign, max, min and where."""
    return sum(1 for f in expr.atoms(sympy.Function) if not isinstance(f, _STRUCTURAL))


def check(expr: sympy.Basic) -> None:
    """FormulaError naming the first limit ``expr`` exceeds."""
    size = sum(1 for _ in sympy.preorder_traversal(expr))
    if size > MAX_TREE_SIZE:
        raise FormulaError(
            f"the formula has {size} terms after simplification; the limit is {MAX_TREE_SIZE}"
        )
    calls = transcendental_calls(expr)
    if calls > MAX_TRANSCENDENTAL:
        raise FormulaError(
            f"the formula calls {calls} distinct functions; the limit is {MAX_TRANSCENDENTAL}"
        )
    total = degree(expr)
    if total > MAX_DEGREE:
        raise FormulaError(
            f"the formula has polynomial degree {total} after simplification; "
            f"the limit is {MAX_DEGREE}"
        )
