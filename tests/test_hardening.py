"""Bad input meets a clean actlab error, and models load the same everywhere: one regression test
per finding of the hardening review (parameters in range, pickles, raw exceptions, dtypes)."""

from __future__ import annotations

import json
import math
import pickle

import pytest
import torch

import actlab
from actlab.catalog import registry
from actlab.catalog.registry import CATALOG, digest
from actlab.errors import ActlabError, ParameterError, SpecError
from actlab.nn import bounds
from actlab.nn.learnable.rational import Rational

# --- parameters stay in range ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "param", "sign"),
    [("swish", "beta", 1), ("snake", "a", -1), ("leaky_relu", "negative_slope", -1)],
)
def test_one_big_step_leaves_parameters_in_range(name, param, sign):
    act = actlab.get(name, learnable=True, backend="eager")
    declared = next(p for p in act.spec.params if p.name == param)
    opt = torch.optim.SGD(act.parameters(), lr=10.0)
    x = torch.linspace(-3, 3, 200)
    # the loss whose gradient pushes the parameter across its bound
    loss = act(x).sum() if name != "snake" else -act(x).pow(2).sum()
    (sign * loss if name == "leaky_relu" else loss).backward()
    opt.step()
    value = getattr(act, param).item()
    declared.check(value)
    assert math.isfinite(act(x).sum().item())


def test_projection_puts_open_bounds_a_thousandth_of_the_way_to_the_default():
    snake_a = next(p for p in actlab.lookup("snake").params if p.name == "a")
    value = torch.tensor([-499.0, 0.0, 2.0])
    bounds.project(value, snake_a)
    assert value.tolist() == pytest.approx([1e-3, 1e-3, 2.0])


@pytest.mark.parametrize("bad", [-5.0, math.nan, math.inf])
def test_load_state_dict_rejects_out_of_range_and_non_finite(bad):
    act = actlab.get("swish", learnable=True, backend="eager")
    with pytest.raises(ParameterError, match=r"beta.*\[0, inf\)"):
        act.load_state_dict({"beta": torch.tensor(bad)})
    assert act.beta.item() == 1.0


def test_parameters_follow_the_module_dtype_at_full_precision():
    act = actlab.get("swish", beta=1.1, learnable=True, backend="eager").double()
    assert act.beta.dtype == torch.float64 and act.beta.item() == 1.1
    trained = actlab.get("swish", beta=1.1, backend="eager")
    with torch.no_grad():
        trained.beta.fill_(2.5)
    assert trained.double().beta.item() == 2.5  # a changed value is converted, not reset


# --- pickles ------------------------------------------------------------------------------------


def test_a_user_formula_loads_where_it_was_never_defined_and_never_swaps(scratch_registry):
    with CATALOG.scratch():
        actlab.define("x * sigmoid(k * x) + 0.125 * x", name="pickled_act", k=1.5)
        data = pickle.dumps(actlab.get("pickled_act", backend="eager"))
    act = pickle.loads(data)  # pickled_act is unknown here, as in a fresh process
    x = torch.linspace(-2, 2, 5)
    torch.testing.assert_close(act(x), x * torch.sigmoid(1.5 * x) + 0.125 * x)
    actlab.define("x * 2", name="pickled_act")
    with pytest.raises(SpecError, match="pickled 'pickled_act' is"):
        pickle.loads(data)


def test_shipped_entries_pickle_by_name_and_check_their_digest(monkeypatch):
    gelu = actlab.lookup("gelu")
    data = pickle.dumps(gelu)
    assert pickle.loads(data) is gelu and b"gelu" in data and gelu.formula.encode() not in data
    monkeypatch.setattr(registry, "digest", lambda spec: "0" * 16)
    with pytest.raises(SpecError, match="computes something else"):
        pickle.loads(data)
    assert len(digest(gelu)) == 16


# --- clean errors instead of raw exceptions -----------------------------------------------------

BAD_CALLS = {
    "get beta=1e300 (float32 overflow)": lambda: actlab.get("swish", beta=1e300),
    "get(None)": lambda: actlab.get(None),
    "get(123)": lambda: actlab.get(123),
    "beta=tensor([])": lambda: actlab.get("swish", beta=torch.tensor([])),
    "define k='abc'": lambda: actlab.define("x * k", k="abc"),
    "define k=None": lambda: actlab.define("x * k", k=None),
    "define name=123": lambda: actlab.define("x", name=123),
    "define k='1.5'": lambda: actlab.define("x * k", k="1.5"),
    "define k=True": lambda: actlab.define("x * k", k=True),
    "meta tensor": lambda: actlab.get("relu")(torch.empty(3, device="meta")),
    "Rational degree 10**6": lambda: Rational(degree=(10**6, 1)),
    "fit degree 10**6": lambda: actlab.fit("tanh", "hermite", degree=10**6),
}


@pytest.mark.parametrize("call", BAD_CALLS.values(), ids=BAD_CALLS)
def test_bad_input_raises_an_actlab_error(call, scratch_registry):
    with pytest.raises(ActlabError):
        call()


@pytest.mark.parametrize("table", [{"copy": "fast"}, "list", {"exp": 10**400}, {"exp": None}])
def test_a_wrong_cost_table_in_the_cache_falls_back_to_the_reference(table, fresh_cache):
    from actlab.ops import costs
    from actlab.ops.machine import machine_file

    reference = json.loads(costs.REFERENCE_TABLE.read_text())
    broken = table if isinstance(table, str) else {**reference, **table}
    path = machine_file("costs", "cpu")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(broken) if isinstance(table, dict) else "[1, 2]")
    assert dict(costs.table_for("cpu")) == reference
    assert actlab.get("mish").backend == "fused"


def test_the_machine_cache_honours_xdg_cache_home(monkeypatch, tmp_path):
    from actlab.ops.machine import cache_dir

    monkeypatch.delenv("ACTLAB_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "actlab"


# --- tails ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("silu", {}, [0.0, 1.0]),
        ("gelu", {}, [0.0, 1.0]),
        ("mish", {}, [0.0, 1.0]),
        ("leaky_relu", {"negative_slope": 0.2}, [0.2, 1.0]),
        ("softplus", {}, [0.0, 1.0]),
    ],
)
@pytest.mark.parametrize("backend", ["eager", "fused"])
def test_gradients_at_infinity_are_the_limits(name, params, expected, backend, no_compile):
    x = torch.tensor([-math.inf, math.inf], requires_grad=True)
    actlab.get(name, backend=backend, **params)(x).sum().backward()
    assert x.grad.tolist() == pytest.approx(expected)


def test_fused_keeps_the_channels_last_layout(no_compile):
    x = torch.randn(2, 3, 4, 5).to(memory_format=torch.channels_last)
    y = actlab.get("mish", backend="fused")(x)
    assert y.is_contiguous(memory_format=torch.channels_last)
    torch.testing.assert_close(y, actlab.get("mish", backend="eager")(x))
