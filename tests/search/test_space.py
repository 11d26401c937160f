"""The core-unit space: equal functions merge, bad candidates are rejected before training."""

from __future__ import annotations

import pytest

from actlab.search import Candidate, Grammar, SearchError, Unit, enumerate_units
from actlab.search.space import Deduplicator


@pytest.mark.parametrize("a, b", [
    ("x * sigmoid(x)", "x / (1 + exp(-x))"),
    ("(x) * (sigmoid(x))", "sigmoid(x) * x"),
    ("max(x, 0)", "relu(x)"),
    ("x * tanh(softplus(x))", "x * tanh(log(1 + exp(x)))"),
    ("sinh(x)", "(exp(x) - exp(-x)) / 2"),
])  # fmt: skip
def test_equivalent_strings_merge(a, b):
    seen = Deduplicator()
    assert seen.first(Candidate(a))
    assert not seen.first(Candidate(b))


def test_different_functions_do_not_merge():
    seen = Deduplicator()
    assert seen.first(Candidate("x * sigmoid(x)"))
    assert seen.first(Candidate("x * sigmoid(1.001 * x)"))


@pytest.mark.parametrize("formula, reason", [
    ("sqrt(x)", "non-finite on [-6, 6]"),
    ("log(x + 3)", "non-finite on [-6, 6]"),
    ("exp(x) * cosh(x)**2", "exploding growth"),
    ("x * exp(100 * x) / (1 + exp(100 * x))", "non-finite in float32"),
    ("heaviside(x)", "zero gradient everywhere"),
    ("relu(x - 5.5)", "zero gradient almost everywhere"),
    ("beta + 1", "zero gradient everywhere"),
    ("sign(x) * 2", "zero gradient almost everywhere"),
    ("cos(min(sin(x), sinh(x))) - tanh(x)", "periodic function of an exponential"),
    ("x * sigmoid(x)", None),
])  # fmt: skip
def test_rejection_rules_catch_planted_bad_candidates(formula, reason):
    assert Candidate(formula).rejection() == reason


def test_the_one_unit_space_of_a_small_grammar_enumerates_merges_and_filters():
    grammar = Grammar(
        {"identity": "{}", "neg": "-({})", "sigmoid": "sigmoid({})", "sqrt": "sqrt({})"},
        {"mul": "({a}) * ({b})", "add": "({a}) + ({b})"},
    )
    space = enumerate_units(grammar)
    assert space.strings == 2 * 4 * 4
    formulas = {c.canonical for c in space.unique}
    assert len(formulas) == len(space.unique) < space.strings  # x*(-x) == (-x)*x ...
    assert all(c.rejection() is None for c in space.survivors)
    assert space.rejected["non-finite on [-6, 6]"] >= 1  # sqrt of negative x


def test_trees_render_to_formulas_and_replace_subtrees():
    grammar = Grammar.swish()
    inner = Unit("add", "identity", "sin")
    tree = Unit("mul", "identity", "sigmoid", "x", inner)
    assert tree.formula(grammar) == "(x) * (sigmoid((x) + (sin(x))))"
    assert tree.size == 2 and [p for p, _ in tree.subtrees()] == [(), ("right",)]
    assert tree.replace_at(("right",), "x") == Unit("mul", "identity", "sigmoid")


def test_an_empty_grammar_or_one_whose_every_candidate_is_rejected_is_one_clear_error():
    with pytest.raises(SearchError, match="at least one unary"):
        Grammar({}, {"add": "({a}) + ({b})"})
    with pytest.raises(SearchError, match="'bad'"):
        Grammar({"bad": "foo({})"}, {"add": "({a}) + ({b})"})
    with pytest.raises(SearchError, match="every one of the 1 candidates"):
        enumerate_units(Grammar({"sqrt": "sqrt({})"}, {"add": "({a}) + ({b})"}))
