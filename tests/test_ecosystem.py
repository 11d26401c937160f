"""The ecosystem's activation names: every name of torch.nn, of transformers' ACT2FN and of timm's
activation factory resolves through ``actlab.get``, and the entry matches the framework's own
function to 1e-6 at default parameters. Where actlab is the more accurate (the tanh-GELU family's
left tail), a test states it rather than matching the framework's error."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Callable
from pathlib import Path

import mpmath
import pytest
import torch

import actlab
from actlab.errors import GatedBlockError

X = torch.cat(
    [
        torch.linspace(-10, 10, 2001, dtype=torch.float64) + 1.234e-4,
        torch.tensor([-1e3, -60.0, -30.0, 0.0, 30.0, 60.0, 1e3], dtype=torch.float64),
    ]
)
TOL = 1e-6  # |actlab - framework| <= TOL * (1 + |framework|)

# torch.nn.modules.activation names that are not elementwise nonlinearities
NOT_ELEMENTWISE = {
    "GLU": "a gated block (halves a dimension): actlab.nn.FeedForward(dim, act='glu')",
    "MultiheadAttention": "attention, not a pointwise function",
    "Softmax": "normalizes along a dimension",
    "Softmin": "normalizes along a dimension",
    "Softmax2d": "normalizes along channels",
    "LogSoftmax": "normalizes along a dimension",
}
TORCH_ARGS = {"Threshold": (1.0, 0.0)}  # torch requires them; actlab's defaults

# the tanh approximation of GELU: frameworks compute 0.5 x (1 + tanh(u)), which cancels to 0 (no
# correct digit) below about x = -6 in float32; actlab evaluates the identical x sigmoid(2u)
TANH_GELU = {
    ("transformers", n)
    for n in ("gelu_new", "gelu_fast", "gelu_accurate", "gelu_pytorch_tanh", "gelu_python_tanh")
}
TANH_GELU |= {("timm", "gelu_tanh")}


def torch_functions() -> dict[str, Callable[[torch.Tensor], torch.Tensor]]:
    from torch.nn.modules import activation

    return {
        name: getattr(activation, name)(*TORCH_ARGS.get(name, ())).eval()
        for name in activation.__all__
        if name not in NOT_ELEMENTWISE
    }


def transformers_functions() -> dict[str, Callable[[torch.Tensor], torch.Tensor]]:
    activations = pytest.importorskip(
        "transformers.activations",
        reason="transformers not installed: its names NOT tested (pip install -e '.[dev]')",
    )
    functions = {name: activations.ACT2FN[name] for name in activations.ACT2CLS}
    # transformers keeps xIELU's parameters in bfloat16 by default; compared in float64
    functions["xielu"] = activations.XIELUActivation(dtype=torch.float64)
    return functions


def timm_functions() -> dict[str, Callable[[torch.Tensor], torch.Tensor]]:
    """timm's activation factory, loaded without ``timm/__init__`` (which imports torchvision)."""
    found = importlib.util.find_spec("timm")
    if found is None:
        pytest.skip("timm not installed: timm's names NOT tested (pip install timm)")
    root = Path(found.submodule_search_locations[0])
    saved = {k: v for k, v in sys.modules.items() if k == "timm" or k.startswith("timm.")}
    try:
        for name, path in (("timm", root), ("timm.layers", root / "layers")):
            package = types.ModuleType(name)
            package.__path__ = [str(path)]
            sys.modules[name] = package
        factory = importlib.import_module("timm.layers.create_act")
    except ImportError as err:
        pytest.skip(f"timm's activation factory does not load ({err}): timm's names NOT tested")
    finally:
        for name in [k for k in sys.modules if k == "timm" or k.startswith("timm.")]:
            del sys.modules[name]
        sys.modules.update(saved)
    names = {
        *factory._ACT_LAYER_DEFAULT,
        *factory._ACT_LAYER_ME,
        *factory._ACT_FN_DEFAULT,
        *factory._ACT_FN_ME,
    }
    return {name: factory.create_act_layer(name) for name in sorted(names)}


FRAMEWORKS = {
    "torch": torch_functions,
    "transformers": transformers_functions,
    "timm": timm_functions,
}


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_every_name_resolves_and_matches(framework):
    functions = FRAMEWORKS[framework]()
    assert len(functions) >= 12
    wrong = {}
    for name, theirs in functions.items():
        if isinstance(theirs, torch.nn.Module):
            theirs = theirs.double()
        ours = actlab.fn(name, backend="eager")  # raises UnknownNameError for a missing name
        with torch.no_grad():
            expected = theirs(X.clone())
        got = ours(X)
        error = ((got - expected).abs() / (1 + expected.abs())).max().item()
        if not error <= TOL:
            wrong[name] = error
    assert wrong == {}


def test_torch_names_that_are_not_elementwise_are_named_here():
    from torch.nn.modules import activation

    assert set(NOT_ELEMENTWISE) <= set(activation.__all__)
    with pytest.raises(GatedBlockError, match="FeedForward"):
        actlab.get("GLU")


def tanh_gelu(x: float) -> float:
    """0.5 x (1 + tanh(u)), u = sqrt(2/pi) (x + 0.044715 x^3), at 30 digits, as the identical
    x / (1 + exp(-2u)) (1 + tanh(u) itself cancels even at 30 digits)."""
    with mpmath.workdps(30):
        x = mpmath.mpf(x)
        u = mpmath.sqrt(2 / mpmath.pi) * (x + mpmath.mpf("0.044715") * x**3)
        return float(x / (1 + mpmath.exp(-2 * u)))


@pytest.mark.parametrize(("framework", "name"), sorted(TANH_GELU))
def test_actlab_is_more_accurate_in_the_tanh_gelu_left_tail(framework, name):
    x = torch.linspace(-9, -6, 31)  # below -9.5 the value itself underflows float32
    truth = torch.tensor([tanh_gelu(v) for v in x.tolist()], dtype=torch.float64)
    with torch.no_grad():
        theirs = FRAMEWORKS[framework]()[name](x.clone()).double()
    ours = actlab.fn(name, backend="eager")(x).double()
    ours_error = ((ours - truth) / truth).abs().max().item()
    theirs_error = ((theirs - truth) / truth).abs().max().item()
    assert ours_error <= 1e-5, "actlab keeps float32's relative accuracy in the tail"
    assert theirs_error >= 0.5, f"{framework} {name} has no correct digit there"
