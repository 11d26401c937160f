"""The public API: get, fn, catalog, register, define and their errors."""

import io
import pickle

import pytest
import torch

import actlab
from actlab import Citation, Param, ParameterError, Properties, Spec, SpecError, UnknownNameError
from actlab.errors import ForwardError, GatedBlockError
from actlab.nn import AdaptiveActivation
from actlab.nn.feedforward import BLOCKS


def test_get_returns_module_with_parameters_in_state_dict():
    act = actlab.get("leaky_relu", negative_slope=0.2)
    assert isinstance(act, torch.nn.Module)
    assert repr(act).startswith(
        f"Activation(leaky_relu, negative_slope=0.2, backend=auto (cpu: {act.backend}")
    state = act.state_dict()
    assert state["negative_slope"].item() == pytest.approx(0.2)
    other = actlab.get("leaky_relu")
    other.load_state_dict(state)
    x = torch.linspace(-2, 2, 9)
    torch.testing.assert_close(other(x), act(x))


def test_learnable_parameters_train():
    act = actlab.get("leaky_relu", learnable=True)
    assert [n for n, _ in act.named_parameters()] == ["negative_slope"]
    x = torch.linspace(-3, 3, 13)
    act(x).sum().backward()
    assert act.negative_slope.grad.item() == pytest.approx(x[x < 0].sum().item())


def test_fn_and_get_agree_and_aliases_resolve():
    x = torch.randn(64)
    torch.testing.assert_close(actlab.fn("lrelu", negative_slope=0.3)(x),
                               actlab.get("Leaky-ReLU", negative_slope=0.3)(x))
    assert actlab.fn("relu").__name__ == "relu"


def test_inplace_uses_native_op():
    x = torch.randn(32)
    out = actlab.get("relu", inplace=True)(x)
    assert out.data_ptr() == x.data_ptr() and (x >= 0).all()


def test_module_pickles():
    act = actlab.get("leaky_relu", negative_slope=0.05)
    buffer = io.BytesIO()
    torch.save(act, buffer)
    buffer.seek(0)
    clone = torch.load(buffer, weights_only=False)
    x = torch.randn(10)
    torch.testing.assert_close(clone(x), act(x))
    assert pickle.loads(pickle.dumps(act)).spec.name == "leaky_relu"
    prelu = actlab.get("prelu")  # its native op is a lambda: the Spec pickles by name
    assert pickle.loads(pickle.dumps(prelu)).spec is prelu.spec


def test_errors_name_the_fix():
    with pytest.raises(UnknownNameError, match="Did you mean: .*relu"):
        actlab.get("rleu")
    with pytest.raises(ParameterError, match=r"valid values are \[0, 1\)"):
        actlab.get("leaky_relu", negative_slope=1.5)
    with pytest.raises(ParameterError, match="no parameter 'slope'.*negative_slope"):
        actlab.fn("leaky_relu", slope=0.1)
    with pytest.raises(ParameterError, match="must be a number"):
        actlab.get("leaky_relu", negative_slope="big")
    with pytest.raises(ParameterError, match="learnable parameters need backend"):
        actlab.get("leaky_relu", learnable=True, backend="native")
    with pytest.raises(ParameterError, match="cannot run in place"):
        actlab.get(actlab.define("x * sigmoid(x)"), inplace=True)
    with pytest.raises(ParameterError, match="no native torch implementation"):
        actlab.get(actlab.define("x * sigmoid(x)"), backend="native")
    with pytest.raises(ParameterError, match="backend must be one of 'auto'"):
        actlab.get("relu", backend="triton")
    with pytest.raises(ParameterError, match="has no learnable parameters"):
        actlab.get("relu", learnable=True)
    with pytest.raises(UnknownNameError, match="family"):
        actlab.catalog(family="no-such-family")


def test_catalog_filters():
    rectifiers = actlab.catalog(family="piecewise")
    assert rectifiers and all(s.family == "piecewise" for s in rectifiers)
    smooth = actlab.catalog(where=lambda s: s.properties and s.properties.smoothness == "Cinf")
    assert smooth and all(s.properties.smoothness == "Cinf" for s in smooth)


def test_define_and_register(scratch_registry):
    spec = actlab.define("x * tanh(softplus(beta * x))", name="my_mish", beta=1.0)
    act = actlab.get("my_mish", learnable=True)
    x = torch.linspace(-3, 3, 7)
    torch.testing.assert_close(act(x), torch.nn.functional.mish(x), rtol=1e-5, atol=1e-6)
    assert actlab.lookup("my-mish") is spec
    with pytest.raises(SpecError, match="already in the catalog"):
        actlab.define("x", name="my_mish")
    anonymous = actlab.define("x * sigmoid(x)")
    assert anonymous.family == "user" and actlab.get(anonymous)(torch.zeros(1)).item() == 0


def test_register_rejects_bad_specs(scratch_registry):
    cite = Citation("A title", "A. Author", 2024)
    props = Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                       zero_at_zero=True, zero_centered=True)
    with pytest.raises(actlab.FormulaError):
        Spec("bad", "x * undeclared", "user", cite, props)
    with pytest.raises(SpecError, match="lowercase identifier"):
        Spec("Bad Name", "x", "user", cite, props)
    with pytest.raises(ParameterError, match="out of range"):
        Param("width", -1.0, low=0.0, open_low=True)
    with pytest.raises(SpecError, match="names already used"):
        actlab.register(Spec("relu_copy", "x", "user", cite, props, aliases=("relu",)))


@pytest.mark.parametrize("block", sorted(BLOCKS))
def test_gated_block_names_point_to_feedforward(block):
    line = f'use actlab.nn.FeedForward(dim, act="{block}")'
    for make in (actlab.get, actlab.fn, actlab.nn.Activation,
                 lambda name: AdaptiveActivation(name, channels=2)):
        with pytest.raises(GatedBlockError, match="gated feed-forward block") as caught:
            make(block.upper())
        assert line in str(caught.value) and isinstance(caught.value, UnknownNameError)


def test_a_registered_entry_wins_over_a_block_name(scratch_registry):
    spec = actlab.define("x * sigmoid(x)", name="swiglu")
    assert actlab.get("swiglu").spec is spec


@pytest.mark.parametrize("make", [lambda: actlab.fn("mish", backend="eager"),
                                  lambda: actlab.get("mish", backend="eager")])
def test_a_failure_in_forward_names_entry_backend_and_input(make):
    with pytest.raises(ForwardError) as caught:
        make()(torch.arange(6).view(2, 3))
    message = str(caught.value)
    assert message.startswith("mish (backend eager) failed on an input of shape (2, 3), "
                              "dtype torch.int64, device cpu:")
    assert isinstance(caught.value.__cause__, RuntimeError)
    assert str(caught.value.__cause__) in message


def test_a_module_pickled_before_per_device_backends_loads():
    act = actlab.get("swish", beta=2.0, backend="eager")
    state = act.__getstate__()
    state["backend"] = state.pop("requested")  # the attribute's former name
    old = actlab.Activation.__new__(actlab.Activation)
    old.__setstate__(state)
    assert old.requested == "eager" and torch.equal(old(torch.ones(3)), act(torch.ones(3)))
