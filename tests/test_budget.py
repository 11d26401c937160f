"""The work budget: structural limits on formulas, time budgets on rewrites and compilation."""

import itertools
import warnings

import pytest
import sympy
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import actlab
from actlab.errors import FormulaError
from actlab.formula import Formula, parsing
from actlab.ops import budget, optimize
from actlab.ops.compile import compiled

SLOW_BEFORE = {  # formulas that stalled preparation for minutes -> what the budget says now
    "((x**64)**64)**64": "polynomial degree 262144",
    "((sigmoid(x)+1)**64+1)**64": "polynomial degree 4096",
    "+".join(f"sigmoid({i}*x)" for i in range(1, 34)): "33 distinct functions",
}


@pytest.mark.parametrize("text", SLOW_BEFORE, ids=lambda t: t[:30])
def test_limits_are_checked_after_sympy_folds_the_formula(text):
    with pytest.raises(FormulaError, match=SLOW_BEFORE[text]):
        Formula(text)


def test_catalog_entries_are_far_inside_the_limits():
    from actlab.formula import budget as limits

    for spec in actlab.catalog():
        expr = spec.expression.expr
        assert limits.degree(expr) <= limits.MAX_DEGREE // 4, spec.name
        assert limits.transcendental_calls(expr) <= limits.MAX_TRANSCENDENTAL // 2, spec.name


def test_deadline_stops_sympy_and_leaves_nothing_pending():
    x = sympy.Symbol("x")
    with pytest.raises(budget.BudgetExceeded), budget.deadline(0.2):
        sympy.cancel(sum(1 / (1 + x**k) for k in range(1, 60)))
    total = sum(i for i in range(200_000))  # a late exception would land here
    assert total == 199_999 * 100_000


def test_a_rewrite_over_its_budget_is_skipped(monkeypatch):
    monkeypatch.setattr(budget, "REWRITE_SECONDS", 0.0)
    spec = actlab.define("x * tanh(softplus(1.0625 * x))")
    chosen = optimize.optimize(spec)
    assert chosen.forward.name == chosen.backward.name == "as written"


def test_compilation_over_its_budget_runs_eagerly_with_one_warning(monkeypatch):
    monkeypatch.setattr(budget, "COMPILE_SECONDS", 0.0)
    fast = compiled(lambda x: 3 * torch.exp(x))
    x = torch.linspace(-1, 1, 5)
    with pytest.warns(RuntimeWarning, match="took over 0 s"):
        torch.testing.assert_close(fast(x), 3 * torch.exp(x))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        torch.testing.assert_close(fast(x), 3 * torch.exp(x))


UNARY = [
    "exp",
    "sigmoid",
    "tanh",
    "softplus",
    "sin",
    "atan",
    "erf",
    "relu",
    "logsigmoid",
    "normal_cdf",
    "asinh",
    "expm1",
    "log1p",
    "sqrt",
    "cosh",
]
_distinct = itertools.count(1)


def formulas():
    """Random valid-looking formulas up to the length limit: sums and products of functions of
    scaled x, powers up to the exponent cap, nesting and where()."""
    leaves = st.one_of(
        st.just("x"),
        st.integers(1, 40).map(lambda k: f"{k}*x"),
        st.sampled_from(["0.5", "2", "1.25"]),
    )

    def extend(children):
        unary = st.tuples(st.sampled_from(UNARY), children).map(lambda t: f"{t[0]}({t[1]})")
        binary = st.tuples(children, st.sampled_from(["+", "-", "*", "/"]), children).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        )
        power = st.tuples(children, st.integers(2, parsing.MAX_EXPONENT)).map(
            lambda t: f"({t[0]})**{t[1]}"
        )
        cond = st.tuples(children, children).map(lambda t: f"where(x > 0, {t[0]}, {t[1]})")
        return unary | binary | power | cond

    return st.recursive(leaves, extend, max_leaves=40).filter(
        lambda t: len(t) <= parsing.MAX_LENGTH
    )


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(formulas())
def test_any_accepted_formula_is_prepared_within_its_budget(text):
    """Every formula define() accepts gives a working module; no stage runs unbounded (the
    rewrites share OPTIMIZE_SECONDS, each compilation has COMPILE_SECONDS)."""
    try:
        spec = actlab.define(f"{text} + {next(_distinct)}e-30")  # a fresh Spec, never cached
    except FormulaError:
        return
    act = actlab.get(spec, backend="fused")
    assert act.backend == "fused"
    y = actlab.get(spec, backend="eager")(torch.linspace(-2, 2, 9))
    assert y.shape == (9,)
