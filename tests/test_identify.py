"""The rediscovery detector: published functions in disguise are recognised, new ones are not."""

from __future__ import annotations

import warnings

import pytest

import actlab
from actlab.catalog.registry import CATALOG


def entry(matches, name):
    return next(m for m in matches if m.name == name)


def test_swish_with_beta_1702_is_swish_and_near_gelu():
    matches = actlab.identify("x*sigmoid(1.702*x)")
    swish = entry(matches, "swish")
    assert swish.equal and swish.symbolic and swish.params["beta"] == pytest.approx(1.702)
    gelu = entry(matches, "gelu")
    assert not gelu.equal and 1e-3 < gelu.distance < 0.05
    assert matches[0].name == "gelu_sigmoid" and matches[0].equal  # no parameter to fit
    others = [m.distance for m in matches if not m.equal]
    assert [m.equal for m in matches] == sorted((m.equal for m in matches), reverse=True)
    assert len(others) == 5 and others == sorted(others)


@pytest.mark.parametrize("formula, name, symbolic", [
    ("x*tanh(log(1+exp(x)))", "mish", True),
    ("max(x,0)**2", "relu_squared", True),
    ("x*exp(-exp(-x))", "golu", False),  # golu clamps its inner argument below -10
])  # fmt: skip
def test_published_functions_in_disguise_are_found(formula, name, symbolic):
    best = actlab.identify(formula, top=1)[0]
    assert (best.name, best.equal, best.symbolic) == (name, True, symbolic)
    assert best.distance <= 1e-6


def test_a_new_function_is_near_at_best_and_lists_five_entries():
    matches = actlab.identify("x * sin(x) + 0.1 * x**3")
    assert len(matches) == 5 and not any(m.equal for m in matches)
    assert [m.distance for m in matches] == sorted(m.distance for m in matches)


def test_define_warns_on_an_equal_and_stays_quiet_on_a_new_formula():
    with CATALOG.scratch():
        with pytest.warns(actlab.RediscoveryWarning, match="swish"):
            actlab.define("x * sigmoid(beta * x)", name="my_gate", beta=1.5)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            actlab.define("x * sin(x) + 0.1 * x**3", name="my_new")


def test_a_parametrized_formula_is_compared_at_its_given_values():
    best = actlab.identify("x * sigmoid(b * x)", top=1, b=0.5)[0]
    assert best.name == "swish" and best.params["beta"] == pytest.approx(0.5)


def test_a_bad_formula_is_one_clear_error():
    with pytest.raises(actlab.FormulaError, match="undeclared name"):
        actlab.identify("x * sigmoid(b * x)")
