"""The search space: core units b(u1(x1), u2(x2)) over the formula language, as in the Swish
search (Ramachandran et al. 2017, "Searching for Activation Functions", arXiv:1710.05941), with
deduplication and rejection before any training.

A candidate is an expression tree: a :class:`Unit` applies a binary function to two unary
functions of its inputs, each input being ``x`` or another unit. Its formula text is ordinary
formula-language text (``beta`` is one parameter, default 1), so every candidate is a verified,
differentiable entry the moment it is written. Two candidates are the same function when their
canonical sympy forms (:func:`actlab.catalog.identify.elementary`) or their numeric fingerprints
(values on a fixed sample, rounded to 6 significant digits) agree.

>>> grammar = Grammar.swish()
>>> len(grammar.unary), len(grammar.binary)
(23, 10)
>>> unit = Unit("mul", "identity", "sigmoid")
>>> unit.formula(grammar)
'(x) * (sigmoid(x))'
"""

from __future__ import annotations

import math
import random
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import sympy
import torch

from actlab.catalog.identify import elementary
from actlab.errors import ActlabError
from actlab.formula import Formula

PARAMS = ("beta",)  # the one parameter a candidate may use, at its default 1.0
DEFAULTS = {"beta": 1.0}


class SearchError(ActlabError, ValueError):
    """A search that cannot run: an empty grammar, a zero budget, nothing left after rejection."""


# u(z) for the Swish search's unary set; {} is the argument.
SWISH_UNARY: dict[str, str] = {
    "identity": "{}", "neg": "-({})", "abs": "abs({})", "square": "({})**2", "cube": "({})**3",
    "sqrt": "sqrt({})", "scale": "beta * ({})", "shift": "({}) + beta",
    "log_abs": "log(abs({}) + 1e-7)", "exp": "exp({})", "sin": "sin({})", "cos": "cos({})",
    "sinh": "sinh({})", "cosh": "cosh({})", "tanh": "tanh({})", "asinh": "asinh({})",
    "atan": "atan({})", "relu": "max({}, 0)", "min0": "min({}, 0)", "sigmoid": "sigmoid({})",
    "softplus": "softplus({})", "gauss": "exp(-({})**2)", "erf": "erf({})",
}  # fmt: skip
# b(a, b) for the Swish search's binary set; {a} and {b} are the two arguments.
SWISH_BINARY: dict[str, str] = {
    "add": "({a}) + ({b})", "mul": "({a}) * ({b})", "sub": "({a}) - ({b})",
    "div": "({a}) / (({b}) + 1e-7)", "max": "max({a}, {b})", "min": "min({a}, {b})",
    "sigmoid_mul": "sigmoid({a}) * ({b})", "gauss_dist": "exp(-beta * (({a}) - ({b}))**2)",
    "laplace_dist": "exp(-beta * abs(({a}) - ({b})))",
    "mix": "beta * ({a}) + (1 - beta) * ({b})",
}  # fmt: skip


@dataclass(frozen=True)
class Grammar:
    """Named unary and binary functions (formula templates) that core units combine."""

    unary: Mapping[str, str]
    binary: Mapping[str, str]

    def __post_init__(self) -> None:
        if not self.unary or not self.binary:
            raise SearchError("the grammar needs at least one unary and one binary function")
        for name, template in {**self.unary, **self.binary}.items():
            text = template.format("x") if name in self.unary else template.format(a="x", b="x")
            try:
                Formula(text, PARAMS)
            except ActlabError as err:
                raise SearchError(f"grammar function {name!r} = {template!r}: {err}") from None

    @classmethod
    def swish(cls) -> Grammar:
        """The unary and binary sets of the Swish search (its ``sinc`` left out: the formula
        language has no removable singularity at 0)."""
        return cls(SWISH_UNARY, SWISH_BINARY)


@dataclass(frozen=True)
class Unit:
    """``binary(u1(left), u2(right))``; ``left`` and ``right`` are ``"x"`` or units."""

    binary: str
    u1: str
    u2: str
    left: str | Unit = "x"
    right: str | Unit = "x"

    def formula(self, grammar: Grammar) -> str:
        def side(unary: str, arg: str | Unit) -> str:
            inner = "x" if arg == "x" else arg.formula(grammar)
            return grammar.unary[unary].format(inner)

        return grammar.binary[self.binary].format(
            a=side(self.u1, self.left), b=side(self.u2, self.right)
        )

    @property
    def size(self) -> int:
        """The number of core units in the tree."""
        return 1 + sum(a.size for a in (self.left, self.right) if isinstance(a, Unit))

    def subtrees(self) -> Iterator[tuple[tuple[str, ...], Unit]]:
        """Every unit of the tree with its path (a sequence of "left"/"right")."""
        yield (), self
        for side in ("left", "right"):
            child = getattr(self, side)
            if isinstance(child, Unit):
                for path, unit in child.subtrees():
                    yield (side, *path), unit

    def replace_at(self, path: tuple[str, ...], unit: str | Unit) -> str | Unit:
        """This tree with the subtree at ``path`` replaced by ``unit``."""
        if not path:
            return unit
        head, *rest = path
        child = getattr(self, head)
        assert isinstance(child, Unit)
        replaced = child.replace_at(tuple(rest), unit)
        return Unit(
            self.binary,
            self.u1,
            self.u2,
            *((replaced, self.right) if head == "left" else (self.left, replaced)),
        )


def random_unit(grammar: Grammar, rng: random.Random, max_units: int = 1) -> Unit:
    """A random tree of at most ``max_units`` core units."""

    def arg(budget: int) -> str | Unit:
        return random_unit(grammar, rng, budget) if budget >= 1 and rng.random() < 0.5 else "x"

    budget = max_units - 1
    left = arg(budget // 2 + budget % 2)
    right = arg(budget // 2)
    return Unit(
        rng.choice(sorted(grammar.binary)),
        rng.choice(sorted(grammar.unary)),
        rng.choice(sorted(grammar.unary)),
        left,
        right,
    )


# ---------------------------------------------------------------------------------------------
# candidates: canonical form, fingerprint, rejection

SAMPLE = torch.cat(
    [
        torch.linspace(-6, 6, 97, dtype=torch.float64) + 0.0123,
        torch.tensor([-0.5, -0.1, 0.1, 0.5], dtype=torch.float64),
    ]
)
GROWTH_LIMIT = 1e3  # |f| above this on [-6, 6] is exploding growth
FLAT_FRACTION = 0.9  # gradient zero on this fraction of the test range: nothing to learn


@dataclass(frozen=True)
class Candidate:
    """A formula of the search: its text, canonical form and fingerprint."""

    formula: str

    @cached_property
    def parsed(self) -> Formula:
        return Formula(self.formula, PARAMS)

    @cached_property
    def function(self) -> Callable[..., list[torch.Tensor]]:
        return self.parsed.torch_function()

    @cached_property
    def elementary(self) -> sympy.Expr:
        """The sympy form with the helper functions written out in exp, log and erf."""
        return elementary(self.parsed.expr)

    @cached_property
    def canonical(self) -> str:
        """The elementary form as text: equal texts, equal function."""
        return str(self.elementary)

    @cached_property
    def values(self) -> np.ndarray:
        """Float64 values on :data:`SAMPLE` (NaN where undefined)."""
        return _values(self.function, SAMPLE, torch.float64)

    @cached_property
    def fingerprint(self) -> tuple[float, ...]:
        """The values rounded to 6 significant digits (tiny values to 0): equal functions whose
        float evaluation differs in the last bits share it."""
        v = np.where(np.abs(self.values) < 1e-9, 0.0, self.values)
        return tuple(float(f"{x:.6g}") for x in v)

    def rejection(self) -> str | None:
        """Why this candidate is not worth training, or None: non-finite on [-6, 6] in float64
        or float32, exploding growth, zero gradient almost everywhere, a non-finite gradient,
        a periodic function of an exponentially growing argument (it oscillates ever faster, and
        its limits at infinity cannot be evaluated)."""
        if _periodic_of_exponential(self.elementary):
            return "periodic function of an exponential"
        if not np.isfinite(self.values).all():
            return "non-finite on [-6, 6]"
        if not np.isfinite(_values(self.function, SAMPLE, torch.float32)).all():
            return "non-finite in float32"
        if np.abs(self.values).max() > GROWTH_LIMIT:
            return "exploding growth"
        x = SAMPLE.clone().requires_grad_()
        (y,) = self.function(x, **DEFAULTS)
        if not y.requires_grad:
            return "zero gradient everywhere"
        (g,) = torch.autograd.grad(y.sum(), x)
        if not g.isfinite().all():
            return "non-finite gradient"
        if (g.abs() < 1e-8).double().mean() >= FLAT_FRACTION:
            return "zero gradient almost everywhere"
        return None


def _periodic_of_exponential(expr: sympy.Expr) -> bool:
    periodic = (sympy.sin, sympy.cos, sympy.tan)
    growing = (sympy.exp, sympy.sinh, sympy.cosh)
    return any(
        isinstance(node, periodic) and node.args[0].has(*growing)
        for node in sympy.preorder_traversal(expr)
    )


def _values(
    function: Callable[..., list[torch.Tensor]], x: torch.Tensor, dtype: torch.dtype
) -> np.ndarray:
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            (y,) = function(x.to(dtype), **DEFAULTS)
    except (ArithmeticError, RuntimeError, ValueError):
        return np.full(x.shape, np.nan)
    return y.to(torch.float64).numpy()


@dataclass(frozen=True)
class Enumeration:
    """The one-core-unit space: every string, the unique functions, the survivors."""

    strings: int
    unique: tuple[Candidate, ...]
    survivors: tuple[Candidate, ...]
    rejected: Mapping[str, int]  # reason -> unique functions rejected for it


class Deduplicator:
    """Remembers canonical forms and fingerprints; ``first(candidate)`` says whether the
    candidate is a function not seen before."""

    def __init__(self) -> None:
        self._canonical: set[str] = set()
        self._fingerprints: set[tuple[float, ...]] = set()

    def first(self, candidate: Candidate) -> bool:
        if candidate.canonical in self._canonical:
            return False
        self._canonical.add(candidate.canonical)
        fingerprint = candidate.fingerprint
        seen = fingerprint in self._fingerprints
        if math.isfinite(sum(fingerprint)):
            self._fingerprints.add(fingerprint)
        return not seen


def enumerate_units(
    grammar: Grammar, progress: Callable[[int, int], None] | None = None
) -> Enumeration:
    """Every one-core-unit candidate b(u1(x), u2(x)), merged and filtered.

    ``progress(done, total)`` is called every 200 strings.
    """
    units = [
        Unit(b, u1, u2)
        for b in sorted(grammar.binary)
        for u1 in sorted(grammar.unary)
        for u2 in sorted(grammar.unary)
    ]
    seen, unique, survivors, rejected = Deduplicator(), [], [], {}
    for i, unit in enumerate(units):
        candidate = Candidate(unit.formula(grammar))
        if seen.first(candidate):
            unique.append(candidate)
            reason = candidate.rejection()
            if reason is None:
                survivors.append(candidate)
            else:
                rejected[reason] = rejected.get(reason, 0) + 1
        if progress is not None and (i + 1) % 200 == 0:
            progress(i + 1, len(units))
    if not survivors:
        raise SearchError(
            f"every one of the {len(units)} candidates of the grammar is rejected "
            f"({', '.join(f'{k}: {v}' for k, v in rejected.items())})"
        )
    return Enumeration(len(units), tuple(unique), tuple(survivors), rejected)
