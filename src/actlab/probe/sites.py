"""Activation sites: which modules and which functional calls of a model are nonlinearities, and
which catalog entry each one computes (its derivative gives flat-region occupancy).

Modules are recognized by type: torch.nn's activations, actlab's :class:`~actlab.nn.Activation`
and learnable units, a gated :class:`~actlab.nn.FeedForward` (its site is the gated product that
enters the down projection), and transformers' and timm's activation modules by class name
(their packages need not import: timm cannot without torchvision). Functional calls
(``F.gelu``, ``torch.relu``...) are caught by :func:`functional_entry` from a
``TorchFunctionMode``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from actlab.catalog.registry import lookup
from actlab.catalog.spec import Spec
from actlab.nn import Activation, FeedForward
from actlab.nn.learnable import AdaptiveActivation, Fourier, Hermite, PolyReLU, Rational, Tropical


@dataclass(frozen=True)
class Entry:
    """A catalog entry with parameter values: what an activation site computes."""

    name: str
    params: tuple[tuple[str, float], ...] = ()

    @property
    def spec(self) -> Spec:
        return lookup(self.name)

    def label(self) -> str:
        args = ", ".join(f"{k}={v:g}" for k, v in self.params)
        return f"{self.name}({args})" if args else self.name


@dataclass
class Site:
    """One activation site: a module path, or ``path:function#k`` for the k-th call of a
    functional activation inside the module at ``path``. ``entry`` is None where the function
    is not a catalog entry (a learnable unit, a Rational): sparsity and magnitudes are still
    measured, flat-region occupancy is not."""

    name: str
    kind: str  # "module" | "function" | "gated"
    entry: Entry | None
    owner: str = ""  # the module whose forward holds the site (its parent for module sites)
    extra: dict = field(default_factory=dict)


LEARNABLE_UNITS = (AdaptiveActivation, Fourier, Hermite, PolyReLU, Rational, Tropical)

# torch.nn modules -> catalog entries (parameters read from the module where they have any)
_TORCH_MODULES: dict[type, Callable[[nn.Module], Entry]] = {
    nn.ReLU: lambda m: Entry("relu"),
    nn.GELU: lambda m: Entry("gelu_tanh" if m.approximate == "tanh" else "gelu"),
    nn.SiLU: lambda m: Entry("silu"),
    nn.Tanh: lambda m: Entry("tanh"),
    nn.Sigmoid: lambda m: Entry("sigmoid"),
    nn.Mish: lambda m: Entry("mish"),
    nn.ReLU6: lambda m: Entry("relu6"),
    nn.SELU: lambda m: Entry("selu"),
    nn.Hardswish: lambda m: Entry("hardswish"),
    nn.Hardsigmoid: lambda m: Entry("hardsigmoid"),
    nn.Softsign: lambda m: Entry("softsign"),
    nn.Tanhshrink: lambda m: Entry("tanhshrink"),
    nn.LeakyReLU: lambda m: Entry("leaky_relu", (("negative_slope", m.negative_slope),)),
    nn.ELU: lambda m: Entry("elu", (("alpha", m.alpha),)),
    nn.CELU: lambda m: Entry("celu", (("alpha", m.alpha),)),
    nn.Softplus: lambda m: Entry("softplus", (("beta", m.beta), ("threshold", m.threshold))),
    nn.Hardtanh: lambda m: Entry("hardtanh", (("min_val", m.min_val), ("max_val", m.max_val))),
    nn.PReLU: lambda m: Entry("prelu", (("a", m.weight.detach().mean().item()),)),
}

# activation modules of other libraries, by (top-level package, class name)
_FOREIGN_MODULES: dict[tuple[str, str], Entry] = {
    **{
        ("transformers", name): Entry("gelu")
        for name in ("GELUActivation", "AccurateGELUActivation")
    },
    **{
        ("transformers", name): Entry("gelu_tanh")
        for name in ("NewGELUActivation", "FastGELUActivation", "GELUTanh", "PytorchGELUTanh")
    },
    ("transformers", "QuickGELUActivation"): Entry("swish", (("beta", 1.702),)),
    ("transformers", "SiLUActivation"): Entry("silu"),
    ("transformers", "MishActivation"): Entry("mish"),
    ("transformers", "ReLUSquaredActivation"): Entry("relu_squared"),
    ("timm", "GELU"): Entry("gelu"),
    ("timm", "GELUTanh"): Entry("gelu_tanh"),
    ("timm", "QuickGELU"): Entry("swish", (("beta", 1.702),)),
    ("timm", "Swish"): Entry("silu"),
    ("timm", "SwishMe"): Entry("silu"),
    ("timm", "Mish"): Entry("mish"),
    ("timm", "MishMe"): Entry("mish"),
    ("timm", "HardSwish"): Entry("hardswish"),
    ("timm", "HardSwishMe"): Entry("hardswish"),
    ("timm", "HardSigmoid"): Entry("hardsigmoid"),
    ("timm", "HardSigmoidMe"): Entry("hardsigmoid"),
    ("timm", "Sigmoid"): Entry("sigmoid"),
    ("timm", "Tanh"): Entry("tanh"),
}

# functional activations -> catalog entries (keyword arguments read where they matter)
FUNCTIONS: dict[Callable, Callable[[tuple, dict], Entry]] = {
    F.relu: lambda a, k: Entry("relu"),
    torch.relu: lambda a, k: Entry("relu"),
    F.gelu: lambda a, k: Entry("gelu_tanh" if k.get("approximate") == "tanh" else "gelu"),
    F.silu: lambda a, k: Entry("silu"),
    torch.tanh: lambda a, k: Entry("tanh"),
    F.tanh: lambda a, k: Entry("tanh"),
    torch.sigmoid: lambda a, k: Entry("sigmoid"),
    F.sigmoid: lambda a, k: Entry("sigmoid"),
    F.mish: lambda a, k: Entry("mish"),
    F.relu6: lambda a, k: Entry("relu6"),
    F.selu: lambda a, k: Entry("selu"),
    F.hardswish: lambda a, k: Entry("hardswish"),
    F.hardsigmoid: lambda a, k: Entry("hardsigmoid"),
    F.softsign: lambda a, k: Entry("softsign"),
    F.leaky_relu: lambda a, k: Entry(
        "leaky_relu",
        (("negative_slope", float(a[1] if len(a) > 1 else k.get("negative_slope", 0.01))),),
    ),
    F.elu: lambda a, k: Entry(
        "elu", (("alpha", float(a[1] if len(a) > 1 else k.get("alpha", 1.0))),)
    ),
    F.softplus: lambda a, k: Entry(
        "softplus",
        (
            ("beta", float(a[1] if len(a) > 1 else k.get("beta", 1.0))),
            ("threshold", float(a[2] if len(a) > 2 else k.get("threshold", 20.0))),
        ),
    ),
}


def module_entry(module: nn.Module) -> Entry | None | bool:
    """The entry ``module`` computes; None for an activation module outside the catalog (a
    learnable unit); False when ``module`` is not an activation site at all."""
    if isinstance(module, Activation):
        return Entry(
            module.spec.name,
            tuple((k, float(v.detach().mean())) for k, v in module.params().items()),
        )
    if isinstance(module, LEARNABLE_UNITS):
        return None
    for kind, make in _TORCH_MODULES.items():
        if type(module) is kind:
            return make(module)
    cls = type(module)
    return _FOREIGN_MODULES.get((cls.__module__.split(".")[0], cls.__name__), False)


def is_site_module(module: nn.Module) -> bool:
    """Whether ``module`` is an activation site (the calls inside it are not separate sites)."""
    return module_entry(module) is not False or (isinstance(module, FeedForward) and module.gated)


def functional_entry(func: Callable, args: tuple, kwargs: dict) -> Entry | None:
    """The entry a functional call computes, or None if ``func`` is not an activation."""
    make = FUNCTIONS.get(func)
    return None if make is None else make(args, kwargs or {})


def module_sites(model: nn.Module) -> list[Site]:
    """The activation modules of ``model`` in registration order (gated FeedForwards included);
    modules inside another site are left out.

    >>> net = nn.Sequential(nn.Linear(2, 3), nn.GELU(), nn.Linear(3, 1))
    >>> [(s.name, s.entry.label()) for s in module_sites(net)]
    [('1', 'gelu')]
    """
    sites: list[Site] = []
    inside: list[str] = []
    for name, module in model.named_modules():
        if any(name.startswith(prefix + ".") for prefix in inside):
            continue
        owner = name.rpartition(".")[0]
        if isinstance(module, FeedForward) and module.gated:
            sites.append(Site(name, "gated", None, owner, {"block": module.block}))
            inside.append(name)
            continue
        entry = module_entry(module)
        if entry is not False:
            sites.append(Site(name, "module", entry, owner))
            inside.append(name)
    return sites
