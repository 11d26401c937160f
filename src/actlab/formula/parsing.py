"""Text to sympy: the formula's syntax is checked against a whitelist and bounded in size before
any sympy object is built."""

from __future__ import annotations

import ast
import difflib
import math
from collections.abc import Iterable

import sympy

from actlab.errors import FormulaError
from actlab.formula import budget
from actlab.formula.functions import FUNCTIONS

MAX_LENGTH = 2_000
MAX_NODES = 400
MAX_DEPTH = 40
MAX_EXPONENT = 64
MAX_CONSTANT = 1e300

X = sympy.Symbol("x", real=True)
RESERVED = {"x", "pi", "e"}


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
    budget.check(expr)
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
