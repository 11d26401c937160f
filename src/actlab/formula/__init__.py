"""The safe formula language: text -> validated sympy expression -> torch / mpmath / LaTeX.

A formula is one arithmetic expression in the variable ``x`` and declared parameters::

    x * sigmoid(beta * x)
    where(x > 0, x, alpha * expm1(x))

Text is parsed with Python's :mod:`ast` and every node is checked against a whitelist before any
sympy object is built; nothing is ever passed to ``eval``, ``exec``, ``sympify`` or ``pickle``.
The resulting sympy expression is the single source for the torch function, the high-precision
mpmath reference, the symbolic derivative and the LaTeX rendering.

Modules: :mod:`~actlab.formula.functions` (the callable functions), :mod:`~actlab.formula.parsing`
(text to sympy), :mod:`~actlab.formula.targets` (sympy to torch and mpmath) and
:mod:`~actlab.formula.expression` (the :class:`Formula` object).
"""

from actlab.formula.expression import Formula
from actlab.formula.functions import FUNCTIONS, logsigmoid, normal_cdf, sigmoid, softplus
from actlab.formula.parsing import X, parse
from actlab.formula.targets import Definitions

__all__ = [
    "FUNCTIONS",
    "Definitions",
    "Formula",
    "X",
    "logsigmoid",
    "normal_cdf",
    "parse",
    "sigmoid",
    "softplus",
]
