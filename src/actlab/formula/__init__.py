"""The safe formula language (see :mod:`actlab.formula.expression`)."""

from actlab.formula.expression import (
    FUNCTIONS,
    Definitions,
    Formula,
    X,
    logsigmoid,
    normal_cdf,
    parse,
    sigmoid,
    softplus,
)

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
