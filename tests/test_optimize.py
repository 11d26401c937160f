"""The formula optimizer: rewrites, cost model and the accuracy gate."""

import json

import pytest
import sympy
import torch

import actlab
from actlab.formula import X
from actlab.ops import costs, optimize
from actlab.ops.machine import machine_file
from actlab.ops.optimize import Form, cost, exp_rational

# a fixed table: transcendental calls expensive, tanh and log1p worst, arithmetic nearly free
TABLE = {name: 0.01 for name in costs.PRIMITIVES} | {
    "copy": 1.0, "exp": 1.0, "expm1": 1.2, "log": 1.5, "log1p": 6.0, "sigmoid": 1.2,
    "softplus": 7.0, "logsigmoid": 7.0, "tanh": 5.0, "erf": 2.5, "normal_cdf": 3.0, "sin": 1.0,
    "cos": 1.0, "pow": 8.0, "asinh": 40.0, "atan": 2.5, "sinh": 2.0, "cosh": 2.0, "tan": 3.0,
    "erfc": 3.0, "sqrt": 0.3, "rsqrt": 0.3,
}  # fmt: skip


@pytest.fixture
def fixed_table(monkeypatch):
    monkeypatch.setattr(optimize, "table_for", lambda device_type="cpu": TABLE)
    return lambda spec: optimize.optimize.__wrapped__(actlab.lookup(spec))


def test_mish_needs_one_exp_forward_and_backward(fixed_table):
    chosen = fixed_table("mish")
    assert chosen.forward.name == chosen.backward.name == "exp-rational"
    assert chosen.forward.primitives == chosen.backward.primitives == ("exp",)
    assert chosen.written_forward.cost > 3 * chosen.forward.cost


def test_exp_rational_has_no_negative_powers_and_is_exact():
    (form,) = exp_rational((X * sympy.tanh(sympy.log(1 + sympy.exp(X))),)).exprs
    (E, definition), = exp_rational((sympy.tanh(X),)).given
    assert definition == sympy.exp(-sympy.Abs(X))
    for piece, _ in form.args:
        assert not any(p.exp.is_negative for p in piece.atoms(sympy.Pow) if p.base.is_Symbol)


def test_a_cheaper_but_less_accurate_rewrite_is_rejected(fixed_table):
    # (1 - E^2) / (1 + E^2) is cheaper than tanh but loses relative accuracy near 0
    written = (actlab.lookup("tanh").expression.expr,)
    candidate = exp_rational(written).costed(TABLE)
    assert candidate.cost < Form("as written", written).costed(TABLE).cost
    assert fixed_table("tanh").forward.name != "exp-rational"


def test_unstable_rewrite_is_rejected(fixed_table, scratch_registry):
    # the exp form of softplus, log(1 + exp(x)), is cheaper here but overflows for large x
    spec = actlab.define("2 * softplus(x)", name="twice_softplus")
    assert optimize.exp_form((spec.expression.expr,)).costed(TABLE).cost < \
        Form("as written", (spec.expression.expr,)).costed(TABLE).cost
    assert fixed_table(spec).forward.name != "exp form"
    y = actlab.fn(spec, backend="fused")(torch.tensor([100.0, 1e30]))
    torch.testing.assert_close(y, torch.tensor([200.0, 2e30]))


def test_cost_counts_shared_subexpressions_once():
    shared = Form("f", (sympy.exp(X) * X, sympy.exp(X) + 1))
    assert cost(shared, TABLE)[1] == ("exp",)
    assert cost(Form("g", (sympy.tanh(X),)), TABLE)[0] > cost(Form("h", (sympy.exp(X),)), TABLE)[0]


def test_cost_table_prefers_this_machines_calibration(fresh_cache):
    assert costs.table_for("cpu") == json.loads(costs.REFERENCE_TABLE.read_text())
    machine_file("costs", "cpu").write_text(json.dumps({**TABLE, "exp": 123.0}))
    costs.table_for.cache_clear()
    assert costs.table_for("cpu")["exp"] == 123.0


def test_measure_reports_copy_and_marginal_costs(monkeypatch):
    """With a stand-in clock (copy 0.6 ms; four identities 1 ms; four exps 3 ms) the table holds
    the copy time and the marginal cost of one exp: (3 - 1) / 4 ms."""
    durations = iter([0.6e-3, 1.0e-3, 3.0e-3])
    monkeypatch.setattr(costs, "best_seconds", lambda work, **_: (work(), next(durations))[1])
    measured = dict(costs.measure("cpu", names=["exp"]))
    assert measured == pytest.approx({"copy": 0.6, "exp": 0.5})
