"""actlab: the laboratory for neural-network nonlinearities in PyTorch.

>>> import torch, actlab
>>> act = actlab.get("mish")
>>> act(torch.tensor([-1.0, 0.0, 1.0]))
tensor([-0.3034,  0.0000,  0.8651])
>>> swish = actlab.fn("swish", beta=2.0)
>>> len(actlab.catalog()) >= 100
True
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version

import torch

from actlab.catalog import (
    Citation,
    Match,
    Param,
    Properties,
    RediscoveryWarning,
    Reference,
    Spec,
    catalog,
    define,
    identify,
    lookup,
    register,
)
from actlab.errors import (
    ActlabError,
    DeviceError,
    FormulaError,
    ForwardError,
    GatedBlockError,
    ParameterError,
    SpecError,
    UnknownNameError,
)
from actlab.fit import Fit, fit
from actlab.formula import Formula
from actlab.nn.activation import Activation
from actlab.nn.blocks import lookup_nonlinearity
from actlab.ops import backend as backends
from actlab.ops.backend import Backend

__version__ = version("actlab")


def get(
    name: str | Spec,
    *,
    learnable: bool = False,
    inplace: bool = False,
    backend: Backend = "auto",
    **params: float,
) -> Activation:
    """The nonlinearity ``name`` (or an alias, or a Spec) as an ``nn.Module``.

    ``backend``: ``"auto"`` (the fastest measured on this machine for the input's device type),
    ``"fused"``, ``"eager"`` or ``"native"`` (torch's own op, where there is one).

    >>> get("leaky_relu", negative_slope=0.1, backend="eager")
    Activation(leaky_relu, negative_slope=0.1, backend=eager)
    """
    return Activation(name, learnable=learnable, inplace=inplace, backend=backend, **params)


def fn(name: str | Spec, *, backend: Backend = "auto",
       **params: float) -> Callable[[torch.Tensor], torch.Tensor]:
    """The nonlinearity ``name`` as a plain function of a tensor, parameters fixed: any shape in,
    the same shape out, run by the backend chosen for the input's device type.

    >>> fn("relu6", backend="eager")(torch.tensor([-1.0, 3.0, 9.0]))
    tensor([0., 3., 6.])
    """
    spec = lookup_nonlinearity(name)
    values = spec.resolve(params)
    run = backends.implementation(spec, backend)

    def function(x: torch.Tensor) -> torch.Tensor:
        return backends.reported(spec.name, run.backend_for, x, lambda: run(x, values))

    function.__name__ = function.__qualname__ = spec.name
    function.__doc__ = f"{spec.name}(x) = {spec.formula}  with {values or 'no parameters'}"
    return function


__all__ = [
    "Activation", "ActlabError", "Citation", "DeviceError", "Fit", "Formula", "FormulaError",
    "ForwardError", "GatedBlockError", "Match", "Param", "ParameterError", "Properties",
    "RediscoveryWarning", "Reference", "Spec", "SpecError", "UnknownNameError",
    "catalog", "define", "fit", "fn", "get", "identify", "lookup", "register",
]  # fmt: skip
