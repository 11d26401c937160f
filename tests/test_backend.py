"""Backends chosen per device type at call time, unsupported devices, errors raised in forward."""

import pytest
import torch

import actlab
from actlab.errors import DeviceError, ForwardError, ParameterError
from actlab.nn import AdaptiveActivation
from actlab.ops import backend, eager, fused

META = torch.device("meta")


@pytest.fixture
def two_device_types(monkeypatch):
    """Kernels prepared for cpu and a second device type, "other", whose measured choices are set
    by the test through the returned dict."""
    measured = {"cpu": {}, "other": {}}
    monkeypatch.setattr(backend, "device_types", lambda: ("cpu", "other"))
    monkeypatch.setattr(backend, "measured_choices", lambda device_type: measured[device_type])
    return measured


@pytest.mark.parametrize(("on_cpu", "on_other"), [("eager", "native"), ("native", "eager")])
def test_auto_runs_the_choice_of_the_inputs_device_type(two_device_types, monkeypatch, on_cpu,
                                                        on_other):
    two_device_types["cpu"]["mish"], two_device_types["other"]["mish"] = on_cpu, on_other
    calls = []
    monkeypatch.setattr(eager, "apply", lambda *args: calls.append(args) or torch.zeros(3))
    act = actlab.get("mish")
    assert (act.backend, act.backend_for("other")) == (on_cpu, on_other)
    assert f"backend=auto (cpu: {on_cpu}, other: {on_other})" in repr(act)
    act(torch.ones(3))
    assert len(calls) == (on_cpu == "eager")


def test_an_explicit_backend_is_shown_as_requested(two_device_types):
    two_device_types["cpu"]["mish"] = "native"
    act = actlab.get("mish", backend="eager")
    assert (repr(act), act.backend_for("other")) == ("Activation(mish, backend=eager)", "eager")


@pytest.mark.parametrize("requested", ["auto", "fused"])
def test_a_device_type_without_kernels_names_the_supported_ones_and_eager(requested, no_compile):
    x = torch.ones(2, 3, device=META)
    for run in (actlab.get("mish", backend=requested), actlab.fn("mish", backend=requested)):
        with pytest.raises(DeviceError, match="device type 'meta'.*cpu.*backend='eager'"):
            run(x)
    with pytest.raises(DeviceError, match="'meta'"):
        fused.apply(actlab.lookup("mish"), x, {})


@pytest.mark.parametrize("requested", ["eager", "native"])
def test_eager_and_native_run_on_any_device(requested):
    y = actlab.get("mish", backend=requested)(torch.ones(2, 3, device=META))
    assert (y.device, y.shape) == (META, (2, 3))


def test_learnable_eager_parameters_run_on_any_device():
    act = AdaptiveActivation("prelu", channels=3, backend="eager").to(META)
    y = act(torch.ones(4, 3, 5, device=META, requires_grad=True))
    y.sum().backward()
    assert (y.shape, act.a.grad.shape, act.a.grad.device) == ((4, 3, 5), (3,), META)


def test_a_parameter_on_another_device_fails_with_context(no_compile):
    act = AdaptiveActivation("prelu", channels=3, dim=-1, backend="fused").to(META)
    with pytest.raises(ForwardError) as caught:
        act(torch.ones(2, 3))
    assert str(caught.value).startswith("prelu (backend fused) failed on an input of shape "
                                        "(2, 3), dtype torch.float32, device cpu:")
    assert isinstance(caught.value.__cause__, RuntimeError)


def test_a_non_tensor_input_is_named():
    with pytest.raises(ForwardError, match="mish failed on a list, which is not a torch.Tensor"):
        actlab.fn("mish", backend="eager")([1.0, 2.0])


@pytest.mark.parametrize("error", [ParameterError("bad"), torch.OutOfMemoryError("no memory")])
def test_actlab_and_out_of_memory_errors_pass_unchanged(error):
    def fail():
        raise error

    with pytest.raises(type(error)) as caught:
        backend.reported("mish", lambda device_type: "eager", torch.ones(1), fail)
    assert caught.value is error


def test_nothing_is_wrapped_while_torch_compile_traces(monkeypatch):
    monkeypatch.setattr(torch.compiler, "is_compiling", lambda: True)
    with pytest.raises(NotImplementedError):
        actlab.fn("mish", backend="eager")(torch.arange(3))
