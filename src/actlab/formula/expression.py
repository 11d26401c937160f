"""The safe formula language: text -> validated sympy expression -> torch / mpmath / LaTeX.

A formula is one arithmetic expression in the variable ``x`` and declared parameters::

    x * sigmoid(beta * x)
    where(x > 0, x, alpha * expm1(x))

Text is parsed with Python's :mod:`ast` and every node is checked against a whitelist before any
sympy object is built; nothing is ever passed to ``eval``, ``exec``, ``sympify`` or ``pickle``.
The resulting sympy expression is the single source for the torch function, the high-precision
mpmath reference, the symbolic derivative and the LaTeX rendering.
"""

from __future__ import annotations

import ast
import difflib
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, reduce
from typing import Any

import mpmath
import sympy
import torch
import torch.nn.functional as F
from sympy.codegen.cfunctions import expm1, log1p

from actlab.errors import FormulaError

__all__ = ["Formula", "parse", "FUNCTIONS", "X"]

MAX_LENGTH = 2_000
MAX_NODES = 400
MAX_DEPTH = 40
MAX_EXPONENT = 64
MAX_CONSTANT = 1e300

X = sympy.Symbol("x", real=True)
RESERVED = {"x", "pi", "e"}


# --- functions sympy lacks, with their derivatives in the same vocabulary --------------------


class _RealFunction(sympy.Function):
    """A real function of one real argument, rendered with a LaTeX name."""

    latex_name = ""
    mp_eval: Callable[[mpmath.mpf], mpmath.mpf]  # the value at mpmath's working precision

    @classmethod
    def eval(cls, arg):  # keep symbolic: evaluation belongs to the backends
        return None

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer):
        return rf"{self.latex_name}\left({printer._print(self.args[0])}\right)"

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


def _relu(z):
    return sympy.Max(0, z)


def _where(cond, a, b):
    return sympy.Piecewise((a, cond), (b, True))


def _clamp(z, low, high):
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

_BINOPS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}
_COMPARE = {
    ast.Lt: sympy.StrictLessThan,
    ast.LtE: sympy.LessThan,
    ast.Gt: sympy.StrictGreaterThan,
    ast.GtE: sympy.GreaterThan,
    ast.Eq: sympy.Eq,
    ast.NotEq: sympy.Ne,
}
_ALLOWED = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load, ast.Call,
    ast.Compare, ast.BoolOp, ast.And, ast.Or, ast.Not, ast.USub, ast.UAdd, ast.Pow,
    *_BINOPS, *_COMPARE,
)  # fmt: skip


# --- parsing ----------------------------------------------------------------------------------


def parse(text: str, params: Iterable[str] = ()) -> sympy.Expr:
    """Parse ``text`` into a sympy expression in ``x`` and ``params``; raise FormulaError."""
    params = tuple(params)
    for name in params:
        if not name.isidentifier() or name in RESERVED or name in FUNCTIONS:
            raise FormulaError(f"invalid parameter name {name!r}: use an identifier other than "
                               f"x, pi, e and the function names")
    tree = _ast(text)
    _check_shape(tree)
    expr = _Builder(text, {p: sympy.Symbol(p, real=True) for p in params}).expr(tree.body)
    if not isinstance(expr, sympy.Expr):
        raise FormulaError("a formula must be a number-valued expression, not a condition")
    if expr.has(sympy.zoo, sympy.oo, -sympy.oo, sympy.nan, sympy.I):
        raise FormulaError(f"{text!r} has an infinite, undefined or complex constant part")
    return expr


def _ast(text: str) -> ast.Expression:
    if not isinstance(text, str):
        raise FormulaError(f"a formula must be a string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"formula is {len(text)} characters long; the limit is {MAX_LENGTH}")
    if not text.strip():
        raise FormulaError("formula is empty; write an expression in x, e.g. 'x * sigmoid(x)'")
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth > MAX_DEPTH:
            raise FormulaError(f"formula nests deeper than {MAX_DEPTH} parentheses")
    try:
        return ast.parse(text.strip(), mode="eval")
    except SyntaxError as err:
        col = f" at column {err.offset}" if err.offset else ""
        raise FormulaError(f"cannot parse {text!r}{col}: {err.msg}") from None
    except (MemoryError, RecursionError, ValueError) as err:
        raise FormulaError(f"cannot parse formula: {type(err).__name__}") from None


def _check_shape(tree: ast.AST) -> None:
    """Whitelist node types and bound size and depth, without recursion."""
    stack, count = [(tree, 0)], 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise FormulaError(f"formula has more than {MAX_NODES} syntax nodes")
        if depth > MAX_DEPTH:
            raise FormulaError(f"formula nests deeper than {MAX_DEPTH} levels")
        if not isinstance(node, _ALLOWED):
            raise FormulaError(f"{_describe(node)} is not allowed in a formula{_where_in(node)}")
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def _describe(node: ast.AST) -> str:
    names = {ast.Attribute: "attribute access", ast.Lambda: "lambda", ast.Subscript: "indexing",
             ast.keyword: "a keyword argument", ast.Starred: "star-arguments"}
    return names.get(type(node), f"syntax '{type(node).__name__}'")


def _where_in(node: ast.AST) -> str:
    return f" (column {node.col_offset + 1})" if hasattr(node, "col_offset") else ""


class _Builder:
    """Turns a whitelisted AST into sympy, checking names, arities, types and constants."""

    def __init__(self, text: str, params: dict[str, sympy.Symbol]):
        self.text, self.params = text, params

    def fail(self, node: ast.AST, message: str) -> FormulaError:
        return FormulaError(f"{message}{_where_in(node)} in {self.text!r}")

    def expr(self, node: ast.AST) -> sympy.Basic:
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.UnaryOp):
            operand = self.expr(node.operand)
            if isinstance(node.op, ast.Not):
                return sympy.Not(self.boolean(node.operand, operand))
            value = self.number(node.operand, operand)
            return -value if isinstance(node.op, ast.USub) else value
        if isinstance(node, ast.BinOp):
            left = self.number(node.left, self.expr(node.left))
            right = self.number(node.right, self.expr(node.right))
            if isinstance(node.op, ast.Pow):
                return self.power(node, left, right)
            return self.checked(node, _BINOPS[type(node.op)](left, right))
        if isinstance(node, ast.Compare):
            terms = [self.number(node.left, self.expr(node.left))]
            terms += [self.number(c, self.expr(c)) for c in node.comparators]
            parts = [_COMPARE[type(op)](a, b) for op, a, b in zip(node.ops, terms, terms[1:])]
            return sympy.And(*parts)
        if isinstance(node, ast.BoolOp):
            values = [self.boolean(v, self.expr(v)) for v in node.values]
            return (sympy.And if isinstance(node.op, ast.And) else sympy.Or)(*values)
        if isinstance(node, ast.Call):
            return self.call(node)
        raise self.fail(node, f"{_describe(node)} is not allowed")

    def constant(self, node: ast.Constant) -> sympy.Expr:
        value = node.value
        if type(value) is int:
            if abs(value) > MAX_CONSTANT:
                raise self.fail(node, "number too large")
            return sympy.Integer(value)
        if type(value) is float:
            if not math.isfinite(value):
                raise self.fail(node, "number is not finite")
            return sympy.Float(ast.get_source_segment(self.text.strip(), node) or repr(value))
        raise self.fail(node, f"only real numbers are allowed, not {type(value).__name__}")

    def name(self, node: ast.Name) -> sympy.Expr:
        if node.id == "x":
            return X
        if node.id in self.params:
            return self.params[node.id]
        if node.id == "pi":
            return sympy.pi
        if node.id == "e":
            return sympy.E
        if node.id in FUNCTIONS:
            raise self.fail(node, f"{node.id!r} is a function: call it, e.g. {node.id}(x)")
        declared = ", ".join(self.params) or "none"
        close = difflib.get_close_matches(node.id, [*self.params, "x", "pi", "e"], n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise self.fail(node, f"undeclared name {node.id!r}{hint} (declared parameters: "
                              f"{declared}; pass a parameter as name=default)")

    def call(self, node: ast.Call) -> sympy.Expr:
        if not isinstance(node.func, ast.Name):
            raise self.fail(node, "only the built-in functions can be called")
        fn = FUNCTIONS.get(node.func.id)
        if fn is None:
            close = difflib.get_close_matches(node.func.id, FUNCTIONS, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise self.fail(node, f"unknown function {node.func.id!r}{hint} "
                                  f"(functions: {', '.join(sorted(FUNCTIONS))})")
        low, high = fn.arity
        if not low <= len(node.args) <= high:
            want = str(low) if low == high else f"{low} to {high}"
            raise self.fail(node, f"{node.func.id}() takes {want} arguments, "
                                  f"got {len(node.args)}")
        args = [self.expr(a) for a in node.args]
        if node.func.id == "where":
            cond = self.boolean(node.args[0], args[0])
            values = [self.number(a, v) for a, v in zip(node.args[1:], args[1:])]
            return self.checked(node, fn.build(cond, *values))
        numbers = [self.number(a, v) for a, v in zip(node.args, args)]
        return self.checked(node, fn.build(*numbers))

    def power(self, node: ast.BinOp, base: sympy.Expr, exponent: sympy.Expr) -> sympy.Expr:
        if exponent.has(X):
            raise self.fail(node, "an exponent must not depend on x; write exp(u * log(b)) "
                                  "for a variable exponent")
        if exponent.is_number and abs(float(exponent)) > MAX_EXPONENT:
            raise self.fail(node, f"constant exponents are limited to +-{MAX_EXPONENT}")
        return self.checked(node, sympy.Pow(base, exponent))

    def checked(self, node: ast.AST, value: sympy.Expr) -> sympy.Expr:
        if value.is_number:
            if value.has(sympy.I) or not value.is_extended_real:
                raise self.fail(node, "this constant part is not a real number")
            if not value.is_finite or abs(float(value)) > MAX_CONSTANT:
                raise self.fail(node, "this constant part is infinite or too large")
        return value

    def number(self, node: ast.AST, value: sympy.Basic) -> sympy.Expr:
        if not isinstance(value, sympy.Expr):
            raise self.fail(node, "a condition cannot be used as a number; use "
                                  "where(condition, a, b)")
        return value

    def boolean(self, node: ast.AST, value: sympy.Basic) -> sympy.Basic:
        if isinstance(value, sympy.Expr):
            raise self.fail(node, "expected a condition such as x > 0")
        return value


# --- compiling sympy to torch and mpmath ------------------------------------------------------


class _Ops:
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


def _tensor_or_number(fn: Callable[[torch.Tensor], torch.Tensor]) -> Callable[[Any], Any]:
    def apply(value):
        if isinstance(value, torch.Tensor):
            return fn(value)
        return fn(torch.tensor(value, dtype=torch.float64)).item()

    return apply


class _TorchOps(_Ops):
    functions = {
        sympy.exp: torch.exp, sympy.log: torch.log, log1p: torch.log1p, expm1: torch.expm1,
        sympy.sin: torch.sin, sympy.cos: torch.cos, sympy.tan: torch.tan,
        sympy.sinh: torch.sinh, sympy.cosh: torch.cosh, sympy.tanh: torch.tanh,
        sympy.asinh: torch.asinh, sympy.atan: torch.atan,
        sympy.erf: torch.erf, sympy.erfc: torch.erfc, sympy.Abs: torch.abs, sympy.sign: torch.sign,
        sigmoid: torch.sigmoid, softplus: F.softplus, logsigmoid: F.logsigmoid,
        normal_cdf: torch.special.ndtr,
    }  # fmt: skip
    functions = {k: _tensor_or_number(v) for k, v in functions.items()}

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

    @staticmethod
    def maximum(a, b):
        if not isinstance(a, torch.Tensor):
            a, b = b, a
        if not isinstance(a, torch.Tensor):
            return max(a, b)
        return torch.clamp(a, min=b) if not isinstance(b, torch.Tensor) else torch.maximum(a, b)

    @staticmethod
    def minimum(a, b):
        if not isinstance(a, torch.Tensor):
            a, b = b, a
        if not isinstance(a, torch.Tensor):
            return min(a, b)
        return torch.clamp(a, max=b) if not isinstance(b, torch.Tensor) else torch.minimum(a, b)

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
    functions = {
        sympy.exp: mpmath.exp, sympy.log: mpmath.log, log1p: mpmath.log1p, expm1: mpmath.expm1,
        sympy.sin: mpmath.sin, sympy.cos: mpmath.cos, sympy.tan: mpmath.tan,
        sympy.sinh: mpmath.sinh, sympy.cosh: mpmath.cosh, sympy.tanh: mpmath.tanh,
        sympy.asinh: mpmath.asinh, sympy.atan: mpmath.atan,
        sympy.erf: mpmath.erf, sympy.erfc: mpmath.erfc, sympy.Abs: abs, sympy.sign: mpmath.sign,
        **{fn: fn.mp_eval for fn in (sigmoid, softplus, logsigmoid, normal_cdf)},
    }  # fmt: skip

    @staticmethod
    def const(value):
        return mpmath.mpf(str(sympy.N(value, 60)))

    @staticmethod
    def power(exponent):
        return mpmath.power

    @staticmethod
    def maximum(a, b):
        return max(a, b)

    @staticmethod
    def minimum(a, b):
        return min(a, b)

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
        return lambda env: reduce(lambda a, b: a * b, (f(env) for f in args))
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


# --- the public object ------------------------------------------------------------------------


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
        """The symbolic derivative with respect to ``x`` or a parameter."""
        return sympy.diff(self.expr, self.symbol(wrt), order)

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


def _like(value: Any, x: torch.Tensor) -> torch.Tensor:
    """Broadcast a possibly constant result to the shape and dtype of ``x``."""
    if isinstance(value, torch.Tensor):
        return value if value.shape == x.shape else value.to(x.dtype).expand_as(x).clone()
    return torch.full_like(x, value)
