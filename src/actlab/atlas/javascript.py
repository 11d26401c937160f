"""Sympy to JavaScript: a formula and its derivative become one JavaScript arrow function.

The generated code calls only ``Math`` and the helpers of ``static/atlas.js`` (``A.sigmoid``,
``A.erf``...), which mirror the functions of the formula language. Parameters are read from an
object ``p``; common subexpressions are computed once.

>>> from actlab.formula import Formula
>>> f = Formula("x * sigmoid(beta * x)", ("beta",))
>>> print(function_source([f.expr, f.derivative()], ("beta",)))
(x, p) => {
 const _t0 = (p["beta"] * x);
 const _t1 = A.sigmoid(_t0);
 return [(_t1 * x), (_t1 + (_t0 * _t1 * A.sigmoid(((-1) * _t0))))];
}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy
from sympy.codegen.cfunctions import expm1, log1p

from actlab.errors import FormulaError
from actlab.formula import X
from actlab.formula.functions import logsigmoid, normal_cdf, sigmoid, softplus

# sympy function -> the JavaScript function that computes it
CALLS: dict[type, str] = {
    sympy.exp: "Math.exp", sympy.log: "Math.log", log1p: "Math.log1p", expm1: "Math.expm1",
    sympy.sin: "Math.sin", sympy.cos: "Math.cos", sympy.tan: "Math.tan",
    sympy.sinh: "Math.sinh", sympy.cosh: "Math.cosh", sympy.tanh: "Math.tanh",
    sympy.asinh: "Math.asinh", sympy.atan: "Math.atan", sympy.Abs: "Math.abs",
    sympy.sign: "Math.sign", sympy.Max: "Math.max", sympy.Min: "Math.min",
    sympy.erf: "A.erf", sympy.erfc: "A.erfc", sigmoid: "A.sigmoid", softplus: "A.softplus",
    logsigmoid: "A.logsigmoid", normal_cdf: "A.ndtr",
}  # fmt: skip
RELATIONS: dict[type, str] = {
    sympy.StrictLessThan: "<", sympy.LessThan: "<=", sympy.StrictGreaterThan: ">",
    sympy.GreaterThan: ">=", sympy.Equality: "===", sympy.Unequality: "!==",
}  # fmt: skip


def expression(expr: sympy.Basic, name: Callable[[sympy.Symbol], str] = str) -> str:
    """One JavaScript expression for ``expr``; every compound term is parenthesized.

    >>> from actlab.formula import parse
    >>> expression(parse("where(x > 0, x, expm1(x))"))
    '((x > 0) ? x : Math.expm1(x))'
    """
    printer = _Printer(name)
    return printer.print(expr)


def function_source(exprs: Sequence[sympy.Expr], params: Sequence[str] = ()) -> str:
    """``(x, p) => [value of each expr]`` with common subexpressions in local constants.

    Raises FormulaError for an expression the atlas cannot draw (a function with no JavaScript
    counterpart).
    """
    parameters = {sympy.Symbol(n, real=True): f"p[{_quote(n)}]" for n in params}
    temporaries = sympy.numbered_symbols("_t")
    replacements, reduced = sympy.cse(list(exprs), symbols=temporaries, optimizations=None)

    def name(symbol: sympy.Symbol) -> str:
        if symbol == X:
            return "x"
        return parameters.get(symbol, symbol.name)

    printer = _Printer(name)
    lines = [f" const {sym.name} = {printer.print(sub)};" for sym, sub in replacements]
    values = ", ".join(printer.print(e) for e in reduced)
    return "\n".join(["(x, p) => {", *lines, f" return [{values}];", "}"])


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Printer:
    """The recursive printer; ``name`` spells each free symbol."""

    def __init__(self, name: Callable[[sympy.Symbol], str]):
        self.name = name

    def print(self, expr: sympy.Basic) -> str:
        if isinstance(expr, sympy.Symbol):
            return self.name(expr)
        if isinstance(expr, sympy.Expr) and expr.is_number:
            return self.number(expr)
        kind = type(expr)
        args = expr.args
        if kind is sympy.Add:
            return "(" + " + ".join(self.print(a) for a in args) + ")"
        if kind is sympy.Mul:
            return "(" + " * ".join(self.print(a) for a in args) + ")"
        if kind is sympy.Pow:
            return self.power(*args)
        if kind is sympy.Piecewise:
            text = "NaN"  # sympy leaves uncovered inputs undefined
            for value, cond in reversed(args):
                text = (
                    self.print(value)
                    if cond is sympy.true
                    else f"({self.print(cond)} ? {self.print(value)} : {text})"
                )
            return text
        if kind is sympy.Heaviside:
            return f"A.step({self.print(args[0])})"
        if kind is sympy.DiracDelta:  # the derivative of a step: zero almost everywhere
            return f"(0 * {self.print(args[0])})"
        if kind in CALLS:
            return f"{CALLS[kind]}({', '.join(self.print(a) for a in args)})"
        if kind in RELATIONS:
            return f"({self.print(args[0])} {RELATIONS[kind]} {self.print(args[1])})"
        if kind in (sympy.And, sympy.Or):
            joiner = " && " if kind is sympy.And else " || "
            return "(" + joiner.join(self.print(a) for a in args) + ")"
        if kind is sympy.Not:
            return f"(!{self.print(args[0])})"
        if isinstance(expr, sympy.logic.boolalg.BooleanTrue):
            return "true"
        if isinstance(expr, sympy.logic.boolalg.BooleanFalse):
            return "false"
        raise FormulaError(f"cannot write {kind.__name__} in JavaScript (in {expr})")

    def number(self, expr: sympy.Expr) -> str:
        if expr.is_Integer:
            return f"({expr})" if expr < 0 else str(expr)
        value = float(expr.evalf(20))
        text = repr(value)
        if text in ("inf", "-inf", "nan"):
            return {"inf": "Infinity", "-inf": "(-Infinity)", "nan": "NaN"}[text]
        return f"({text})" if value < 0 else text

    def power(self, base: sympy.Expr, exponent: sympy.Expr) -> str:
        b = self.print(base)
        if exponent == sympy.Rational(1, 2):
            return f"Math.sqrt({b})"
        if exponent == -1:
            return f"(1 / {b})"
        if exponent == 2:
            return f"({b} * {b})" if isinstance(base, sympy.Symbol) else f"Math.pow({b}, 2)"
        return f"Math.pow({b}, {self.print(exponent)})"
