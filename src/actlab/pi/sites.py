"""Where a model's nonlinearities are: which modules are ReLU, max-pool, polynomial or other
nonlinear sites, and :class:`MaskedReLU`, the site a linearized ReLU becomes.

Sites are modules, found by type: ``nn.ReLU``, actlab's ``Activation("relu")``, the pooling and
activation modules of ``torch.nn``, actlab's activations and learnable units, and this
package's polynomials. Nonlinearities called as functions inside ``forward`` (``F.relu``) are
not modules and cannot be seen; replace them with modules first.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Iterator
from typing import Literal

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.modules import activation as torch_activations

from actlab.errors import ActlabError
from actlab.nn import Activation, learnable
from actlab.pi.polynomial import Composite, Polynomial

Kind = Literal["relu", "maxpool", "polynomial", "other", "linear"]
Granularity = Literal["channel", "element"]
GRANULARITIES: tuple[Granularity, ...] = ("channel", "element")
LEARNABLE = tuple(
    unit for unit in map(learnable.__dict__.get, learnable.__all__) if isinstance(unit, type)
)
MAXPOOL = (nn.MaxPool1d, nn.MaxPool2d, nn.MaxPool3d)
LINEAR = (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d, nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d)


class NoReluError(ActlabError, ValueError):
    """A model with no ReLU module to linearize or replace."""


class MaskedReLU(nn.Module):
    """ReLU where the mask is 1, ``replacement`` (identity by default) where it is 0.

    ``shape`` is one example's feature shape, channels first, as the site sees it; the mask has
    one entry per channel (``granularity="channel"``, broadcast over the remaining dimensions)
    or per element. While ``weights`` is set (a tensor of the mask's shape, during SNL or
    AutoReP training) it replaces the mask: ``w * relu(x) + (1 - w) * replacement(x)``.

    >>> site = MaskedReLU((4, 3), "channel")
    >>> site.mask[1:] = 0
    >>> site.relu_elements, site(torch.tensor([[[-1.0] * 3] * 4]))[0, :, 0].tolist()
    (3, [0.0, -1.0, -1.0, -1.0])
    """

    def __init__(
        self,
        shape: tuple[int, ...],
        granularity: Granularity = "channel",
        replacement: nn.Module | None = None,
    ):
        super().__init__()
        if granularity not in GRANULARITIES:
            raise ActlabError(
                f"granularity must be one of {', '.join(GRANULARITIES)}, got {granularity!r}"
            )
        self.shape, self.granularity = tuple(shape), granularity
        unit = shape if granularity == "element" else (shape[0], *(1,) * (len(shape) - 1))
        self.register_buffer("mask", torch.ones(unit))
        self.replacement = replacement if replacement is not None else nn.Identity()
        self.weights: torch.Tensor | None = None

    @property
    def units(self) -> int:
        return self.mask.numel()

    @property
    def unit_size(self) -> int:
        """Elements per mask entry, for one example."""
        return math.prod(self.shape) // self.units

    @property
    def relu_elements(self) -> int:
        """ReLUs this site evaluates for one example."""
        return int(self.mask.sum().item()) * self.unit_size

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        w = self.mask if self.weights is None else self.weights
        return w * F.relu(x) + (1 - w) * self.replacement(x)

    def extra_repr(self) -> str:
        return (
            f"{self.granularity}, {self.relu_elements} of {math.prod(self.shape)} ReLUs "
            "kept per example"
        )


def kind_of(module: nn.Module) -> Kind | None:
    """The site kind of ``module``, None for modules that are neither sites nor linear layers."""
    if isinstance(module, nn.ReLU | MaskedReLU) or (
        isinstance(module, Activation) and module.spec.name == "relu"
    ):
        return "relu"
    if isinstance(module, MAXPOOL):
        return "maxpool"
    if isinstance(module, Polynomial | Composite):
        return "polynomial"
    if isinstance(module, LINEAR):
        return "linear"
    if isinstance(module, (Activation, *LEARNABLE)) or (
        type(module).__module__ == torch_activations.__name__
        and not isinstance(module, nn.MultiheadAttention)
    ):
        return "other"
    return None


def walk(model: nn.Module) -> Iterator[tuple[str, nn.Module, Kind]]:
    """Every site and linear layer of ``model`` with its qualified name and kind, outermost
    first; nothing inside a site is visited again."""
    inside: list[str] = []
    for name, module in model.named_modules():
        if any(name.startswith(prefix + ".") for prefix in inside):
            continue
        kind = kind_of(module)
        if kind is not None:
            inside.append(name)
            yield name, module, kind


def relu_sites(model: nn.Module) -> list[str]:
    """The qualified names of ``model``'s ReLU modules (masked ones included); raises
    :class:`NoReluError` when there are none."""
    names = [name for name, _, kind in walk(model) if kind == "relu"]
    if not names:
        raise NoReluError(
            f"{type(model).__name__} has no ReLU modules (nn.ReLU or "
            "actlab.get('relu')) to linearize or replace; ReLUs called as "
            "functions inside forward are invisible: make them modules"
        )
    return names


def replace(model: nn.Module, name: str, module: nn.Module) -> None:
    """Put ``module`` at the qualified ``name`` inside ``model``."""
    parent, _, leaf = name.rpartition(".")
    setattr(model.get_submodule(parent) if parent else model, leaf, module)


def record_inputs(
    model: nn.Module, names: list[str], run: Callable[[], object]
) -> dict[str, torch.Tensor]:
    """The input each named submodule received while ``run()`` called the model (detached; the
    inputs of several calls are concatenated along the first dimension)."""
    seen: dict[str, list[torch.Tensor]] = {name: [] for name in names}
    hooks = [
        model.get_submodule(name).register_forward_hook(
            lambda _m, args, _out, name=name: seen[name].append(args[0].detach())
        )
        for name in names
    ]
    try:
        with torch.no_grad():
            run()
    finally:
        for hook in hooks:
            hook.remove()
    return {name: torch.cat(values) for name, values in seen.items() if values}


def polynomialize(model: nn.Module, make: nn.Module | Callable[[], nn.Module]) -> nn.Module:
    """``model`` (changed in place and returned) with every ReLU module replaced by a copy of
    the module ``make``, or by ``make()`` when it is a factory."""
    for name in relu_sites(model):
        replace(model, name, copy.deepcopy(make) if isinstance(make, nn.Module) else make())
    return model
