"""Sympy to torch and mpmath: each expression tree becomes nested closures over a scope of values,
with the cheapest op chosen once per node."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from functools import reduce
from typing import Any, Protocol

import mpmath
import sympy
import torch
import torch.nn.functional as F
from sympy.codegen.cfunctions import expm1, log1p

from actlab.errors import FormulaError
from actlab.formula.functions import logsigmoid, normal_cdf, sigmoid, softplus


def ndtr(x: torch.Tensor) -> torch.Tensor:
    """Standard normal CDF as ``erfc(-x / sqrt 2) / 2``: full relative accuracy in the left tail,
    where torch's ``special.ndtr`` (``(1 + erf(x / sqrt 2)) / 2`` on CPU) cancels to 0 below
    about x = -8 in float64 and x = -5.5 in float32.

    >>> ndtr(torch.tensor([-10.0], dtype=torch.float64))
    tensor([7.6199e-24], dtype=torch.float64)
    """
    return torch.erfc(x * -math.sqrt(0.5)) / 2


def sigmoid_tensor(x: torch.Tensor) -> torch.Tensor:
    """Logistic sigmoid that keeps its relative accuracy down to the smallest subnormal, with one
    exponential: ``t / (1 + t)`` below 0 and ``1 / (1 + t)`` above, t = e^-|x|. Torch's
    ``1 / (1 + e^-x)`` is 0 once ``e^-x`` overflows (below about x = -88.7 in float32, -709 in
    float64).

    >>> sigmoid_tensor(torch.tensor([-100.0, 0.0, 100.0]))
    tensor([3.7835e-44, 5.0000e-01, 1.0000e+00])
    """
    t = torch.exp(-x.abs())
    return torch.where(x < 0, t, 1.0) / (1 + t)


class _Ops(Protocol):
    """What a compile target supplies: constants, arithmetic, functions and conditions."""

    functions: Mapping[type, Callable[..., Any]]

    @staticmethod
    def const(value: sympy.Expr) -> Any: ...
    @staticmethod
    def power(exponent: sympy.Expr) -> Callable[[Any, Any], Any]: ...
    @staticmethod
    def where(cond: Any, a: Any, b: Any, like: Any) -> Any: ...  # tensor conditions only
    @staticmethod
    def maximum(a: Any, b: Any) -> Any: ...
    @staticmethod
    def minimum(a: Any, b: Any) -> Any: ...
    @staticmethod
    def heaviside(a: Any) -> Any: ...


# each function of one argument: (its torch op, its mpmath function)
_FUNCTION_OPS: dict[type, tuple[Callable[[torch.Tensor], torch.Tensor], Callable[..., Any]]] = {
    sympy.exp: (torch.exp, mpmath.exp), sympy.log: (torch.log, mpmath.log),
    log1p: (torch.log1p, mpmath.log1p), expm1: (torch.expm1, mpmath.expm1),
    sympy.sin: (torch.sin, mpmath.sin), sympy.cos: (torch.cos, mpmath.cos),
    sympy.tan: (torch.tan, mpmath.tan), sympy.sinh: (torch.sinh, mpmath.sinh),
    sympy.cosh: (torch.cosh, mpmath.cosh), sympy.tanh: (torch.tanh, mpmath.tanh),
    sympy.asinh: (torch.asinh, mpmath.asinh), sympy.atan: (torch.atan, mpmath.atan),
    sympy.erf: (torch.erf, mpmath.erf), sympy.erfc: (torch.erfc, mpmath.erfc),
    sympy.Abs: (torch.abs, abs), sympy.sign: (torch.sign, mpmath.sign),
    sigmoid: (sigmoid_tensor, sigmoid.mp_eval), softplus: (F.softplus, softplus.mp_eval),
    logsigmoid: (F.logsigmoid, logsigmoid.mp_eval),
    normal_cdf: (ndtr, normal_cdf.mp_eval),
}  # fmt: skip


def _tensor_or_number(fn: Callable[[torch.Tensor], torch.Tensor]) -> Callable[[Any], Any]:
    def apply(value):
        if isinstance(value, torch.Tensor):
            return fn(value)
        return fn(torch.tensor(value, dtype=torch.float64)).item()

    return apply


def _extremum(tensors: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
              bound: Callable[[torch.Tensor, Any], torch.Tensor],
              numbers: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """The larger or smaller of two values, each a tensor or a number: ``tensors`` for two
    tensors, ``bound`` (a clamp) for a tensor and a number, ``numbers`` for two numbers."""

    def pick(a, b):
        if not isinstance(a, torch.Tensor):
            a, b = b, a
        if not isinstance(a, torch.Tensor):
            return numbers(a, b)
        return bound(a, b) if not isinstance(b, torch.Tensor) else tensors(a, b)

    return pick


class _TorchOps(_Ops):
    functions = {kind: _tensor_or_number(op) for kind, (op, _) in _FUNCTION_OPS.items()}

    @staticmethod
    def const(value):
        return float(value)

    @staticmethod
    def power(exponent):
        """The cheapest op for ``base ** exponent``, chosen once from the sympy exponent."""
        special = {2: lambda b, e: b * b, -1: lambda b, e: 1.0 / b,
                   sympy.Rational(1, 2): lambda b, e: torch.sqrt(b),
                   sympy.Rational(-1, 2): lambda b, e: torch.rsqrt(b)}
        if exponent in special:
            op = special[exponent]
        elif exponent.is_Integer:
            n = int(exponent)
            op = lambda b, e: _integer_power(b, n)  # noqa: E731
        else:
            op = torch.pow

        def apply(base, value):
            if isinstance(base, torch.Tensor) or isinstance(value, torch.Tensor):
                return op(base, value)
            return math.pow(base, value)

        return apply

    @staticmethod
    def where(cond, a, b, like):
        if not isinstance(a, torch.Tensor) and not isinstance(b, torch.Tensor):
            a = torch.full_like(like, a)
        return torch.where(cond, a, b)

    maximum = staticmethod(_extremum(torch.maximum, lambda t, b: torch.clamp(t, min=b), max))
    minimum = staticmethod(_extremum(torch.minimum, lambda t, b: torch.clamp(t, max=b), min))

    @staticmethod
    def heaviside(a):
        return (a > 0).to(a.dtype) if isinstance(a, torch.Tensor) else float(a > 0)


def _integer_power(base: torch.Tensor, n: int) -> torch.Tensor:
    """``base ** n`` by repeated squaring: plain multiplications, which every backend vectorizes
    (Inductor's CPU ``pow`` with some integer exponents runs scalar)."""
    result, k = None, abs(n)
    while k:
        if k & 1:
            result = base if result is None else result * base
        k >>= 1
        if k:
            base = base * base
    return 1.0 / result if n < 0 else result


class _MpmathOps(_Ops):
    functions = {kind: fn for kind, (_, fn) in _FUNCTION_OPS.items()}

    @staticmethod
    def const(value):
        return mpmath.mpf(str(sympy.N(value, 60)))

    @staticmethod
    def power(exponent):
        return mpmath.power

    maximum = staticmethod(max)
    minimum = staticmethod(min)

    @staticmethod
    def heaviside(a):
        return mpmath.mpf(1) if a > 0 else mpmath.mpf(0)


_RELATIONS = {
    sympy.StrictLessThan: lambda a, b: a < b,
    sympy.LessThan: lambda a, b: a <= b,
    sympy.StrictGreaterThan: lambda a, b: a > b,
    sympy.GreaterThan: lambda a, b: a >= b,
    sympy.Equality: lambda a, b: a == b,
    sympy.Unequality: lambda a, b: a != b,
}

Env = Mapping[str, Any]
Definitions = Sequence[tuple[sympy.Symbol, sympy.Expr]]


def _compile(expr: sympy.Basic, ops: _Ops) -> Callable[[Env], Any]:
    """Turn a sympy tree into nested closures over ``env`` (names -> values)."""
    if isinstance(expr, sympy.Symbol):
        name = expr.name
        return lambda env: env[name]
    if isinstance(expr, sympy.Expr) and not expr.free_symbols:
        value = ops.const(expr)
        return lambda env: value
    args = [_compile(a, ops) for a in expr.args] if not isinstance(expr, sympy.Piecewise) else []
    kind = type(expr)
    if kind is sympy.Add:
        return lambda env: reduce(lambda a, b: a + b, (f(env) for f in args))
    if kind is sympy.Mul:
        return _product(expr, args, ops)
    if kind is sympy.Pow:
        (base, exponent), op = args, ops.power(expr.args[1])
        return lambda env: op(base(env), exponent(env))
    if kind in (sympy.Max, sympy.Min):
        pick = ops.maximum if kind is sympy.Max else ops.minimum
        return lambda env: reduce(pick, (f(env) for f in args))
    if kind is sympy.Heaviside:
        step, (inner,) = ops.heaviside, args[:1]
        return lambda env: step(inner(env))
    if kind is sympy.DiracDelta:  # derivative of a step: zero almost everywhere
        inner = args[0]
        return lambda env: 0 * inner(env)
    if kind in ops.functions:
        fn, (inner,) = ops.functions[kind], args
        return lambda env: fn(inner(env))
    if kind in _RELATIONS:
        rel, (a, b) = _RELATIONS[kind], args
        return lambda env: rel(a(env), b(env))
    if kind is sympy.And:
        return lambda env: reduce(lambda a, b: a & b, (f(env) for f in args))
    if kind is sympy.Or:
        return lambda env: reduce(lambda a, b: a | b, (f(env) for f in args))
    if kind is sympy.Not:
        inner = args[0]
        return lambda env: _negate(inner(env))
    if isinstance(expr, sympy.logic.boolalg.BooleanTrue):
        return lambda env: True
    if isinstance(expr, sympy.logic.boolalg.BooleanFalse):
        return lambda env: False
    if kind is sympy.Piecewise:
        branches = [(_compile(e, ops), _compile(c, ops)) for e, c in expr.args]
        where = ops.where  # closures hold plain functions only, so compilers can trace them

        def piecewise(env):
            value, pending = float("nan"), []  # sympy leaves uncovered inputs undefined
            for branch, cond in branches:
                taken = cond(env)
                if not isinstance(taken, bool):
                    pending.append((taken, branch))
                elif taken:  # a scalar condition holds: later branches are never evaluated
                    value = branch(env)
                    break
            for taken, branch in reversed(pending):
                value = where(taken, branch(env), value, env["x"])
            return value

        return piecewise
    raise FormulaError(f"cannot compile {kind.__name__} in {expr}")


def _negate(cond: Any) -> Any:
    return ~cond if isinstance(cond, torch.Tensor) else not cond


def _product(expr: sympy.Mul, args: list[Callable[[Env], Any]], ops: _Ops
             ) -> Callable[[Env], Any]:
    """A product whose squares cannot overflow or underflow early: ``c u^2 / v^2`` is computed
    as ``c * (u/v) * (u/v)`` and ``c u^2`` as ``c * u * u`` (StarReLU's ``s relu(x)^2`` at x =
    257.75 in float16; ``x^2 / sigma^2`` when ``x^2`` underflows)."""
    factors = list(zip(expr.args, args))
    squares = [a for a, _ in factors if a.is_Pow and a.exp == 2]
    inverse = [a for a, _ in factors if a.is_Pow and a.exp == -2]
    if not inverse and (not squares or expr.args[0] in squares):
        return lambda env: reduce(lambda a, b: a * b, (f(env) for f in args))
    pairs = [sympy.Mul(u.base, 1 / v.base, evaluate=False) for u, v in zip(squares, inverse)]
    paired = {*squares[:len(pairs)], *inverse[:len(pairs)]}
    twice = [_compile(u.base, ops) for u in squares[len(pairs):]]
    twice += [_ratio(_compile(p.args[0], ops), _compile(p.args[1].base, ops)) for p in pairs]
    once = [f for a, f in factors if a not in paired and a not in squares]

    def product(env):
        values = [f(env) for f in once]
        for f in twice:
            value = f(env)
            values += [value, value]
        return reduce(lambda a, b: a * b, values)

    return product


def _ratio(top: Callable[[Env], Any], bottom: Callable[[Env], Any]) -> Callable[[Env], Any]:
    return lambda env: top(env) / bottom(env)


def _sequence(exprs: Sequence[sympy.Expr], ops: _Ops, given: Definitions = ()
              ) -> Callable[[Env], list[Any]]:
    """Compile several expressions with their common subexpressions computed once; ``given``
    symbols are computed first, in order, from their definitions."""
    replacements, reduced = sympy.cse(list(exprs), optimizations=None)
    steps = [(sym.name, _compile(sub, ops)) for sym, sub in [*given, *replacements]]
    outputs = [_compile(e, ops) for e in reduced]

    def run(env: Env) -> list[Any]:
        scope = dict(env)
        for name, step in steps:
            scope[name] = step(scope)
        return [out(scope) for out in outputs]

    return run
